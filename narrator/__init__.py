"""narrator: writes, checks and builds the narrative of police performance papers.

The importable API mirrors the command line, for report builds written in Python::

    import narrator
    facts = narrator.load_facts("project", "2019-10")                 # narrator facts
    result = narrator.draft("project", "2019-10")                     # narrator draft
    report = narrator.check("paper.md", month="2019-10", project="project")  # narrator check
    built = narrator.build("project", "2019-10")                      # narrator build

``draft``, ``check`` and ``build`` are the packages that implement those commands, made
callable (see :mod:`narrator._callable`); ``check`` and ``build`` load spaCy and matplotlib
only when they are called.
"""

from narrator import _signals

# Before the heavy imports below: Ctrl-C during start-up is one line and exit 130.
if _signals.is_program():
    _signals.install()

from narrator._gc import imports_uncollected

# The imports below bring in pandas and the rest: see narrator._gc for why they run without
# the cyclic collector.
with imports_uncollected():
    from narrator import draft
    from narrator.api import FactsResult, load, load_facts

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # check and build import heavy libraries: load them on first use, not with narrator.
    if name in ("check", "build"):
        import importlib

        return importlib.import_module(f"narrator.{name}")
    raise AttributeError(f"module 'narrator' has no attribute {name!r}")


__all__ = ["FactsResult", "__version__", "build", "check", "draft", "load", "load_facts"]
