"""Fixtures of the shop-database tests: a real PostgreSQL server of their own (:mod:`tests.shop_db.pg_server`).

``postgres`` is one server for the session; ``shop_database`` empties its shop database for a test (and
starts the server again if a fault test left it stopped). No binaries: the tests fail with the install line.
"""

from __future__ import annotations

import pytest

from tests.shop_db.pg_server import PostgresMissing, PostgresServer


@pytest.fixture(scope="session")
def postgres():
    try:
        server = PostgresServer()
    except PostgresMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    server.start()
    yield server
    server.destroy()


@pytest.fixture
def shop_database(postgres: PostgresServer) -> PostgresServer:
    if not postgres.running:
        postgres.start()
    postgres.reset()
    return postgres
