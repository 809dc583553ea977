"""Papers per area: ``--area`` and ``--each`` on a project of several forces.

The Marches project (tests/projects/marches) is a region of three forces, each with its
basic command units: region > force > bcu, not the sample's force > area > district.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrator.api import draft, load_facts
from narrator.cli import main
from narrator.cli.app import app
from narrator.draft.document import Draft
from narrator.per_area import SOME_FAILED, AreaResult, _can_fork, exit_code, run_each, slug
from narrator.project import load_project

MARCHES = Path(__file__).parent / "projects" / "marches"
FORCES = ["Westmark Police", "Fenwick Constabulary", "Carrow Police"]
ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


@pytest.fixture(autouse=True)
def project_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test works on its own copy of the project, which is also the working directory:
    drafts and builds go to the project folder by default, never into the repository."""
    shutil.copytree(MARCHES, tmp_path, dirs_exist_ok=True)
    monkeypatch.setattr(sys.modules[__name__], "MARCHES", tmp_path)


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    return CliRunner()


def run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """The console script in-process (NarratorError -> message and exit 2)."""
    monkeypatch.setenv("COLUMNS", "300")  # messages on one line each
    monkeypatch.setattr(sys, "argv", ["narrator", *args])
    with pytest.raises(SystemExit) as caught:
        main()
    captured = capsys.readouterr()
    code = caught.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


# --------------------------------------------------------------------------------------
# The subject area
# --------------------------------------------------------------------------------------


def test_a_subtree_has_the_area_as_its_root_and_its_descendants() -> None:
    areas = load_project(MARCHES).areas
    part = areas.subtree("Fenwick Constabulary")
    assert part.root.name == "Fenwick Constabulary"
    assert part.root.parent is None
    assert part.root.aliases == ("Fenwick",)
    assert [a.name for a in part.children("Fenwick Constabulary")] == [
        "Fenwick City",
        "Fenwick Rural",
        "Fenwick Coast",
    ]
    assert "Westmark North" not in part and "Marches Region" not in part
    assert areas.subtree("Marches Region") == areas


def test_a_project_for_an_area_keeps_every_area_for_its_figures() -> None:
    project = load_project(MARCHES)
    view = project.for_area("Carrow Police")
    assert view.subject == "Carrow Police" and project.subject is None
    assert view.areas.root.name == "Carrow Police"
    assert view.all_areas is project.areas
    assert view.for_area("Westmark Police").areas.root.name == "Westmark Police"


def test_an_area_draft_speaks_of_the_area_and_its_children_only() -> None:
    paper = draft(MARCHES, "2019-10", area="Fenwick Constabulary").draft
    text = paper.to_markdown()
    assert paper.title == "Burglary and Arrests Update: Fenwick Constabulary, October 2019"
    assert paper.area == "Fenwick Constabulary"
    assert "the Fenwick City BCU" in text
    for other in ("Westmark", "Carrow", "Marches"):
        assert other not in text
    cited_areas = {fact["area"] for fact in paper.facts.values()}
    assert cited_areas <= {"Fenwick Constabulary", "Fenwick City", "Fenwick Rural", "Fenwick Coast"}
    assert "Fenwick Constabulary" in cited_areas


def test_the_whole_projects_draft_is_unchanged_and_has_no_area_in_its_sidecar() -> None:
    paper = draft(MARCHES, "2019-10").draft
    assert paper.area is None
    assert paper.title == "Burglary and Arrests Update: October 2019"
    assert "area" not in json.loads(paper.to_json())
    assert "Westmark Police" in paper.to_markdown()


def test_the_sidecar_keeps_the_area() -> None:
    paper = draft(MARCHES, "2019-10", area="Carrow Police").draft
    assert Draft.from_json(paper.to_json()) == paper


# --------------------------------------------------------------------------------------
# narrator draft --area / --each
# --------------------------------------------------------------------------------------


def draft_args(*more: str) -> list[str]:
    return ["draft", "--month", "2019-10", "--project", str(MARCHES), *more]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_writes_a_draft_per_force_identical_to_the_area_draft(
    runner: CliRunner, tmp_path: Path, jobs: str
) -> None:
    result = runner.invoke(app, draft_args("--each", "force", "--jobs", jobs))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "drafts-2019-10"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        f"draft-2019-10-{slug(f)}.{ext}" for f in FORCES for ext in ("md", "json")
    )
    assert "Wrote 3 of 3 drafts" in result.stderr
    for force in FORCES:
        alone = tmp_path / "alone" / f"{slug(force)}.md"
        one = runner.invoke(app, draft_args("--area", force, "--out", str(alone)))
        assert one.exit_code == 0, one.output
        each = folder / f"draft-2019-10-{slug(force)}.md"
        assert each.read_bytes() == alone.read_bytes()
        assert each.with_suffix(".json").read_bytes() == alone.with_suffix(".json").read_bytes()
        assert f"# Burglary and Arrests Update: {force}, October 2019" in each.read_text("utf-8")


def test_area_takes_an_alias_and_writes_beside_by_default(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, draft_args("--area", "westmark"))
    assert result.exit_code == 0, result.output
    written = tmp_path / "draft-2019-10-westmark-police.md"
    assert written.is_file() and written.with_suffix(".json").is_file()
    assert json.loads(written.with_suffix(".json").read_text("utf-8"))["area"] == "Westmark Police"


def test_each_bcu_drafts_the_lowest_level_too(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, draft_args("--each", "bcu", "--out", "bcus"))
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "bcus").glob("*.md"))) == 7


def test_a_failing_area_is_reported_and_the_others_are_written(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "drafts-2019-10"
    folder.mkdir()
    edited = folder / "draft-2019-10-carrow-police.md"
    edited.write_text("# An editor's own paper\n", encoding="utf-8")
    result = runner.invoke(app, draft_args("--each", "force", "--jobs", "2"))
    assert result.exit_code == SOME_FAILED, result.output
    assert "error: Carrow Police:" in result.stderr
    assert "differs from the draft narrator last wrote there" in " ".join(result.stderr.split())
    assert "Wrote 2 of 3 drafts" in result.stderr
    assert edited.read_text(encoding="utf-8") == "# An editor's own paper\n"
    assert (folder / "draft-2019-10-westmark-police.md").is_file()
    assert (folder / "draft-2019-10-fenwick-constabulary.json").is_file()
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--each", "forse"),
            "--each 'forse': no area of the project has that level; did you mean 'force'?",
        ),
        (("--area", "Nowhere Police"), "--area 'Nowhere Police' is not an area of the project"),
    ],
)
def test_unknown_levels_and_areas_exit_2_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    args: tuple[str, ...],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    code, _, err = run_main(monkeypatch, capsys, *draft_args(*args))
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize(
    "args", [("--area", "Carrow", "--each", "force"), ("--each", "force", "--out", "-")]
)
def test_wrong_combinations_exit_2(
    runner: CliRunner, tmp_path: Path, args: tuple[str, ...]
) -> None:
    before = sorted(tmp_path.iterdir())
    result = runner.invoke(app, draft_args(*args))
    assert result.exit_code == 2
    assert result.stderr.startswith("error:")
    assert sorted(tmp_path.iterdir()) == before


# --------------------------------------------------------------------------------------
# The runner
# --------------------------------------------------------------------------------------


def flaky(area: str) -> AreaResult:
    if area == "b":
        raise RuntimeError("the disk fell off")
    return AreaResult(area, summary=f"did {area}")


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_each_reports_an_unexpected_failure_as_that_areas_result(jobs: int) -> None:
    seen: list[str] = []
    results = run_each(["a", "b", "c"], flaky, jobs=jobs, done=lambda r: seen.append(r.area))
    assert [r.area for r in results] == ["a", "b", "c"]
    assert sorted(seen) == ["a", "b", "c"]
    assert results[1].code == 2
    assert results[1].error == "unexpected RuntimeError: the disk fell off"
    assert [r.summary for r in results if r.code == 0] == ["did a", "did c"]
    assert exit_code(results) == SOME_FAILED


def test_exit_codes_of_a_run_per_area() -> None:
    ok, blocked, failed = AreaResult("a"), AreaResult("b", code=1), AreaResult("c", code=2)
    assert exit_code([ok, ok]) == 0
    assert exit_code([ok, blocked]) == 1
    assert exit_code([ok, blocked, failed]) == SOME_FAILED


def test_each_runs_in_worker_processes_with_the_facts_inherited(tmp_path: Path) -> None:
    if not _can_fork():
        pytest.skip("no fork here, or another thread runs in this process: areas run in it")
    project = load_project(MARCHES)
    facts = load_facts(project, "2019-10").facts

    def pid_of(area: str) -> AreaResult:
        import os

        return AreaResult(area, summary=f"{os.getpid()} {len(facts)}")

    results = run_each(FORCES, pid_of, jobs=2)
    pids = {r.summary.split()[0] for r in results}
    import os

    assert str(os.getpid()) not in pids
    assert {r.summary.split()[1] for r in results} == {str(len(facts))}


# --------------------------------------------------------------------------------------
# narrator build --area / --each
# --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_build_each_builds_every_forces_paper_and_reports_blocked_ones(
    runner: CliRunner, tmp_path: Path
) -> None:
    assert runner.invoke(app, draft_args("--each", "force")).exit_code == 0
    build = ["build", "--month", "2019-10", "--project", str(MARCHES), "--each", "force"]
    blocked = runner.invoke(app, [*build, "--format", "md"])
    assert blocked.exit_code == 1, blocked.output
    assert "blocked: Carrow Police: 3 things block the paper" in blocked.stderr
    assert not (tmp_path / "build").exists()
    built = runner.invoke(app, [*build, "--format", "md", "--draft-watermark"])
    assert built.exit_code == 0, built.output
    for force in FORCES:
        paper = (tmp_path / "build" / slug(force) / "paper-2019-10.md").read_text("utf-8")
        assert force in paper and "DRAFT" in paper


@pytest.mark.slow
def test_build_area_refuses_another_areas_draft(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_main(monkeypatch, capsys, *draft_args("--area", "Carrow"))
    assert code == 0, err
    shutil.copy(tmp_path / "draft-2019-10-carrow-police.md", tmp_path / "other.md")
    shutil.copy(tmp_path / "draft-2019-10-carrow-police.json", tmp_path / "other.json")
    args = ["build", "--month", "2019-10", "--project", str(MARCHES), "--format", "md"]
    code, _, err = run_main(monkeypatch, capsys, *args, "--area", "Westmark", "--draft", "other.md")
    assert code == 2
    assert "is the draft of the area 'Carrow Police', not of the area 'Westmark Police'" in err
    code, _, err = run_main(monkeypatch, capsys, *args, "--area", "Carrow", "--draft-watermark")
    assert code == 0, err
    assert "Carrow Police" in (tmp_path / "build" / "paper-2019-10.md").read_text("utf-8")
