"""The 3-D Secure challenge's browser, in a process of its own.

Why a process: Chromium's start inside the terminal (``QWebEngineProfile()``, one C++ call that must run
on the UI thread) stalled the terminal's window 30-70 ms of CPU, and up to a second of wall time on a busy
two-core till, at the first challenge or at the warm-up; no Python turn can cut it (issue 19,
:mod:`klogs_desk.ui.webengine` has the measurements). In a child process that work runs beside the
terminal's UI thread, which only starts the process and reads its messages.

* :mod:`.protocol`: the messages, one JSON object per line over the child's stdin (commands) and stdout
  (events); how the child is started (``python -m klogs_desk.ui.challenge_browser.child``, or the bundle's
  own executable with ``--challenge-browser``).
* :mod:`.child`: the browser process, a ``QApplication`` with :mod:`klogs_desk.ui.webengine`'s locked-down
  page (allow-list, refused certificates, downloads, windows and permissions) in a view of its own.
* :mod:`.remote`: the terminal's side, which never imports QtWebEngine: :class:`~.remote.BrowserProcess`
  (the one child, started while the cashier is idle after the first frame, a new one started by the next challenge if it died),
  :class:`~.remote.RemotePage` (what the challenge dialog and the tests use: the same signals and methods
  as the page had in-process) and :class:`~.remote.RemoteView` (where the child's window is shown).

Where the child's window goes: on X11 it is embedded in the dialog (``QWindow.fromWinId`` +
``QWidget.createWindowContainer``), so it is part of the dialog for the cashier; elsewhere (Windows until
a run there proves embedding, see :func:`~.remote.can_embed`; Wayland and macOS, which cannot embed
another process's window; the offscreen platform of the tests) the child shows its own window, titled,
in front and placed over the dialog where the platform lets it be placed, and the dialog says the page is
in a window of its own; closing that window cancels, as closing the dialog does. Escape pressed in the
page is sent to the dialog (it cancels, as Escape anywhere in the dialog does; unlike in-process, before
the page sees it).
Embedded, Tab and Shift+Tab go into the page (its first or last element) and out of it back to the dialog;
``tests/ui/test_three_ds_on_x11.py`` proves embedding, clicks, keys, Tab and Escape under Xvfb with real X
input. Not tried under a window manager (Xvfb has none), where activating an embedded window may behave
differently.

The card number never reaches the child: it gets the gateway's HTML (which posts the card holder to their
bank) and reports only where the page is; the page's form still posts to the terminal's loopback listener.
"""
