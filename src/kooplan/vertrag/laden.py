"""Reading cases from JSON exactly as CONTRACT.md says.

* Unknown keys are errors (a typo must not silently change a decision), except keys starting
  with ``x_`` (the caller's own data: accepted and ignored).
* A JSON object with a duplicate key is an error; ``NaN`` and ``Infinity`` are not JSON.
* Dates are ``YYYY-MM-DD`` exactly; booleans and integers are JSON's own, never coerced.
* Every error is an :class:`~kooplan.fehler.UngueltigeEingabe` (or the code the contract names)
  with the JSON path of the offending value (``ereignisse[2].am``); where a case has several
  faults, the first in document order is reported.
* Messages never echo input values: any field may carry personal data.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from kooplan.ereignisse import ARTEN, Ereignis
from kooplan.fall import Fall
from kooplan.fehler import KooplanError, UngueltigeEingabe
from kooplan.kalender import LAENDER
from kooplan.plan import Eigenbemuehungen, Kooperationsplan
from kooplan.vertrag.felder import (
    EIGENBEMUEHUNGEN_FELDER,
    FALL_FELDER,
    PLAN_FELDER,
    Feld,
    Typ,
    ereignis_felder,
)

__all__ = ["faelle_lesen", "fall_aus_json", "fall_aus_objekt", "json_lesen", "zeilen_lesen"]

_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
_FALL_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
#: Longest key name quoted in a message (keys are shown, values never).
_MAX_SCHLUESSEL = 40


class _Objekt(dict[str, Any]):
    """A JSON object that remembers its first duplicate key."""

    doppelt: str | None = None


def _paare(paare: list[tuple[str, Any]]) -> _Objekt:
    obj = _Objekt()
    for k, v in paare:
        if k in obj and obj.doppelt is None:
            obj.doppelt = k
        obj[k] = v
    return obj


def _keine_konstante(name: str) -> Any:
    raise ValueError(f"{name} ist in JSON nicht erlaubt")


def json_lesen(text: str | bytes) -> Any:
    """Parse one JSON text strictly (duplicate keys are kept for the loader to report).

    Raises :class:`UngueltigeEingabe` for text that is not JSON.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            raise UngueltigeEingabe(
                f"Die Eingabe ist kein gültiges UTF-8 (Byte {err.start + 1})."
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise UngueltigeEingabe("Die Eingabe ist leer; erwartet wird ein JSON-Objekt.")
    try:
        return json.loads(text, object_pairs_hook=_paare, parse_constant=_keine_konstante)
    except json.JSONDecodeError as err:
        raise UngueltigeEingabe(
            f"Kein gültiges JSON: {_json_grund(err.msg)} (Zeile {err.lineno}, Spalte {err.colno})."
        ) from None
    except (ValueError, RecursionError) as err:
        grund = "zu tief verschachtelt" if isinstance(err, RecursionError) else str(err)
        raise UngueltigeEingabe(f"Kein gültiges JSON: {grund}.") from None


_JSON_GRUENDE = {
    "Expecting value": "Wert erwartet",
    "Expecting property name enclosed in double quotes": (
        "Schlüssel in doppelten Anführungszeichen erwartet"
    ),
    "Expecting ',' delimiter": "',' erwartet",
    "Expecting ':' delimiter": "':' erwartet",
    "Extra data": "weitere Daten nach dem Ende des Objekts",
    "Unterminated string starting at": "nicht beendete Zeichenkette",
    "Invalid control character at": "unzulässiges Steuerzeichen",
    "Invalid \\escape": "ungültige Escape-Sequenz",
}


def _json_grund(msg: str) -> str:
    for en, de in _JSON_GRUENDE.items():
        if msg.startswith(en):
            return de
    return "Syntaxfehler"


def _schluessel(key: str) -> str:
    k = key if len(key) <= _MAX_SCHLUESSEL else key[:_MAX_SCHLUESSEL] + "…"
    return json.dumps(k, ensure_ascii=True)[1:-1]


def _pfad(basis: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{basis}[{key}]"
    return f"{basis}.{key}" if basis else key


def _typname(wert: Any) -> str:
    """The JSON type of a value, in words (never the value itself)."""
    if wert is None:
        return "null"
    if isinstance(wert, bool):
        return "true/false"
    if isinstance(wert, (int, float)):
        return "eine Zahl"
    if isinstance(wert, str):
        return "ein Text"
    if isinstance(wert, list):
        return "eine Liste"
    return "ein Objekt"


def _fehler(pfad: str, meldung: str) -> UngueltigeEingabe:
    return UngueltigeEingabe(meldung, ort=pfad or None)


def _datum(wert: Any, pfad: str, name: str) -> dt.date:
    if not isinstance(wert, str) or not _DATUM.fullmatch(wert):
        raise _fehler(pfad, f"'{name}' muss ein Datum der Form JJJJ-MM-TT sein.")
    try:
        return dt.date.fromisoformat(wert)
    except ValueError:
        raise _fehler(pfad, f"'{name}' ist kein gültiger Kalendertag.") from None


def _wert(feld: Feld, wert: Any, pfad: str, name: str) -> Any:
    t = feld.typ
    if t is Typ.DATUM:
        return _datum(wert, pfad, name)
    if t is Typ.BOOL:
        if not isinstance(wert, bool):
            raise _fehler(pfad, f"'{name}' muss true oder false sein, nicht {_typname(wert)}.")
        return wert
    if t is Typ.INT:
        if isinstance(wert, bool) or not isinstance(wert, int):
            raise _fehler(pfad, f"'{name}' muss eine ganze Zahl sein, nicht {_typname(wert)}.")
        if (feld.minimum is not None and wert < feld.minimum) or (
            feld.maximum is not None and wert > feld.maximum
        ):
            raise _fehler(pfad, f"'{name}' muss zwischen {feld.minimum} und {feld.maximum} liegen.")
        return wert
    if t in (Typ.TEXT, Typ.ID):
        if not isinstance(wert, str):
            raise _fehler(pfad, f"'{name}' muss ein Text sein, nicht {_typname(wert)}.")
        return wert
    if t is Typ.TEXTLISTE:
        if not isinstance(wert, list):
            raise _fehler(pfad, f"'{name}' muss eine Liste von Texten sein.")
        for i, eintrag in enumerate(wert):
            if not isinstance(eintrag, str):
                raise _fehler(_pfad(pfad, i), f"Jeder Eintrag in '{name}' muss ein Text sein.")
        return tuple(wert)
    if t is Typ.ENUM:
        if not isinstance(wert, str) or wert not in feld.werte:
            erlaubt = ", ".join(f"'{w}'" for w in feld.werte)
            raise _fehler(pfad, f"'{name}' muss einer dieser Werte sein: {erlaubt}.")
        assert feld.enum_typ is not None
        return feld.enum_typ(wert)
    if t is Typ.KONSTANTE:
        if wert not in feld.werte:
            raise _fehler(pfad, f"'{name}' muss \"{feld.werte[0]}\" sein.")
        return wert
    if t is Typ.FALL_ID:
        if not isinstance(wert, str) or not _FALL_ID.fullmatch(wert):
            raise _fehler(
                pfad,
                "'fall' muss 1 bis 64 Zeichen aus Buchstaben, Ziffern, '-', '_' und '.' haben.",
            )
        return wert
    if t is Typ.PLAN:
        return _bauen(Kooperationsplan, _felder(wert, PLAN_FELDER, pfad, f"'{name}'"), pfad)
    if t is Typ.EIGENBEMUEHUNGEN:
        return _bauen(
            Eigenbemuehungen, _felder(wert, EIGENBEMUEHUNGEN_FELDER, pfad, f"'{name}'"), pfad
        )
    if t is Typ.EREIGNISSE:
        return _ereignisse(wert, pfad)
    if t is Typ.LAND:
        if not isinstance(wert, str) or wert not in LAENDER:
            raise _fehler(pfad, f"'{name}' muss ein Land als ISO 3166-2 sein (z. B. \"DE-BE\").")
        return wert
    raise AssertionError(t)  # pragma: no cover - every Typ is handled above


def _pruefe_objekt(obj: Any, pfad: str, name: str) -> _Objekt:
    if not isinstance(obj, dict):
        raise _fehler(pfad, f"{name} muss ein JSON-Objekt sein, nicht {_typname(obj)}.")
    if isinstance(obj, _Objekt) and obj.doppelt is not None:
        raise _fehler(
            _pfad(pfad, obj.doppelt),
            f"Der Schlüssel '{_schluessel(obj.doppelt)}' kommt im Objekt doppelt vor.",
        )
    return obj  # type: ignore[return-value]


def _felder(obj: Any, spec: Mapping[str, Feld], pfad: str, name: str) -> dict[str, Any]:
    """Read an object by ``spec``, in document order; ``x_`` keys are dropped."""
    obj = _pruefe_objekt(obj, pfad, name)
    out: dict[str, Any] = {}
    for key, wert in obj.items():
        if key.startswith("x_"):
            continue
        feld = spec.get(key)
        if feld is None:
            raise _fehler(_pfad(pfad, key), f"Unbekanntes Feld '{_schluessel(key)}'.")
        out[key] = _wert(feld, wert, _pfad(pfad, key), key)
    for key, feld in spec.items():
        if feld.pflicht and key not in out:
            raise _fehler(_pfad(pfad, key), f"Das Pflichtfeld '{key}' fehlt.")
    return out


def _bauen(cls: Any, felder: dict[str, Any], pfad: str) -> Any:
    try:
        return cls(**felder)
    except KooplanError as err:
        raise err.unter(pfad) from None


def _ereignis(obj: Any, pfad: str) -> Ereignis:
    obj = _pruefe_objekt(obj, pfad, "Ein Ereignis")
    art = obj.get("art")
    if not isinstance(art, str) or art not in ARTEN:
        # report a fault of a common field that stands before 'art' first (document order)
        for key, wert in obj.items():
            if key == "art":
                break
            if key in ("am", "id"):
                _wert(ereignis_felder("termin_wahrgenommen")[key], wert, _pfad(pfad, key), key)
        if "art" not in obj:
            raise _fehler(_pfad(pfad, "art"), "Das Pflichtfeld 'art' fehlt.")
        raise _fehler(_pfad(pfad, "art"), "Unbekannte Ereignisart in 'art'.")
    felder = _felder(obj, _mit_art(art), pfad, "Ein Ereignis")
    del felder["art"]
    return _bauen(ARTEN[art], felder, pfad)  # type: ignore[no-any-return]


def _mit_art(art: str) -> dict[str, Feld]:
    """The fields of an event of ``art``, with ``art`` accepting exactly this value."""
    spec = dict(ereignis_felder(art))
    spec["art"] = Feld(Typ.KONSTANTE, True, (art,))
    return spec


def fall_aus_objekt(obj: Any) -> Fall:
    """Build a :class:`Fall` from a parsed JSON value, checking the whole contract.

    Errors name the case when its ``fall`` is valid (else ``fall`` is ``None``).
    """
    fall_id = _fall_id(obj)
    try:
        felder = _felder(obj, FALL_FELDER, "", "Der Fall")
        return _fall_bauen(felder)
    except KooplanError as err:
        raise err.mit_fall(fall_id) from None


def _fall_bauen(felder: dict[str, Any]) -> Fall:
    return Fall(
        felder["fall"],
        felder["ereignisse"],
        geburtsdatum=felder.get("geburtsdatum"),
        regelbedarfsstufe=felder.get("regelbedarfsstufe"),
        land=felder.get("land"),
        bewilligungszeitraum_ende=felder.get("bewilligungszeitraum_ende"),
    )


def _fall_id(obj: Any) -> str | None:
    if isinstance(obj, dict) and getattr(obj, "doppelt", None) != "fall":
        f = obj.get("fall")
        if isinstance(f, str) and _FALL_ID.fullmatch(f):
            return f
    return None


def _ereignisse(wert: Any, pfad: str) -> tuple[Ereignis, ...]:
    if not isinstance(wert, list):
        raise _fehler(pfad, "'ereignisse' muss eine Liste sein.")
    out: list[Ereignis] = []
    ids: set[str] = set()
    for i, e in enumerate(wert):
        ereignis = _ereignis(e, _pfad(pfad, i))
        if ereignis.id is not None:
            if ereignis.id in ids:
                raise _fehler(
                    _pfad(_pfad(pfad, i), "id"),
                    f"Die id von Ereignis Nr. {i + 1} kommt im Fall schon vor; ids müssen "
                    "eindeutig sein.",
                )
            ids.add(ereignis.id)
        out.append(ereignis)
    return tuple(out)


def fall_aus_json(text: str | bytes) -> Fall:
    """Parse and check one case given as JSON text."""
    return fall_aus_objekt(json_lesen(text))


def zeilen_lesen(daten: bytes) -> Iterator[tuple[int, bytes]]:
    """Split JSON Lines into numbered lines (1-based); a final newline ends the last line."""
    zeilen = daten.split(b"\n")
    if zeilen and zeilen[-1] == b"":
        zeilen.pop()
    for nr, zeile in enumerate(zeilen, start=1):
        yield nr, zeile[:-1] if zeile.endswith(b"\r") else zeile


def faelle_lesen(daten: bytes, format: str) -> Iterator[tuple[int | None, Fall | KooplanError]]:
    """Read every case of a ``json`` (one case) or ``jsonl`` (one case per line) input.

    Yields ``(zeile, fall_or_error)``: ``zeile`` is the 1-based line for JSON Lines, ``None`` for
    a single JSON case. A bad case yields its error and never stops or shifts the others.
    """
    if format == "json":
        try:
            yield None, fall_aus_json(daten)
        except KooplanError as err:
            yield None, err
        return
    for nr, zeile in zeilen_lesen(daten):
        try:
            yield nr, fall_aus_json(zeile)
        except KooplanError as err:
            yield nr, err
