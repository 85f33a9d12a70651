"""``python -m klogs_desk --self-check`` from the source tree: what CI runs against the installed bundle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_self_check(home: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KLOGS_DESK_HOME=str(home), **extra_env)
    env.pop("DISPLAY", None)  # the check must pick the offscreen platform by itself
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([sys.executable, "-m", "klogs_desk", "--self-check"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=180)


def test_self_check_runs_a_sale_and_a_three_d_secure_sale_and_exits_zero(tmp_path):
    home = tmp_path / "users-home"
    home.mkdir()
    result = run_self_check(home)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    out = result.stdout
    assert "self-check (Python" in out and "Qt platform offscreen" in out
    assert "ok   embedded sandbox serving on http://127.0.0.1:" in out
    assert "ok   sale approved: order KD-" in out and "card 411111******1111" in out
    assert "ok   3-D Secure challenge page shown by the browser process on the bank's host " in out
    assert ("bank's host 127.0.0.2 (" in out) or ("bank's host localhost (" in out)
    assert "ok   3-D Secure #approve clicked in the web engine" in out
    assert "ok   3-D Secure sale approved via the loopback callback" in out
    assert "ok   journal exported in its own process: 2 rows" in out
    assert out.rstrip().splitlines()[-1].startswith("self-check passed in ")
    # Full card numbers never appear, and the user's own journal/settings are left alone.
    assert "4111111111111111" not in out + result.stderr
    assert "4000000000003220" not in out + result.stderr
    assert list(home.iterdir()) == []


def test_self_check_that_cannot_finish_in_time_fails_with_a_reason(tmp_path):
    result = run_self_check(tmp_path, KLOGS_DESK_SELF_CHECK_TIME_LIMIT="0.01")
    assert result.returncode == 2
    assert "FAIL self-check did not finish within" in result.stdout
    assert "self-check passed" not in result.stdout
