"""Train the second reading of a number's class (``narrator/check/number_model.py``).

Usage: ``python bench/train_number_model.py [--exclude PREFIX,...] [--out FILE]``

It needs scikit-learn (``pip install -e '.[train]'``); narrator itself reads the weights it
writes with no learning library. Every number the checker reads in the corpus's development
texts is one example: the features of its span as the checker gives it
(:func:`narrator.check.number_model.features`) and the class of the labels it overlaps. The
validation texts are never read. ``--exclude`` leaves out development texts whose names start
with a prefix, to measure the model on texts it has not seen. Features seen only once are
dropped, weights are rounded to four places, and the JSON is written with sorted keys, so
retraining on the same corpus with the same scikit-learn gives the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from narrator.check.number_model import MODEL_PATH, features  # noqa: E402
from tests.data.papers.corpus import load_corpus  # noqa: E402

#: The inverse of the regularisation strength: scikit-learn's default, which did as well
#: as 0.3 and 3 on held-out development texts.
_C = 1.0


def examples(exclude: Sequence[str]) -> tuple[list[dict[str, float]], list[str]]:
    """The features and class of every number the checker reads in the development texts
    not excluded, with its span as the checker gives it (the model sees those spans when it
    reads) and the class of the labels it overlaps (numbers on no label, or on labels of two
    classes, teach nothing and are left out)."""
    from check_accuracy import check_report, numbers_of

    rows: list[dict[str, float]] = []
    classes: list[str] = []
    for paper in load_corpus(split="development"):
        if exclude and paper.name.startswith(tuple(exclude)):
            continue
        for number in numbers_of(check_report(paper, command=False)):
            gold = {label.cls for label in paper.labels if label.overlaps(number.start, number.end)}
            if len(gold) == 1:
                rows.append(features(paper.text, number.start, number.end))
                classes.append(gold.pop())
    return rows, classes


def train(rows: list[dict[str, float]], classes: list[str]) -> dict[str, object]:
    """The model's JSON form: a logistic regression over the features seen twice or more."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(name for row in rows for name in row)
    kept = [{k: v for k, v in row.items() if seen[k] >= 2} for row in rows]
    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(kept)
    model = LogisticRegression(C=_C, max_iter=4000)
    model.fit(matrix, classes)
    weights: dict[str, list[float]] = {}
    for index, name in enumerate(vectoriser.get_feature_names_out()):
        row = [round(float(w), 4) for w in model.coef_[:, index]]
        if any(row):
            weights[str(name)] = row
    return {
        "classes": [str(c) for c in model.classes_],
        "intercepts": [round(float(b), 4) for b in model.intercept_],
        "weights": weights,
        "examples": len(classes),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Train on the development labels and write the model's JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exclude", default="", help="comma-separated name prefixes to leave out")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    exclude = [p for p in args.exclude.split(",") if p]
    rows, classes = examples(exclude)
    data = train(rows, classes)
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(classes)} examples, {len(data['weights'])} features")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
