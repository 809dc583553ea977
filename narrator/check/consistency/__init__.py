"""A paper against itself: figures quoted twice, arithmetic, cross-references, dates, and
sentences that say two things of one thing."""
