"""Render every tab and dialog under a real X server and fail when text does not fit its box.

    .venv/bin/python scripts/check_text_fit.py [--out DIR] [--languages en tr] [--scales 1 1.5]

Starts its own ``Xvfb`` (``-displayfd``: a free display number, nothing shared with the desktop) and, per
language and scale, a child process with ``DISPLAY`` set, ``QT_QPA_PLATFORM=xcb`` and ``QT_SCALE_FACTOR``.
The child opens the terminal on the embedded sandbox (throw-away app home), makes one approved sale, then
shows each tab and each dialog in the state with the most text (Settings with the keyring warning and both
connection-test results, Close day as a cashier, the Journal's all-tills view with its longest till chosen
(render_screens.py's stand-in shop), the request dialogs with every field error, the lock screen, the
refund, PIN, record-outcome and details dialogs, the receipt preview, About and Test cards) and walks every
visible QLabel, button, check box, drop-down, group box title and tab. A problem is:

* **does not fit**: the text's bounding box (font metrics; wrapped to the label's width for word-wrapped
  labels, a QTextDocument for rich text) is larger than the widget's contents rectangle, a button or group
  box is narrower than its text, a drop-down's chosen item is wider than its field, or a tab's text is
  elided;
* **overlaps**: two visible sibling widgets' geometries intersect;
* **outside**: a widget sticks out of its parent (cut off by the window's edge);
* **widened**: the main window grew wider than it was set (a long status line pushed it).

Each screen is saved as ``<language>-<scale>-<screen>.png`` in ``--out`` (default ``$KLOGS_SCREENS_DIR``,
else a new temporary folder); CI keeps that folder (``.ci/run`` sets ``ci-artifacts/screens/``). Exit 0 when
everything fits, 1 with one line per problem, 2 when Xvfb is missing (with the line that installs it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The Debian/Ubuntu line that installs the X server and the libraries Qt's xcb platform plugin needs.
INSTALL_LINE = ("sudo apt-get install -y xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 "
                "libxcb-render-util0 libxkbcommon-x11-0 fonts-dejavu-core")
PROBLEM_PREFIX = "TEXT-FIT "


# --- the checks (run inside the child, on live widgets) ----------------------------------------------------

def problems_in(top, screen: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text that does not fit, and every overlap between visible siblings, under ``top``."""
    from PySide6.QtWidgets import QWidget

    found: list[str] = []
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or (widget is not top and widget.isWindow()):
            continue
        problem = _text_problem(widget)
        if problem:
            found.append(f"{screen}: {_name(widget)} does not fit: {problem}")
        found.extend(f"{screen}: {line}" for line in _layout_problems(widget))
    return found


def _name(widget) -> str:  # type: ignore[no-untyped-def]
    text = ""
    for attribute in ("text", "title", "currentText"):
        getter = getattr(widget, attribute, None)
        if callable(getter):
            try:
                text = getter()
            except TypeError:
                continue
            if isinstance(text, str):
                break
            text = ""
    text = text.replace("\n", " ")
    short = text if len(text) <= 60 else text[:57] + "…"
    return f"{type(widget).__name__}#{widget.objectName() or '?'} {short!r}"


def _text_problem(widget) -> str | None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTabBar

    if isinstance(widget, QComboBox):
        return _combo_problem(widget)
    if isinstance(widget, QLineEdit):
        return _placeholder_problem(widget)
    if isinstance(widget, QLabel):
        return _label_problem(widget)
    if isinstance(widget, QAbstractButton):
        return _button_problem(widget)
    if isinstance(widget, QGroupBox):
        return _group_problem(widget)
    if isinstance(widget, QTabBar):
        return _tab_problem(widget)
    return None


def _label_problem(label) -> str | None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect
    from PySide6.QtGui import Qt, QTextDocument  # QtGui's Qt adds mightBeRichText

    if label.property("elidesText"):  # draws its text elided itself, full text in the tooltip
        return None if label.toolTip() == label.text() else "elided without the full text as tooltip"
    text = label.text()
    if not text or not label.pixmap().isNull() or label.hasScaledContents():
        return None
    box = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    if label.indent() > 0:
        box.adjust(label.indent(), 0, 0, 0)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text))
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(box.width())
        needed_w, needed_h = document.idealWidth(), document.size().height()
    else:
        flags = int(Qt.TextFlag.TextShowMnemonic) | (int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0)
        width = box.width() if label.wordWrap() else 100_000
        needed = label.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), flags, text)
        needed_w, needed_h = needed.width(), needed.height()
    if needed_w > box.width() + 1 or needed_h > box.height() + 1:
        return f"needs {needed_w:.0f}x{needed_h:.0f}, has {box.width()}x{box.height()}"
    return None


def _combo_problem(combo) -> str | None:  # type: ignore[no-untyped-def]
    """A closed drop-down shows its chosen item, elided by Qt when its field is too narrow: a filter's choice
    ("Kasa 2 – Bahçe girişi") must show whole. An editable one is its line edit (checked as one)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    text = combo.currentText()
    if combo.isEditable() or not text:
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > field.width():
        return f"chosen item {text!r} needs {needed} wide, has {field.width()}"
    return None


def _placeholder_problem(edit) -> str | None:  # type: ignore[no-untyped-def]
    """An empty field's placeholder is its label for the cashier ("Order ID or card last 4"): it must show whole."""
    text = edit.placeholderText()
    if not text or edit.text() or edit.isReadOnly() and not edit.isEnabled():
        return None
    margins = edit.textMargins()
    room = edit.width() - 8 - margins.left() - margins.right()  # frame and Qt's own 2 px margin, both sides
    needed = edit.fontMetrics().horizontalAdvance(text)
    if needed > room:
        return f"placeholder {text!r} needs {needed} wide, has {room}"
    return None


def _button_problem(button) -> str | None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QToolButton

    if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly \
            and not button.icon().isNull():
        return None  # the text is its tooltip
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    metrics = button.fontMetrics()
    needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    if isinstance(button, (QCheckBox, QRadioButton)):
        needed += button.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, button) + \
            button.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
        needed = min(needed, button.sizeHint().width())
    else:
        needed += 2 * button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button) // 2
    if needed > button.width() + 1:
        return f"needs {needed} wide, has {button.width()}"
    return None


def _group_problem(group) -> str | None:  # type: ignore[no-untyped-def]
    title = group.title().replace("&", "")
    if not title:
        return None
    needed = group.fontMetrics().horizontalAdvance(title) + 16
    if needed > group.width():
        return f"title needs {needed} wide, has {group.width()}"
    return None


def _tab_problem(bar) -> str | None:  # type: ignore[no-untyped-def]
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        want, have = bar.tabSizeHint(index).width(), bar.tabRect(index).width()
        if have + 1 < want:
            return f"tab {bar.tabText(index)!r} elided ({have} of {want})"
    return None


def columns_off_screen(table) -> list[str]:  # type: ignore[no-untyped-def]
    """Every column shown in ``table`` (a QTableView) that ends beyond its viewport: scrolled off the right
    edge, where a cashier does not see it."""
    from PySide6.QtCore import Qt

    header, width, model = table.horizontalHeader(), table.viewport().width(), table.model()
    found = []
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        if right > width + 1:
            title = model.headerData(column, Qt.Orientation.Horizontal)
            found.append(f"{table.objectName()}: the {title!r} column ends at {right} px, off the table's {width} px")
    return found


#: Widgets whose geometry is compared with their siblings'.
def _boxes(widget) -> list:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QProgressBar,
        QTextEdit,
        QWidget,
    )

    kinds = (QLabel, QAbstractButton, QAbstractSpinBox, QComboBox, QGroupBox, QLineEdit, QPlainTextEdit,
             QProgressBar, QTextEdit)
    return [child for child in widget.findChildren(QWidget, options=_direct())
            if isinstance(child, kinds) and child.isVisible() and not child.isWindow()
            and child.width() > 0 and child.height() > 0]


def _direct():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _layout_problems(widget) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractScrollArea

    found = []
    boxes = _boxes(widget)
    for i, first in enumerate(boxes):
        for second in boxes[i + 1:]:
            overlap = first.geometry().intersected(second.geometry())
            if overlap.width() > 1 and overlap.height() > 1:
                found.append(f"{_name(first)} overlaps {_name(second)}")
    if not isinstance(widget.parentWidget(), QAbstractScrollArea):  # scrolled content may stick out
        inside = widget.rect().adjusted(-1, -1, 1, 1)
        for child in boxes:
            if not inside.contains(child.geometry()):
                found.append(f"{_name(child)} is cut off by the edge of {_name(widget)}")
    return found


# --- the child: one language at one scale ------------------------------------------------------------------

def run_child(language: str, out: Path) -> list[str]:
    """Open the terminal, show every screen, check and save each; the problems found."""
    import asyncio

    import keyring
    import qasync
    from keyring.backends import fail
    from PySide6.QtCore import QCoreApplication, QUrl
    from PySide6.QtWidgets import QApplication
    from render_screens import (  # this script's folder is on sys.path (run as a script)
        all_tills_journal,
        approved_sale,
        choose_longest_till,
        close_day_as_cashier,
        open_training_terminal,
        test_both_connections,
    )

    from klogs_desk import i18n, paths
    from klogs_desk.api.models.recurring import OperationResult
    from klogs_desk.callbacks import CardStorageEvent
    from klogs_desk.credentials import CredentialStore
    from klogs_desk.ui.about_dialog import AboutDialog, TestCardsDialog
    from klogs_desk.ui.async_runner import RUNNER
    from klogs_desk.ui.lock_screen import IDLE, LockScreen
    from klogs_desk.ui.receipt import ReceiptPrinter
    from klogs_desk.ui.settings_dialog import SettingsDialog
    from klogs_desk.ui.subscription_dialogs import (
        CreateSubscriptionDialog,
        EditSubscriptionDialog,
        OwnerDialog,
        PaymentOrderDialog,
    )
    from klogs_desk.ui.theme import install_accent_safe_style
    from klogs_desk.ui.transaction_dialogs import (
        ManagerPinDialog,
        RecordOutcomeDialog,
        RefundDialog,
        TransactionDetailsDialog,
    )

    app = QApplication(sys.argv[:1])
    i18n.install(language, app)
    install_accent_safe_style(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    keyring.set_keyring(fail.Keyring())  # Settings then shows the "no keyring" warning
    terminal, sandbox, config, store = open_training_terminal()
    services, journal, window = terminal.services, terminal.services.journal, terminal.window
    problems: list[str] = []
    scale = os.environ.get("QT_SCALE_FACTOR", "1")

    async def settle() -> None:
        for _ in range(60):
            await asyncio.sleep(0.05)
            if RUNNER.running == 0:
                break
        await asyncio.sleep(0.15)

    def check(widget, screen: str) -> None:  # type: ignore[no-untyped-def]
        widget.grab().save(str(out / f"{language}-{scale}-{screen}.png"))
        problems.extend(problems_in(widget, f"{language} {scale}x {screen}"))

    async def dialog(widget, screen: str, prepare=None) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        await settle()
        if prepare is not None:
            prepare(widget)
            await settle()
        check(widget, screen)
        widget.close()

    async def journal_at_1100(tab) -> None:  # type: ignore[no-untyped-def]
        """The Journal with its widest rows (a link waiting for the customer, a Mastercard, a refund a
        manager approved) in a 1100 px window: every column shown must be on screen, Operator included."""
        from decimal import Decimal

        from klogs_desk.domain.journal import EntryKind, EntryState
        from klogs_desk.ui.journal_model import JournalColumn

        link = journal.record_pending(environment="sandbox", kind=EntryKind.CHECKOUT, reference="FIT-LINK-0001",
                                      amount=Decimal("12345.67"), currency="TRY")
        journal.record_outcome(link.id, EntryState.AWAITING_CUSTOMER)
        sale = journal.record_pending(environment="sandbox", kind=EntryKind.PREAUTH, reference="FIT-PREAUTH-0001",
                                      amount=Decimal("9876.54"), currency="TRY", masked_pan="542119******0656",
                                      card_brand="Mastercard")
        journal.record_outcome(sale.id, EntryState.APPROVED, auth_code="A1B2C3")
        refund = journal.record_pending(environment="sandbox", kind=EntryKind.REFUND, reference="FIT-PREAUTH-0001",
                                        amount=Decimal("10.00"), currency="TRY", parent_id=sale.id,
                                        operator="Mehmet Yılmaz", approved_by="Ayşe Öztürk")
        journal.record_outcome(refund.id, EntryState.APPROVED)
        window.show_page(tab)
        window.resize(1100, window.height())
        tab.refresh()
        await settle()
        check(window, "journal-1100")
        screen = f"{language} {scale}x journal-1100"
        if window.width() > 1100:
            problems.append(f"{screen}: the window cannot be 1100 px wide (its least is {window.width()} px)")
        problems.extend(f"{screen}: {line}" for line in columns_off_screen(tab.table))
        if tab.table.isColumnHidden(JournalColumn.OPERATOR):
            problems.append(f"{screen}: the Operator column is hidden")

    async def run() -> None:
        await settle()
        width = window.width()
        await approved_sale(window, language)
        await settle()
        for page in window.pages:
            window.show_page(page.widget)
            await settle()
            check(window, page.spec.key)
        journal_page = next(page for page in window.pages if page.spec.key == "journal")
        window.show_page(journal_page.widget)
        status = journal_page.widget.status_label
        long_folder = paths.receipts_dir() / ("a-very-long-folder-name-" * 6)
        status.set_link(QCoreApplication.translate("Receipt", "Receipt saved to {path}").format(
            path=long_folder / "sale-KD-20261202-000001-1.pdf"), QUrl.fromLocalFile(str(long_folder)))
        await settle()
        check(window, "journal-long-status")
        if window.width() > width:
            problems.append(f"{language} {scale}x journal-long-status: the window grew from {width} to "
                            f"{window.width()} px for a status line")

        await journal_at_1100(journal_page.widget)

        no_keyring = CredentialStore(session_only=False)  # the fail keyring: the warning and the choice show
        settings = SettingsDialog(config, no_keyring, sandbox_url=sandbox.url, parent=window)
        settings.show()
        await settle()
        combo = settings.environment_combo
        combo.setCurrentIndex(combo.findData("test"))  # its credentials are read: the keyring warning shows
        combo.setCurrentIndex(combo.findData("sandbox"))
        await settle()
        await test_both_connections(settings, settle)  # both results shown, the shop's a refusal in words
        await dialog(settings, "settings")
        await dialog(close_day_as_cashier(services, window), "close-day-cashier")
        all_tills = all_tills_journal(services, config)
        await settle()
        choose_longest_till(all_tills)
        await dialog(all_tills, "journal-all-tills")
        await dialog(AboutDialog(window), "about")
        await dialog(TestCardsDialog(window), "test-cards")

        async def never(_request):  # type: ignore[no-untyped-def]
            raise AssertionError("nothing is sent while checking text")

        def bad_phone(owner) -> None:  # type: ignore[no-untyped-def]
            owner.fields["phone"].setText("0555 123 45 67 x")
            owner.submit()

        await dialog(OwnerDialog(never, window), "owner", bad_phone)
        # Waiting for the card (the sandbox's link and QR code), then the card saved and offered.
        saved_cards = terminal.saved_cards
        owner = OwnerDialog(never, window, saved_cards=saved_cards)

        def waiting(owner) -> None:  # type: ignore[no-untyped-def]
            owner.fields["phone"].setText("+905321234567")
            owner.build_request()
            owner._on_success(OperationResult(success=True, owner_id="OWN-12345678",
                                              card_storage_url=f"{sandbox.reserve()}/card-storage/{'x' * 32}"))

        await dialog(owner, "owner-waiting", waiting)
        owner = OwnerDialog(never, window, saved_cards=saved_cards)

        def saved(owner) -> None:  # type: ignore[no-untyped-def]
            waiting(owner)
            saved_cards.receive(CardStorageEvent(card_id="9b2f4c1e-8d7a-4e3b-a1c2-d3e4f5a6b7c8",
                                                 owner_id="OWN-12345678", storage_type="owner", phone="+905321234567",
                                                 brand="Mastercard", last_four="4444", expiry_month=11,
                                                 expiry_year=2031))

        await dialog(owner, "owner-card-saved", saved)
        await dialog(PaymentOrderDialog(never, window, saved_cards=saved_cards), "payment-order",
                     lambda d: d.submit())
        await dialog(CreateSubscriptionDialog(never, window, saved_cards=saved_cards), "subscription-create",
                     lambda d: (d.fields["ownerDescription.cardId"].choose("9b2f4c1e-8d7a-4e3b-a1c2-d3e4f5a6b7c8"),
                                d.submit()))
        await dialog(EditSubscriptionDialog(never, None, window), "subscription-edit")

        entry = journal.get(1)  # the approved sale
        if True:
            await dialog(RefundDialog(entry, lambda amount: amount, window), "refund",
                         lambda d: (d.amount_edit.setText("x"), d.try_accept()))
            await dialog(ManagerPinDialog(f"Void {entry.reference}", window), "manager-pin",
                         lambda d: d.try_accept())
            await dialog(RecordOutcomeDialog(entry, window), "record-outcome", lambda d: d.try_accept())
            await dialog(TransactionDetailsDialog(entry, None, "No answer.", [], window), "details")
            printer_dialog = ReceiptPrinter(services, window, config=config)
            from PySide6.QtPrintSupport import QPrinter

            printer = QPrinter()  # kept alive while the preview uses it
            preview = printer_dialog.preview_dialog(printer, lambda target: printer_dialog.document(entry).print_(target),
                                                    entry)
            preview.resize(800, 600)
            await dialog(preview, "receipt-preview")
        lock = LockScreen(window)
        lock.set_reason(IDLE, training=True)  # the wordiest state: idle, with the training offer
        lock.setGeometry(window.rect())
        lock.show()
        lock.raise_()
        lock.show_error(lock.tr("Wrong PIN."))
        await settle()
        check(lock, "lock-screen")
        lock.close()

    async def main() -> None:
        try:
            await run()
        finally:
            await terminal.runtime.stop()

    with loop:
        loop.run_until_complete(main())
    window.close()
    sandbox.stop()
    journal.close()
    return problems


# --- the parent: Xvfb and one child per language and scale -------------------------------------------------

def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A private Xvfb on a display number it picks itself; ``(process, ":N")``."""
    read, write = os.pipe()
    process = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "2400x1600x24", "-nolisten", "tcp"],
                               pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        process.kill()
        raise RuntimeError("Xvfb did not start")
    return process, f":{number}"


def check_all(out: Path, languages: list[str], scales: list[str]) -> tuple[int, list[str]]:
    """``(exit code, problems)``; exit 2 when Xvfb is missing."""
    if shutil.which("Xvfb") is None:
        return 2, [f"Xvfb is not installed; install it with: {INSTALL_LINE}"]
    out.mkdir(parents=True, exist_ok=True)
    xvfb, display = start_xvfb()
    problems: list[str] = []
    children: list[tuple[str, str, subprocess.Popen]] = []
    try:
        # One child per language and scale, all at once: each renders its own windows with grab() (not a
        # screen grab), so windows of the others on the same display cannot show in its PNGs, and each
        # spends much of its time waiting for screens to settle. Together they take about half as long.
        for language in languages:
            for scale in scales:
                # Each child's app home inside the caller's (the test run's, which the card-data scan reads).
                home = tempfile.mkdtemp(prefix="klogs-desk-fit-", dir=os.environ.get("KLOGS_DESK_HOME"))
                env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale,
                           KLOGS_DESK_HOME=home, LANG="C.UTF-8")
                env.pop("WAYLAND_DISPLAY", None)
                if hasattr(os, "geteuid") and os.geteuid() == 0:
                    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
                child = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", language,
                                          "--out", str(out)], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True)
                children.append((language, scale, child))
        deadline = time.monotonic() + 300
        for language, scale, child in children:
            try:
                stdout, stderr = child.communicate(timeout=max(1.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                stdout, stderr = child.communicate()
                problems.append(f"{language} {scale}x: the check did not finish in 300 s")
            lines = [line[len(PROBLEM_PREFIX):] for line in stdout.splitlines() if line.startswith(PROBLEM_PREFIX)]
            problems.extend(json.loads(line) for line in lines)
            if child.returncode != 0:
                problems.append(f"{language} {scale}x: the check itself failed (exit {child.returncode}):\n"
                                + stderr[-3000:])
    finally:
        for _language, _scale, child in children:
            if child.poll() is None:
                child.kill()
                child.wait(10)
        xvfb.terminate()
        xvfb.wait(10)
    return (1 if problems else 0), problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="where the PNGs go (default $KLOGS_SCREENS_DIR)")
    parser.add_argument("--languages", nargs="+", default=["en", "tr"])
    parser.add_argument("--scales", nargs="+", default=["1", "1.5"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = args.out or Path(os.environ.get("KLOGS_SCREENS_DIR") or tempfile.mkdtemp(prefix="klogs-desk-screens-"))
    if args.child:
        sys.path.insert(0, str(ROOT))
        for problem in run_child(args.child, out):
            print(PROBLEM_PREFIX + json.dumps(problem, ensure_ascii=False), flush=True)
        return 0
    code, problems = check_all(out, args.languages, args.scales)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s); screens in {out}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
