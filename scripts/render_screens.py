"""Render every tab of the main window (and the Settings dialog) to PNG, headless, on the embedded sandbox.

    .venv/bin/python scripts/render_screens.py [output-dir]     # default: docs/screens/
    .venv/bin/python scripts/render_screens.py --language tr    # docs/screens/sale-tr.png
    .venv/bin/python scripts/render_screens.py --dark           # docs/screens/sale-dark.png
    .venv/bin/python scripts/render_screens.py --demo           # Help ▸ Load demo data first (full tables)

README's pictures are made under a real X server with demo data (what a trainee sees)::

    xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/render_screens.py --demo

Writes ``<tab>.png`` per tab (sale, preauth, installments, checkout, subscriptions, journal) and
``settings.png``. With ``--language`` and/or ``--dark`` it writes only the Sale tab, after an approved
sandbox sale of 1,234.56 TRY typed in that language's format, as ``sale-<language>[-dark].png`` (English:
``sale-dark.png``): ``--dark`` uses the Fusion style with :func:`klogs_desk.ui.theme.dark_palette`.
Uses a throw-away app home, so nothing of a real installation is read or touched.
"""

from __future__ import annotations

import asyncio
import datetime
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KLOGS_DESK_HOME"] = tempfile.mkdtemp(prefix="klogs-desk-screens-")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def open_training_terminal():  # type: ignore[no-untyped-def]
    """The terminal as the app builds it, on a new built-in sandbox, shown at 1100 x 760 (also for
    check_text_fit.py); ``(terminal, sandbox, config, credential store)``. Call after the QApplication exists."""
    from klogs_desk import paths
    from klogs_desk.composition import build_terminal
    from klogs_desk.config import Config
    from klogs_desk.credentials import CredentialStore
    from klogs_desk.domain.journal import Journal
    from klogs_desk.environments import EmbeddedSandbox, build_client
    from klogs_desk.services.context import AppServices

    sandbox = EmbeddedSandbox()
    config = Config()
    store = CredentialStore(session_only=True)
    services = AppServices(client=build_client(config, "sandbox", store.load("sandbox"), sandbox.url()),
                           journal=Journal(paths.journal_path()), environment="sandbox", sandbox_url=sandbox.url())
    terminal = build_terminal(services, config=config, credentials=store, sandbox=sandbox)
    terminal.window.resize(1100, 760)
    terminal.window.show()
    return terminal, sandbox, config, store


async def approved_sale(window, language: str):  # type: ignore[no-untyped-def]
    """On ``window``'s Sale tab, type a 1,234.56 TRY sale in ``language``'s number format with keys, as a
    cashier would, and pay it with the approving Visa test card; the outcome (also for check_text_fit.py)."""
    from PySide6.QtTest import QTest

    window.tabs.setCurrentIndex(0)
    sale = window.tabs.currentWidget()
    amount = "1.234,56" if language == "tr" else "1,234.56"
    year = f"{(datetime.date.today().year + 3) % 100:02d}"
    for field, text in ((sale.form.amount, amount), (sale.form.holder, "Ayse Yilmaz"),
                        (sale.form.pan, "4111111111111111"), (sale.form.expiry, "12" + year),
                        (sale.form.cvv, "123")):
        field.setFocus()
        QTest.keyClicks(field, text)  # ASCII only: QTest asserts on other characters
    finished: asyncio.Future = asyncio.get_running_loop().create_future()
    sale.payment_finished.connect(lambda outcome: finished.done() or finished.set_result(outcome))
    sale.pay()
    return await asyncio.wait_for(finished, 30)


def main(argv: list[str]) -> int:
    import argparse

    import qasync
    from PySide6.QtWidgets import QApplication

    from klogs_desk.config import TRANSLATED_LANGUAGES
    from klogs_desk.ui.async_runner import RUNNER
    from klogs_desk.ui.settings_dialog import SettingsDialog

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screens")
    parser.add_argument("--language", choices=TRANSLATED_LANGUAGES, help="render the Sale tab in this language")
    parser.add_argument("--dark", action="store_true", help="render the Sale tab in a dark Fusion theme")
    parser.add_argument("--demo", action="store_true", help="load the demo data (Help menu) before rendering")
    args = parser.parse_args(argv)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    if args.language or args.dark:
        from klogs_desk import i18n
        from klogs_desk.ui import theme

        i18n.install(args.language or "en", app)  # before any widget, as the app does
        if args.dark:
            app.setStyle("Fusion")
            app.setPalette(theme.dark_palette())
    from klogs_desk.ui.theme import install_accent_safe_style

    install_accent_safe_style(app)  # as the app does
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    terminal, sandbox, config, store = open_training_terminal()
    journal, window = terminal.services.journal, terminal.window

    async def settle() -> None:
        for _ in range(50):  # let tabs finish what they load when shown
            await asyncio.sleep(0.05)
            if RUNNER.running == 0:
                break
        await asyncio.sleep(0.1)

    async def load_demo() -> None:
        """Help ▸ Load demo data, as a trainee would, and wait until the tabs have it."""
        loaded: asyncio.Future = asyncio.get_running_loop().create_future()
        terminal.demo_data.loaded.connect(lambda summary: loaded.done() or loaded.set_result(summary))
        if terminal.demo_data.load() is None:
            raise SystemExit("demo data needs the built-in sandbox")
        print("demo data:", await asyncio.wait_for(loaded, 120))
        await settle()

    async def render_approved_sale() -> None:
        """The Sale tab after an approved sandbox sale typed as a cashier would (keys, locale's amount)."""

        await settle()
        outcome = await approved_sale(window, args.language or "en")
        await settle()
        name = "-".join(["sale"] + ([args.language] if args.language and args.language != "en" else [])
                        + (["dark"] if args.dark else []))
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path, outcome.state.value)

    async def render() -> None:
        if args.demo:
            await settle()
            await load_demo()
        if args.language or args.dark:
            await render_approved_sale()
            return
        await settle()
        for page in window.pages:
            window.show_page(page.widget)
            await settle()
            path = out / f"{page.spec.key}.png"
            window.grab().save(str(path))
            print(path)
        dialog = SettingsDialog(config, store, sandbox_url=sandbox.url, parent=window)
        dialog.show()
        await settle()
        dialog.grab().save(str(out / "settings.png"))
        print(out / "settings.png")
        dialog.close()

    with loop:
        loop.run_until_complete(render())
        loop.run_until_complete(terminal.runtime.stop())
    window.close()
    sandbox.stop()
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
