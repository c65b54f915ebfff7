"""Validators for the value objects. Each raises `UngueltigeEingabe` naming the field.

The field names are the contract's, so a loader only prefixes the path of the object. Values
are never echoed into messages: a field may hold personal data.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from typing import Any

import attrs

from kooplan.werte.fehler import UngueltigeEingabe

FRUEHESTER_TAG = dt.date(1900, 1, 1)
"""The range of days kooplan accepts anywhere. Days before 1.7.2023 are history, refused by the fold
where docs/fachliches.md section 2 says so (`rechtsstand_nicht_abgedeckt`); the bounds only keep the arithmetic
sane."""
SPAETESTER_TAG = dt.date(2099, 12, 31)
ABGEDECKT_AB = dt.date(2023, 7, 1)
"""The first day kooplan covers: the Bürgergeld law (12. SGB II-ÄndG) took effect; from that day
the Kooperationsplan replaced the Eingliederungsvereinbarung (§ 15 SGB II)."""
SPAETESTER_ABGELEITETER_TAG = dt.date(2100, 12, 31)
"""Days kooplan derives from accepted days (the next review, the first month of a Minderung, the
last day to find it, the end of a Schlichtung) lie up to a few months after the last one."""
FRUEHESTES_GEBURTSDATUM = dt.date(1900, 1, 1)
"""A birth date may lie further back."""

_FALL_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fehler(attribute: attrs.Attribute[Any], meldung: str) -> UngueltigeEingabe:
    return UngueltigeEingabe(meldung, ort=attribute.name)


def pruefe_tag_argument(name: str, tag: object) -> dt.date:
    """A day passed as an argument (`stichtag`, `faellig`): a `date` without time, at the
    latest 31.12.2099 (earlier days are refused where the law of the day is looked up)."""
    if isinstance(tag, dt.datetime) or not isinstance(tag, dt.date):
        raise UngueltigeEingabe(f"'{name}' muss ein Datum sein (ohne Uhrzeit).", ort=name)
    if tag > SPAETESTER_TAG:
        raise UngueltigeEingabe(
            f"'{name}' liegt außerhalb des zulässigen Zeitraums "
            f"({FRUEHESTER_TAG:%d.%m.%Y} bis {SPAETESTER_TAG:%d.%m.%Y}).",
            ort=name,
        )
    return tag


def ist_tag(frueh: dt.date = FRUEHESTER_TAG, spaet: dt.date = SPAETESTER_TAG) -> Validator:
    def pruefe(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if isinstance(wert, dt.datetime) or not isinstance(wert, dt.date):
            raise fehler(attribute, f"'{attribute.name}' muss ein Datum sein (ohne Uhrzeit).")
        if not frueh <= wert <= spaet:
            raise fehler(
                attribute,
                f"'{attribute.name}' liegt außerhalb des zulässigen Zeitraums "
                f"({frueh:%d.%m.%Y} bis {spaet:%d.%m.%Y}).",
            )

    return pruefe


def ist_bool(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
    if not isinstance(wert, bool):
        raise fehler(attribute, f"'{attribute.name}' muss true oder false sein.")


def ist_int(lo: int, hi: int | None = None) -> Validator:
    def pruefe(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if isinstance(wert, bool) or not isinstance(wert, int):
            raise fehler(attribute, f"'{attribute.name}' muss eine ganze Zahl sein.")
        if wert < lo or (hi is not None and wert > hi):
            bereich = f"mindestens {lo}" if hi is None else f"zwischen {lo} und {hi}"
            raise fehler(attribute, f"'{attribute.name}' muss {bereich} liegen.")

    return pruefe


def ist_text(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
    if not isinstance(wert, str):
        raise fehler(attribute, f"'{attribute.name}' muss ein Text sein.")
    if not wert.strip():
        raise fehler(attribute, f"'{attribute.name}' darf nicht leer sein.")


def ist_textliste(mindestens: int = 0) -> Validator:
    def pruefe(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if not isinstance(wert, tuple):
            raise fehler(attribute, f"'{attribute.name}' muss eine Liste von Texten sein.")
        if len(wert) < mindestens:
            raise fehler(
                attribute, f"'{attribute.name}' muss mindestens {mindestens} Eintrag haben."
            )
        for i, eintrag in enumerate(wert):
            if not isinstance(eintrag, str) or not eintrag.strip():
                raise UngueltigeEingabe(
                    f"Jeder Eintrag in '{attribute.name}' muss ein nicht leerer Text sein.",
                    ort=f"{attribute.name}[{i}]",
                )

    return pruefe


def ist_enum(typ: type[enum.Enum]) -> Validator:
    def pruefe(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if not isinstance(wert, typ):
            erlaubt = ", ".join(repr(m.value) for m in typ)
            raise fehler(attribute, f"'{attribute.name}' muss einer dieser Werte sein: {erlaubt}.")

    return pruefe


def ist_instanz(typ: type[Any] | tuple[type[Any], ...], wort: str) -> Validator:
    """An `isinstance` check whose message names the expected kind, never the value."""

    def pruefe(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if not isinstance(wert, typ):
            raise fehler(attribute, f"'{attribute.name}' muss {wort} sein.")

    return pruefe


def ist_tupel_von(typ: type[Any], wort: str, mindestens: int = 0) -> Validator:
    """A tuple of `typ` with at least `mindestens` entries; `wort` names what is expected
    (e.g. "eine Liste von Gründen"). Anything else, also a value that is not iterable, is an
    `UngueltigeEingabe` naming the field (or the entry), never the value."""

    def pruefe(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if type(wert) is not tuple:
            raise fehler(attribute, f"'{attribute.name}' muss {wort} sein (ein Tupel).")
        if len(wert) < mindestens:
            raise fehler(
                attribute, f"'{attribute.name}' muss mindestens {mindestens} Eintrag haben."
            )
        for i, eintrag in enumerate(wert):
            if not isinstance(eintrag, typ):
                raise UngueltigeEingabe(
                    f"Ein Eintrag in '{attribute.name}' hat die falsche Art: erwartet ist {wort}.",
                    ort=f"{attribute.name}[{i}]",
                )

    return pruefe


def ist_tupel_von_paaren(erst: type[Any], zweit: type[Any], wort: str) -> Validator:
    """A tuple of pairs `(erst, zweit)` (an `int` never a `bool`); `wort` names them."""

    def passt(wert: Any, typ: type[Any]) -> bool:
        if typ is int:
            return isinstance(wert, int) and not isinstance(wert, bool)
        if typ is dt.date:
            return isinstance(wert, dt.date) and not isinstance(wert, dt.datetime)
        return isinstance(wert, typ)

    def pruefe(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if type(wert) is not tuple:
            raise fehler(attribute, f"'{attribute.name}' muss {wort} sein (ein Tupel).")
        for i, paar in enumerate(wert):
            if not (
                type(paar) is tuple
                and len(paar) == 2
                and passt(paar[0], erst)
                and passt(paar[1], zweit)
            ):
                raise UngueltigeEingabe(
                    f"Ein Eintrag in '{attribute.name}' hat die falsche Art: erwartet ist {wort}.",
                    ort=f"{attribute.name}[{i}]",
                )

    return pruefe


def optional(v: Validator) -> Validator:
    def pruefe(inst: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if wert is not None:
            v(inst, attribute, wert)

    return pruefe


def ist_fall_id(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
    if not isinstance(wert, str) or not _FALL_ID.fullmatch(wert):
        raise fehler(
            attribute,
            "'fall' muss 1 bis 64 Zeichen aus Buchstaben, Ziffern, '-', '_' und '.' haben.",
        )


def ist_ereignis_id(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
    if wert is None:
        return
    if not isinstance(wert, str) or not 1 <= len(wert) <= 128 or not wert.isprintable():
        raise fehler(
            attribute, f"'{attribute.name}' muss ein Text aus 1 bis 128 druckbaren Zeichen sein."
        )
