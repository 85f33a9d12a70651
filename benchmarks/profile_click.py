"""Where the Sale tab's Pay click spends its time, call by call (issue 19: click -> APPROVED painted).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/profile_click.py [-n 60] [--cprofile]``

Runs ``benchmarks/bench_terminal.py``'s sales (same tab, same sandbox process) with the calls on the
click path wrapped: each wrapped call notes its wall time and its UI-thread CPU (``time.thread_time``,
which other processes' load inflates less than wall time). Prints, per call, the median over the measured
sales (calls nested in others are included in their caller's figure), then the benchmark's own lines.
``--cprofile`` instead profiles the UI thread over the measured sales and prints the 40 functions with
the most own time (cProfile roughly doubles pure-Python time: read the proportions).

What it showed (branch click3, 2026-12-03; 2 shared cores, load 2-3, so read the CPU column):

* Before: the click's own work was 1.9 ms (``SaleTab.pay``: validation 0.26, duplicate guard 0.36,
  ``run_payment`` 1.22 of which the write-ahead submit 0.22, holding the paint 0.10, ``set_busy`` 0.21,
  ``run_operation`` 0.36 (disabling Pay, the busy progress, the busy cursor), "Sending…" on Pay); showing
  the answer 2.9 ms (``show_outcome`` 0.55, laying the panel out ~0.8, ``repaint`` 1.5); the tab's rest
  after the paint 1.6 ms (``set_busy(False)`` 0.21 of it).
* The timeline: the journal's writer thread starts the write-ahead commit only when the click's handler
  returns (it needs the interpreter lock the UI thread holds), so the commit never overlapped the
  click's own work; its fsync was 0.3-3 ms depending on the machine's load; the task waiting for it then
  takes three loop turns to wake (qasync: a queued signal, then two zero timers). ``time.sleep(0)`` after
  the submit lets the writer start at once, but no gain could be measured on the loaded machine.
* ``bench_terminal.py`` fills the form and clicks in the same loop step, so the layout and paint of the
  typed text (the brand label, a relayout of the form, a paint of the tab) run between the click and the
  request leaving; a cashier's click comes after those.
* After (this branch): ``run_payment`` 0.60 (``run_operation`` 0.10, no ``set_busy``), the duplicate
  guard 0.21 after 65 sales (was 0.33; 0.51 after 300, was 1.8), ``show_outcome`` plus layout ~0.75
  (was ~1.4: plain detail labels until the pointer comes), ``_end_flight`` 0.20 (was 0.37).
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_terminal  # noqa: E402  (sets the offscreen platform and the app home first)

from klogs_desk.services import payments  # noqa: E402
from klogs_desk.ui import card_form, result_panel, sale_tab  # noqa: E402

#: call name -> [(wall ms, UI-thread CPU ms)] of the calls in measured sales
TIMES: dict[str, list[tuple[float, float]]] = defaultdict(list)
_ORDER: list[str] = []


def _stamped(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    if name not in _ORDER:
        _ORDER.append(name)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        cpu, wall = time.thread_time(), time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[name].append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))

    return wrapper


def _wrap(owner: Any, attribute: str, name: str | None = None) -> None:
    setattr(owner, attribute, _stamped(name or f"{owner.__name__}.{attribute}", getattr(owner, attribute)))


#: per sale: event -> ms after the click (the Pay click's ``SaleTab.pay`` entry)
TIMELINE: list[dict[str, float]] = []
_EVENT_ORDER: list[str] = []


def _event(name: str) -> None:
    if name not in _EVENT_ORDER:
        _EVENT_ORDER.append(name)
    if name == "click (pay entered)":
        TIMELINE.append({})
    if TIMELINE:
        TIMELINE[-1].setdefault(name, time.perf_counter())


def _eventful(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _event(f"{name} entered")
        try:
            return fn(*args, **kwargs)
        finally:
            _event(f"{name} returned")

    return wrapper


def _async_eventful(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        _event(f"{name} first step")
        try:
            return await fn(*args, **kwargs)
        finally:
            _event(f"{name} returned")

    return wrapper


def instrument() -> None:
    from klogs_desk.domain.journal import Journal

    pay = sale_tab.SaleTab.pay

    @functools.wraps(pay)
    def pay_stamped(self: Any) -> None:
        _event("click (pay entered)")
        try:
            pay(self)
        finally:
            _event("pay returned")

    sale_tab.SaleTab.pay = pay_stamped  # type: ignore[method-assign]
    write = Journal._write_in_background

    def write_stamped(self: Any, name: str, args: Any, kwargs: Any) -> Any:
        _event(f"writer: {name} started")
        try:
            return write(self, name, args, kwargs)
        finally:
            _event(f"writer: {name} committed")

    Journal._write_in_background = write_stamped  # type: ignore[method-assign]
    service = payments.PaymentService
    service._journal_before_sending = _async_eventful("_journal_before_sending", service._journal_before_sending)
    service._from_response = _async_eventful("_from_response", service._from_response)
    from klogs_desk.api.client import KlogsClient

    KlogsClient.pay = _async_eventful("client.pay", KlogsClient.pay)
    sale_tab.SaleTab._show_answer = _eventful("_show_answer", sale_tab.SaleTab._show_answer)
    sale_tab.SaleTab._finish = _eventful("_finish", sale_tab.SaleTab._finish)

    tab, form, panel, service = sale_tab.SaleTab, card_form.CardForm, result_panel.ResultPanel, payments.PaymentService
    for owner, attribute in (
            (form, "validate"), (service, "find_similar_sale"), (tab, "_forget_enrolled_order"),
            (tab, "run_payment"), (service, "begin_sale"), (payments.CardOrder, "request"),
            (tab, "_hold_painting"), (form, "set_busy"), (panel, "supersede"),
            (tab, "_show_answer"), (panel, "show_outcome"), (panel, "repaint"),
            (tab, "_finish"), (tab, "_end_flight"), (form, "clear_card"), (form, "new_order"),
            (tab, "_paint_again"), (tab, "_update_pay_label")):
        _wrap(owner, attribute)
    sale_tab.run_operation = _stamped("run_operation", sale_tab.run_operation)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--cprofile", action="store_true")
    args = parser.parse_args()
    if not args.cprofile:
        instrument()
    measured = bench_terminal.STAGES
    profiler = None
    if args.cprofile:
        import cProfile

        profiler = cProfile.Profile()
        original = bench_terminal.click_to_result

        async def profiled(*a: Any) -> float:
            if not measured:  # the first measured sale (or a warm-up one): forget what was profiled so far
                profiler.clear()
            profiler.enable()
            try:
                return await original(*a)
            finally:
                profiler.disable()

        bench_terminal.click_to_result = profiled
    else:
        original = bench_terminal.click_to_result

        async def counted(*a: Any) -> float:
            if not measured:  # the first measured sale (or a warm-up one): forget the warm-up's calls
                TIMES.clear()
                TIMELINE.clear()
            return await original(*a)

        bench_terminal.click_to_result = counted
    sys.argv = [sys.argv[0], "-n", str(args.n), "--warmup", str(args.warmup)]
    bench_terminal.main()
    if profiler is not None:
        import pstats

        pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
        return
    print(f"\nper call, median over the measured sales (n={args.n}); ms   wall     CPU   calls/sale")
    for name in _ORDER:
        samples = TIMES.get(name)
        if not samples:
            continue
        walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
        print(f"  {name:<44}{statistics.median(walls):>7.2f}{statistics.median(cpus):>8.2f}"
              f"{len(samples) / args.n:>8.1f}")
    print("timeline, median ms after the click (writer: on the journal's thread)")
    for name in _EVENT_ORDER:
        offsets = [(sale[name] - sale["click (pay entered)"]) * 1000 for sale in TIMELINE if name in sale]
        if offsets:
            print(f"  {name:<52}{statistics.median(offsets):>7.2f}")


if __name__ == "__main__":
    main()
