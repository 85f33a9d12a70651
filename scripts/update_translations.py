"""Refresh the translation sources and compile them: ``python scripts/update_translations.py``.

1. ``pyside6-lupdate`` reads every ``klogs_desk/**/*.py`` and merges new texts into
   ``resources/translations/klogs_desk_<lang>.ts`` (kept translations stay; vanished texts are dropped).
2. ``pyside6-lrelease`` compiles each ``.ts`` into ``klogs_desk/resources/translations/klogs_desk_<lang>.qm``,
   the package data the app loads (:mod:`klogs_desk.i18n`).

``--check`` exits 1 when a Turkish text is missing (new source text not translated yet), so CI can refuse it.
English needs no translations (the source texts are English); its ``.ts`` exists for completeness and for
plural forms.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "translations"
COMPILED = ROOT / "klogs_desk" / "resources" / "translations"
sys.path.insert(0, str(ROOT))  # this tree's klogs_desk, for the language list
from klogs_desk.config import TRANSLATED_LANGUAGES as LANGUAGES  # noqa: E402


def tool(name: str) -> str:
    """The PySide6 tool next to this Python (``.venv/bin/pyside6-lupdate``), else the one on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def python_sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "klogs_desk").rglob("*.py"))


def ts_path(language: str) -> Path:
    return SOURCES / f"klogs_desk_{language}.ts"


def untranslated(ts_file: Path) -> list[str]:
    """Source texts of ``ts_file`` with no finished translation (obsolete ones are ignored)."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind in ("obsolete", "vanished"):
            continue
        text = "".join(translation.itertext()) if translation is not None else ""
        if kind == "unfinished" or not text.strip():
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a Turkish text is not translated")
    args = parser.parse_args(argv)
    SOURCES.mkdir(parents=True, exist_ok=True)
    COMPILED.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-source-language", "en_US", "-target-language", language,
                        *python_sources(), "-ts", str(ts_path(language))], cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path(language)),
                        "-qm", str(COMPILED / f"klogs_desk_{language}.qm")], cwd=ROOT, check=True)
    missing = untranslated(ts_path("tr"))
    for text in missing:
        print(f"not translated to Turkish: {text!r}", file=sys.stderr)
    print(f"{len(missing)} Turkish text(s) missing")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
