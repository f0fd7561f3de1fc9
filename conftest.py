"""What every test and doctest runs against, whatever the machine has.

* English, unless a test asks for Chinese: the command line takes its language
  from the locale, which differs between machines.
* China's official schedule as the worked cases know it: the State Council
  notices of 2001-2026.  The tests and the docs' examples cross New Year 2027
  with an illustrative 2027 notice and expect the installed schedule to end
  on 2026-12-31.  A `holidays` release that carries the real 2027 notice (due
  any week now) must not turn them red on a fresh install, so the suite reads
  the installed notices up to 2026 only.  ``installed_notices`` gives the
  whole installed table, for the tests that check whatever the release
  carries (tests/test_calendar.py, CAL-2).
"""

from collections.abc import Mapping
from typing import Any

import pytest
from holidays.countries.china import ChinaStaticHolidays

#: the last year whose notice the worked cases are written against
WORKED_CASES_THROUGH = 2026

_INSTALLED: Mapping[int, Any] = dict(ChinaStaticHolidays.special_public_holidays)
# (before any calendar is built: the China calendar is read once per process)
ChinaStaticHolidays.special_public_holidays = {
    year: rows for year, rows in _INSTALLED.items() if year <= WORKED_CASES_THROUGH
}


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def installed_notices(monkeypatch: pytest.MonkeyPatch) -> Mapping[int, Any]:
    """The installed `holidays` release's whole State Council table, unpinned for
    the test (the calendars a test builds directly from it see every year)."""
    monkeypatch.setattr(ChinaStaticHolidays, "special_public_holidays", dict(_INSTALLED))
    return _INSTALLED
