"""Cold start of ``klogs-desk`` in training mode: prints how long until the window is shown.

    .venv/bin/python benchmarks/cold_start.py [runs]

Each run is a fresh process with a fresh app home (so the embedded sandbox starts every time). The
figures come from the app's own log line "window shown N ms after start (sandbox start-up M ms)".
Also reports whether QtWebEngine was imported before the window showed (it must not be).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    import PySide6.QtWidgets as widgets
    original_show = widgets.QMainWindow.show
    def show(self):
        print("webengine imported before show:", "PySide6.QtWebEngineWidgets" in sys.modules, flush=True)
        original_show(self)
        QTimer.singleShot(0, app.quit)
    widgets.QMainWindow.show = show
    from klogs_desk.app import main
    sys.exit(main([]))
""")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for run in range(1, runs + 1):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KLOGS_DESK_HOME=tempfile.mkdtemp())
        result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                                timeout=120)
        shown = re.search(r"window shown (\d+) ms after start \(sandbox start-up ([^)]*)\)", result.stderr)
        webengine = re.search(r"webengine imported before show: (\w+)", result.stdout)
        print(f"run {run}: window shown {shown.group(1) if shown else '?'} ms, "
              f"sandbox start-up {shown.group(2) if shown else '?'}, "
              f"QtWebEngine before show: {webengine.group(1) if webengine else '?'}, exit {result.returncode}")


if __name__ == "__main__":
    main()
