"""Saved cards for the Subscriptions tab's dialogs: what the card-storage webhook told, kept and offered.

:class:`SavedCardsService` is given each verified :class:`~klogs_desk.callbacks.webhooks.CardStorageEvent`
(the listener calls :meth:`SavedCardsService.receive` on the event loop), records it in the
:class:`~klogs_desk.domain.saved_cards.SavedCardBook` under the current environment, writes it to the audit
trail (``card.saved``, operator ``gateway``: nobody at the terminal did it) and emits
:attr:`SavedCardsService.card_saved`; the owner dialog waiting for a card and the dialogs offering cards
listen to it. :meth:`SavedCardsService.credentials` is what the webhook verifier checks signatures with: the
API key and secret of ``services.client`` at the moment the webhook arrives.

Choices where the docs are silent: a card is matched to the owner the dialog registered by ``ownerId`` when
both sides know it, else by phone (:func:`belongs_to`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from ..callbacks.webhooks import CardStorageEvent
from ..domain.saved_cards import SavedCard, SavedCardBook, SavedCardError
from ..messages import Message, msg
from .audit import CARD_SAVED, GATEWAY
from .context import AppServices

log = logging.getLogger(__name__)


def belongs_to(card: SavedCard, *, owner_id: str | None, phone: str | None) -> bool:
    """Whether ``card`` is the card of the owner a dialog registered (``owner_id`` and/or ``phone``)."""
    if owner_id and card.owner_id:
        return card.owner_id == owner_id
    return bool(phone) and card.phone == phone


def card_words(card: SavedCard) -> Message:
    """How a saved card is named to a manager: brand, last four, expiry, owner's phone."""
    return msg("saved-card.choice", brand=card.brand or "?", last_four=card.last_four or "????",
               expiry=card.expiry_text or "?", owner=card.phone or card.owner_id)


class SavedCardsService(QObject):
    """The terminal's saved cards (see the module docstring)."""

    #: A card owner saved a card (a :class:`SavedCard`, already recorded).
    card_saved = Signal(object)

    def __init__(self, services: AppServices, book: SavedCardBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book

    def credentials(self) -> tuple[str, str] | None:
        """``(api_key, api_secret)`` of the client in use, for checking webhook signatures."""
        credentials = getattr(self.services.client, "credentials", None)  # a stand-in client may have none
        if credentials is None or not credentials.api_key:
            return None
        return credentials.api_key, credentials.api_secret

    def receive(self, event: CardStorageEvent) -> None:
        """Record a verified card-storage event and tell who listens."""
        try:
            card = self.book.record(environment=self.services.environment, card_id=event.card_id,
                                    owner_id=event.owner_id, phone=event.phone, brand=event.brand,
                                    last_four=event.last_four, expiry_month=event.expiry_month,
                                    expiry_year=event.expiry_year)
        except SavedCardError:
            log.warning("a card-storage webhook was not kept: it failed the card-data check")
            return
        log.info("card %s saved for owner %s", card.card_id, card.owner_id)
        self.services.audit.record(CARD_SAVED, operator=GATEWAY, details={
            "card_id": card.card_id, "owner_id": card.owner_id, "brand": card.brand, "last_four": card.last_four})
        self.card_saved.emit(card)

    def cards(self, phone: str | None = None) -> list[SavedCard]:
        """The current environment's saved cards, newest first (one phone's when given)."""
        return self.book.cards(self.services.environment, phone)
