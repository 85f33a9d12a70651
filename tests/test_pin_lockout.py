"""Wrong PINs lock an operator out (PCI DSS 8.3.4): the rules without Qt widgets, the count kept in the operator's
record in staff.sqlite3 (it was the settings file while there was one manager PIN)."""

from __future__ import annotations

from klogs_desk.domain.operators import OperatorStore, Role, hash_pin
from klogs_desk.services.pin_lockout import LOCKOUT_SECONDS, MAX_WRONG_PINS, PinLockout
from tests.fake_clock import WallClock

PIN = "482615"
NAME = "Ayşe"


class Staff(OperatorStore):
    """The staff file with one manager; ``check_manager_pin`` checks her PIN."""

    def check_manager_pin(self, pin: str) -> bool:
        return self.check_pin(NAME, pin)


def open_store(tmp_path) -> Staff:
    return Staff(tmp_path / "staff.sqlite3")


def make(tmp_path, clock):
    config = open_store(tmp_path)
    config.add(NAME, Role.MANAGER, hash_pin(PIN))
    return config, PinLockout(config, NAME, now=clock)


def test_five_wrong_pins_lock_it_for_thirty_minutes_even_against_the_right_pin(tmp_path):
    clock = WallClock()
    config, lockout = make(tmp_path, clock)
    assert (MAX_WRONG_PINS, LOCKOUT_SECONDS) == (5, 30 * 60)
    tries = [lockout.attempt("0000", config.check_manager_pin).tries_left for _ in range(4)]
    assert tries == [4, 3, 2, 1]
    fifth = lockout.attempt("0000", config.check_manager_pin)
    assert fifth.locked_out and fifth.locked_minutes == 30 and not fifth.accepted
    clock.now += 29 * 60 + 30
    refused = lockout.attempt(PIN, config.check_manager_pin)
    assert not refused.accepted and refused.locked_minutes == 1
    clock.now += 30
    assert lockout.attempt(PIN, config.check_manager_pin).accepted


def test_a_right_pin_resets_the_count(tmp_path):
    clock = WallClock()
    config, lockout = make(tmp_path, clock)
    for _ in range(4):
        lockout.attempt("0000", config.check_manager_pin)
    assert lockout.attempt(PIN, config.check_manager_pin).accepted
    assert lockout.attempt("0000", config.check_manager_pin).tries_left == 4


def test_the_count_and_the_lock_out_survive_a_restart(tmp_path):
    clock = WallClock()
    config, lockout = make(tmp_path, clock)
    for _ in range(3):
        lockout.attempt("0000", config.check_manager_pin)
    restarted = open_store(tmp_path)  # a new process reads the file
    assert PinLockout(restarted, NAME, now=clock).status().tries_left == 2
    for _ in range(2):
        PinLockout(restarted, NAME, now=clock).attempt("0000", restarted.check_manager_pin)
    again = PinLockout(open_store(tmp_path), NAME, now=clock)
    assert again.status().locked_out and not again.attempt(PIN, config.check_manager_pin).accepted


def test_a_clock_moved_back_does_not_lengthen_the_lock_out(tmp_path):
    clock = WallClock()
    config, lockout = make(tmp_path, clock)
    for _ in range(5):
        lockout.attempt("0000", config.check_manager_pin)
    clock.now -= 24 * 3600
    assert lockout.status().locked_seconds == LOCKOUT_SECONDS


def test_counts_are_kept_per_pin_owner(tmp_path):
    clock = WallClock()
    config, manager = make(tmp_path, clock)
    for _ in range(5):
        manager.attempt("0000", config.check_manager_pin)
    assert manager.status().locked_out
    config.add("Mehmet", Role.CASHIER, hash_pin("1234"))
    assert not PinLockout(config, "Mehmet", now=clock).status().locked_out
