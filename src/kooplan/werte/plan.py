"""The Kooperationsplan and its parts (§ 15 Abs. 2, 3 SGB II).

> "In diesem werden das Eingliederungsziel und die wesentlichen Schritte zur Eingliederung
> festgehalten […]" (§ 15 Abs. 2 Satz 2 SGB II)

> "Die erwerbsfähige leistungsberechtigte Person erhält den Kooperationsplan in Textform."
> (§ 15 Abs. 3 Satz 1 SGB II)

The plan is not legally binding, carries no Rechtsfolgenbelehrung and is not signed (Praxis, see
docs/fachliches.md section 1). The value object therefore has no field for a signature or an RFB: a plan that
claims either cannot be built. A plan without Eingliederungsziel or without any Schritt is invalid.

The plan's texts are personal data (Sozialdaten): `repr` shows only their shape, never their
content.
"""

from __future__ import annotations

import attrs

from kooplan.werte import darstellung
from kooplan.werte import pruefen as p
from kooplan.werte.aufzaehlung import Aufzaehlung

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
    """What the person does (e.g. written applications)."""
    anzahl: int = attrs.field(validator=p.ist_int(1, 1000))
    """How many, in each `zeitraum` (1–1000)."""
    zeitraum: Zeitraum = attrs.field(validator=p.ist_enum(Zeitraum))
    """The period the number refers to: a week or a month."""
    nachweis: str = attrs.field(validator=p.ist_text)
    """How the person proves them (e.g. a list of applications)."""

    def __repr__(self) -> str:
        return f"Eigenbemuehungen(anzahl={self.anzahl}, zeitraum={self.zeitraum.value!r})"


def _texte(wert: object) -> object:
    """Turn a list into a tuple (the frozen form); anything else is left for the validator."""
    return tuple(wert) if isinstance(wert, list) else wert


@attrs.frozen(repr=False)
class Kooperationsplan:
    """A Kooperationsplan (§ 15 Abs. 2 SGB II), given in Textform, unsigned, without RFB.

    Examples:
        >>> plan = Kooperationsplan("Fachkraft Lagerlogistik", ["Unterlagen", "Staplerschein"])
        >>> plan
        Kooperationsplan(schritte=2, eigenbemuehungen=False)
        >>> Kooperationsplan("Ziel", [])
        Traceback (most recent call last):
        ...
        kooplan.werte.fehler.UngueltigeEingabe: [ungueltige_eingabe] 'schritte' muss mindestens 1 ...
    """

    eingliederungsziel: str = attrs.field(validator=p.ist_text)
    """The Eingliederungsziel, the goal of the integration (§ 15 Abs. 2 Satz 2 SGB II a.F.)."""
    schritte: tuple[str, ...] = attrs.field(converter=_texte, validator=p.ist_textliste(1))
    """The wesentliche Schritte towards the goal (§ 15 Abs. 2 Satz 2 SGB II a.F.): at least one."""
    eigenbemuehungen: Eigenbemuehungen | None = attrs.field(
        default=None,
        validator=p.optional(p.ist_instanz(Eigenbemuehungen, "ein Eigenbemuehungen-Objekt")),
    )
    """The Eigenbemühungen the person undertakes and proves (Satz 2 Nr. 2)."""
    leistungen: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    """The Leistungen zur Eingliederung that come into consideration (Satz 2 Nr. 1)."""
    vermittlungsziele: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    """The training, jobs or fields of work the person is to be placed in (Satz 2 Nr. 5)."""
    andere_leistungstraeger: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    """How benefits of other Leistungsträger are brought in (Satz 2 Nr. 4)."""
    gesundheit: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    """Measures with a view to health impairments (optional content, Satz 3 Nr. 1)."""
    bedarfsgemeinschaft: tuple[str, ...] = attrs.field(
        default=(), converter=_texte, validator=p.ist_textliste()
    )
    """Benefits for members of the Bedarfsgemeinschaft (optional content, Satz 3 Nr. 2)."""
    integrationskurs: bool | None = attrs.field(default=None, validator=p.optional(p.ist_bool))
    """Whether an Integrationskurs or Deutschsprachförderung is planned (Satz 2 Nr. 3)."""
    reha_bedarf: bool | None = attrs.field(default=None, validator=p.optional(p.ist_bool))
    """Whether a need for rehabilitation benefits may exist (Satz 2 Nr. 6)."""

    def _repr_html_(self) -> str:  # Jupyter
        return darstellung.plan_html(self)

    def __repr__(self) -> str:
        return (
            f"Kooperationsplan(schritte={len(self.schritte)}, "
            f"eigenbemuehungen={self.eigenbemuehungen is not None})"
        )
