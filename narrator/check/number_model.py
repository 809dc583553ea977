"""A second reading of a number's class, learned from the labelled corpus.

The checker's rules read a number by its words and its paragraph's layout. Each new style of
paper (a console listing, a form, a wallboard) brings numbers the rules have not met: a row's
code, a page's count of results, an item's label, read as figures and then judged. This model
reads every number again from its own shape, its neighbouring words and its line, with weights
learned from the hand labels of the corpus's development texts
(``bench/train_number_model.py``), and is asked one question: is a number the rules call a
value plainly something else? Only where it is confident (the probability of a value below
``DOUBT``) does its reading replace the rules', and the claim of a value so read is not
judged: a reference or a code is never a contradiction.

The weights are a logistic regression's, stored as plain JSON beside this module, so reading
needs no learning library, and the same text always gives the same reading.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.check.claims.model import Claim
from narrator.check.findings import Verdict
from narrator.check.number import Number
from narrator.check.verdicts.model import ClaimVerdict

#: Where the learned weights live (written by ``bench/train_number_model.py``).
MODEL_PATH = Path(__file__).with_name("number_model.json")
#: A value the rules read is read again as the model's class below this probability of a
#: value. Chosen on 32 texts neither the rules nor the model had seen (see
#: docs/check-accuracy.md, thirteenth pass): low enough that prose figures never move.
DOUBT = 0.1

_WORD = re.compile(r"[A-Za-z]+|[^\sA-Za-z0-9]")
_LETTERS = re.compile(r"[A-Za-z]+")
_DIGITS = re.compile(r"\d+")
_BULLET = re.compile(r"\s*(?:[-*\u2022]|\[.?\])\s")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _shape(token: str) -> str:
    """A token's shape: digit runs as one 9 ("12.4%" -> "9.9%", "0800 555" -> "9 9")."""
    return re.sub(r"9+", "9", re.sub(r"[0-9]", "9", token))[:12]


def features(text: str, start: int, end: int) -> dict[str, float]:
    """The features of the number at ``text[start:end]``: its shape, the three words either
    side, the characters touching it, and its line's make-up (how many numbers and words, a
    bullet, a pipe or aligned columns, capitals, a colon before it, its first words)."""
    token = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    before = [w.lower() for w in _WORD.findall(text[max(line_start, start - 60) : start])][-3:]
    after = [w.lower() for w in _WORD.findall(text[end : min(line_end, end + 60)])][:3]
    # A year is told from other four-digit numbers ("to 2019", "to 1118"): the count of
    # digits alone taught that every four-digit number is a period.
    digits = "year" if _YEAR.fullmatch(token) else str(min(sum(c.isdigit() for c in token), 5))
    found: dict[str, float] = {"shape=" + _shape(token): 1, "digits=" + digits: 1}
    found["worded"] = float(bool(re.search(r"[A-Za-z]{3}", token)))
    for i, word in enumerate(reversed(before)):
        found[f"b{i}={word}"] = 1
        found["bany=" + word] = 1
    for i, word in enumerate(after):
        found[f"a{i}={word}"] = 1
        found["aany=" + word] = 1
    found["pc=" + (text[start - 1] if start else "^")] = 1
    found["nc=" + (text[end] if end < len(text) else "$")] = 1
    found["startline"] = float(line[: start - line_start].strip() == "")
    found["endline"] = float(line[end - line_start :].strip() == "")
    found[f"nums={min(len(_DIGITS.findall(line)), 6)}"] = 1
    found[f"words={min(len(re.findall(r'[a-z]{3,}', line)) // 3, 6)}"] = 1
    found["pipe"] = float("|" in line)
    found["tab"] = float("\t" in line or "   " in line.strip())
    found["colon_before"] = float(":" in line[: start - line_start])
    found["bullet"] = float(bool(_BULLET.match(line)))
    found["caps"] = float(line.upper() == line and any(c.isalpha() for c in line))
    words = [w.lower() for w in _LETTERS.findall(line)]
    for word in words[:2]:
        found["lfirst=" + word] = 1
    for word in set(words):
        found["lw=" + word] = 0.5
    if len(before) >= 2:
        found["bb=" + " ".join(before[-2:])] = 1
    if len(after) >= 2:
        found["ab=" + " ".join(after[:2])] = 1
    previous_end = max(0, line_start - 1)
    previous = text[text.rfind("\n", 0, previous_end) + 1 : previous_end]
    for word in _LETTERS.findall(previous.lower())[-2:]:
        found["pl=" + word] = 1
    # Zero-valued features carry no weight: leave them out, so the training and the
    # reading see the same set.
    return {name: value for name, value in found.items() if value}


@dataclass(frozen=True)
class NumberModel:
    """A multinomial logistic regression over :func:`features`: per class an intercept
    and a weight for each feature seen in training."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: Mapping[str, Sequence[float]]

    def probabilities(self, text: str, start: int, end: int) -> dict[str, float]:
        """The probability of each class for the number at ``text[start:end]``."""
        scores = list(self.intercepts)
        for name, value in features(text, start, end).items():
            row = self.weights.get(name)
            if row is not None:
                for i, weight in enumerate(row):
                    scores[i] += weight * value
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {cls: e / total for cls, e in zip(self.classes, exps, strict=True)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> NumberModel:
        """The model from its JSON form (``classes``, ``intercepts``, ``weights``). The
        weights' lists are kept as JSON gives them: converting 27,000 rows would double the
        time a one-off ``narrator check`` spends loading the model."""
        classes = tuple(str(c) for c in data["classes"])
        intercepts = tuple(float(x) for x in data["intercepts"])
        weights: Mapping[str, Sequence[float]] = data["weights"]
        if any(len(row) != len(classes) for row in itertools.islice(weights.values(), 100)):
            raise ValueError("number model: a weight row does not have one weight per class")
        return cls(classes, intercepts, weights)


@functools.cache
def number_model() -> NumberModel:
    """The model shipped with narrator (read once)."""
    return NumberModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def second_reading(
    text: str, numbers: Sequence[Number], verdicts: Sequence[ClaimVerdict]
) -> tuple[list[Number], list[ClaimVerdict]]:
    """The numbers with the values the model plainly doubts read as its class, and the
    verdicts with those values' claims not judged."""
    model = number_model()
    doubted: dict[int, str] = {}
    out: list[Number] = []
    for number in numbers:
        if number.cls not in _DOUBTED or (
            number.claim is not None and _read_from_words(verdicts[number.claim].claim)
        ):
            out.append(number)
            continue
        odds = model.probabilities(text, number.start, number.end)
        best = max(odds, key=lambda cls: odds[cls])
        if odds[number.cls] >= DOUBT or best == number.cls:
            out.append(number)
            continue
        out.append(Number(number.start, number.end, number.text, best))
        if number.claim is not None:
            doubted.setdefault(number.claim, best)
    judged = [
        ClaimVerdict(
            verdict.claim,
            Verdict.NOT_CHECKABLE,
            f"not judged: its context reads it as a {_READS[doubted[i]]}, not a figure",
        )
        if i in doubted
        else verdict
        for i, verdict in enumerate(verdicts)
    ]
    return out, judged


#: The rules' classes the model may overrule: a value only, the costly mistake, as it is
#: judged. The rules' labels and codes stay theirs: on texts neither had seen, the model
#: turned as many of them wrong as right into periods, and read a service's number ("a call
#: handler on 101 took the call") as a number to ring. Periods and references stay too.
_DOUBTED = frozenset({"value"})


def _read_from_words(claim: Claim) -> bool:
    """Whether the rules read a claim from the words of its sentence: a run of months or a
    change, or a figure whose measure its sentence names. The model weighs none of that, so
    such a figure is left as the rules read it; a figure known only by a heading, or by
    nothing, is put in doubt."""
    return claim.kind != "figure" or (claim.measure_from or "").startswith(("text", "sentence"))


#: How a message names each class the model may give in place of a value.
_READS = {"period": "period", "reference": "reference", "other": "label or code"}
