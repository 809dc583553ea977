"""The claim reader: what each sentence of a paper asserts (figures, directions, runs,
outliers, references, dates), read in phases over one typed sentence (see
:mod:`narrator.check.claims.sentence`)."""
