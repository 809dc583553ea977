"""``samples/ci-recipe.sh`` runs end to end: every step reports its exit code."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from narrator.resources import sample_dir
from tests.build.conftest import MONTH, accept_all, write_draft

RECIPE = Path(__file__).resolve().parents[2] / "samples" / "ci-recipe.sh"


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("narrator") is None or shutil.which("bash") is None,
    reason="needs the installed narrator command and bash",
)
def test_recipe_reports_each_step_and_exits_with_the_build(tmp_path: Path) -> None:
    work = tmp_path / "reports"
    accept_all(write_draft(sample_dir(), work))
    env = {**os.environ, "WORK": str(work), "COLUMNS": "120", "NO_COLOR": "1"}
    run = subprocess.run(
        ["bash", str(RECIPE), MONTH],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    log = run.stdout + run.stderr
    codes = dict(re.findall(r"^::: ([\w-]+): exit (\d+)$", log, re.MULTILINE))
    assert codes["draft"] == "0" and codes["review"] == "0", log
    summary = re.search(r"^summary: draft=0 review=0 check=\w+ build=(\d)$", log, re.MULTILINE)
    assert summary, log
    assert run.returncode == int(summary.group(1)) == int(codes["build"])
    # The build is 0 unless the checker, once it ships, finds a contradiction in the sample.
    folder = work / "build" if run.returncode == 0 else work / "build" / "draft"
    for suffix in ("md", "html", "docx"):
        assert (folder / f"paper-{MONTH}.{suffix}").is_file(), log
