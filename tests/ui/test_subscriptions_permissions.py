"""A cashier cannot change subscriptions, card owners or payment orders, whatever reaches the action: the
service refuses before anything is sent, the cashier reads why, and the refusal is in the audit trail."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from klogs_desk.api.models.recurring import RegisteredPaymentStatus
from klogs_desk.config import hash_pin
from klogs_desk.domain.journal import Journal
from klogs_desk.domain.operators import OperatorStore, Role
from klogs_desk.messages import english
from klogs_desk.sandbox.seed import seed_reference
from klogs_desk.services.context import AppServices
from klogs_desk.services.staff import PERMISSION_REFUSED, StaffRefused, StaffService
from klogs_desk.services.subscriptions import SubscriptionsService
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.subscriptions_model import REFERENCE
from tests.ui.subscriptions_helpers import lookup, open_tab, seeded_sandbox

MANAGER_PIN, CASHIER_PIN = "482615", "7391"
CARD = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


class Recorder:
    def __init__(self) -> None:
        self.records: list[tuple[str, str | None, dict]] = []

    def record(self, action, *, operator=None, approver=None, details=None):  # type: ignore[no-untyped-def]
        self.records.append((action, operator, dict(details or {})))

    def refusals(self) -> list[tuple[str | None, str]]:
        return [(operator, details["permission"]) for action, operator, details in self.records
                if action == PERMISSION_REFUSED]


class NoClient:
    """A gateway client that fails the test if anything is sent."""

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        raise AssertionError(f"nothing may be sent for a cashier (client.{name})")


@pytest.fixture
def audit() -> Recorder:
    return Recorder()


@pytest.fixture
def staff(audit) -> StaffService:
    store = OperatorStore(":memory:")
    store.add("Ayşe", Role.MANAGER, hash_pin(MANAGER_PIN))
    store.add("Mehmet", Role.CASHIER, hash_pin(CASHIER_PIN))
    service = StaffService(store, audit=audit)
    assert service.sign_in("Mehmet", CASHIER_PIN).accepted
    return service


def test_the_service_refuses_every_write_of_a_cashier_before_sending(tmp_path, staff, audit):
    from klogs_desk.api.models.recurring import NewOwnerRequest, UpdateRecurringPaymentRequest

    services = AppServices(client=NoClient(), journal=Journal(tmp_path / "journal.sqlite3"))  # type: ignore[arg-type]
    service = SubscriptionsService(services, staff=staff)
    update = UpdateRecurringPaymentRequest(status=RegisteredPaymentStatus.DISABLED)
    calls = [
        lambda: service.update_by_id("3fa85f64-5717-4562-b3fc-2c963f66afa6", update),
        lambda: service.update_by_subscription("SUB-1", update),
        lambda: service.register_owner(NewOwnerRequest.model_validate(
            {"fullName": "Jane Smith", "phone": "+905551234567", "email": "jane@example.com"})),
    ]
    for call in calls:
        with pytest.raises(StaffRefused) as refused:
            asyncio.run(call())
        assert "Only a manager may do this" in english(refused.value.msg)
    assert audit.refusals() == [("Mehmet", "subscriptions-edit"), ("Mehmet", "subscriptions-edit"),
                                ("Mehmet", "card-owners")]


@pytest.fixture(scope="module")
def server():
    with seeded_sandbox(50) as sandbox:
        yield sandbox


@pytest.fixture
def tab(qtbot, server, event_loop_qt, tmp_path, staff):
    widget = open_tab(qtbot, server, tmp_path, staff=staff)
    yield widget
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    event_loop_qt.create_task(widget.services.client.aclose())


def test_a_cashier_reaching_the_dialogs_without_the_buttons_opens_nothing(tab, audit):
    # The composition root would disable the buttons; a shortcut or a signal calls the entry points directly.
    for open_dialog in (tab.open_create_dialog, tab.open_edit_by_subscription_dialog, tab.open_owner_dialog,
                        tab.open_payment_order_dialog):
        assert open_dialog() is None
        assert "Only a manager may do this" in tab.banner_message()
    assert tab.current_dialog is None
    assert [permission for _, permission in audit.refusals()] == [
        "subscriptions-edit", "subscriptions-edit", "card-owners", "payment-orders"]


def test_a_cashier_cannot_disable_a_subscription_by_calling_the_action(qtbot, tab, server, event_loop_qt, audit,
                                                                       monkeypatch):
    reference = seed_reference(7)
    tab.search.setText(reference)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.index(0, REFERENCE).data() == reference,
                    timeout=10_000)
    tab.select_row(0)
    status = lookup(qtbot, event_loop_qt, server, reference).status
    monkeypatch.setattr(tab, "confirm", lambda title, text: pytest.fail("a cashier is not even asked"))

    tab.toggle_selected_status()

    assert "Only a manager may do this" in tab.banner_message()
    assert lookup(qtbot, event_loop_qt, server, reference).status is status
    assert audit.refusals() == [("Mehmet", "subscriptions-edit")]


def test_a_dialog_opened_by_a_manager_sends_nothing_once_a_cashier_signed_in(qtbot, tab, server, event_loop_qt,
                                                                             staff, audit):
    staff.sign_out()
    assert staff.sign_in("Ayşe", MANAGER_PIN).accepted
    dialog = tab.open_create_dialog()
    assert dialog is not None
    reference = "UI-CASHIER-REFUSED"
    dialog.fields["reference"].setText(reference)
    dialog.fields["amount"].setText(str(Decimal("49.90")))
    dialog.fields["ownerDescription.fullName"].setText("Jane Smith")
    dialog.fields["ownerDescription.phone"].setText("+905551234567")
    dialog.fields["ownerDescription.email"].setText("jane@example.com")
    dialog.fields["ownerDescription.cardId"].setText(CARD)
    staff.sign_out()  # File ▸ Switch operator while the dialog was open
    assert staff.sign_in("Mehmet", CASHIER_PIN).accepted

    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "Only a manager may do this" in dialog.form_error.text(), timeout=10_000)
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    assert dialog.result is None
    assert lookup(qtbot, event_loop_qt, server, reference) is None
    assert audit.refusals() == [("Mehmet", "subscriptions-edit")]
