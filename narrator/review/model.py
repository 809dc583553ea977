"""The review state as data: one entry per generated paragraph, and its JSON form.

The state file (``<draft stem>.review.json``) holds what the editors decided. The draft's
Markdown and sidecar stay exactly as ``narrator draft`` wrote them, so a draft can always be
regenerated; edits live here. Each entry records the fingerprints of the facts its paragraph
states, so a regenerated draft can tell which decisions still stand (see ``merge``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from narrator.check.findings import Finding, Severity, Verdict, claim_finding
from narrator.draft.document import Draft, Paragraph, load_json

FORMAT = "narrator-review/1"


class Status(StrEnum):
    """Where the review of a paragraph stands; the value is how the state file writes it."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EDITED = "edited"
    STALE = "stale"


PENDING = Status.PENDING
ACCEPTED = Status.ACCEPTED
REJECTED = Status.REJECTED
EDITED = Status.EDITED
STALE = Status.STALE
STATUSES = tuple(Status)
#: Statuses that let a paragraph into the built paper.
DONE = frozenset({Status.ACCEPTED, Status.EDITED})
#: Statuses that keep a paragraph out of a final paper (it is not reviewed yet, or its
#: figures changed since).
UNFINISHED = frozenset({Status.PENDING, Status.STALE})

#: The fields of a fact an editor compares when its paragraph goes stale.
SUMMARY_KEYS = (
    "kind",
    "measure",
    "area",
    "period",
    "value",
    "unit",
    "reference",
    "reference_period",
    "change",
    "change_pct",
    "direction",
    "significant",
    "method",
)
#: What a fingerprint covers: the figures of a fact, not its salience (a ranking weight).
_FINGERPRINT_KEYS = (*SUMMARY_KEYS, "statistic", "detail", "sources")


@dataclass(frozen=True)
class Comment:
    """A note an editor left on a paragraph."""

    who: str
    when: str
    text: str


@dataclass(frozen=True)
class Override:
    """An editor's explicit decision to accept text the checker contradicts, and why."""

    reason: str
    who: str
    when: str


@dataclass(frozen=True)
class Variant:
    """Another phrasing of a paragraph: a variant block per sentence and the text it gives."""

    blocks: tuple[str, ...]
    text: str


@dataclass
class Entry:
    """The review of one generated paragraph."""

    status: Status = Status.PENDING
    #: The editor's own text (status ``edited``); kept when the paragraph later goes stale.
    text: str | None = None
    variant: Variant | None = None
    comments: list[Comment] = field(default_factory=list)
    who: str | None = None
    when: str | None = None
    override: Override | None = None
    #: Fact id -> fingerprint, for the facts the paragraph states.
    facts: dict[str, str] = field(default_factory=dict)
    #: ``{"old": {id: summary}, "new": {id: summary}}`` for the facts that changed.
    stale: dict[str, Any] | None = None
    #: The checker's findings on the text whose fingerprint is ``checked``.
    findings: list[Finding] = field(default_factory=list)
    checked: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data."""
        return {
            "status": self.status,
            "text": self.text,
            "variant": None
            if self.variant is None
            else {"blocks": list(self.variant.blocks), "text": self.variant.text},
            "comments": [{"who": c.who, "when": c.when, "text": c.text} for c in self.comments],
            "who": self.who,
            "when": self.when,
            "override": None
            if self.override is None
            else {
                "reason": self.override.reason,
                "who": self.override.who,
                "when": self.override.when,
            },
            "facts": dict(self.facts),
            "stale": self.stale,
            "findings": [finding_to_dict(f) for f in self.findings],
            "checked": self.checked,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entry:
        """Read an entry back; raises ValueError, KeyError or TypeError when malformed."""
        status = data["status"]
        if status not in STATUSES:
            raise ValueError(f"status {status!r} is not one of {', '.join(STATUSES)}")
        status = Status(status)
        variant = data.get("variant")
        override = data.get("override")
        return cls(
            status=status,
            text=_optional_str(data.get("text"), "text"),
            variant=None
            if variant is None
            else Variant(tuple(str(b) for b in variant["blocks"]), str(variant["text"])),
            comments=[
                Comment(str(c["who"]), str(c["when"]), str(c["text"]))
                for c in data.get("comments", [])
            ],
            who=_optional_str(data.get("who"), "who"),
            when=_optional_str(data.get("when"), "when"),
            override=None
            if override is None
            else Override(str(override["reason"]), str(override["who"]), str(override["when"])),
            facts={str(k): str(v) for k, v in dict(data.get("facts", {})).items()},
            stale=None if data.get("stale") is None else dict(data["stale"]),
            findings=[finding_from_dict(f) for f in data.get("findings", [])],
            checked=_optional_str(data.get("checked"), "checked"),
        )


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A checker finding as the state file keeps it: span, verdict, message, kind, severity."""
    return {
        "start": finding.start,
        "end": finding.end,
        "verdict": None if finding.verdict is None else str(finding.verdict),
        "message": finding.message,
        "kind": finding.kind,
        "severity": str(finding.severity),
    }


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    """A finding read back; a state file written before findings had a kind holds claims'
    verdicts only. Raises ValueError, KeyError or TypeError when malformed."""
    span = (int(data["start"]), int(data["end"]))
    verdict = None if data.get("verdict") is None else Verdict(str(data["verdict"]))
    if "kind" not in data and verdict is not None:
        return claim_finding(verdict, str(data["message"]), span)
    return Finding(
        str(data["kind"]), Severity(str(data["severity"])), str(data["message"]), span, verdict
    )


def _optional_str(value: Any, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{name} is {type(value).__name__}, expected a string or null")


@dataclass
class ReviewState:
    """Everything the state file holds: the decisions on every generated paragraph."""

    draft: str
    month: str
    paragraphs: dict[str, Entry] = field(default_factory=dict)
    #: Summaries of the facts behind the fingerprints, so a stale paragraph can show the
    #: figures it was reviewed on beside the new ones after the sidecar is rewritten.
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Decisions on paragraphs a regenerated draft no longer has: kept, never silently lost.
    dropped: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The state as JSON-ready data."""
        return {
            "format": FORMAT,
            "draft": self.draft,
            "month": self.month,
            "paragraphs": {n: e.to_dict() for n, e in self.paragraphs.items()},
            "facts": self.facts,
            "dropped": self.dropped,
        }

    def to_json(self) -> str:
        """The state file's text: stable, pretty JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ReviewState:
        """Parse a state file; raises ValueError, KeyError or TypeError when malformed."""
        data = load_json(text)
        if not isinstance(data, dict):
            raise TypeError("the file is not a JSON object")
        if data.get("format") != FORMAT:
            raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")
        paragraphs: dict[str, Entry] = {}
        for number, raw in dict(data["paragraphs"]).items():
            try:
                paragraphs[str(number)] = Entry.from_dict(raw)
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"paragraph {number}: {_reason(exc)}") from None
        return cls(
            draft=str(data["draft"]),
            month=str(data["month"]),
            paragraphs=paragraphs,
            facts={str(k): dict(v) for k, v in dict(data.get("facts", {})).items()},
            dropped=[dict(d) for d in data.get("dropped", [])],
        )


def _reason(exc: Exception) -> str:
    return f"missing {exc}" if isinstance(exc, KeyError) else str(exc)


def fingerprint(fact: Mapping[str, Any] | None) -> str:
    """A short, stable digest of a fact's figures; equal fingerprints, same figures."""
    if fact is None:
        return "missing"
    core = {key: fact.get(key) for key in _FINGERPRINT_KEYS}
    digest = hashlib.sha256(json.dumps(core, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()[:16]


def text_fingerprint(text: str) -> str:
    """A short digest of a text, to tell whether stored findings are for the text shown."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def summary(fact: Mapping[str, Any]) -> dict[str, Any]:
    """The figures of a fact an editor compares: value, reference, change, period..."""
    return {key: fact.get(key) for key in SUMMARY_KEYS}


def paragraph_facts(paragraph: Paragraph) -> list[str]:
    """The ids of the facts a paragraph states, in order of first mention."""
    return list(dict.fromkeys(f for s in paragraph.sentences for f in s.facts))


def fingerprints(paragraph: Paragraph, facts: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Fact id -> fingerprint for every fact a paragraph states."""
    return {fid: fingerprint(facts.get(fid)) for fid in paragraph_facts(paragraph)}


def reviewable(draft: Draft) -> list[Paragraph]:
    """The paragraphs that need review: the generated ones, in paper order."""
    return [p for p in draft.paragraphs() if p.generated and p.sentences]


def fresh_state(draft: Draft, name: str) -> ReviewState:
    """A state with every generated paragraph pending, fingerprinted against ``draft``."""
    return ReviewState(
        draft=name,
        month=draft.month,
        paragraphs={p.number: Entry(facts=fingerprints(p, draft.facts)) for p in reviewable(draft)},
        facts={fid: summary(fact) for fid, fact in draft.facts.items()},
    )
