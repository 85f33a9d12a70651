"""Screen-reader names: every input of every tab and dialog has an accessible name, result and status
labels are named, and a new payment result is announced (an accessibility event on the result headline)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from klogs_desk.composition import build_main_window
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.operators import OperatorStore
from klogs_desk.services.context import AppServices
from klogs_desk.services.staff import StaffService
from klogs_desk.ui.about_dialog import AboutDialog, TestCardsDialog
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.operators_dialog import ChangePinDialog, OperatorsDialog
from klogs_desk.ui.settings_dialog import SettingsDialog
from klogs_desk.ui.subscription_dialogs import (
    CreateSubscriptionDialog,
    EditSubscriptionDialog,
    OwnerDialog,
    PaymentOrderDialog,
)
from klogs_desk.ui.transaction_dialogs import (
    ManagerPinDialog,
    RecordOutcomeDialog,
    RefundDialog,
    TransactionDetailsDialog,
)
from tests.conftest import make_client

FUTURE_YY = f"{(dt.date.today().year + 3) % 100:02d}"

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox, QAbstractItemView, QPlainTextEdit)


def _part_of_a_compound_input(widget: QWidget) -> bool:
    """A combo box's line edit and popup list, a spin box's line edit, a table's headers: the outer
    widget carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView)):  # incl. a table's headers
            return True
        parent = parent.parentWidget()
    return False


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs under ``root`` a screen reader would announce without a name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or _part_of_a_compound_input(widget):
            continue
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName() or '(no objectName)'}")
    return missing


@pytest.fixture
def journal(tmp_path):
    journal = Journal(tmp_path / "journal.sqlite")
    yield journal
    journal.close()


@pytest.fixture
def window(qtbot, sandbox, tmp_path, memory_keyring, event_loop_qt, journal):
    services = AppServices(client=make_client(sandbox), journal=journal, environment="sandbox")
    window = build_main_window(services, config=Config(tmp_path / "settings.ini"),
                               credentials=CredentialStore(session_only=True))
    qtbot.addWidget(window)
    window.confirm = lambda title, question: True
    window.show()
    qtbot.waitExposed(window)
    yield window
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)


def test_every_input_of_every_tab_has_an_accessible_name(qtbot, window):
    assert window.tabs.count() == 6
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        inputs = [w for w in page.findChildren(QWidget) if isinstance(w, INPUTS)]
        assert inputs, f"tab {index} has no inputs?"
        assert unnamed_inputs(page) == [], window.tabs.tabText(index)
        assert page.accessibleName()


def _approved_payment(journal: Journal):
    entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="KD-A11Y-1",
                                   amount=Decimal("120.00"), currency="TRY", masked_pan="411111******1111")
    return journal.record_outcome(entry.id, EntryState.APPROVED, balance=Decimal("120.00"))


def _unknown_payment(journal: Journal):
    entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference="KD-A11Y-2",
                                   amount=Decimal("5.00"), currency="TRY")
    return journal.record_outcome(entry.id, EntryState.UNKNOWN)


def dialogs(journal: Journal, tmp_path):
    """Every dialog that can be built without asking the gateway first."""
    approved, unknown = _approved_payment(journal), _unknown_payment(journal)
    return [
        ManagerPinDialog("Void 120.00 TRY of KD-A11Y-1."),
        RefundDialog(approved, lambda amount: amount),
        RecordOutcomeDialog(unknown),
        TransactionDetailsDialog(unknown, None, "The gateway could not be asked.", []),
        OwnerDialog(lambda request: None),
        PaymentOrderDialog(lambda request: None),
        CreateSubscriptionDialog(lambda request: None),
        EditSubscriptionDialog(lambda request: None),
        SettingsDialog(Config(tmp_path / "dialog-settings.ini"), CredentialStore(session_only=True)),
        AboutDialog(),
        TestCardsDialog(),
        OperatorsDialog(_trainee()),
        ChangePinDialog(_trainee()),
    ]


def _trainee() -> StaffService:
    staff = StaffService(OperatorStore(":memory:"))
    staff.start("sandbox")
    return staff


def test_every_input_of_every_dialog_has_an_accessible_name(qtbot, journal, tmp_path, memory_keyring):
    for dialog in dialogs(journal, tmp_path):
        qtbot.addWidget(dialog)
        assert unnamed_inputs(dialog) == [], type(dialog).__name__
        assert dialog.windowTitle()


def test_the_check_finds_an_unnamed_input(qtbot):
    """The walk above is not vacuous: an input without a name is reported."""
    root = QWidget()
    qtbot.addWidget(root)
    QLineEdit(root).setObjectName("nameless")
    named = QComboBox(root)
    named.setAccessibleName("Currency")
    assert unnamed_inputs(root) == ["QLineEdit nameless"]


def test_status_and_result_labels_are_named(qtbot, window):
    assert window.health_label.accessibleName()
    assert window.environment_label.accessibleName()
    assert window.training_banner.accessibleName()
    sale = window.tabs.widget(0)
    assert sale.result.accessibleName() and sale.result.status.accessibleName()  # named before any result
    for index in range(window.tabs.count()):
        page = window.tabs.widget(index)
        for name in ("status_label", "count_label"):
            label = getattr(page, name, None)
            if label is not None:
                assert label.accessibleName(), f"{page.objectName()}.{name}"


def test_a_new_result_is_announced_to_screen_readers(qtbot, window, monkeypatch):
    """The headline's name changes and an alert is raised on it, so a screen reader speaks the result while
    the cursor stays in the amount field."""
    from klogs_desk.services.payments import OutcomeState

    events: list[tuple[QAccessible.Event, object, str]] = []
    real_update = QAccessible.updateAccessibility

    def recording_update(event):
        events.append((event.type(), event.object(), event.object().accessibleName()))
        real_update(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(recording_update))
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    sale = window.tabs.currentWidget()
    form = sale.form
    for field, text in ((form.amount, "12.50"), (form.holder, "Ayse Yilmaz"), (form.pan, "4111111111111111"),
                        (form.expiry, "12" + FUTURE_YY), (form.cvv, "123")):
        qtbot.keyClicks(field, text)
    with qtbot.waitSignal(sale.payment_finished, timeout=15_000) as blocker:
        qtbot.keyClick(form.cvv, Qt.Key.Key_Return)
    assert blocker.args[0].state is OutcomeState.APPROVED
    on_headline = [(kind, name) for kind, target, name in events if target is sale.result.status]
    assert (QAccessible.Event.NameChanged, "Result: APPROVED") in on_headline
    assert (QAccessible.Event.Alert, "Result: APPROVED") in on_headline
    assert "Approved." in sale.result.status.accessibleDescription()  # the sentence, for "read more"
