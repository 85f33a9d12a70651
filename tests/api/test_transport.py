"""The client's transport: TLS verification as httpx's defaults, built off the caller's thread; plain
loopback (the training sandbox) without any TLS set-up."""

from __future__ import annotations

import ssl

import httpx
import pytest

from klogs_desk.api.transport import GatewayTransport, tls_context

pytestmark = pytest.mark.anyio


def test_the_tls_context_verifies_certificates_and_host_names():
    context = tls_context().result(30)
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname


async def test_plain_loopback_requests_never_make_the_tls_transport(sandbox):
    transport = GatewayTransport()
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.get(f"{sandbox.url}/_sandbox/clock")
    assert response.status_code == 200
    assert transport._tls is None


async def test_an_https_request_goes_through_the_verifying_transport():
    transport = GatewayTransport()
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get("https://127.0.0.1:1/")  # nothing listens: refused before any TLS
    assert transport._tls is not None and transport._plain is None
