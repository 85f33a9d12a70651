"""What the tabs ask of the shop database: the shop's journal (every till), a void or refund of a payment
made at another till, and the shop's day report. No widgets.

Contract:

* Every read goes to PostgreSQL on a worker thread (``asyncio.to_thread``) over a connection of this
  service's own (never the pusher's), one at a time; a database that cannot be reached raises
  :class:`ShopUnavailable` (``.msg`` for the screen). The till's own work never depends on it.
* :meth:`ShopService.void` / :meth:`ShopService.refund` of another till's payment: checked against the shop's
  balance of it (every till's voids and refunds the database has heard of), then written to *this* till's
  journal before sending (a row naming the payment by its till and row, :attr:`Entry.parent_till`), sent to
  the gateway from here with the payment's order ID, the outcome written to this journal and the audit
  trail; the pusher takes it to the shop database like any other row. Two tills acting on the same payment
  at once may both pass the check (neither has heard of the other yet): the gateway refuses what exceeds the
  payment's balance, and both attempts stay recorded where they were made. A payment of this till is handed
  to :class:`~klogs_desk.services.transactions.TransactionService` as before.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from decimal import Decimal
from typing import Any, Callable, TypeVar

from ..api.errors import KlogsError, OutcomeUnknownError, ProtocolError
from ..domain.balances import REFUNDABLE_KINDS, VOIDABLE_KINDS, Balance
from ..domain.journal import Entry, EntryKind, EntryState
from ..domain.money import AmountError, check_amount
from ..domain.reports import start_of_day
from ..messages import GatewayText, Message, Money, msg
from ..shop.reports import ShopReport, shop_balance, shop_day_report
from ..shop.server import ShopDatabase, ShopEntry
from ..shop.settings import ShopSettings
from .audit import REFUND, VOID
from .context import AppServices
from .staff import Approval, StaffService
from .transactions import (
    TransactionOutcome,
    TransactionOutcomeState,
    TransactionRefused,
    TransactionService,
    _refusal_text,
)

log = logging.getLogger(__name__)
T = TypeVar("T")


class ShopUnavailable(Exception):
    def __init__(self) -> None:
        self.msg = msg("shop.unreachable")
        super().__init__(self.msg.code)


class ShopService:
    def __init__(self, services: AppServices, settings: ShopSettings, *, staff: StaffService | None = None,
                 waiting: Callable[[], int] = lambda: 0) -> None:
        self.services = services
        self.settings = settings
        self.staff = staff
        #: How many of this till's records the shop database does not have yet (the pusher's count).
        self.waiting = waiting
        self.database = ShopDatabase(settings)
        self._lock = threading.Lock()
        self.transactions = TransactionService(services, staff)

    @property
    def till(self) -> str:
        return self.settings.till

    async def _read(self, work: Callable[[ShopDatabase], T]) -> T:
        def run() -> T:
            import psycopg

            with self._lock:
                reused = self.database.is_open
                try:
                    try:
                        return work(self.database)
                    except psycopg.OperationalError:
                        if not reused:
                            raise
                        self.database.close()  # cut since the last read (a restart): once more, fresh
                        return work(self.database)
                except Exception as exc:
                    self.database.close()
                    log.warning("shop database: %s", exc)
                    raise ShopUnavailable() from exc
        return await asyncio.to_thread(run)

    def close(self) -> None:
        with self._lock:
            self.database.close()

    # --- reading ------------------------------------------------------------------------------------

    async def entries(self, *, till: str | None = None, since: dt.datetime | None = None,
                      until: dt.datetime | None = None, limit: int = 5000) -> list[ShopEntry]:
        environment = self.services.environment
        return await self._read(lambda db: db.entries(environment=environment, till=till, since=since,
                                                      until=until, limit=limit))

    async def journal_view(self, *, till: str | None = None, since: dt.datetime | None = None,
                           until: dt.datetime | None = None, limit: int = 1000
                           ) -> tuple[list[ShopEntry], dict[tuple[str, int], Balance]]:
        """The shop's journal newest first (one till's or every till's, made in ``[since, until)`` when given)
        with each payment's balance as the shop sees it."""
        environment = self.services.environment

        def read(db: ShopDatabase) -> tuple[list[ShopEntry], dict[tuple[str, int], Balance]]:
            rows = db.entries(environment=environment, till=till, since=since, until=until, limit=limit)
            children = db.children_of(row.key for row in rows if row.parent_key is None)
            return rows, {row.key: shop_balance(row, children.get(row.key, ())) for row in rows
                          if row.parent_key is None}
        return await self._read(read)

    async def tills(self) -> list[str]:
        return [status.till for status in await self._read(lambda db: db.tills())]

    async def balance_of(self, payment: ShopEntry) -> Balance:
        """``payment``'s balance as the shop sees it, with this till's own voids and refunds of it that the
        shop database has not received yet."""
        children = (await self._read(lambda db: db.children_of([payment.key]))).get(payment.key, [])
        known = {child.key for child in children}
        children += [ShopEntry(self.till, row) for row in
                     self.services.journal.acting_on_other_till(payment.till, payment.entry.id)
                     if (self.till, row.id) not in known]
        return shop_balance(payment, children)

    async def day_report(self, *, now: dt.datetime | None = None, tz: dt.tzinfo | None = None) -> ShopReport:
        """The shop's day so far (every till), with the per-till breakdown and the tills still holding records."""
        moment = now or dt.datetime.now(dt.timezone.utc)
        start = start_of_day(moment, tz)
        environment = self.services.environment

        def read(db: ShopDatabase) -> ShopReport:
            rows = db.entries(environment=environment, since=start, until=moment, limit=10**9)
            children = db.children_of(row.key for row in rows if row.parent_key is None)
            return shop_day_report(rows, children, db.tills(), environment=environment, period_start=start,
                                   period_end=moment, this_till=self.till, this_till_waiting=self.waiting(), tz=tz)
        return await self._read(read)

    # --- acting on any till's payment ---------------------------------------------------------------

    def _local(self, payment: ShopEntry) -> Entry | None:
        if payment.till != self.till:
            return None
        return self.services.journal.get(payment.entry.id)

    async def void(self, payment: ShopEntry, approval: Approval | str | None = None) -> TransactionOutcome:
        from ..api.models.transactions import VoidRequest

        local = self._local(payment)
        if local is not None:
            return await self.transactions.void(local, approval)
        target = payment.entry
        if target.kind not in VOIDABLE_KINDS or target.parent_id is not None or target.parent_till is not None:
            raise TransactionRefused(msg("trx.cannot-void-kind", kind=msg(f"kind.{target.kind.value}")))
        balance = await self.balance_of(payment)
        self._check(payment, balance, "void")
        if not balance.can_void:
            raise TransactionRefused(msg("trx.refunded-not-voidable", order_id=target.reference))
        held = balance.remaining or Decimal(0)
        row = self._record(payment, EntryKind.VOID, held, approval)
        return await self._send(row, payment, "void",
                                lambda: self.services.client.void(VoidRequest(reference_code=target.reference)))

    async def refund(self, payment: ShopEntry, amount: Decimal,
                     approval: Approval | str | None = None) -> TransactionOutcome:
        from ..api.models.transactions import RefundRequest

        local = self._local(payment)
        if local is not None:
            return await self.transactions.refund(local, amount, approval)
        target = payment.entry
        if target.kind not in REFUNDABLE_KINDS:
            raise TransactionRefused(msg("trx.cannot-refund-kind", kind=msg(f"kind.{target.kind.value}")))
        try:
            check_amount(amount, target.currency)
        except AmountError as exc:
            raise TransactionRefused(exc.msg, field="refundAmount") from None
        balance = await self.balance_of(payment)
        self._check(payment, balance, "refund")
        remaining = balance.remaining or Decimal(0)
        if remaining <= 0:
            raise TransactionRefused(msg("trx.nothing-left", order_id=target.reference))
        if amount > remaining:
            raise TransactionRefused(msg("trx.refund-at-most", amount=Money(remaining, target.currency)),
                                     field="refundAmount")
        row = self._record(payment, EntryKind.REFUND, amount, approval)
        request = RefundRequest(reference_code=target.reference, amount=amount)
        return await self._send(row, payment, "refund", lambda: self.services.client.refund(request))

    def _check(self, payment: ShopEntry, balance: Balance, operation: str) -> None:
        target = payment.entry
        if target.state is not EntryState.APPROVED:
            code = "trx.state-not-voidable" if operation == "void" else "trx.state-not-refundable"
            raise TransactionRefused(msg(code, order_id=target.reference, state=msg(f"state.{target.state.value}")))
        if balance.open_child is not None:
            raise TransactionRefused(msg("trx.open-child", kind=msg(f"kind.{balance.open_child.kind.value}"),
                                         order_id=target.reference))
        if balance.voided:
            raise TransactionRefused(msg("trx.already-voided", order_id=target.reference))

    def _record(self, payment: ShopEntry, kind: EntryKind, amount: Decimal,
                approval: Approval | str | None) -> Entry:
        target = payment.entry
        return self.services.journal.record_pending(
            environment=target.environment, kind=kind, reference=target.reference, amount=amount,
            currency=target.currency, parent_till=payment.till, parent_entry=target.id,
            masked_pan=target.masked_pan, card_brand=target.card_brand, card_holder=target.card_holder,
            customer_id=target.customer_id, payment_id=target.payment_id,
            approved_by=self.transactions._approver(approval))

    async def _send(self, row: Entry, payment: ShopEntry, operation: str, call: Callable[[], Any]
                    ) -> TransactionOutcome:
        journal = self.services.journal
        try:
            result = await call()
        except (OutcomeUnknownError, ProtocolError) as exc:
            done = journal.record_outcome(row.id, EntryState.UNKNOWN, note=exc.msg)
            outcome = TransactionOutcome(TransactionOutcomeState.UNKNOWN, msg(f"trx.{operation}-lost"), done, done)
        except KlogsError as exc:
            message: Message = _refusal_text(exc)
            done = journal.record_outcome(row.id, EntryState.ERROR, result_message=message)
            outcome = TransactionOutcome(TransactionOutcomeState.REFUSED, message, done, done)
        except BaseException:
            journal.record_outcome(row.id, EntryState.UNKNOWN, note=msg("note.failed-in-flight"))
            raise
        else:
            if not result.success:
                message = (msg("gateway.said", text=GatewayText.of(result.error.summary)) if result.error
                           else msg(f"trx.{operation}-refused"))
                done = journal.record_outcome(row.id, EntryState.ERROR, result_message=message)
                outcome = TransactionOutcome(TransactionOutcomeState.REFUSED, message, done, done)
            else:
                done = journal.record_outcome(row.id, EntryState.APPROVED, result_message=msg(f"trx.{operation}-done"))
                amount = Money(done.amount, done.currency)
                text = (msg("trx.voided", amount=amount, order_id=done.reference) if operation == "void"
                        else msg("shop.refunded-other-till", amount=amount, order_id=done.reference,
                                 till=payment.till))
                outcome = TransactionOutcome(TransactionOutcomeState.DONE, text, done, done)
        self.services.audit.record(
            VOID if operation == "void" else REFUND, approver=row.approved_by,
            details={"order_id": row.reference, "entry_id": row.id, "amount": str(row.amount),
                     "currency": row.currency, "outcome": outcome.state.value, "payment_till": payment.till,
                     "payment_entry_id": payment.entry.id})
        return outcome
