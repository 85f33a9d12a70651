"""The Pre-authorization tab against the real sandbox over loopback: hold, capture, refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt

from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.sandbox.ledger import ledger_of
from klogs_desk.services.context import AppServices
from klogs_desk.services.payments import CaptureRefused, OutcomeState
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.preauth_tab import PreAuthTab, age_text
from tests.conftest import make_client

VISA = "4111111111111111"


@pytest.fixture
def errors(monkeypatch):
    """Error dialogs and bugs the runner would show, collected instead."""
    shown: list[str] = []
    monkeypatch.setattr(RUNNER, "show_user_error", lambda parent, title, message: shown.append(message))
    monkeypatch.setattr(RUNNER, "report_bug", lambda exc: shown.append(f"BUG {exc!r}"))
    return shown


@pytest.fixture
def tab(qtbot, fresh_sandbox, event_loop_qt, tmp_path, errors):
    journal = Journal(tmp_path / "journal.sqlite3")
    client = make_client(fresh_sandbox, timeout=5.0)
    widget = PreAuthTab(AppServices(client=client, journal=journal), idle_seconds=0)
    widget.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    widget.questions = []
    widget.confirm_capture = lambda question: widget.questions.append(question) or True
    qtbot.addWidget(widget)
    yield widget
    event_loop_qt.create_task(client.aclose())
    journal.close()


def authorize(qtbot, tab, amount="150.00", pan=VISA):
    form = tab.form
    form.amount.setText(amount)
    form.holder.setText("Ayşe Yılmaz")
    form.pan.setText(pan)
    form.expiry.setText("12/" + str(dt.date.today().year + 2)[-2:])
    form.cvv.setText("123")
    order_id = form.order_id.text()
    with qtbot.waitSignal(tab.payment_finished, timeout=10_000) as signal:
        qtbot.mouseClick(tab.authorize_button, Qt.MouseButton.LeftButton)
    return order_id, signal.args[0]


def capture(qtbot, tab, amount_text):
    tab.capture_amount.setText(amount_text)
    with qtbot.waitSignal(tab.payment_finished, timeout=10_000) as signal:
        qtbot.mouseClick(tab.capture_button, Qt.MouseButton.LeftButton)
    return signal.args[0]


def list_rows(tab):
    return [[tab.list.item(r, c).text() for c in range(tab.list.columnCount())] for r in range(tab.list.rowCount())]


def test_preauthorization_is_listed_with_masked_card_and_card_wiped(qtbot, tab, fresh_sandbox, errors):
    order_id, outcome = authorize(qtbot, tab)

    assert outcome.state is OutcomeState.APPROVED
    assert tab.result.headline() == "APPROVED"
    assert tab.form.pan.text() == "" and tab.form.cvv.text() == ""
    assert list_rows(tab) == [[order_id, "150.00 TRY", "411111******1111 Visa", "just now", "150.00 TRY"]]
    record = ledger_of(fresh_sandbox.state).by_order(order_id)
    assert record.amount == Decimal("150.00") and record.captured_amount is None
    assert errors == []


def test_partial_capture_is_sent_once_and_journaled_as_child(qtbot, tab, fresh_sandbox, errors):
    order_id, _ = authorize(qtbot, tab, "150.00")
    tab.list.selectRow(0)
    assert tab.capture_amount.text() == "150.00"  # prefilled with the full amount

    outcome = capture(qtbot, tab, "120.50")

    assert tab.questions == ["Capture 120.50 TRY of 150.00 TRY? 29.50 TRY will be released."]
    assert outcome.state is OutcomeState.APPROVED
    assert tab.result.headline() == "APPROVED"
    assert tab.result.message.text() == "Captured 120.50 TRY — 29.50 TRY released."
    assert list_rows(tab) == []  # captured: no longer open
    assert tab.empty_label.isVisible() or not tab.isVisible()
    record = ledger_of(fresh_sandbox.state).by_order(order_id)
    assert record.captured_amount == Decimal("120.50")
    journal = tab.services.journal
    parent = journal.find_payment("sandbox", EntryKind.PREAUTH, order_id)
    [child] = journal.children(parent.id)
    assert child.kind is EntryKind.CAPTURE and child.state is EntryState.APPROVED
    assert child.amount == Decimal("120.50") and child.masked_pan == "411111******1111"
    assert errors == []


def test_over_capture_refused_at_field_and_nothing_sent(qtbot, tab, fresh_sandbox, errors):
    order_id, _ = authorize(qtbot, tab, "100.00")
    tab.list.selectRow(0)
    tab.capture_amount.setText("100.01")
    qtbot.mouseClick(tab.capture_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.capture_error.text() != "" and not tab.in_flight, timeout=5_000)
    assert "At most 100.00 TRY" in tab.capture_error.text()
    assert tab.capture_error.isVisible() or not tab.isVisible()
    record = ledger_of(fresh_sandbox.state).by_order(order_id)
    assert record.captured_amount is None  # the gateway never saw a capture
    parent = tab.services.journal.find_payment("sandbox", EntryKind.PREAUTH, order_id)
    assert tab.services.journal.children(parent.id) == []
    assert len(list_rows(tab)) == 1  # still open
    assert errors == []


def test_second_capture_refused_before_sending(qtbot, tab, fresh_sandbox, errors):
    order_id, _ = authorize(qtbot, tab, "80.00")
    tab.list.selectRow(0)
    capture(qtbot, tab, "80.00")
    parent = tab.services.journal.find_payment("sandbox", EntryKind.PREAUTH, order_id)

    # The tab no longer offers it; the service refuses it too, before sending, if asked directly.
    assert list_rows(tab) == []
    # The refusal is raised before the coroutine's first await, i.e. before anything could be sent.
    coroutine = tab.payments.capture(parent.id, Decimal("1.00"))
    with pytest.raises(CaptureRefused, match="already captured"):
        coroutine.send(None)
    assert len(tab.services.journal.children(parent.id)) == 1
    assert ledger_of(fresh_sandbox.state).by_order(order_id).captured_amount == Decimal("80.00")


def test_capture_amount_typing_errors_shown_at_field(qtbot, tab, errors):
    authorize(qtbot, tab, "50.00")
    tab.list.selectRow(0)
    tab.capture_amount.setText("abc")
    qtbot.mouseClick(tab.capture_button, Qt.MouseButton.LeftButton)
    assert tab.capture_error.text() == "Use digits and one decimal separator only."
    assert not tab.in_flight
    tab.capture_amount.setText("1.005")
    qtbot.mouseClick(tab.capture_button, Qt.MouseButton.LeftButton)
    assert "decimal places" in tab.capture_error.text()


def test_declined_preauthorization_is_not_listed(qtbot, tab, errors):
    _, outcome = authorize(qtbot, tab, "20.00", pan="4000000000000002")
    assert outcome.state is OutcomeState.DECLINED
    assert tab.result.headline() == "DECLINED"
    assert list_rows(tab) == []


def test_age_text():
    now = dt.datetime(2026, 1, 2, 12, 0, tzinfo=dt.timezone.utc)
    assert age_text(now - dt.timedelta(seconds=30), now) == "just now"
    assert age_text(now - dt.timedelta(minutes=12), now) == "12 min"
    assert age_text(now - dt.timedelta(hours=3, minutes=5), now) == "3 h 5 min"
    assert age_text(now - dt.timedelta(days=2, hours=1), now) == "2 days"


def test_capture_with_unknown_outcome_blocks_another_capture(qtbot, tab, fresh_sandbox, errors):
    order_id, _ = authorize(qtbot, tab, "60.00")
    journal = tab.services.journal
    parent = journal.find_payment("sandbox", EntryKind.PREAUTH, order_id)
    # A capture sent by an earlier run that never got its answer.
    lost = journal.record_pending(environment="sandbox", kind=EntryKind.CAPTURE, reference=order_id,
                                  parent_id=parent.id, amount=Decimal("60.00"), currency="TRY")
    journal.record_outcome(lost.id, EntryState.UNKNOWN)
    tab.refresh()

    assert list_rows(tab)[0][4] == "capture outcome unknown"
    tab.list.selectRow(0)
    qtbot.mouseClick(tab.capture_button, Qt.MouseButton.LeftButton)
    assert "no known outcome" in tab.capture_error.text()
    assert not tab.in_flight
    assert ledger_of(fresh_sandbox.state).by_order(order_id).captured_amount is None
    assert len(journal.children(parent.id)) == 1


def test_capture_field_always_belongs_to_the_selected_row(qtbot, tab, errors):
    first, _ = authorize(qtbot, tab, "150.00")
    second, _ = authorize(qtbot, tab, "2500.00")
    assert [row[0] for row in list_rows(tab)] == [second, first]
    tab.list.selectRow(1)
    tab.capture_amount.setText("99.00")
    tab.refresh()  # the age timer refreshes the list: a typed amount for the same row stays
    assert tab.capture_amount.text() == "99.00"
    capture(qtbot, tab, "99.00")
    assert tab.capture_amount.text() == ""  # the captured row left the list
    tab.list.selectRow(0)
    assert tab.capture_amount.text() == "2,500.00"


def test_capture_is_asked_first_and_no_sends_nothing(qtbot, tab, fresh_sandbox, errors):
    order_id, authorized = authorize(qtbot, tab, "100.00")
    # After a pre-authorization the next step is to capture later from the list, not "Start the next sale".
    assert tab.result.next_step.text().startswith("The amount is held on the card. Capture it later")
    tab.list.selectRow(0)
    tab.confirm_capture = lambda question: tab.questions.append(question) and False
    tab.capture_amount.setText("60.00")
    qtbot.mouseClick(tab.capture_button, Qt.MouseButton.LeftButton)  # Enter in the field does the same

    assert tab.questions == ["Capture 60.00 TRY of 100.00 TRY? 40.00 TRY will be released."]
    assert not tab.in_flight
    assert ledger_of(fresh_sandbox.state).by_order(order_id).captured_amount is None
    assert len(list_rows(tab)) == 1 and tab.capture_amount.text() == "60.00"
    assert errors == []


def test_ages_are_brought_up_to_date_only_while_the_tab_is_shown(qtbot, tab):
    """A hidden or closed tab reads nothing from the journal (seen: a closed tab's age timer reading a journal
    closed meanwhile, failing whichever test ran 30 s later)."""
    assert not tab._age_timer.isActive()
    tab.show()
    qtbot.waitExposed(tab)
    assert tab._age_timer.isActive()
    tab.hide()
    assert not tab._age_timer.isActive()
