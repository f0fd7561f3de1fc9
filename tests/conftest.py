"""Test configuration: Hypothesis without per-example deadlines.

Building a calendar with overrides takes a few milliseconds, and CI machines
vary: a deadline would make the property tests flaky without finding bugs.
Set HYPOTHESIS_PROFILE=thorough for a long run (1,500 examples a test).
"""

import os

from hypothesis import settings

settings.register_profile("default", deadline=None, print_blob=True)
settings.register_profile("thorough", deadline=None, print_blob=True, max_examples=1500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
