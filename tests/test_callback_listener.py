"""The 3-D Secure callback listener: what it accepts, and every request it must refuse without effect.

Requests go over real loopback sockets, written byte by byte where the guard is about malformed HTTP.
"""

from __future__ import annotations

import asyncio
import uuid
from urllib.parse import urlsplit

import httpx
import pytest

from klogs_desk.callbacks import CallbackListener, CallbackOutcome, CallbackTimeoutError

pytestmark = pytest.mark.anyio

PAYMENT_ID = str(uuid.uuid4())


@pytest.fixture
async def listener():
    server = CallbackListener(read_timeout=0.5)
    await server.start()
    yield server
    await server.stop()


def _form(payment_id: str = PAYMENT_ID, key: str = "KEY-123") -> dict[str, str]:
    return {"paymentId": payment_id, "securityKey": key}


async def _post(url: str, data=None, **kwargs) -> httpx.Response:
    async with httpx.AsyncClient() as http:
        return await http.post(url, data=data, **kwargs)


async def _raw(listener: CallbackListener, payload: bytes, *, wait_for_close: float = 3.0) -> bytes:
    """Send ``payload`` as-is and return everything the listener answers before closing."""
    reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
    writer.write(payload)
    await writer.drain()
    try:
        return await asyncio.wait_for(reader.read(), wait_for_close)
    finally:
        writer.close()


def _status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


async def _still_works(listener: CallbackListener) -> None:
    """The listener keeps serving: a fresh callback is accepted."""
    pending = listener.expect(PAYMENT_ID)
    response = await _post(pending.success_url, _form())
    assert response.status_code == 200
    assert (await pending.future).outcome is CallbackOutcome.SUCCESS


async def test_binds_to_loopback_only(listener):
    host, port = listener.address
    assert host == "127.0.0.1"
    assert port == listener.port > 0
    pending = listener.expect()
    assert urlsplit(pending.success_url).netloc == f"127.0.0.1:{port}"
    assert pending.success_url.endswith("/success") and pending.failure_url.endswith("/failure")


async def test_tokens_are_fresh_and_long(listener):
    first, second = listener.expect(), listener.expect()
    assert first.token != second.token
    assert len(first.token) >= 40  # 32 random bytes, base64url


async def test_valid_success_callback_resolves_and_shows_finished_page(listener):
    pending = listener.expect(PAYMENT_ID)
    response = await _post(pending.success_url, _form(key="SEC-KEY"))
    assert response.status_code == 200
    assert "Authentication finished — return to the terminal." in response.text
    result = await pending.future
    assert result.outcome is CallbackOutcome.SUCCESS
    assert result.payment_id == PAYMENT_ID
    assert result.security_key == "SEC-KEY"
    assert listener.pending_count() == 0


async def test_failure_url_resolves_as_failure(listener):
    pending = listener.expect()
    pending.bind_payment(PAYMENT_ID.upper())  # the gateway may print the UUID in capitals
    response = await _post(pending.failure_url, _form())
    assert response.status_code == 200
    assert (await pending.future).outcome is CallbackOutcome.FAILURE


async def test_origin_of_the_gateway_is_accepted_others_refused(listener):
    listener.allow_origin("http://gateway.example:8080/api/")
    pending = listener.expect(PAYMENT_ID)
    refused = await _post(pending.success_url, _form(), headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403
    opaque = await _post(pending.success_url, _form(), headers={"Origin": "null"})
    assert opaque.status_code == 403
    assert not pending.future.done()
    accepted = await _post(pending.success_url, _form(), headers={"Origin": "http://gateway.example:8080"})
    assert accepted.status_code == 200


async def test_wrong_token_is_404_and_changes_nothing(listener):
    pending = listener.expect(PAYMENT_ID)
    wrong = pending.success_url.replace(pending.token, pending.token[:-1] + ("A" if pending.token[-1] != "A" else "B"))
    response = await _post(wrong, _form())
    assert response.status_code == 404
    for path in ("/", "/3ds", f"/3ds/{pending.token}", f"/3ds/{pending.token}/maybe", f"/x/{pending.token}/success"):
        assert (await _post(f"{listener.origin}{path}", _form())).status_code == 404
    assert not pending.future.done()
    assert pending.active
    await _post(pending.success_url, _form())
    assert (await pending.future).outcome is CallbackOutcome.SUCCESS


async def test_get_and_other_methods_are_405(listener):
    pending = listener.expect(PAYMENT_ID)
    async with httpx.AsyncClient() as http:
        for method in ("GET", "PUT", "DELETE", "HEAD", "OPTIONS"):
            response = await http.request(method, pending.success_url)
            assert response.status_code == 405, method
            if method != "HEAD":
                assert response.headers["allow"] == "POST"
    assert not pending.future.done()
    await _still_works(listener)


async def test_replay_of_a_used_callback_is_404(listener):
    pending = listener.expect(PAYMENT_ID)
    assert (await _post(pending.success_url, _form(key="FIRST"))).status_code == 200
    replay = await _post(pending.success_url, _form(key="SECOND"))
    assert replay.status_code == 404
    other_url = await _post(pending.failure_url, _form(key="THIRD"))
    assert other_url.status_code == 404
    assert (await pending.future).security_key == "FIRST"


async def test_revoked_and_expired_tokens_are_404(listener):
    revoked = listener.expect(PAYMENT_ID)
    revoked.revoke()
    assert (await _post(revoked.success_url, _form())).status_code == 404
    assert revoked.future.cancelled()

    expiring = listener.expect(PAYMENT_ID, timeout=0.05)
    with pytest.raises(CallbackTimeoutError):
        await expiring.future
    assert (await _post(expiring.success_url, _form())).status_code == 404


async def test_oversized_body_is_413(listener):
    pending = listener.expect(PAYMENT_ID)
    big = _form(key="K" * 200) | {"padding": "x" * (17 * 1024)}
    response = await _post(pending.success_url, big)
    assert response.status_code == 413
    assert not pending.future.done()
    # Declaring a huge length without sending it is refused before any body is read.
    answer = await _raw(listener, (
        f"POST /3ds/{pending.token}/success HTTP/1.1\r\nHost: 127.0.0.1:{listener.port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 99999999\r\n\r\n").encode())
    assert _status(answer) == 413
    assert not pending.future.done()
    await _still_works(listener)


async def test_missing_content_length_and_chunked_bodies_are_refused(listener):
    pending = listener.expect(PAYMENT_ID)
    head = f"POST /3ds/{pending.token}/success HTTP/1.1\r\nHost: 127.0.0.1:{listener.port}\r\n" \
           "Content-Type: application/x-www-form-urlencoded\r\n"
    assert _status(await _raw(listener, (head + "\r\n").encode())) == 411
    chunked = head + "Transfer-Encoding: chunked\r\n\r\n5\r\nab=cd\r\n0\r\n\r\n"
    assert _status(await _raw(listener, chunked.encode())) == 411
    assert not pending.future.done()


async def test_non_form_content_types_are_415(listener):
    pending = listener.expect(PAYMENT_ID)
    as_json = await _post(pending.success_url, json=_form())
    assert as_json.status_code == 415
    as_multipart = await _post(pending.success_url, data=_form(), files={"f": b"x"})
    assert as_multipart.status_code == 415
    assert not pending.future.done()


async def test_mismatched_or_missing_payment_id_is_400(listener):
    pending = listener.expect(PAYMENT_ID)
    assert (await _post(pending.success_url, _form(payment_id=str(uuid.uuid4())))).status_code == 400
    assert (await _post(pending.success_url, _form(payment_id="not-a-uuid"))).status_code == 400
    assert (await _post(pending.success_url, {"paymentId": PAYMENT_ID})).status_code == 400
    assert (await _post(pending.success_url, _form(key=""))).status_code == 400
    duplicated = f"paymentId={PAYMENT_ID}&paymentId={PAYMENT_ID}&securityKey=a"
    assert (await _post(pending.success_url, content=duplicated,
                        headers={"Content-Type": "application/x-www-form-urlencoded"})).status_code == 400
    assert not pending.future.done()
    assert (await _post(pending.success_url, _form())).status_code == 200


async def test_callback_before_the_gateway_named_the_payment_is_refused(listener):
    pending = listener.expect()  # /api/3ds has not answered yet
    assert (await _post(pending.success_url, _form())).status_code == 400
    assert not pending.future.done()
    pending.bind_payment(PAYMENT_ID)
    assert (await _post(pending.success_url, _form())).status_code == 200


async def test_foreign_host_header_is_400(listener):
    pending = listener.expect(PAYMENT_ID)
    for host in ("evil.example", f"evil.example:{listener.port}", "127.0.0.1", f"127.0.0.1:{listener.port + 1}"):
        response = await _post(pending.success_url, _form(), headers={"Host": host})
        assert response.status_code == 400, host
    assert not pending.future.done()
    response = await _post(pending.success_url.replace("127.0.0.1", "localhost"), _form())
    assert response.status_code == 200


async def test_garbage_bytes_are_400_or_closed(listener):
    pending = listener.expect(PAYMENT_ID)
    for garbage in (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",  # a TLS hello
                    b"hello there\r\n\r\n",
                    b"POST /3ds/x/success HTTP/9.9\r\nHost: x\r\n\r\n",
                    b"POST /3ds/x/success HTTP/1.1\r\nno colon here\r\n\r\n",
                    b"\xff\xfe\xfd\r\n\r\n"):
        answer = await _raw(listener, garbage)
        assert answer == b"" or _status(answer) == 400, garbage
    # Half a request line that never ends: dropped without an answer.
    assert await _raw(listener, b"POST /3ds/") == b""
    assert not pending.future.done()
    await _still_works(listener)


async def test_slowloris_is_disconnected(listener):
    pending = listener.expect(PAYMENT_ID)
    reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
    writer.write(f"POST /3ds/{pending.token}/success HTTP/1.1\r\nHost: 127.0.0.1:{listener.port}\r\n".encode())
    await writer.drain()
    # Never finish the headers: the listener (read_timeout 0.5 s here) must hang up on its own.
    closed = await asyncio.wait_for(reader.read(), 5.0)
    assert closed == b""
    writer.close()
    assert not pending.future.done()
    await _still_works(listener)


async def test_slow_body_is_disconnected(listener):
    pending = listener.expect(PAYMENT_ID)
    reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
    writer.write((f"POST /3ds/{pending.token}/success HTTP/1.1\r\nHost: 127.0.0.1:{listener.port}\r\n"
                  "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\npaymentId=").encode())
    await writer.drain()
    assert await asyncio.wait_for(reader.read(), 5.0) == b""
    writer.close()
    assert not pending.future.done()


async def test_huge_headers_are_431(listener):
    pending = listener.expect(PAYMENT_ID)
    long_header = await _post(pending.success_url, _form(), headers={"X-Big": "a" * 10_000})
    assert long_header.status_code == 431
    many = {f"X-H{i}": "1" for i in range(80)}
    assert (await _post(pending.success_url, _form(), headers=many)).status_code == 431
    assert not pending.future.done()
    await _still_works(listener)


async def test_stop_cancels_waiting_callbacks_and_closes_the_port():
    server = CallbackListener()
    await server.start()
    port = server.port
    pending = server.expect(PAYMENT_ID)
    await server.stop()
    assert pending.future.cancelled()
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", port)


async def test_two_starts_at_once_share_one_port_that_accepts_callbacks():
    """Two 3-D Secure sales beginning together both start the listener: each must get the port that is
    actually served (the soak once saw the first caller's callbacks refused with "Wrong Host.")."""
    listener = CallbackListener()
    ports: list[int] = []

    async def start() -> None:
        await listener.start()
        ports.append(listener.port)

    try:
        await asyncio.gather(start(), start())
        assert ports[0] == ports[1] == listener.address[1]
        async with httpx.AsyncClient() as client:
            answer = await client.post(f"http://127.0.0.1:{ports[0]}/3ds/unknown-token/success", data={"a": "b"})
        assert answer.status_code == 404  # the Host is right; only the token is unknown
    finally:
        await listener.stop()


async def test_forty_idle_connections_cannot_keep_a_genuine_callback_out():
    """A local program holding more idle sockets than the listener has slots: the real callback still gets in
    and is delivered; idle ones that sent least are dropped first, one that sent part of a request stays."""
    listener = CallbackListener(read_timeout=30.0)  # the idle ones are not timed out during this test
    await listener.start()
    opened: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    try:
        talker = await asyncio.open_connection("127.0.0.1", listener.port)
        talker[1].write(b"POST /3ds/")  # has sent something: dropped only after every silent one
        await talker[1].drain()
        for _ in range(40):
            opened.append(await asyncio.open_connection("127.0.0.1", listener.port))
        await asyncio.sleep(0.2)  # let the listener accept them all

        pending = listener.expect(PAYMENT_ID)
        response = await asyncio.wait_for(_post(pending.success_url, _form()), 10)
        assert response.status_code == 200
        result = await asyncio.wait_for(pending.future, 5)
        assert result.outcome is CallbackOutcome.SUCCESS and result.payment_id == PAYMENT_ID

        # The oldest silent connections were closed by the listener; the talker was not.
        first_reader = opened[0][0]
        assert await asyncio.wait_for(first_reader.read(), 2) == b""
        talker[1].write(b"x")
        await talker[1].drain()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(talker[0].read(1), 0.3)
    finally:
        for _, writer in [*opened, talker]:
            writer.close()
        await listener.stop()
