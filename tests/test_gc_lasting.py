"""``narrator._gc.lasting_objects``: what a command keeps to its end is frozen only in the
program (where the imports were frozen), never in a process that froze nothing."""

from __future__ import annotations

import gc

from narrator._gc import lasting_objects


class Kept:
    """A container the collector tracks (a dict of plain numbers would not be)."""

    def __init__(self, number: int) -> None:
        self.number = number


def test_nothing_is_frozen_in_a_process_that_froze_nothing() -> None:
    gc.unfreeze()
    with lasting_objects():
        assert not gc.isenabled()
        kept = [Kept(i) for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert kept


def test_the_programs_lasting_objects_are_frozen() -> None:
    gc.unfreeze()
    gc.freeze()  # as freeze_imports does in the program
    try:
        before = gc.get_freeze_count()
        with lasting_objects():
            kept = [Kept(i) for i in range(1000)]
        assert gc.get_freeze_count() >= before + len(kept)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
