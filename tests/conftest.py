"""Shared fixtures: headless Qt, a private app home, the sandbox gateway on loopback, an in-memory keyring.

Everything a run writes goes under one run folder: ``KLOGS_TEST_RUN_DIR`` (emptied when a run starts), else a
new folder in the system's temp named after this checkout (the last three runs' are kept), which xdist's
workers inherit from their controller:

* ``home-<worker>/``: the ``KLOGS_DESK_HOME`` of each test process (``main`` without pytest-xdist, ``gw0``,
  ``gw1`` ... under ``-n``; the xdist controller runs no test);
* ``tmp/``: pytest's temporary folders (``tmp_path``; each xdist worker's under ``tmp/popen-gw<n>/``);
* ``keyring-<worker>.txt``: what each process's in-memory keyring held at its end;
* ``finished``: written when the run's session ended (by the controller under xdist).

The card-data scan (tests/test_zz_card_data_at_rest.py) reads the whole folder. In a run of one process it
runs last in that run; under ``-n`` it is left out of the run (a worker cannot know when the others are done)
and runs as its own step right after it, ``pytest --scan-last-run tests/test_zz_card_data_at_rest.py``
(the README's test command does both), which reads the folder the last finished run of this checkout named
in :data:`LAST_RUN_POINTER`, and its own.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

# Before anything imports Qt or the app.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # Chromium refuses to run its sandbox as root; only then is it turned off.
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")


# Property tests check what holds, never how fast: Hypothesis' default 200 ms deadline per example is a
# timed assertion that a loaded CI machine fails at random (tests/domain/test_orders.py did).
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("klogs-desk", deadline=None)
_hypothesis_settings.load_profile("klogs-desk")


_CHECKOUT = "klogs-desk-tests-" + hashlib.sha1(str(Path(__file__).resolve().parents[1]).encode()).hexdigest()[:10]
#: Names the folder of this checkout's last finished run, for the scan-only step.
LAST_RUN_POINTER = Path(tempfile.gettempdir()) / f"{_CHECKOUT}.last"
#: Runs of this checkout kept in the system's temp (older ones are removed when a run starts).
_RUNS_KEPT = 3


def _run_folder() -> Path:
    """This run's folder (the module's docstring): ``KLOGS_TEST_RUN_DIR`` when set (an xdist worker inherits
    its controller's), else a new one, so a test run started meanwhile in the same checkout writes apart."""
    named = os.environ.get("KLOGS_TEST_RUN_DIR")
    run = Path(named) if named else Path(tempfile.mkdtemp(prefix=f"{_CHECKOUT}-"))
    os.environ["KLOGS_TEST_RUN_DIR"] = str(run)
    return run


#: The test process's name: an xdist worker's id (set before this file is imported), else ``main``.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
#: The run folder was named by whoever started pytest (scripts/repeat_ui_tests.sh does): such a run is not
#: this checkout's "last run" for the scan-only step, which then scans the named folder itself.
_NAMED = bool(os.environ.get("KLOGS_TEST_RUN_DIR")) and WORKER == "main"
_RUN = _run_folder()
_HOME = _RUN / f"home-{WORKER}"
os.environ["KLOGS_DESK_HOME"] = str(_HOME)
# The embedded training sandbox at normal priority (klogs_desk/sandbox/child.py): niced, it starved for
# over 30 s when both test processes and other work kept the two cores busy.
os.environ.setdefault("KLOGS_SANDBOX_NICENESS", "0")

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
def test_run_folder() -> Path:
    """This run's folder (the module's docstring): every app home, pytest's temporary folders, keyrings."""
    return _RUN


@pytest.fixture(scope="session")
def last_test_run_folder() -> Path | None:
    """The folder of this checkout's last finished run (for ``--scan-last-run``), None if none is known;
    the named folder itself when ``KLOGS_TEST_RUN_DIR`` is set."""
    if _NAMED:
        return _RUN
    try:
        named = LAST_RUN_POINTER.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(named) if named else None


#: How long the tests' sandboxes keep the never-answering card's answer back, and the tests' client timeout
#: (:func:`make_client`). Every request but that card's must be answered within the timeout, and that card's
#: answer must come after the client gave up, on a busy machine too: at 1.5 s against 3 s an approving sale
#: once ended "outcome unknown" (load average 6: the in-process sandbox had not read the request yet). Each
#: side now has 3 s of room; a test that waits for the timeout waits 3 s.
TEST_CLIENT_TIMEOUT = 3.0
TEST_HANG_SECONDS = 2 * TEST_CLIENT_TIMEOUT


@pytest.fixture(scope="session")
def sandbox() -> SandboxServer:
    """One sandbox gateway for the session, with fault injection on and a short 'never answers' sleep."""
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=TEST_HANG_SECONDS, rate_limit_per_minute=100_000))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _fresh_sandbox_server() -> SandboxServer:
    """The one server behind ``fresh_sandbox``, started once; each test gets a new gateway on it."""
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=TEST_HANG_SECONDS, rate_limit_per_minute=100_000))
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


def make_client(server: SandboxServer, *, timeout: float = TEST_CLIENT_TIMEOUT, **kwargs) -> KlogsClient:
    """A real client for ``server``, with a timeout half the hang card's sleep (:data:`TEST_HANG_SECONDS`)."""
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


def end_qasync_loops(qapp, loops) -> None:
    """A test's qasync loops at its end: tasks still on them (a window's health lookup started by its first
    paint, a page load) are cancelled, and Qt's loop is turned until they have finished: a cancelled task
    only ends on its next step, and a step run after the loop is gone fails with "no running event loop"
    (seen as a teardown error of whichever test ran then). Then no loop is set or marked running (qasync
    marked itself as the running loop; later anyio tests start their own)."""
    for loop in loops:
        pending = list(asyncio.all_tasks(loop))
        for task in pending:
            task.cancel()
        deadline = time.monotonic() + 5
        while any(not task.done() for task in pending) and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.001)
    asyncio.set_event_loop(None)
    asyncio.events._set_running_loop(None)


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
    end_qasync_loops(qapp, [loop])
    executor.shutdown(wait=False, cancel_futures=True)


def pytest_addoption(parser) -> None:  # type: ignore[no-untyped-def]
    parser.addoption("--scan-last-run", action="store_true",
                     help="run only the card-data scan, of everything the last run in this checkout wrote "
                          "(the step after a run with -n; tests/conftest.py)")


def _under_xdist(config) -> bool:  # type: ignore[no-untyped-def]
    """This is a run with pytest-xdist workers (on the controller or on a worker)."""
    return hasattr(config, "workerinput") or bool(getattr(config.option, "numprocesses", None))


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    """A new run starts on an empty run folder and keeps pytest's temporary folders in it, where the scan
    looks; this checkout's older runs beyond the last few are removed."""
    if hasattr(config, "workerinput"):
        _HOME.mkdir(mode=0o700, parents=True, exist_ok=True)
        return  # its basetemp is the controller's tmp/popen-<worker>, given by xdist
    scan_only = config.getoption("scan_last_run")
    if not scan_only:
        shutil.rmtree(_RUN, ignore_errors=True)  # empty when new; a named one may hold an older run
        older = sorted((p for p in _RUN.parent.glob(f"{_CHECKOUT}-*") if p.is_dir() and p != _RUN),
                       key=lambda p: p.stat().st_mtime)
        for folder in older[:-_RUNS_KEPT]:
            shutil.rmtree(folder, ignore_errors=True)
    _RUN.mkdir(mode=0o700, parents=True, exist_ok=True)
    _HOME.mkdir(mode=0o700, exist_ok=True)
    if config.option.basetemp is None:
        config.option.basetemp = str(_RUN / "tmp")


def pytest_collection_modifyitems(session, config, items) -> None:  # type: ignore[no-untyped-def]
    """The card-data scan reads what every other test wrote, so it runs last (``tests/ui/`` would
    otherwise sort after ``tests/test_zz_card_data_at_rest.py``). Under xdist it is left out (the
    scan-only step runs it after every worker has finished); with ``--scan-last-run`` it is all that runs."""
    scan = [item for item in items if item.get_closest_marker("card_scan")]
    rest = [item for item in items if not item.get_closest_marker("card_scan")]
    if config.getoption("scan_last_run"):
        kept, dropped = scan, rest
    elif _under_xdist(config):
        kept, dropped = rest, scan
    else:
        kept, dropped = rest + scan, []
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = kept


def pytest_sessionfinish(session, exitstatus) -> None:  # type: ignore[no-untyped-def]
    """Each process leaves its keyring's entries for the scan; the run's end is marked (not by the
    scan-only step)."""
    config = session.config
    if config.getoption("scan_last_run"):
        return
    if not (_under_xdist(config) and not hasattr(config, "workerinput")):  # a process that ran tests
        lines = [f"{service}\t{user}\t{secret}" for (service, user), secret in _KEYRING.entries.items()]
        (_RUN / f"keyring-{WORKER}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if not hasattr(config, "workerinput"):
        (_RUN / "finished").write_text(f"exit status {int(exitstatus)}\n", encoding="utf-8")
        if not _NAMED:
            LAST_RUN_POINTER.write_text(str(_RUN), encoding="utf-8")


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    if _under_xdist(config) and not hasattr(config, "workerinput") and not config.getoption("scan_last_run"):
        terminalreporter.write_line(
            f"card-data scan not run in this run (-n): next, `python -m pytest --scan-last-run "
            f"tests/test_zz_card_data_at_rest.py` scans what it wrote ({_RUN}, named in {LAST_RUN_POINTER})")


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
