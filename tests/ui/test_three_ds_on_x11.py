"""The 3-D Secure page embedded in its dialog on a real X server (Xvfb, platform ``xcb``).

The other tests run offscreen, where nothing is embedded (the browser process shows a window of its own).
Here tests/ui/x11_embed_driver.py runs in a process of its own under ``xvfb-run`` and drives real
challenges against the sandbox with real X input (XTest): approved by a click on the bank page's Approve
button; a <select>'s list opened after the dialog moved; Tab into the page and out; cancelled by Escape
pressed in the page, by the dialog's Cancel button and by closing the dialog; the browser process killed
with a page embedded, then a new one. It prints what it saw; the tests below read it. The driver runs
once for the module (about 15 s).

Needs the ``xvfb`` and ``xauth`` packages (README: the tests' system packages); without them the tests
fail and say so, never skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.webengine

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("x11_embed_driver.py")
#: The whole driver: two Chromium starts and six challenges took 14-17 s on a two-core box (loaded or not).
DRIVER_PATIENCE_S = 240


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The driver's facts by step (the last of each name), plus ``"failures"`` from its end."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.fail("xvfb-run not found: install the 'xvfb' and 'xauth' packages "
                    "(sudo apt-get install -y xvfb xauth) to test the 3-D Secure page on X11")
    folder = tmp_path_factory.mktemp("x11-embed")
    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    environment.pop("DISPLAY", None)
    command = [xvfb_run, "-a", "-s", "-screen 0 1366x768x24", sys.executable, str(DRIVER), "--folder", str(folder)]
    try:
        run = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True,
                             timeout=DRIVER_PATIENCE_S)
    except subprocess.TimeoutExpired as expired:
        pytest.fail(f"the X11 driver did not end within {DRIVER_PATIENCE_S} s; its output:\n{expired.stdout}")
    facts: dict[str, Any] = {}
    for line in run.stdout.splitlines():
        if line.startswith("{"):
            message = json.loads(line)
            facts[message.pop("step")] = message
    if run.returncode != 0 or "end" not in facts:
        pytest.fail(f"the X11 driver failed (exit code {run.returncode}); its output:\n{run.stdout}\n"
                    f"its errors (last 3000 characters):\n{run.stderr[-3000:]}")
    facts["stderr"] = run.stderr
    return facts


def test_the_driver_ran_on_x11_without_time_outs(seen):
    assert seen["start"]["platform"] == "xcb"
    assert seen["end"]["failures"] == []


def test_the_page_is_embedded_in_the_dialog_where_the_view_is(seen):
    for step in ("embedded", "embedded_again"):
        facts = seen[step]
        # The browser process's window is a descendant of the dialog's in X's own window tree.
        assert facts["page_window"], step
        assert facts["in_dialog"], (step, facts["chain"], facts["dialog_window"])
        assert facts["page_viewable"], step
        assert facts["page_rect"] == facts["container_rect"] == facts["view_rect"], step
        assert not facts["own_window_note"], step  # "open in a window of its own" is only for the others
        assert "check below" in facts["hint"], step


def test_the_embedded_page_follows_the_dialog_when_it_is_resized(seen):
    before, after = seen["embedded"], seen["resized"]
    assert after["dialog_rect"][2:] == [760, 700]
    assert after["page_rect"][2] > before["page_rect"][2] and after["page_rect"][3] > before["page_rect"][3]
    assert after["page_rect"] == after["view_rect"]


def test_after_the_dialog_moved_a_select_list_opens_under_its_select_and_takes_a_click(seen):
    facts = seen["select"]
    assert facts["dialog_rect"][:2] == [430, 50]  # moved by (200, 50)
    assert len(facts["popups"]) == 1
    x, y = facts["popups"][0][:2]
    under_x, under_y = facts["under"]
    assert abs(x - under_x) <= 2 and abs(y - under_y) <= 2, (facts["popups"], facts["under"])
    assert facts["chosen"] == "two"
    assert facts["strays_after"] == []


def test_a_real_click_on_approve_in_the_embedded_page_approves_the_sale(seen):
    # A click into the page, then keys: the page's own keydown listener got them.
    assert seen["typed"]["keys"] == "klogs"
    assert seen["approve_at"]["point"] is not None
    assert seen["approved"]["state"] == "APPROVED"


def test_escape_pressed_in_the_page_cancels(seen):
    assert seen["escaped"]["state"] == "CANCELLED"


def test_the_dialogs_cancel_button_cancels_with_the_page_open(seen):
    assert seen["cancelled"]["state"] == "CANCELLED"


def test_closing_the_dialog_cancels(seen):
    assert seen["closed"]["state"] == "CANCELLED"


def test_a_dead_browser_is_said_and_the_next_challenge_is_embedded_in_a_new_one(seen):
    assert seen["killed"]["state"] == "CANCELLED"
    facts = seen["embedded_after_restart"]
    assert facts["in_dialog"] and facts["page_viewable"] and facts["stray_windows"] == []
    assert facts["page_rect"] == facts["container_rect"]
    assert seen["approved_after_restart"]["state"] == "APPROVED"


def test_tab_goes_into_the_page_and_out_again(seen):
    # Shift+Tab from Cancel: the page's last element, and keys typed reach the page.
    assert seen["tab_in"]["page_active"] == "fail"
    assert seen["tab_in"]["keys"] == "tab"
    # Tab past the page's last element: the dialog has the keyboard again, on Cancel.
    assert seen["tab_out"]["left"] == [True]
    assert seen["tab_out"]["focus_widget"] == "threeDsCancelButton"
    # Tab on from Cancel comes round into the page, on its first element.
    assert seen["tab_around"]["page_active"] == "approve"


def test_no_window_of_the_page_shows_outside_the_dialog(seen):
    assert seen["embedded"]["stray_windows"] == [] and seen["embedded"]["strays_seen"] == []
    assert seen["embedded_again"]["stray_windows"] == []
    assert seen["embedded_after_restart"]["stray_windows"] == []
    for step in ("after_approve", "after_escape", "after_cancel", "after_close", "after_restart"):
        facts = seen[step]
        assert facts["stray_windows"] == [] and facts["strays_seen"] == [], step
        # Given back to the desktop at the dialog's end (so X does not destroy it with the dialog), unmapped;
        # then closed by the browser process.
        assert facts["released"]["page_window"], step
        assert facts["released"]["on_desktop"] and not facts["released"]["mapped"], (step, facts["released"])
        assert not facts["page_window_exists"], step
    # The browser killed with the page embedded: its window went with it, nothing left on the screen.
    assert seen["after_killed"]["stray_windows"] == [] and seen["after_killed"]["strays_seen"] == []
    assert not seen["after_killed"]["page_window_exists"]


def test_the_browser_process_had_no_x_errors(seen):
    assert "X Error" not in seen["stderr"] and "qt.qpa.xcb" not in seen["stderr"]
    assert "Traceback" not in seen["stderr"]
