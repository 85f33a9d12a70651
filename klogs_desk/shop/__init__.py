"""The shop database: one journal, one audit trail and one staff list for many tills, on PostgreSQL.

No Qt here (``tests/test_layers.py``). Each till keeps writing its own SQLite files first, exactly as
without a shop database; this package only *copies* what they hold to PostgreSQL afterwards and reads the
shop's view back:

* :mod:`.settings` — the connection (host, database, user, password from the keyring, TLS unless loopback)
  and the till's name.
* :mod:`.schema` — the PostgreSQL schema, created and migrated by the terminal (``schema_migrations``).
* :mod:`.outbox` — the till's side: the outbox tables and triggers in the local SQLite files (so an outbox
  row is written in the same transaction as the journal row it copies), read and trimmed by the pusher on
  connections of its own.
* :mod:`.server` — the PostgreSQL side: idempotent pushes, the shop's journal, operators, day figures,
  the per-till audit chain check.
* :mod:`.sync` — :class:`ShopSync`, the background pusher with its backoff and its "records waiting" count.
"""
