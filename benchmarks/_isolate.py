"""Imported first by every benchmark script.

``benchmarks/calendar.py`` is named after the module it measures, and a
script's own folder comes first on ``sys.path``: it would shadow the
standard library's ``calendar`` (which `holidays` imports).  Drop the folder.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if p not in ("", _HERE) and os.path.abspath(p) != _HERE]
