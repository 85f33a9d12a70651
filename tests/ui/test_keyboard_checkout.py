"""A checkout link without the mouse, in the main window against the sandbox: Ctrl+4 puts the cursor in the
amount, Tab walks the form in reading order, Enter creates the link, and a second Enter while the first
is in flight sends nothing more."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from klogs_desk.domain.journal import EntryKind
from tests.ui.test_keyboard_only import window  # noqa: F401 (the main window fixture)


def test_checkout_link_by_keyboard_only(qtbot, window, sandbox):  # noqa: F811
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    tab = window.tabs.currentWidget()
    assert tab.objectName() == "checkoutTab"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.amount, timeout=5_000)

    qtbot.keyClicks(tab.amount, "250.00")
    qtbot.keyClick(tab.amount, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.currency
    qtbot.keyClick(tab.currency, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.description  # Tab follows the form
    qtbot.keyClicks(tab.description, "Espresso machine")
    with qtbot.waitSignal(tab.link_created, timeout=15_000) as created:
        qtbot.keyClick(tab.description, Qt.Key.Key_Return)  # Enter creates
        qtbot.keyClick(tab.description, Qt.Key.Key_Return)  # pressed twice: still one link

    link = created.args[0]
    assert tab.url.text() == link.url and link.url.startswith(sandbox.url)
    assert not tab.qr.isHidden()
    rows = [e for e in window.services.journal.search(kinds=[EntryKind.CHECKOUT])
            if e.reference == link.order_id]
    assert len(rows) == 1
