"""Re-exports of the checker's entry points (see :mod:`narrator.check.checker`)."""

from narrator.check.checker import Checker, check_paper
from narrator.check.report import CheckReport

__all__ = ["CheckReport", "Checker", "check_paper"]
