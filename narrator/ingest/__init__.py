"""Ingests: turning published source files into the tidy figures of the data contract.

:func:`ingest_police_uk` reads data.police.uk street-level crime, outcomes and stop-and-search
CSV files; :func:`figures_table_for_project` runs it for a project whose ``[figures]`` says
``source = "police-uk"``. The measure ids are documented in :mod:`narrator.ingest.naming`,
the counting rules in :mod:`narrator.ingest.police_uk` and the rule that decides which
districts belong to a force in :mod:`narrator.ingest.plan`.
"""

from __future__ import annotations

from narrator.ingest.plan import AreaPlan, MembershipRule, load_area_plan
from narrator.ingest.police_uk import IngestResult, Progress, ingest_police_uk, write_figures
from narrator.ingest.project import figures_table_for_project
from narrator.ingest.summary import IngestSummary, Quirk

__all__ = [
    "AreaPlan",
    "IngestResult",
    "IngestSummary",
    "MembershipRule",
    "Progress",
    "Quirk",
    "figures_table_for_project",
    "ingest_police_uk",
    "load_area_plan",
    "write_figures",
]
