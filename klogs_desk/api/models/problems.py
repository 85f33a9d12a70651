"""RFC 7807 problem details, as the recurring API (ASP.NET style) and our sandbox send them."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from .wire import WireModel


class ProblemDetails(WireModel):
    """An error body. ``errors`` is ASP.NET's validation map: field name -> messages."""

    model_config = ConfigDict(extra="allow")

    type: str | None = None
    title: str | None = None
    status: int | None = None
    detail: str | None = None
    instance: str | None = None
    errors: dict[str, list[str]] | None = Field(default=None)
    #: Seconds to wait, on 429 answers (the sandbox repeats the Retry-After header here).
    retry_after: float | None = None

    def first_field(self) -> str | None:
        """The first field the server named, in camelCase as on the wire."""
        if not self.errors:
            return None
        return next(iter(self.errors))

    def in_words(self) -> str:
        """One readable paragraph: the title, the detail and every field message."""
        parts: list[str] = []
        if self.title:
            parts.append(self.title.rstrip(".") + ".")
        if self.detail and self.detail != self.title:
            parts.append(self.detail.rstrip(".") + ".")
        for field, messages in (self.errors or {}).items():
            for message in messages:
                parts.append(f"{field}: {message.rstrip('.')}.")
        return " ".join(parts) or "The gateway refused the request."
