"""No clear text: a gateway base URL that is plain http to another computer is refused before any client or
connection exists, wherever it came from (settings file, --sandbox-url, a client built by hand); the
terminal started on such a settings file says so and stops. Plain http to this computer is fine.

192.0.2.2 (TEST-NET-1) is never contacted: every socket connect and every httpx request is recorded and
the tests assert there were none.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys

import httpx
import pytest

from klogs_desk.api.client import ClearTextRefused, Credentials, Endpoints, KlogsClient
from klogs_desk.config import Config
from klogs_desk.credentials import SANDBOX_CREDENTIALS
from klogs_desk.environments import build_client

CLEAR_TEXT = "http://192.0.2.2:8443/"
SECRETS = Credentials("live-key-123456", "live-secret-123456", "live-token-123456")


@pytest.fixture
def connections(monkeypatch):
    """Every outgoing socket connect and httpx request attempted during the test."""
    seen: list[object] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(sock, address):  # type: ignore[no-untyped-def]
        seen.append(address)
        return real_connect(sock, address)

    def connect_ex(sock, address):  # type: ignore[no-untyped-def]
        seen.append(address)
        return real_connect_ex(sock, address)

    async def send(transport, request):  # type: ignore[no-untyped-def]
        seen.append(str(request.url))
        raise httpx.ConnectError("recorded, not sent", request=request)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", send)
    return seen


def settings_with(tmp_path, section: str, **values: str) -> Config:
    path = tmp_path / "settings.ini"
    path.write_text(f"[{section}]\n" + "".join(f"{k}={v}\n" for k, v in values.items()), encoding="utf-8")
    return Config(path)


@pytest.mark.parametrize("key", ["payment_base_url", "recurring_base_url"])
@pytest.mark.parametrize("environment", ["production", "test", "sandbox"])
def test_clear_text_url_in_the_settings_file_is_refused_before_any_connection(tmp_path, connections, environment,
                                                                               key):
    config = settings_with(tmp_path, environment, **{key: CLEAR_TEXT})
    assert getattr(config, key)(environment) == CLEAR_TEXT
    with pytest.raises(ClearTextRefused) as refused:
        build_client(config, environment, SECRETS, sandbox_url="http://127.0.0.1:9")
    assert refused.value.url == CLEAR_TEXT
    assert connections == []


def test_clear_text_sandbox_url_from_the_command_line_is_refused(tmp_path, connections):
    with pytest.raises(ClearTextRefused):
        build_client(Config(tmp_path / "settings.ini"), "sandbox", SANDBOX_CREDENTIALS, "http://192.0.2.2:8765")
    assert connections == []


@pytest.mark.parametrize("url", [CLEAR_TEXT, "HTTP://GATEWAY.EXAMPLE/", "http://127.0.0.1@192.0.2.2/",
                                 "http://127.0.0.1.nip.io/", "http://2130706433/", " http://10.0.0.1/"])
def test_a_hand_built_client_cannot_exist_for_clear_text(url):
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200))
    with pytest.raises(ClearTextRefused):
        KlogsClient(Endpoints("https://pgw.klogs.io/", url), SECRETS, transport=transport)
    assert sent == []


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765/", "http://127.8.9.10/", "http://[::1]:8765/",
                                 "http://localhost:8765/", "https://pgw.klogs.io/", "https://192.0.2.2:8443/"])
def test_https_anywhere_and_plain_http_to_this_computer_build(tmp_path, url):
    config = settings_with(tmp_path, "test", payment_base_url=url, recurring_base_url=url)
    client = build_client(config, "test", SECRETS)
    try:
        assert client.endpoints == Endpoints(url, url)
    finally:
        asyncio.run(client.aclose())


APP_SCRIPT = r"""
import socket, sys
from PySide6.QtWidgets import QMessageBox

attempts = []
real_connect = socket.socket.connect
def connect(sock, address):
    attempts.append(address)
    return real_connect(sock, address)
socket.socket.connect = connect
QMessageBox.critical = staticmethod(lambda parent, title, text, *a: print("told", title, "|", text, flush=True))

from klogs_desk.app import main
code = main([])
print("connections to 192.0.2.2:", [a for a in attempts if "192.0.2.2" in str(a)], flush=True)
sys.exit(code)
"""


def test_the_terminal_started_on_a_clear_text_production_url_says_so_and_sends_nothing(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.ini").write_text(
        f"[terminal]\nenvironment=production\n[production]\npayment_base_url={CLEAR_TEXT}\n", encoding="utf-8")
    env = dict(os.environ, KLOGS_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", APP_SCRIPT], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2, result.stderr[-3000:]
    assert "told Insecure gateway address | The gateway address http://192.0.2.2:8443/ uses plain http://" \
        in result.stdout
    assert "Nothing was sent" in result.stdout
    assert "connections to 192.0.2.2: []" in result.stdout


@pytest.mark.parametrize("url", [
    "https://pgw.klogs.dev/", "http://127.0.0.1:8123", "http://localhost/", "http://[::1]:80/x", "http://example.com/",
    "HTTP://example.com", "http://user@127.0.0.1/", "http://example.com:99999/", "http://127.0.0.1.evil.com/",
    "  http://10.0.0.1:8080/api  ", "https://[::1]/", "http://LOCALHOST:1/", "http://127.0.0.1@evil.com/",
    "http://evil.com\\@127.0.0.1/", "http://127.0.0.1:80#@evil.com/"])
def test_the_start_up_check_without_httpx_refuses_exactly_what_the_client_would(url):
    """Plain addresses are checked without importing httpx (before the first frame); the answer is the one
    reading them the way the client sends gives."""
    import httpx

    from klogs_desk.api.addresses import clear_text_refused, is_loopback_host

    try:
        parsed = httpx.URL(url.strip())
        expected = parsed.scheme == "http" and bool(parsed.host) and not is_loopback_host(parsed.host)
    except httpx.InvalidURL:
        expected = False
    assert clear_text_refused(url) is expected
