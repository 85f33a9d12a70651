"""Refresh the translation sources and compile them: ``python scripts/update_translations.py``.

1. ``pyside6-lupdate`` reads every ``klogs_desk/**/*.py`` and merges new texts into
   ``resources/translations/klogs_desk_<lang>.ts`` (kept translations stay; vanished texts are dropped).
2. ``pyside6-lrelease`` compiles each ``.ts`` into ``klogs_desk/resources/translations/klogs_desk_<lang>.qm``,
   the package data the app loads (:mod:`klogs_desk.i18n`).

``--check`` changes nothing: it refreshes copies in a temporary folder and exits 1 when the code has a text the
sources lack or a Turkish text is missing (new source text not translated yet), so a test can refuse it.
English needs no translations (the source texts are English); its ``.ts`` exists for completeness and for
plural forms.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
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


def texts(ts_file: Path) -> set[tuple[str, str]]:
    """(context, source) of every current (not obsolete) message in ``ts_file``."""
    found = set()
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found.add((context.findtext("name") or "", message.findtext("source") or ""))
    return found


def lupdate(language: str, ts_file: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "en_US", "-target-language", language,
                    *python_sources(), "-ts", str(ts_file)], cwd=ROOT, check=True)


def check() -> int:
    """Refresh copies of the sources in a temporary folder (the tree is left as it is) and report texts the
    code has that the sources lack, and Turkish texts not translated."""
    problems = 0
    with tempfile.TemporaryDirectory() as folder:
        for language in LANGUAGES:
            fresh = Path(folder) / ts_path(language).name
            shutil.copyfile(ts_path(language), fresh)
            lupdate(language, fresh)
            for context, source in sorted(texts(fresh) - texts(ts_path(language))):
                print(f"{language}: not in the sources yet ({context}): {source!r}", file=sys.stderr)
                problems += 1
            if language == "tr":
                for text in untranslated(fresh):
                    print(f"not translated to Turkish: {text!r}", file=sys.stderr)
                    problems += 1
    print(f"{problems} text(s) to add or translate (run scripts/update_translations.py)")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if the sources miss a text of the code or a Turkish translation")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    SOURCES.mkdir(parents=True, exist_ok=True)
    COMPILED.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        lupdate(language, ts_path(language))
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path(language)),
                        "-qm", str(COMPILED / f"klogs_desk_{language}.qm")], cwd=ROOT, check=True)
    missing = untranslated(ts_path("tr"))
    for text in missing:
        print(f"not translated to Turkish: {text!r}", file=sys.stderr)
    print(f"{len(missing)} Turkish text(s) missing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
