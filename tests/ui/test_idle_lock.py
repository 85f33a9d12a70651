"""Idle and session safety: card fields wiped after inactivity; the terminal locks after the configured
idle minutes (PCI DSS 8.2.8) behind an opaque sign-in screen until an operator signs in with their own
name and PIN; input keeps it open; 5 wrong PINs lock that operator out (PCI DSS 8.3.4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from klogs_desk.config import Config
from klogs_desk.domain.operators import OperatorStore
from klogs_desk.services.idle_lock import IdleTracker
from klogs_desk.services.staff import StaffService
from klogs_desk.ui.card_form import CardForm
from klogs_desk.ui.lock_screen import IdleLock
from tests.terminal_helpers import CASHIER_PIN as PIN  # Mehmet's, a cashier
from tests.terminal_helpers import MANAGER_PIN, close_window_and_client, manager_and_cashier  # Zeynep's

SECRET_RED = QColor("#ff0000")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def config(tmp_path):
    return Config(tmp_path / "settings.ini")


def make_staff(path, clock):  # type: ignore[no-untyped-def]
    """The staff file at ``path`` (made with Zeynep and Mehmet if new); the lock-out runs on ``clock``."""
    return StaffService(manager_and_cashier(path), now=clock)


@pytest.fixture
def staff(tmp_path, clock):
    """Mehmet signed in."""
    staff = make_staff(tmp_path / "staff.sqlite3", clock)
    assert staff.sign_in("Mehmet", PIN).accepted
    return staff


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
def lock(window, config, staff, clock):
    return IdleLock(window, config, staff, now=clock)


def sign_in(qtbot, screen, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    """Type as the operator would: the name, Enter, the PIN, Enter."""
    screen.name.clear()
    qtbot.keyClicks(screen.name, name)
    qtbot.keyClick(screen.name, Qt.Key.Key_Return)
    assert screen.pin.hasFocus() or not screen.pin.isEnabled()
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)


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
    assert lock.screen.name.text() == "Mehmet" and lock.screen.pin.hasFocus()  # who was signed in


def test_wrong_pin_stays_locked_and_the_right_pin_unlocks(qtbot, window, lock, clock):
    clock.advance(16)
    lock.check()
    screen = lock.screen
    qtbot.keyClicks(screen.pin, "1111")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert lock.locked and "The name or the PIN is wrong" in screen.error.text() and screen.pin.text() == ""
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


def test_idle_minutes_come_from_settings(qtbot, window, config, staff, clock):
    config.idle_lock_minutes = 2
    lock = IdleLock(window, config, staff, now=clock)
    clock.advance(2)
    lock.check()
    assert lock.locked


def test_another_operator_may_sign_in_after_the_idle_lock(qtbot, window, lock, staff, clock):
    clock.advance(16)
    lock.check()
    sign_in(qtbot, lock.screen, "Zeynep", MANAGER_PIN)
    assert not lock.locked and staff.current.name == "Zeynep"


def test_training_mode_continues_as_the_trainee_without_a_pin(qtbot, window, tmp_path, clock):
    staff = StaffService(OperatorStore(tmp_path / "fresh.sqlite3"), now=clock)
    assert staff.start("sandbox").training
    lock = IdleLock(window, Config(tmp_path / "fresh.ini"), staff, now=clock)
    clock.advance(15)
    lock.check()
    assert lock.locked and red_pixels(window) == 0
    assert lock.screen.training_button.isVisible() and "training mode" in lock.screen.message.text()
    assert lock.screen.training_button.hasFocus()
    qtbot.keyClick(lock.screen.training_button, Qt.Key.Key_Space)
    assert not lock.locked and staff.current.training


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
    staff = make_staff(tmp_path / "staff.sqlite3", FakeClock())
    staff.sign_in("Mehmet", PIN)
    journal = Journal(tmp_path / "journal.sqlite3")
    window = build_main_window(AppServices(client=make_client(sandbox), journal=journal, sandbox_url=sandbox.url),
                               config=config, credentials=CredentialStore(), sandbox_url=sandbox.url, staff=staff)
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
        assert window.idle_lock.try_sign_in("Mehmet", PIN) and banner.isVisible()
    finally:
        qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
        # The window's first gateway health lookup runs on its own; let it answer before the loop goes.
        if hasattr(window, "health_check_task"):
            qtbot.waitUntil(lambda: window.health_check_task is not None and window.health_check_task.done(),
                            timeout=10_000)
        qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
        close_window_and_client(qtbot, window, event_loop_qt)
        journal.close()


def test_five_wrong_pins_lock_the_operator_out_with_the_time_left_in_words(qtbot, window, config, staff, clock,
                                                                          tmp_path):
    lock = IdleLock(window, config, staff, now=clock)
    clock.advance(16)
    lock.check()
    screen = lock.screen
    for tries_left in (4, 3, 2, 1):
        qtbot.keyClicks(screen.pin, "1111")
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
        assert f"Tries left before this operator is locked out for 30 minutes: {tries_left}." in screen.error.text()
    qtbot.keyClicks(screen.pin, "1111")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert "Too many wrong PINs: this operator is locked out. Time left: 30 min" in screen.error.text()
    assert not screen.pin.isEnabled() and not screen.unlock_button.isEnabled()
    window.grab().save(str(tmp_path / "locked_out.png"))
    assert not lock.try_sign_in("Mehmet", PIN) and lock.locked  # the right PIN does not open it now

    clock.advance(12)
    lock.check()
    assert "Time left: 18 min" in screen.error.text()

    # A restart (the same staff file opened again, a new window lock) is still locked out.
    restarted = IdleLock(window, config, make_staff(tmp_path / "staff.sqlite3", clock), now=clock)
    restarted.lock()
    restarted.screen.name.setText("Mehmet")
    assert not restarted.screen.pin.isEnabled() and "Time left: 18 min" in restarted.screen.error.text()
    restarted.screen.hide()

    # Another operator is not locked out: typing her name gives the PIN field back.
    screen.name.setText("Zeynep")
    assert screen.pin.isEnabled() and not screen.error.isVisible()
    screen.name.setText("Mehmet")
    assert not screen.pin.isEnabled()

    clock.advance(18)
    lock.check()
    assert screen.pin.isEnabled() and screen.unlock_button.isEnabled() and not screen.error.isVisible()
    qtbot.keyClicks(screen.pin, PIN)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert not lock.locked


def test_a_manager_unlocks_a_locked_out_cashier(qtbot, window, config, staff, clock):
    lock = IdleLock(window, config, staff, now=clock)
    clock.advance(16)
    lock.check()
    for _ in range(5):
        lock.try_sign_in("Mehmet", "1111")
    assert not lock.screen.pin.isEnabled()
    sign_in(qtbot, lock.screen, "Zeynep", MANAGER_PIN)
    staff.unlock("Mehmet")
    window.menuBar().setEnabled(True)
    lock.lock()  # Zeynep goes; Mehmet signs in again at once
    sign_in(qtbot, lock.screen, "Mehmet", PIN)
    assert not lock.locked and staff.current.name == "Mehmet"


def test_a_right_pin_resets_the_count_of_wrong_ones(qtbot, window, config, staff, clock):
    lock = IdleLock(window, config, staff, now=clock)
    for _ in range(2):
        clock.advance(16)
        lock.check()
        for _ in range(4):
            assert not lock.try_sign_in("Mehmet", "1111")
        assert lock.try_sign_in("Mehmet", PIN)
    assert not staff.status("Mehmet").locked_out
