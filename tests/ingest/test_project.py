"""Projects: the City of London sample loads, and ``source = "police-uk"`` ingests on load."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from narrator.errors import ProjectError
from narrator.figures import figures_from_table, load_figures
from narrator.ingest import figures_table_for_project
from narrator.project import load_project, read_toml
from tests.ingest.helpers import DATA

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "city-of-london"


def test_the_city_of_london_sample_loads() -> None:
    project = load_project(SAMPLE)
    figures = load_figures(project.figures, project.catalogue, project.areas)
    assert project.areas.root.name == "City of London"
    assert (figures.first, figures.last) == (24215, 24250)  # 2017-12 .. 2020-11
    assert not figures.warnings
    # The first lockdown: April 2020 has far fewer crimes than April 2019.
    crimes = figures.series("crimes_all", "City of London")
    assert crimes[figures.column(24243)] < crimes[figures.column(24231)] / 3


@pytest.fixture
def raw_project(tmp_path: Path) -> Path:
    for name in ("catalogue.toml", "areas.toml"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    shutil.copytree(DATA / "city-of-london", tmp_path / "police-uk")
    (tmp_path / "narrator.toml").write_text(
        '[project]\nname = "City raw"\n[figures]\nsource = "police-uk"\npaths = ["police-uk"]\n'
    )
    return tmp_path


def test_a_project_can_point_at_raw_police_uk_files(raw_project: Path) -> None:
    config = read_toml(raw_project / "narrator.toml")
    table = figures_table_for_project(
        config["figures"], raw_project, areas_file=raw_project / "areas.toml"
    )
    assert list(table.columns) == ["month", "measure", "area", "value"]
    project = load_project(raw_project)
    figures = figures_from_table(table.astype(str), project.catalogue, project.areas)
    # Street files for March and April, stop and search to September: the months between
    # are gaps for crime (no file), not zeros.
    crimes = figures.series("crimes_all", "City of London")
    assert crimes[:2].tolist() == [567, 110]
    assert np.isnan(crimes[2:]).all()
    assert figures.series("ss_all", "City of London")[-1] == 30


def test_glob_patterns_and_thresholds(raw_project: Path) -> None:
    section = {"source": "police-uk", "paths": ["police-uk/*-street.csv"], "min_share": 0.01}
    table = figures_table_for_project(section, raw_project, areas_file=raw_project / "areas.toml")
    assert set(table["month"]) == {"2018-03", "2018-04"}
    assert not table["measure"].str.startswith("ss_").any()


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            {"source": "csv", "paths": ["x"]},
            'source must be one of "table", "police-uk", got "csv"',
        ),
        ({"source": "police-uk"}, "paths must name the police.uk files"),
        ({"source": "police-uk", "paths": ["*.nothing"]}, "matches no files"),
        ({"source": "police-uk", "paths": ["x"], "min_share": 2}, "from 0 to 1"),
        ({"source": "police-uk", "paths": ["x"], "colour": "red"}, "unknown key `colour`"),
    ],
)
def test_a_bad_figures_section(raw_project: Path, section: dict[str, object], message: str) -> None:
    with pytest.raises(ProjectError, match=message):
        figures_table_for_project(section, raw_project)


def test_the_table_fits_the_data_contract(raw_project: Path) -> None:
    table = figures_table_for_project(
        {"source": "police-uk", "paths": ["police-uk"]}, raw_project,
        areas_file=raw_project / "areas.toml",
    )  # fmt: skip
    assert pd.api.types.is_integer_dtype(table["value"])
    assert set(table["area"]) == {"City of London"}
