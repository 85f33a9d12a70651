"""Reading a signature header's text: the one decoder shared by everything here that checks a signature.

Klogs' client libraries send ``X-Klogs-Signature`` as hex (Python, Node.js) or base64 (.NET), and a 64-digit
hex text is also valid base64, so a receiver compares its expected digest with *every* reading of the text.
Two receivers need this: the sandbox, checking the terminal's signed requests (``sandbox/auth.py``), and the
terminal's loopback listener, checking the sandbox's card-storage webhooks (``callbacks/webhooks.py``).

It lives in ``domain`` rather than ``api/signing.py`` because the sandbox may import only ``api.models`` and
``domain`` (``tests/test_layers.py``). Only the decoding is shared: each receiver still computes its expected
digest itself, so the sandbox does not agree with a mistake in the terminal's signer.

No Qt, no HTTP; nothing here logs.
"""

from __future__ import annotations

import base64
import binascii


def signature_readings(text: str) -> list[bytes]:
    """Every reading of ``text`` as a digest: its hex reading (either case) then its base64 reading, each
    only when the text is valid in that encoding; empty when it is neither."""
    readings: list[bytes] = []
    try:
        readings.append(bytes.fromhex(text))
    except ValueError:
        pass
    try:
        readings.append(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError):
        pass
    return readings
