"""Resolve every outcome-unknown (and stuck pending) journal row by looking it up at the gateway.

Contract:

* Runs as one asyncio task on the app's loop (:meth:`Reconciler.start` / :meth:`Reconciler.stop`). It
  only ever calls ``client.get_transaction`` — a lookup, which charges nothing. It never sends a payment,
  a void or a refund.
* Each pass reads the journal's unresolved rows of the current environment (a local SQLite read). A row
  is looked up when it is due: 1 s after the reconciler first saw it, then 2 s, 4 s, 8 s ... capped at
  :data:`MAX_INTERVAL` (60 s) — per row, so one stubborn row does not slow the others. :meth:`wake` makes
  the next pass happen now (a payment just ended unknown).
* All rows together make at most :data:`MAX_LOOKUPS_PER_MINUTE` lookups in any minute (a sliding window
  on the policy's clock): after an outage that left dozens of rows unknown, the terminal stays well inside
  the gateway's rate limit (docs: 100 requests a minute per credential in the test environment) and
  leaves room for the cashier's own requests. A due row beyond the budget waits for the next free slot.
  (benchmarks/bench_request_rate.py measures the whole terminal next to that limit.)
* A ``pending`` row is someone's request still in flight in this run, so it is only looked up once it is
  older than :data:`PENDING_GRACE` (longer than any client timeout): a lookup racing a live request
  could find nothing and wrongly say "not charged". (At start the journal already turned rows left
  pending by a dead run into ``unknown``.)
* Answers, for a payment row (sale, 3-D Secure sale, pre-authorization, checkout):
  ``Success`` → approved (balance and payment id from the gateway); ``Failed`` → declined;
  ``Pending``/``Unknown`` → keep waiting; 404 → ``not_charged`` with the resolution
  :data:`NOT_CHARGED_TEXT` followed by the local time. Every resolution text ends with when it was made. A 404 only counts once the row has been unanswered for
  ``not_found_grace`` seconds, because a request that timed out on our side may still be on its way
  into the gateway. A checkout link's 404 is left for the cashier (the link may still be paid later):
  "Record verified outcome" settles it by hand.
* For a void, refund or capture row the payment is looked up and its related transactions decide:
  a successful one of that kind (for refunds: more successful refunds of that amount than the journal
  already counts) → approved, and the parent's balance is updated (:func:`.transactions.apply_success`);
  none → ``not_charged`` ("nothing was done"), after the same grace.
* Lookup failures (no connection, 5xx, 401, rate limit) are not answers: the row keeps waiting.
* An answer the terminal cannot read (:class:`~klogs_desk.api.errors.ProtocolError`, or a status or type
  it does not know, read as "unrecognized") is an answer, but not one to act on. After
  :data:`MAX_UNREADABLE` of them for a row, the reconciler stops looking it up: the row stays unresolved
  (nobody knows whether money moved) and its ``resolution`` is the message :data:`UNREADABLE` ("the
  gateway answered in a form this terminal does not understand", with the HTTP status and the local
  time), which the Journal shows; the cashier settles it with "Record verified outcome". A row whose
  resolution has that code is not looked up again, after a restart either, so it never spins.
* Every resolution writes ``resolution`` text and ``resolved_at`` and calls each ``on_resolved(entry)``
  listener (the UI refreshes the Journal tab from it).
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Callable

from ..api.enums import TransactionStatus, TransactionType
from ..api.errors import KlogsError, NotFoundError, ProtocolError
from ..api.unknown import is_unrecognized
from ..domain.backoff import Backoff
from ..domain.journal import Entry, EntryKind, EntryState
from ..messages import msg
from .context import AppServices
from .transactions import apply_success

if TYPE_CHECKING:
    from ..api.models.transactions import TransactionDetail

log = logging.getLogger(__name__)

FIRST_INTERVAL = 1.0
MAX_INTERVAL = 60.0
#: How long a ``pending`` row may be in flight before it is treated as stuck.
PENDING_GRACE = dt.timedelta(minutes=2)
#: How long after the row was left unanswered a 404 means "never arrived" rather than "not yet arrived".
DEFAULT_NOT_FOUND_GRACE = 20.0
#: How often the journal is re-read for new unresolved rows when nothing is due.
RESCAN_SECONDS = 2.0
#: Lookups a minute, all rows together (see the module's contract). With the checkout links' polling budget
#: (services/checkout.py, 16) the terminal's background reads stay at 40 % of the docs' 100 at worst.
MAX_LOOKUPS_PER_MINUTE = 24
BUDGET_WINDOW = 60.0

#: How a "not charged" resolution begins, in English (the journal stores the code ``lookup.not-charged``).
NOT_CHARGED_TEXT = "not charged — safe to charge again with a new order ID"
#: How many unreadable answers for one row before the reconciler stops looking it up.
MAX_UNREADABLE = 3
#: The message code of the resolution of a row given up on (:meth:`Reconciler._give_up`).
UNREADABLE = "lookup.unreadable"

_CHILD_TYPES = {EntryKind.VOID: TransactionType.VOID, EntryKind.REFUND: TransactionType.REFUND,
                EntryKind.CAPTURE: TransactionType.PROVISION_COMMIT}


@dataclass
class _Schedule:
    attempts: int
    due: float
    unreadable: int = 0


class _Unreadable(Exception):
    """An answer that cannot settle the row: it was unreadable, or named a status the terminal does not know."""

    def __init__(self, status: int | None) -> None:
        super().__init__(status)
        self.status = status


#: The pauses between lookups of one row: 1, 2, 4, ... capped at :data:`MAX_INTERVAL`, on the real clock.
RECONCILE_BACKOFF = Backoff(base=FIRST_INTERVAL, cap=MAX_INTERVAL)


def _given_up(row: Entry) -> bool:
    return row.resolution is not None and row.resolution.code == UNREADABLE


def backoff(attempts: int) -> float:
    """Seconds to wait before lookup number ``attempts + 1``: 1, 2, 4, ... capped at :data:`MAX_INTERVAL`."""
    return RECONCILE_BACKOFF.delay(attempts)


class Reconciler:
    """``Reconciler(services)``; ``start()`` on the running loop; ``on_resolved`` listeners get each
    resolved :class:`Entry`. ``policy`` spaces each row's lookups and its clock schedules and sleeps
    (tests pass one on a manual clock); ``now`` is the wall clock of the grace periods and resolution texts."""

    def __init__(self, services: AppServices, *, not_found_grace: float = DEFAULT_NOT_FOUND_GRACE,
                 now: Callable[[], dt.datetime] | None = None, policy: Backoff = RECONCILE_BACKOFF,
                 lookups_per_minute: int = MAX_LOOKUPS_PER_MINUTE) -> None:
        self.services = services
        self.lookups_per_minute = lookups_per_minute
        #: When (policy clock) each lookup of the last minute was sent, oldest first.
        self._sent: collections.deque[float] = collections.deque()
        self.not_found_grace = not_found_grace
        self.policy = policy
        self.on_resolved: list[Callable[[Entry], None]] = []
        self._now = now or (lambda: dt.datetime.now(dt.timezone.utc))
        self._schedules: dict[int, _Schedule] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> asyncio.Task[None]:
        """Start the background task on the running loop (idempotent)."""
        if self._task is None or self._task.done():
            self._wake = asyncio.Event()
            self._task = asyncio.get_event_loop().create_task(self._run())
        return self._task

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    def cancel(self) -> None:
        """Stop without waiting (the window is going away); a lookup in flight is abandoned, harmlessly."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def wake(self) -> None:
        """Re-read the journal now (a payment just ended unknown); does not hurry rows already waiting."""
        self._wake.set()

    # --- one pass -------------------------------------------------------------------------------

    async def run_once(self) -> list[Entry]:
        """Look up every due row once; returns the rows resolved (and those given up on as unreadable).
        Usable without :meth:`start`."""
        resolved: list[Entry] = []
        clock = self.policy.clock.monotonic()
        # Read on the journal's writer thread: hundreds of unresolved rows must not stall the UI thread.
        unresolved: list[Entry] = await asyncio.wrap_future(
            self.services.journal.submit("unresolved", self.services.environment))
        rows = [row for row in unresolved if self._eligible(row) and not _given_up(row)]
        seen = {row.id for row in rows}
        for stale in set(self._schedules) - seen:
            del self._schedules[stale]
        for row in rows:
            self._schedules.setdefault(row.id, _Schedule(0, clock + self.policy.delay(0)))
        # The longest-waiting first: when the budget stops a pass, the rows it skipped come first next time.
        rows.sort(key=lambda row: self._schedules[row.id].due)
        for row in rows:
            schedule = self._schedules[row.id]
            if schedule.due > clock:
                continue
            if not self._take_slot():
                break  # over the minute's budget: the due rows stay due for the next pass
            try:
                result = await self._settle(row)
            except _Unreadable as unreadable:
                schedule.unreadable += 1
                result = self._give_up(row, unreadable.status) if schedule.unreadable >= MAX_UNREADABLE else None
            if result is not None:
                del self._schedules[row.id]
                resolved.append(result)
                self._announce(result)
            else:
                schedule.attempts += 1
                schedule.due = self.policy.clock.monotonic() + self.policy.delay(schedule.attempts)
        return resolved

    def _take_slot(self) -> bool:
        """Count one lookup against the minute's budget; False (nothing counted) when it is spent."""
        now = self.policy.clock.monotonic()
        while self._sent and now - self._sent[0] >= BUDGET_WINDOW:
            self._sent.popleft()
        if len(self._sent) >= self.lookups_per_minute:
            return False
        self._sent.append(now)
        return True

    def seconds_until_due(self) -> float | None:
        if not self._schedules:
            return None
        now = self.policy.clock.monotonic()
        due = min(s.due for s in self._schedules.values())
        if len(self._sent) >= self.lookups_per_minute:  # the budget is spent: the next slot frees then
            due = max(due, self._sent[0] + BUDGET_WINDOW)
        return max(0.0, due - now)

    async def _run(self) -> None:
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # a bug must not stop reconciliation for good; it is logged and retried
                log.exception("reconciliation pass failed")
            wait = self.seconds_until_due()
            wait = RESCAN_SECONDS if wait is None else min(wait, RESCAN_SECONDS)
            self._wake.clear()
            await self._pause(wait)

    async def _pause(self, seconds: float) -> None:
        """Sleep ``seconds`` on the policy's clock, or less if :meth:`wake` is called meanwhile."""
        sleeping = asyncio.ensure_future(self.policy.clock.sleep(seconds))
        woken = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeping, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeping.cancel()
            woken.cancel()

    def _eligible(self, row: Entry) -> bool:
        if row.state is EntryState.PENDING:
            return self._now() - row.updated_at >= PENDING_GRACE
        return True

    def _announce(self, entry: Entry) -> None:
        for listener in list(self.on_resolved):
            try:
                listener(entry)
            except Exception:
                log.exception("on_resolved listener failed")

    # --- deciding -------------------------------------------------------------------------------

    async def _settle(self, row: Entry) -> Entry | None:
        """The row resolved from the gateway's answer, or None to keep waiting."""
        try:
            await self.services.until_client_ready()  # built right after the first frame
            detail = await self.services.client.get_transaction(row.reference)
        except NotFoundError:
            return self._not_found(row)
        except ProtocolError as exc:
            log.info("lookup of journal row %s: an answer this terminal cannot read (HTTP %s)", row.id, exc.status)
            raise _Unreadable(exc.status) from None
        except KlogsError as exc:
            log.info("lookup of journal row %s failed (%s); will try again", row.id, type(exc).__name__)
            return None
        journal = self.services.journal
        # The row may have been settled meanwhile (the payment's own answer, a cashier): never overwrite.
        current = journal.get(row.id)
        if not current.unresolved:
            return None
        if row.kind in _CHILD_TYPES:
            if any(is_unrecognized(t.status) for t in detail.related_transactions
                   if t.type is _CHILD_TYPES[row.kind] or is_unrecognized(t.type)):
                raise _Unreadable(200)
            return self._settle_child(current, detail)
        if is_unrecognized(detail.status):
            log.info("lookup of journal row %s: status %r is not one this terminal knows", row.id, detail.status.value)
            raise _Unreadable(200)
        return self._settle_payment(current, detail)

    def _settle_payment(self, row: Entry, detail: TransactionDetail) -> Entry | None:
        journal = self.services.journal
        stamp = self._stamp()
        if detail.status is TransactionStatus.SUCCESS:
            return journal.resolve(row.id, EntryState.APPROVED, msg("lookup.approved", stamp=stamp),
                                   balance=detail.balance, payment_id=str(detail.id),
                                   **({"auth_code": detail.auth_code} if detail.auth_code else {}))
        if detail.status is TransactionStatus.FAILED:
            # The gateway's own words for the decline, stored as it sent them.
            reason = "; ".join(e.error for e in detail.errors) or msg("state.declined")
            return journal.resolve(row.id, EntryState.DECLINED, msg("lookup.declined", stamp=stamp),
                                   result_message=reason, balance=Decimal(0), payment_id=str(detail.id))
        return None  # Pending / Unknown: the gateway itself does not know yet

    def _settle_child(self, row: Entry, detail: TransactionDetail) -> Entry | None:
        journal = self.services.journal
        wanted = _CHILD_TYPES[row.kind]
        matching = [t for t in detail.related_transactions if t.type is wanted and
                    (row.kind is not EntryKind.REFUND or t.amount == row.amount)]
        if any(t.status in (TransactionStatus.PENDING, TransactionStatus.UNKNOWN) for t in matching):
            return None
        done = [t for t in matching if t.status is TransactionStatus.SUCCESS]
        if row.kind is EntryKind.REFUND:
            # Refunds of the same amount are told apart by counting: the journal already knows some.
            assert row.parent_id is not None  # a refund row always names its payment
            known = [c for c in journal.children(row.parent_id)
                     if c.kind is EntryKind.REFUND and c.state is EntryState.APPROVED and c.amount == row.amount]
            happened = len(done) > len(known)
        else:
            happened = bool(done)
        stamp = self._stamp()
        if happened:
            resolved = journal.resolve(row.id, EntryState.APPROVED, msg(f"lookup.{row.kind.value}-done", stamp=stamp))
            apply_success(journal, resolved)
            return resolved
        if not self._past_grace(row):
            return None
        return journal.resolve(row.id, EntryState.NOT_CHARGED, msg(f"lookup.no-{row.kind.value}", stamp=stamp))

    def _not_found(self, row: Entry) -> Entry | None:
        if row.kind is EntryKind.CHECKOUT or not self._past_grace(row):
            return None
        text = (msg("lookup.not-charged", stamp=self._stamp()) if row.kind not in _CHILD_TYPES
                else msg(f"lookup.no-payment-{row.kind.value}", stamp=self._stamp()))
        return self.services.journal.resolve(row.id, EntryState.NOT_CHARGED, text)

    def _give_up(self, row: Entry, status: int | None) -> Entry | None:
        """Stop looking ``row`` up: it stays unresolved, with a resolution saying why (shown in the Journal)."""
        journal = self.services.journal
        if not journal.get(row.id).unresolved:
            return None
        text = msg(UNREADABLE, status=status if status is not None else "?", stamp=self._stamp())
        return journal.update(row.id, resolution=text)

    def _past_grace(self, row: Entry) -> bool:
        return (self._now() - row.updated_at).total_seconds() >= self.not_found_grace

    def _stamp(self) -> str:
        return self._now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
