"""When a subscription pays: the one scheduling rule shared by the app's preview and the sandbox's scheduler.

The docs (recurring-subscriptions.md) give the fields (``firstPaymentTime``, ``lastPaymentTime``,
``frequency``, ``interval`` 1-30, ``dayOfMonth`` 1-30, ``monthOfYear`` 1-12) but not the arithmetic.
The rules chosen here, the ones a real gateway would apply:

* Everything is in UTC. Every payment happens at ``firstPaymentTime``'s UTC time of day.
* **daily**: ``firstPaymentTime`` itself, then every ``interval`` days after it.
* **monthly**: on ``dayOfMonth`` every ``interval`` months. The first payment is the first such day at
  or after ``firstPaymentTime`` (``firstPaymentTime`` itself when it falls on ``dayOfMonth``); the months
  are then counted from that first payment's month.
* **yearly**: on ``dayOfMonth`` of ``monthOfYear`` every ``interval`` years, first payment found the
  same way.
* **Short months**: a ``dayOfMonth`` beyond the month's length (30 in February) pays on the month's last
  day, and the next month goes back to the day asked for. Dates are always computed from the first
  payment's month, never from the previous payment, so they never drift (30 Jan, 28 Feb, 30 Mar ...).
* ``lastPaymentTime`` is inclusive: a payment exactly at ``lastPaymentTime`` is made, none after it.

Nothing here knows about HTTP, Qt or the sandbox: the preview ("next 12 payments") and the scheduler
call the same :func:`payment_dates`, so what the cashier is shown is what the gateway does.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from typing import Iterator

from ..messages import Message, MessageError, msg

__all__ = ["Frequency", "ScheduleError", "describe_frequency", "next_payment_after", "payment_dates"]

_UTC = dt.timezone.utc

#: Upper bound on the dates one call may produce when neither ``until`` nor ``count`` would stop it
#: sooner (protects the scheduler from a runaway loop; 30 years of daily payments fit).
MAX_DATES = 20_000


class Frequency(str, enum.Enum):
    """How often a subscription pays; the value is the wire's ``frequency`` (the API models use this type)."""

    DAILY = "daily"
    MONTHLY = "monthly"
    YEARLY = "yearly"


class ScheduleError(MessageError):
    """The schedule's fields do not describe a schedule (a missing day for monthly, interval 0 ...)."""


def _check(frequency: Frequency, interval: int, day_of_month: int | None, month_of_year: int | None) -> None:
    if not 1 <= interval <= 30:
        raise ScheduleError(msg("schedule.interval"))
    if frequency in (Frequency.MONTHLY, Frequency.YEARLY):
        if day_of_month is None:
            raise ScheduleError(msg("schedule.day-required"))
        if not 1 <= day_of_month <= 31:
            raise ScheduleError(msg("schedule.day-range"))
    if frequency is Frequency.YEARLY:
        if month_of_year is None:
            raise ScheduleError(msg("schedule.month-required"))
        if not 1 <= month_of_year <= 12:
            raise ScheduleError(msg("schedule.month-range"))


def _utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ScheduleError(msg("schedule.time-zone"))
    return value.astimezone(_UTC)


def _on_day(year: int, month: int, day: int, time_of: dt.datetime) -> dt.datetime:
    """``day`` of the month (clamped to the month's last day) at ``time_of``'s time of day."""
    day = min(day, calendar.monthrange(year, month)[1])
    return time_of.replace(year=year, month=month, day=day)


def _month_index(value: dt.datetime) -> int:
    return value.year * 12 + (value.month - 1)


def _from_month_index(index: int) -> tuple[int, int]:
    return divmod(index, 12)[0], divmod(index, 12)[1] + 1


def _occurrences(first: dt.datetime, frequency: Frequency, interval: int, day_of_month: int | None,
                 month_of_year: int | None, start_at_or_after: dt.datetime | None) -> Iterator[dt.datetime]:
    """Every payment date in order, starting with the first one not before ``start_at_or_after``.

    Jumps straight to the right period instead of walking from ``first``, so the scheduler's
    'next date after now' costs the same for a new subscription and one that has run for years.
    """
    if frequency is Frequency.DAILY:
        step = dt.timedelta(days=interval)
        k = 0
        if start_at_or_after is not None and start_at_or_after > first:
            k = -(-(start_at_or_after - first) // step)  # ceiling division of timedeltas
        while True:
            yield first + k * step
            k += 1

    assert day_of_month is not None
    if frequency is Frequency.MONTHLY:
        months_per_step = interval
        anchor = _on_day(first.year, first.month, day_of_month, first)
        if anchor < first:
            year, month = _from_month_index(_month_index(first) + 1)
            anchor = _on_day(year, month, day_of_month, first)
    else:
        assert month_of_year is not None
        months_per_step = 12 * interval
        anchor = _on_day(first.year, month_of_year, day_of_month, first)
        if anchor < first:
            anchor = _on_day(first.year + 1, month_of_year, day_of_month, first)
    anchor_index = _month_index(anchor)
    k = 0
    if start_at_or_after is not None and start_at_or_after > anchor:
        # One step before the period containing start_at_or_after; the loop below skips what is earlier.
        k = max(0, (_month_index(start_at_or_after) - anchor_index) // months_per_step - 1)
    while True:
        year, month = _from_month_index(anchor_index + k * months_per_step)
        occurrence = _on_day(year, month, day_of_month, first)
        if start_at_or_after is None or occurrence >= start_at_or_after:
            yield occurrence
        k += 1


def payment_dates(first: dt.datetime, frequency: Frequency | str, interval: int,
                  day_of_month: int | None = None, month_of_year: int | None = None, *,
                  after: dt.datetime | None = None, until: dt.datetime | None = None,
                  count: int | None = None) -> list[dt.datetime]:
    """The payment dates of a schedule, in increasing order, as aware UTC datetimes.

    ``first`` is ``firstPaymentTime``; ``until`` is ``lastPaymentTime`` (inclusive); ``after`` keeps only
    dates strictly after it (the scheduler passes 'now'); ``count`` caps how many are returned. Without
    ``until`` or ``count`` at most :data:`MAX_DATES` dates are returned. Raises :class:`ScheduleError`
    for fields that describe no schedule (and for naive datetimes).
    """
    frequency = Frequency(frequency)
    _check(frequency, interval, day_of_month, month_of_year)
    first = _utc(first)
    until = _utc(until) if until is not None else None
    after = _utc(after) if after is not None else None
    limit = MAX_DATES if count is None else min(count, MAX_DATES)
    dates: list[dt.datetime] = []
    if limit <= 0:
        return dates
    for occurrence in _occurrences(first, frequency, interval, day_of_month, month_of_year, after):
        if until is not None and occurrence > until:
            break
        if after is not None and occurrence <= after:
            continue
        dates.append(occurrence)
        if len(dates) >= limit:
            break
    return dates


def next_payment_after(first: dt.datetime, frequency: Frequency | str, interval: int,
                       day_of_month: int | None = None, month_of_year: int | None = None, *,
                       after: dt.datetime, until: dt.datetime | None = None) -> dt.datetime | None:
    """The first payment date strictly after ``after`` (and not after ``until``), or ``None`` if there is none."""
    dates = payment_dates(first, frequency, interval, day_of_month, month_of_year,
                          after=after, until=until, count=1)
    return dates[0] if dates else None


def describe_frequency(frequency: Frequency | str, interval: int, day_of_month: int | None = None,
                       month_of_year: int | None = None) -> Message:
    """The schedule in words for a cashier: "every day", "every 3 months on day 15", "every 2 years on 1 March".

    A day beyond some months' length says so ("on day 30, or the month's last day").
    """
    frequency = Frequency(frequency)
    many = {"interval": interval} if interval != 1 else {}
    if frequency is Frequency.DAILY:
        return msg("every.days", **many) if many else msg("every.day")
    if frequency is Frequency.MONTHLY:
        if day_of_month is None:
            return msg("every.months-same-day", **many) if many else msg("every.month-same-day")
        code = "every.months-day" if many else "every.month-day"
        return msg(code + ("-or-last" if day_of_month > 28 else ""), day=day_of_month, **many)
    if day_of_month is None or month_of_year is None:
        return msg("every.years", **many) if many else msg("every.year")
    code = "every.years-on" if many else "every.year-on"
    if day_of_month > calendar.monthrange(2001, month_of_year)[1]:  # beyond the month in a common year
        code += "-or-last"
    return msg(code, day=day_of_month, month=msg(f"month.{month_of_year}"), **many)
