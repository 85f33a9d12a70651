"""The pinned versions the bundle and CI install (packaging/constraints.txt): every requirement of the
project is pinned, each pin satisfies pyproject's range where its marker applies, and PySide6 6.12.0 can
never be chosen on Python 3.11 (it kills qasync apps there)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def constraints() -> list[Requirement]:
    lines = (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return [Requirement(line) for line in (raw.split("#", 1)[0].strip() for raw in lines) if line]


def project_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in ("bundle", "test", "lint"):
        lines += project["optional-dependencies"][extra]
    return [Requirement(line) for line in lines]


def environment(python: str) -> dict[str, str]:
    return {**default_environment(), "python_version": python, "python_full_version": f"{python}.0"}


def applying(python: str) -> dict[str, list[Requirement]]:
    found: dict[str, list[Requirement]] = {}
    for pin in constraints():
        if pin.marker is None or pin.marker.evaluate(environment(python)):
            found.setdefault(canonicalize_name(pin.name), []).append(pin)
    return found


@pytest.mark.parametrize("python", ["3.11", "3.12"])
def test_every_requirement_is_pinned_within_its_range(python):
    pins = applying(python)
    for requirement in project_requirements():
        if requirement.marker is not None and not requirement.marker.evaluate(environment(python)):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} has no pin for Python {python}"
        for pin in pins[name]:
            exact = [spec.version for spec in pin.specifier if spec.operator == "=="]
            assert exact, f"{pin} is not an exact pin"
            assert requirement.specifier.contains(exact[0], prereleases=True), (pin, requirement)


def test_pyside6_6_12_0_is_never_chosen_on_python_3_11():
    for name in ("pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"):
        pins = applying("3.11")[name]
        assert not all(pin.specifier.contains("6.12.0") for pin in pins), pins
