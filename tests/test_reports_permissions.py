"""Who may close what (services/reports.py with services/staff.py, no widgets): the day's close is a manager's,
or a cashier's with a manager's approval typed on the spot (both names in the close's audit record); a shift
is closed only by its own operator; every refusal is in the audit trail and keeps nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from klogs_desk.domain.audit import AuditLog
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.operators import OperatorStore, Role, hash_pin
from klogs_desk.messages import english
from klogs_desk.services.audit import AuditTrail
from klogs_desk.services.reports import ReportService
from klogs_desk.services.staff import Approval, StaffRefused, StaffService
from tests.fake_clock import WallClock

MANAGER, MANAGER_PIN = "Ayşe", "482615"
CASHIER, CASHIER_PIN = "Mehmet", "7391"


@pytest.fixture
def till(tmp_path):
    """The journal, the audit trail, the staff (Ayşe manager, Mehmet cashier, nobody signed in) and the
    report service wired as the composition root wires them; one approved sale of the day."""
    staff_box: list[StaffService] = []
    trail = AuditTrail(AuditLog(tmp_path / "audit.sqlite3"), current_operator=lambda: staff_box[0].operator_name(),
                       training=lambda: True)
    store = OperatorStore(tmp_path / "staff.sqlite3")
    store.add(MANAGER, Role.MANAGER, hash_pin(MANAGER_PIN))
    store.add(CASHIER, Role.CASHIER, hash_pin(CASHIER_PIN))
    staff = StaffService(store, audit=trail, now=WallClock())
    staff_box.append(staff)
    journal = Journal(tmp_path / "journal.sqlite3", current_operator=staff.operator_name)
    reports = ReportService(journal, trail, environment=lambda: "sandbox", staff=staff)
    yield reports, staff, trail, journal
    journal.close()
    trail.log.close()
    store.close()


def sell(journal: Journal, reference: str, amount: str = "100.00") -> None:
    entry = journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=reference,
                                   amount=Decimal(amount), currency="TRY", card_brand="Visa",
                                   masked_pan="411111******1111")
    journal.record_outcome(entry.id, EntryState.APPROVED, balance=Decimal(amount))


def test_a_cashier_cannot_close_the_day_and_the_refusal_is_audited(till):
    reports, staff, trail, journal = till
    assert staff.sign_in(CASHIER, CASHIER_PIN).accepted
    sell(journal, "PERM-DAY-1")
    report = reports.day_report()  # reading the day's figures is everyone's
    assert report.sales.amounts == {"TRY": Decimal("100.00")}
    with pytest.raises(StaffRefused) as refused:
        reports.close(report)
    assert english(refused.value.msg) == "Only a manager may do this (closing the day). Ask a manager to sign in."
    assert reports.closes() == []
    record = trail.log.records()[0]
    assert (record.action, record.operator, record.details) == (
        "permission.refused", CASHIER, {"permission": "close-day"})
    assert "day.close" not in [r.action for r in trail.log.records()]
    # An approval not made by StaffService.approve (a forged one) is no approval.
    with pytest.raises(StaffRefused):
        reports.close(report, approval=Approval(MANAGER, object()))
    assert reports.closes() == [] and trail.verify().intact


def test_a_manager_closes_the_day(till):
    reports, staff, trail, journal = till
    assert staff.sign_in(MANAGER, MANAGER_PIN).accepted
    sell(journal, "PERM-DAY-2")
    closed = reports.close(reports.day_report())
    assert [c.id for c in reports.closes()] == [closed.id]
    record = trail.log.records()[0]
    assert (record.action, record.operator, record.approver) == ("day.close", MANAGER, None)
    assert "permission.refused" not in [r.action for r in trail.log.records()]


def test_a_cashier_closes_the_day_with_a_managers_approval_and_both_names_are_recorded(till):
    reports, staff, trail, journal = till
    assert staff.sign_in(CASHIER, CASHIER_PIN).accepted
    sell(journal, "PERM-DAY-3")
    given, _ = staff.approve(CASHIER, CASHIER_PIN)  # a cashier's PIN approves nothing
    assert given is None
    given, _ = staff.approve(MANAGER, MANAGER_PIN)
    assert given is not None and staff.current is not None and staff.current.name == CASHIER
    closed = reports.close(reports.day_report(), approval=given)
    record = trail.log.records()[0]
    assert (record.action, record.operator, record.approver) == ("day.close", CASHIER, MANAGER)
    assert record.details["close_id"] == closed.id
    approval = trail.log.records()[1]
    assert (approval.action, approval.operator, approval.approver, approval.details) == (
        "approval", CASHIER, MANAGER, {"permission": "close-day"})
    assert trail.verify().intact


def test_the_trainee_closes_the_day_in_training_mode(tmp_path):
    trail = AuditTrail(AuditLog(tmp_path / "audit.sqlite3"), current_operator=lambda: "Trainee",
                       training=lambda: True)
    journal = Journal(tmp_path / "journal.sqlite3")
    staff = StaffService(OperatorStore(":memory:"), audit=trail)
    assert staff.start("sandbox") is not None  # no manager yet: the Trainee, with a manager's rights
    reports = ReportService(journal, trail, environment=lambda: "sandbox", staff=staff)
    reports.close(reports.day_report())
    assert trail.log.records()[0].action == "day.close"
    journal.close()
    trail.log.close()


def test_a_shift_is_closed_only_by_its_own_operator(till):
    reports, staff, trail, journal = till
    assert staff.sign_in(CASHIER, CASHIER_PIN).accepted
    sell(journal, "PERM-SHIFT-1")
    mehmets = reports.shift_report()
    assert mehmets.operator == CASHIER
    # Left open across File > Switch operator: the next operator, a manager even, does not close Mehmet's shift.
    staff.sign_out()
    assert staff.sign_in(MANAGER, MANAGER_PIN).accepted
    with pytest.raises(StaffRefused) as refused:
        reports.close(mehmets)
    assert english(refused.value.msg) == "Only Mehmet may do this (closing their own shift). Ask Mehmet to sign in."
    record = trail.log.records()[0]
    assert (record.action, record.operator, record.details) == (
        "permission.refused", MANAGER, {"permission": "close-shift", "owner": CASHIER})
    assert reports.closes() == []
    # Ayşe's own shift is hers to close; Mehmet, back, closes his.
    reports.close(reports.shift_report())
    staff.sign_out()
    assert staff.sign_in(CASHIER, CASHIER_PIN).accepted
    reports.close(mehmets)
    assert sorted(c.operator or "" for c in reports.closes()) == [MANAGER, CASHIER]
    assert trail.verify().intact
