"""Create, edit, disable/enable, owner and payment-order dialogs against a real sandbox over loopback."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDateTime, QLocale, Qt

from klogs_desk.api.models.recurring import Frequency, RecurringListQuery, RegisteredPaymentStatus
from klogs_desk.domain.schedule import payment_dates
from klogs_desk.sandbox.seed import seed_reference
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.subscription_dialogs import utc_from_edit
from klogs_desk.ui.subscriptions_model import REFERENCE, STATUS
from tests.conftest import make_client
from tests.ui.subscriptions_helpers import lookup, open_tab, seeded_sandbox

CARD = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
CARD_NOT_SAVED = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def server():
    with seeded_sandbox(10_000) as sandbox:
        yield sandbox


@pytest.fixture
def tab(qtbot, server, event_loop_qt, tmp_path):
    widget = open_tab(qtbot, server, tmp_path)
    yield widget
    # Let requests started by the test (a refetch after a change) end before the loop goes away.
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    event_loop_qt.create_task(widget.services.client.aclose())


def total(qtbot, loop, server):
    async def ask():
        async with make_client(server, timeout=10.0) as client:
            return (await client.list_recurring(RecurringListQuery(page_size=1))).total_count
    task = loop.create_task(ask())
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()


def fill_create(dialog, reference, *, frequency=Frequency.MONTHLY, interval=1, day=15, month=3,
                amount="99.90", phone="+905551234567", card=CARD):
    dialog.fields["reference"].setText(reference)
    dialog.fields["amount"].setText(amount)
    dialog.fields["ownerDescription.fullName"].setText("Jane Smith")
    dialog.fields["ownerDescription.phone"].setText(phone)
    dialog.fields["ownerDescription.email"].setText("jane@example.com")
    dialog.fields["ownerDescription.cardId"].setText(card)
    combo = dialog.fields["frequency"]
    combo.setCurrentIndex(combo.findData(frequency))
    dialog.fields["interval"].setValue(interval)
    dialog.fields["dayOfMonth"].setValue(day)
    dialog.fields["monthOfYear"].setCurrentIndex(dialog.fields["monthOfYear"].findData(month))


def send(qtbot, dialog):
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    return signal.args[0]


@pytest.mark.parametrize("frequency", list(Frequency))
def test_create_one_of_each_frequency(qtbot, tab, server, event_loop_qt, frequency):
    reference = f"UI-{frequency.value}"
    dialog = tab.open_create_dialog()
    fill_create(dialog, reference, frequency=frequency, interval=2)
    assert dialog.fields["dayOfMonth"].isVisibleTo(dialog) == (frequency is not Frequency.DAILY)
    assert dialog.fields["monthOfYear"].isVisibleTo(dialog) == (frequency is Frequency.YEARLY)
    result = send(qtbot, dialog)

    assert result.success
    assert dialog.outcome.isVisible() and dialog.outcome.text()
    created = lookup(qtbot, event_loop_qt, server, reference)
    assert created.frequency is frequency and created.interval == 2
    assert created.amount == Decimal("99.90")
    assert (created.day_of_month is None) == (frequency is Frequency.DAILY)
    # The table was asked again: the new subscription (newest) is the first row.
    qtbot.waitUntil(lambda: tab.model.index(0, REFERENCE).data() == reference, timeout=10_000)


def test_unregistered_owner_and_unsaved_card_are_explained(qtbot, tab, server, event_loop_qt):
    dialog = tab.open_create_dialog()
    fill_create(dialog, "UI-WAIT-OWNER", phone="+905321112233")
    result = send(qtbot, dialog)
    assert result.order_status is RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION
    assert "waiting for the card owner to confirm by SMS" in dialog.outcome.text().lower().replace("sms", "SMS")

    dialog = tab.open_create_dialog()
    fill_create(dialog, "UI-WAIT-CARD", card=CARD_NOT_SAVED)
    result = send(qtbot, dialog)
    assert result.order_status is RegisteredPaymentStatus.WAIT_FOR_CARD_SAVE
    assert "waiting for the card to be saved" in dialog.outcome.text().lower()


def test_preview_shows_the_next_twelve_dates_of_the_schedule(tab):
    dialog = tab.open_create_dialog()
    fill_create(dialog, "UI-PREVIEW", frequency=Frequency.MONTHLY, interval=3, day=15)
    first = utc_from_edit(dialog.fields["firstPaymentTime"])
    expected = payment_dates(first, Frequency.MONTHLY, 3, 15, count=12)
    lines = dialog.preview.text().splitlines()
    assert lines[0].startswith("Next 12 payments")
    assert len(lines) == 13
    local = QDateTime.fromSecsSinceEpoch(int(expected[-1].timestamp())).toLocalTime()
    assert QLocale().toString(local.date(), QLocale.FormatType.LongFormat) in lines[-1]

    dialog.fields["frequency"].setCurrentIndex(dialog.fields["frequency"].findData(Frequency.YEARLY))
    assert dialog.preview.text().splitlines() != lines  # live: the preview follows the fields


BAD_CREATE_INPUTS = [
    ("reference", lambda d: d.fields["reference"].setText(""), "Required"),
    ("reference", lambda d: d.fields["reference"].setText("R" * 151), "150"),
    ("amount", lambda d: d.fields["amount"].setText("abc"), "digits"),
    ("amount", lambda d: d.fields["amount"].setText("10.005"), "2 decimal places"),
    ("amount", lambda d: d.fields["amount"].setText("0"), "greater than zero"),
    ("ownerDescription.fullName", lambda d: d.fields["ownerDescription.fullName"].setText(""), "Required"),
    ("ownerDescription.phone", lambda d: d.fields["ownerDescription.phone"].setText("0555123"), "number"),
    ("ownerDescription.phone", lambda d: d.fields["ownerDescription.phone"].setText("+90555"), "number"),
    ("ownerDescription.email", lambda d: d.fields["ownerDescription.email"].setText("jane@"), "email"),
    ("ownerDescription.cardId", lambda d: d.fields["ownerDescription.cardId"].setText("card-1"), "UUID"),
    ("paymentSystemId", lambda d: d.fields["paymentSystemId"].setText("xyz"), "UUID"),
    ("explanation", lambda d: d.fields["explanation"].setText("e" * 401), "400"),
    ("paymentChannel", lambda d: d.fields["paymentChannel"].setText("c" * 51), "50"),
    ("firstPaymentTime", lambda d: d.fields["firstPaymentTime"].setDateTime(
        QDateTime.currentDateTime().addDays(-1)), "future"),
    ("lastPaymentTime", lambda d: (d.has_last.setChecked(True), d.last_edit.setDateTime(
        d.fields["firstPaymentTime"].dateTime().addDays(-1))), "before"),
]


@pytest.mark.parametrize("field, spoil, words", BAD_CREATE_INPUTS,
                         ids=[f"{field}-{i}" for i, (field, _, _) in enumerate(BAD_CREATE_INPUTS)])
def test_bad_create_input_is_marked_at_its_field_and_nothing_is_sent(qtbot, tab, server, event_loop_qt,
                                                                      field, spoil, words):
    before = total(qtbot, event_loop_qt, server)
    dialog = tab.open_create_dialog()
    fill_create(dialog, "UI-BAD-INPUT")
    spoil(dialog)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.marked_fields() == [field]
    assert words.lower() in dialog.field_error(field).lower()
    assert dialog.requests_sent == 0
    assert total(qtbot, event_loop_qt, server) == before


def test_duplicate_reference_from_the_gateway_is_marked_at_the_reference(qtbot, tab, server, event_loop_qt):
    dialog = tab.open_create_dialog()
    fill_create(dialog, seed_reference(12))  # valid in the form; only the gateway knows it is taken
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.field_error("reference")), timeout=10_000)
    assert "already used" in dialog.field_error("reference")
    assert dialog.requests_sent == 1 and dialog.result is None


def test_server_400_on_a_time_the_form_accepted_is_marked_at_that_field(qtbot, fresh_sandbox, event_loop_qt, tmp_path):
    tab = open_tab(qtbot, fresh_sandbox, tmp_path)
    fresh_sandbox.state.clock.advance(dt.timedelta(days=3))  # the gateway's "now" is ahead of this computer's
    dialog = tab.open_create_dialog()
    fill_create(dialog, "UI-CLOCK")  # first payment tomorrow: future here, past for the gateway
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.field_error("firstPaymentTime")), timeout=10_000)
    assert "future" in dialog.field_error("firstPaymentTime")
    assert dialog.requests_sent == 1 and dialog.result is None
    event_loop_qt.create_task(tab.services.client.aclose())


def select_reference(qtbot, tab, reference):
    tab.search.setText(reference)
    tab.apply_search()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.row_at(0) is not None
                    and tab.model.row_at(0).reference == reference, timeout=10_000)
    tab.select_row(0)


def test_edit_by_uuid_changes_the_row_only_after_the_gateway_said_yes(qtbot, tab, server, event_loop_qt):
    reference = seed_reference(21)
    select_reference(qtbot, tab, reference)
    old_amount = tab.model.row_at(0).amount
    dialog = tab.open_edit_dialog()
    dialog.fields["amount"].setText("123.45")
    dialog.fields["interval"].setValue(4)
    assert tab.model.row_at(0).amount == old_amount  # nothing changes while the dialog is open
    send(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.model.row_at(0) is not None and tab.model.row_at(0).amount == Decimal("123.45"),
                    timeout=10_000)
    assert "123.45 TRY" in tab.model.index(0, 1).data()
    changed = lookup(qtbot, event_loop_qt, server, reference)
    assert changed.amount == Decimal("123.45") and changed.interval == 4


def test_edit_refused_by_the_gateway_leaves_the_row_unchanged(qtbot, tab, server, event_loop_qt):
    reference = seed_reference(22)
    select_reference(qtbot, tab, reference)
    before = tab.model.row_at(0)
    tab.services.client._credentials = type(tab.services.client._credentials)("", "", "sandbox-readonly-token")
    dialog = tab.open_edit_dialog()
    dialog.fields["amount"].setText("555.00")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.form_error.isVisible(), timeout=10_000)
    assert "not allowed" in dialog.form_error.text()
    assert tab.model.row_at(0).amount == before.amount
    assert lookup(qtbot, event_loop_qt, server, reference).amount == before.amount


def test_edit_by_subscription_id(qtbot, tab, server, event_loop_qt):
    reference = seed_reference(33)
    dialog = tab.open_edit_by_subscription_dialog()
    dialog.fields["subscription"].setText(reference)
    dialog.fields["explanation"].setText("Changed by subscription ID")
    frequency = dialog.fields["frequency"]
    frequency.setCurrentIndex(frequency.findData(Frequency.YEARLY))
    dialog.fields["interval"].setValue(1)
    dialog.fields["dayOfMonth"].setValue(1)
    dialog.fields["monthOfYear"].setCurrentIndex(dialog.fields["monthOfYear"].findData(1))
    send(qtbot, dialog)
    changed = lookup(qtbot, event_loop_qt, server, reference)
    assert changed.explanation == "Changed by subscription ID"
    assert (changed.frequency, changed.day_of_month, changed.month_of_year) == (Frequency.YEARLY, 1, 1)


def test_edit_by_subscription_id_needs_the_id_and_a_change(qtbot, tab):
    dialog = tab.open_edit_by_subscription_dialog()
    dialog.fields["explanation"].setText("x")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.marked_fields() == ["subscription"]
    dialog.fields["subscription"].setText(seed_reference(34))
    dialog.fields["explanation"].setText("")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "Nothing was changed" in dialog.form_error.text()
    assert dialog.requests_sent == 0


def test_disable_and_enable_ask_first(qtbot, tab, server, event_loop_qt, monkeypatch):
    reference = seed_reference(41)
    select_reference(qtbot, tab, reference)
    owner = tab.open_owner_dialog()  # a confirmed owner, so enabling makes it active rather than waiting
    owner.fields["phone"].setText(tab.model.row_at(0).phone)
    send(qtbot, owner)
    assert tab.model.index(0, STATUS).data() == "Active"
    questions = []
    answers = iter([False, True, True])
    monkeypatch.setattr(tab, "confirm", lambda title, text: questions.append(text) or next(answers))

    qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)  # the manager says No
    assert reference in questions[0]
    assert lookup(qtbot, event_loop_qt, server, reference).status is RegisteredPaymentStatus.ACTIVE

    qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.index(0, STATUS).data() == "Disabled", timeout=10_000)
    assert lookup(qtbot, event_loop_qt, server, reference).status is RegisteredPaymentStatus.DISABLED
    assert tab.disable_button.text().startswith("Enable")

    qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.index(0, STATUS).data() == "Active", timeout=10_000)
    assert lookup(qtbot, event_loop_qt, server, reference).status is RegisteredPaymentStatus.ACTIVE
    assert len(questions) == 3


def test_register_owner_then_their_waiting_subscription_becomes_active(qtbot, tab, server, event_loop_qt):
    phone = "+905339998877"
    dialog = tab.open_create_dialog()
    fill_create(dialog, "UI-OWNER-LATER", phone=phone)
    assert send(qtbot, dialog).order_status is RegisteredPaymentStatus.WAIT_FOR_OWNER_CONFIRMATION

    owner = tab.open_owner_dialog()
    owner.fields["phone"].setText("+90 533 999 88 77")  # spaces are fine: sent as E.164
    send(qtbot, owner)
    assert "registered" in owner.outcome.text()
    assert lookup(qtbot, event_loop_qt, server, "UI-OWNER-LATER").status is RegisteredPaymentStatus.ACTIVE


@pytest.mark.parametrize("phone, words", [("", "Required"), ("55512", "number"), ("+9055512", "number")])
def test_owner_phone_is_checked_at_the_field(qtbot, tab, phone, words):
    dialog = tab.open_owner_dialog()
    dialog.fields["phone"].setText(phone)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert words in dialog.field_error("phone") and dialog.requests_sent == 0


def fill_order(dialog, reference):
    dialog.fields["reference"].setText(reference)
    dialog.fields["amount"].setText("150,50")  # the other decimal separator is read too
    dialog.fields["ownerDescription.fullName"].setText("John Doe")
    dialog.fields["ownerDescription.phone"].setText("+905551234567")
    dialog.fields["ownerDescription.cardId"].setText(CARD)


def test_payment_order_in_the_future_is_created_and_explained(qtbot, tab):
    dialog = tab.open_payment_order_dialog()
    fill_order(dialog, "UI-ORDER-1")
    result = send(qtbot, dialog)
    assert result.success and result.owner_id
    assert result.owner_id in dialog.outcome.text()
    assert not dialog.send_button.isVisible()  # sent once; nothing left to click twice


def test_payment_order_time_must_be_in_the_future(qtbot, tab):
    dialog = tab.open_payment_order_dialog()
    fill_order(dialog, "UI-ORDER-PAST")
    dialog.fields["paymentTime"].setDateTime(QDateTime.currentDateTime().addSecs(-60))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.marked_fields() == ["paymentTime"]
    assert "future" in dialog.field_error("paymentTime") and dialog.requests_sent == 0
