"""The cheaper PySide6 import hook gives PySide6 the same answer as its own source scan."""

from __future__ import annotations

import importlib
import sys

import PySide6.QtCore  # noqa: F401  # loads shibokensupport.feature

from klogs_desk.ui import import_hook

MODULES = ("klogs_desk.ui.theme", "klogs_desk.ui.main_window", "klogs_desk.domain.money", "klogs_desk.messages",
           "json", "asyncio.events", "qasync", "sqlite3", "_json", "math")


def test_the_byte_scan_answers_as_pysides_source_scan(monkeypatch):
    feature = sys.modules["shibokensupport.feature"]
    original = getattr(feature._mod_uses_pyside, "source_scan", feature._mod_uses_pyside)  # an earlier test
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)
    assert import_hook.install()
    assert import_hook.install()  # a second time keeps the first replacement
    faster = feature._mod_uses_pyside
    assert faster is not original
    answers = {name: faster(importlib.import_module(name)) for name in MODULES}
    assert answers == {name: original(importlib.import_module(name)) for name in MODULES}
    assert answers["klogs_desk.ui.theme"] and answers["qasync"]
    assert not answers["klogs_desk.domain.money"] and not answers["json"]
