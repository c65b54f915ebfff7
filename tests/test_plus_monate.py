"""The month step of every period (``kooplan.fristen.plus_monate``): § 188 Abs. 2, 3 BGB.

It replaced ``dateutil.relativedelta`` on the hot path, for speed; ``relativedelta`` stays the
independent oracle here.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from kooplan.fristen import plus_monate

D = dt.date
TAGE = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))
MONATE = st.integers(min_value=-1200, max_value=1200)


@pytest.mark.parametrize(
    ("tag", "monate", "erwartet"),
    [
        (D(2024, 1, 15), 6, D(2024, 7, 15)),  # § 188 Abs. 2: the day with the same number
        (D(2023, 8, 31), 6, D(2024, 2, 29)),  # § 188 Abs. 3: February lacks the 31st (leap year)
        (D(2024, 8, 31), 6, D(2025, 2, 28)),
        (D(2024, 3, 31), 1, D(2024, 4, 30)),
        (D(2024, 12, 31), 1, D(2025, 1, 31)),  # across the year
        (D(2024, 2, 29), -12, D(2023, 2, 28)),  # one year back from a leap day
        (D(2025, 1, 1), -1, D(2024, 12, 1)),
        (D(2025, 5, 20), 0, D(2025, 5, 20)),
    ],
)
def test_beispiele(tag: dt.date, monate: int, erwartet: dt.date) -> None:
    assert plus_monate(tag, monate) == erwartet


@given(TAGE, MONATE)
def test_gleich_relativedelta(tag: dt.date, monate: int) -> None:
    assert plus_monate(tag, monate) == tag + relativedelta(months=monate)


@given(TAGE, MONATE)
def test_gleiche_zahl_oder_letzter_tag(tag: dt.date, monate: int) -> None:
    """The result lies in the month ``monate`` months on, on the same day number or, where that
    month is shorter, on its last day."""
    r = plus_monate(tag, monate)
    assert (r.year * 12 + r.month) - (tag.year * 12 + tag.month) == monate
    letzter = calendar.monthrange(r.year, r.month)[1]
    assert r.day == min(tag.day, letzter)
