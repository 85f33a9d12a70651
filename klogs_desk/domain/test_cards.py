"""The sandbox's test cards: what each one does. Any future expiry and any CVV work.

Here, below both, because the sandbox's issuer acts on them and the terminal's Help ▸ Test cards lists
them (``klogs_desk.sandbox.test_cards`` re-exports this module). No Qt, no HTTP.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class CardBehaviour(enum.Enum):
    APPROVE = "approved"
    DECLINE_DO_NOT_HONOUR = "declined: do not honour"
    DECLINE_INSUFFICIENT_FUNDS = "declined: insufficient funds"
    THREE_DS_REQUIRED = "3-D Secure required (challenge succeeds)"
    THREE_DS_FAILS = "3-D Secure challenge fails"
    GATEWAY_ERROR = "gateway error (5xx)"
    NEVER_ANSWERS = "never answers in time, then recorded as approved"


@dataclass(frozen=True)
class TestCard:
    __test__ = False  # not a pytest class

    pan: str
    brand: str
    behaviour: CardBehaviour


TEST_CARDS: tuple[TestCard, ...] = (
    TestCard("4111111111111111", "Visa", CardBehaviour.APPROVE),
    TestCard("5421190122090656", "Mastercard", CardBehaviour.APPROVE),
    TestCard("9792030000000000", "Troy", CardBehaviour.APPROVE),
    TestCard("4000000000000002", "Visa", CardBehaviour.DECLINE_DO_NOT_HONOUR),
    TestCard("4000000000009995", "Visa", CardBehaviour.DECLINE_INSUFFICIENT_FUNDS),
    TestCard("4000000000003220", "Visa", CardBehaviour.THREE_DS_REQUIRED),
    TestCard("4000000000003238", "Visa", CardBehaviour.THREE_DS_FAILS),
    TestCard("4000000000000119", "Visa", CardBehaviour.GATEWAY_ERROR),
    TestCard("4000000000000341", "Visa", CardBehaviour.NEVER_ANSWERS),
)

BY_PAN: dict[str, TestCard] = {card.pan: card for card in TEST_CARDS}


def behaviour_of(pan: str) -> CardBehaviour:
    """Any other Luhn-valid card is approved."""
    card = BY_PAN.get(pan)
    return card.behaviour if card else CardBehaviour.APPROVE
