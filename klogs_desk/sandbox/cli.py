"""``klogs-sandbox``: run the sandbox gateway as a process."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from .server import SandboxServer
from .state import DEFAULT_RATE_LIMIT, SandboxConfig


def _rate_limit(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("the rate limit is a number of requests per minute, 0 or more")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="klogs-sandbox", description="Run the Klogs sandbox gateway.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (0 picks a free one; default 8765)")
    parser.add_argument("--database", type=Path,
                        help="SQLite file for the sandbox's state (payments, checkout links, subscriptions, clock) "
                             "so it survives a restart; without it everything is forgotten on exit")
    parser.add_argument("--rate-limit", type=_rate_limit, default=DEFAULT_RATE_LIMIT, metavar="N",
                        help=f"requests per minute per credential before 429 (default {DEFAULT_RATE_LIMIT}, the "
                             "docs' figure for the test environment; 0 turns the limit off)")
    parser.add_argument("--testing", action="store_true", help="enable fault injection (never in training)")
    parser.add_argument("--hang-seconds", type=float, default=40.0,
                        help="how long the never-answering test card sleeps")
    parser.add_argument("--webhook-url", help="the merchant's webhook base URL for card-storage notifications "
                        "(signed; see sandbox/card_storage.py), e.g. http://127.0.0.1:8080/webhooks")
    args = parser.parse_args(argv)
    config = SandboxConfig(database=args.database, rate_limit_per_minute=args.rate_limit,
                           testing=args.testing, hang_seconds=args.hang_seconds, webhook_url=args.webhook_url)
    server = SandboxServer(config, host=args.host, port=args.port).start()
    print(f"Klogs sandbox gateway listening on {server.url}")
    print(f"  payment API:   X-API-KEY: {config.api_key}   X-API-SECRET: {config.api_secret}")
    print(f"  recurring API: Authorization: Bearer {config.bearer_token}")
    print(f"  OpenAPI:       {server.url}/openapi.json")
    limit = config.rate_limit_per_minute
    print(f"  rate limit:    {limit} requests/min per credential" if limit else "  rate limit:    off")
    if config.database is not None:
        print(f"  state kept in: {config.database}")
    if config.webhook_url:
        print(f"  card-storage webhooks (signed with the API secret): {config.webhook_url}/card-storage/owner/<ownerId>")
    print(f"  3-D Secure bank page (another host, as a real bank's): {server.acs_url}")
    sys.stdout.flush()
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
