"""The wording toolkit of the phrasebank: Jinja2 filters and the sandboxed environment.

:mod:`narrator.phrasing.filters` holds the pure functions a template writer calls (numbers,
per cents, plurals, months, magnitude words); :mod:`narrator.phrasing.environment` builds the
sandbox they run in and turns any template failure into a :class:`~narrator.errors.TemplateError`
that names the file and the line.
"""

from __future__ import annotations

from narrator.phrasing.environment import (
    make_environment,
    render,
    render_string,
    template_error,
    tidy,
    undeclared_variables,
)

__all__ = [
    "make_environment",
    "render",
    "render_string",
    "template_error",
    "tidy",
    "undeclared_variables",
]
