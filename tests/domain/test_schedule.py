"""The scheduling rule: what the 'next payments' preview shows and what the sandbox charges."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klogs_desk.domain.schedule import (
    Frequency,
    ScheduleError,
    describe_frequency,
    next_payment_after,
    payment_dates,
)

UTC = dt.timezone.utc


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_daily_starts_at_first_payment_time_and_steps_by_interval():
    dates = payment_dates(at("2026-12-01T09:30:00Z"), Frequency.DAILY, 5, count=3)
    assert dates == [at("2026-12-01T09:30:00Z"), at("2026-12-06T09:30:00Z"), at("2026-12-11T09:30:00Z")]


def test_monthly_first_payment_is_the_first_matching_day_at_or_after_first_payment_time():
    dates = payment_dates(at("2026-12-20T08:00:00Z"), Frequency.MONTHLY, 3, day_of_month=15, count=3)
    assert dates == [at("2027-01-15T08:00:00Z"), at("2027-04-15T08:00:00Z"), at("2027-07-15T08:00:00Z")]


def test_monthly_first_payment_time_on_the_day_is_the_first_payment():
    dates = payment_dates(at("2027-03-01T00:00:00Z"), "monthly", 1, day_of_month=1, count=2)
    assert dates == [at("2027-03-01T00:00:00Z"), at("2027-04-01T00:00:00Z")]


def test_day_30_pays_on_the_last_day_of_february_then_goes_back_to_30():
    dates = payment_dates(at("2027-01-01T12:00:00Z"), Frequency.MONTHLY, 1, day_of_month=30, count=4)
    assert [d.date() for d in dates] == [dt.date(2027, 1, 30), dt.date(2027, 2, 28),
                                         dt.date(2027, 3, 30), dt.date(2027, 4, 30)]


def test_leap_february_gets_the_29th():
    dates = payment_dates(at("2028-02-01T00:00:00Z"), Frequency.MONTHLY, 1, day_of_month=30, count=1)
    assert dates[0].date() == dt.date(2028, 2, 29)


def test_yearly_on_month_and_day():
    dates = payment_dates(at("2026-12-01T10:00:00Z"), Frequency.YEARLY, 2, day_of_month=1, month_of_year=3,
                          count=3)
    assert dates == [at("2027-03-01T10:00:00Z"), at("2029-03-01T10:00:00Z"), at("2031-03-01T10:00:00Z")]


def test_yearly_already_past_this_year_starts_next_year():
    dates = payment_dates(at("2026-11-30T00:00:00Z"), Frequency.YEARLY, 1, day_of_month=1, month_of_year=1,
                          count=1)
    assert dates == [at("2027-01-01T00:00:00Z")]


def test_last_payment_time_is_inclusive_and_stops_the_schedule():
    dates = payment_dates(at("2027-01-01T00:00:00Z"), Frequency.MONTHLY, 1, day_of_month=1,
                          until=at("2027-04-01T00:00:00Z"))
    assert dates[-1] == at("2027-04-01T00:00:00Z")
    assert len(dates) == 4


def test_after_keeps_only_later_dates_and_next_payment_after_agrees():
    first = at("2027-01-10T06:00:00Z")
    everything = payment_dates(first, Frequency.MONTHLY, 2, day_of_month=10, count=30)
    later = payment_dates(first, Frequency.MONTHLY, 2, day_of_month=10, after=everything[7], count=3)
    assert later == everything[8:11]
    assert next_payment_after(first, Frequency.MONTHLY, 2, 10, after=everything[7]) == everything[8]


def test_next_payment_after_the_end_is_none():
    first = at("2027-01-01T00:00:00Z")
    assert next_payment_after(first, Frequency.DAILY, 1, after=at("2027-01-05T00:00:00Z"),
                              until=at("2027-01-05T00:00:00Z")) is None


def test_times_in_other_zones_are_converted_to_utc():
    istanbul = dt.timezone(dt.timedelta(hours=3))
    dates = payment_dates(dt.datetime(2027, 1, 1, 2, 0, tzinfo=istanbul), Frequency.DAILY, 1, count=1)
    assert dates == [at("2026-12-31T23:00:00Z")]


@pytest.mark.parametrize("kwargs, message", [
    (dict(frequency=Frequency.MONTHLY, interval=1), "dayOfMonth"),
    (dict(frequency=Frequency.YEARLY, interval=1, day_of_month=1), "monthOfYear"),
    (dict(frequency=Frequency.DAILY, interval=0), "interval"),
    (dict(frequency=Frequency.DAILY, interval=31), "interval"),
])
def test_fields_that_describe_no_schedule_are_refused(kwargs, message):
    with pytest.raises(ScheduleError, match=message):
        payment_dates(at("2027-01-01T00:00:00Z"), count=1, **kwargs)


def test_naive_time_is_refused():
    with pytest.raises(ScheduleError):
        payment_dates(dt.datetime(2027, 1, 1), Frequency.DAILY, 1, count=1)


@pytest.mark.parametrize("args, words", [
    ((Frequency.DAILY, 1), "every day"),
    ((Frequency.DAILY, 5), "every 5 days"),
    ((Frequency.MONTHLY, 1, 1), "every month on day 1"),
    ((Frequency.MONTHLY, 3, 15), "every 3 months on day 15"),
    ((Frequency.MONTHLY, 1, 30), "every month on day 30, or the month's last day"),
    ((Frequency.YEARLY, 2, 1, 3), "every 2 years on 1 March"),
    ((Frequency.YEARLY, 1, 30, 2), "every year on 30 February, or the month's last day"),
])
def test_describe_frequency(args, words):
    assert str(describe_frequency(*args)) == words  # the English rendering of its message


aware_times = st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2035, 1, 1),
                           timezones=st.just(UTC))


@settings(max_examples=300, deadline=None)
@given(first=aware_times, frequency=st.sampled_from(Frequency), interval=st.integers(1, 30),
       day=st.integers(1, 30), month=st.integers(1, 12), span_days=st.integers(0, 4000))
def test_property_dates_increase_stay_in_range_and_fall_on_the_asked_day(first, frequency, interval, day, month,
                                                                         span_days):
    until = first + dt.timedelta(days=span_days)
    dates = payment_dates(first, frequency, interval, day, month, until=until)
    assert all(a < b for a, b in zip(dates, dates[1:], strict=False))
    assert all(first <= d <= until for d in dates)
    assert all(d.time() == first.time() for d in dates)
    if frequency is not Frequency.DAILY:
        for d in dates:
            assert d.day == min(day, calendar.monthrange(d.year, d.month)[1])
    if frequency is Frequency.YEARLY:
        assert all(d.month == month for d in dates)
    if frequency is Frequency.DAILY:
        assert all(b - a == dt.timedelta(days=interval) for a, b in zip(dates, dates[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(first=aware_times, frequency=st.sampled_from(Frequency), interval=st.integers(1, 30),
       day=st.integers(1, 30), month=st.integers(1, 12), cut=st.integers(0, 40))
def test_property_jumping_ahead_with_after_equals_walking(first, frequency, interval, day, month, cut):
    walked = payment_dates(first, frequency, interval, day, month, count=50)
    after = walked[cut]
    assert payment_dates(first, frequency, interval, day, month, after=after, count=5) == \
        [d for d in walked if d > after][:5]
