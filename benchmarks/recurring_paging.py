"""Seed 100,000 subscriptions into a sandbox and time pages of ``GET /recurring`` over loopback.

Prints numbers only; run: ``.venv/bin/python benchmarks/recurring_paging.py [count]``.
"""

from __future__ import annotations

import statistics
import sys
import time

import httpx

from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig


def main(count: int = 100_000) -> None:
    with SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=0)) as server:
        started = time.perf_counter()
        httpx.post(f"{server.url}/_sandbox/seed/subscriptions", json={"count": count}, timeout=120).raise_for_status()
        print(f"seed {count} subscriptions: {time.perf_counter() - started:.2f} s")
        auth = {"Authorization": f"Bearer {server.config.bearer_token}"}
        last_page = count // 10
        with httpx.Client(base_url=server.url, headers=auth) as http:
            for order_by in ("createdAtUtc", "amount", "nextPaymentAtUtc", "reference"):
                for direction in ("asc", "desc"):
                    for page in (1, last_page // 2, last_page):
                        timings = []
                        for _ in range(5):
                            t = time.perf_counter()
                            http.get("/recurring", params={"Page": page, "PageSize": 10, "OrderBy": order_by,
                                                           "Dir": direction}).raise_for_status()
                            timings.append((time.perf_counter() - t) * 1000)
                        print(f"{order_by:>16} {direction:<4} page {page:>6}: median {statistics.median(timings):6.2f} ms")
            t = time.perf_counter()
            http.get("/recurring", params={"Subscription": "SEED-050000"}).raise_for_status()
            print(f"filter by subscription ID: {(time.perf_counter() - t) * 1000:.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
