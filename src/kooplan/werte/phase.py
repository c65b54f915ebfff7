"""The phases of a case (`Phase`), each with one German sentence."""

from __future__ import annotations

from collections.abc import Mapping

from kooplan.werte.aufzaehlung import Aufzaehlung

__all__ = ["PHASEN_TEXT", "Phase"]


class Phase(Aufzaehlung):
    """The phases of a case (docs/fachliches.md section 3)."""

    ERSTKONTAKT = "erstkontakt"
    KOOPERATION = "kooperation"
    MITWIRKUNG_EINGEFORDERT = "mitwirkung_eingefordert"
    SCHLICHTUNG = "schlichtung"
    OHNE_PLAN = "ohne_plan"
    BEENDET = "beendet"


PHASEN_TEXT: Mapping[Phase, str] = {
    Phase.ERSTKONTAKT: "Leistungsbezug, noch kein Kooperationsplan",
    Phase.KOOPERATION: "Kooperationsplan besteht, Zusammenarbeit funktioniert",
    Phase.MITWIRKUNG_EINGEFORDERT: (
        "Mitwirkung ohne wichtigen Grund unterblieben, wird eingefordert"
    ),
    Phase.SCHLICHTUNG: "Schlichtungsverfahren läuft (nur bis 30.6.2026)",
    Phase.OHNE_PLAN: "Kooperationsplan nicht zustande gekommen oder nicht fortschreibbar",
    Phase.BEENDET: "Leistungsbezug beendet",
}
"""One German sentence per phase, for tables and diagrams."""
