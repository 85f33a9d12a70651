"""The one signature decoder: what the sandbox and the webhook listener accept as a signature's text."""

from __future__ import annotations

import base64
import hashlib

from klogs_desk.domain.signatures import signature_readings

DIGEST = hashlib.sha256(b"klogs").digest()


def test_hex_in_either_case_reads_as_the_digest():
    assert DIGEST in signature_readings(DIGEST.hex())
    assert DIGEST in signature_readings(DIGEST.hex().upper())


def test_base64_reads_as_the_digest():
    assert signature_readings(base64.b64encode(DIGEST).decode()) == [DIGEST]


def test_text_in_neither_encoding_has_no_reading():
    assert signature_readings("not a signature!") == []
    assert signature_readings("") == [b"", b""]  # empty: both decoders agree; callers refuse a blank header first
