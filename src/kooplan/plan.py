"""The Kooperationsplan and its parts (§ 15 Abs. 2, 3 SGB II).

    "In diesem werden das Eingliederungsziel und die wesentlichen Schritte zur Eingliederung
    festgehalten […]" (§ 15 Abs. 2 Satz 2 SGB II)

    "Die erwerbsfähige leistungsberechtigte Person erhält den Kooperationsplan in Textform."
    (§ 15 Abs. 3 Satz 1 SGB II)

The plan is not legally binding, carries no Rechtsfolgenbelehrung and is not signed (Praxis, see
FACHKONZEPT § 1). The value object therefore has no field for a signature or an RFB: a plan that
claims either cannot be built. A plan without Eingliederungsziel or without any Schritt is invalid.

The plan's texts are personal data (Sozialdaten): ``repr`` shows only their shape, never their
content.
"""

from __future__ import annotations

import attrs

from kooplan import _pruefen as p
from kooplan._aufzaehlung import Aufzaehlung

__all__ = ["Eigenbemuehungen", "Kooperationsplan", "Zeitraum"]


class Zeitraum(Aufzaehlung):
    """The period in which the agreed number of Eigenbemühungen is due."""

    WOCHE = "woche"
    MONAT = "monat"


@attrs.frozen(repr=False)
class Eigenbemuehungen:
    """The Eigenbemühungen the person undertakes and proves (§ 15 Abs. 2 Satz 2 Nr. 2 SGB II):
    what, how many, in which period, how proved."""

    art: str = attrs.field(validator=p.ist_text)
    anzahl: int = attrs.field(validator=p.ist_int(1, 1000))
    zeitraum: Zeitraum = attrs.field(validator=p.ist_enum(Zeitraum))
    nachweis: str = attrs.field(validator=p.ist_text)

    def __repr__(self) -> str:
        return f"Eigenbemuehungen(anzahl={self.anzahl}, zeitraum={self.zeitraum.value!r})"


def _texte(wert: object) -> object:
    """Turn a list into a tuple (the frozen form); anything else is left for the validator."""
    return tuple(wert) if isinstance(wert, list) else wert


@attrs.frozen(repr=False)
class Kooperationsplan:
    """A Kooperationsplan (§ 15 Abs. 2 SGB II), given in Textform, unsigned, without RFB.

    >>> plan = Kooperationsplan("Fachkraft Lagerlogistik", ["Unterlagen", "Staplerschein"])
    >>> plan
    Kooperationsplan(schritte=2, eigenbemuehungen=False)
    >>> Kooperationsplan("Ziel", [])
    Traceback (most recent call last):
    ...
    kooplan.fehler.UngueltigeEingabe: [ungueltige_eingabe] 'schritte' muss mindestens 1 ...
    """

    #: Das Eingliederungsziel (§ 15 Abs. 2 Satz 2).
    eingliederungsziel: str = attrs.field(validator=p.ist_text)
    #: Die wesentlichen Schritte zur Eingliederung (§ 15 Abs. 2 Satz 2): at least one.
    schritte: tuple[str, ...] = attrs.field(converter=_texte, validator=p.ist_textliste(1))
    #: Nr. 2: Eigenbemühungen.
    eigenbemuehungen: Eigenbemuehungen | None = attrs.field(
        default=None,
        validator=p.optional(p.ist_instanz(Eigenbemuehungen, "ein Eigenbemuehungen-Objekt")),
    )
    #: Nr. 1: Leistungen zur Eingliederung, die in Betracht kommen.
    leistungen: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    #: Nr. 5: Ausbildung, Tätigkeiten oder Tätigkeitsbereiche, in die vermittelt werden soll.
    vermittlungsziele: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    #: Nr. 4: Einbeziehung der Leistungen anderer Leistungsträger.
    andere_leistungstraeger: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    #: Satz 3 Nr. 1 (optional): Maßnahmen im Hinblick auf gesundheitliche Beeinträchtigungen.
    gesundheit: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    #: Satz 3 Nr. 2 (optional): Leistungen für Mitglieder der Bedarfsgemeinschaft.
    bedarfsgemeinschaft: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    #: Nr. 3: vorgesehene Teilnahme an einem Integrationskurs / Deutschsprachförderung.
    integrationskurs: bool | None = attrs.field(default=None, validator=p.optional(p.ist_bool))
    #: Nr. 6: möglicher Bedarf an Leistungen zur Rehabilitation.
    reha_bedarf: bool | None = attrs.field(default=None, validator=p.optional(p.ist_bool))

    def _repr_html_(self) -> str:  # Jupyter
        from kooplan.anzeige import plan_html

        return plan_html(self)

    def __repr__(self) -> str:
        return (
            f"Kooperationsplan(schritte={len(self.schritte)}, "
            f"eigenbemuehungen={self.eigenbemuehungen is not None})"
        )
