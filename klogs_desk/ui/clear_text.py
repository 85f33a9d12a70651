"""What the cashier reads when a gateway address would send in clear text (:class:`ClearTextRefused`).

The refusal itself lives in :class:`klogs_desk.api.client.Endpoints` (one rule for every client); this
module only turns it into a sentence, wherever the UI meets it: at start-up, after Settings, in the
Settings dialog's connection test.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..api.addresses import ClearTextRefused


def insecure_url_title() -> str:
    return QCoreApplication.translate("ClearText", "Insecure gateway address")


def insecure_url_message(refused: ClearTextRefused) -> str:
    """The refusal in words: which address, that nothing was sent, and what to do."""
    return QCoreApplication.translate(
        "ClearText",
        "The gateway address {url} uses plain http:// to another computer, which would send card data and "
        "API secrets in clear text. Nothing was sent. Use an https:// address in File ▸ Settings (plain "
        "http:// is allowed only to this computer).").format(url=refused.url)
