"""The messages between the terminal and its browser process (see the package's docstring).

One JSON object per line, UTF-8. Commands (terminal → child) have ``do``; events (child → terminal) have
``event``. Every page-related message carries the page's number (``page``), given by the terminal, so
an event of a page already closed is never taken for the next one's.

Commands:

* ``open``: ``page``, ``html``, ``gateway_url``, ``callback_origin``, ``title``, ``embed`` (the terminal
  will embed the window; otherwise the child shows it as a window of its own), ``geometry``
  (``[x, y, width, height]`` on the screen, or ``null``). A new view and page; the child answers
  ``window`` with the view's native window id, then loads ``html`` with ``gateway_url`` as its base.
* ``show``: ``page``, ``geometry``: show the page's window there (embedded: in its X parent, the dialog).
* ``geometry``: ``page``, ``geometry``: where a window of its own should be on the screen; embedded, where
  it is in its X parent (sent on each move and resize of the terminal's container).
* ``moved``: ``page``, ``geometry``: the terminal's dialog moved on the screen, the embedded window with it
  (X does not tell the child: its place in the dialog, ``geometry``, is the same).
* ``focus``: ``page``, ``backward``: Tab (Shift+Tab) brought the keyboard to the embedded page: activate its
  window and focus its first (last) element.
* ``js``: ``page``, ``id``, ``script``: run in the page; answered by ``js`` with ``page``, ``id`` and
  ``value`` (``null`` when the page is gone).
* ``close``: ``page``: the view and page are destroyed.
* ``quit``: the process ends (so does end of input: the terminal is gone).

Events:

* ``ready``: the browser is up (its profile made and a blank page loaded: a renderer process runs).
* ``window``: ``page``, ``id``: the native window id of the page's view (to embed).
* ``url``: ``page``, ``url``. ``loaded``: ``page``, ``ok``.
* ``refused``: ``page``, ``url`` (scheme, host and port only): the allow-list refused a navigation.
* ``certificate_refused``: ``page``, ``host``. ``download_refused``: ``page``, ``url``, ``path`` (where it
  would have been written; never written).
* ``render_gone``: ``page``, ``status``, ``code``: the page's renderer process ended.
* ``escape``: ``page``: Escape pressed in the page. ``closed``: ``page``: its window of its own (not
  embedded) was closed by the card holder. Both are a cancel, as Escape or closing the dialog is.
* ``focus_left``: ``page``, ``forward``: Tab (``forward``) or Shift+Tab went past the embedded page's last
  (first) element: the dialog takes the keyboard back.
* ``js``: ``page``, ``id``, ``value``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

#: How the child's own log records begin on its standard error (the terminal logs them as warnings).
CHILD_LOG_PREFIX = "klogs-desk browser:"

#: The bundle's argument that makes it the browser process (``klogs_desk/__main__.py`` checks it first).
PROCESS_ARGUMENT = "--challenge-browser"


def command_line() -> list[str]:
    """Program and arguments that start the browser process: the bundle's own executable when frozen."""
    if getattr(sys, "frozen", False):
        return [sys.executable, PROCESS_ARGUMENT]
    return [sys.executable, "-m", "klogs_desk.ui.challenge_browser.child"]


def encode(message: dict[str, Any]) -> bytes:
    """One message as one line."""
    return json.dumps(message, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


def decode(line: bytes) -> dict[str, Any] | None:
    """One line as a message; ``None`` for anything that is not a JSON object (never raises)."""
    try:
        message = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    return message if isinstance(message, dict) else None
