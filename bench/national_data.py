"""Write the synthetic national project to disk: figures as one Parquet file, with its
catalogue, areas, outline and ``narrator.toml``.

    python bench/national_data.py [--out bench/data/national] [--counts 40] [--ratios 10]

The figures are those of ``bench/facts_national.py`` (same seed, same generator): 43 forces
of 11 districts under "England and Wales" (517 areas), 40 stored count measures (10 of them
numerators of 10 ratio measures), 120 months to October 2019: 2,481,600 rows. The file is
written with typed columns (text month, measure and area, integer value), as a warehouse
extract would be. The outline is small and generic (it names no area): applied with a force
as the paper's subject, it speaks of that force and its districts.

The folder is generated, never committed (``bench/data/`` is in ``.gitignore``): the same
seed always writes the same figures, so anyone can make it again in a few seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# bench/ is not a package: its scripts run as files, with this folder on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import facts_national
from facts_national import (
    DISTRICTS,
    LAST,
    N_MONTHS,
    ROOT,
    build_areas,
    build_catalogue,
    build_table,
)

DEFAULT_OUT = Path(__file__).resolve().parent / "data" / "national"

OUTLINE = """\
# A generic outline: it names no area, so the paper's subject is whichever area the
# command is given (--area NAME, or each area of a level with --each LEVEL).
title = "Performance summary"

[[sections]]
number = "1.1"
title = "Recorded offences"

  [[sections.paragraphs]]
  text = "This section is written from the monthly recorded figures."

  [[sections.paragraphs]]
  measures = ["c00"]
  say = ["month_changes", "rolling_year", "area_variation"]

  [[sections.paragraphs]]
  measures = ["c02"]
  say = ["rolling_year", "district_changes_fy"]
  max_sentences = 5

[[sections]]
number = "1.2"
title = "Outcomes"

  [[sections.paragraphs]]
  measures = ["r00"]
  say = ["rolling_headline", "driver", "children_moves"]

  [[sections.paragraphs]]
  measures = ["r01"]
  say = ["rolling_headline", "benchmark_detail"]
"""


def toml_string(text: str) -> str:
    """A TOML basic string (the names here hold no quotes or backslashes)."""
    if '"' in text or "\\" in text:
        raise ValueError(f"unexpected character in {text!r}")
    return f'"{text}"'


def areas_toml() -> str:
    """``areas.toml`` in hierarchy order (root, then each force and its districts)."""
    lines = []
    for area in build_areas():
        lines += ["[[areas]]", f"name = {toml_string(area.name)}", f'level = "{area.level}"']
        if area.parent is not None:
            lines.append(f"parent = {toml_string(area.parent)}")
        lines.append("")
    return "\n".join(lines)


def catalogue_toml(counts: int, ratios: int) -> str:
    """``catalogue.toml`` for the measures of ``build_catalogue``."""
    lines = []
    for measure in build_catalogue(counts, ratios):
        lines.append(f"[measures.{measure.id}]")
        lines.append(f"label = {toml_string(measure.label)}")
        lines.append(f'kind = "{measure.kind.value}"')
        lines.append(f'polarity = "{measure.polarity.value}"')
        if measure.is_ratio:
            lines.append(f'numerator = "{measure.numerator}"')
            lines.append(f'denominator = "{measure.denominator}"')
            lines.append(f"decimals = {measure.decimals}")
        lines.append("")
    return "\n".join(lines)


def write_project(out: Path, counts: int, ratios: int) -> int:
    """Write the project folder; return the number of figure rows."""
    out.mkdir(parents=True, exist_ok=True)
    table = build_table(counts, ratios, build_areas())
    arrow = pa.table(
        {
            "month": pa.array(table["month"].to_numpy(), pa.string()),
            "measure": pa.array(table["measure"].to_numpy(), pa.string()),
            "area": pa.array(table["area"].to_numpy(), pa.string()),
            "value": pa.array(table["value"].astype("int64").to_numpy(), pa.int64()),
        }
    )
    pq.write_table(arrow, out / "figures.parquet", compression="zstd")
    (out / "areas.toml").write_text(areas_toml(), encoding="utf-8")
    (out / "catalogue.toml").write_text(catalogue_toml(counts, ratios), encoding="utf-8")
    (out / "outline.toml").write_text(OUTLINE, encoding="utf-8")
    (out / "narrator.toml").write_text(
        '[project]\nname = "National (synthetic)"\n\n[figures]\nfile = "figures.parquet"\n',
        encoding="utf-8",
    )
    return len(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--counts", type=int, default=40, help="stored count measures")
    parser.add_argument("--ratios", type=int, default=10, help="ratio measures over them")
    parser.add_argument(
        "--forces", type=int, default=43, help="fewer forces: a smaller set (memory per row)"
    )
    args = parser.parse_args()
    # The generator reads the number of forces from its module when it runs.
    facts_national.FORCES = args.forces
    started = time.perf_counter()
    rows = write_project(args.out, args.counts, args.ratios)
    print(
        f"{args.out}: {rows:,} rows ({args.forces} forces x {DISTRICTS} districts, "
        f"{args.counts} counts + {args.ratios} ratios, {N_MONTHS} months to {LAST}, "
        f"root {ROOT!r}) in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
