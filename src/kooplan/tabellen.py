"""pandas adapter (optional extra `pandas`): long event tables to decisions, and back to cases.

The old import path; the code lives in `kooplan.oberflaechen.tabellen`."""

from kooplan.oberflaechen.tabellen import (
    ENTSCHEIDUNG_SPALTEN,
    entscheidungen,
    entscheidungen_zeitreihe,
    faelle_aus_tabellen,
    tabellen_aus_faellen,
)

__all__ = [
    "ENTSCHEIDUNG_SPALTEN",
    "entscheidungen",
    "entscheidungen_zeitreihe",
    "faelle_aus_tabellen",
    "tabellen_aus_faellen",
]
