"""The qasync event loop survives 100,000 trivial awaits.

PySide6 6.12.0 on CPython < 3.12 dies with "Fatal Python error: none_dealloc" after a few thousand loop
iterations of a qasync app. The check runs in a subprocess because the failure is a hard crash that
would take pytest down with it; an exit code of 0 (and the count printed) is the only pass.
"""

from __future__ import annotations

import os
import subprocess
import sys

ITERATIONS = 100_000

SCRIPT = f"""
import asyncio, sys
from PySide6.QtWidgets import QApplication
import qasync

app = QApplication(sys.argv[:1])
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)

async def spin():
    count = 0
    for _ in range({ITERATIONS}):
        await asyncio.sleep(0)
        count += 1
    return count

with loop:
    done = loop.run_until_complete(spin())
print("iterations", done)
"""


def test_qasync_loop_survives_a_hundred_thousand_awaits():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"iterations {ITERATIONS}" in result.stdout
