"""The embedded browser for 3-D Secure challenges: a locked-down, off-the-record QtWebEngine.

Contract:

* It runs in the 3-D Secure browser process (:mod:`klogs_desk.ui.challenge_browser.child`), never in the
  terminal's: Chromium's start is one C++ call on the UI thread (``QWebEngineProfile()``, 30-70 ms of
  CPU, up to a second of wall time on a busy two-core till, measured in-process until 2026-12-03), which
  no Python turn can cut. The terminal never imports this module (its dialog uses the URL rules in
  :mod:`klogs_desk.ui.challenge_browser.urls`).
* Start-up requirement (PySide6 6.11): QtWebEngine loaded after ``QApplication`` exists needs
  ``QCoreApplication.setAttribute(Qt.AA_ShareOpenGLContexts)`` *before* the ``QApplication`` is created;
  :func:`prepare_application` does exactly that. Without it Qt prints a warning and GPU compositing may
  fail; offscreen/software rendering works either way.
* The profile is off the record (``QWebEngineProfile()`` with no storage name): no cookies, cache, local
  storage or history on disk; memory-only HTTP cache; no persistent cookies. Downloads are cancelled;
  notifications and permissions are never granted.
* :class:`ChallengePage`'s allow-list (:func:`~.challenge_browser.urls.allowed_navigation`, for
  top-level navigations, frames, redirects and form posts alike). A real gateway's 3-D Secure HTML
  posts the card holder to the issuing bank's page, on the bank's own domain (a different one for every
  bank), and the bank posts back to the gateway, which posts to our listener; so:

  - **https to any host** (any port): the bank's host cannot be known in advance;
  - **plain http only to loopback**: always to our callback listener's exact origin; to other loopback
    hosts (127.0.0.0/8, ``localhost``, ``::1``) only when the gateway itself is plain http on loopback
    (the training sandbox, whose bank page is on 127.0.0.2). With a real (https) gateway no page may
    send the card holder's browser to some other local service, and nothing ever goes in clear text
    over a network;
  - the first ``setHtml`` (a ``data:`` load) once; never ``file:``, ``javascript:``, other ``data:``
    or any other scheme.

  A refused URL is decided before any connection is made (``acceptNavigationRequest`` runs first).
  New windows are refused (``createWindow`` returns ``None``): nothing escapes the dialog.
* TLS certificate errors are refused, never accepted or left to a default; for the page itself (not
  a part of it) they are reported through ``certificate_refused(host)`` so the dialog can say so in words.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal

from .challenge_browser.urls import allowed_navigation, shown_url

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

log = logging.getLogger(__name__)

_profile: "QWebEngineProfile | None" = None
_page_class: type | None = None


def prepare_application() -> None:
    """Call before creating the ``QApplication`` (the browser process does) so QtWebEngine can be loaded
    after it."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts, True)


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
        """A page on the off-the-record profile held to :func:`allowed_navigation` for ``gateway_url``
        (the configured base URL) and ``callback_origin`` (our listener, ``http://127.0.0.1:{port}``)."""
        return page_class()(profile(), gateway_url=gateway_url, callback_origin=callback_origin, parent=parent)


def _define_page_class() -> type:
    from PySide6.QtWebEngineCore import QWebEnginePage

    class _ChallengePage(QWebEnginePage):
        """A page held to the allow-list; see the module docstring."""

        #: A TLS certificate error was refused on ``host`` (the page did not load; nothing was sent).
        certificate_refused = Signal(str)
        #: The allow-list refused a navigation to this URL (:func:`shown_url`: scheme, host and port).
        navigation_refused = Signal(str)

        def __init__(self, profile_: Any, *, gateway_url: str, callback_origin: str | None,
                     parent: Any = None) -> None:
            super().__init__(profile_, parent)
            self.gateway_url = gateway_url
            self.callback_origin = callback_origin
            self._initial_html_pending = False
            #: URLs refused by the allow-list (for tests and the log), newest last.
            self.refused: list[str] = []
            #: Hosts whose certificate was refused, newest last.
            self.refused_certificates: list[str] = []
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
                self.refused.append(shown_url(url))
                log.warning("3-D Secure page navigation refused: %s", shown_url(url))
                self.navigation_refused.emit(shown_url(url))
            return ok

        def createWindow(self, _type: Any) -> None:
            log.warning("3-D Secure page tried to open a window; refused")
            return None

        def _refuse_certificate(self, error: Any) -> None:
            host = error.url().host()
            log.warning("3-D Secure page certificate error refused on %s: %s", host, error.description())
            error.rejectCertificate()
            if error.isMainFrame():  # a refused part of a page is blocked too, but the page itself loaded
                self.refused_certificates.append(host)
                self.certificate_refused.emit(host)

        @staticmethod
        def _refuse_permission(permission: Any) -> None:
            permission.deny()  # camera, location, notifications...: a challenge page needs none

    return _ChallengePage
