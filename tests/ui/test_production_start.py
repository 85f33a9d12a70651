"""``klogs-desk --environment production`` is never silent: the cashier is asked first, and with no one to
ask (no display) it refuses unless ``--yes-production`` confirms it on the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from klogs_desk.app import EXIT_PRODUCTION_NOT_CONFIRMED, apply_environment_argument
from klogs_desk.config import Config
from klogs_desk.domain.operators import OperatorStore, Role, hash_pin
from klogs_desk.ui.production_confirm import ask_production

ROOT = Path(__file__).resolve().parents[2]


def answer_when_asked(qtbot, button: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click ``button`` of the production question once it is up (it is modal: answer from a timer)."""
    def answer() -> None:
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "productionQuestion" and w.isVisible()),
                   None)
        if box is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("button, switched", [("productionSwitch", True), ("productionCancel", False)])
def test_the_cashier_is_asked_and_only_yes_switches_to_production(qtbot, tmp_path, button, switched):
    config = Config(tmp_path / "settings.ini")
    config.environment = "test"
    seen: list[str] = []
    answer_when_asked(qtbot, button, seen)
    assert apply_environment_argument(config, "production", yes_production=False, platform="xcb",
                                      ask=ask_production) is switched
    assert len(seen) == 1 and "every approved payment charges a real card" in seen[0]
    assert Config(config.path).environment == ("production" if switched else "test")  # saved only on yes


def test_the_safe_answer_is_the_default(qtbot):
    from klogs_desk.ui.production_confirm import production_question

    box = production_question()
    qtbot.addWidget(box)
    assert box.defaultButton().objectName() == "productionCancel"
    assert box.escapeButton().objectName() == "productionCancel"


def test_no_question_without_a_display_refuses_and_yes_production_confirms(tmp_path, capsys):
    config = Config(tmp_path / "settings.ini")
    asked: list[bool] = []
    assert not apply_environment_argument(config, "production", yes_production=False, platform="offscreen",
                                          ask=lambda: asked.append(True) or True)
    assert asked == [] and "--yes-production" in capsys.readouterr().err
    assert not Config(config.path).is_configured  # nothing saved
    assert apply_environment_argument(config, "production", yes_production=True, platform="offscreen",
                                      ask=lambda: asked.append(True) or True)
    assert asked == [] and Config(config.path).environment == "production"
    # Already in production: nothing switches, nothing is asked (the window's red band says it).
    assert apply_environment_argument(config, "production", yes_production=False, platform="offscreen",
                                      ask=lambda: asked.append(True) or False)
    assert asked == []
    # Other environments switch without a question.
    assert apply_environment_argument(config, "test", yes_production=False, platform="offscreen",
                                      ask=lambda: asked.append(True) or False)
    assert asked == [] and Config(config.path).environment == "test"


def test_the_real_command_without_a_display_exits_non_zero_and_changes_nothing(tmp_path):
    env = {**os.environ, "KLOGS_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    store = OperatorStore(tmp_path / "staff.sqlite3")  # a manager exists: only the missing display refuses
    store.add("Zeynep", Role.MANAGER, hash_pin("482615"))
    store.close()
    done = subprocess.run([sys.executable, "-m", "klogs_desk.app", "--environment", "production"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == EXIT_PRODUCTION_NOT_CONFIRMED
    assert "not switching to production" in done.stderr and "--yes-production" in done.stderr
    settings = list(tmp_path.rglob("*.ini"))
    assert all("production" not in path.read_text() for path in settings)


def test_the_real_command_refuses_to_leave_training_before_a_manager_exists(tmp_path):
    env = {**os.environ, "KLOGS_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "klogs_desk.app", "--environment", "production",
                           "--yes-production"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == EXIT_PRODUCTION_NOT_CONFIRMED
    assert "no manager has been created yet" in done.stderr
    assert all("production" not in path.read_text() for path in tmp_path.rglob("*.ini"))
