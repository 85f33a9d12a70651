"""The sandbox answers without Nagle's delay: every connection it accepts has TCP_NODELAY.

Without it an answer's body, written after its headers, waited for the client's delayed ACK: 40 ms more on
every request over Linux loopback (a sale took 48 ms instead of 4). asyncio sets TCP_NODELAY only on sockets
whose ``proto`` says TCP, so the listening sockets are made with ``IPPROTO_TCP``.
"""

from __future__ import annotations

import socket

import httpx

from klogs_desk.sandbox.hosts import listening_socket
from klogs_desk.sandbox.server import SandboxServer


def accepted_sockets(server: SandboxServer) -> list[socket.socket]:
    connections = server._server.server_state.connections  # uvicorn's open connections (protocol objects)
    return [protocol.transport.get_extra_info("socket") for protocol in list(connections)]


def test_every_connection_the_sandbox_accepts_sends_at_once():
    server = SandboxServer().start()
    try:
        with httpx.Client(timeout=5) as client:  # keep-alive: the connection stays open to be looked at
            assert client.get(server.url + "/api/no-such-route").status_code == 404
            sockets = accepted_sockets(server)
            assert sockets, "the connection was not found on the server"
            assert all(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) for sock in sockets)
    finally:
        server.stop()


def test_the_embedded_sandboxs_sockets_are_tcp_sockets_asyncio_sets_nodelay_on():
    sock = listening_socket("127.0.0.1")
    try:
        assert sock.proto == socket.IPPROTO_TCP
        # What a child process sees when it inherits the descriptor (klogs_desk/sandbox/child.py).
        inherited = socket.socket(fileno=sock.fileno())
        assert inherited.proto == socket.IPPROTO_TCP
        inherited.detach()
    finally:
        sock.close()
