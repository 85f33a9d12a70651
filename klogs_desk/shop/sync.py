""":class:`ShopSync`: the background pusher of one till.

Contract:

* :meth:`ShopSync.sync_once` (blocking, any thread but the UI's) connects if needed (migrating the schema,
  registering the till, once a run verifying the shop's copy of its audit chain), pushes the operators' changes and pulls the shop's, then the journal outbox and
  the audit trail in order, in batches of :data:`BATCH`; each batch is acknowledged locally only after the
  shop database committed it, so a crash or a cut between the two sends it again and the database's unique
  keys make that harmless. Last it reports how many records the till still holds (the day report names
  tills with some). It returns that count.
* :meth:`ShopSync.run` (a coroutine on the app's loop) calls it through ``asyncio.to_thread`` — a sale
  never waits for PostgreSQL — whenever :meth:`wake` is called (after every journal or audit write, the
  composition root wires it; once the counter has been quiet for :data:`QUIET_SECONDS`, at most
  :data:`MAX_DELAY_SECONDS` later) or every :data:`IDLE_SECONDS`; after a failure it waits on
  :data:`RETRY_BACKOFF` (:mod:`klogs_desk.domain.backoff`), growing to a minute, and tries again.
* :attr:`waiting` and :attr:`reachable` are the status bar's "shop database: N records waiting";
  ``listeners`` are called (on the loop) after every try with the new :class:`SyncStatus`.
* Failures are logged once per outage, never raised: the local journal is the record of the sale.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Callable

import psycopg

from ..domain.backoff import Backoff
from ..messages import Message, msg
from .outbox import LocalTill
from .schema import SchemaTooNew
from .server import ChainBroken, ShopDatabase, TillNameTaken
from .settings import ShopSettings

log = logging.getLogger(__name__)

BATCH = 500
IDLE_SECONDS = 30.0
#: A push waits for this long without a new local write (a sale in progress writes twice)...
QUIET_SECONDS = 0.5
#: ...but no longer than this after the first write it was woken for.
MAX_DELAY_SECONDS = 5.0
RETRY_BACKOFF = Backoff(base=1.0, cap=60.0, jitter=random.random)


@dataclass(frozen=True)
class SyncStatus:
    waiting: int
    reachable: bool
    #: Why the last try failed (a message for the status bar), None after a success.
    problem: Message | None = None


class ShopSync:
    def __init__(self, settings: ShopSettings, local: LocalTill, *, backoff: Backoff = RETRY_BACKOFF,
                 idle_seconds: float = IDLE_SECONDS, quiet_seconds: float = QUIET_SECONDS,
                 max_delay_seconds: float = MAX_DELAY_SECONDS) -> None:
        self.settings = settings
        self.local = local
        self.database = ShopDatabase(settings)
        self.backoff = backoff
        self.idle_seconds = idle_seconds
        self.quiet_seconds = quiet_seconds
        self.max_delay_seconds = max_delay_seconds
        self.listeners: list[Callable[[SyncStatus], None]] = []
        self.status = SyncStatus(waiting=local.waiting(), reachable=False)
        self._lock = threading.Lock()  # one sync at a time (the loop's and a test's or a report's)
        self._registered = False
        self._last_wake = 0.0
        self._task: asyncio.Task[None] | None = None
        self._failures = 0
        self._reused = False

    @property
    def task(self) -> asyncio.Task[None] | None:
        return self._task

    @property
    def till(self) -> str:
        return self.settings.till

    # --- one round ----------------------------------------------------------------------------------

    def sync_once(self) -> int:
        """Push everything waiting (see the module docstring); returns what is still waiting. Raises what the
        database raised (the loop in :meth:`run` catches it)."""
        with self._lock:
            try:
                return self._round()
            except psycopg.OperationalError:
                if not self._reused:
                    raise
            # A connection kept from an earlier round was cut (the server restarted, a proxy timed out): once
            # more on a fresh one, so a restart costs no failed round and no backoff pause.
            return self._round()

    def _round(self) -> int:
        db = self.database
        self._reused = db.is_open
        try:
            db.connect()
            if not self._registered:
                db.register_till(self.till, self.local.install_id)
                # Once a run: the shop's copy of this till's chain, walked in full (pushes check each record's
                # link as it arrives; this finds a copy altered since).
                verification = db.verify_audit(self.till)
                if not verification.intact:
                    raise ChainBroken(f"till {self.till}: the shop's copy breaks at {verification.broken_at}")
                self._registered = True
            self._push_operators()
            self._push_journal()
            self._push_audit()
            waiting = self.local.waiting()
            db.report_waiting(self.till, waiting)
        except Exception:
            db.close()
            raise
        return waiting

    def _push_operators(self) -> None:
        while changes := self.local.operator_changes(BATCH):
            self.database.push_operators(self.till, changes)
            self.local.operators_pushed(changes[-1].seq)
        operators, version = self.database.operators_since(self.local.operators_version)
        if operators or version != self.local.operators_version:
            self.local.apply_operators(operators, version)

    def _push_journal(self) -> None:
        while changes := self.local.journal_changes(BATCH):
            self.database.push_journal(self.till, changes)
            self.local.journal_pushed(changes[-1].local_seq)

    def _push_audit(self) -> None:
        # The shop's head, not only the local mark: a push committed there but not acknowledged here (a
        # crash in between) is not sent again, and a shop copy that is behind the mark is filled in.
        after, _ = self.database.audit_head(self.till)
        while records := self.local.audit_records(after, BATCH):
            self.database.push_audit(self.till, records)
            after = records[-1].seq
            self.local.set_audit_pushed(after)
        if after != self.local.audit_pushed:
            self.local.set_audit_pushed(after)

    # --- the loop -----------------------------------------------------------------------------------

    def start(self) -> None:
        """Start :meth:`run` on the running loop."""
        self._task = asyncio.get_running_loop().create_task(self.run(), name="shop-sync")

    def wake(self) -> None:
        """Something was written locally: push soon. From any thread, on a sale's path: it only notes the
        time (no loop callback, no lock); the loop looks at it every :attr:`quiet_seconds`."""
        self._last_wake = time.monotonic()

    async def stop(self) -> None:
        """Stop the loop (a push in flight finishes in its thread; the database's unique keys make a repeat
        harmless) and close the connection."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
        await asyncio.to_thread(self.close)

    def close(self) -> None:
        """Close the connection once no push is in flight (waiting at most a few seconds for one)."""
        locked = self._lock.acquire(timeout=5)
        try:
            self.database.close()
        finally:
            if locked:
                self._lock.release()

    async def run(self) -> None:
        while True:
            # A write during the round may come after the outbox was read: the pause compares with this.
            before_round = self._last_wake
            try:
                waiting = await asyncio.to_thread(self.sync_once)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                problem = self._problem(exc)
                if self._failures == 0:
                    log.warning("shop database: %s", exc)
                self._set(SyncStatus(await asyncio.to_thread(self.local.waiting), False, problem))
                pause = self.backoff.delay(min(self._failures, 30))
                self._failures += 1
                await self._pause(pause, since=before_round, retrying=True)
                continue
            if self._failures:
                log.info("shop database reachable again")
            self._failures = 0
            self._set(SyncStatus(waiting, True))
            if waiting == 0:
                await self._pause(self.idle_seconds, since=before_round)

    async def _pause(self, seconds: float, *, since: float, retrying: bool = False) -> None:
        """Wait ``seconds``, or until a :meth:`wake` after ``since`` and then a quiet counter (:meth:`_quiet`).
        While the database is failing a wake only recounts what is waiting (the status bar) and the backoff's
        pause runs on: a busy counter must not hammer a server that is down."""
        clock = time.monotonic
        deadline, seen = clock() + seconds, since
        while (left := deadline - clock()) > 0:
            if self._last_wake == seen:
                await asyncio.sleep(min(self.quiet_seconds, left))
                continue
            await self._quiet()
            if not retrying:
                return
            seen = self._last_wake
            waiting = await asyncio.to_thread(self.local.waiting)
            self._set(SyncStatus(waiting, False, self.status.problem))

    async def _quiet(self) -> None:
        """After a wake, wait until the counter has been quiet for :attr:`quiet_seconds` (no new journal or
        audit write), but no longer than :attr:`max_delay_seconds`: a push (a thread holding the GIL part of
        the time, a few round trips) then runs between sales rather than during one. Measured by
        ``benchmarks/bench_shop_db.py``: pushing at once on every write cost a sale about 6 ms of its 20."""
        clock = time.monotonic
        deadline = clock() + self.max_delay_seconds
        while True:
            quiet_for = clock() - self._last_wake
            left = min(self.quiet_seconds - quiet_for, deadline - clock())
            if left <= 0:
                return
            await asyncio.sleep(left)

    def _set(self, status: SyncStatus) -> None:
        self.status = status
        for listener in list(self.listeners):
            try:
                listener(status)
            except Exception:
                log.exception("shop sync listener failed")

    def _problem(self, exc: BaseException) -> Message:
        if isinstance(exc, TillNameTaken):
            return msg("shop.till-name-taken", till=exc.till)
        if isinstance(exc, SchemaTooNew):
            return msg("shop.schema-too-new", version=exc.version)
        if isinstance(exc, ChainBroken):
            return msg("shop.chain-broken", till=self.till)
        return msg("shop.unreachable")
