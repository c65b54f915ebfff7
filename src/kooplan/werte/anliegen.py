"""What the jobcenter wants to send (`Anliegen`) and how it goes out (`Modus`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.ereignisse import Mitwirkung
from kooplan.werte.fehler import UngueltigeEingabe

__all__ = ["Anliegen", "Modus", "als_anliegen"]


class Anliegen(Aufzaehlung):
    """What the jobcenter wants to send (docs/fachliches.md section 4)."""

    EINLADUNG = "einladung"
    """An invitation to report (Einladung, Meldeaufforderung; § 59 SGB II with § 309 SGB III)."""
    MASSNAHME = "massnahme"
    """An assignment to a measure (Zuweisung in eine Maßnahme)."""
    VERMITTLUNGSVORSCHLAG = "vermittlungsvorschlag"
    """A job offer the person is to apply for (Vermittlungsvorschlag)."""
    EIGENBEMUEHUNGEN = "eigenbemuehungen"
    """A request to make and prove Eigenbemühungen."""

    @property
    def mitwirkung(self) -> Mitwirkung | None:
        """The kind of Mitwirkung this Anliegen demands (an Einladung demands none)."""
        return _MITWIRKUNG.get(self)


_MITWIRKUNG: Final[Mapping[Anliegen, Mitwirkung]] = {
    Anliegen.MASSNAHME: Mitwirkung.MASSNAHME,
    Anliegen.VERMITTLUNGSVORSCHLAG: Mitwirkung.VERMITTLUNGSVORSCHLAG,
    Anliegen.EIGENBEMUEHUNGEN: Mitwirkung.EIGENBEMUEHUNGEN,
}


class Modus(Aufzaehlung):
    """How the request is communicated."""

    OHNE_RFB = "ohne_rfb"
    """Without Rechtsfolgenbelehrung."""
    MIT_RFB = "mit_rfb"
    """A written request (Aufforderung) with Rechtsfolgenbelehrung."""
    VERPFLICHTUNG_VA = "verpflichtung_va"
    """C only: Verpflichtung by written Verwaltungsakt (§ 15a SGB II n.F.), with RFB."""


def als_anliegen(anliegen: Anliegen | str) -> Anliegen:
    """The Anliegen given as member or as its contract value; anything else is an input error."""
    if isinstance(anliegen, Anliegen):
        return anliegen
    try:
        return Anliegen(anliegen)
    except ValueError:
        erlaubt = ", ".join(a.value for a in Anliegen)
        raise UngueltigeEingabe(
            f"Unbekanntes Anliegen; erlaubt sind: {erlaubt}.", ort="anliegen"
        ) from None
