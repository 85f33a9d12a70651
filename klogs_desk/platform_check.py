"""Before Qt starts on X11: are the system libraries of Qt's xcb platform plugin installed?

PySide6's wheel carries Qt but not the X11 client libraries its ``libqxcb.so`` plugin links against. On a
fresh Debian/Ubuntu box some are missing (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, ...), and Qt then
aborts with a core dump and a hint that names only one of them. :func:`platform_problem` runs ``ldd`` on the
plugin first and, when libraries are "not found", returns a message naming each one and the line that
installs them (Debian/Ubuntu package names, with Fedora's beside them). No Qt import here: this runs before
Qt is loaded.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: soname -> (Debian/Ubuntu package, Fedora package) for everything libqxcb.so and libQt6XcbQpa.so need
#: from the system (checked with ldd on PySide6 6.x).
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reported as "not found", in order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def install_lines(missing: list[str]) -> tuple[str, str]:
    """``(Debian/Ubuntu line, Fedora line)`` installing the packages that provide ``missing``."""
    debian = list(dict.fromkeys(PACKAGES[name][0] for name in missing if name in PACKAGES))
    fedora = list(dict.fromkeys(PACKAGES[name][1] for name in missing if name in PACKAGES))
    return (f"sudo apt-get install -y {' '.join(debian)}" if debian else "",
            f"sudo dnf install -y {' '.join(fedora)}" if fedora else "")


def message(missing: list[str]) -> str:
    """What the terminal prints instead of Qt's abort."""
    debian, fedora = install_lines(missing)
    lines = ["klogs-desk cannot open its window: Qt's X11 (xcb) platform plugin needs system libraries that "
             "are not installed:", *(f"  {name}" for name in missing), ""]
    if debian:
        lines += ["Install them on Debian/Ubuntu with:", f"  {debian}"]
    if fedora:
        lines += ["or on Fedora with:", f"  {fedora}"]
    unknown = [name for name in missing if name not in PACKAGES]
    if unknown:
        lines.append("Find the package that provides " + ", ".join(unknown) + " with your package manager.")
    return "\n".join(lines)


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt will start on the xcb platform: chosen explicitly, or by default on X11 (not offscreen,
    not a Wayland session without X)."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) or not env.get("WAYLAND_DISPLAY")


def xcb_plugin() -> Path | None:
    """PySide6's ``libqxcb.so`` (source tree or bundle), or None."""
    import PySide6  # the package only: no Qt library is loaded

    root = Path(PySide6.__file__).resolve().parent
    for candidate in (root / "Qt" / "plugins" / "platforms" / "libqxcb.so",
                      root / "plugins" / "platforms" / "libqxcb.so"):
        if candidate.is_file():
            return candidate
    return None


def run_ldd(path: Path) -> str:
    """``ldd path``'s output; empty when there is no ldd (the check is then skipped, Qt speaks for itself)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return ""
    try:
        return subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=15).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def platform_problem(env: Mapping[str, str] | None = None, *, plugin: Callable[[], Path | None] = xcb_plugin,
                     ldd: Callable[[Path], str] = run_ldd) -> str | None:
    """The message to print when Qt's xcb plugin cannot load for missing libraries, else None."""
    if not uses_xcb(os.environ if env is None else env):
        return None
    path = plugin()
    if path is None:
        return None
    missing = missing_libraries(ldd(path))  # ldd follows libQt6XcbQpa's own system libraries too
    return message(missing) if missing else None
