"""Verdicts: each claim of a paper against the facts of its month.

A claim is *supported* when a fact of its measure and area gives its figure (within the
rounding its printed precision allows) or its direction; *contradicted* when the fact that
reads it gives something else, with the figure the data gives; *ambiguous* when the text
does not say which measure and several readings fit; *not checkable* when no fact can read
it (no measure named, or a period without data). One module per kind of claim, dispatched
by :func:`~narrator.check.verdicts.judge.judge`.
"""
