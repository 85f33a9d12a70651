"""The PIN hash's real cost: the suite makes its own hashes cheap (tests/conftest.py ``_cheap_pin_hashes``), so
this checks that what the terminal writes is scrypt at N=2**14, r=8, p=1, and that a hash of either cost is
verified by the parameters it carries."""

from __future__ import annotations

from klogs_desk.domain import operators


def test_the_terminal_hashes_pins_with_scrypt_n_16384_and_verifies_by_the_stored_parameters(
        _cheap_pin_hashes, monkeypatch):
    assert _cheap_pin_hashes == 2**14
    monkeypatch.setattr(operators, "_SCRYPT_N", _cheap_pin_hashes)
    real = operators.hash_pin("482916")
    assert real.startswith("scrypt$16384$8$1$")
    monkeypatch.setattr(operators, "_SCRYPT_N", 2**4)
    cheap = operators.hash_pin("482916")
    assert cheap.startswith("scrypt$16$8$1$")
    for stored in (real, cheap):
        assert operators.verify_pin("482916", stored)
        assert not operators.verify_pin("482917", stored)
