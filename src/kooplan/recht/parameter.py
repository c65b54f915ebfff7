"""Dated parameters of other codes that the engine reads by day: each value with its first and
last day and its reference.

A parameter that changes in the middle of an SGB II Rechtsstand is a dated series here rather
than a field of the Rechtsstand rows: the Bekanntgabe fiction of § 37 Abs. 2 SGB X went from
three days to four on 1.1.2025, inside `2024-03`, and splitting that row for it would invent a
change of SGB II. A series is checked when it is defined (`pruefe_reihe`): its values follow
each other without gap or overlap, and the last is open-ended.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Generic, TypeVar

import attrs

from kooplan.werte.fehler import UngueltigeTabelle

__all__ = ["BEKANNTGABE_TAGE", "Datiert", "pruefe_reihe", "wert_am"]

T = TypeVar("T")


@attrs.frozen
class Datiert(Generic[T]):
    """One value of a dated parameter: in force from `von` to `bis` (inclusive)."""

    von: dt.date | None
    """The first day, `None`: since before any day kooplan reads."""
    bis: dt.date | None
    """The last day, `None`: still in force."""
    wert: T
    """The value."""
    norm: str
    """The norm that sets it."""
    quelle: str
    """The act that gave the norm this text, with its reference."""

    def gilt_am(self, tag: dt.date) -> bool:
        """Whether the value is in force on `tag`."""
        return (self.von is None or self.von <= tag) and (self.bis is None or tag <= self.bis)


def wert_am(reihe: tuple[Datiert[T], ...], tag: dt.date) -> T:
    """The value of the series in force on `tag`.

    Examples:
        >>> wert_am(BEKANNTGABE_TAGE, dt.date(2024, 12, 31)), wert_am(BEKANNTGABE_TAGE, dt.date(2025, 1, 1))
        (3, 4)
    """
    for d in reihe:
        if d.gilt_am(tag):
            return d.wert
    # a series checked by `pruefe_reihe` has a value for every day
    raise UngueltigeTabelle(f"Für den {tag:%d.%m.%Y} hat die Reihe keinen Wert.")


def pruefe_reihe(name: str, reihe: tuple[Datiert[T], ...]) -> None:
    """Refuse a series with a gap, an overlap or an end to its last value (`UngueltigeTabelle`
    naming the series and the value)."""
    if not reihe:
        raise UngueltigeTabelle(f"Reihe {name}: ohne Werte.")
    for i, d in enumerate(reihe):
        if not isinstance(d, Datiert):
            raise UngueltigeTabelle(f"Reihe {name}, Wert {i + 1}: kein datierter Wert.")
    if reihe[0].von is not None:
        raise UngueltigeTabelle(f"Reihe {name}: der erste Wert hat einen Beginn (von=None).")
    for i, d in enumerate(reihe):
        if i + 1 < len(reihe):
            nach = reihe[i + 1]
            if d.bis is None or nach.von != d.bis + dt.timedelta(days=1):
                raise UngueltigeTabelle(
                    f"Reihe {name}, Wert {i + 2}: beginnt nicht am Tag nach dem Ende des vorigen."
                )
        elif d.bis is not None:
            raise UngueltigeTabelle(f"Reihe {name}: der letzte Wert hat ein Ende (bis=None).")


BEKANNTGABE_TAGE: Final[tuple[Datiert[int], ...]] = (
    Datiert(
        None,
        dt.date(2024, 12, 31),
        3,
        "§ 37 Abs. 2 Satz 1 SGB X",
        '"am dritten Tag nach der Aufgabe zur Post" (§ 37 Abs. 2 Satz 1 SGB X in der bis '
        "31.12.2024 geltenden Fassung)",
    ),
    Datiert(
        dt.date(2025, 1, 1),
        None,
        4,
        "§ 37 Abs. 2 Satz 1 SGB X",
        '"am vierten Tag nach der Aufgabe zur Post": Postrechtsmodernisierungsgesetz (PostModG) '
        "vom 15.7.2024, Art. 33, BGBl. 2024 I Nr. 236, insoweit in Kraft am 1.1.2025",
    ),
)
"""The day after posting (or sending electronically, Satz 2) on which a written Verwaltungsakt
counts as made known (§ 37 Abs. 2 SGB X), by the day it was posted."""

pruefe_reihe("BEKANNTGABE_TAGE", BEKANNTGABE_TAGE)
