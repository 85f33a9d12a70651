"""Every tab and dialog, in English and Turkish at 100 % and 150 %, under a real X server: no text is clipped,
elided or drawn over another widget (scripts/check_text_fit.py; its PNGs go to ``$KLOGS_SCREENS_DIR``).

The check starts its own Xvfb and its own processes (the rest of the suite stays offscreen). Without Xvfb it
fails with the install line: a missing X server must not pass for "everything fits".
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_text_fit", ROOT / "scripts" / "check_text_fit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_text_fits_its_box_in_both_languages_at_both_scales(tmp_path: Path) -> None:
    checker = _checker()
    out = Path(os.environ.get("KLOGS_SCREENS_DIR") or tmp_path)
    code, problems = checker.check_all(out, ["en", "tr"], ["1", "1.5"])
    assert code == 0, "\n".join(problems)
    shots = sorted(path.name for path in out.glob("*.png"))
    for language in ("en", "tr"):
        for scale in ("1", "1.5"):
            for screen in ("sale", "journal-long-status", "journal-1100", "settings", "owner", "owner-waiting",
                           "refund", "lock-screen", "close-day-cashier", "journal-all-tills"):
                assert f"{language}-{scale}-{screen}.png" in shots


def test_the_check_finds_a_clipped_label_and_an_overlap(qtbot) -> None:
    """The checks themselves, on widgets made to fail (offscreen is enough for geometry and metrics)."""
    from PySide6.QtWidgets import QLabel, QPushButton, QWidget

    checker = _checker()
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(400, 200)
    clipped = QLabel("A sentence far too long for the thirty pixels it was given", parent, objectName="clipped")
    clipped.setGeometry(0, 0, 30, 20)
    button = QPushButton("Press", parent, objectName="over")
    button.setGeometry(10, 5, 100, 30)
    parent.show()
    problems = checker.problems_in(parent, "made")
    assert any("clipped" in line and "does not fit" in line for line in problems), problems
    assert any("overlaps" in line for line in problems), problems
    clipped.setGeometry(0, 40, 390, 20)
    assert checker.problems_in(parent, "made") == []


def test_the_check_finds_a_drop_down_too_narrow_for_its_chosen_item(qtbot) -> None:
    """The Journal's till filter once showed "Kasa 2 – I": sized for "Every till" before the tills came."""
    from PySide6.QtWidgets import QComboBox, QWidget

    checker = _checker()
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(400, 60)
    combo = QComboBox(parent, objectName="till")
    combo.addItems(["Every till", "Kasa 2 – Bahçe girişi"])
    combo.setCurrentIndex(1)
    combo.setGeometry(0, 0, 80, 30)
    parent.show()
    problems = checker.problems_in(parent, "made")
    assert any("#till" in line and "chosen item 'Kasa 2 – Bahçe girişi'" in line for line in problems), problems
    combo.setGeometry(0, 0, 300, 30)
    assert checker.problems_in(parent, "made") == []


def test_missing_xvfb_fails_with_the_install_line(monkeypatch, tmp_path: Path) -> None:
    checker = _checker()
    monkeypatch.setattr(checker.shutil, "which", lambda _name: None)
    code, problems = checker.check_all(tmp_path, ["en"], ["1"])
    assert code == 2
    assert "apt-get install -y xvfb" in problems[0]


def test_elided_status_keeps_the_whole_text_as_tooltip(qtbot) -> None:
    from klogs_desk.ui.fit import ElidedLabel

    label = ElidedLabel()
    qtbot.addWidget(label)
    long_text = "Receipt saved to /home/cashier/" + "folder/" * 40 + "sale.pdf"
    label.setText(long_text)
    label.resize(300, 20)
    label.show()
    assert label.toolTip() == long_text
    assert label.sizeHint().width() < 400
    assert label.shown_text() != long_text and "…" in label.shown_text()
