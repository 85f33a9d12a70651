"""No card data at rest: after the whole suite ran, nothing the app wrote holds a full card number or a CVV.

In a run of one process it runs last (tests/conftest.py puts the ``card_scan`` tests at the end). Under
pytest-xdist (``-n``) it is left out of the run and runs right after it as its own step,
``pytest --scan-last-run tests/test_zz_card_data_at_rest.py`` (the README's test command), since only after
every worker has finished is everything written. Either way it reads the run's folder (tests/conftest.py):
every test process's ``KLOGS_DESK_HOME`` (journals with their ``-wal``/``-shm``, settings.ini, logs, receipt
PDFs with their compressed streams inflated, web engine storage, anything else the app made there), pytest's
own temporary folders (the journals tests keep in ``tmp_path``) and each process's keyring entries at its
end. It fails when that folder holds nothing to scan (no run before a scan-only step, or a test process
that left nothing behind).

What is looked for:

* every test card number: the sandbox's test cards plus every Luhn-valid 13-19 digit number written in the
  test sources (Amex and friends), as digits with or without spaces or dashes between them, in UTF-8 or
  UTF-16 text;
* every CVV the tests typed, but only next to a ``cvv`` key or parameter (``"cvv": "123"``, ``cvv=123``),
  since three digits alone occur everywhere.

The scanner is first shown to find planted card data (plain, grouped, UTF-16, inside a compressed PDF
stream, a CVV in JSON), so a scan that finds nothing means something.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from klogs_desk.domain.cards import luhn_valid
from klogs_desk.sandbox.test_cards import TEST_CARDS

#: Also selected by the soak step of `.ci/run` (``-m "soak or card_scan"``), so it scans what the soak wrote.
pytestmark = pytest.mark.card_scan

TESTS = Path(__file__).resolve().parent
_DIGIT_RUN = re.compile(r"(?<![\d.])\d{13,19}(?![\d.])")
_CVV_IN_SOURCE = re.compile(
    r"""cvv\w*["']?\s*(?:[:=,]|\bstr\s*=)\s*["'](\d{3,4})["']|cvv\w*\s*\(\s*["'](\d{3,4})["']"""
    r"""|\.cvv,\s*["'](\d{3,4})["']""", re.IGNORECASE)
_CVV_IN_DATA = re.compile(rb"""cvv\w{0,3}["'\s:=]{1,6}(\d{3,4})(?!\d)""", re.IGNORECASE)
_SEPARATOR_BETWEEN_DIGITS = re.compile(rb"(?<=\d)[ \-](?=\d)")
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def card_numbers_in_tests() -> set[str]:
    """The sandbox's test cards and every Luhn-valid card-length number in the test sources."""
    numbers = {card.pan for card in TEST_CARDS}
    for source in TESTS.rglob("*.py"):
        for match in _DIGIT_RUN.finditer(source.read_text(encoding="utf-8")):
            if luhn_valid(match.group()) and not set(match.group()) <= {"0"}:
                numbers.add(match.group())
    return numbers


def cvvs_in_tests() -> set[str]:
    found: set[str] = set()
    for source in TESTS.rglob("*.py"):
        for match in _CVV_IN_SOURCE.finditer(source.read_text(encoding="utf-8")):
            found.update(g for g in match.groups() if g)
    return found


@dataclass(frozen=True)
class Hit:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def readable_forms(data: bytes) -> list[bytes]:
    """``data`` as written, as UTF-16 text with the zero bytes gone, and each inflated PDF stream."""
    forms = [data]
    if b"\x00" in data:
        forms.append(data.replace(b"\x00", b""))
    if data.startswith(b"%PDF"):
        for stream in _PDF_STREAM.finditer(data):
            try:
                forms.append(zlib.decompress(stream.group(1)))
            except zlib.error:
                pass  # not a Flate stream (or an image): the raw bytes were scanned already
    return forms


class CardDataScanner:
    def __init__(self, pans: set[str], cvvs: set[str]) -> None:
        self.pans = sorted(pans)
        self.cvvs = {c.encode() for c in cvvs}

    def scan_bytes(self, data: bytes, where: str) -> list[Hit]:
        hits: list[Hit] = []
        for form in readable_forms(data):
            squeezed = _SEPARATOR_BETWEEN_DIGITS.sub(b"", form)
            for pan in self.pans:
                if pan.encode() in squeezed:
                    hits.append(Hit(where, f"card number {pan[:6]}…{pan[-4:]}"))
            for match in _CVV_IN_DATA.finditer(form):
                if match.group(1) in self.cvvs:
                    hits.append(Hit(where, f"CVV next to {match.group(0)[:4]!r}"))
        return hits

    def scan_text(self, text: str, where: str) -> list[Hit]:
        return self.scan_bytes(text.encode("utf-8"), where)

    def scan_tree(self, root: Path) -> tuple[int, list[Hit]]:
        """(files read, hits) for every file under ``root``."""
        files, hits = 0, []
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # a socket or a file removed meanwhile
            files += 1
            hits += self.scan_bytes(data, str(path))
        return files, hits


@pytest.fixture(scope="module")
def scanner() -> CardDataScanner:
    return CardDataScanner(card_numbers_in_tests(), cvvs_in_tests())


def test_the_scanner_knows_the_cards_and_cvvs_the_tests_used(scanner):
    assert {"4111111111111111", "4000000000000341", "378282246310005", "5421190122090656"} <= set(scanner.pans)
    assert {b"123", b"916", b"739", b"7391"} <= scanner.cvvs


def test_the_scanner_finds_planted_card_data(scanner, tmp_path):
    (tmp_path / "plain.log").write_text("paid with 4111111111111111 today")
    (tmp_path / "grouped.txt").write_text("card 3782 822463 10005 ok")
    (tmp_path / "utf16.ini").write_bytes("pan=5421-1901-2209-0656".encode("utf-16-le"))
    (tmp_path / "request.json").write_text('{"orderId": "A-1", "cvv": "916"}')
    inflated = zlib.compress(b"BT (Card 4000 0000 0000 0341) Tj ET")
    (tmp_path / "receipt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<</Filter/FlateDecode>>stream\n" + inflated
                                           + b"\nendstream endobj")
    (tmp_path / "clean.txt").write_text("masked 411111******1111, order 20261126123456789, cvv=***")

    files, hits = scanner.scan_tree(tmp_path)

    assert files == 6
    hit_files = {Path(h.where).name for h in hits}
    assert hit_files == {"plain.log", "grouped.txt", "utf16.ini", "request.json", "receipt.pdf"}, hits


def test_sale_tab_after_a_result_shows_no_full_card_number(qtbot, event_loop_qt, sandbox, app_home, scanner):
    """A grab of the Sale tab after an approved sale (saved, and looked at), and everything it displays."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTextEdit, QWidget

    from klogs_desk.callbacks import CallbackListener
    from klogs_desk.domain.journal import Journal
    from klogs_desk.services.context import AppServices
    from klogs_desk.services.three_d_secure import ThreeDSecureService
    from klogs_desk.ui.async_runner import RUNNER
    from klogs_desk.ui.sale_tab import SaleTab
    from tests.conftest import make_client

    journal = Journal(app_home / "zz-sale-journal.sqlite3")
    client = make_client(sandbox, timeout=10)
    services = AppServices(client=client, journal=journal)
    # As the app builds it: with its 3-D Secure switch (the listener starts only on a 3-D Secure sale).
    tab = SaleTab(services, three_d_secure=ThreeDSecureService(services, CallbackListener()))
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.keyClicks(tab.form.amount, "310.75")
    qtbot.keyClicks(tab.form.holder, "Ayse Yilmaz")
    qtbot.keyClicks(tab.form.pan, "378282246310005")
    qtbot.keyClicks(tab.form.expiry, "1139")
    qtbot.keyClicks(tab.form.cvv, "7391")
    with qtbot.waitSignal(tab.payment_finished, timeout=15_000) as finished:
        qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].state.value == "approved"
    qtbot.waitUntil(lambda: RUNNER.running == 0)
    tab.grab().save(str(app_home / "zz-sale-after-result.png"))

    shown: list[str] = []
    for widget in [tab, *tab.findChildren(QWidget)]:
        shown += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.statusTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            shown.append(widget.text())
        elif isinstance(widget, QLineEdit):
            shown += [widget.text(), widget.displayText(), widget.placeholderText()]
        elif isinstance(widget, QTextEdit):
            shown.append(widget.toPlainText())
    result_texts = [w.text() for w in tab.result.findChildren(QLabel) if w.text()]
    assert any("378282" in text for text in result_texts), "the result panel shows the masked card"
    assert not scanner.scan_text("\n".join(shown), "Sale tab"), [t for t in shown if "3782" in t]
    closing = event_loop_qt.create_task(client.aclose())
    qtbot.waitUntil(closing.done)
    journal.close()


def test_nothing_the_app_wrote_holds_card_data(scanner, test_run_folder, last_test_run_folder, tmp_path_factory,
                                              request):
    """The scan of everything (runs last in the session, or as the step after a run with -n)."""
    import keyring

    scan_only = request.config.getoption("scan_last_run")
    if scan_only:
        assert last_test_run_folder is not None and (last_test_run_folder / "finished").is_file(), (
            f"no finished test run to scan ({last_test_run_folder}): run the tests first (README)")
        own_files, own_hits = ((0, []) if last_test_run_folder == test_run_folder
                               else scanner.scan_tree(test_run_folder))  # this step's own sale
        test_run_folder = last_test_run_folder
    else:
        own_files, own_hits = 0, []
    homes = sorted(test_run_folder.glob("home-*"))
    files, hits = scanner.scan_tree(test_run_folder)
    files, hits = files + own_files, hits + own_hits
    home_files = sum(1 for home in homes for p in home.rglob("*") if p.is_file())
    basetemp = tmp_path_factory.getbasetemp()
    more_files, more_hits = ((0, []) if basetemp.is_relative_to(test_run_folder) or scan_only
                             else scanner.scan_tree(basetemp))
    # Every process that ran tests left its keyring's entries (a file, scanned above) and wrote something.
    workers = sorted(p.name.removeprefix("keyring-").removesuffix(".txt")
                     for p in test_run_folder.glob("keyring-*.txt"))
    silent = [w for w in workers
              if not any(p.is_file() for place in (test_run_folder / f"home-{w}", test_run_folder / "tmp" / f"popen-{w}")
                         for p in place.rglob("*"))]
    backend = keyring.get_keyring()
    entries = getattr(backend, "entries", {})
    keyring_hits = [hit for (service, user), secret in entries.items()
                    for hit in scanner.scan_text(f"{service} {user} {secret}", f"keyring {service}/{user}")]
    everything = [h for h in hits + more_hits if "test_the_scanner_finds_plant" not in h.where] + keyring_hits
    print(f"\ncard-data scan of {test_run_folder}: {files} files ({home_files} in {len(homes)} app homes), "
          f"{more_files} more under pytest's temp folders, {len(entries)} keyring entries here and the "
          f"keyrings of {len(workers)} finished test processes; {len(scanner.pans)} card numbers and "
          f"{len(scanner.cvvs)} CVVs looked for; hits: {len(everything)}")
    assert home_files > 0, f"no app home under {test_run_folder} holds a file: nothing to scan"
    assert not silent, f"test processes that left nothing to scan: {silent}"
    if scan_only:
        assert workers, f"no test process of the last run left its keyring in {test_run_folder}"
    assert not everything, "\n".join(map(str, everything))
