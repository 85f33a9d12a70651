"""The terminal's request rate next to the gateway's limit: requests a minute per credential, idle and busy.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_request_rate.py [--seconds 60]``

The whole terminal (``composition.build_terminal``: window, tabs, reconciler, checkout following, health
check) runs headless against an in-process sandbox whose own limit is off, so what is counted is what the
terminal would send, not what a 429 let through. The sandbox counts every request per credential
(``sandbox.rate_limit.RequestCounter``). Two windows of ``--seconds`` real seconds each (the terminal's
timers and back-offs are real time):

* **idle**: the window shown on the Sale tab, nobody at the counter.
* **busy**: at the start of the window, three sales through the Sale tab, a checkout link created on the
  Checkout tab (then followed by polling; ``--links N`` follows N), the Subscriptions tab opened (its
  list fetched again) and five journal rows (``--unknown N``) left "outcome unknown" for the reconciler:
  three in five payments the gateway still answers as pending (3-D Secure enrollments nobody finished;
  enrolled by the benchmark before the window), the others it never heard of (404, resolved after the
  reconciler's grace). ``--unknown 60 --links 20`` is the counter after an outage: the reconciler's and
  the checkout polling's budgets (24 and 16 a minute) are what keeps it inside the limit.

Printed per window: requests, requests a minute per credential (scaled from the window), and the ratio
to the yardstick, the docs' test-environment limit of 100 a minute per credential (also the sandbox's
default). Goal: at most half the limit (``--goal``), so a cashier's own bursts have room.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KLOGS_DESK_HOME", tempfile.mkdtemp(prefix="klogs-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from PySide6.QtWidgets import QApplication

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.api.models import ThreeDSecureRequest
from klogs_desk.composition import build_terminal
from klogs_desk.config import Config
from klogs_desk.credentials import CredentialStore
from klogs_desk.domain.journal import EntryKind, EntryState, Journal
from klogs_desk.domain.orders import new_order_id
from klogs_desk.sandbox.rate_limit import counter_of
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import DEFAULT_RATE_LIMIT, SandboxConfig
from klogs_desk.services.checkout import CheckoutOrder
from klogs_desk.services.context import AppServices

CREDENTIALS = Credentials("sandbox-key", "sandbox-secret", "sandbox-token")
APPROVED_CARD = "4111111111111111"
THREE_DS_CARD = "4000000000003220"


def per_credential(server: SandboxServer, since: float, until: float) -> dict[str, int]:
    counts: dict[str, int] = {}
    for when, credential, _what in counter_of(server.state).snapshot():
        if since <= when < until:
            counts[credential] = counts.get(credential, 0) + 1
    return counts


def per_route(server: SandboxServer, since: float, until: float) -> dict[str, int]:
    """Requests by method and route (an order ID or link id in the path becomes ``{id}``)."""
    counts: dict[str, int] = {}
    for when, _credential, what in counter_of(server.state).snapshot():
        if since <= when < until:
            method, _, path = what.partition(" ")
            parts = path.split("/")
            route = "/".join(parts[:3] + (["{id}"] if len(parts) > 3 else []))
            key = f"{method} {route}"
            counts[key] = counts.get(key, 0) + 1
    return counts


async def wait_until(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the terminal did not get there in time")
        await asyncio.sleep(0.05)


def payments_sent(server: SandboxServer) -> int:
    return sum(1 for _, _, what in counter_of(server.state).snapshot() if what == "POST /api/payment")


async def sell(server: SandboxServer, tab, amount: Decimal) -> None:  # type: ignore[no-untyped-def]
    """One sale through the Sale tab, as a cashier: fill the form, click Pay, wait for the answer."""
    form = tab.form
    form.amount.setText(str(amount))
    form.holder.setText("Rate Bench")
    form.pan.setText(APPROVED_CARD)
    form.expiry.setText("12/30")
    form.cvv.setText("123")
    before = payments_sent(server)
    tab.pay_button.click()
    await wait_until(lambda: payments_sent(server) > before and tab.pay_button.isEnabled())


async def leave_unknown_rows(services: AppServices, client: KlogsClient, count: int) -> None:
    """``count`` rows left 'outcome unknown': three in five the gateway answers as pending (3-D Secure
    enrollments nobody finished), the others it never heard of (404, resolved after the grace)."""
    pending = (count * 3 + 4) // 5
    for index in range(pending):
        order = f"RATE-3DS-{uuid.uuid4().hex[:12]}"
        await client.start_3ds(ThreeDSecureRequest(
            order_id=order, amount=Decimal("10.00") + index, currency="TRY", card_holder_name="Rate Bench",
            pan=THREE_DS_CARD, expiry_month="12", expiry_year="30", cvv="123",
            success_url="http://127.0.0.1:9/ok", failure_url="http://127.0.0.1:9/fail"))
        services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE, reference=order,
                                        amount=Decimal("10.00") + index, currency="TRY", state=EntryState.UNKNOWN)
    for index in range(count - pending):
        services.journal.record_pending(environment="sandbox", kind=EntryKind.SALE,
                                        reference=f"RATE-LOST-{uuid.uuid4().hex[:12]}",
                                        amount=Decimal("20.00") + index, currency="TRY", state=EntryState.UNKNOWN)


async def measure(server: SandboxServer, seconds: float, goal: float, unknown: int, links: int) -> int:
    home = Path(os.environ["KLOGS_DESK_HOME"])
    client = KlogsClient(Endpoints.same(server.url), CREDENTIALS, timeout=30.0)
    journal = Journal(home / "journal.sqlite3")
    services = AppServices(client=client, journal=journal, environment="sandbox", sandbox_url=server.url)
    terminal = build_terminal(services, config=Config(home / "settings.ini"), credentials=CredentialStore())
    window, tabs = terminal.window, terminal.tabs
    tabs.sale.confirm_duplicate = lambda message: True  # each sale has its own amount; never block on a dialog
    window.resize(1200, 800)
    window.show()
    started = time.monotonic()
    await asyncio.sleep(2.0)  # start-up: the first health check, the runtime's first turn
    startup_window = (started, time.monotonic())

    started = time.monotonic()
    await asyncio.sleep(seconds)
    idle_window = (started, time.monotonic())
    idle = per_credential(server, *idle_window)

    setup = KlogsClient(Endpoints.same(server.url), CREDENTIALS, timeout=30.0)
    await leave_unknown_rows(services, setup, unknown)
    await setup.aclose()
    for extra in range(links - 1):  # links already open (sent to customers earlier), followed from now on
        created = await tabs.checkout.service.create(CheckoutOrder(
            order_id=new_order_id(), amount=Decimal("56.00") + extra, currency="TRY"))
        tabs.checkout.follow(created.link.entry_id)
    started = time.monotonic()
    terminal.reconciler.wake()
    for cents in range(3):
        await sell(server, tabs.sale, Decimal("31.00") + Decimal(cents) / 100)
    window.show_page(tabs.checkout)
    tabs.checkout.amount.setText("55.00")
    links_before = tabs.checkout.table.rowCount()
    tabs.checkout.create_button.click()
    await wait_until(lambda: tabs.checkout.table.rowCount() > links_before)
    window.show_page(tabs.subscriptions)
    tabs.subscriptions.model.refresh()  # the list as a cashier coming back to the tab sees it: fetched again
    remaining = seconds - (time.monotonic() - started)
    await asyncio.sleep(max(0.0, remaining))
    busy_window = (started, time.monotonic())
    busy = per_credential(server, *busy_window)

    limit = DEFAULT_RATE_LIMIT
    print(f"sandbox {server.url} (in process, its limit off while counting); window {seconds:.0f} s each; "
          f"yardstick: the docs' {limit} requests/min per credential (test environment)")
    print(f"{'':<8}{'credential':<16}{'requests':>9}{'per min':>9}{'of limit':>10}")
    worst = 0.0
    for name, counts in (("idle", idle), ("busy", busy)):
        for credential, count in sorted(counts.items()) or [("(none)", 0)]:
            rate = count * 60.0 / seconds
            worst = max(worst, rate / limit)
            print(f"{name:<8}{credential[:15]:<16}{count:>9}{rate:>9.1f}{rate / limit:>9.0%}")
    for name, span in (("start-up", startup_window), ("idle", idle_window), ("busy", busy_window)):
        routes = ", ".join(f"{route} x{count}" for route, count in sorted(per_route(server, *span).items()))
        print(f"{name} by route: {routes or 'none'}")
    print(f"goal: every credential at most {goal:.0%} of the limit: {'PASS' if worst <= goal else 'MISS'} "
          f"(highest {worst:.0%})")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")

    await terminal.runtime.stop()  # from this task: it cancels every other task, then closes the client
    window.close()
    journal.close()
    return 0 if worst <= goal else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each window (default 60)")
    parser.add_argument("--goal", type=float, default=0.5, help="highest share of the limit allowed (0.5)")
    parser.add_argument("--unknown", type=int, default=5, help="rows left 'outcome unknown' when busy (5)")
    parser.add_argument("--links", type=int, default=1, help="checkout links followed when busy (1)")
    args = parser.parse_args()
    with SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=0)) as server:
        app = QApplication.instance() or QApplication([])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            return loop.run_until_complete(measure(server, args.seconds, args.goal, args.unknown, args.links))


if __name__ == "__main__":
    raise SystemExit(main())
