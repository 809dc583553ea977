"""The garbage collector around narrator's imports: paused, then restored as it was."""

from __future__ import annotations

import gc
import subprocess
import sys

from narrator._gc import imports_uncollected


class Node:
    """An object the collector tracks."""


def test_the_collector_is_paused_then_restored_and_new_objects_are_old() -> None:
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    with imports_uncollected():
        assert not gc.isenabled()
        made = Node()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert any(o is made for o in gc.get_objects(generation=2))


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        with imports_uncollected():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_someone_else_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with imports_uncollected():
            Node()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_importing_narrator_leaves_the_collector_running_and_nothing_frozen() -> None:
    code = (
        "import gc, sys, narrator, narrator.cli\n"
        "sys.argv = ['narrator', '--help']\n"
        "try:\n"
        "    narrator.cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    # Called, not run as the program: main() freezes nothing of its caller's.
    assert result.stdout.split()[-2:] == ["True", "0"]


def test_the_command_freezes_what_its_imports_made() -> None:
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 10000, file=sys.stderr))\n"
        "sys.argv = ['narrator', '--help']\n"
        "import runpy\n"
        "runpy.run_module('narrator', run_name='__main__', alter_sys=True)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "frozen True" in result.stderr
