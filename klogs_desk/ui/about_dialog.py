"""Help ▸ About and Help ▸ Test cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.cards import group_pan
from ..domain.test_cards import TEST_CARDS


class AboutDialog(QDialog):
    """Name, version and what the terminal is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About klogs-desk"))
        text = QLabel(
            "<h2>klogs-desk</h2><p>" + self.tr("Version {version}").format(version=__version__) + "</p><p>"
            + self.tr("Desktop merchant terminal for the Klogs payment gateway: sales, pre-authorizations, "
                      "installments, checkout links, subscriptions, voids and refunds.") + "</p><p>"
            + self.tr("Includes a sandbox gateway for training: no real money moves there.") + "</p>")
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


class TestCardsDialog(QDialog):
    """The sandbox's test cards and what each one does (training mode only)."""

    __test__ = False  # not a pytest class

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testCardsDialog")
        self.setWindowTitle(self.tr("Sandbox test cards"))
        intro = QLabel(self.tr("Training mode only. Use any future expiry date and any 3-digit CVV."))
        intro.setWordWrap(True)
        table = QTableWidget(len(TEST_CARDS), 3)
        table.setObjectName("testCardsTable")
        table.setAccessibleName(self.tr("Sandbox test cards"))
        table.setHorizontalHeaderLabels([self.tr("Card number"), self.tr("Brand"), self.tr("What happens")])
        for row, card in enumerate(TEST_CARDS):
            for column, text in enumerate((group_pan(card.pan), card.brand, card.behaviour.value)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(640, 380)
