"""Where the data files that ship with narrator live: the phrasebank and the bundled sample.

In a wheel they are package data under ``narrator/_data`` (see ``pyproject.toml``); in a
source checkout or an editable install they are the top-level folders of the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _data_dir(*parts: str) -> Path:
    packaged = Path(str(resources.files("narrator"))).joinpath("_data", *parts)
    if packaged.is_dir():
        return packaged
    # Source checkout or editable install: the repository folder next to the package.
    return Path(__file__).resolve().parent.parent.joinpath(*parts)


def phrasebank_dir() -> Path:
    """The folder of the phrasebank that ships with narrator."""
    return _data_dir("phrasebank")


def sample_dir() -> Path:
    """The bundled Cambridgeshire sample project."""
    return _data_dir("samples", "cambridgeshire")
