"""`.ci/run` runs exactly the README's test command (the two-process run, then the card-data scan of all it
wrote), so what CI proves is what a developer is told to run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the tests", 1)[1]
    return re.search(r"```bash\n(.+?)\n```", section, re.DOTALL).group(1).strip()


def test_ci_runs_the_readme_test_command_exactly_and_last():
    command = readme_test_command()
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert ci[-1] == command


def test_the_readme_command_scans_for_card_data_after_the_run():
    steps = [step.strip() for step in readme_test_command().split("&&")]
    run = next(i for i, step in enumerate(steps) if "pytest" in step)
    assert " -n " in f" {steps[run]} "  # the run in several processes ...
    assert steps[run + 1:] == [".venv/bin/python -m pytest --scan-last-run tests/test_zz_card_data_at_rest.py"]
