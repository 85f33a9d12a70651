"""The sandbox's test cards: declared in :mod:`klogs_desk.domain.test_cards` (the terminal lists them too)."""

from ..domain.test_cards import BY_PAN, TEST_CARDS, CardBehaviour, TestCard, behaviour_of

__all__ = ["BY_PAN", "TEST_CARDS", "CardBehaviour", "TestCard", "behaviour_of"]
