"""The Subscriptions table against a real sandbox over loopback, seeded with 10,000 subscriptions.

Every expectation about order and content is checked against a direct client call to the same sandbox.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt

from klogs_desk.api.client import Credentials, Endpoints, KlogsClient
from klogs_desk.api.models.recurring import OrderDirection, RecurringListQuery
from klogs_desk.domain.journal import Journal
from klogs_desk.sandbox.seed import seed_reference, seed_subscriptions
from klogs_desk.sandbox.server import SandboxServer
from klogs_desk.sandbox.state import SandboxConfig
from klogs_desk.services.context import AppServices
from klogs_desk.ui.async_runner import RUNNER
from klogs_desk.ui.subscriptions_model import (
    COLUMNS,
    FREQUENCY,
    LOADING_TEXT,
    REFERENCE,
    STATUS,
    SUBSCRIPTION_ROLE,
    SubscriptionsModel,
)
from klogs_desk.ui.subscriptions_tab import SubscriptionsTab
from tests.conftest import TEST_HANG_SECONDS, make_client

SEEDED = 10_000
PAGE_SIZE = 100


@pytest.fixture(scope="module")
def seeded_sandbox():
    server = SandboxServer(SandboxConfig(testing=True, hang_seconds=TEST_HANG_SECONDS, rate_limit_per_minute=100_000))
    server.start()
    seed_subscriptions(server.state.extras["recurring"], SEEDED, server.state.clock.now())
    yield server
    server.stop()


def make_tab(qtbot, client, tmp_path) -> SubscriptionsTab:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    journal = Journal(tmp_path / "journal.sqlite3")
    tab = SubscriptionsTab(AppServices(client=client, journal=journal), page_size=PAGE_SIZE)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    return tab


@pytest.fixture
def tab(qtbot, seeded_sandbox, event_loop_qt, tmp_path):
    client = make_client(seeded_sandbox, timeout=10.0)
    widget = make_tab(qtbot, client, tmp_path)
    qtbot.waitUntil(lambda: widget.model.loaded and not widget.model.loading, timeout=10_000)
    yield widget
    # Let requests started by the test end before the loop goes away.
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    event_loop_qt.create_task(client.aclose())


def run_on_loop(qtbot, loop, coro):
    """Run ``coro`` on the qasync loop (already driven by pytest-qt) and return its result."""
    task = loop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()


def direct_page(server, event_loop_qt, **query):
    """One page straight from the sandbox, for comparison."""
    from pytestqt.qtbot import QtBot

    async def ask():
        async with make_client(server, timeout=10.0) as client:
            return await client.list_recurring(RecurringListQuery(**query))
    return run_on_loop(QtBot(None), event_loop_qt, ask())


def shown_references(tab, first, count):
    return [tab.model.index(row, REFERENCE).data() for row in range(first, first + count)]


def test_first_page_shows_newest_first_and_total(tab, seeded_sandbox, event_loop_qt):
    expected = direct_page(seeded_sandbox, event_loop_qt, page=1, page_size=PAGE_SIZE,
                           order_by="createdAtUtc", dir=OrderDirection.DESC)
    assert tab.model.rowCount() == expected.total_count >= SEEDED
    assert shown_references(tab, 0, 5) == [item.reference for item in expected.items[:5]]
    assert tab.count_label.text().startswith(f"{expected.total_count:,} subscriptions")
    assert tab.model.cached_pages() == [1]  # only what was needed: no loading everything


def test_the_subscription_a_row_hands_to_the_dialogs_is_the_gateways_item_field_for_field(tab, seeded_sandbox,
                                                                                            event_loop_qt):
    # Rows are cached compactly (not as the parsed objects): what the edit, disable and detail dialogs get
    # back must still be the whole item, with Decimal money and the same fields the gateway sent.
    expected = direct_page(seeded_sandbox, event_loop_qt, page=1, page_size=PAGE_SIZE,
                           order_by="createdAtUtc", dir=OrderDirection.DESC)
    for row in range(len(expected.items)):
        item = tab.model.row_at(row)
        assert item == expected.items[row]
        assert item.model_fields_set == expected.items[row].model_fields_set
        assert isinstance(item.amount, Decimal)
        assert tab.model.index(row, REFERENCE).data(SUBSCRIPTION_ROLE) == item


def test_scrolling_to_the_bottom_fetches_the_last_page_with_the_right_rows(qtbot, tab, seeded_sandbox, event_loop_qt):
    total = tab.model.rowCount()
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.index(total - 1, REFERENCE).data() not in (None, LOADING_TEXT), timeout=10_000)

    last_page = (total - 1) // PAGE_SIZE + 1
    expected = direct_page(seeded_sandbox, event_loop_qt, page=last_page, page_size=PAGE_SIZE,
                           order_by="createdAtUtc", dir=OrderDirection.DESC)
    first_row = (last_page - 1) * PAGE_SIZE
    assert shown_references(tab, first_row, len(expected.items)) == [item.reference for item in expected.items]
    assert tab.model.index(total - 1, REFERENCE).data() == seed_reference(1)  # the oldest is last
    assert last_page in tab.model.cached_pages()
    assert 2 not in tab.model.cached_pages()  # the pages scrolled past were never fetched


def test_memory_stays_bounded_while_scrolling_through_many_pages(qtbot, tab):
    model = tab.model
    last = model.max_pages + 5  # scrolled through more pages than are kept: the first ones are evicted
    assert last * PAGE_SIZE < SEEDED
    for page in range(1, last + 1):
        tab.table.scrollTo(model.index(page * PAGE_SIZE + 5, 0))
        qtbot.waitUntil(lambda page=page: model.index(page * PAGE_SIZE + 5, REFERENCE).data() != LOADING_TEXT,
                        timeout=10_000)
    assert len(model.cached_pages()) <= model.max_pages
    assert model.page_of(last * PAGE_SIZE + 5) in model.cached_pages()
    assert model.page_of(5) not in model.cached_pages()  # the first page was evicted
    # An evicted page comes back when it is shown again.
    tab.table.scrollToTop()
    qtbot.waitUntil(lambda: model.index(0, REFERENCE).data() != LOADING_TEXT, timeout=10_000)
    assert model.index(0, REFERENCE).data() == seed_reference(SEEDED)


SORTABLE = [(column, field) for column, field in enumerate(c.sort_field for c in COLUMNS) if field]


@pytest.mark.parametrize("direction", [OrderDirection.ASC, OrderDirection.DESC])
@pytest.mark.parametrize("column, field", SORTABLE, ids=[field for _, field in SORTABLE])
def test_sorting_by_each_column_both_ways_matches_the_gateway(qtbot, tab, seeded_sandbox, event_loop_qt,
                                                                column, field, direction):
    order = Qt.SortOrder.AscendingOrder if direction is OrderDirection.ASC else Qt.SortOrder.DescendingOrder
    if (tab.model.sort_field, tab.model.sort_dir) == (field, direction):
        # The default order: click the other way first, so this case also proves a request is made.
        other = Qt.SortOrder.DescendingOrder if order == Qt.SortOrder.AscendingOrder else Qt.SortOrder.AscendingOrder
        with qtbot.waitSignal(tab.model.page_loaded, timeout=10_000):
            tab.table.sortByColumn(column, other)
    with qtbot.waitSignal(tab.model.page_loaded, timeout=10_000):
        tab.table.sortByColumn(column, order)
    expected = direct_page(seeded_sandbox, event_loop_qt, page=1, page_size=PAGE_SIZE, order_by=field, dir=direction)
    shown = [tab.model.row_at(row).id for row in range(10)]
    assert shown == [item.id for item in expected.items[:10]]
    assert tab.table.horizontalHeader().sortIndicatorSection() == column
    assert tab.table.horizontalHeader().sortIndicatorOrder() == order


def test_frequency_header_cannot_sort_and_sends_nothing(qtbot, tab):
    before = tab.model.requests_started
    first = tab.model.index(0, REFERENCE).data()
    tab.table.horizontalHeader().sectionClicked.emit(FREQUENCY)
    tab.table.sortByColumn(FREQUENCY, Qt.SortOrder.AscendingOrder)
    qtbot.wait(50)
    assert tab.model.requests_started == before
    assert tab.model.index(0, REFERENCE).data() == first
    assert tab.table.horizontalHeader().sortIndicatorSection() != FREQUENCY


def test_typing_a_subscription_id_filters_with_one_request_after_the_pause(qtbot, tab):
    before = tab.model.requests_started
    qtbot.keyClicks(tab.search, seed_reference(4242))
    with qtbot.waitSignal(tab.model.page_loaded, timeout=10_000):
        pass
    assert tab.model.requests_started == before + 1  # debounced: not one request per key
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, REFERENCE).data() == seed_reference(4242)
    assert "matching" in tab.count_label.text()

    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() >= SEEDED, timeout=10_000)


def test_status_column_is_a_badge_in_words(tab):
    statuses = {tab.model.index(row, STATUS).data() for row in range(PAGE_SIZE)}
    assert {"Active", "Disabled"} <= statuses  # every 10th seeded subscription is disabled
    assert not statuses & {"active", "disabled"}  # words, never the wire value


@pytest.fixture
def small_tab(qtbot, fresh_sandbox, event_loop_qt, tmp_path):
    """The tab on 250 subscriptions (three pages, the last one short)."""
    seed_subscriptions(fresh_sandbox.state.extras["recurring"], 250, fresh_sandbox.state.clock.now())
    client = make_client(fresh_sandbox, timeout=10.0)
    widget = make_tab(qtbot, client, tmp_path)
    qtbot.waitUntil(lambda: widget.model.loaded and not widget.model.loading, timeout=10_000)
    yield widget
    qtbot.waitUntil(lambda: RUNNER.running == 0, timeout=10_000)
    event_loop_qt.create_task(client.aclose())


def test_model_passes_qt_model_tester(qtmodeltester, small_tab):
    """On 250 subscriptions, not the 10,000 of the other tests: the tester walks every row and column of the
    model (~10 s for 10,000 rows), and loading, placeholders and paging are the same either way."""
    assert small_tab.model.rowCount() == 250
    qtmodeltester.check(small_tab.model, force_py=True)


def test_wrong_token_shows_the_settings_message(qtbot, seeded_sandbox, event_loop_qt, tmp_path):
    bad = KlogsClient(Endpoints.same(seeded_sandbox.url), Credentials("sandbox-key", "sandbox-secret", "wrong"),
                      timeout=10.0)
    tab = make_tab(qtbot, bad, tmp_path)
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=10_000)
    assert "check the token in Settings" in tab.banner_message()
    assert tab.model.rowCount() == 0
    event_loop_qt.create_task(bad.aclose())


def test_an_error_after_loading_keeps_the_rows_and_a_good_token_recovers(qtbot, tab, seeded_sandbox, event_loop_qt):
    good = tab.services.client
    first = shown_references(tab, 0, 3)
    bad = KlogsClient(Endpoints.same(seeded_sandbox.url), Credentials("", "", "wrong"), timeout=10.0)
    tab.services.client = bad  # the manager changed the token in Settings
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=10_000)
    assert "401" in tab.banner_message()
    assert shown_references(tab, 0, 3) == first
    assert tab.model.rowCount() >= SEEDED

    tab.services.client = good
    with qtbot.waitSignal(tab.model.page_loaded, timeout=10_000):
        qtbot.mouseClick(tab.banner_retry, Qt.MouseButton.LeftButton)
    assert not tab.banner.isVisible()
    event_loop_qt.create_task(bad.aclose())


def test_rate_limit_shows_how_long_to_wait(qtbot, event_loop_qt, tmp_path):
    server = SandboxServer(SandboxConfig(testing=True, rate_limit_per_minute=1))
    server.start()
    try:
        client = make_client(server, timeout=10.0)
        tab = make_tab(qtbot, client, tmp_path)
        qtbot.waitUntil(lambda: tab.model.loaded and not tab.model.loading, timeout=10_000)
        qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=10_000)
        message = tab.banner_message()
        assert "429" in message and "wait" in message
        seconds = int(message.split("wait ")[1].split(" s")[0])
        assert 1 <= seconds <= 60
        event_loop_qt.create_task(client.aclose())
    finally:
        server.stop()


def test_page_cache_keeps_only_the_most_recent_pages():
    from klogs_desk.services.subscriptions import PageCache

    cache: PageCache[int] = PageCache(max_pages=3)
    for page in range(1, 5):
        cache.put(page, [page])
    assert cache.pages() == [2, 3, 4]
    cache.get(2)  # touched: now the most recent
    assert cache.put(5, [5]) == [3]
    assert cache.pages() == [4, 2, 5]


def test_model_without_a_view_fetches_page_one_on_fetch_more(qtbot, seeded_sandbox, event_loop_qt):
    client = make_client(seeded_sandbox, timeout=10.0)
    model = SubscriptionsModel(client.list_recurring, page_size=50)
    assert model.canFetchMore()
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore()
    assert model.rowCount() >= SEEDED and not model.canFetchMore()
    event_loop_qt.create_task(client.aclose())
