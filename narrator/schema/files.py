"""The shape of every project file: each key once, with its type, default, range and meaning.

``narrator.toml`` (:class:`ProjectFile`), the catalogue (:class:`CatalogueFile`), the areas
file (:class:`AreasFile`), the outline (:class:`OutlineFile`) and ``paper.toml``
(:class:`PaperFile`). The loaders check a document with :func:`narrator.schema.validate.build`
and then apply the rules that tie keys together (a ratio's numerator is a count of the same
catalogue, one area has no parent...). ``docs/reference/`` is generated from these classes by
``python -m narrator.schema.reference``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from narrator.schema.keys import key
from narrator.settings import Settings

#: How many sentences a generated paragraph may hold at most (a bound, not a style).
MAX_SENTENCES = 20

Kind = Literal["count", "ratio", "snapshot"]
Polarity = Literal["up_good", "down_good", "neutral"]
Benchmark = Literal["long_term", "year_end", "xmr"]
Noun = Literal["auto", "count", "mass"]
PATHS = "a path in quotes or a list of them"

# ---------------------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureEntry:
    """``[measures.ID]``: one measure; ID is how the figures and the outline name it."""

    label: str | None = key(
        None,
        doc="How a paper names the measure (`dwelling burglary`). Default: the ID with spaces "
        "for underscores.",
    )
    kind: Kind = key(
        "count",
        doc="`count`: a number of events per month, summed over a period; `snapshot`: a level "
        "at the month's end, never summed; `ratio`: numerator over denominator, never stored.",
    )
    unit: str = key("offence", doc="The noun a count is written with (`burglary`, `call`).")
    unit_plural: str | None = key(
        None, doc="The plural of `unit`, when it is not regular (`burglaries`)."
    )
    noun: Noun = key(
        "auto",
        doc="How the label is counted in prose: `count` (a plural count noun phrase, said as "
        "it is: `vehicle thefts`), `mass` (a mass noun counted in its unit: `27 incidents of "
        "anti-social behaviour`, never `the number of vehicle crime`), `auto` (guessed from "
        "the label and the unit).",
    )
    aliases: tuple[str, ...] = key((), doc="Other names a paper may use for the measure.")
    numerator: str | None = key(
        None, doc="For a ratio: the ID of the count measure above the line."
    )
    denominator: str | None = key(
        None, doc="For a ratio: the ID of the count measure below the line."
    )
    polarity: Polarity = key(
        "neutral",
        doc="Which direction is an improvement: `up_good`, `down_good` or `neutral`.",
    )
    decimals: int = key(0, doc="Decimal places the value is written with.", low=0, high=6)
    priority: int = key(
        5, doc="How much the measure matters, 1 (most) to 5 (least).", low=1, high=5
    )
    zero_fill: bool = key(
        True, doc="A month without a row is a zero (true) or a gap in the series (false)."
    )
    short: str | None = key(
        None,
        doc="How the measure is referred to after its first mention (`the rate`). Default: "
        "`the rate` for a ratio, else `the number of` and the plural unit.",
    )
    benchmarks: tuple[Benchmark, ...] = key(
        ("long_term", "year_end", "xmr"),
        doc="The benchmarks the measure is compared with: `long_term` (the average of past "
        "financial years) and `year_end` (last year's end) are computed only when listed; "
        "`xmr` is accepted for completeness (XmR limits are computed for every measure).",
    )


@dataclass(frozen=True)
class CatalogueFile:
    """The catalogue file (``catalogue.toml``): the measures of the project."""

    measures: dict[str, MeasureEntry] = key(
        factory=dict, doc="One `[measures.ID]` table per measure; at least one."
    )


# ---------------------------------------------------------------------------------------
# The areas
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaEntry:
    """``[[areas]]``: one area of the hierarchy (force, area, district)."""

    name: str = key(doc="The area's name, as the figures' `area` column writes it.")
    level: str = key("area", doc="Its level in the hierarchy (`force`, `area`, `district`).")
    parent: str | None = key(
        None, doc="The name of the area it belongs to; exactly one area (the force) has none."
    )
    aliases: tuple[str, ...] = key((), doc="Other names a paper may use for the area.")
    label: str | None = key(None, doc="How prose names the area (`North area`). Default: name.")
    districts: tuple[str, ...] | None = key(
        None,
        doc="police.uk ingest only: the LSOA district names the area sums. Default: those of "
        "its children, else its name and aliases.",
    )


@dataclass(frozen=True)
class AreasFile:
    """The areas file (``areas.toml``): the force first, then its areas and districts."""

    areas: tuple[AreaEntry, ...] = key((), doc="One `[[areas]]` table per area.")


# ---------------------------------------------------------------------------------------
# The outline
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParagraphEntry:
    """``[[sections.paragraphs]]``: one paragraph, generated from measures or hand-written."""

    measures: tuple[str, ...] = key(
        (), doc="The catalogue IDs the paragraph is about (the first one leads)."
    )
    say: tuple[str, ...] = key(
        (),
        doc="The rules that choose its sentences, in order: `rule` for every measure, "
        "`rule:ID` for one (see [the rules](rules.md)); `auto` (or no `say` at all) lets "
        "narrator choose what an analyst would lead with.",
        example='say = ["rolling_headline", "driver"]',
    )
    area: str | None = key(None, doc="The area the paragraph speaks of. Default: the force.")
    compare_with: str | None = key(
        None, doc="A measure the rules compare the paragraph's measures with."
    )
    text: str | None = key(None, doc="Hand-written text, copied into the draft as it is.")
    include: str | None = key(
        None, doc="A file of the project whose text is the paragraph (instead of `text`)."
    )
    repeat: bool = key(
        False,
        doc="Allow sentences stating facts an earlier paragraph already stated (without it "
        "they are left out, with a note in the draft's summary).",
    )
    max_sentences: int = key(
        4,
        doc="The most sentences the paragraph keeps (the most salient).",
        low=1,
        high=MAX_SENTENCES,
    )


@dataclass(frozen=True)
class SectionEntry:
    """``[[sections]]``: one numbered section of the draft."""

    number: str = key(doc="Its number, in quotes (`4.1`); paper.toml's `draft` picks by it.")
    title: str = key(doc="Its heading.")
    paragraphs: tuple[ParagraphEntry, ...] = key((), doc="Its `[[sections.paragraphs]]`, in order.")


@dataclass(frozen=True)
class OutlineFile:
    """The outline (``outline.toml``): the sections and paragraphs `narrator draft` writes."""

    title: str | None = key(None, doc="The draft's title. Default: the project's name.")
    sections: tuple[SectionEntry, ...] = key((), doc="The `[[sections]]`, at least one.")


# ---------------------------------------------------------------------------------------
# The paper
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartEntry:
    """``[[sections]]`` of the paper: hand-written, or a slice of the reviewed draft."""

    title: str = key(doc="The section's heading.")
    text: str | None = key(None, doc="Its hand-written text (Markdown without numbers).")
    include: str | None = key(
        None,
        doc="A file of the project holding its text; `{month}` is replaced by the reporting "
        "month (`handwritten/{month}/updates.md`).",
    )
    draft: str | None = key(
        None,
        doc='The draft sections it takes: `"4"` takes 4.1, 4.2 ... Exactly one of `text`, '
        "`include` and `draft` is given.",
    )


@dataclass(frozen=True)
class PaperFile:
    """``paper.toml``: the finished paper's front matter and the order of its sections."""

    to: str | None = key(None, doc="Front matter: who the paper is for.")
    from_: str | None = key(None, doc="Front matter: who it is from.", name="from")
    date: str | None = key(None, doc="Front matter: its date, as printed.")
    title: str | None = key(None, doc="The paper's title. Default: the draft's title.")
    charts: bool = key(True, doc="Draw the charts of the paper's measures.")
    sections: tuple[PartEntry, ...] = key(
        (), doc="The `[[sections]]`, in order. None: the paper is the draft alone."
    )


# ---------------------------------------------------------------------------------------
# narrator.toml
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectSection:
    """``[project]``: the project itself."""

    name: str | None = key(None, doc="The force's name. Default: the folder's name.")


@dataclass(frozen=True)
class FiguresSection:
    """``[figures]``: where the monthly figures come from."""

    source: Literal["table", "police-uk"] = key(
        "table",
        doc="`table`: a tidy table (month, measure, area, value); `police-uk`: raw "
        "data.police.uk files, ingested when the project loads.",
    )
    file: str | tuple[str, ...] = key(
        "figures.csv",
        doc="The figures table (CSV, .xlsx or Parquet) or a list of them; anywhere, "
        "relative to the project folder.",
        expect=PATHS,
    )
    files: str | tuple[str, ...] | None = key(
        None, doc="The same as `file` (either name may be used).", expect=PATHS
    )
    paths: str | tuple[str, ...] | None = key(
        None,
        doc="police-uk: the files, folders or glob patterns of police.uk CSVs.",
        expect=PATHS,
    )
    areas: str | None = key(
        None,
        doc="police-uk: the areas file that decides which areas get rows. Default: "
        "the project's areas file.",
    )
    min_share: float = key(
        0.005,
        doc="police-uk: the share of the force's located rows a district needs to belong.",
        low=0,
        high=1,
    )
    min_density: float = key(
        0.3,
        doc="police-uk: a district's rows per LSOA, as a share of the force's, to belong.",
        low=0,
        high=1,
    )
    min_coverage: float = key(
        0.5,
        doc="police-uk: the share of its MSOAs a district's rows must touch to belong.",
        low=0,
        high=1,
    )


@dataclass(frozen=True)
class CatalogueSection:
    """``[catalogue]``: where the catalogue of measures is."""

    file: str = key("catalogue.toml", doc="The catalogue file, relative to the project.")


@dataclass(frozen=True)
class AreasSection:
    """``[areas]``: where the area hierarchy is."""

    file: str = key("areas.toml", doc="The areas file, relative to the project.")


@dataclass(frozen=True)
class OutlineSection:
    """``[outline]``: where the outline of the draft is."""

    file: str | None = key(
        None, doc="The outline file. Default: outline.toml beside narrator.toml, if any."
    )


@dataclass(frozen=True)
class PaperSection(PaperFile):
    """``[paper]``: a `file` to read, or the keys of paper.toml written here."""

    file: str | None = key(
        None,
        doc="The paper's layout file, inside the project. Default: paper.toml beside "
        "narrator.toml, if any; without one the paper is the draft alone.",
    )


@dataclass(frozen=True)
class ProjectFile:
    """``narrator.toml``: the project and the files it names."""

    project: ProjectSection = key(factory=ProjectSection, doc="The project.")
    figures: FiguresSection = key(factory=FiguresSection, doc="The monthly figures.")
    catalogue: CatalogueSection = key(factory=CatalogueSection, doc="The measures.")
    areas: AreasSection = key(factory=AreasSection, doc="The area hierarchy.")
    outline: OutlineSection = key(factory=OutlineSection, doc="What the draft says.")
    paper: PaperSection = key(factory=PaperSection, doc="The finished paper's layout.")
    benchmarks: Settings = key(
        factory=Settings, doc="The statistical methods' settings of the fact engine."
    )
