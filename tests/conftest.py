"""Shared fixtures: headless Qt, a private app home, the sandbox gateway on loopback, an in-memory keyring.

Everything the app writes during the run goes under one temporary ``KLOGS_DESK_HOME``; the card-data
scan (tests/test_zz_card_data_at_rest.py) reads it all at the end.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import tempfile
import time
from pathlib import Path

# Before anything imports Qt or the app.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # Chromium refuses to run its sandbox as root; only then is it turned off.
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
_HOME = Path(tempfile.mkdtemp(prefix="klogs-desk-tests-"))
os.environ["KLOGS_DESK_HOME"] = str(_HOME)

import keyring  # noqa: E402
import pytest  # noqa: E402

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient, RetryPolicy  # noqa: E402
from klogs_desk.sandbox.server import SandboxServer  # noqa: E402
from klogs_desk.sandbox.state import SandboxConfig  # noqa: E402

try:
    from tests.fake_keyrings import MemoryKeyring  # noqa: E402
except ImportError:  # pragma: no cover - when tests/ is the rootdir
    from fake_keyrings import MemoryKeyring  # type: ignore[no-redef]  # noqa: E402


_KEYRING = MemoryKeyring()
keyring.set_keyring(_KEYRING)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    """The in-memory keyring, emptied for this test."""
    keyring.set_keyring(_KEYRING)
    _KEYRING.entries.clear()
    return _KEYRING


@pytest.fixture(scope="session")
def app_home() -> Path:
    return _HOME


@pytest.fixture(scope="session")
def sandbox() -> SandboxServer:
    """One sandbox gateway for the session, with fault injection on and a short 'never answers' sleep."""
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=3.0, rate_limit_per_minute=100_000))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _fresh_sandbox_server() -> SandboxServer:
    """The one server behind ``fresh_sandbox``, started once; each test gets a new gateway on it."""
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=3.0, rate_limit_per_minute=100_000))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def fresh_sandbox(_fresh_sandbox_server: SandboxServer) -> SandboxServer:
    """A sandbox of this test's own (for rate limits, clock moves and ledger counts that must start empty).

    A new gateway (``SandboxServer.reset``: new app, ledger, stores, faults, clock, config) on a server
    kept for the session: as isolated as a server per test, without its start and stop (~0.3 s each).
    A test that must stop its gateway starts a ``SandboxServer`` of its own.
    """
    return _fresh_sandbox_server.reset()


SANDBOX_CREDENTIALS = Credentials("sandbox-key", "sandbox-secret", "sandbox-token")


def make_client(server: SandboxServer, *, timeout: float = 1.5, **kwargs) -> KlogsClient:
    """A real client for ``server``, with a timeout shorter than the hang card's sleep."""
    kwargs.setdefault("retry", RetryPolicy(base_delay=0.01, max_delay=0.05, jitter=lambda: 0.5))
    return KlogsClient(Endpoints.same(server.url), SANDBOX_CREDENTIALS, timeout=timeout, **kwargs)


@pytest.fixture
def turkish(qapp):
    """The terminal in Turkish (translations and locale) for one test; English and the locale after it."""
    from PySide6.QtCore import QLocale

    from klogs_desk import i18n

    before = QLocale()
    assert i18n.install("tr", qapp) == "tr"
    yield
    i18n.uninstall(qapp)
    QLocale.setDefault(before)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def event_loop_qt(qapp):
    """A qasync loop on the test's QApplication, installed as the running asyncio loop.

    ``already_running=True`` because pytest-qt drives Qt's event loop; without it coroutines started from
    slots fail with "no running event loop".
    """
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    # qasync's default executor is made of QThreads; one still alive when the interpreter exits aborts
    # the process ("QThread: Destroyed while thread is still running", exit 134). Plain threads don't.
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="test-loop")
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    # Tasks still on the loop (a window's health lookup started by its first paint, a page load) are
    # cancelled, and the loop is turned until they have finished: a cancelled task only ends on its next
    # step, and a step run after the loop is gone fails with "no running event loop" (seen as a teardown
    # error of whichever test ran then).
    pending = list(asyncio.all_tasks(loop))
    for task in pending:
        task.cancel()
    deadline = time.monotonic() + 5
    while any(not task.done() for task in pending) and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.001)
    asyncio.set_event_loop(None)
    # qasync marked itself as the running loop; unmark it so later anyio tests can start their own.
    asyncio.events._set_running_loop(None)
    executor.shutdown(wait=False, cancel_futures=True)


def pytest_collection_modifyitems(session, config, items) -> None:  # type: ignore[no-untyped-def]
    """The card-data scan reads what every other test wrote, so it runs last (``tests/ui/`` would
    otherwise sort after ``tests/test_zz_card_data_at_rest.py``)."""
    last = [item for item in items if item.path.name == "test_zz_card_data_at_rest.py"]
    if last:
        items[:] = [item for item in items if item.path.name != "test_zz_card_data_at_rest.py"] + last


@pytest.fixture(autouse=True, scope="session")
def _cheap_pin_hashes():
    """PIN hashes made by the tests cost scrypt N=2**4 instead of 2**14 (~50 ms each, several per test that
    signs operators in). The hash is self-describing (``scrypt$N$r$p$salt$digest``) and ``verify_pin`` reads
    its parameters from it, so hashing, verifying, lock-outs and the staff file behave exactly as with the
    real cost; tests/domain/test_pin_hash_cost.py checks the real cost itself."""
    from klogs_desk.domain import operators

    real = operators._SCRYPT_N
    operators._SCRYPT_N = 2**4
    yield real
    operators._SCRYPT_N = real
