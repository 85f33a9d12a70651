"""Installment quotes for the Installments tab (``POST /api/installment-options``). No widgets here.

A quote charges nothing, so nothing is journaled and a lost answer is safe to ask again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import AppServices

if TYPE_CHECKING:
    from ..api.models import InstallmentOptionsRequest, InstallmentOptionsResponse


class InstallmentsService:
    """Asks the gateway what a card would pay in installments. Reads ``services.client`` at every call (the
    client is replaced when the environment or the credentials change)."""

    def __init__(self, services: AppServices) -> None:
        self.services = services

    async def quote(self, request: InstallmentOptionsRequest) -> InstallmentOptionsResponse:
        """The options for ``request`` (1 to ``max_installment_count`` installments)."""
        return await self.services.client.installment_options(request)
