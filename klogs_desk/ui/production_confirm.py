"""The question asked before the terminal starts in production from the command line.

``klogs-desk --environment production`` never switches silently: :func:`ask_production` shows a modal
question, in the cashier's language, before the window exists (rules in
:func:`klogs_desk.app.apply_environment_argument`).
The safe answer is the default: Enter or Escape keeps the terminal out of production.

Object names: ``productionQuestion``, ``productionSwitch``, ``productionCancel``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def production_question(parent: QWidget | None = None) -> QMessageBox:
    """The question, not yet shown (tests answer it through its buttons)."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Warning, translate("ProductionConfirm", "Start in production?"), translate(
        "ProductionConfirm", "The terminal was started with --environment production. In PRODUCTION every approved "
        "payment charges a real card.\n\nSwitch this terminal to production?"), QMessageBox.StandardButton.NoButton,
        parent)
    box.setObjectName("productionQuestion")
    switch = box.addButton(translate("ProductionConfirm", "Switch to production"), QMessageBox.ButtonRole.AcceptRole)
    switch.setObjectName("productionSwitch")
    cancel = box.addButton(translate("ProductionConfirm", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("productionCancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def ask_production(parent: QWidget | None = None) -> bool:
    """Ask modally; True only when the cashier chose to switch to production."""
    box = production_question(parent)
    box.exec()
    return box.clickedButton() is not None and box.clickedButton().objectName() == "productionSwitch"
