"""The embedded browser for 3-D Secure challenges: a locked-down, off-the-record QtWebEngine.

Contract:

* QtWebEngine is heavy (a Chromium process); it is imported only here and only when first needed, so the
  app starts without it. :func:`warm_up` (called by the main window via ``QTimer.singleShot`` after it
  shows) creates the profile and a hidden page in the background so the first challenge opens quickly.
* Start-up requirement (PySide6 6.11): QtWebEngine loaded after ``QApplication`` exists needs
  ``QCoreApplication.setAttribute(Qt.AA_ShareOpenGLContexts)`` *before* the ``QApplication`` is created;
  :func:`prepare_application` does exactly that and app.py calls it first. Without it Qt prints a warning
  and GPU compositing may fail; offscreen/software rendering works either way.
* The profile is off the record (``QWebEngineProfile()`` with no storage name): no cookies, cache, local
  storage or history on disk; memory-only HTTP cache; no persistent cookies. Downloads are cancelled;
  notifications and permissions are never granted.
* :class:`ChallengePage` navigates only to http(s) on the gateway's host (the configured base URL) and to
  our loopback callback listener; the first ``setHtml`` (a ``data:`` load) is allowed once, nothing
  else (``file:``, other ``data:``, ``javascript:``, other hosts). New windows are refused
  (``createWindow`` returns ``None``): nothing escapes the dialog. Certificate errors are never accepted.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

log = logging.getLogger(__name__)

_profile: "QWebEngineProfile | None" = None
_warm_page: "QWebEnginePage | None" = None
_page_class: type | None = None


def prepare_application() -> None:
    """Call before creating the ``QApplication`` (app.py does) so QtWebEngine can be loaded lazily later."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts, True)


def is_loaded() -> bool:
    """True once the profile exists (after :func:`warm_up` or the first challenge)."""
    return _profile is not None


def profile() -> "QWebEngineProfile":
    """The one off-the-record profile shared by every challenge page (created on first use)."""
    global _profile
    if _profile is None:
        from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings

        made = QWebEngineProfile(QCoreApplication.instance())  # no storage name: off the record
        made.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        made.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
        made.setSpellCheckEnabled(False)
        made.downloadRequested.connect(_refuse_download)
        settings = made.settings()
        for attribute, on in ((QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False),
                              (QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False),
                              (QWebEngineSettings.WebAttribute.LocalStorageEnabled, False),
                              (QWebEngineSettings.WebAttribute.PluginsEnabled, False),
                              (QWebEngineSettings.WebAttribute.PdfViewerEnabled, False),
                              (QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False),
                              (QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard, False),
                              (QWebEngineSettings.WebAttribute.JavascriptCanPaste, False),
                              (QWebEngineSettings.WebAttribute.ScreenCaptureEnabled, False),
                              (QWebEngineSettings.WebAttribute.WebRTCPublicInterfacesOnly, True),
                              (QWebEngineSettings.WebAttribute.JavascriptEnabled, True)):
            settings.setAttribute(attribute, on)
        _profile = made
    return _profile


def _refuse_download(download: Any) -> None:
    log.warning("3-D Secure page tried to download a file; refused")
    download.cancel()


def warm_up(delay_ms: int = 0) -> None:
    """Load QtWebEngine, the profile and one hidden page in the background (after ``delay_ms``), so the
    first challenge does not pay Chromium's start-up. Safe to call more than once."""
    QTimer.singleShot(delay_ms, _warm_now)


def _warm_now() -> None:
    global _warm_page
    if _warm_page is not None:
        return
    page = ChallengePage.create(gateway_url="http://127.0.0.1/", callback_origin=None)
    page.setHtml("<!doctype html><title>ready</title>", QUrl("about:blank"))
    _warm_page = page


def page_class() -> type:
    """The :class:`QWebEnginePage` subclass (defined on first use so QtWebEngine loads lazily)."""
    global _page_class
    if _page_class is None:
        _page_class = _define_page_class()
    return _page_class


class ChallengePage:
    """Namespace for creating challenge pages; the real class subclasses ``QWebEnginePage`` lazily."""

    @staticmethod
    def create(*, gateway_url: str, callback_origin: str | None, parent: Any = None) -> "QWebEnginePage":
        """A page on the off-the-record profile that may only go to ``gateway_url``'s host and
        ``callback_origin`` (``http://127.0.0.1:{port}``)."""
        return page_class()(profile(), gateway_url=gateway_url, callback_origin=callback_origin, parent=parent)


def allowed_navigation(url: QUrl, *, gateway_url: str, callback_origin: str | None,
                       initial_html_pending: bool) -> bool:
    """The navigation allow-list (pure function, unit-testable): see the module docstring."""
    scheme = url.scheme().lower()
    if scheme == "data" or (scheme == "about" and url.toString() == "about:blank"):
        return initial_html_pending
    if scheme not in ("http", "https"):
        return False
    gateway = urlsplit(gateway_url)
    host, port = url.host().lower(), url.port(-1)
    if host and gateway.hostname and host == gateway.hostname.lower() and scheme == gateway.scheme:
        wanted = gateway.port or (443 if gateway.scheme == "https" else 80)
        if port == -1:
            port = 443 if scheme == "https" else 80
        if port == wanted:
            return True
    if callback_origin is not None:
        listener = urlsplit(callback_origin)
        if scheme == "http" and host == listener.hostname and port == listener.port:
            return True
    return False


def _define_page_class() -> type:
    from PySide6.QtWebEngineCore import QWebEnginePage

    class _ChallengePage(QWebEnginePage):
        """A page that stays on the gateway and our listener; see the module docstring."""

        def __init__(self, profile_: Any, *, gateway_url: str, callback_origin: str | None,
                     parent: Any = None) -> None:
            super().__init__(profile_, parent)
            self.gateway_url = gateway_url
            self.callback_origin = callback_origin
            self._initial_html_pending = False
            #: URLs refused by the allow-list (for tests and the log), newest last.
            self.refused: list[str] = []
            self.certificateError.connect(self._refuse_certificate)
            self.permissionRequested.connect(self._refuse_permission)

        def setHtml(self, html: str, baseUrl: QUrl = QUrl()) -> None:
            self._initial_html_pending = True
            super().setHtml(html, baseUrl)

        def acceptNavigationRequest(self, url: QUrl, navigation_type: Any, is_main_frame: bool) -> bool:
            ok = allowed_navigation(url, gateway_url=self.gateway_url, callback_origin=self.callback_origin,
                                    initial_html_pending=self._initial_html_pending)
            if url.scheme() in ("data", "about"):
                self._initial_html_pending = False
            if not ok:
                port = f":{url.port()}" if url.port() != -1 else ""
                shown = (f"{url.scheme()}://{url.host()}{port}" if url.scheme() in ("http", "https")
                         else url.scheme() + ":")  # never the path or query: they may carry tokens
                self.refused.append(shown)
                log.warning("3-D Secure page navigation refused: %s", shown)
            return ok

        def createWindow(self, _type: Any) -> None:
            log.warning("3-D Secure page tried to open a window; refused")
            return None

        @staticmethod
        def _refuse_certificate(error: Any) -> None:
            log.warning("3-D Secure page certificate error refused: %s", error.description())
            error.rejectCertificate()

        @staticmethod
        def _refuse_permission(permission: Any) -> None:
            permission.deny()  # camera, location, notifications...: a challenge page needs none

    return _ChallengePage
