"""Idle and session safety: card fields wiped after inactivity; the terminal locks after the configured
idle minutes (PCI DSS 8.2.8) behind an opaque screen until the manager PIN is entered; input keeps it open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from klogs_desk.config import Config
from klogs_desk.services.idle_lock import IdleTracker, unlocks
from klogs_desk.ui.card_form import CardForm
from klogs_desk.ui.lock_screen import IdleLock

SECRET_RED = QColor("#ff0000")
PIN = "4826"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def config(tmp_path):
    config = Config(tmp_path / "settings.ini")
    config.set_manager_pin(PIN)
    config.sync()
    return config


@pytest.fixture
def window(qtbot):
    """A window whose content is a card form and a pure red panel (easy to find in a grab)."""
    window = QMainWindow()
    content = QWidget()
    layout = QVBoxLayout(content)
    window.form = CardForm("lockTest", idle_seconds=0)
    layout.addWidget(window.form)
    panel = QLabel("Approved 411111******1111")
    panel.setAutoFillBackground(True)
    panel.setStyleSheet("background: #ff0000;")
    panel.setMinimumHeight(120)
    layout.addWidget(panel)
    window.setCentralWidget(content)
    window.menuBar().addMenu("&File")
    window.resize(700, 600)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def lock(window, config, clock):
    return IdleLock(window, config, now=clock)


def red_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
               if image.pixelColor(x, y) == SECRET_RED)


def test_card_fields_clear_after_inactivity(qtbot):
    form = CardForm("idle", idle_seconds=0.2)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.pan, "4111111111111111")
    qtbot.keyClicks(form.expiry, "1139")
    qtbot.keyClicks(form.cvv, "123")
    qtbot.keyClicks(form.amount, "10.00")
    with qtbot.waitSignal(form.card_cleared_for_inactivity, timeout=5000):
        pass
    assert (form.pan.text(), form.expiry.text(), form.cvv.text()) == ("", "", "")
    assert form.amount.text() == "10.00"  # only the card goes


def test_locks_after_the_configured_idle_minutes_and_hides_everything(qtbot, window, lock, clock):
    assert lock.config.idle_lock_minutes == 15
    qtbot.keyClicks(window.form.pan, "4111111111111111")
    assert red_pixels(window) > 0  # the check below can see the content when it is there
    clock.advance(14.9)
    lock.check()
    assert not lock.locked

    clock.advance(0.2)
    with qtbot.waitSignal(lock.locked_changed) as changed:
        lock.check()
    assert changed.args == [True] and lock.locked
    window.grab().save("/tmp/idle_lock.png")
    assert red_pixels(window) == 0, "content visible through the lock screen"
    assert window.form.pan.text() == ""  # the card was wiped when it locked
    assert not window.centralWidget().isEnabled() and not window.menuBar().isEnabled()
    assert lock.screen.objectName() == "lockScreen" and lock.screen.pin.isVisible()


def test_wrong_pin_stays_locked_and_the_right_pin_unlocks(qtbot, window, lock, clock):
    clock.advance(16)
    lock.check()
    screen = lock.screen
    qtbot.keyClicks(screen.pin, "1111")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert lock.locked and "Wrong PIN" in screen.error.text() and screen.pin.text() == ""
    clock.advance(30)
    lock.check()  # still one lock screen, still locked
    assert lock.locked and lock.screen is screen

    qtbot.keyClicks(screen.pin, PIN)
    with qtbot.waitSignal(lock.locked_changed) as changed:
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert changed.args == [False] and not lock.locked
    assert window.centralWidget().isEnabled() and red_pixels(window) > 0
    lock.check()
    assert not lock.locked  # unlocking counts as activity


def test_input_anywhere_keeps_it_open(qtbot, window, lock, clock):
    for _ in range(4):
        clock.advance(10)
        qtbot.keyClick(window.form.holder, Qt.Key.Key_A)
        lock.check()
        assert not lock.locked
    clock.advance(5)
    qtbot.mouseMove(window.form.amount)
    qtbot.mouseClick(window.form.amount, Qt.MouseButton.LeftButton)
    clock.advance(14)
    lock.check()
    assert not lock.locked


def test_idle_minutes_come_from_settings(qtbot, window, config, clock):
    config.idle_lock_minutes = 2
    lock = IdleLock(window, config, now=clock)
    clock.advance(2)
    lock.check()
    assert lock.locked


def test_without_a_pin_it_still_hides_the_screen_and_says_how_to_set_one(qtbot, window, tmp_path, clock):
    lock = IdleLock(window, Config(tmp_path / "nopin.ini"), now=clock)
    clock.advance(15)
    lock.check()
    assert lock.locked and red_pixels(window) == 0
    assert not lock.screen.pin.isVisible() and "Settings" in lock.screen.message.text()
    qtbot.mouseClick(lock.screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.locked


def test_the_pin_is_stored_hashed_and_checked(config):
    config.sync()
    stored = config.path.read_text()
    assert PIN not in stored and "scrypt$" in stored
    assert unlocks(PIN, config.manager_pin_hash)
    assert not unlocks("4827", config.manager_pin_hash) and not unlocks("", config.manager_pin_hash)


def test_tracker_counts_from_the_last_input():
    clock = FakeClock()
    tracker = IdleTracker(900, now=clock)
    clock.advance(10)
    tracker.touch()
    clock.advance(14.9)
    assert not tracker.due() and tracker.seconds_left() == pytest.approx(6)
    clock.advance(0.1)
    assert tracker.due()
    with pytest.raises(ValueError):
        IdleTracker(0)


def test_the_main_window_locks_and_its_grab_shows_nothing_of_the_terminal(qtbot, sandbox, tmp_path, memory_keyring,
                                                                          event_loop_qt):
    from klogs_desk.composition import build_main_window
    from klogs_desk.credentials import CredentialStore
    from klogs_desk.domain.journal import Journal
    from klogs_desk.services.context import AppServices
    from klogs_desk.ui.async_runner import RUNNER
    from tests.conftest import make_client

    config = Config(tmp_path / "main.ini")
    config.set_manager_pin(PIN)
    journal = Journal(tmp_path / "journal.sqlite3")
    window = build_main_window(AppServices(client=make_client(sandbox), journal=journal, sandbox_url=sandbox.url),
                               config=config, credentials=CredentialStore(), sandbox_url=sandbox.url)
    window.confirm = lambda title, question: True  # closing asks; the test answers
    window.show()
    qtbot.waitExposed(window)
    try:
        sale = window.findChild(CardForm, "saleCardForm")
        qtbot.keyClicks(sale.pan, "4111111111111111")
        banner = window.findChild(QLabel, "trainingBanner")
        assert banner.isVisible()
        window.idle_lock.lock()
        assert window.idle_lock.locked and sale.pan.text() == ""
        image = window.grab().toImage()
        background = image.pixelColor(5, image.height() - 5)
        # Every sampled pixel outside the lock screen's own controls is its background: nothing shows through.
        middle = window.idle_lock.screen.childrenRect()
        stray = [(x, y) for y in range(0, image.height(), 8) for x in range(0, image.width(), 8)
                 if not middle.contains(x, y) and image.pixelColor(x, y) != background]
        assert not stray
        window.grab().save("/tmp/idle_lock_main_window.png")
        assert window.idle_lock.try_unlock(PIN) and banner.isVisible()
    finally:
        qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
        # The window's first gateway health lookup runs on its own; let it answer before the loop goes.
        if hasattr(window, "health_check_task"):
            qtbot.waitUntil(lambda: window.health_check_task is not None and window.health_check_task.done(),
                            timeout=10_000)
        qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
        client = window.services.client
        window.close()
        window.deleteLater()
        qtbot.wait(10)
        closing = event_loop_qt.create_task(client.aclose())
        qtbot.waitUntil(closing.done, timeout=10_000)
        journal.close()


def test_five_wrong_pins_lock_the_pin_out_with_the_time_left_in_words(qtbot, window, config, clock, tmp_path):
    lock = IdleLock(window, config, now=clock, wall_clock=clock)
    clock.advance(16)
    lock.check()
    screen = lock.screen
    for tries_left in (4, 3, 2, 1):
        qtbot.keyClicks(screen.pin, "1111")
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
        assert f"Tries left before the PIN is locked for 30 minutes: {tries_left}." in screen.error.text()
    qtbot.keyClicks(screen.pin, "1111")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert "Too many wrong PINs" in screen.error.text() and "Time left: 30 min" in screen.error.text()
    assert not screen.pin.isEnabled() and not screen.unlock_button.isEnabled()
    assert not lock.try_unlock(PIN) and lock.locked  # the right PIN does not open it now

    clock.advance(12)
    lock.check()
    assert "Time left: 18 min" in screen.error.text()

    # A restart (new settings object on the same file, new window lock) is still locked out.
    restarted = IdleLock(window, Config(config.path), now=clock, wall_clock=clock)
    restarted.lock()
    assert not restarted.screen.pin.isEnabled() and "Time left: 18 min" in restarted.screen.error.text()
    restarted.screen.hide()

    clock.advance(18)
    lock.check()
    assert screen.pin.isEnabled() and screen.unlock_button.isEnabled() and not screen.error.isVisible()
    qtbot.keyClicks(screen.pin, PIN)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert not lock.locked


def test_a_right_pin_resets_the_count_of_wrong_ones(qtbot, window, config, clock):
    lock = IdleLock(window, config, now=clock, wall_clock=clock)
    for _ in range(2):
        clock.advance(16)
        lock.check()
        for _ in range(4):
            assert not lock.try_unlock("1111")
        assert lock.try_unlock(PIN)
    assert not lock.pin_lockout.status().locked_out
