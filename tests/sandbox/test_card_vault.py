"""The sandbox's card vault: masked cards only, and they survive a restart when the sandbox has a database."""

from __future__ import annotations

import datetime as dt
import uuid

from klogs_desk.domain.cards import find_pans
from klogs_desk.sandbox.card_storage import (
    CARD_NOT_SAVED_ID,
    DOCS_EXAMPLE_CARD_ID,
    CardVault,
    StoredCard,
    card_problem,
    new_card_id,
)

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.timezone.utc)


def test_sessions_and_cards_survive_a_restart(tmp_path):
    path = tmp_path / "sandbox.sqlite3"
    vault = CardVault(path)
    session = vault.open_session("+905551234567", "OWN-00000001", NOW)
    card = StoredCard(new_card_id(), "OWN-00000001", "+905551234567", "Visa", "411111", "1111", 12, 2030, NOW)
    vault.save(session, card)
    vault.close()

    again = CardVault(path)
    assert again.session(session.token).card_id == card.card_id
    assert again.card(card.card_id) == card
    assert again.cards_of("+905551234567") == [card]
    data = path.read_bytes() + (tmp_path / "sandbox.sqlite3-wal").read_bytes()
    assert b"4111111111111111" not in data


def test_which_card_ids_a_phone_may_use():
    vault = CardVault()
    session = vault.open_session("+905551234567", "OWN-00000001", NOW)
    card = StoredCard(new_card_id(), "OWN-00000001", "+905551234567", "Visa", "411111", "1111", 12, 2030, NOW)
    vault.save(session, card)
    assert card_problem(card.card_id, "+905551234567", vault) is None
    assert card_problem(card.card_id, "+905559999999", vault) == "belongs to another card owner"
    assert card_problem(uuid.uuid4(), "+905551234567", vault) == "is not a card saved at this gateway"
    assert card_problem(DOCS_EXAMPLE_CARD_ID, "+905559999999", vault) is None
    assert card_problem(CARD_NOT_SAVED_ID, "+905559999999", vault) is None


def test_card_ids_never_hold_a_card_number():
    assert not any(find_pans(str(new_card_id())) for _ in range(2000))
