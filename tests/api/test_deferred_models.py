"""The API models build their validators at first use (not at import: the window does not wait for them),
and build_validators builds them all ahead of use; models behave the same either way."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from pydantic import ValidationError

from klogs_desk.api.models import CaptureRequest, OwnerDescription, build_validators


def test_importing_the_models_builds_no_validator():
    code = ("from klogs_desk.api.models.wire import WireModel\n"
            "import klogs_desk.api.models\n"
            "todo = list(WireModel.__subclasses__()); built = []\n"
            "while todo:\n"
            "    m = todo.pop(); todo += m.__subclasses__()\n"
            "    if m.__pydantic_complete__: built.append(m.__name__)\n"
            "print(built)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_after_build_validators_every_model_is_complete_and_validates():
    build_validators()
    assert build_validators() == 0  # nothing left to build
    assert CaptureRequest(amount=Decimal("1.50"), currency="TRY").to_wire() == {"amount": Decimal("1.50"),
                                                                                "currency": "TRY"}
    assert "email" in str(_refused(OwnerDescription, {"email": "not an address"}))


def _refused(model, body):  # type: ignore[no-untyped-def]
    try:
        model.model_validate(body)
    except ValidationError as exc:
        return exc
    raise AssertionError("accepted")
