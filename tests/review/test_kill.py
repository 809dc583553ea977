"""A review killed in the middle of a save leaves the old state or the new, never half."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

#: Run in a separate process: it forks a saver, kills it at a random moment, checks the
#: state file, and again. Forking keeps the rounds fast (the imports are done once).
SCRIPT = textwrap.dedent(
    """
    import os, random, signal, sys, time
    from pathlib import Path

    from narrator.review import load_review
    from narrator.review.model import Comment, ReviewState

    draft, rounds = Path(sys.argv[1]), int(sys.argv[2])
    PAD = "x" * 200_000  # a large file, so that kills land in the middle of writing it

    baseline = load_review(draft)  # no state file yet
    assert not baseline.state_path.exists()

    def expected(k):
        state = ReviewState.from_json(baseline.state.to_json())
        state.draft = draft.name
        state.paragraphs["4.1.2"].comments = [
            Comment("ana", "2019-11-01T00:00:00+00:00", f"{i} {PAD}") for i in range(1, k + 1)
        ]
        return state.to_json().encode("utf-8")

    def save_forever():
        review = load_review(draft)
        comments = review.entry("4.1.2").comments
        while True:
            text = f"{len(comments) + 1} {PAD}"
            comments.append(Comment("ana", "2019-11-01T00:00:00+00:00", text))
            review.save()

    random.seed(5)
    seen = []
    for _ in range(rounds):
        pid = os.fork()
        if pid == 0:
            try:
                save_forever()
            finally:
                os._exit(1)
        time.sleep(random.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        state_file = baseline.state_path
        if not state_file.exists():
            assert not seen, "the state file vanished"
            continue
        data = state_file.read_bytes()
        state = ReviewState.from_json(data.decode("utf-8"))
        k = len(state.paragraphs["4.1.2"].comments)
        assert data == expected(k), f"round {len(seen)}: not a complete version"
        assert not seen or k >= seen[-1], "went back to an older version"
        seen.append(k)
    print("versions", seen)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_killing_a_save_never_leaves_a_partial_state(draft_md: Path, tmp_path: Path) -> None:
    script = tmp_path / "killer.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(draft_md), "25"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    versions = [int(v) for v in done.stdout.split("[", 1)[1].rstrip("]\n").split(",") if v.strip()]
    assert versions and versions[-1] > 0, done.stdout
