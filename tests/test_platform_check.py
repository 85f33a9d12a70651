"""Before Qt starts on X11, missing xcb libraries become a message with the install line, not a core dump."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from klogs_desk import platform_check

ROOT = Path(__file__).resolve().parents[1]

#: ldd on libqxcb.so on a fresh Debian 12 with only libxcb-cursor0 added (what the newcomer hit).
LDD_FRESH_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd5b3f2000)
\tlibQt6XcbQpa.so.6 => /x/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f3d02c00000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f3d02be4000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f3d02b70000)
\tlibfancy-new.so.2 => not found
"""


def test_not_found_libraries_map_to_debian_and_fedora_packages() -> None:
    missing = platform_check.missing_libraries(LDD_FRESH_DEBIAN)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfancy-new.so.2"]
    debian, fedora = platform_check.install_lines(missing)
    assert debian == "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1"
    assert fedora == "sudo dnf install -y xcb-util-wm xcb-util-keysyms"


def test_the_message_names_each_library_and_the_install_line() -> None:
    text = platform_check.platform_problem({"DISPLAY": ":0"}, plugin=lambda: Path("/x/libqxcb.so"),
                                           ldd=lambda _path: LDD_FRESH_DEBIAN)
    assert text is not None
    for name in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfancy-new.so.2"):
        assert f"  {name}" in text
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1" in text
    assert "Find the package that provides libfancy-new.so.2" in text


def test_nothing_is_checked_offscreen_or_on_wayland() -> None:
    def never(_path: Path) -> str:
        raise AssertionError("ldd must not run")

    for env in ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, {"QT_QPA_PLATFORM": "wayland"},
                {"WAYLAND_DISPLAY": "wayland-0"}):
        assert platform_check.platform_problem(env, plugin=lambda: Path("/x"), ldd=never) is None


def test_all_libraries_present_is_no_problem_on_this_machine() -> None:
    """The real plugin and the real ldd: CI installs the xcb libraries, so a normal start goes on."""
    plugin = platform_check.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    assert "libxcb-icccm.so.4" in platform_check.run_ldd(plugin)
    assert platform_check.platform_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}) is None


def _start(tmp_path: Path, ldd_output: str, **env: str) -> subprocess.CompletedProcess:
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ldd = fake_bin / "ldd"
    (tmp_path / "ldd-output").write_text(ldd_output)
    ldd.write_text(f"#!/bin/sh\ncat {tmp_path / 'ldd-output'}\n")
    ldd.chmod(0o755)
    environment = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    environment.update(PATH=f"{fake_bin}:{os.environ['PATH']}", KLOGS_DESK_HOME=str(tmp_path / "home"), **env)
    environment["PYTHONPATH"] = str(ROOT)
    # Run from tmp_path with no core file: Qt aborts when it cannot reach the display.
    return subprocess.run([sys.executable, "-m", "klogs_desk"], cwd=tmp_path, env=environment, capture_output=True,
                          text=True, timeout=60, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)))


def test_klogs_desk_prints_the_missing_libraries_instead_of_a_core_dump(tmp_path: Path) -> None:
    started = _start(tmp_path, LDD_FRESH_DEBIAN, DISPLAY=":0")
    assert started.returncode == 1, started.stderr
    assert "libxcb-icccm.so.4" in started.stderr and "libxcb-keysyms.so.1" in started.stderr
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1" in started.stderr
    assert "core dumped" not in started.stderr and "Traceback" not in started.stderr


def test_normal_start_is_unaffected_when_every_library_is_there(tmp_path: Path) -> None:
    """Everything found: the terminal goes on to Qt. With no X server at that display Qt itself then stops
    ("could not connect to display"), after the check, which is how we see the check let it through."""
    everything_found = LDD_FRESH_DEBIAN.replace("=> not found", "=> /lib/x86_64-linux-gnu/found.so (0x1)")
    assert platform_check.platform_problem({"DISPLAY": ":0"}, plugin=lambda: Path("/x"),
                                           ldd=lambda _path: everything_found) is None
    started = _start(tmp_path, everything_found, QT_QPA_PLATFORM="xcb", DISPLAY=":987")
    assert "cannot open its window" not in started.stderr
    assert "could not connect to display" in started.stderr
