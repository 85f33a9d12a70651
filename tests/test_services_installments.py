"""InstallmentsService: the Installments tab's quote, asked of whichever client ``services.client`` holds now."""

from __future__ import annotations

from decimal import Decimal

import pytest

from klogs_desk.api.models import InstallmentOptionsRequest, InstallmentOptionsResponse
from klogs_desk.domain.journal import Journal
from klogs_desk.services.context import AppServices
from klogs_desk.services.installments import InstallmentsService

pytestmark = pytest.mark.anyio


class QuotingClient:
    def __init__(self, name: str) -> None:
        self.name = name
        self.asked: list[InstallmentOptionsRequest] = []

    async def installment_options(self, request: InstallmentOptionsRequest) -> InstallmentOptionsResponse:
        self.asked.append(request)
        return InstallmentOptionsResponse(options=[])


async def test_the_quote_goes_to_the_client_in_place_at_the_time():
    request = InstallmentOptionsRequest(amount=Decimal("100.00"), currency="TRY", pan="4111111111111111",
                                        max_installment_count=3, interest_paid_by_customer=True)
    journal = Journal(":memory:")
    first, second = QuotingClient("first"), QuotingClient("second")
    services = AppServices(client=first, journal=journal)  # type: ignore[arg-type]
    service = InstallmentsService(services)
    try:
        assert (await service.quote(request)).options == []
        services.client = second  # type: ignore[assignment]  # the environment changed
        await service.quote(request)
        assert journal.count() == 0  # a quote charges nothing: nothing is journaled
    finally:
        journal.close()
    assert first.asked == [request] and second.asked == [request]
