"""Names: measure ids, districts from LSOA names, and the groups outcome wordings fall into.

Measure ids are lowercase snake_case slugs of the data.police.uk wording:

========================================  =================================================
measure id                                what it counts
========================================  =================================================
``crimes_all``                            crimes (distinct Crime IDs), every crime type
``crimes_<crime type>``                   crimes of one type: ``crimes_burglary``,
                                          ``crimes_violence_and_sexual_offences``
``asb``                                   anti-social behaviour incidents (not in
                                          ``crimes_all``: ASB is an incident, not a crime)
``outcomes_<group>``                      crimes by the group of their last outcome (below);
                                          the groups add up to ``crimes_all``
``outcome_events_<group>``                outcome events of an outcomes file, by group
``ss_all``                                stop and searches
``ss_all_found``                          searches that found what was searched for
``ss_<object>``                           searches by object: ``ss_controlled_drugs``,
                                          ``ss_offensive_weapons``; ``ss_not_stated`` when
                                          the object is blank
``ss_<object>_found``                     searches for the object that found it
``ss_outcome_<group>``                    searches by the group of their outcome (below)
========================================  =================================================

Outcome groups of crimes: ``charged`` (charged or summonsed: any court outcome),
``out_of_court`` (caution, penalty notice, drugs warning, local resolution), ``no_suspect``,
``unable_to_prosecute`` (including "not in the public interest"), ``under_investigation``,
``other`` (another organisation, status unavailable, any wording not known here) and
``not_recorded`` (blank). ``charged`` plus ``out_of_court`` is the "prosecution possible"
style positive outcome.

Outcome groups of stop and search: ``nfa``, ``arrest``, ``summons``, ``out_of_court``,
``other``, ``not_recorded``. The wording changed in April 2018 ("Nothing found - no further
action" became "A no further action disposal", "Suspect arrested" became "Arrest"...); both
wordings map to the same group.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

ASB = "Anti-social behaviour"
#: The measure of anti-social behaviour incidents.
ASB_MEASURE = "asb"
ALL_CRIME = "crimes_all"
SS_ALL = "ss_all"
SS_NOT_STATED = "not_stated"

# An LSOA name is its district, a space, the MSOA number within the district (three digits)
# and a letter: "South Cambridgeshire 012C". The MSOA number feeds the membership rule.
_LSOA_NAME = re.compile(r"^(?P<district>.*\S)\s+(?P<msoa>\d{3})[A-Z]$")
_CODE_AT_END = r"\S\s+\d{3}[A-Z]$"


def slug(text: str) -> str:
    """The snake_case id of a wording: "Vehicle crime" -> "vehicle_crime"."""
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")


def district_of(lsoa_name: str) -> str:
    """The district of an LSOA name: "Cambridge 001A" -> "Cambridge" (a name with no code stays)."""
    match = _LSOA_NAME.match(lsoa_name.strip())
    return match.group("district") if match else lsoa_name.strip()


def split_lsoa_names(names: pd.Series) -> pd.DataFrame:
    """District and MSOA number of each LSOA name, vectorised.

    Returns columns ``district`` (the name itself when it has no trailing code, "" for a blank
    name) and ``msoa`` (float, NaN when there is no code).
    """
    text = names.astype("str").str.strip()
    # Slices and a pattern test instead of a regex extract: these run in pyarrow, not row by
    # row in Python, which matters for the tens of thousands of LSOAs of a national month.
    has_code = text.str.contains(_CODE_AT_END, regex=True)
    district = text.str[:-4].str.rstrip().where(has_code, text)
    msoa = pd.to_numeric(text.str[-4:-1].where(has_code), errors="coerce")
    return pd.DataFrame({"district": district, "msoa": msoa}, index=names.index)


# The last outcome wordings data.police.uk uses for crimes (street files) and for outcome
# events (outcomes files), by group. Wordings not listed here go to "other" and are reported.
CRIME_OUTCOME_GROUPS: dict[str, str] = {
    **dict.fromkeys(
        [
            "Awaiting court outcome",
            "Court case unable to proceed",
            "Court result unavailable",
            "Defendant found not guilty",
            "Defendant sent to Crown Court",
            "Offender deprived of property",
            "Offender fined",
            "Offender given absolute discharge",
            "Offender given community sentence",
            "Offender given conditional discharge",
            "Offender given suspended prison sentence",
            "Offender ordered to pay compensation",
            "Offender otherwise dealt with",
            "Offender sent to prison",
            "Suspect charged",
            "Suspect charged as part of another case",
        ],
        "charged",
    ),
    **dict.fromkeys(
        [
            "Local resolution",
            "Offender given a caution",
            "Offender given a drugs possession warning",
            "Offender given penalty notice",
        ],
        "out_of_court",
    ),
    "Investigation complete; no suspect identified": "no_suspect",
    **dict.fromkeys(
        [
            "Unable to prosecute suspect",
            "Formal action is not in the public interest",
            "Further action is not in the public interest",
            "Further investigation is not in the public interest",
        ],
        "unable_to_prosecute",
    ),
    "Under investigation": "under_investigation",
    **dict.fromkeys(
        ["Action to be taken by another organisation", "Status update unavailable"], "other"
    ),
    "": "not_recorded",
}

#: Stop-and-search outcome wordings before April 2018 and their replacements after.
SS_OLD_WORDING: dict[str, str] = {
    "Nothing found - no further action": "A no further action disposal",
    "Suspect arrested": "Arrest",
    "Suspect summonsed to court": "Summons / charged by post",
    "Offender given drugs possession warning": "Khat or Cannabis warning",
    "Offender given penalty notice": "Penalty Notice for Disorder",
    "Offender cautioned": "Caution (simple or conditional)",
    "Local resolution": "Community resolution",
}

SS_OUTCOME_GROUPS: dict[str, str] = {
    "A no further action disposal": "nfa",
    "Arrest": "arrest",
    "Summons / charged by post": "summons",
    "Khat or Cannabis warning": "out_of_court",
    "Penalty Notice for Disorder": "out_of_court",
    "Caution (simple or conditional)": "out_of_court",
    "Community resolution": "out_of_court",
    "Article found - Detailed outcome unavailable": "other",
    "Suspected psychoactive substances seized - No further action": "other",
    "": "not_recorded",
}
SS_OUTCOME_GROUPS.update({old: SS_OUTCOME_GROUPS[new] for old, new in SS_OLD_WORDING.items()})


def group_wordings(
    wordings: pd.Series, table: dict[str, str], weights: pd.Series | None = None
) -> tuple[pd.Series, dict[str, int]]:
    """Map each wording to its group; unknown wordings go to "other" and are counted.

    Works on the distinct wordings only (a handful) and maps back by code, so the cost does not
    grow with the rows. ``weights`` says how many rows each entry stands for (default one).
    Returns the groups and ``{unknown wording: rows}``.
    """
    codes, uniques = pd.factorize(wordings.astype("str").str.strip())
    known = {w.casefold(): g for w, g in table.items()}
    names = [str(u) for u in uniques]
    groups = np.array([known.get(n.casefold(), "other") for n in names], dtype=object)
    weight = np.ones(len(codes)) if weights is None else np.asarray(weights, dtype=float)
    totals = np.bincount(codes, weights=weight, minlength=len(names))
    unknown = {n: int(totals[i]) for i, n in enumerate(names) if n.casefold() not in known}
    mapped = groups[codes] if len(codes) else np.array([], dtype=object)
    return pd.Series(mapped, index=wordings.index, dtype="str"), unknown
