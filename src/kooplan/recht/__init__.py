"""The law as data: Rechtsstände, rules, notes, the Regelbedarf, Belehrung texts, statute texts.

Each Fassung of the law is rows in these tables with its dates and its source: the Rechtsstand
table and the regimes (`rechtsstaende`), the transition table of the state machine
(`uebergaenge`), the mode rules and the rules of the notes (`regeln`), the consequences of
violations by Rechtsstand (`sanktionen`), the catalogue of notes
(`begruendung`), the readings a caller may choose (`policy`), the Regelbedarf by year
(`regelbedarf`), the dated parameters of other codes (`parameter`), the templates of the Rechtsfolgenbelehrung next to the sentences they render
(`belehrung`), how a citation finds its statute text (`normen`, over the texts in
`kooplan/gesetzestexte`). No rule is evaluated here: the engine reads these tables; the only
logic is the checks of the tables, run when they are defined.

The names of the Rechtsstand table are offered at `kooplan.recht` itself, the path they have
always had.

Imports: kooplan.werte.
"""

from kooplan.recht.rechtsstaende import (
    ABGEDECKT_AB,
    NEUE_GRUNDSICHERUNG_AB,
    RECHTSSTAENDE,
    Fassung,
    Quelle,
    Rechtsstand,
    Regime,
    alle_grenzen,
    fassung_am,
    pruefe_tag,
    rechtsstand_am,
    rechtsstand_andere_lesart,
    rechtsstand_nach_id,
    regime_am,
    regime_beginn,
    sgb2,
)

__all__ = [
    "ABGEDECKT_AB",
    "NEUE_GRUNDSICHERUNG_AB",
    "RECHTSSTAENDE",
    "Fassung",
    "Quelle",
    "Rechtsstand",
    "Regime",
    "alle_grenzen",
    "fassung_am",
    "pruefe_tag",
    "rechtsstand_am",
    "rechtsstand_andere_lesart",
    "rechtsstand_nach_id",
    "regime_am",
    "regime_beginn",
    "sgb2",
]
