"""Operators, roles, sign-in and the lock-out, without widgets (services/staff.py, domain/operators.py)."""

from __future__ import annotations

import os
import re
import stat

import pytest

from klogs_desk.config import Config, hash_pin
from klogs_desk.domain.operators import TRAINEE_NAME, OperatorStore, Role, pin_problem
from klogs_desk.messages import english
from klogs_desk.services.staff import Permission, StaffRefused, StaffService
from tests.fake_clock import WallClock

MANAGER_PIN, CASHIER_PIN = "482615", "7391"


class Recorder:
    def __init__(self) -> None:
        self.records: list[tuple[str, str | None, str | None, dict]] = []

    def record(self, action, *, operator=None, approver=None, details=None):  # type: ignore[no-untyped-def]
        self.records.append((action, operator, approver, dict(details or {})))

    def actions(self) -> list[str]:
        return [action for action, *_ in self.records]


@pytest.fixture
def clock() -> WallClock:
    return WallClock()


@pytest.fixture
def audit() -> Recorder:
    return Recorder()


@pytest.fixture
def staff(tmp_path, clock, audit) -> StaffService:
    """A terminal with the manager Ayşe (signed in once to add the cashier Mehmet), then nobody signed in."""
    store = OperatorStore(tmp_path / "staff.sqlite3")
    store.add("Ayşe", Role.MANAGER, hash_pin(MANAGER_PIN))
    service = StaffService(store, audit=audit, now=clock)
    assert service.sign_in("Ayşe", MANAGER_PIN).accepted
    service.add_operator("Mehmet", Role.CASHIER, CASHIER_PIN)
    service.sign_out()
    return service


def test_the_staff_file_is_private_and_holds_no_pin(tmp_path, staff):
    path = tmp_path / "staff.sqlite3"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    for name in os.listdir(tmp_path):
        # Salts, digests and the audit chain's hashes are long random hex runs, where four digits such as the
        # cashier's PIN turn up now and then by chance: the PINs must be nowhere else.
        data = re.sub(rb"[0-9a-f]{32,}", b"#", (tmp_path / name).read_bytes())
        assert MANAGER_PIN.encode() not in data and CASHIER_PIN.encode() not in data


def test_pin_rules_per_role():
    assert pin_problem("1234", Role.CASHIER) is None
    assert pin_problem("1234", Role.MANAGER) is not None  # managers: at least 6 digits
    assert pin_problem("123456", Role.MANAGER) is None
    assert pin_problem("12a4", Role.CASHIER) is not None
    assert "6 to 12 digits" in english(pin_problem("12345", Role.MANAGER))


def test_sign_in_names_the_operator_and_sign_out_forgets_them(staff, audit):
    result = staff.sign_in("mehmet", CASHIER_PIN)  # names compare without case
    assert result.accepted and staff.current is not None and staff.current.name == "Mehmet"
    assert staff.operator_name() == "Mehmet" and not staff.allowed(Permission.VOID_REFUND)
    staff.sign_out()
    assert staff.current is None and staff.operator_name() == "unknown"
    assert audit.actions()[-2:] == ["sign-in", "sign-out"]


def test_unknown_names_and_disabled_operators_read_like_a_wrong_pin(staff):
    assert english(staff.sign_in("Nobody", "1234").why) == "The name or the PIN is wrong."
    staff.sign_in("Ayşe", MANAGER_PIN)
    staff.set_disabled("Mehmet", True)
    staff.sign_out()
    assert not staff.sign_in("Mehmet", CASHIER_PIN).accepted


def test_five_wrong_pins_lock_the_operator_out_for_thirty_minutes_in_words(staff, clock, audit):
    tries = [staff.sign_in("Mehmet", "0000").pin.tries_left for _ in range(4)]
    assert tries == [4, 3, 2, 1]
    fifth = staff.sign_in("Mehmet", "0000")
    assert fifth.locked_out and "locked out" in english(fifth.why) and "30 min" in english(fifth.why)
    assert "lock-out" in audit.actions()
    clock.now += 20 * 60
    refused = staff.sign_in("Mehmet", CASHIER_PIN)  # the right PIN is not even checked
    assert not refused.accepted and "Time left: 10 min" in english(refused.why)
    assert audit.actions().count("lock-out") == 1  # recorded when it began, not at each refusal
    assert staff.sign_in("Ayşe", MANAGER_PIN).accepted  # only Mehmet is locked out
    clock.now += 10 * 60
    assert staff.sign_in("Mehmet", CASHIER_PIN).accepted


def test_a_manager_unlocks_a_locked_out_operator(staff, audit):
    for _ in range(5):
        staff.sign_in("Mehmet", "0000")
    assert staff.status("Mehmet").locked_out
    staff.sign_in("Ayşe", MANAGER_PIN)
    staff.unlock("Mehmet")
    staff.sign_out()
    assert staff.sign_in("Mehmet", CASHIER_PIN).accepted
    assert ("unlock", "Ayşe", None, {"name": "Mehmet"}) in audit.records


def test_a_cashier_is_refused_managers_work_with_a_sentence(staff):
    staff.sign_in("Mehmet", CASHIER_PIN)
    with pytest.raises(StaffRefused) as refused:
        staff.add_operator("Zeynep", Role.CASHIER, "1111")
    assert english(refused.value.msg) == "Only a manager may do this (operators). Ask a manager to sign in."
    with pytest.raises(StaffRefused):
        staff.approver_for_money(None)


def test_every_refused_managers_action_is_in_the_audit_trail(staff, audit):
    """One rule, one record: whatever refused the cashier (an operator change, a void without approval, a
    subscription write...), the audit trail names who tried and what, as it does for a wrong PIN."""
    staff.sign_in("Mehmet", CASHIER_PIN)
    with pytest.raises(StaffRefused):
        staff.add_operator("Zeynep", Role.CASHIER, "1111")
    with pytest.raises(StaffRefused):
        staff.approver_for_money(None)
    for permission in Permission:
        with pytest.raises(StaffRefused):
            staff.require(permission)
    refusals = [(operator, details["permission"]) for action, operator, _, details in audit.records
                if action == "permission.refused"]
    assert refusals == [("Mehmet", "operators"), ("Mehmet", "void-refund")] + [
        ("Mehmet", permission.value) for permission in Permission]
    staff.sign_out()
    staff.sign_in("Ayşe", MANAGER_PIN)
    before = len(audit.records)
    for permission in Permission:
        staff.require(permission)
    assert len(audit.records) == before  # allowed: nothing to record


def test_manager_approval_in_a_cashiers_session(staff):
    staff.sign_in("Mehmet", CASHIER_PIN)
    approval, _ = staff.approve("Mehmet", CASHIER_PIN)
    assert approval is None  # a cashier cannot approve
    approval, _ = staff.approve("Ayşe", MANAGER_PIN)
    assert approval is not None and staff.approver_for_money(approval) == "Ayşe"
    assert staff.current.name == "Mehmet"  # the cashier stays signed in


def test_change_own_pin_needs_the_old_one_and_managers_reset_pins(staff):
    staff.sign_in("Mehmet", CASHIER_PIN)
    with pytest.raises(StaffRefused):
        staff.change_own_pin("9999", "5555")
    staff.change_own_pin(CASHIER_PIN, "5555")
    staff.sign_out()
    assert staff.sign_in("Mehmet", "5555").accepted
    staff.sign_in("Ayşe", MANAGER_PIN)
    staff.reset_pin("Mehmet", "6666")
    with pytest.raises(StaffRefused):
        staff.reset_pin("Ayşe", "1234")  # too short for a manager
    staff.set_role("Mehmet", Role.MANAGER)
    with pytest.raises(StaffRefused):
        staff.set_disabled("Nobody", True)
    staff.set_disabled("Mehmet", True)
    with pytest.raises(StaffRefused) as refused:
        staff.set_disabled("Ayşe", True)
    assert "last manager" in english(refused.value.msg)


def test_trainee_only_on_the_sandbox_before_the_first_manager(tmp_path):
    staff = StaffService(OperatorStore(tmp_path / "staff.sqlite3"))
    assert staff.start("sandbox").name == TRAINEE_NAME and staff.current.training
    assert staff.allowed(Permission.OPERATORS)
    assert staff.start("test") is None
    staff.start("sandbox")
    staff.add_operator("Ayşe", Role.MANAGER, MANAGER_PIN)
    assert staff.start("sandbox") is None  # a real manager exists: sign in


def test_the_settings_files_manager_pin_becomes_the_manager_record_and_leaves_the_file(tmp_path):
    config = Config(tmp_path / "settings.ini")
    config.manager_pin_hash = hash_pin("4826")  # as the release before operators saved it
    config.settings.setValue("security/pin_attempts/manager/wrong", 2)
    config.settings.setValue("security/manager_pin_required", True)
    config.sync()
    staff = StaffService(OperatorStore(tmp_path / "staff.sqlite3"))
    migrated = staff.migrate_settings_pin(Config(tmp_path / "settings.ini"))
    assert migrated is not None and migrated.name == "Manager" and migrated.is_manager
    assert staff.sign_in("Manager", "4826").accepted  # the same PIN still works
    text = (tmp_path / "settings.ini").read_text()
    assert "scrypt" not in text and "pin" not in text.lower()
    assert Config(tmp_path / "settings.ini").manager_pin_hash == ""
    assert staff.migrate_settings_pin(Config(tmp_path / "settings.ini")) is None  # once
