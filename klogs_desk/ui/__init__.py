"""The Qt user interface: the main window, one module per tab, dialogs.

Everything here may import Qt; nothing in ``api/``, ``domain/`` or ``sandbox/`` may import from here.
Widgets launch async work only through :mod:`klogs_desk.ui.async_runner`.
"""
