"""Reading cases from JSON exactly as docs/vertrag.md says.

* Unknown keys are errors (a typo must not silently change a decision), except keys starting
  with `x_` (the caller's own data: accepted and ignored, but still JSON without duplicate keys).
* A JSON object with a duplicate key is an error; `NaN` and `Infinity` are not JSON.
* Dates are `YYYY-MM-DD` exactly; booleans and integers are JSON's own, never coerced.
* Every error is an `UngueltigeEingabe` with the JSON path of the
  offending value (`ereignisse[2].am`).
* Where a case has several faults, the first in document order is reported. The loader reads the
  whole case, gives every key (and list element) its place in document order, records each fault
  at the place it belongs to (a cross-field check at the field it names, a missing key at the end
  of its object, a `bezug` at the `bezug`), and reports the earliest.
* Messages never echo input values: any field may carry personal data. Keys are quoted, escaped
  to printable ASCII and shortened.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

from kooplan._pruefen import FRUEHESTER_TAG, SPAETESTER_TAG
from kooplan._zwischenspeicher import anmelden
from kooplan.ereignisse import ARTEN, QUERPRUEFUNGEN, Ereignis
from kooplan.fall import BEZUEGE, Fall
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

__all__ = [
    "MAX_BYTES_JE_FALL",
    "MAX_EREIGNISSE",
    "MAX_TIEFE",
    "faelle_lesen",
    "fall_aus_json",
    "fall_aus_objekt",
    "json_lesen",
    "zeilen_lesen",
]

_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
_FALL_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_MAX_SCHLUESSEL: Final = 40
"""Longest key name quoted in a message or path (keys are shown, values never)."""
MAX_BYTES_JE_FALL: Final = 1_000_000  # bytes of UTF-8
"""Limits that keep hostile input from exhausting memory or time; each gives a clear error."""
MAX_EREIGNISSE: Final = 10_000
MAX_TIEFE: Final = 32


class _Objekt(dict[str, Any]):
    """A JSON object that keeps its key-value pairs in document order, duplicates included."""

    paare: list[tuple[str, Any]]


def _paare(paare: list[tuple[str, Any]]) -> dict[str, Any]:
    """The object hook: a plain dict (its order is the document's), or, where a key occurs twice,
    an `_Objekt` that keeps every pair for the loader to report."""
    obj = dict(paare)
    if len(obj) == len(paare):
        return obj
    doppelt = _Objekt(paare)
    doppelt.paare = paare
    return doppelt


class _KeineKonstante(ValueError):
    """`NaN`, `Infinity` and `-Infinity` are not JSON."""


def _keine_konstante(name: str) -> Any:
    raise _KeineKonstante(name)


_DECODER: Final = json.JSONDecoder(object_pairs_hook=_paare, parse_constant=_keine_konstante)
"""One decoder for every case (`json.loads` with a hook builds a new one per call)."""


def _utf8_laenge(text: str | bytes) -> int:
    if isinstance(text, bytes):
        return len(text)
    if len(text) * 4 <= MAX_BYTES_JE_FALL:  # cannot be over the limit: skip the encoding
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def json_lesen(text: str | bytes) -> Any:
    """Parse one JSON text strictly (duplicate keys are kept for the loader to report).

    Raises `UngueltigeEingabe` for text that is not JSON. The error keeps no reference to
    the input (no chained exception that a logger could print with its data).
    """
    fehler, text = _json_fehler(text)
    if fehler is not None:
        raise fehler
    if text.startswith("\ufeff"):
        text = text[1:]
    meldung = None
    try:
        if text.startswith("\ufeff"):  # json.loads refuses a second BOM with its own message
            return json.loads(text, object_pairs_hook=_paare, parse_constant=_keine_konstante)
        return _DECODER.decode(text)
    except json.JSONDecodeError as err:
        meldung = f"{_json_grund(err.msg)} (Zeile {err.lineno}, Spalte {err.colno})"
    except _KeineKonstante as err:
        meldung = f"{err.args[0]} ist in JSON nicht erlaubt"
    except RecursionError:
        meldung = "zu tief verschachtelt"
    except ValueError:  # e.g. an integer with more digits than Python converts
        meldung = "ein Wert ist nicht lesbar (etwa eine Zahl mit zu vielen Stellen)"
    raise UngueltigeEingabe(f"Kein gültiges JSON: {meldung}.")


def _json_fehler(text: str | bytes) -> tuple[UngueltigeEingabe | None, str]:
    """What is wrong with the text before parsing (too long, not UTF-8, empty), and the text."""
    if _utf8_laenge(text) > MAX_BYTES_JE_FALL:
        return (
            UngueltigeEingabe(
                f"Der Fall ist länger als {MAX_BYTES_JE_FALL:,} Bytes (UTF-8) und wird nicht "
                "gelesen.".replace(",", ".")
            ),
            "",
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            return (
                UngueltigeEingabe(f"Die Eingabe ist kein gültiges UTF-8 (Byte {err.start + 1})."),
                "",
            )
    if not text.lstrip("\ufeff").strip():
        return UngueltigeEingabe("Die Eingabe ist leer; erwartet wird ein JSON-Objekt."), text
    return None, text


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
    """A key as shown in messages: printable ASCII (escapes), at most 40 characters."""
    k = key if len(key) <= _MAX_SCHLUESSEL else key[:_MAX_SCHLUESSEL] + "…"
    return json.dumps(k, ensure_ascii=True)[1:-1]


def _pfad(basis: str, key: str | int) -> str:
    """Extend a JSON path; odd keys are written as `["…"]` with ASCII escapes."""
    if isinstance(key, int):
        return f"{basis}[{key}]"
    if not _einfach(key):
        return f'{basis}["{_schluessel(key)}"]'
    return f"{basis}.{key}" if basis else key


_EINFACH = re.compile(rf'[^.\[\]"\\ \ud800-\udfff]{{1,{_MAX_SCHLUESSEL}}}')
"""A key that can stand in a dotted path as it is: short, no path characters, no surrogates."""


def _einfach(key: str) -> bool:
    """A key that can stand in a dotted path as it is: short, printable, no path characters."""
    return _EINFACH.fullmatch(key) is not None and key.isprintable()


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


class _Fehlt:
    """Marks a value that could not be read (its fault is recorded)."""


_FEHLT: Final = _Fehlt()


class _Leser:
    """One pass over a case: places in document order and the faults found, each at its place."""

    def __init__(self) -> None:
        self.stelle = 0
        self.fehler: list[tuple[int, int, UngueltigeEingabe]] = []

    def naechste(self) -> int:
        self.stelle += 1
        return self.stelle

    def melde(self, stelle: int, pfad: str, meldung: str) -> None:
        self.fehler.append((stelle, len(self.fehler), UngueltigeEingabe(meldung, ort=pfad or None)))

    def melde_fehler(self, stelle: int, err: KooplanError) -> None:
        assert isinstance(err, UngueltigeEingabe)
        self.fehler.append((stelle, len(self.fehler), err))

    def erster(self) -> UngueltigeEingabe | None:
        return min(self.fehler, key=lambda f: (f[0], f[1]))[2] if self.fehler else None

    # -- values ------------------------------------------------------------------------------

    def wert(self, feld: Feld, wert: Any, pfad: str, name: str, stelle: int) -> Any:
        t = feld.typ
        fehler = _pruefe_wert(feld, wert, name)
        if fehler is not None:
            self.melde(stelle, pfad, fehler)
            return _FEHLT
        if t is Typ.DATUM:
            try:
                tag = dt.date.fromisoformat(wert)
            except ValueError:
                self.melde(stelle, pfad, f"'{name}' ist kein gültiger Kalendertag.")
                return _FEHLT
            if not FRUEHESTER_TAG <= tag <= SPAETESTER_TAG:
                self.melde(
                    stelle,
                    pfad,
                    f"'{name}' liegt außerhalb des zulässigen Zeitraums "
                    f"({FRUEHESTER_TAG:%d.%m.%Y} bis {SPAETESTER_TAG:%d.%m.%Y}).",
                )
                return _FEHLT
            return tag
        if t is Typ.TEXTLISTE:
            return tuple(wert)
        if t is Typ.ENUM:
            assert feld.enum_typ is not None
            return feld.enum_typ(wert)
        if t is Typ.PLAN:
            return self.objekt(wert, PLAN_FELDER, pfad, f"'{name}'", Kooperationsplan)
        if t is Typ.EIGENBEMUEHUNGEN:
            return self.objekt(wert, EIGENBEMUEHUNGEN_FELDER, pfad, f"'{name}'", Eigenbemuehungen)
        if t is Typ.EREIGNISSE:
            return self.ereignisse(wert, pfad)
        return wert

    def objekt(self, obj: Any, spec: Mapping[str, Feld], pfad: str, name: str, cls: Any) -> Any:
        """Read an object by `spec` and build `cls` from it (or return `_FEHLT`)."""
        felder, stellen, ende = self.felder(obj, spec, pfad, name)
        if felder is None:
            return _FEHLT
        return self.bauen(cls, felder, pfad, stellen, ende)

    def felder(
        self, obj: Any, spec: Mapping[str, Feld], pfad: str, name: str, art: str | None = None
    ) -> tuple[dict[str, Any] | None, dict[str, int], int]:
        """Read an object's keys in document order; `x_` keys are checked for duplicates only.

        Checks across fields (`QUERPRUEFUNGEN` of `art`) run on the
        fields that could be read, each fault at the place of the field it names. Returns the
        values read (`None` if any fault was found inside), the place of each key, and the place
        of the object's end (where a missing key is reported)."""
        vorher = len(self.fehler)
        if not isinstance(obj, dict):
            stelle = self.naechste()
            self.melde(stelle, pfad, f"{name} muss ein JSON-Objekt sein, nicht {_typname(obj)}.")
            return None, {}, stelle
        out: dict[str, Any] = {}
        stellen: dict[str, int] = {}
        for key, wert in _paare_von(obj):
            stelle = self.naechste()
            kpfad = _pfad(pfad, key)
            if key in stellen:
                self.melde(
                    stelle,
                    kpfad,
                    f"Der Schlüssel '{_schluessel(key)}' kommt im Objekt doppelt vor.",
                )
                continue
            stellen[key] = stelle
            if key.startswith("x_"):
                self.nur_doppelte(wert, kpfad)
                continue
            feld = spec.get(key)
            if feld is None:
                self.melde(stelle, kpfad, f"Unbekanntes Feld '{_schluessel(key)}'.")
                continue
            gelesen = self.wert(feld, wert, kpfad, key, stelle)
            if gelesen is not _FEHLT:
                out[key] = gelesen
        ende = self.naechste()
        for key, feld in spec.items():
            if feld.pflicht and key not in stellen:
                self.melde(ende, _pfad(pfad, key), f"Das Pflichtfeld '{key}' fehlt.")
        if art is not None and art in QUERPRUEFUNGEN:
            brauche, pruefe = QUERPRUEFUNGEN[art]
            if all(k in out or k not in stellen for k in brauche):
                err = pruefe(out)
                if err is not None:
                    name_ = (err.ort or "").split(".")[0]
                    self.melde_fehler(stellen.get(name_, ende), err.unter(pfad))
        if len(self.fehler) > vorher:
            return None, stellen, ende
        return out, stellen, ende

    def nur_doppelte(self, wert: Any, pfad: str) -> None:
        """The caller's own `x_` data: accepted as it is, but duplicate keys are refused and
        nesting is limited (`MAX_TIEFE`)."""
        stapel: list[tuple[Any, str, int]] = [(wert, pfad, 1)]
        while stapel:
            w, p, tiefe = stapel.pop()
            if tiefe > MAX_TIEFE and isinstance(w, (dict, list)):
                self.melde(
                    self.naechste(),
                    p,
                    f"Die Daten sind tiefer als {MAX_TIEFE} Ebenen verschachtelt.",
                )
                return
            if isinstance(w, dict):
                gesehen: set[str] = set()
                for key, kind in _paare_von(w):
                    stelle = self.naechste()
                    if key in gesehen:
                        self.melde(
                            stelle,
                            _pfad(p, key),
                            f"Der Schlüssel '{_schluessel(key)}' kommt im Objekt doppelt vor.",
                        )
                    gesehen.add(key)
                    stapel.append((kind, _pfad(p, key), tiefe + 1))
            elif isinstance(w, list):
                stapel.extend((kind, _pfad(p, i), tiefe + 1) for i, kind in enumerate(w))

    def bauen(
        self, cls: Any, felder: dict[str, Any], pfad: str, stellen: dict[str, int], ende: int
    ) -> Any:
        """Build a value object; its validator's fault goes to the place of the field it names."""
        try:
            return cls(**felder)
        except UngueltigeEingabe as err:
            name = (err.ort or "").split("[")[0].split(".")[0]
            self.melde_fehler(stellen.get(name, ende), err.unter(pfad))
            return _FEHLT

    # -- events ------------------------------------------------------------------------------

    def ereignisse(self, wert: Any, pfad: str) -> Any:
        if not isinstance(wert, list):
            self.melde(self.naechste(), pfad, "'ereignisse' muss eine Liste sein.")
            return _FEHLT
        if len(wert) > MAX_EREIGNISSE:
            self.melde(
                self.naechste(),
                pfad,
                f"Ein Fall darf höchstens {MAX_EREIGNISSE:,} Ereignisse haben.".replace(",", "."),
            )
            return _FEHLT
        vorher = len(self.fehler)
        roh: list[tuple[str | None, str | None, dt.date | None]] = []

        def roh_holen() -> list[tuple[str | None, str | None, dt.date | None]]:
            """What the `bezug` checks need of every event (read only when some event has one)."""
            if not roh:
                roh.extend(_roh(e) for e in wert)
            return roh

        out: list[Ereignis] = []
        ids: set[str] = set()
        for i, e in enumerate(wert):
            epfad = _pfad(pfad, i)
            gelesen = self.ereignis(e, epfad)
            if gelesen is None:
                continue
            ereignis, stellen = gelesen
            if ereignis.id is not None:
                if ereignis.id in ids:
                    self.melde(
                        stellen["id"],
                        _pfad(epfad, "id"),
                        f"Die id von Ereignis Nr. {i + 1} kommt im Fall schon vor; ids müssen "
                        "eindeutig sein.",
                    )
                ids.add(ereignis.id)
            self.bezuege(ereignis, i, epfad, stellen, roh_holen)
            out.append(ereignis)
        if len(self.fehler) > vorher:
            return _FEHLT
        return tuple(out)

    def ereignis(self, obj: Any, pfad: str) -> tuple[Ereignis, dict[str, int]] | None:
        art = obj.get("art") if isinstance(obj, dict) else None
        if isinstance(obj, dict) and not (isinstance(art, str) and art in ARTEN):
            self.ohne_art(obj, pfad)
            return None
        spec = _EREIGNIS_SPEC[art] if isinstance(art, str) else {}
        felder, stellen, ende = self.felder(
            obj, spec, pfad, "Ein Ereignis", art if isinstance(art, str) else None
        )
        if felder is None:
            return None
        del felder["art"]
        ereignis = self.bauen(ARTEN[str(art)], felder, pfad, stellen, ende)
        return None if ereignis is _FEHLT else (ereignis, stellen)

    def ohne_art(self, obj: Any, pfad: str) -> None:
        """An event whose `art` is missing or unknown: its other fields cannot be judged, but
        `am`, `id` and duplicate keys can."""
        basis = ereignis_felder("termin_wahrgenommen")
        gesehen: set[str] = set()
        for key, wert in _paare_von(obj):
            stelle = self.naechste()
            kpfad = _pfad(pfad, key)
            if key in gesehen:
                self.melde(
                    stelle,
                    kpfad,
                    f"Der Schlüssel '{_schluessel(key)}' kommt im Objekt doppelt vor.",
                )
                continue
            gesehen.add(key)
            if key == "art":
                self.melde(stelle, kpfad, "Unbekannte Ereignisart in 'art'.")
            elif key in ("am", "id"):
                self.wert(basis[key], wert, kpfad, key, stelle)
            elif key.startswith("x_"):
                self.nur_doppelte(wert, kpfad)
        ende = self.naechste()
        if "art" not in gesehen:
            self.melde(ende, _pfad(pfad, "art"), "Das Pflichtfeld 'art' fehlt.")

    def bezuege(
        self,
        e: Ereignis,
        i: int,
        pfad: str,
        stellen: dict[str, int],
        roh_holen: Callable[[], list[tuple[str | None, str | None, dt.date | None]]],
    ) -> None:
        """Fields naming another event by `id`: it must exist, be earlier in fold order (date
        order, same day: input order) and be of an art the field may name."""
        for (art, feld), erlaubt in BEZUEGE.items():
            ziel_id = getattr(e, feld, None) if e.art == art else None
            if ziel_id is None:
                continue
            stelle, fpfad = stellen[feld], _pfad(pfad, feld)
            roh = roh_holen()
            treffer = [j for j, (rid, _, _) in enumerate(roh) if rid == ziel_id and j != i]
            if not treffer:
                self.melde(
                    stelle,
                    fpfad,
                    f"'{feld}' von Ereignis Nr. {i + 1} nennt keine id eines Ereignisses dieses "
                    "Falls.",
                )
                continue
            j = treffer[0]
            _, ziel_art, ziel_am = roh[j]
            if ziel_am is not None and (ziel_am > e.am or (ziel_am == e.am and j > i)):
                self.melde(
                    stelle,
                    fpfad,
                    f"'{feld}' von Ereignis Nr. {i + 1} nennt ein Ereignis, das nicht vorher liegt.",
                )
            elif ziel_art is not None and ziel_art in ARTEN and ziel_art not in erlaubt:
                worte = " oder ".join(f"'{a}'" for a in erlaubt)
                self.melde(
                    stelle,
                    fpfad,
                    f"'{feld}' von Ereignis Nr. {i + 1} muss ein Ereignis der Art {worte} nennen, "
                    f"nicht '{ziel_art}'.",
                )


_EREIGNIS_SPEC: Final[Mapping[str, Mapping[str, Feld]]] = {
    art: {**ereignis_felder(art), "art": Feld(Typ.KONSTANTE, True, (art,))} for art in ARTEN
}
"""The fields of an event of each art, with `art` itself as a constant (built once)."""


def _paare_von(obj: dict[str, Any]) -> list[tuple[str, Any]]:
    paare = getattr(obj, "paare", None)
    return paare if paare is not None else list(obj.items())


def _roh(e: Any) -> tuple[str | None, str | None, dt.date | None]:
    """What the `bezug` checks need of an event, read leniently: (id, art, am)."""
    if not isinstance(e, dict):
        return None, None, None
    rid = e.get("id") if isinstance(e.get("id"), str) else None
    art = e.get("art") if isinstance(e.get("art"), str) else None
    am = e.get("am")
    tag = None
    if isinstance(am, str) and _DATUM.fullmatch(am):
        try:
            tag = dt.date.fromisoformat(am)
        except ValueError:
            tag = None
    return rid, art, tag


def _pruefe_wert(feld: Feld, wert: Any, name: str) -> str | None:
    """The fault of a single value by its field type, as a German sentence, or `None`."""
    t = feld.typ
    if t is Typ.DATUM:
        if not isinstance(wert, str) or not _DATUM.fullmatch(wert):
            return f"'{name}' muss ein Datum der Form JJJJ-MM-TT sein."
    elif t is Typ.BOOL:
        if not isinstance(wert, bool):
            return f"'{name}' muss true oder false sein, nicht {_typname(wert)}."
    elif t is Typ.INT:
        if isinstance(wert, bool) or not isinstance(wert, int):
            return f"'{name}' muss eine ganze Zahl sein, nicht {_typname(wert)}."
        if (feld.minimum is not None and wert < feld.minimum) or (
            feld.maximum is not None and wert > feld.maximum
        ):
            return f"'{name}' muss zwischen {feld.minimum} und {feld.maximum} liegen."
    elif t is Typ.TEXT:
        if not isinstance(wert, str):
            return f"'{name}' muss ein Text sein, nicht {_typname(wert)}."
        if not wert.strip():
            return f"'{name}' darf nicht leer sein."
    elif t is Typ.ID:
        if not isinstance(wert, str):
            return f"'{name}' muss ein Text sein, nicht {_typname(wert)}."
        if not 1 <= len(wert) <= 128 or not wert.isprintable():
            return f"'{name}' muss ein Text aus 1 bis 128 druckbaren Zeichen sein."
    elif t is Typ.TEXTLISTE:
        if not isinstance(wert, list):
            return f"'{name}' muss eine Liste von Texten sein."
        if any(not isinstance(eintrag, str) for eintrag in wert):
            return f"Jeder Eintrag in '{name}' muss ein Text sein."
        if any(not eintrag.strip() for eintrag in wert):
            return f"Jeder Eintrag in '{name}' muss ein nicht leerer Text sein."
        if feld.minimum is not None and len(wert) < feld.minimum:
            return f"'{name}' muss mindestens {feld.minimum} Eintrag haben."
    elif t is Typ.ENUM:
        if not isinstance(wert, str) or wert not in feld.werte:
            erlaubt = ", ".join(f"'{w}'" for w in feld.werte)
            return f"'{name}' muss einer dieser Werte sein: {erlaubt}."
    elif t is Typ.KONSTANTE:
        if not isinstance(wert, str) or wert not in feld.werte:
            return f"'{name}' muss \"{feld.werte[0]}\" sein."
    elif t is Typ.FALL_ID:
        if not isinstance(wert, str) or not _FALL_ID.fullmatch(wert):
            return "'fall' muss 1 bis 64 Zeichen aus Buchstaben, Ziffern, '-', '_' und '.' haben."
    elif t is Typ.LAND and (not isinstance(wert, str) or wert not in LAENDER):
        return f"'{name}' muss ein Land als ISO 3166-2 sein (z. B. \"DE-BE\")."
    return None


# -- the fast reader -------------------------------------------------------------------------------


class _Zurueck(Exception):
    """The fast reader met a fault or a rare shape: the exact reader judges the case."""


_Lies = Callable[[Any], Any]


class _Form:
    """How the fast reader reads one kind of object: a reader per key, the required keys."""

    __slots__ = ("leser", "pflicht")

    def __init__(self, spec: Mapping[str, Feld]) -> None:
        self.leser: dict[str, _Lies] = {k: _leser_fuer(f) for k, f in spec.items()}
        self.pflicht = frozenset(k for k, f in spec.items() if f.pflicht)


def _schnell_objekt(obj: Any, form: _Form) -> dict[str, Any]:
    """An object's values by `form`, without the bookkeeping of places and paths.

    Only a plain `dict` is read: the JSON parser gives an object with a duplicate key as an
    `_Objekt`, and that case goes to the exact reader."""
    if type(obj) is not dict:
        raise _Zurueck
    leser = form.leser
    out: dict[str, Any] = {}
    for key, wert in obj.items():
        lies = leser.get(key)
        if lies is None:
            raise _Zurueck  # an unknown key, or the caller's own x_ data
        out[key] = lies(wert)
    if not form.pflicht <= out.keys():
        raise _Zurueck
    return out


def _leser_fuer(feld: Feld) -> _Lies:
    """The fast reader of one field: the converted value, or `_Zurueck`.

    Each accepts a subset of what `_pruefe_wert` and `_Leser.wert` accept (exact
    types, no subclasses) and converts it the same way."""
    t = feld.typ
    if t is Typ.DATUM:
        return _lies_datum
    if t is Typ.BOOL:
        return _lies_bool
    if t is Typ.INT:
        lo = feld.minimum if feld.minimum is not None else -(2**63)
        hi = feld.maximum if feld.maximum is not None else 2**63

        def lies_int(w: Any) -> Any:
            if type(w) is int and lo <= w <= hi:
                return w
            raise _Zurueck

        return lies_int
    if t is Typ.TEXT:
        return _lies_text
    if t is Typ.ID:
        return _lies_id
    if t is Typ.TEXTLISTE:
        mindestens = feld.minimum or 0

        def lies_liste(w: Any) -> Any:
            if (
                type(w) is list
                and len(w) >= mindestens
                and all(type(x) is str and x.strip() for x in w)
            ):
                return tuple(w)
            raise _Zurueck

        return lies_liste
    if t in (Typ.ENUM, Typ.KONSTANTE, Typ.LAND):
        if t is Typ.ENUM:
            assert feld.enum_typ is not None
            werte: dict[str, Any] = {w: feld.enum_typ(w) for w in feld.werte}
        else:
            werte = {w: w for w in (feld.werte if t is Typ.KONSTANTE else LAENDER)}

        def lies_wert(w: Any) -> Any:
            if type(w) is str:
                gelesen = werte.get(w)
                if gelesen is not None:
                    return gelesen
            raise _Zurueck

        return lies_wert
    if t is Typ.FALL_ID:
        return _lies_fall_id
    if t is Typ.PLAN:
        return lambda w: Kooperationsplan(**_schnell_objekt(w, _PLAN_FORM))
    if t is Typ.EIGENBEMUEHUNGEN:
        return lambda w: Eigenbemuehungen(**_schnell_objekt(w, _EIGENBEMUEHUNGEN_FORM))
    assert t is Typ.EREIGNISSE
    return _lies_ereignisse


_TAGE: dict[str, dt.date] = {}
"""Days read before, by their text: a case load names the same few thousand days again and again.
Only valid days are kept, so it holds at most the 73,000 days from 1900 to 2099."""
anmelden(_TAGE.clear)


def _lies_datum(w: Any) -> Any:
    if type(w) is str:
        tag = _TAGE.get(w)
        if tag is not None:
            return tag
        if _DATUM.fullmatch(w):
            try:
                tag = dt.date.fromisoformat(w)
            except ValueError:
                raise _Zurueck from None
            if FRUEHESTER_TAG <= tag <= SPAETESTER_TAG:
                _TAGE[w] = tag
                return tag
    raise _Zurueck


def _lies_bool(w: Any) -> Any:
    if w is True or w is False:
        return w
    raise _Zurueck


def _lies_text(w: Any) -> Any:
    if type(w) is str and w.strip():
        return w
    raise _Zurueck


def _lies_id(w: Any) -> Any:
    if type(w) is str and 1 <= len(w) <= 128 and w.isprintable():
        return w
    raise _Zurueck


def _lies_fall_id(w: Any) -> Any:
    if type(w) is str and _FALL_ID.fullmatch(w):
        return w
    raise _Zurueck


def _lies_ereignisse(w: Any) -> Any:
    if type(w) is not list or len(w) > MAX_EREIGNISSE:
        raise _Zurueck
    return tuple([_schnell_ereignis(e) for e in w])


def _schnell_ereignis(obj: Any) -> Ereignis:
    if type(obj) is not dict:
        raise _Zurueck
    art = obj.get("art")
    if type(art) is not str:
        raise _Zurueck
    form = _EREIGNIS_FORM.get(art)
    if form is None:
        raise _Zurueck
    # as _schnell_objekt, without reading "art" again (its form has no reader for it)
    leser = form.leser
    felder: dict[str, Any] = {}
    for key, wert in obj.items():
        if key == "art":
            continue
        lies = leser.get(key)
        if lies is None:
            raise _Zurueck  # a key this art does not have, or the caller's own x_ data
        felder[key] = lies(wert)
    if not form.pflicht <= felder.keys():
        raise _Zurueck
    # the checks across fields (QUERPRUEFUNGEN) run in the event's constructor
    ereignis: Ereignis = ARTEN[art](**felder)
    return ereignis


_PLAN_FORM: Final = _Form(PLAN_FELDER)
_EIGENBEMUEHUNGEN_FORM: Final = _Form(EIGENBEMUEHUNGEN_FELDER)
_EREIGNIS_FORM: Final = {
    art: _Form({k: f for k, f in spec.items() if k != "art"})
    for art, spec in _EREIGNIS_SPEC.items()
}
"""The event forms without "art" (the fast reader looks the form up by it)."""
_FALL_FORM: Final = _Form(FALL_FELDER)


def _schnell(obj: Any) -> Fall:
    """Read a case in one pass without places and paths; any fault (or a rare shape: `x_`
    keys, duplicate keys, subclasses of `dict` or `str`) raises `_Zurueck`, and the
    exact reader reads the case again to report its first fault with its path. The fast reader
    accepts a subset of what the exact reader accepts (its field readers are stricter than
    `_pruefe_wert`) and builds with the same cross-field checks and constructors; property
    tests hold it to the exact reader (it never accepts what the exact one refuses, and builds
    the same case)."""
    return _fall_bauen(_schnell_objekt(obj, _FALL_FORM))


def _fall_bauen(felder: Mapping[str, Any]) -> Fall:
    """The case from its read top-level fields (both readers)."""
    return Fall(
        felder["fall"],
        felder["ereignisse"],
        geburtsdatum=felder.get("geburtsdatum"),
        regelbedarfsstufe=felder.get("regelbedarfsstufe"),
        land=felder.get("land"),
        bewilligungszeitraum_ende=felder.get("bewilligungszeitraum_ende"),
        bekanntgabe=felder.get("bekanntgabe"),
    )


def fall_aus_objekt(obj: Any) -> Fall:
    """Build a `Fall` from a parsed JSON value, checking the whole contract.

    Errors name the case when its `fall` is valid (else `fall` is `None`).
    """
    try:
        return _schnell(obj)
    except (_Zurueck, KooplanError):
        pass
    return _genau(obj)


def _genau(obj: Any) -> Fall:
    """The exact reader: every key and element at its place, the first fault in document order."""
    fall_id = _fall_id(obj)
    leser = _Leser()
    felder, _, _ = leser.felder(obj, FALL_FELDER, "", "Der Fall")
    erster = leser.erster()
    if erster is not None:
        raise erster.mit_fall(fall_id)
    assert felder is not None
    try:
        return _fall_bauen(felder)
    except KooplanError as err:  # pragma: no cover - the loader checks all the Fall checks
        raise err.mit_fall(fall_id) from None


def _fall_id(obj: Any) -> str | None:
    """The case id, if the top level has exactly one valid `fall`."""
    if not isinstance(obj, dict):
        return None
    werte = [w for k, w in _paare_von(obj) if k == "fall"]
    if len(werte) == 1 and isinstance(werte[0], str) and _FALL_ID.fullmatch(werte[0]):
        return werte[0]
    return None


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
    """Read every case of a `json` (one case) or `jsonl` (one case per line) input.

    Yields `(zeile, fall_or_error)`: `zeile` is the 1-based line for JSON Lines, `None` for
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
