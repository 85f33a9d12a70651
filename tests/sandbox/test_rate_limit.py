"""The sandbox's rate limit as the docs give it for the test environment: 100 requests a minute per
credential, then 429 Too Many Requests with Retry-After; ``klogs-sandbox --rate-limit`` changes it."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest

from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import DEFAULT_RATE_LIMIT, SandboxConfig

KEY_HEADERS = {"X-API-KEY": "sandbox-key", "X-API-SECRET": "sandbox-secret"}


def lookup(client: httpx.Client, headers: dict[str, str] = KEY_HEADERS) -> httpx.Response:
    """A read that changes nothing: the lookup of a transaction that does not exist (404)."""
    return client.get("/api/trx/no-such-order", headers=headers)


def test_the_default_is_the_docs_100_a_minute_then_429_with_retry_after():
    assert SandboxConfig().rate_limit_per_minute == DEFAULT_RATE_LIMIT == 100
    with SandboxServer() as server, httpx.Client(base_url=server.url) as client:
        answers = [lookup(client).status_code for _ in range(100)]
        refused = lookup(client)
        other_credential = lookup(client, {"X-API-KEY": "someone-else", "X-API-SECRET": "x"})
    assert set(answers) == {404}
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= 60 and refused.json()["retryAfter"] == wait
    assert "100 requests per minute" in refused.json()["detail"]
    assert other_credential.status_code == 401  # its own budget: refused for the key, not the limit


def test_a_bearer_token_equal_to_the_api_key_shares_its_budget():
    config = SandboxConfig(bearer_token="sandbox-key", rate_limit_per_minute=3)
    with SandboxServer(config) as server, httpx.Client(base_url=server.url) as client:
        for _ in range(3):
            assert lookup(client).status_code == 404
        listed = client.get("/recurring", params={"Page": 1, "PageSize": 1},
                            headers={"Authorization": "Bearer sandbox-key"})
    assert listed.status_code == 429


def test_zero_turns_the_limit_off():
    with SandboxServer(SandboxConfig(rate_limit_per_minute=0)) as server, \
            httpx.Client(base_url=server.url) as client:
        assert {lookup(client).status_code for _ in range(150)} == {404}


@pytest.mark.parametrize("argument, expected", [([], 100), (["--rate-limit", "3"], 3)])
def test_the_command_line_sandbox_takes_rate_limit(argument, expected, tmp_path):
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    process = subprocess.Popen(
        [sys.executable, "-m", "klogs_desk.sandbox.cli", "--port", "0", *argument],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(6)]
        url = banner[0].rsplit(" ", 1)[-1].strip()
        assert any(f"rate limit:    {expected} requests/min per credential" in line for line in banner), banner
        with httpx.Client(base_url=url) as client:
            answers = [lookup(client).status_code for _ in range(expected + 1)]
    finally:
        process.terminate()
        process.wait(10)
    assert answers == [404] * expected + [429]


def test_a_negative_rate_limit_is_refused_by_the_command_line():
    from klogs_desk.sandbox import cli

    with pytest.raises(SystemExit):
        cli.main(["--rate-limit", "-5"])


def test_the_terminal_passes_its_command_line_limit_to_the_built_in_sandbox():
    from klogs_desk.app import parse_args

    assert parse_args([]).sandbox_rate_limit is None  # the sandbox's own default, 100
    assert parse_args(["--sandbox-rate-limit", "500"]).sandbox_rate_limit == 500
    with pytest.raises(SystemExit):
        parse_args(["--sandbox-rate-limit", "-1"])
