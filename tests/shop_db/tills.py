"""A till's files (journal, audit trail, staff) in its own app home, for the shop-database tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from klogs_desk.domain.audit import AuditLog
from klogs_desk.domain.journal import Journal
from klogs_desk.domain.operators import OperatorStore
from klogs_desk.shop.outbox import LocalTill, enable_journal_outbox, enable_staff_outbox
from klogs_desk.shop.settings import ShopSettings
from klogs_desk.shop.sync import ShopSync
from tests.shop_db.pg_server import DATABASE, PASSWORD, USER, PostgresServer


def shop_settings(server: PostgresServer, till: str, *, port: int | None = None) -> ShopSettings:
    return ShopSettings(host="127.0.0.1", port=port or server.port, database=DATABASE, user=USER,
                        password=PASSWORD, till=till)


@dataclass
class Till:
    home: Path
    journal: Journal
    audit: AuditLog
    staff: OperatorStore
    sync: ShopSync

    def close(self) -> None:
        self.sync.database.close()
        self.sync.local.close()
        self.journal.close()
        self.audit.close()
        self.staff.close()


def open_till(home: Path, server: PostgresServer, name: str, *, port: int | None = None) -> Till:
    home.mkdir(parents=True, exist_ok=True)
    journal_path, audit_path, staff_path = home / "journal.sqlite3", home / "audit.sqlite3", home / "staff.sqlite3"
    journal, audit, staff = Journal(journal_path), AuditLog(audit_path), OperatorStore(staff_path)
    enable_journal_outbox(journal_path)
    enable_staff_outbox(staff_path)
    local = LocalTill(journal_path, audit_path, staff_path)
    return Till(home, journal, audit, staff, ShopSync(shop_settings(server, name, port=port), local))
