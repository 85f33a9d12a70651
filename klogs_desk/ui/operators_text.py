"""How an operator is named on screen: the status bar, the Operators dialog, the Journal's filter."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.operators import Operator, Role

ROLE_TEXT = {Role.CASHIER: QT_TRANSLATE_NOOP("Operators", "cashier"),
             Role.MANAGER: QT_TRANSLATE_NOOP("Operators", "manager")}


def role_text(role: Role) -> str:
    return QCoreApplication.translate("Operators", ROLE_TEXT[role])


def operator_text(operator: Operator | None) -> str:
    """"Signed in: Mehmet (cashier)", "Signed in: Trainee (training)", or "Nobody signed in"."""
    translate = QCoreApplication.translate
    if operator is None:
        return translate("Operators", "Nobody signed in")
    what = translate("Operators", "training") if operator.training else role_text(operator.role)
    return translate("Operators", "Signed in: {name} ({role})").format(name=operator.name, role=what)
