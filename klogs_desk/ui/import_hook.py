"""PySide6's import hook, made cheap: it reads the source of every module imported after PySide6.

PySide6 (6.x) hooks ``import`` for its ``__feature__`` switches (``snake_case``, ``true_property``): after
each import, ``shibokensupport.feature.feature_imported`` asks ``_mod_uses_pyside(module)``, which calls
``inspect.getsource(module)`` (through ``linecache``: the file read, decoded, split into lines and joined
again) only to look for the string ``"PySide6"`` in it. At start-up that is ~190 modules and ~50 ms of the
UI thread (measured with this module's replacement timed against the original, 3 runs).

:func:`install` swaps in the same test on the file's bytes (``b"PySide6" in`` the ``.py`` file; no read at all
for the standard library's, which never mentions it): the same answer for every module with a source
file, ~12 ms in all instead of ~50. Modules without a ``.py`` file
(extensions, bytecode only, zips) still go to PySide6's own function, and nothing changes if a PySide6
version no longer has it (the hook is private: :func:`install` then returns ``False``). The terminal
uses no ``__feature__``; the answer only decides which modules PySide6 ignores when switching them.
``klogs_desk.app`` installs it when it is imported, before its own imports (config, which imports PySide6,
and the ~75 modules under them would otherwise each be read with ``inspect.getsource``).
"""

from __future__ import annotations

import os
import sys
from types import ModuleType
from typing import Callable


def install() -> bool:
    """Replace PySide6's source scan with a byte scan; ``True`` if it was there to replace. Imports PySide6
    (which sets its hook up) if nothing has yet: app.py calls this before its other imports."""
    import PySide6  # noqa: F401  # its import sets up shibokensupport.feature

    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if hasattr(original, "source_scan"):  # already installed
        return True

    # The standard library never mentions PySide6: its modules are answered without reading them.
    stdlib = os.path.join(os.path.dirname(os.__file__), "")  # not sysconfig: its import costs more
    site = os.path.join(stdlib, "site-packages", "")

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            if path.startswith(stdlib) and not path.startswith(site):
                return False
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.source_scan = original  # type: ignore[attr-defined]  # PySide6's own, kept for the tests
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010  # a private name of PySide6
    return True
