"""How much the Klogs client adds to a call, next to a bare httpx.AsyncClient doing the same request.

Run:  .venv/bin/python benchmarks/bench_client.py [--url http://127.0.0.1:8000] [-n 200] [--warmup 20]

Without ``--url`` it starts a sandbox gateway in-process (rate limit off, 50 seeded subscriptions).
For ``pay`` and ``list_recurring`` it makes N calls through :class:`KlogsClient` and N through a bare
``httpx.AsyncClient`` with the same URL, headers and body, alternating the two so that drift in the
server affects both alike. Every payment uses a new orderId (a repeated one would be an idempotent replay,
which is cheaper). The bare side reads the JSON; the client also validates it into models, which is part
of what it costs. Prints median and p95 per call in milliseconds and the client's overhead.

This is a measurement, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Awaitable, Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.api.models import CardPaymentRequest, RecurringListQuery, wire
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import DEFAULT_API_KEY, DEFAULT_API_SECRET, DEFAULT_BEARER_TOKEN, SandboxConfig

CREDENTIALS = Credentials(DEFAULT_API_KEY, DEFAULT_API_SECRET, DEFAULT_BEARER_TOKEN)
PAYMENT_HEADERS = {"X-API-KEY": DEFAULT_API_KEY, "X-API-SECRET": DEFAULT_API_SECRET,
                   "Content-Type": "application/json", "Accept": "application/json", "User-Agent": "klogs-desk"}
RECURRING_HEADERS = {"Authorization": f"Bearer {DEFAULT_BEARER_TOKEN}", "Accept": "application/json",
                     "User-Agent": "klogs-desk"}


def payment(prefix: str) -> CardPaymentRequest:
    return CardPaymentRequest(order_id=f"{prefix}-{uuid.uuid4().hex[:20]}", amount=Decimal("100.50"),
                              currency="TRY", card_holder_name="Bench Mark", pan="4111111111111111",
                              expiry_month="12", expiry_year="30", cvv="123")


async def timed(call: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter_ns()
    await call()
    return (time.perf_counter_ns() - started) / 1e6


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


async def measure(url: str, n: int, warmup: int) -> None:
    list_query = RecurringListQuery(page_size=50)
    params = list_query.to_params()
    async with KlogsClient(Endpoints.same(url), CREDENTIALS, timeout=30) as client, \
            httpx.AsyncClient(timeout=30) as bare:

        async def client_pay() -> object:
            return await client.pay(payment("BENCH-C"))

        async def bare_pay() -> object:
            body = wire.dumps(payment("BENCH-B").model_dump(mode="python", by_alias=True, exclude_none=True))
            response = await bare.post(f"{url}/api/payment", content=body, headers=PAYMENT_HEADERS)
            response.raise_for_status()
            return json.loads(response.content)

        async def client_list() -> object:
            return await client.list_recurring(list_query)

        async def bare_list() -> object:
            response = await bare.get(f"{url}/recurring", params=params, headers=RECURRING_HEADERS)
            response.raise_for_status()
            return json.loads(response.content)

        page = await client.list_recurring(list_query)
        print(f"sandbox {url}, N={n} per side after {warmup} warm-up calls; times in ms per call")
        print(f"list_recurring reads {len(page.items)} of {page.total_count} subscriptions per call")
        print(f"{'operation':<16}{'side':<14}{'median':>9}{'p95':>9}")
        for name, ours, theirs in (("pay", client_pay, bare_pay), ("list_recurring", client_list, bare_list)):
            for _ in range(warmup):
                await ours()
                await theirs()
            client_ms: list[float] = []
            bare_ms: list[float] = []
            for _ in range(n):
                client_ms.append(await timed(ours))
                bare_ms.append(await timed(theirs))
            (c_med, c_p95), (b_med, b_p95) = summary(client_ms), summary(bare_ms)
            print(f"{name:<16}{'KlogsClient':<14}{c_med:>9.3f}{c_p95:>9.3f}")
            print(f"{'':<16}{'bare httpx':<14}{b_med:>9.3f}{b_p95:>9.3f}")
            print(f"{'':<16}{'overhead':<14}{c_med - b_med:>+9.3f}{c_p95 - b_p95:>+9.3f}"
                  f"   ({(c_med / b_med - 1) * 100:+.1f}% at the median)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running sandbox (default: start one in-process)")
    parser.add_argument("-n", type=int, default=200, help="calls per side and operation (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="warm-up calls per side (default 20)")
    parser.add_argument("--subscriptions", type=int, default=50, help="subscriptions to seed in-process")
    args = parser.parse_args()
    if args.url:
        asyncio.run(measure(args.url.rstrip("/"), args.n, args.warmup))
        return
    with SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=0)) as server:
        httpx.post(f"{server.url}/_sandbox/seed/subscriptions", json={"count": args.subscriptions},
                   headers={"Authorization": f"Bearer {DEFAULT_BEARER_TOKEN}"}, timeout=30).raise_for_status()
        asyncio.run(measure(server.url, args.n, args.warmup))


if __name__ == "__main__":
    main()
