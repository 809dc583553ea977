"""Drafting from real data.police.uk figures: the City of London sample and a raw-source project."""

from __future__ import annotations

import shutil
from pathlib import Path

from narrator.api import draft, load
from narrator.facts import compute_facts

ROOT = Path(__file__).parent.parent
CITY = ROOT / "samples" / "city-of-london"
RAW = Path(__file__).parent / "data" / "police_uk"


def test_lockdown_april_2020_is_a_significant_fall_against_the_benchmark() -> None:
    project, figures = load(CITY)
    facts = compute_facts(figures, "2020-04", project.settings)
    signal = facts.get("xmr.signal", "crimes_all", "City of London")
    assert signal is not None and signal.significant and signal.direction == "down"
    text = draft(CITY, "2020-04").draft.to_markdown()
    first = next(line for line in text.splitlines() if line.startswith("1.1 "))
    assert "significant fall against the benchmark" in first or "is a significant fall" in first


def test_every_city_month_with_a_year_of_history_drafts() -> None:
    for month in ("2018-12", "2019-06", "2020-11"):
        assert "## 1 Recorded crime" in draft(CITY, month).draft.to_markdown()


def test_project_can_name_raw_police_uk_files_as_its_source(tmp_path: Path) -> None:
    project = tmp_path / "raw"
    project.mkdir()
    for name in ("catalogue.toml", "areas.toml"):
        shutil.copy(CITY / name, project / name)
    raw_files = sorted(RAW.rglob("*city-of-london-street.csv"))
    assert raw_files, "the test data holds City of London street files"
    (project / "police-uk").mkdir()
    for path in raw_files:
        shutil.copy(path, project / "police-uk" / path.name)
    (project / "narrator.toml").write_text(
        '[project]\nname = "Raw City"\n[figures]\nsource = "police-uk"\npaths = ["police-uk"]\n',
        encoding="utf-8",
    )
    _, figures = load(project)
    assert figures.has("crimes_all", "City of London")
