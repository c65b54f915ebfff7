"""Calendar rules of SGB X, BGB and SGB II: Bekanntgabe, Minderungszeitraum, deadlines, age.

The old import path; the code lives in `kooplan.motor.kalender`."""

from kooplan.motor.kalender import (
    BEKANNTGABE_TAGE_AB_2025,
    BEKANNTGABE_TAGE_BIS_2024,
    BERATUNGSANGEBOT_WOCHEN,
    FESTSTELLUNG_MONATE,
    LAENDER,
    POSTMODG_AB,
    Bekanntgabeart,
    Fristart,
    alter_am,
    aufhebung_bei_erfuellung,
    bekanntgabe,
    bekanntgabe_am,
    beratungsangebot_bis,
    feiertage,
    feststellung_spaetestens,
    fristende,
    ist_werktag,
    minderung_beginn,
    minderung_ende,
    unter_25,
)

__all__ = [
    "BEKANNTGABE_TAGE_AB_2025",
    "BEKANNTGABE_TAGE_BIS_2024",
    "BERATUNGSANGEBOT_WOCHEN",
    "FESTSTELLUNG_MONATE",
    "LAENDER",
    "POSTMODG_AB",
    "Bekanntgabeart",
    "Fristart",
    "alter_am",
    "aufhebung_bei_erfuellung",
    "bekanntgabe",
    "bekanntgabe_am",
    "beratungsangebot_bis",
    "feiertage",
    "feststellung_spaetestens",
    "fristende",
    "ist_werktag",
    "minderung_beginn",
    "minderung_ende",
    "unter_25",
]
