"""The terminal's saved-card store: masked facts only, one row per environment and card."""

from __future__ import annotations

import pytest

from klogs_desk.domain.saved_cards import SavedCardBook, SavedCardError

CARD_ID = "9b2f4c1e-8d7a-4e3b-a1c2-d3e4f5a6b7c8"


def test_a_card_told_twice_is_one_row_with_the_later_facts():
    book = SavedCardBook(":memory:")
    book.record(environment="sandbox", card_id=CARD_ID, owner_id="OWN-1", phone="+905551234567")
    book.record(environment="sandbox", card_id=CARD_ID, owner_id="OWN-1", brand="Visa", last_four="1111",
                expiry_month=3, expiry_year=2031)
    [card] = book.cards("sandbox")
    assert (card.phone, card.brand, card.last_four, card.expiry_text) == ("+905551234567", "Visa", "1111", "03/31")
    assert book.cards("test") == []
    assert book.cards("sandbox", phone="+905559999999") == []


@pytest.mark.parametrize("facts", [
    {"last_four": "41111"}, {"last_four": "11a1"},
    {"brand": "4111 1111 1111 1111"}, {"owner_id": "4111111111111111"},
])
def test_anything_card_number_like_is_refused_and_nothing_written(facts):
    book = SavedCardBook(":memory:")
    arguments = {"environment": "sandbox", "card_id": CARD_ID, "owner_id": "OWN-1", **facts}
    with pytest.raises(SavedCardError):
        book.record(**arguments)
    assert book.cards("sandbox") == []


def test_the_file_is_private(tmp_path):
    path = tmp_path / "saved-cards.sqlite3"
    SavedCardBook(path).record(environment="sandbox", card_id=CARD_ID, owner_id="OWN-1", last_four="4444")
    assert path.stat().st_mode & 0o077 == 0


def test_payment_orders_of_a_phone_move_on_from_what_they_waited_for(tmp_path):
    import datetime as dt
    import sqlite3
    from decimal import Decimal

    from klogs_desk.domain.payment_orders import PaymentOrderBook

    path = tmp_path / "payment-orders.sqlite3"
    # A book written before the card-storage flow (no phone column) opens and gains one.
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE payment_orders (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, "
                "environment TEXT NOT NULL, reference TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT NOT NULL, "
                "payment_time TEXT NOT NULL, status TEXT)")
    old.commit()
    old.close()
    book = PaymentOrderBook(path)
    when = dt.datetime(2031, 1, 1, tzinfo=dt.timezone.utc)
    for reference, phone, status in (("A", "+905551110000", "waitForCardSave"),
                                     ("B", "+905551110000", "waitForOwnerConfirmation"),
                                     ("C", "+905552220000", "waitForCardSave")):
        book.record(environment="sandbox", reference=reference, amount=Decimal("1.00"), currency="TRY",
                    payment_time=when, status=status, phone=phone)
    assert book.moved_on("sandbox", "+905551110000", "waitForCardSave") == 1
    statuses = {order.reference: order.status for order in book.orders("sandbox")}
    assert statuses == {"A": "active", "B": "waitForOwnerConfirmation", "C": "waitForCardSave"}
