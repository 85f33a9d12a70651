"""Where the terminal's start-up time goes: imports by package, and the slowest calls of ``main()``.

    .venv/bin/python benchmarks/profile_start.py [--calls N]

Runs ``python -m klogs_desk`` (training mode, second start: a warm-up launch creates the app home and the
bytecode first) with ``KLOGS_DESK_EXIT_WHEN_SHOWN=1`` twice more: once under ``-X importtime``, once
under cProfile. Prints

* the self time of every module imported before the window was interactive, summed by top-level package
  (``httpx``, ``pydantic``, ``keyring``, ``PySide6``, ``klogs_desk.ui``, ...), largest first;
* the modules that must *not* be loaded before the first frame and were (QtWebEngine, FastAPI/uvicorn,
  httpx, pydantic, keyring);
* the Python enum types PySide6 built before the first frame, by the app's line that made it build them
  (~0.45 ms each; see below);
* the N calls of the app with the most cumulative time (cProfile; its overhead inflates pure-Python code
  about 2x, so read the proportions, not the milliseconds).

What it showed, in order (2 shared cores, Python 3.11, PySide6 6.x; see README "Figures"):

* Before this work, 1.6-1.9 s from launch to an interactive window against 0.25 s for a bare six-tab
  window: importing the API layer (``klogs_desk.api.models``: ~30 pydantic schemas built at import,
  ~0.4 s; ``httpx`` ~0.16 s of which ~0.1 s is its optional command line pulling ``rich``/``click``;
  ``email_validator`` ~0.07 s of regular expressions), the keyring backends probed to read the sandbox's
  credentials (~0.14 s, ``keyring.backends.macOS`` and ``secretstorage`` even on Linux), ``ui.webengine``
  (~0.1 s), the embedded sandbox's FastAPI imports on a thread racing the first paint, and PySide6's
  ``__feature__`` import hook, which reads the source of every module imported after Qt.
* After the changes of issue 19 (sandbox process, deferred pydantic build, keyring and TLS on worker
  threads, phonenumbers lazy), CPU of the UI process up to the first interactive frame, by stage (one
  run, loaded machine): interpreter + ``klogs_desk.app`` (config, QtCore) ~0.3 s; the services' imports
  pulled in by ``klogs_desk.credentials``/``composition`` (httpx, pydantic, the models, keyring) ~0.45 s;
  the UI modules ~0.25 s; ``main()`` building staff, journal, audit check, six tabs and the window
  ~0.35 s; the bare window's whole start is ~0.25 s. The next step is the services layer: the tabs
  should be buildable without importing ``api.client`` (models and client behind a lazy import, the
  client built after the first frame), which this round did not reach.
* Then (branch perf2): the tabs and services import the API's enumerations (``api.enums``), addresses
  (``api.addresses``) and unknown-value helpers (``api.unknown``), none of which needs pydantic; the
  models, ``pydantic`` and ``psycopg`` are imported in the functions that send or read; the app checks the
  configured addresses for clear text without httpx and builds the client right after the first frame
  (keyring and imports on a worker thread). Nothing of httpx, pydantic, the models, keyring, psycopg,
  FastAPI/uvicorn or QtWebEngine is imported before the window is interactive (checked by
  ``tests/test_startup_imports.py``); the UI process's CPU to that point fell by ~0.5 s. What is left is
  PySide6 itself, ``klogs_desk.config``/``messages`` and the UI modules, and ``main()`` building staff,
  journal, the audit check, six tabs and the window.
* Then (branch startup, issue 19 again): the window's first frame shows the Sale tab, its menus, status
  bar and sign-in screen; the other five tabs (and their modules: QR code, receipt, tables) are built right
  after it, one per turn of the event loop, and so are the runtime's start, the audit chain's check and
  the idle lock's first pass over the widgets (~45 ms: it wraps every widget in Python). Also gone from
  before the first frame: ``importlib.metadata`` for the version (~50 ms; now a literal), the receipt
  module imported only to learn whether printing is installed (~80 ms with QtPrintSupport), the shop
  database's modules behind the report service (~25 ms), ``uuid``/``platform`` (~10 ms). The UI process's
  CPU to the first frame fell from ~885 to ~690 ms (bare window ~250 ms). What is left, roughly: asyncio
  and qasync (~100 ms, the bare window has no asyncio loop), the ``Qt`` namespace's 93 enums that PySide6
  builds on the first ``from PySide6.QtCore import Qt`` (~50 ms), PySide6's ``__feature__`` import hook
  reading the source of each module imported after Qt (~25-40 ms over ~200 modules), the accent-safe
  style's Python ``polish`` and ``findChildren`` making PySide6 look up (and build the enums of) the
  Python type of every widget, and the modules of the Sale tab, the window and the services they need.
* Then (branch startup3): PySide6 builds a Python enum type for every enum of every Qt class that reaches
  Python (~0.45 ms each on Python 3.11's ``enum``; QStyle's large ones more). Counted by wrapping
  ``enum.EnumType._create_`` and noting the innermost app frame: 279 enum types before the first frame
  against 48 for the bare window. 67 came from the accent-safe style's Python ``polish``, which Qt calls
  with every widget it polishes, the Sale tab's combo box popup included: its private classes
  (``QComboBoxPrivateContainer``, ``QComboBoxListView``) made PySide6 resolve every lazily loaded
  QtWidgets class. The first frame now gets the drawing-only style, its labels their room just before
  show, and the polishing style from ``first_frame_shown`` on (``ui/theme.py``); QMessageBox (in five
  modules), QAccessible and ``uuid``/``platform`` are imported where used. 202 enum types now; CPU of the
  UI process to the first frame -38 ms, interleaved A/B of 16 rounds at load 2.4-3.1: 612 -> 574 ms
  against 242 ms for the bare window (2.53x -> 2.38x; wall 2.74x -> 2.44x).
  What the remaining 154 extra enum types are, and why they stay:
  - 93: the ``Qt`` namespace's. The first access to ``QtCore.Qt`` builds all of them at once (~41 ms
    measured alone); only ``from PySide6.QtCore import QTimer``-style imports avoid it, and the first
    frame needs ``Qt`` flags (alignment, focus policy, text flags): PySide6 6.11 refuses plain ints
    where a Qt enum is expected (``setAlignment(0x84)`` raises TypeError), so there is no honest way
    round it.
  - 16: QStyle's, for the accent-safe style's ``drawItemText`` (Python subclass of QProxyStyle): ~20 ms.
    Needed from the first frame on this machine's DejaVu Sans, else the first frame's Turkish tab
    titles and labels lose their dots until it is installed. Fonts with room (Segoe UI, SF, Noto)
    install nothing and pay nothing.
  - QEvent.Type (a Python event filter and ``showEvent`` receive events), QFont's (the accent check),
    QtGui/QtWidgets classes the window is made of, qasync's QThread/QEventLoop/QSocketNotifier.
* Deferring asyncio and qasync to after ``show()`` (start Qt's loop, then install
  ``qasync.QEventLoop(app, already_running=True)`` from a zero timer) was looked at and not done at first:
  with the criterion then used (window shown *and* the asyncio loop has run a callback) both must be
  imported before the figure is taken anyway; asyncio was also imported by a dozen first-frame modules.
  Done later (branch startup5, below), with the figure defined as what the cashier meets: the window
  painted and Qt's loop taking keys; the asyncio loop's readiness is a second figure.
* What the UI process does before the first frame, by stage (``time.process_time()`` at each, best of 5
  at load ~2.1): interpreter ~40 ms; PySide6.QtCore and asyncio (the probe imports ``self_check`` first,
  which imports asyncio) ~200, of which PySide6's own import and signature machinery is most and the
  bare window pays it too; ``klogs_desk.app`` (config, messages, operators, paths) ~50; ``composition``
  and the first frame's UI and services modules (``Qt``'s enums, qasync, the Sale tab, the window,
  the services) ~200; ``main()`` (staff, journal, shop settings, theme, the Sale tab and window, show)
  ~100. Total ~590 against ~240 for the bare window.
  The next steps would be the modules the first frame imports but does not run (the reconciler,
  callbacks listener and webhooks, reports, saved cards: built before the first frame but started
  after it) behind lazy imports, and ``logging.handlers`` (pickle) for the log file.
* Then (branch startup4): the pieces built before the first frame but only started after it are built
  (and their modules imported) by the composition's first deferred step: the reconciler (with
  ``services.transactions``), the saved cards and the listener's webhook check, the payment orders' and
  saved cards' books; ``Terminal.reconciler``/``saved_cards`` raise until then, a payment's wake-up before
  it is dropped (the reconciler's first pass reads the whole journal), a quit before it skips them. The
  report service imports ``domain.reports`` when it makes a report; the log file is written by a plain
  ``FileHandler`` until the first frame, then by the rotating one (``logging.handlers`` and ``pickle``
  after it); ``shop.settings`` only with a shop host. UI-process CPU to the first frame, the previous release
  (``9371380``) and this one launched alternately, 30 rounds at load 2.0-2.8: median 646 -> 622 ms
  (best 568 -> 544) against 266 ms (best 241) for the bare window, 2.42x -> 2.33x; another 15 rounds:
  621 -> 601 ms against 255, 2.44x -> 2.36x; a third of 20, with the load rising to 2.9, showed the
  medians level (694/700 vs 308) and the best -35 ms. About -20 ms, then: less than the load's noise
  on any one launch.
  PySide6 6.11's enum switch (``PYSIDE6_OPTION_PYTHON_ENUM``, documented in "The Set of Enum Features")
  only chooses the enums' behaviour (IntEnum, shortcuts, forgiveness; the old C enums are gone since 6.6);
  none of its values made building ``Qt``'s enums cheaper here (~44 ms with each), so none is set.
  Left before the first frame: the 3-D Secure switch of the Sale tab (``ThreeDsSalePath`` with
  ``installment_sale``, ``three_d_secure``, the callback listener and webhooks modules, ~15 ms; deferring
  it would make the switch appear after the first frame), ``platformdirs`` (~15 ms with ``tempfile``,
  needed to find the app home), ``domain.audit``/``journal``/``operators`` and ``messages`` (needed by the
  sign-in screen and the Sale tab), the accent-safe style (see above) and PySide6 itself.
* Then (branch startup5): the terminal starts on Qt's own event loop (``app.exec()``) and the asyncio loop
  joins it right after the first frame (``klogs_desk/ui/event_loop.py``: a zero timer inside the running
  Qt loop installs ``qasync.QEventLoop(app, already_running=True)``; whatever needs it sooner, a Pay or a
  quit, installs it on the spot). No first-frame module imports asyncio at module level any more (they
  import it in the functions that use it), so asyncio, qasync and what they pull in (ssl, selectors, the
  subprocess and socket parts asyncio needs, qasync's QThread/QSocketNotifier types) are out of the first
  frame: ~50 ms of the UI thread. ``cold_start.py`` prints launch -> asyncio ready as a second figure.
  The garbage collector is off from ``python -m klogs_desk``'s first import to the first frame, then
  start-up's objects are frozen and it is on again: the ~60 young and 5 older collections start-up set off
  cost the first frame 15-25 ms and found next to nothing. The webhook check's module loads after the
  first frame, and seven first-frame dataclasses got docstrings (Python 3.11 builds a missing one from
  ``inspect.signature``, ~0.3 ms each). UI-process CPU to the first frame, A/B at load 1.9-4.3: 578 ->
  531 ms (asyncio) -> ~505 (the collector, -27 ms in 20 rounds), bare window ~245-250 (2.31x -> ~2.07x).
  What is left, measured with ``time.process_time()`` at each stage of ``main()`` (load ~3): before
  ``main()`` ~265 ms (interpreter, the editable install's path finder, PySide6.QtCore, config, operators,
  messages, paths, the sandbox launcher's socket/subprocess; the bare window's whole start is ~245);
  QtWidgets, QApplication and the ``Qt`` namespace's 93 enum types ~77; the accent-safe style ~31 (QStyle's
  16 enum types, the font's metrics); importing the composition with the first frame's UI and services
  ~78, of which ~60 ms over the whole start is Python 3.11's dataclass decorator on 34 classes (~1-2.5 ms
  each: it compiles each generated method); building the Sale tab ~22 and the window ~21 (its menus ~8,
  the first tab ~9); show ~4. Enum types before the first frame: 202 (bare window 48).
* Then (branch startup6): Python 3.11's ``@dataclass`` writes and ``exec``s the source of each generated
  method, ~1.2 ms of CPU per frozen class (~0.65 for a plain one), and 33 dataclasses were built before
  the first frame. The 21 that are plain frozen values (no ``replace``/``fields``/``asdict`` users) derive
  from ``klogs_desk.frozen.Frozen`` instead (methods written once, fields from ``__slots__``, each class
  only its ``__init__``): ``config.Setting``, ``Operator``, ``BrandRule``, the theme's five colour classes,
  the window's ``TabSpec``/``TabPage``, ``Tabs``, ``InstallmentPlan``, ``ApiCheck``, the staff and PIN
  results, the audit's ``AuditRecord``/``Verification``/``Close``, ``Balance``, ``SeparatorStyle``. UI-process CPU to the
  first frame, the previous commit and this one launched alternately with the bare window, 20 rounds at
  load 3.0-4.3: median 534 -> 495 ms (paired median -38 ms; an earlier 16 rounds at load 2.5-4.3: -25 ms)
  against 255 ms for the bare window, 2.09x -> 1.94x. Left before the first frame: 12 dataclasses
  (``messages``' three, which may import nothing of klogs_desk; ``journal.Entry``/``PaymentOutcome``, which
  ``replace`` copies; ``Credentials``/``CardOrder``/``CallbackResult``, whose ``repr`` hides fields; the
  mutable ``Challenge``/``_Connection``; ``Endpoints``' ``__post_init__`` check; ``journal.Listing``). Looked at and not
  done: the menus after the first frame (their shortcuts, Ctrl+Q, F1, Ctrl+Shift+O, and the menu bar belong
  to the first frame); the sandbox's launch after it (``platform_check`` imports ``subprocess`` anyway and
  ``reserve`` needs ``socket`` for the URL the services are built with: only ``Popen``, ~0.3 ms, would
  move); ``platformdirs``/``tempfile`` (the app home needs it unless ``KLOGS_DESK_HOME`` is set, as in the
  benchmarks: making it lazy would flatter the figure, not the till).
* Then (branch startup7): the last 12 dataclasses before the first frame are gone (measured by timing
  ``dataclasses._process_class``: 18-20 ms of the UI thread, ``journal.Entry`` alone ~3.9, ``PaymentOutcome``
  ~2.7): ``Entry``, ``Listing``, ``PaymentOutcome``, ``CardOrder`` (its masking ``repr``), ``Credentials``
  (hidden ``repr``), ``Endpoints`` (its check in ``__init__``), ``CallbackResult`` (no security key in its
  ``repr``) derive from ``Frozen``, which gained ``replace`` (``dataclasses.replace``'s semantics: through
  ``__init__``); ``messages``' three (which may import nothing of klogs_desk) and the mutable ``Challenge``
  and ``_Connection`` are written out. With them ``dataclasses`` itself is no longer imported before the
  first frame. Also after it now: ``hashlib``/``hmac``/``secrets`` (OpenSSL's ``_hashlib``: the PIN hash,
  the audit chain and request signing import them where they hash; the order ID draws from
  ``random.SystemRandom``, which is what ``secrets.choice`` is), ``json``'s use in ``messages`` (``html``
  too), ``csv`` (exports), the journal's thread pool, and ``ui.webengine`` (app.py sets
  ``AA_ShareOpenGLContexts`` itself; the module comes with the warm-up; the 3-D Secure dialog imports it
  and ``QUrl`` where it uses them): 10 fewer enum types (192). And PySide6's import hook is made cheap
  (``ui/import_hook.py``) when ``klogs_desk.app`` is imported, before its own imports, not in ``main()``:
  the ~75 modules those imports bring in (config, operators, messages, paths, the sandbox launcher and
  the standard library's under them) had PySide6 read each one's source with ``inspect.getsource``.
  UI-process CPU to the first frame, launched alternately with the bare window (``/work/main`` is the
  tree before this branch):
  - main 524 -> 469 ms (paired median -52 ms), bare 260: 2.02x -> 1.81x (10 rounds, load 6.5-7.2; all
    but the import hook);
  - the import hook alone, the commit before it against it: 471 -> 458 ms (paired median -11 ms), bare
    258 (10 rounds, load 4.4-6.0);
  - main 490 -> 436 ms (paired median -59 ms), bare 247: 1.98x -> 1.76x; wall 2.39x -> 1.89x (10 rounds,
    load 4.8-6.1);
  - ``cold_start.py 9``, this tree and ``--tree /work/main`` alternately at load 3.4-4.1: wall 2.08x and
    2.00x against main's 2.42x and 2.37x; UI-process CPU 1.73x and 1.84x against 2.08x and 2.07x.
  - the final tree, 12 rounds at load 2.5-3.3: main 495 -> 436 ms (paired median -62 ms), bare 252:
    1.97x -> 1.73x; wall 556 -> 523 ms, bare 257: 2.17x -> 2.04x. Wall gains less than CPU under load:
    the UI process shares the two cores with the training sandbox's process, starting at the same time,
    and the other load; lowering the sandbox process's priority during start-up was not tried.
  Left, in order of size: the ``Qt`` namespace's 93 enum types (~41 ms, all at its first use, which the
  first frame's alignments, focus policies and shortcuts need); QStyle's 16 for the accent-safe style;
  PySide6's own start-up (its signature module compiles three large verbose regular expressions, ~40 ms,
  in the bare window too); ``json`` for the note ``Journal.mark_interrupted`` stores (~2 ms).
* The first module that does ``from PySide6.QtCore import ...`` pays 50-140 ms of PySide6's signature
  and ``__feature__`` set-up (the bare window pays it too).
* With ``PYTHONDONTWRITEBYTECODE`` set (as on this machine) every launch also compiled every module
  (~0.35 s); an installed terminal runs from bytecode, so the benchmarks let the warm-up write it.
"""

from __future__ import annotations

import argparse
import collections
import os
import pstats
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUST_WAIT = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "fastapi", "uvicorn", "httpx", "pydantic",
             "keyring", "asyncio", "qasync")


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), KLOGS_DESK_HOME=home,
               KLOGS_DESK_EXIT_WHEN_SHOWN="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] in ("klogs_desk", "PySide6") else parts[0]


def imports(home: str) -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "klogs_desk"], cwd=ROOT, env=_env(home),
                            capture_output=True, text=True, timeout=120)
    by_package: collections.Counter[str] = collections.Counter()
    loaded: set[str] = set()
    for line in result.stderr.splitlines():
        if line == "window interactive":  # what follows is after the first frame
            break
        found = re.match(r"import time:\s+(\d+) \|\s+\d+ \| (\s*)(\S+)", line)
        if found:
            by_package[package_of(found.group(3))] += int(found.group(1))
            loaded.add(found.group(3))
    total = sum(by_package.values())
    print(f"imports, self time by package (total {total / 1000:.0f} ms; -X importtime adds its own overhead):")
    for package, micros in by_package.most_common(25):
        print(f"  {micros / 1000:8.1f} ms  {package}")
    early = [name for name in MUST_WAIT if name in loaded]
    print("loaded before the window was interactive, though the first frame does not need them:",
          ", ".join(early) or "none")


#: Runs ``klogs_desk.app.main`` under cProfile and stops profiling at the first-frame report (what
#: ``KLOGS_DESK_EXIT_WHEN_SHOWN`` prints), so the figures are the first frame's, not the tabs built after
#: it nor the shutdown (the training sandbox's stop alone would top the list).
PROFILE_FIRST_FRAME = """
import cProfile, os, sys
profile = cProfile.Profile()
profile.enable()
import klogs_desk.self_check as self_check  # before Qt, as the app imports it: PySide6's import hook
from PySide6.QtCore import QTimer          # would read the source of what it imports

def report_shown_and_quit(app):
    def report():
        profile.disable()
        profile.dump_stats(sys.argv[1])
        os._exit(0)
    QTimer.singleShot(0, report)

self_check.report_shown_and_quit = report_shown_and_quit
from klogs_desk.app import main
main([])
"""


#: Counts the Python enum types PySide6 builds before the first frame (each Qt enum that reaches Python
#: becomes one, through ``enum.EnumType._create_``), by the innermost frame outside ``enum`` and
#: PySide6's support code: which line of the app made PySide6 build them.
COUNT_ENUMS = """
import collections, enum, os, sys, time, traceback
made = collections.Counter()
seconds = [0.0]
create = enum.EnumType._create_

def counting_create(cls, *args, **kwargs):
    started = time.perf_counter()
    made_enum = create(cls, *args, **kwargs)
    seconds[0] += time.perf_counter() - started
    where = "PySide6's own import (the bare window's too)"
    for frame in reversed(traceback.extract_stack()[:-1]):
        if not any(part in frame.filename for part in ("enum.py", "shibokensupport", "<frozen", "<string>")):
            where = f"{os.path.relpath(frame.filename)}:{frame.lineno} {frame.name}"
            break
    made[where] += 1
    return made_enum

enum.EnumType._create_ = counting_create
import klogs_desk.self_check as self_check
from PySide6.QtCore import QTimer

def report_shown_and_quit(app):
    def report():
        print(f"{sum(made.values())} enum types built before the first frame ({seconds[0] * 1000:.0f} ms of "
              "wall time, which load inflates), by where the app made PySide6 build them:")
        for where, count in made.most_common(15):
            print(f"  {count:4d}  {where}")
        sys.stdout.flush()
        os._exit(0)
    QTimer.singleShot(0, report)

self_check.report_shown_and_quit = report_shown_and_quit
from klogs_desk.app import main
main([])
"""


def enums(home: str) -> None:
    result = subprocess.run([sys.executable, "-c", COUNT_ENUMS], cwd=ROOT, env=_env(home), capture_output=True,
                            text=True, timeout=120)
    print("\n" + (result.stdout.strip() or f"enum count failed: {result.stderr[-800:]}"))
    print("  (the bare six-tab window builds 48)")


def calls(home: str, count: int) -> None:
    with tempfile.NamedTemporaryFile(suffix=".prof", delete=False) as out:
        path = out.name
    subprocess.run([sys.executable, "-c", PROFILE_FIRST_FRAME, path], cwd=ROOT, env=_env(home),
                   capture_output=True, text=True, timeout=120)
    print(f"\nthe app's {count} slowest calls up to the first frame (cumulative, under cProfile):")
    stats = pstats.Stats(path)
    stats.sort_stats("cumulative").print_stats(r"klogs_desk/(?!sandbox/)", count)
    os.unlink(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="klogs-profile-")
    subprocess.run([sys.executable, "-m", "klogs_desk"], cwd=ROOT, env=_env(home), capture_output=True, timeout=120)
    imports(home)
    enums(home)
    calls(home, args.calls)


if __name__ == "__main__":
    main()
