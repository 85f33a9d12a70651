"""Build the installable bundle: ``dist/klogs-desk/`` (PyInstaller onedir) and an archive of it.

    .venv/bin/pip install -c packaging/constraints.txt -e '.[bundle]'
    .venv/bin/python packaging/build.py [--no-archive] [--measure-untrimmed] [--unpinned]

The bundle is built from pinned versions: before PyInstaller runs, every package pinned in
``packaging/constraints.txt`` (for this Python) that is installed must be at its pinned version, else the
build stops and names the differences (``--unpinned`` builds anyway, for trying an upgrade; refresh the
pins with ``packaging/freeze_constraints.py``).

Prints the build time, the onedir size and the archive size (tar.gz on Linux and macOS, zip on Windows),
and the largest parts of the bundle so a size regression is easy to place. The archive is named
``dist/klogs-desk-<version>-<platform>-<machine>.<ext>``; its top folder is ``klogs-desk/``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "klogs-desk.spec"
DIST = ROOT / "dist"
BUNDLE = DIST / "klogs-desk"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def largest_parts(path: Path, count: int = 12) -> list[tuple[int, Path]]:
    files = [(f.stat().st_size, f) for f in path.rglob("*") if f.is_file() and not f.is_symlink()]
    return sorted(files, reverse=True)[:count]


def unpinned_packages(constraints: Path = ROOT / "packaging" / "constraints.txt") -> list[str]:
    """Installed packages whose version differs from their pin in ``constraints`` (markers evaluated here)."""
    from importlib.metadata import PackageNotFoundError

    from packaging.requirements import Requirement

    differences = []
    for line in constraints.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        pin = Requirement(line)
        if pin.marker is not None and not pin.marker.evaluate():
            continue
        try:
            installed = version(pin.name)
        except PackageNotFoundError:
            continue  # not needed on this platform, or not by this build's extras
        if not pin.specifier.contains(installed, prereleases=True):
            differences.append(f"{pin.name} {installed} (pinned: {pin.specifier})")
    return differences


def run_pyinstaller() -> None:
    """PyInstaller with its cache in this checkout's build folder (``PYINSTALLER_CONFIG_DIR``): ``--clean``
    empties the cache, and the default one is the user's (``~/.cache/pyinstaller``), shared by every build
    on the machine; two builds at once (two CI checkouts) deleted each other's files mid-build."""
    work = ROOT / "build" / "pyinstaller"
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(work / "cache"))
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(work / DIST.name), str(SPEC)],
                   cwd=ROOT, check=True, env=env)


def make_archive() -> Path:
    name = f"klogs-desk-{version('klogs-desk')}-{sys.platform}-{platform.machine().lower()}"
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(DIST / name), "zip", DIST, "klogs-desk"))
    archive = DIST / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname="klogs-desk")  # keeps symlinks and the executable bits
    return archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="only build dist/klogs-desk/")
    parser.add_argument("--untrimmed", action="store_true",
                        help="keep every Qt module, plugin and translation (to measure what trimming saves)")
    parser.add_argument("--unpinned", action="store_true",
                        help="build even if installed versions differ from packaging/constraints.txt")
    args = parser.parse_args()
    differences = unpinned_packages()
    if differences:
        print("installed versions differ from packaging/constraints.txt:\n  " + "\n  ".join(differences))
        if not args.unpinned:
            print("install with: .venv/bin/pip install -c packaging/constraints.txt -e '.[bundle]' "
                  "(or pass --unpinned)")
            return 1
    if args.untrimmed:  # lands in build/untrimmed/, leaving dist/ alone
        global DIST, BUNDLE
        os.environ["KLOGS_DESK_UNTRIMMED"] = "1"
        DIST = ROOT / "build" / "untrimmed"
        BUNDLE = DIST / "klogs-desk"

    started = time.perf_counter()
    run_pyinstaller()
    if not sys.platform.startswith(("win", "darwin")):
        for extra in ("klogs-desk.desktop", "install-linux.sh"):  # next to the executable, for installers
            shutil.copy2(ROOT / "packaging" / extra, BUNDLE / extra)
    built = time.perf_counter()
    print(f"build time: {built - started:.0f} s (PyInstaller)")
    print(f"onedir: {BUNDLE.relative_to(ROOT)}/  {megabytes(folder_size(BUNDLE))} unpacked")
    print("largest files:")
    for size, path in largest_parts(BUNDLE):
        print(f"  {megabytes(size):>10}  {path.relative_to(BUNDLE)}")
    if not args.no_archive:
        archive = make_archive()
        print(f"archive: {archive.relative_to(ROOT)}  {megabytes(archive.stat().st_size)} "
              f"({time.perf_counter() - built:.0f} s to pack)")
    print(f"total: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # PyInstaller's Qt hooks start Qt to query paths
    sys.exit(main())
