"""A case (`Fall`): the pseudonymous id, optional person data, and its events.

A `Fall` cannot be built invalid: event ids are unique, every `bezug` names an earlier event
(in fold order) of an art it can refer to. Validation errors carry the contract path
(`ereignisse[3].bezug`).

The birth date is personal data: it never appears in `repr`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from kooplan.werte import pruefen as p
from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.ereignisse import ARTEN, Ereignis
from kooplan.werte.fehler import UngueltigeEingabe

__all__ = ["Fall"]

LAENDER: tuple[str, ...] = (
    "DE-BB",
    "DE-BE",
    "DE-BW",
    "DE-BY",
    "DE-HB",
    "DE-HE",
    "DE-HH",
    "DE-MV",
    "DE-NI",
    "DE-NW",
    "DE-RP",
    "DE-SH",
    "DE-SL",
    "DE-SN",
    "DE-ST",
    "DE-TH",
)
"""The 16 Länder as ISO 3166-2 codes, the values `land` accepts (`None`: nationwide only)."""


class Bekanntgabeart(Aufzaehlung):
    """How a written Verwaltungsakt reaches the person (§ 37 SGB X): it decides the day it takes
    effect (§ 39 Abs. 1 SGB X) and so the first month of a Minderung (§ 31b Abs. 1 Satz 1
    SGB II)."""

    POST = "post"
    """"Ein schriftlicher Verwaltungsakt, der im Inland durch die Post übermittelt wird, gilt am
    vierten Tag nach der Aufgabe zur Post als bekannt gegeben." (§ 37 Abs. 2 Satz 1 SGB X; until
    31.12.2024 "am dritten Tag"). The default where a case says nothing."""
    ELEKTRONISCH = "elektronisch"
    """"Ein Verwaltungsakt, der im Inland oder Ausland elektronisch übermittelt wird, gilt am
    vierten Tag nach der Absendung als bekannt gegeben." (§ 37 Abs. 2 Satz 2 SGB X; until 31.12.2024
    "am dritten Tag")"""
    PERSOENLICH = "persoenlich"
    """Handed over in person: made known, and so effective, on the day it is handed over."""


_VERSTOESSE = ("termin_versaeumt", "mitwirkung_unterblieben")
BEZUG_ARTEN = _VERSTOESSE
"""The arts a `wichtiger_grund_nachgewiesen` may refer to."""
BEZUEGE: dict[tuple[str, str], tuple[str, ...]] = {
    ("wichtiger_grund_nachgewiesen", "bezug"): _VERSTOESSE,
    ("minderung_festgestellt", "bezug"): _VERSTOESSE,
    ("minderung_aufgehoben", "bezug"): ("minderung_festgestellt",),
    ("haerte_festgestellt", "bezug"): ("minderung_festgestellt",),
    ("termin_versaeumt", "einladung"): ("einladung_versandt",),
}
"""For each (art, field) that names another event by its `id`: the arts it may name. The named event
must come earlier in fold order."""
_WORTE = {
    "termin_versaeumt": "ein 'termin_versaeumt'",
    "mitwirkung_unterblieben": "ein 'mitwirkung_unterblieben'",
    "minderung_festgestellt": "ein 'minderung_festgestellt'",
    "einladung_versandt": "ein 'einladung_versandt'",
}

EREIGNIS_KLASSEN = tuple(ARTEN.values())
"""Every event class (for `isinstance`)."""
_EREIGNIS_TYPEN = frozenset(EREIGNIS_KLASSEN)  # the exact classes: one lookup, not 18 checks
_BEZUG_FELDER: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
"""`BEZUEGE` by art: the fields of an event of that art that name another event."""
for (_art, _feld), _erlaubt in BEZUEGE.items():
    _BEZUG_FELDER[_art] = (*_BEZUG_FELDER.get(_art, ()), (_feld, _erlaubt))


def _als_tuple(wert: object) -> object:
    return tuple(wert) if isinstance(wert, list) else wert


def _pruefe_ereignisse(inst: Fall, attribute: attrs.Attribute[Any], wert: Any) -> None:
    if not isinstance(wert, tuple):
        raise UngueltigeEingabe(
            "'ereignisse' muss eine Liste von Ereignissen sein.", ort="ereignisse"
        )
    for i, e in enumerate(wert):
        if type(e) not in _EREIGNIS_TYPEN and not isinstance(e, EREIGNIS_KLASSEN):
            raise UngueltigeEingabe(
                f"Eintrag {i + 1} von 'ereignisse' ist kein Ereignis.", ort=f"ereignisse[{i}]"
            )
    gesehen: dict[str, int] = {}
    # the events that may name another, checked once every id is known
    nennen: list[tuple[int, Ereignis, tuple[tuple[str, tuple[str, ...]], ...]]] = []
    for i, e in enumerate(wert):
        eid = e.id
        if eid is not None:
            if eid in gesehen:
                raise UngueltigeEingabe(
                    f"Die id von Ereignis Nr. {i + 1} kommt schon bei Ereignis Nr. "
                    f"{gesehen[eid] + 1} vor; ids müssen im Fall eindeutig sein.",
                    ort=f"ereignisse[{i}].id",
                )
            gesehen[eid] = i
        felder = _BEZUG_FELDER.get(e.art)
        if felder is not None:
            nennen.append((i, e, felder))
    # bezug: an earlier event in fold order (date order, same day: input order)
    rang: dict[int, int] | None = None
    for i, e, felder in nennen:
        for feld, erlaubt in felder:
            if getattr(e, feld) is None:
                continue
            if rang is None:
                rang = {pos: r for r, (pos, _) in enumerate(_faltordnung(wert))}
            ort = f"ereignisse[{i}].{feld}"
            ziel = gesehen.get(getattr(e, feld))
            if ziel is None:
                raise UngueltigeEingabe(
                    f"'{feld}' von Ereignis Nr. {i + 1} nennt keine id eines Ereignisses dieses "
                    "Falls.",
                    ort=ort,
                )
            if rang[ziel] >= rang[i]:
                raise UngueltigeEingabe(
                    f"'{feld}' von Ereignis Nr. {i + 1} nennt ein Ereignis, das nicht vorher liegt.",
                    ort=ort,
                )
            if wert[ziel].art not in erlaubt:
                worte = " oder ".join(_WORTE[a] for a in erlaubt)
                raise UngueltigeEingabe(
                    f"'{feld}' von Ereignis Nr. {i + 1} muss {worte} nennen, "
                    f"nicht '{wert[ziel].art}'.",
                    ort=ort,
                )


def _ist_land(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
    if wert not in LAENDER:
        raise UngueltigeEingabe(
            "'land' muss ein Land als ISO 3166-2 sein (z. B. \"DE-BE\").", ort=attribute.name
        )


def _faltordnung(ereignisse: tuple[Ereignis, ...]) -> list[tuple[int, Ereignis]]:
    return sorted(enumerate(ereignisse), key=lambda pe: pe[1].am)  # stable: same day keeps order


@attrs.frozen(repr=False)
class Fall:
    """A case as in the contract: `fall` id, optional `geburtsdatum` and
    `regelbedarfsstufe`, and `ereignisse`.

    Examples:
        >>> import datetime as dt
        >>> from kooplan.werte.ereignisse import PlanErstellt
        >>> Fall("JC-1", [PlanErstellt(am=dt.date(2024, 1, 15))], geburtsdatum=dt.date(1999, 4, 1))
        Fall(fall='JC-1', ereignisse=1)
    """

    fall: str = attrs.field(validator=p.ist_fall_id)
    """The caller's pseudonymous case id (1–64 letters, digits, `-`, `_`, `.`)."""
    ereignisse: tuple[Ereignis, ...] = attrs.field(
        default=(), converter=_als_tuple, validator=_pruefe_ereignisse
    )
    """The events, in the caller's order (folded in date order)."""
    geburtsdatum: dt.date | None = attrs.field(
        default=None,
        kw_only=True,
        validator=p.optional(p.ist_tag(p.FRUEHESTES_GEBURTSDATUM, p.SPAETESTER_TAG)),
    )
    """The birth date, read only for § 31a Abs. 6 SGB II (under 25); never shown."""
    regelbedarfsstufe: int | None = attrs.field(
        default=None, kw_only=True, validator=p.optional(p.ist_int(1, 4))
    )
    """The Regelbedarfsstufe (1–4), for amounts in euros."""
    land: str | None = attrs.field(default=None, kw_only=True, validator=p.optional(_ist_land))
    """The Bundesland (ISO 3166-2, `"DE-BE"` …), for public holidays (§ 26 Abs. 3 SGB X)."""
    bewilligungszeitraum_ende: dt.date | None = attrs.field(
        default=None, kw_only=True, validator=p.optional(p.ist_tag())
    )
    """The last day of the current Bewilligungszeitraum (§ 7b Abs. 4 Satz 3 SGB II n.F.)."""
    bekanntgabe: Bekanntgabeart | None = attrs.field(
        default=None, kw_only=True, validator=p.optional(p.ist_enum(Bekanntgabeart))
    )
    """How the jobcenter's decisions reach the person (§ 37 SGB X); `None`: by post. It decides the
    earliest first month of a Minderung (§ 31b Abs. 1 Satz 1 SGB II)."""

    def in_faltordnung(self) -> list[tuple[int, Ereignis]]:
        """The events with their input positions, in the order they are folded."""
        return _faltordnung(self.ereignisse)

    def mit(self, *neue: Ereignis) -> Fall:
        """A new case with `neue` events appended (the case itself is unchanged)."""
        return attrs.evolve(self, ereignisse=(*self.ereignisse, *neue))

    def __repr__(self) -> str:
        return f"Fall(fall={self.fall!r}, ereignisse={len(self.ereignisse)})"
