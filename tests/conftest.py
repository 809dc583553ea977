"""Settings for every test.

Hypothesis explores new random examples on each local run, which is how the property tests
have found the drafts and figures they keep as ``@example``s. CI sets
``HYPOTHESIS_PROFILE=ci``: the same examples every run (``derandomize``), so a submission is
judged on what it changed, not on the draw; new examples are found locally and kept.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
