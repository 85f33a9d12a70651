"""The Journal's CSV export, in a child process of the terminal (issue 19: no stall over 16 ms while 100,000
rows are written).

Why a process and not a thread: the rows are turned into CSV by Python code, and a thread of the terminal
shares the interpreter's lock with the window; every cell painted or timer fired waited for the export's
turn (38-48 ms of UI-thread time on a loaded two-core till, even with the switch interval lowered for the
whole process). A child has its own interpreter: the window only reads a few progress lines.

How the child is started is the training sandbox's way (:mod:`klogs_desk.embedded_sandbox`): the
PyInstaller bundle re-invokes its own executable as ``klogs-desk --journal-export ...``
(``klogs_desk/__main__.py`` dispatches on that first argument, without Qt); a source install runs
``python -m klogs_desk.domain.journal_export`` with the terminal's interpreter. The child inherits the
terminal's environment, ``KLOGS_DESK_HOME`` included, and writes only the file the cashier chose (and its
temporary copy next to it).

The protocol, on pipes:

* **stdin**: the first line is the filters as JSON (:func:`encode_filters`; the Journal tab's, so the file
  holds exactly the rows shown). The child then watches stdin for end of file: the terminal closed it,
  quit, or died (the kernel closes the pipe whatever the cause, ``kill -9`` included); the child stops at
  its next chunk, removes its temporary file and exits. An export never outlives its terminal.
* **stdout**, one line per event: ``total <rows>`` once the matching rows are known, ``done <rows>`` after
  every :data:`CHUNK` rows, then ``written <rows>`` when the temporary file is complete, or
  ``error <message JSON>`` (a :class:`~klogs_desk.messages.Message`: the UI renders it in the cashier's
  language).

The file appears whole or not at all: the child writes ``.<name>.<random>.part`` next to the target (same
directory, so the same filesystem) and the terminal renames it over the target once the child said
``written``. Cancel kills the child; the terminal removes the temporary file whatever the child managed.
Deciding in the terminal (under one lock) whether the export was cancelled or completed means a file that
was renamed into place is always reported as exported, and a cancelled one never appears.

The journal is opened read-only (``mode=ro``, ``query_only``) while the terminal keeps writing to it: the
journal is in WAL mode, where a reader sees the last commit and neither waits for a writer nor makes one
wait. Each chunk is its own short read (as the Journal tab's pages are), so the WAL's checkpoints are never
held back for the length of an export. Rows are the ids matching the filters when the export started;
a row updated meanwhile is written as it is when its chunk is read. Every text cell goes through the
journal's one redaction (:meth:`Journal.export_csv`). The shop's journal (all tills, PostgreSQL) is not
exported: the Journal tab exports this till's rows only, as it did before.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import json
import logging
import os
import secrets
import sqlite3
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Iterator, Sequence

from ..messages import Message, from_stored, msg
from .journal import Entry, EntryKind, EntryState, ExportCancelled, Journal

log = logging.getLogger(__name__)

#: The frozen bundle's argument that makes it the export process (``__main__.py`` checks it first).
EXPORT_PROCESS_ARGUMENT = "--journal-export"
#: Rows read and written between two progress lines (and two looks at stdin's end of file).
CHUNK = 1000
#: How much lower than the terminal the export process runs (POSIX ``nice`` increment): on a busy two-core
#: till the window wins the CPU; on an idle core this changes nothing. ``KLOGS_EXPORT_NICENESS`` overrides.
NICENESS = 5


class ExportFailed(Exception):
    """The export stopped before the file was complete; no file was written. :attr:`msg` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.msg = message


def child_command() -> list[str]:
    """How to start the export process: the PyInstaller bundle re-invokes its own executable (there is no
    ``python -m`` in it); a source install runs this module with the terminal's interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, EXPORT_PROCESS_ARGUMENT]
    return [sys.executable, "-m", "klogs_desk.domain.journal_export"]


def child_environment() -> dict[str, str] | None:
    """The export process's environment: the terminal's (``KLOGS_DESK_HOME`` included), with this copy of
    ``klogs_desk`` first on ``PYTHONPATH`` from source, so the child runs the terminal's code whatever the
    working directory. ``None`` (inherit as is) in the bundle."""
    if getattr(sys, "frozen", False):
        return None
    root = str(Path(__file__).resolve().parents[2])
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, (root, environment.get("PYTHONPATH"))))
    return environment


# --- the filters, across the pipe ---------------------------------------------------------------------------

def encode_filters(filters: dict[str, Any]) -> str:
    """``filters`` (keyword arguments of :meth:`Journal.matching_ids`) as one line of JSON."""
    def plain(name: str, value: Any) -> Any:
        if value is None:
            return None
        if name in ("states", "kinds"):
            return [item.value for item in value]
        if name in ("since", "until"):
            return value.isoformat()
        if name == "amount":
            return str(value)
        return value
    return json.dumps({name: plain(name, value) for name, value in filters.items()}, ensure_ascii=True)


def decode_filters(line: str) -> dict[str, Any]:
    """The filters :func:`encode_filters` wrote, as :meth:`Journal.matching_ids` takes them."""
    def typed(name: str, value: Any) -> Any:
        if value is None:
            return None
        if name == "states":
            return tuple(EntryState(item) for item in value)
        if name == "kinds":
            return tuple(EntryKind(item) for item in value)
        if name in ("since", "until"):
            return dt.datetime.fromisoformat(value)
        if name == "amount":
            return Decimal(value)
        return value
    return {name: typed(name, value) for name, value in json.loads(line).items()}


# --- the terminal's side ------------------------------------------------------------------------------------

class ExportJob:
    """One export, running in its child process. Start with :meth:`Journal.export_in_background`.

    :attr:`future` resolves to the number of rows written once the file is in place, or fails with
    :class:`ExportCancelled` (:meth:`cancel`) or :class:`ExportFailed`; either way no partial file is left.
    It resolves on a worker thread (the one reading the child's stdout): a Qt caller hands it to its own
    thread. :attr:`progress` is ``(rows written, rows to write)``, replaced whole by that thread (reading it
    from any thread is safe: a tuple is swapped, never changed in place).
    """

    def __init__(self, journal_path: Path, target: Path | str, filters: dict[str, Any], *,
                 command: Sequence[str] | None = None) -> None:
        self.target = Path(target)
        # A name with no long digit run: nothing the card-data scan could take for a card number.
        self.part = self.target.with_name(f".{self.target.name}.{secrets.token_hex(4)}.part")
        self.progress: tuple[int, int] = (0, 0)
        self.future: "concurrent.futures.Future[int]" = concurrent.futures.Future()
        self.future.set_running_or_notify_cancel()
        self._lock = threading.Lock()
        self._cancelled = False
        arguments = ["--journal", str(journal_path), "--part", str(self.part), "--target", str(self.target)]
        self._process = subprocess.Popen([*(command if command is not None else child_command()), *arguments],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=child_environment())
        assert self._process.stdin is not None and self._process.stdout is not None
        try:
            self._process.stdin.write(encode_filters(filters).encode("ascii") + b"\n")
            self._process.stdin.flush()  # stdin stays open: its end of file tells the child to stop
        except OSError:
            pass  # the child died at once: its exit status says so below
        self._reader = threading.Thread(target=self._read_child, args=(self._process.stdout,),
                                        name="klogs-journal-export-reader", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        """The export process's id (tests check it is gone)."""
        return self._process.pid

    def cancel(self, *, wait: float | None = None) -> None:
        """Stop the export: the child is killed and its temporary file removed; :attr:`future` fails with
        :class:`ExportCancelled` unless the file was already in place (then it was exported). With ``wait``,
        return only once the child is gone and the future resolved (at most ``wait`` seconds): quitting."""
        with self._lock:
            if not self.future.done():
                self._cancelled = True
        try:
            self._process.kill()
        except OSError:
            pass  # already gone
        if wait is not None:
            try:
                self._process.wait(wait)
            except subprocess.TimeoutExpired:
                log.warning("the journal export process %d did not end within %.0f s", self.pid, wait)
            self._reader.join(wait)

    def _read_child(self, stdout: IO[bytes]) -> None:
        """The child's stdout, line by line (worker thread), then its exit: resolve :attr:`future`."""
        written: int | None = None
        error: Message | None = None
        try:
            for raw in stdout:
                word, _, value = raw.decode("utf-8", "replace").strip().partition(" ")
                if word in ("total", "done", "written") and value.isdigit():
                    rows = int(value)
                    if word == "total":
                        self.progress = (0, rows)
                    elif word == "done":
                        self.progress = (rows, self.progress[1])
                    else:
                        written = rows
                elif word == "error":
                    stored = from_stored(value)
                    error = stored if stored is not None and stored.code.startswith("export.") else None
        finally:
            stdout.close()
            status = self._process.wait()
            if self._process.stdin is not None:
                try:
                    self._process.stdin.close()
                except OSError:
                    pass
        self._finish(written if status == 0 else None, error, status)

    def _finish(self, written: int | None, error: Message | None, status: int) -> None:
        with self._lock:
            if written is not None and not self._cancelled:
                try:
                    os.replace(self.part, self.target)
                except OSError as exc:
                    error, written = _unwritable(self.target, exc), None
            cancelled = self._cancelled and written is None
        if written is not None:
            self.future.set_result(written)
            return
        self.part.unlink(missing_ok=True)  # whatever the child managed (it may have been killed mid-write)
        if cancelled:
            self.future.set_exception(ExportCancelled())
        else:
            if error is None:
                log.error("the journal export process ended with status %d and no message", status)
            self.future.set_exception(ExportFailed(error or msg("export.stopped", status=status)))


def _unwritable(target: Path, exc: OSError) -> Message:
    return msg("export.unwritable", path=str(target), reason=exc.strerror or type(exc).__name__)


# --- the child's side ---------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """The export process (started by :class:`ExportJob`): see the module's docstring for the protocol."""
    parser = argparse.ArgumentParser(prog="klogs-desk --journal-export",
                                     description="Writes the Journal's CSV export (started by the terminal).")
    parser.add_argument("--journal", type=Path, required=True, help="the journal database, opened read-only")
    parser.add_argument("--part", type=Path, required=True, help="the temporary file to write")
    parser.add_argument("--target", type=Path, required=True, help="the file the terminal renames it to (named "
                        "in error messages; never written here)")
    args = parser.parse_args(argv)
    niceness = int(os.environ.get("KLOGS_EXPORT_NICENESS", NICENESS))
    if hasattr(os, "nice") and niceness:
        os.nice(niceness)

    abandoned = threading.Event()

    def say(line: str) -> None:
        try:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        except OSError:  # nobody reads: the terminal is gone
            abandoned.set()

    filters = decode_filters(sys.stdin.buffer.readline().decode("ascii"))
    stdin = sys.stdin.fileno()

    def watch_stdin() -> None:
        # The descriptor, not sys.stdin: a daemon thread blocked in a buffered read holds its lock, and the
        # interpreter's shutdown would abort on it.
        try:
            while os.read(stdin, 4096):
                pass
        except OSError:
            pass
        abandoned.set()

    threading.Thread(target=watch_stdin, name="stdin-watch", daemon=True).start()
    try:
        journal = Journal(args.journal, read_only=True)
    except sqlite3.Error as exc:
        say("error " + msg("export.unreadable", reason=str(exc)).to_json())
        return 1
    try:
        ids = journal.matching_ids(**filters)
        say(f"total {len(ids)}")

        def rows() -> Iterator[Entry]:
            for start in range(0, len(ids), CHUNK):
                if abandoned.is_set():
                    raise ExportCancelled()
                yield from journal.entries(ids[start:start + CHUNK])
                say(f"done {min(start + CHUNK, len(ids))}")

        written = journal.export_csv(args.part, rows())
    except ExportCancelled:
        args.part.unlink(missing_ok=True)
        return 1
    except sqlite3.Error as exc:
        args.part.unlink(missing_ok=True)
        say("error " + msg("export.unreadable", reason=str(exc)).to_json())
        return 1
    except OSError as exc:
        args.part.unlink(missing_ok=True)
        say("error " + _unwritable(args.target, exc).to_json())
        return 1
    finally:
        journal.close()
    say(f"written {written}")
    if abandoned.is_set():  # the terminal went away meanwhile: nobody will rename it into place
        args.part.unlink(missing_ok=True)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
