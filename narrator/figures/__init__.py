"""The figures: reading the tidy table of the data contract, checking it, holding it as arrays.

- :mod:`~narrator.figures.files`: one file (CSV, Excel, Parquet) read as text columns;
- :mod:`~narrator.figures.validate`: the table checked (every problem, with file and row)
  and shaped;
- :mod:`~narrator.figures.model`: :class:`Figures`, the validated series.
"""

from narrator.figures.files import OPTIONAL, REQUIRED, read_table
from narrator.figures.model import Figures
from narrator.figures.validate import figures_from_table, load_figures

__all__ = ["OPTIONAL", "REQUIRED", "Figures", "figures_from_table", "load_figures", "read_table"]
