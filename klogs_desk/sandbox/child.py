"""The embedded training sandbox as a child process of the terminal (``python -m klogs_desk.sandbox.child``,
or the frozen bundle re-invoked as ``klogs-desk --sandbox-process``).

Why a process and not a thread: FastAPI, uvicorn and the gateway's own work then never compete with the
window for the interpreter's lock, as a real gateway would not, and its imports (about half a second on a
small till) run on the other core while the window is being built.

The protocol with the parent (:class:`klogs_desk.embedded_sandbox.EmbeddedSandbox`), all on pipes:

* The parent binds both listening sockets (the gateway's and the pretend bank's, see :mod:`.hosts`)
  before it starts this process and hands their file descriptors over (``--fd`` and ``--acs-fd``), so
  the URLs are known at once and early connections wait in the kernel's queue.
* **stdout**, one line per event: ``ready <clock offset seconds>`` once it serves, then
  ``clock <offset seconds>`` whenever the simulated clock is moved (``POST /_sandbox/clock/advance``), so
  the terminal's idea of the gateway's clock (the Journal's void-or-refund choice) needs no request.
* **stdin**, one line per command: ``webhook <url>`` sets where card-storage webhooks go (the terminal's
  receiver, known once its listener listens). This process exits when its stdin reaches end of file: the
  parent closed it (a normal quit) or died (the kernel closes the pipe whatever the cause), so a training
  sandbox never outlives its terminal, not even after ``kill -9``.

No Qt here, and nothing from the terminal's UI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import sys
import threading
from pathlib import Path

#: How much lower than the terminal the sandbox process runs (POSIX ``nice`` increment).
NICENESS = 10


def _offset_seconds(now: dt.datetime) -> float:
    return (now - dt.datetime.now(dt.timezone.utc)).total_seconds()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="klogs-desk --sandbox-process",
                                     description="The terminal's embedded training sandbox (started by it).")
    parser.add_argument("--fd", type=int, required=True, help="the gateway's listening socket, inherited")
    parser.add_argument("--acs-fd", type=int, required=True, help="the bank's (ACS) listening socket, inherited")
    parser.add_argument("--acs-host", required=True, help="the host name the ACS pages are addressed as")
    parser.add_argument("--database", type=Path, help="the SQLite file the sandbox keeps its state in")
    parser.add_argument("--rate-limit", type=int, help="requests a minute per credential before 429")
    args = parser.parse_args(argv)
    niceness = int(os.environ.get("KLOGS_SANDBOX_NICENESS", NICENESS))
    if hasattr(os, "nice") and niceness:
        # Started at the terminal's launch: on a busy two-core till the window's start-up wins the CPU;
        # on an idle core this changes nothing. Training traffic is one cashier's clicks.
        # KLOGS_SANDBOX_NICENESS=0 keeps the sandbox at the terminal's priority: the tests set it, since on
        # a machine kept busy by other work (the suite's own parallel processes) a niced sandbox gets a
        # tenth of a normal share and once took over 30 s to start.
        os.nice(niceness)

    from .server import SandboxServer  # FastAPI: the slow part, after the arguments are known good
    from .state import SandboxConfig

    sock = socket.socket(fileno=args.fd)
    acs_sock = socket.socket(fileno=args.acs_fd)
    config = SandboxConfig(database=args.database)
    if args.rate_limit is not None:
        config.rate_limit_per_minute = args.rate_limit
    server = SandboxServer(config, sock=sock, acs_sock=acs_sock, acs_host=args.acs_host).start()
    lock = threading.Lock()

    def say(line: str) -> None:
        with lock:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    clock = server.state.clock
    clock.on_advance(lambda now: say(f"clock {_offset_seconds(now):.6f}"))
    say(f"ready {_offset_seconds(clock.now()):.6f}")
    try:
        for raw in sys.stdin.buffer:  # EOF when the parent closes it or dies
            word, _, value = raw.decode("ascii", "replace").strip().partition(" ")
            if word == "webhook":
                server.state.config.webhook_url = value or None
    except (OSError, KeyboardInterrupt):
        pass
    server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
