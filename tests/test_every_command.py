"""Every command works on projects unlike the sample's layout: figures outside the project
folder (a shared drive, through a symlink or an absolute path) and raw data.police.uk files
(``[figures] source = "police-uk"``). The installed ``narrator`` is run as a user would,
with the defaults: the draft goes to the project folder and the build finds it there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from narrator.resources import sample_dir
from narrator.review.state import load_review

ROOT = Path(__file__).parent
NORTHSHIRE = ROOT / "projects" / "northshire"
CITY = ROOT.parent / "samples" / "city-of-london"
RAW = ROOT / "data" / "police_uk" / "city-of-london"


def narrator(cwd: Path, *args: str, expect: int = 0) -> subprocess.CompletedProcess[str]:
    """Run the installed command; assert its exit code and that it printed no traceback."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    command = [str(Path(sys.executable).parent / "narrator"), *args]
    run = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    shown = f"$ narrator {' '.join(args)}\n{run.stdout}\n{run.stderr}"
    assert run.returncode == expect, shown
    assert "Traceback" not in run.stderr, shown
    return run


def accept_all(draft_md: Path) -> None:
    """An editor accepts every paragraph (through the review API, as the app does)."""
    review = load_review(draft_md)
    for number in review.numbers():
        review.accept(number, who="test")
    review.save()


def every_command(project: Path, month: str, work: Path) -> None:
    """facts, lint, draft, check, review, build on a project, each with its defaults."""
    narrator(work, "facts", "--month", month, "--project", str(project), "--format", "csv")
    narrator(work, "draft", "--month", month, "--project", str(project))
    draft_md = project / f"draft-{month}.md"
    assert draft_md.is_file() and draft_md.with_suffix(".json").is_file()
    narrator(work, "check", str(draft_md), "--month", month, "--project", str(project))
    narrator(work, "review", str(draft_md), "--project", str(project), "--summary", expect=1)
    # Not reviewed yet: the build refuses, and says so.
    blocked = narrator(work, "build", "--month", month, "--project", str(project), expect=1)
    assert "not reviewed yet" in blocked.stderr
    accept_all(draft_md)
    narrator(work, "review", str(draft_md), "--project", str(project), "--summary")
    narrator(work, "build", "--month", month, "--project", str(project), "--format", "md,html")
    assert (project / "build" / f"paper-{month}.md").is_file()
    assert (project / "build" / f"paper-{month}.html").is_file()


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.parametrize("how", ["symlink", "absolute"])
def test_every_command_with_figures_outside_the_project(tmp_path: Path, how: str) -> None:
    project = tmp_path / "northshire"
    shutil.copytree(NORTHSHIRE, project)
    shared = tmp_path / "shared drive" / "extracts"
    shared.mkdir(parents=True)
    (project / "figures.csv").rename(shared / "northshire.csv")
    config = (project / "narrator.toml").read_text(encoding="utf-8")
    if how == "symlink":
        (project / "figures.csv").symlink_to(shared / "northshire.csv")
    else:
        named = str(shared / "northshire.csv")
        config = config.replace('file = "figures.csv"', f'file = "{named}"')
        assert named in config
    (project / "narrator.toml").write_text(config, encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    every_command(project, "2020-06", work)


@pytest.mark.e2e
@pytest.mark.slow
def test_every_command_on_a_police_uk_project(tmp_path: Path) -> None:
    project = tmp_path / "raw city"
    (project / "police-uk").mkdir(parents=True)
    for name in ("catalogue.toml", "areas.toml"):
        shutil.copy(CITY / name, project / name)
    for path in sorted(RAW.glob("*.csv")):
        shutil.copy(path, project / "police-uk" / path.name)
    (project / "outline.toml").write_text(
        'title = "Raw City"\n[[sections]]\nnumber = "1"\ntitle = "Recorded crime"\n'
        '  [[sections.paragraphs]]\n  measures = ["crimes_all"]\n  say = ["month_changes"]\n',
        encoding="utf-8",
    )
    (project / "narrator.toml").write_text(
        '[project]\nname = "Raw City"\n[figures]\nsource = "police-uk"\npaths = ["police-uk"]\n',
        encoding="utf-8",
    )
    every_command(project, "2018-04", tmp_path)


@pytest.mark.e2e
@pytest.mark.slow
def test_a_clean_build_of_the_sample_prints_a_few_lines(tmp_path: Path) -> None:
    draft_md = tmp_path / "draft-2019-10.md"
    narrator(tmp_path, "draft", "--month", "2019-10", "--out", str(draft_md))
    accept_all(draft_md)
    built = narrator(
        tmp_path, "build", "--month", "2019-10", "--draft", str(draft_md), "--out", "paper"
    )
    lines = (built.stdout + built.stderr).splitlines()
    assert len(lines) < 15, "\n".join(lines)
    assert any(line.startswith("Built the paper") for line in lines)
    assert (tmp_path / "paper" / "paper-2019-10.docx").is_file()
    assert sample_dir().is_dir()
