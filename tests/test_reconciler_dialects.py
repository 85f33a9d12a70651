"""The reconciler against the sandbox speaking the client libraries' dialects: a .NET numeric answer still
settles a row, and answers it cannot read (an unreadable body, a status nobody documented) stop the
lookups after three, with a resolution saying so and the HTTP status, instead of spinning for ever."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from klogs_desk.domain.journal import EntryKind, EntryState
from klogs_desk.domain.orders import new_order_id
from klogs_desk.services.reconciler import MAX_INTERVAL, MAX_UNREADABLE, UNREADABLE
from tests import test_reconciler
from tests.test_reconciler import card_order, manual

# The reconciler tests' fixtures: a journal in tmp_path, services on a fresh sandbox, a manual clock.
journal, services, clock = test_reconciler.journal, test_reconciler.services, test_reconciler.clock

pytestmark = pytest.mark.anyio


def speak(server, **dialect) -> dict:  # type: ignore[no-untyped-def,type-arg]
    response = httpx.post(f"{server.url}/_sandbox/dialect", json=dialect, timeout=5)
    response.raise_for_status()
    return response.json()


async def passes(reconciler, clock, count: int) -> list:  # type: ignore[no-untyped-def,type-arg]
    """``count`` more lookups of each row (the first pass over a new row only schedules it)."""
    resolved = await reconciler.run_once()
    for _ in range(count):
        clock.advance(MAX_INTERVAL)  # every row is due again
        resolved += await reconciler.run_once()
    return resolved


async def unknown_row(services, approved: bool = True):  # type: ignore[no-untyped-def]
    """A sale the gateway approved whose answer the terminal 'lost'."""
    order = card_order()
    if approved:
        await services.client.pay(order.request())
    return services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=order.order_id,
                                           amount=order.amount, currency="TRY", state=EntryState.UNKNOWN)


async def test_a_dotnet_numeric_answer_settles_the_row(services, fresh_sandbox, clock):
    row = await unknown_row(services)
    speak(fresh_sandbox, enums="numeric", naiveDates=True)
    await passes(manual(services, clock, not_found_grace=0), clock, 1)
    assert services.journal.get(row.id).state is EntryState.APPROVED


async def test_unreadable_answers_stop_the_lookups_after_three_and_say_so(services, fresh_sandbox, clock):
    row = await unknown_row(services)
    speak(fresh_sandbox, unreadable=100)
    reconciler = manual(services, clock, not_found_grace=0)
    announced = []
    reconciler.on_resolved.append(announced.append)

    await passes(reconciler, clock, MAX_UNREADABLE - 1)
    assert services.journal.get(row.id).resolution is None  # two unreadable answers: still trying
    await passes(reconciler, clock, 1)
    given_up = services.journal.get(row.id)
    assert given_up.state is EntryState.UNKNOWN  # nobody knows whether the card was charged
    assert given_up.resolution.code == UNREADABLE and given_up.resolution.params["status"] == 200
    assert [e.id for e in announced] == [row.id]  # the Journal tab refreshes and shows it

    left = speak(fresh_sandbox)["unreadable"]
    await passes(reconciler, clock, 5)
    assert speak(fresh_sandbox)["unreadable"] == left  # no more lookups for that row
    assert services.journal.get(row.id).resolution == given_up.resolution


async def test_a_status_nobody_documented_counts_as_not_understood(services, fresh_sandbox, clock):
    row = await unknown_row(services)
    speak(fresh_sandbox, enums="unknown")
    await passes(manual(services, clock, not_found_grace=0), clock, MAX_UNREADABLE)
    row = services.journal.get(row.id)
    assert row.state is EntryState.UNKNOWN
    assert row.resolution.code == UNREADABLE and row.resolution.params["status"] == 200


async def test_a_given_up_row_is_not_looked_up_after_a_restart_either(services, fresh_sandbox, clock):
    row = await unknown_row(services)
    speak(fresh_sandbox, unreadable=MAX_UNREADABLE)
    await passes(manual(services, clock, not_found_grace=0), clock, MAX_UNREADABLE)
    assert services.journal.get(row.id).resolution.code == UNREADABLE

    restarted = manual(services, clock, not_found_grace=0)  # the gateway reads fine again
    await passes(restarted, clock, 3)
    assert services.journal.get(row.id).state is EntryState.UNKNOWN


async def test_no_answer_is_not_an_unreadable_answer(services, fresh_sandbox, clock):
    from klogs_desk.sandbox.faults import faults_of

    row = services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=new_order_id(),
                                          amount=Decimal("5.00"), currency="TRY", state=EntryState.UNKNOWN)
    faults_of(fresh_sandbox.app.state.sandbox).arm(server_errors=100)
    await passes(manual(services, clock, not_found_grace=3600), clock, MAX_UNREADABLE + 2)
    assert services.journal.get(row.id).resolution is None  # still waiting for an answer


async def test_the_journal_shows_why_the_lookups_stopped(services, fresh_sandbox, clock, qapp):
    from klogs_desk.ui.journal_model import JournalColumn, JournalTableModel

    row = await unknown_row(services)
    speak(fresh_sandbox, unreadable=MAX_UNREADABLE)
    await passes(manual(services, clock, not_found_grace=0), clock, MAX_UNREADABLE)
    model = JournalTableModel()
    model.set_entries([services.journal.get(row.id)])
    shown = model.index(0, JournalColumn.RESOLUTION).data()
    assert shown.startswith("the gateway answered in a form this terminal does not understand (HTTP 200)")
    assert model.index(0, JournalColumn.STATE).data() != ""  # still an unresolved row for the cashier
