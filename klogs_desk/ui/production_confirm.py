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


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProductionConfirm", text)


def production_question(parent: QWidget | None = None) -> QMessageBox:
    """The question, not yet shown (tests answer it through its buttons)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Start in production?"), _tr(
        "The terminal was started with --environment production. In PRODUCTION every approved payment "
        "charges a real card.\n\nSwitch this terminal to production?"), QMessageBox.StandardButton.NoButton,
        parent)
    box.setObjectName("productionQuestion")
    switch = box.addButton(_tr("Switch to production"), QMessageBox.ButtonRole.AcceptRole)
    switch.setObjectName("productionSwitch")
    cancel = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("productionCancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def ask_production(parent: QWidget | None = None) -> bool:
    """Ask modally; True only when the cashier chose to switch to production."""
    box = production_question(parent)
    box.exec()
    return box.clickedButton() is not None and box.clickedButton().objectName() == "productionSwitch"
