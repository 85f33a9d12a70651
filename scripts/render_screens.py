"""Render every tab of the main window (and the Settings dialog) to PNG, headless, on the embedded sandbox.

    .venv/bin/python scripts/render_screens.py [output-dir]     # default: docs/screens/
    .venv/bin/python scripts/render_screens.py --language tr    # docs/screens/sale-tr.png
    .venv/bin/python scripts/render_screens.py --dark           # docs/screens/sale-dark.png
    .venv/bin/python scripts/render_screens.py --demo           # Help ▸ Load demo data first (full tables)

README's pictures are made under a real X server with demo data (what a trainee sees)::

    xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/render_screens.py --demo

Writes ``<tab>.png`` per tab (sale, preauth, installments, checkout, subscriptions, journal),
``settings.png`` and the screens of :func:`render_more` (``settings-tested.png``: Settings after both
Test connection buttons; ``close-day-cashier.png``: File ▸ Close day… as a cashier, who needs a manager's
PIN; ``journal-all-tills.png``: the Journal's all-tills view and its till filter). With ``--language``
and/or ``--dark`` it writes only the Sale tab, after an approved sandbox sale of 1,234.56 TRY typed in that
language's format, as ``sale-<language>[-dark].png`` (English: ``sale-dark.png``): ``--dark`` uses the
Fusion style with :func:`klogs_desk.ui.theme.dark_palette`; ``--more`` adds :func:`render_more`'s screens
in that language (``close-day-cashier-tr.png``, ...)::

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/render_screens.py \
        --language tr --more /tmp/screens

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


#: The tills of :class:`PictureShop`, the first dealt the first row (the newest sale): the longest name, as
#: long as a till name a shop may well give, so the till filter shows it with rows.
PICTURE_TILLS = ("Kasa 2 – Bahçe girişi", "Kasa 1", "Kasa 3 (üst kat)")


class PictureShop:
    """A stand-in for the shop database's two reads the Journal makes (``journal_view`` and ``tills`` of
    :class:`klogs_desk.services.shop.ShopService`), so the all-tills view can be drawn without a PostgreSQL
    server: this till's own rows, dealt out to :data:`PICTURE_TILLS`. For pictures only."""

    def __init__(self, journal) -> None:  # type: ignore[no-untyped-def]
        self.journal = journal
        self.till = PICTURE_TILLS[1]

    async def journal_view(self, *, till=None, since=None, until=None, limit=1000):  # type: ignore[no-untyped-def]
        from klogs_desk.shop.server import ShopEntry

        entries = self.journal.search(environment="sandbox", since=since, until=until, limit=limit)
        rows = [ShopEntry(PICTURE_TILLS[n % len(PICTURE_TILLS)], entry) for n, entry in enumerate(entries)]
        return [row for row in rows if till is None or row.till == till], {}

    async def tills(self) -> list[str]:
        return list(PICTURE_TILLS)


def all_tills_journal(services, config):  # type: ignore[no-untyped-def]
    """A Journal tab on :class:`PictureShop`, showing all tills with the longest till chosen in its filter;
    shown at the main window's 1100 px. Call :meth:`JournalTab.refresh` and let the loop turn before a grab."""
    from klogs_desk.ui.journal_tab import JournalTab

    tab = JournalTab(services, shop=PictureShop(services.journal), config=config)  # type: ignore[arg-type]
    tab.resize(1100, 640)
    tab.show()
    tab.show_all_tills(True)
    return tab


def choose_longest_till(tab) -> None:  # type: ignore[no-untyped-def]
    """Once the tills are listed: choose the one with the longest name (the filter's widest state)."""
    longest = max(PICTURE_TILLS, key=len)
    if (index := tab.till_combo.findData(longest)) >= 0:
        tab.till_combo.setCurrentIndex(index)


def close_day_as_cashier(services, parent):  # type: ignore[no-untyped-def]
    """File ▸ Close day… as a cashier meets it (Mehmet signed in; Zeynep is the manager): the day's figures and
    the button that closes the day only with a manager's name and PIN, "Close day with a manager's PIN…"."""
    from klogs_desk import paths
    from klogs_desk.domain.audit import AuditLog
    from klogs_desk.domain.operators import OperatorStore, Role, hash_pin
    from klogs_desk.services.audit import AuditTrail
    from klogs_desk.services.reports import ReportService
    from klogs_desk.services.staff import StaffService
    from klogs_desk.ui.report_dialog import ReportDialog

    staff = StaffService(OperatorStore(":memory:"))
    staff.store.add("Zeynep", Role.MANAGER, hash_pin("482615"))
    staff.store.add("Mehmet", Role.CASHIER, hash_pin("7391"))
    assert staff.sign_in("Mehmet", "7391").accepted
    trail = AuditTrail(AuditLog(paths.app_home() / "screens-audit.sqlite3"), current_operator=staff.operator_name)
    reports = ReportService(services.journal, trail, environment=lambda: services.environment, staff=staff)
    return ReportDialog(reports.day_report(), reports, parent=parent)


async def test_both_connections(settings, settle) -> None:  # type: ignore[no-untyped-def]
    """Press Settings' two Test connection buttons and wait for their answers: the gateway's (the built-in
    sandbox answers) and the shop database's (nothing listens on 127.0.0.1 port 1: refused, said in words)."""
    import asyncio

    settings.test_button.click()
    settings.shop_host_edit.setText("127.0.0.1")
    settings.shop_port_spin.setValue(1)
    settings.shop_database_edit.setText("shop")
    settings.shop_user_edit.setText("till")
    settings.shop_till_edit.setText(PICTURE_TILLS[1])
    settings.shop_test_button.click()
    for _ in range(200):
        await asyncio.sleep(0.05)
        if (settings.test_result.text() and not settings.test_progress.isVisible()
                and settings.shop_test_result.text() and not settings.shop_test_progress.isVisible()):
            break
    await settle()


async def render_more(window, services, config, store, sandbox_url, out: Path, suffix: str, settle) -> None:  # type: ignore[no-untyped-def]
    """The screens added last: Settings after both connection tests, Close day as a cashier, the Journal's
    all-tills view; ``<screen><suffix>.png`` in ``out``."""
    from klogs_desk.ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(config, store, sandbox_url=sandbox_url, parent=window)
    settings.show()
    await settle()
    await test_both_connections(settings, settle)
    settings.grab().save(str(out / f"settings-tested{suffix}.png"))
    print(out / f"settings-tested{suffix}.png")
    settings.close()
    report = close_day_as_cashier(services, window)
    report.show()
    await settle()
    report.grab().save(str(out / f"close-day-cashier{suffix}.png"))
    print(out / f"close-day-cashier{suffix}.png")
    report.close()
    tab = all_tills_journal(services, config)
    await settle()
    choose_longest_till(tab)
    await settle()
    tab.grab().save(str(out / f"journal-all-tills{suffix}.png"))
    print(out / f"journal-all-tills{suffix}.png")
    tab.close()


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
    parser.add_argument("--more", action="store_true",
                        help="with --language/--dark: also the Close day, tested Settings and all-tills screens")
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
            if args.more:
                suffix = "".join([f"-{args.language}" if args.language and args.language != "en" else ""]
                                 + (["-dark"] if args.dark else []))
                await render_more(window, terminal.services, config, store, sandbox.url, out, suffix, settle)
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
        await render_more(window, terminal.services, config, store, sandbox.url, out, "", settle)

    with loop:
        loop.run_until_complete(render())
        loop.run_until_complete(terminal.runtime.stop())
    window.close()
    sandbox.stop()
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
