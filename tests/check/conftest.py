"""Fixtures of the checker tests: a Cambridgeshire-like catalogue and areas, the lexicon,
one reader for the session (spaCy loads once) and the seed paper."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from narrator.areas import Areas, parse_areas
from narrator.catalogue import Catalogue, parse_catalogue
from narrator.check import Checker, Reader, build_reader, load_lexicon, read_document
from narrator.check.text.document import Document
from narrator.project import load_project

#: The seed paper: a copy is kept in the repository (tests/data/seed) so that the checker's
#: tests never depend on the shared folder beside the checkout being there.
SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "reference-paper.txt"


@cache
def checker_for(root: Path | None = None) -> Checker:
    """One checker per project folder (None: the bundled sample) for the whole session: its
    reader loads spaCy once."""
    return Checker.for_project(load_project(root))


def level(root: Path, measure: str, area: str, period: str, month: str) -> float:
    """The figure of ``measure`` for ``area`` and ``period`` in the project at ``root``, as
    checked in a paper of ``month``: what a test's text quotes, from the project's figures."""
    value = checker_for(root).levels(month).value(measure, area, period)
    assert value is not None
    return value


def verdicts_by_text(root: Path, text: str, month: str) -> dict[str, tuple[object, ...]]:
    """Each claim of ``text``, checked against the project at ``root``, by its text: (measure,
    area, period, verdict); a text said twice keeps its last claim."""
    report = checker_for(root).check_text(text, month=month)
    return {
        v.claim.text: (v.claim.measure, v.claim.area, v.claim.period, v.verdict)
        for v in report.verdicts
    }


def whole(value: float) -> str:
    """A figure as a paper prints a count: "1,234"."""
    return f"{value:,.0f}"


def read_claims(root: Path, text: str, month: str) -> list[tuple[str, str | None, str | None, str]]:
    """Each claim of ``text``, checked against the project at ``root``, as (text, area,
    period, verdict)."""
    report = checker_for(root).check_text(text, month=month)
    return [(v.claim.text, v.claim.area, v.claim.period, v.verdict.value) for v in report.verdicts]


def _ratio(label: str, numerator: str, denominator: str, **extra: Any) -> dict[str, Any]:
    return {
        "label": label,
        "kind": "ratio",
        "numerator": numerator,
        "denominator": denominator,
        "decimals": 1,
        "polarity": "up_good",
        **extra,
    }


MEASURES: dict[str, dict[str, Any]] = {
    "all_crime": {"label": "all crime", "aliases": ["recorded crime"], "unit": "crime"},
    "ppo": {"label": "prosecution possible outcomes", "unit": "outcome"},
    "ppo_rate": _ratio(
        "all crime prosecution possible outcome rate",
        "ppo",
        "all_crime",
        aliases=["prosecution possible outcome rate"],
    ),
    "dwelling_burglary": {
        "label": "dwelling burglary",
        "aliases": ["burglary dwelling", "DB", "dwelling burglary crimes"],
        "polarity": "down_good",
    },
    "db_incidents": {"label": "dwelling burglary incidents", "unit": "incident"},
    "db_ppo": {"label": "dwelling burglary prosecution possible outcomes", "unit": "outcome"},
    "db_ppo_rate": _ratio(
        "dwelling burglary prosecution possible outcome rate", "db_ppo", "dwelling_burglary"
    ),
    "domestic_abuse": {"label": "domestic abuse", "aliases": ["DA"]},
    "da_ppo": {"label": "domestic abuse prosecution possible outcomes", "unit": "outcome"},
    "da_ppo_rate": _ratio(
        "domestic abuse prosecution possible outcome rate", "da_ppo", "domestic_abuse"
    ),
    "violent_crime": {"label": "violent crime"},
    "vwi": {"label": "violence with injury", "polarity": "down_good"},
    "pow": {"label": "possession of weapons"},
    "pow_ppo": {"label": "possession of weapons prosecution possible outcomes"},
    "pow_ppo_rate": _ratio(
        "possession of weapons prosecution possible outcome rate", "pow_ppo", "pow"
    ),
    "arrests": {
        "label": "arrests",
        "aliases": ["people arrested", "number of people arrested"],
        "unit": "arrest",
    },
    "stop_search": {
        "label": "stop searches for offensive weapons",
        "aliases": ["stop search", "stop searches"],
        "unit": "search",
    },
    "calls_999": {"label": "999 calls", "unit": "call"},
    "calls_101": {"label": "101 calls", "unit": "call"},
    "calls": {"label": "999 and 101 call volumes", "aliases": ["call volumes"], "unit": "call"},
    "surveyed": {"label": "victims surveyed", "unit": "victim"},
    "satisfied": {"label": "victims satisfied", "unit": "victim"},
    "victim_satisfaction": _ratio(
        "victim satisfaction",
        "satisfied",
        "surveyed",
        aliases=["satisfaction", "all victims", "all crime victims"],
    ),
    "db_surveyed": {"label": "dwelling burglary victims surveyed", "unit": "victim"},
    "db_satisfied": {"label": "dwelling burglary victims satisfied", "unit": "victim"},
    "db_satisfaction": _ratio(
        "dwelling burglary victim satisfaction", "db_satisfied", "db_surveyed"
    ),
    "vc_surveyed": {"label": "violent crime victims surveyed", "unit": "victim"},
    "vc_satisfied": {"label": "violent crime victims satisfied", "unit": "victim"},
    "vc_satisfaction": _ratio(
        "violent crime victim satisfaction",
        "vc_satisfied",
        "vc_surveyed",
        aliases=["victims of violent crime"],
    ),
    "awaiting_allocation": {
        "label": "investigations requiring allocation",
        "kind": "snapshot",
        "unit": "investigation",
    },
}

AREAS: list[dict[str, Any]] = [
    {"name": "Cambridgeshire", "level": "force", "aliases": ["the force"]},
    {
        "name": "North",
        "level": "area",
        "parent": "Cambridgeshire",
        "aliases": ["Northern", "Local Policing North"],
    },
    {
        "name": "South",
        "level": "area",
        "parent": "Cambridgeshire",
        "aliases": ["Southern", "Local Policing South"],
    },
    {"name": "Peterborough", "level": "district", "parent": "North"},
    {"name": "Fenland", "level": "district", "parent": "North"},
    {"name": "Huntingdonshire", "level": "district", "parent": "North"},
    {"name": "Cambridge City", "level": "district", "parent": "South", "aliases": ["Cambs City"]},
    {"name": "East Cambridgeshire", "level": "district", "parent": "South"},
    {
        "name": "South Cambridgeshire",
        "level": "district",
        "parent": "South",
        "aliases": ["South Cambs"],
    },
]


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return parse_catalogue({"measures": MEASURES}, "test catalogue")


@pytest.fixture(scope="session")
def areas() -> Areas:
    return parse_areas(AREAS, "test areas")


@pytest.fixture(scope="session")
def reader(catalogue: Catalogue, areas: Areas) -> Reader:
    return build_reader(catalogue, areas, load_lexicon())


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"the seed paper is not at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def seed(seed_path: Path) -> Document:
    return read_document(seed_path)
