"""narrator: writes, checks and builds the narrative of police performance papers.

The importable API mirrors the command line: :func:`load_facts` (``narrator facts``);
further entry points are added as the commands land.
"""

from narrator.api import FactsResult, load, load_facts

__version__ = "0.1.0"

__all__ = ["FactsResult", "__version__", "load", "load_facts"]
