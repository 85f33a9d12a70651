"""The layers, enforced: every import in the package (module level, inside functions, under
``TYPE_CHECKING``, relative or absolute) is read with ``ast`` and checked against the rules below.

* ``api`` and ``domain`` import no Qt (``PySide6``, ``shiboken6``, ``qasync``): they run without a GUI.
* ``domain`` imports neither ``httpx`` nor anything from ``klogs_desk.api`` (api may use domain, never back).
* ``services`` import no ``klogs_desk.ui`` and no Qt beyond ``QtCore``: no widgets.
* ``sandbox`` imports from klogs_desk only ``klogs_desk.api.models``, ``klogs_desk.domain`` and itself (and
  the root package's version), and no Qt.
* ``ui`` imports neither ``klogs_desk.sandbox`` nor ``httpx``, and does not reach the HTTP client: no
  ``<anything>.client`` attribute and no ``KlogsClient`` import outside ``ui/main_window.py``, which
  replaces ``services.client`` when the environment changes. Widgets ask a service.
* ``shop`` (the shop database) imports no Qt and no httpx, and from klogs_desk only ``domain``, ``messages``
  and itself: services and the UI use it, never the reverse.
* ``i18n`` imports nothing from ``klogs_desk.ui``.
* ``messages`` (the message codes every layer hands up) imports no Qt, no httpx and nothing else of klogs_desk
  but ``frozen`` (its value classes' base), which imports nothing of klogs_desk at all: api, domain, services
  and the sandbox may all use both.
* Importing ``klogs_desk.config`` does not load ``httpx`` (checked in a fresh interpreter).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import klogs_desk

PACKAGE = Path(klogs_desk.__file__).resolve().parent
ROOT = PACKAGE.name
QT = ("PySide6", "shiboken6", "qasync")

#: Known exceptions, each with the reason it is allowed for now. Keep this empty when you can.
EXEMPT: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    importer: str
    line: int
    target: str

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    parts = [ROOT, *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_package_module(name: str) -> bool:
    """Whether ``name`` (dotted) is a module or package of klogs_desk, not an attribute of one."""
    parts = name.split(".")
    if parts[0] != ROOT:
        return False
    base = PACKAGE.joinpath(*parts[1:])
    return (base / "__init__.py").is_file() or base.with_suffix(".py").is_file() if parts[1:] else True


def imports_in(source: str, module: str, *, is_package: bool = False) -> list[Import]:
    """Every module ``source`` (the text of ``module``) imports, wherever the import statement is.

    ``from X import a`` counts as importing ``X.a`` when that is a klogs_desk module (``from . import x``,
    ``from ..api import models``) and ``X`` otherwise.
    """
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(module, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.append(Import(module, node.lineno, target if is_package_module(target) else base))
    return found


def all_imports() -> list[Import]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += imports_in(path.read_text(encoding="utf-8"), module_name(path), is_package=path.name == "__init__.py")
    return found


IMPORTS = all_imports()


def within(name: str, *prefixes: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def breaking(importers: tuple[str, ...], forbidden) -> list[str]:  # type: ignore[no-untyped-def]
    """The imports by modules under ``importers`` for which ``forbidden(target)`` holds, not exempted."""
    return [str(imp) for imp in IMPORTS
            if within(imp.importer, *importers) and forbidden(imp.target)
            and (imp.importer, imp.target) not in EXEMPT]


# --- the walker sees every kind of import -----------------------------------------------------------------


def test_the_walker_finds_local_relative_and_type_checking_imports():
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import theme\n"
        "from ..api import models\n"
        "from ..api.client import KlogsClient\n"
        "from .. import sandbox, __version__\n"
        "if TYPE_CHECKING:\n"
        "    import httpx\n"
        "def later():\n"
        "    from PySide6.QtWidgets import QWidget\n"
        "    import klogs_desk.sandbox.server as server\n")
    targets = {imp.target for imp in imports_in(source, "klogs_desk.ui.example")}
    assert targets == {"typing", "klogs_desk.ui.theme", "klogs_desk.api.models", "klogs_desk.api.client",
                       "klogs_desk.sandbox", "klogs_desk", "httpx", "PySide6.QtWidgets", "klogs_desk.sandbox.server"}
    package_targets = {imp.target for imp in imports_in("from . import listener\n", "klogs_desk.callbacks",
                                                         is_package=True)}
    assert package_targets == {"klogs_desk.callbacks.listener"}


def test_every_layer_is_found():
    importers = {imp.importer for imp in IMPORTS}
    for layer in ("api", "domain", "services", "sandbox", "ui", "callbacks", "shop"):
        assert any(within(name, f"{ROOT}.{layer}") for name in importers), layer


# --- the rules --------------------------------------------------------------------------------------------


def test_api_and_domain_import_no_qt():
    assert breaking((f"{ROOT}.api", f"{ROOT}.domain"), lambda target: within(target, *QT)) == []


def test_domain_imports_no_http_and_nothing_from_api():
    assert breaking((f"{ROOT}.domain",), lambda target: within(target, "httpx", f"{ROOT}.api")) == []


def test_services_import_no_widgets():
    def widgets(target: str) -> bool:
        return within(target, f"{ROOT}.ui", "shiboken6") or (within(target, "PySide6")
                                                              and not within(target, "PySide6.QtCore"))
    assert breaking((f"{ROOT}.services",), widgets) == []


def test_sandbox_imports_only_api_models_and_domain():
    allowed = (f"{ROOT}.sandbox", f"{ROOT}.api.models", f"{ROOT}.domain")

    def outside(target: str) -> bool:
        return (within(target, ROOT) and target != ROOT and not within(target, *allowed)) or within(target, *QT)
    assert breaking((f"{ROOT}.sandbox",), outside) == []


def test_ui_never_imports_the_sandbox_or_httpx():
    assert breaking((f"{ROOT}.ui",), lambda target: within(target, f"{ROOT}.sandbox", "httpx")) == []


#: The one UI module that holds the client: it builds a new one when the environment or the credentials
#: change and puts it in ``services.client`` (and watches it for the gateway-health label).
CLIENT_OWNER = PACKAGE / "ui" / "main_window.py"


def test_ui_reaches_the_gateway_only_through_services():
    found = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        if path == CLIENT_OWNER:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "client":
                found.append(f"{module_name(path)}:{node.lineno} uses .client")
            elif isinstance(node, ast.ImportFrom) and any(alias.name == "KlogsClient" for alias in node.names):
                found.append(f"{module_name(path)}:{node.lineno} imports KlogsClient")
    assert found == []


def test_the_shop_database_imports_only_the_domain_and_messages():
    allowed = (f"{ROOT}.shop", f"{ROOT}.domain", f"{ROOT}.messages")

    def outside(target: str) -> bool:
        return ((within(target, ROOT) and target != ROOT and not within(target, *allowed))
                or within(target, *QT, "httpx"))
    assert breaking((f"{ROOT}.shop",), outside) == []


def test_i18n_imports_nothing_from_the_ui():
    assert breaking((f"{ROOT}.i18n",), lambda target: within(target, f"{ROOT}.ui")) == []


def test_messages_stand_alone():
    assert breaking((f"{ROOT}.messages",), lambda target: target.startswith(QT) or target.startswith("httpx")
                    or (is_package_module(target) and not within(target, f"{ROOT}.messages")
                        and target != f"{ROOT}.frozen")) == []


def test_frozen_stands_alone():
    assert breaking((f"{ROOT}.frozen",), lambda target: target.startswith(QT) or target.startswith("httpx")
                    or (is_package_module(target) and not within(target, f"{ROOT}.frozen"))) == []


def test_importing_config_does_not_load_httpx():
    code = f"import {ROOT}.config, sys; assert 'httpx' not in sys.modules, 'config loaded httpx'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PACKAGE.parent, timeout=120)


@pytest.mark.parametrize("module", [f"{ROOT}.domain.schedule", f"{ROOT}.domain.test_cards"])
def test_domain_modules_load_without_the_api_or_qt(module):
    code = (f"import {module}, sys; loaded = [m for m in sys.modules if m.startswith(('{ROOT}.api', 'PySide6'))]; "
            "assert not loaded, loaded")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PACKAGE.parent, timeout=120)
