"""The shop's day report names this till in its breakdown even before the till's pusher first reached the shop
database (a till that opened Close day at once used to be missing from its own shop report)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from klogs_desk.shop.reports import shop_day_report


def test_this_till_is_in_the_breakdown_before_the_shop_database_has_heard_of_it():
    end = dt.datetime(2026, 12, 3, 18, 0, tzinfo=dt.timezone.utc)
    report = shop_day_report([], {}, [], environment="sandbox", period_start=end - dt.timedelta(hours=10),
                             period_end=end, this_till="Till B", this_till_waiting=2)
    assert list(report.by_till) == ["Till B"]
    assert report.by_till["Till B"].sales.amount("TRY") == Decimal("0")
    assert report.tills_waiting == ["Till B"]
