"""Past one machine: the fact engine run per partition (one force each), checked against
one run over everything.

    python bench/partition_check.py [--project bench/data/national-11] [--month 2019-10]

Series are independent, so the figures can be cut by force: each partition holds one
force's rows (the force and every area under it) and one more, the "top" partition, holds
the root and the forces (for what compares forces with each other). Each partition is
validated against the whole area hierarchy (so every area keeps its depth, and with it
the salience of its facts) and its facts are computed by the same ``compute_facts``.
:func:`facts_of_partition` is what a distributed engine would call per partition (Spark's
``groupBy("partition").applyInPandas`` or ``mapInPandas``, Dask's ``map_partitions``): a
pandas DataFrame of figure rows in, a DataFrame of facts out (the columns of
``narrator facts --format parquet``).

The script compares the union of the partitions' facts with the facts of one run over all
rows and prints what differs, by kind (see docs/scale.md for what it finds and why).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from narrator.facts import Fact, compute_facts
from narrator.facts.export import FIELDS
from narrator.figures import figures_from_table, read_table
from narrator.project import Project, load_project

TOP = "<top>"


def partition_of(project: Project) -> dict[str, str]:
    """Each area's partition: the force (child of the root) it belongs to; the root's is
    the top partition. Forces are also copied into the top partition (see rows_of)."""
    areas = project.all_areas
    root = areas.root.name
    owner = {root: TOP}
    for force in areas.children(root):
        for area in areas.subtree(force.name):
            owner[area.name] = force.name
    return owner


def rows_of(table: pd.DataFrame, project: Project) -> dict[str, pd.DataFrame]:
    """The figure rows of every partition (the forces' own rows also go to the top one)."""
    owner = partition_of(project)
    areas = table["area"].astype(str)
    parts = {name: group for name, group in table.groupby(areas.map(owner), sort=True)}
    root = project.all_areas.root.name
    forces = {a.name for a in project.all_areas.children(root)}
    parts[TOP] = table[areas.isin(forces | {root})]
    return parts


def facts_of_partition(rows: pd.DataFrame, project: Project, month: str) -> pd.DataFrame:
    """The facts of one partition's rows, as a DataFrame of the export's columns."""
    figures = figures_from_table(rows, project.catalogue, project.all_areas)
    facts = compute_facts(figures, month, project.settings)
    return pd.DataFrame([f.as_dict() for f in facts], columns=list(FIELDS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent
    parser.add_argument("--project", type=Path, default=here / "data" / "national-11")
    parser.add_argument("--month", default="2019-10")
    args = parser.parse_args()
    project = load_project(args.project)
    table = read_table(project.figures[0])

    started = time.perf_counter()
    whole = compute_facts(
        figures_from_table(table, project.catalogue, project.all_areas),
        args.month,
        project.settings,
    )
    one_run = time.perf_counter() - started
    union: dict[str, Fact] = {}
    conflicts = 0
    started = time.perf_counter()
    parts = rows_of(table, project)
    for rows in parts.values():
        figures = figures_from_table(rows, project.catalogue, project.all_areas)
        for fact in compute_facts(figures, args.month, project.settings):
            seen = union.setdefault(fact.id, fact)
            conflicts += seen != fact
    partitioned = time.perf_counter() - started

    everything = {f.id: f for f in whole}
    same = sum(1 for i, f in everything.items() if union.get(i) == f)
    changed = Counter(
        everything[i].kind for i in everything if i in union and union[i] != everything[i]
    )
    missing = Counter(everything[i].kind for i in everything if i not in union)
    extra = Counter(union[i].kind for i in union if i not in everything)
    print(
        f"{len(table):,} rows; one run: {len(everything):,} facts in {one_run:.1f} s; "
        f"{len(parts)} partitions: {len(union):,} facts in {partitioned:.1f} s"
    )
    print(f"identical: {same:,} ({100 * same / len(everything):.2f}%)")
    print(f"differ: {dict(changed)}; only in the one run: {dict(missing)}; ", end="")
    print(f"only in the partitions: {dict(extra)}; partitions disagreeing: {conflicts}")


if __name__ == "__main__":
    main()
