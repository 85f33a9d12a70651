"""The log never holds a card number, a CVV or a registered secret, whatever shape code logs it in."""

from __future__ import annotations

import logging

import pytest

from klogs_desk import log as klog
from klogs_desk.domain.cards import luhn_valid


class LogFile:
    """The log file, read from where it ended when the test started."""

    def __init__(self, path):
        self.path = path
        self.start = path.stat().st_size if path.exists() else 0


@pytest.fixture
def log_file(app_home):
    return LogFile(klog.setup_logging(logging.DEBUG, to_stderr=False))


def _written(log: LogFile) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    with open(log.path, encoding="utf-8") as stream:
        stream.seek(log.start)
        return stream.read()


@pytest.mark.parametrize("shape", [
    "4111111111111111",
    "4111 1111 1111 1111",
    "4111-1111-1111-1111",
    "pan=5421190122090656;",
    '{"cardNumber":"9792030000000000"}',
    "4111.1111.1111.1111",
    "4111_1111_1111_1111",
])
def test_card_numbers_are_masked_to_first_six_last_four(log_file, shape):
    logging.getLogger("klogs_desk.test").info("paying with %s now", shape)
    text = _written(log_file)
    digits = "".join(ch for ch in shape if ch.isdigit())
    assert digits not in text.replace(" ", "").replace("-", "")
    assert f"{digits[:6]}******{digits[-4:]}" in text


@pytest.mark.parametrize("shape", [
    "card 4111111111111111 12/27",
    "qty 1 4111111111111111",
    "411111111111111112/27",
    "41111111111111111227",
    "3782.822463.10005",
])
def test_card_numbers_next_to_other_digits_never_reach_the_log(log_file, shape):
    logging.getLogger("klogs_desk.test").info("paying with %s now", shape)
    text = _written(log_file)
    digits = "".join(ch for ch in shape if ch.isdigit())
    pan = "378282246310005" if digits.startswith("3") else "4111111111111111"
    assert "paying with " in text
    assert pan not in "".join(ch for ch in text if ch.isdigit() or ch == "*")


def test_an_uncaught_exception_holding_a_card_number_reaches_the_log_masked(log_file, monkeypatch):
    """The app's excepthook logs through the redacting filter: the message and the traceback are masked."""
    from klogs_desk.app import ExceptionReporter

    reporter = ExceptionReporter(log_file.path)
    shown: list[str] = []
    monkeypatch.setattr(reporter, "show_dialog", shown.append)
    try:
        card = "4111 1111.1111_1111"
        raise RuntimeError(f"gateway refused card {card} 12/27")
    except RuntimeError as exc:
        reporter(type(exc), exc, exc.__traceback__)
    text = _written(log_file)
    assert "RuntimeError: gateway refused card 411111" in text
    assert "4111111111111111" not in "".join(ch for ch in text if ch.isdigit() or ch == "*")
    assert len(shown) == 1 and "4111" not in shown[0]


def test_digit_runs_that_are_not_card_numbers_are_kept(log_file):
    order_id = "2024061512345678"  # 16 digits, fails Luhn
    assert not luhn_valid(order_id)
    logging.getLogger("klogs_desk.test").info("order %s", order_id)
    assert order_id in _written(log_file)


@pytest.mark.parametrize("shape, hidden", [
    ("cvv=123", "123"),
    ("CVC: 9876", "9876"),
    ('{"cvv": "321"}', "321"),
    ("'securityCode': '456'", "456"),
    ("cvv2=741", "741"),
])
def test_cvv_values_are_hidden(log_file, shape, hidden):
    logging.getLogger("klogs_desk.test").warning("request body %s end", shape)
    # The logged message only: the line's timestamp has milliseconds, which can be the same digits (a run
    # failed on ",321" in "23:22:46,321").
    text = _written(log_file).partition("request body")[2]
    assert text.endswith("end\n")
    assert hidden not in text
    assert "***" in text


def test_registered_secrets_never_reach_the_file(log_file):
    klog.register_secret("sk_live_very_secret_value")
    logging.getLogger("klogs_desk.test").error("header X-API-SECRET: %s", "sk_live_very_secret_value")
    text = _written(log_file)
    assert "sk_live_very_secret_value" not in text
    assert "<secret>" in text


def test_tracebacks_are_redacted_too(log_file):
    klog.register_secret("bearer-token-abcdef")
    try:
        raise ValueError("card 4111111111111111 rejected with bearer-token-abcdef and cvv=999")
    except ValueError:
        logging.getLogger("klogs_desk.test").exception("it failed")
    text = _written(log_file)
    assert "Traceback" in text and "ValueError" in text
    assert "4111111111111111" not in text
    assert "bearer-token-abcdef" not in text
    assert "cvv=999" not in text
    assert "411111******1111" in text


def test_short_values_are_not_treated_as_secrets():
    klog.register_secret("ab")
    assert klog.redact("ab cd ab") == "ab cd ab"
