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
import threading
import tomllib
from collections.abc import Callable, Iterator, Mapping
from typing import IO, Any, Final, TypeVar

import attrs

from kooplan.recht.policy import Policy
from kooplan.vertrag.anfrage import Anfrage
from kooplan.vertrag.felder import (
    ANFRAGE_FELDER,
    EIGENBEMUEHUNGEN_FELDER,
    FALL_FELDER,
    PLAN_FELDER,
    Feld,
    Typ,
    ereignis_felder,
)
from kooplan.werte.ereignisse import ARTEN, QUERPRUEFUNGEN, Ereignis
from kooplan.werte.fall import BEZUEGE, LAENDER, Fall
from kooplan.werte.fehler import KooplanError, UngueltigeEingabe
from kooplan.werte.plan import Eigenbemuehungen, Kooperationsplan
from kooplan.werte.pruefen import FRUEHESTER_TAG, FRUEHESTES_GEBURTSDATUM, SPAETESTER_TAG
from kooplan.werte.zwischenspeicher import anmelden

__all__ = [
    "MAX_BYTES_JE_FALL",
    "MAX_BYTES_JE_POLICY",
    "MAX_EREIGNISSE",
    "MAX_JSON_TIEFE",
    "MAX_TIEFE",
    "Lesefehler",
    "anfrage_aus_json",
    "anfrage_aus_objekt",
    "faelle_lesen",
    "fall_aus_json",
    "fall_aus_objekt",
    "json_lesen",
    "policy_lesen",
    "zeilen_begrenzt",
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
#: JSON nested deeper than this is refused before it is parsed (a valid case nests at most 5
#: levels, plus `MAX_TIEFE` levels of ``x_`` data).
MAX_JSON_TIEFE: Final = 64


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


JSON_HAKEN: Final[Mapping[str, Any]] = {
    "object_pairs_hook": _paare,
    "parse_constant": _keine_konstante,
}
"""The hooks the loader reads JSON with (`json.loads(text, **JSON_HAKEN)`): an object with a
duplicate key keeps all its pairs, `NaN` and `Infinity` are refused. Not in `__all__`: named for
the test that holds `json_lesen` to `json.loads` with these hooks."""
_DECODER: Final = json.JSONDecoder(**JSON_HAKEN)
"""One decoder for every case (`json.loads` with a hook builds a new one per call)."""


def _utf8_laenge(text: str | bytes, grenze: int = MAX_BYTES_JE_FALL) -> int:
    if isinstance(text, bytes):
        return len(text)
    if len(text) * 4 <= grenze:  # cannot be over the limit: skip the encoding
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def json_lesen(text: str | bytes) -> Any:
    """Parse one JSON text strictly (duplicate keys are kept for the loader to report).

    Raises `UngueltigeEingabe` for text that is not JSON, is longer than
    `MAX_BYTES_JE_FALL` or nested deeper than `MAX_JSON_TIEFE`. The error keeps no
    reference to the input (no chained exception that a logger could print with its data).
    """
    return _json_lesen(text, "Der Fall")


def _json_lesen(text: str | bytes, was: str, grenze: int = MAX_BYTES_JE_FALL) -> Any:
    fehler, text = _json_fehler(text, was, grenze)
    if fehler is not None:
        raise fehler
    if text.startswith("\ufeff"):
        text = text[1:]
    meldung = None
    try:
        if _zu_tief(text):
            meldung = f"tiefer als {MAX_JSON_TIEFE} Ebenen verschachtelt"
        else:
            return _parsen(text)
    except json.JSONDecodeError as err:
        meldung = f"{_json_grund(err.msg)} (Zeile {err.lineno}, Spalte {err.colno})"
    except _KeineKonstante as err:
        meldung = f"{err.args[0]} ist in JSON nicht erlaubt"
    except ValueError:  # e.g. an integer with more digits than Python converts
        meldung = "ein Wert ist nicht lesbar (etwa eine Zahl mit zu vielen Stellen)"
    raise UngueltigeEingabe(f"Kein gültiges JSON: {meldung}.")


def _parsen(text: str) -> Any:
    """The JSON value of ``text`` (nested at most `MAX_JSON_TIEFE` levels)."""
    return _mit_leerem_stapel(_parsen_hier, text)


_T = TypeVar("_T")


def _mit_leerem_stapel(fn: Callable[[str], _T], text: str) -> _T:
    """``fn(text)`` for a parser that recurses once per level of nesting.

    Should the caller's own stack leave too little room for that, ``fn`` runs again in a fresh
    thread, whose stack starts empty: with the nesting limited before, the result never depends
    on how deep the caller is."""
    try:
        return fn(text)
    except RecursionError:
        pass
    ergebnis: list[tuple[bool, Any]] = []

    def lauf() -> None:
        try:
            ergebnis.append((True, fn(text)))
        except Exception as err:  # handed to the calling thread as it is
            ergebnis.append((False, err))

    faden = threading.Thread(target=lauf, name="kooplan-lesen")
    faden.start()
    faden.join()
    ok, wert = ergebnis[0]
    if not ok:
        raise wert
    return wert  # type: ignore[no-any-return]


def _parsen_hier(text: str) -> Any:
    if text.startswith("\ufeff"):  # json.loads refuses a second BOM with its own message
        return json.loads(text, **JSON_HAKEN)
    return _DECODER.decode(text)


#: A JSON string (possessive: linear time); the brackets inside strings do not nest.
_ZEICHENKETTE: Final = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_KEINE_KLAMMER: Final = re.compile(r"[^\[\]{}]++")


def _zu_tief(text: str) -> bool:
    """Whether ``text`` nests arrays and objects deeper than `MAX_JSON_TIEFE` levels.

    Checked on the text before it is parsed, by counting (never by the parser's recursion), so
    the answer is the same on any stack, in any process. A text with no more brackets than the
    limit cannot be deeper and is not scanned."""
    if text.count("[") + text.count("{") <= MAX_JSON_TIEFE:
        return False
    klammern = _KEINE_KLAMMER.sub("", _ZEICHENKETTE.sub("", text))
    tiefe = 0
    for c in klammern:
        if c in "[{":
            tiefe += 1
            if tiefe > MAX_JSON_TIEFE:
                return True
        else:
            tiefe -= 1
    return False


def _json_fehler(
    text: str | bytes, was: str = "Der Fall", grenze: int = MAX_BYTES_JE_FALL
) -> tuple[UngueltigeEingabe | None, str]:
    """What is wrong with the text before parsing (too long, not UTF-8, empty), and the text."""
    if _utf8_laenge(text, grenze) > grenze:
        zahl = f"{grenze:,}".replace(",", ".")
        return (
            UngueltigeEingabe(f"{was} ist länger als {zahl} Bytes (UTF-8) und wird nicht gelesen."),
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


def _x_fehlerfrei(wert: Any) -> bool:
    """Whether ``x_`` data holds no duplicate key and no container deeper than
    `MAX_TIEFE` levels, checked level by level (the lists of a level are joined by
    ``list.extend``, so a megabyte of data costs milliseconds)."""
    ebene = [wert] if isinstance(wert, (dict, list)) else []
    tiefe = 1
    while ebene:
        if tiefe > MAX_TIEFE:
            return False
        naechste: list[Any] = []
        for w in ebene:
            if type(w) is list:
                naechste.extend(w)
            elif type(w) is dict:
                naechste.extend(w.values())
            else:  # an object with a duplicate key (the parser's _Objekt), or not JSON's
                return False
        ebene = [w for w in naechste if isinstance(w, (dict, list))]
        tiefe += 1
    return True


#: A duplicate ``x_`` key, reported at its object without naming it.
_X_DOPPELT: Final = "Ein eigenes Feld (x_…) kommt in diesem Objekt doppelt vor."


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
        if t is Typ.FALL:
            return self.fall(wert, pfad, stelle)
        return wert

    def fall(self, obj: Any, pfad: str, stelle: int) -> Any:
        """A whole case as the value of a field (the request's ``fall``)."""
        felder, _, _ = self.felder(obj, FALL_FELDER, pfad, "'fall'")
        if felder is None:
            return _FEHLT
        try:
            return _fall_bauen(felder)
        except UngueltigeEingabe as err:  # pragma: no cover - the loader checks all the Fall checks
            self.melde_fehler(stelle, err.unter(pfad))
            return _FEHLT

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
        eigene = 0
        for key, wert in _paare_von(obj):
            stelle = self.naechste()
            if key.startswith("x_"):
                # the caller's own data: neither its keys nor its values leave the loader
                if key in stellen:
                    self.melde(stelle, pfad, _X_DOPPELT)
                    continue
                stellen[key] = stelle
                eigene += 1
                self.nur_doppelte(wert, pfad, eigene)
                continue
            kpfad = _pfad(pfad, key)
            if key in stellen:
                self.melde(
                    stelle,
                    kpfad,
                    f"Der Schlüssel '{_schluessel(key)}' kommt im Objekt doppelt vor.",
                )
                continue
            stellen[key] = stelle
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

    def nur_doppelte(self, wert: Any, pfad: str, nr: int) -> None:
        """The caller's own ``x_`` data, the ``nr``-th ``x_`` field of the object at ``pfad``:
        accepted as it is, but duplicate keys are refused and nesting is limited
        (`MAX_TIEFE`). A fault is reported at the object that holds the ``x_`` field, and
        the message counts the field instead of naming it: ``x_`` keys may hold personal data."""
        if _x_fehlerfrei(wert):
            return
        # a fault inside: walk the data in document order to report the first one
        stapel: list[tuple[Any, int]] = [(wert, 1)]
        while stapel:
            w, tiefe = stapel.pop()
            if tiefe > MAX_TIEFE and isinstance(w, (dict, list)):
                self.melde(
                    self.naechste(),
                    pfad,
                    f"Die Daten des {nr}. eigenen Feldes (x_…) sind tiefer als {MAX_TIEFE} "
                    "Ebenen verschachtelt.",
                )
                return
            if isinstance(w, dict):
                gesehen: set[str] = set()
                for key, kind in _paare_von(w):
                    stelle = self.naechste()
                    if key in gesehen:
                        self.melde(
                            stelle,
                            pfad,
                            f"In den Daten des {nr}. eigenen Feldes (x_…) kommt ein Schlüssel "
                            "doppelt vor.",
                        )
                    gesehen.add(key)
                    stapel.append((kind, tiefe + 1))
            elif isinstance(w, list):
                stapel.extend((kind, tiefe + 1) for kind in w)

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
        je_id: dict[str, list[int]] = {}

        def roh_holen() -> tuple[
            list[tuple[str | None, str | None, dt.date | None]], dict[str, list[int]]
        ]:
            """What the ``bezug`` checks need of every event, and the first two positions of
            each id (read once, and only when some event names another)."""
            if not roh:
                roh.extend(_roh(e) for e in wert)
                for j, (rid, _, _) in enumerate(roh):
                    if rid is not None:
                        stellen = je_id.setdefault(rid, [])
                        if len(stellen) < 2:
                            stellen.append(j)
            return roh, je_id

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
        spec = EREIGNIS_SPEC[art] if isinstance(art, str) else {}
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
        eigene = 0
        for key, wert in _paare_von(obj):
            stelle = self.naechste()
            eigen = key.startswith("x_")
            kpfad = pfad if eigen else _pfad(pfad, key)
            if key in gesehen:
                self.melde(
                    stelle,
                    kpfad,
                    _X_DOPPELT
                    if eigen
                    else f"Der Schlüssel '{_schluessel(key)}' kommt im Objekt doppelt vor.",
                )
                continue
            gesehen.add(key)
            if key == "art":
                self.melde(stelle, kpfad, "Unbekannte Ereignisart in 'art'.")
            elif key in ("am", "id"):
                self.wert(basis[key], wert, kpfad, key, stelle)
            elif eigen:
                eigene += 1
                self.nur_doppelte(wert, pfad, eigene)
        ende = self.naechste()
        if "art" not in gesehen:
            self.melde(ende, _pfad(pfad, "art"), "Das Pflichtfeld 'art' fehlt.")

    def bezuege(
        self,
        e: Ereignis,
        i: int,
        pfad: str,
        stellen: dict[str, int],
        roh_holen: Callable[
            [],
            tuple[list[tuple[str | None, str | None, dt.date | None]], dict[str, list[int]]],
        ],
    ) -> None:
        """Fields naming another event by `id`: it must exist, be earlier in fold order (date
        order, same day: input order) and be of an art the field may name."""
        for (art, feld), erlaubt in BEZUEGE.items():
            ziel_id = getattr(e, feld, None) if e.art == art else None
            if ziel_id is None:
                continue
            stelle, fpfad = stellen[feld], _pfad(pfad, feld)
            roh, je_id = roh_holen()
            treffer = [j for j in je_id.get(ziel_id, ()) if j != i]
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


EREIGNIS_SPEC: Final[Mapping[str, Mapping[str, Feld]]] = {
    art: {**ereignis_felder(art), "art": Feld(Typ.KONSTANTE, True, (art,))} for art in ARTEN
}
"""The fields of an event of each art, with `art` itself as a constant (built once). Not in
`__all__`: the tests take the fields every field reader is held to from it."""


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


class Zurueck(Exception):
    """The fast reader met a fault or a rare shape: the exact reader judges the case
    (`fall_aus_objekt` and `anfrage_aus_objekt` catch it). Not in `__all__`: public because
    `fall_schnell` and `feld_schnell` raise it to the tests that call them."""


_Lies = Callable[[Any], Any]


class _Form:
    """How the fast reader reads one kind of object: a reader per key, the required keys, and
    (for an event) how it is built from the values read."""

    __slots__ = ("bau", "leser", "pflicht")

    def __init__(self, spec: Mapping[str, Feld], bau: _Bau | None = None) -> None:
        self.leser: dict[str, _Lies] = {k: _leser_fuer(f) for k, f in spec.items()}
        self.pflicht = frozenset(k for k, f in spec.items() if f.pflicht)
        self.bau = bau


_KONVERTER: Final[type] = getattr(attrs, "Converter", type(None))
"""attrs' converter class that may take the instance; with attrs before 24.1 there is none, and
no converter is an instance of ``NoneType``."""
_NEU: Final = object.__new__
_SETZEN: Final = object.__setattr__


class _Bau:
    """Builds a value object of a frozen attrs class from values the fast reader has checked,
    without running the class's validators a second time (the technique of
    ``_entscheidung_aus_geprueftem`` in `kooplan.motor.entscheidung`: ``object.__new__`` and
    ``object.__setattr__`` on the frozen class).

    ``bauen(werte)`` sets every attrs field of the class: the value read (``werte[name]``; for a
    field with a default ``werte.get(name, default)``), each through the field's converter where
    it has one, as the constructor does. ``quer`` is the check the class runs in its
    ``__attrs_post_init__`` (its `QUERPRUEFUNGEN` entry): it runs on all the field values, as
    the constructor's ``_quer`` does, and a fault raises `Zurueck`. Like attrs' own
    ``__init__``, ``bauen`` is generated from the fields (straight-line code, no loop over the
    fields: a third faster per object than a loop), so no field can be left out.

    Checked when the module is imported, so that a new field or a new check of a class cannot be
    left out silently: the spec's keys are exactly the class's fields, a field without a default
    is required by the spec, no default is a factory, no converter takes the instance, and a
    class has an ``__attrs_post_init__`` exactly when ``quer`` is given. Where each check of the
    validators is now made is written down below the builders."""

    __slots__ = ("bauen", "cls", "namen")

    def __init__(
        self,
        cls: type[Any],
        spec: Mapping[str, Feld],
        quer: Callable[[Mapping[str, Any]], UngueltigeEingabe | None] | None = None,
    ) -> None:
        felder = attrs.fields(cls)
        name = cls.__name__
        assert set(spec) == {a.name for a in felder}, f"{name}: the spec's keys are its fields"
        assert (quer is not None) == hasattr(cls, "__attrs_post_init__"), f"{name}: post-init"
        ns: dict[str, Any] = {"_neu": _NEU, "_setzen": _SETZEN, "_cls": cls, "_quer": quer}
        ns["_Zurueck"] = Zurueck
        zeilen = ["def bauen(werte):"]
        for i, a in enumerate(felder):
            assert a.name.isidentifier(), name
            assert not isinstance(a.default, attrs.Factory), f"{name}.{a.name}: a factory"  # type: ignore[arg-type]
            # a converter that takes the instance (attrs.Converter, attrs >= 24.1) would need it
            assert a.converter is None or not isinstance(a.converter, _KONVERTER), name
            if a.default is attrs.NOTHING:
                assert spec[a.name].pflicht, f"{name}.{a.name}: required by the class"
                wert = f"werte[{a.name!r}]"
            else:
                ns[f"_d{i}"] = a.default
                wert = f"werte.get({a.name!r}, _d{i})"
            if a.converter is not None:
                ns[f"_c{i}"] = a.converter
                wert = f"_c{i}({wert})"
            zeilen.append(f"    w{i} = {wert}")
        zeilen.append("    inst = _neu(_cls)")
        zeilen += [f"    _setzen(inst, {a.name!r}, w{i})" for i, a in enumerate(felder)]
        if quer is not None:
            alle = ", ".join(f"{a.name!r}: w{i}" for i, a in enumerate(felder))
            zeilen.append(f"    if _quer({{{alle}}}) is not None:")
            zeilen.append("        raise _Zurueck  # the exact reader reports it at its field")
        zeilen.append("    return inst")
        exec("\n".join(zeilen), ns)  # the code of the fields' names only, as attrs' __init__
        self.bauen: Callable[[Mapping[str, Any]], Any] = ns["bauen"]
        self.cls = cls
        self.namen: tuple[str, ...] = tuple(a.name for a in felder)
        """The fields `bauen` sets, in order (for the test that it sets every field)."""


def _schnell_objekt(obj: Any, form: _Form) -> dict[str, Any]:
    """An object's values by `form`, without the bookkeeping of places and paths.

    Only a plain `dict` is read: the JSON parser gives an object with a duplicate key as an
    `_Objekt`, and that case goes to the exact reader."""
    if type(obj) is not dict:
        raise Zurueck
    leser = form.leser
    out: dict[str, Any] = {}
    for key, wert in obj.items():
        lies = leser.get(key)
        if lies is None:
            if _eigen_und_fehlerfrei(key, wert):
                continue
            raise Zurueck  # an unknown key, or x_ data with a fault inside
        out[key] = lies(wert)
    if not form.pflicht <= out.keys():
        raise Zurueck
    return out


def _eigen_und_fehlerfrei(key: Any, wert: Any) -> bool:
    """The caller's own ``x_`` field, without a fault inside (the fast reader skips it as the
    exact reader does; any fault is left to the exact reader to report)."""
    return type(key) is str and key.startswith("x_") and _x_fehlerfrei(wert)


def _leser_fuer(feld: Feld) -> _Lies:
    """The fast reader of one field: the converted value, or `Zurueck`.

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
            raise Zurueck

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
            raise Zurueck

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
            raise Zurueck

        return lies_wert
    if t is Typ.FALL_ID:
        return _lies_fall_id
    if t is Typ.PLAN:
        return lambda w: _PLAN_BAU.bauen(_schnell_objekt(w, _PLAN_FORM))
    if t is Typ.EIGENBEMUEHUNGEN:
        return lambda w: _EIGENBEMUEHUNGEN_BAU.bauen(_schnell_objekt(w, _EIGENBEMUEHUNGEN_FORM))
    if t is Typ.FALL:
        return fall_schnell
    assert t is Typ.EREIGNISSE
    return _lies_ereignisse


_TAGE: dict[str, dt.date] = {}
"""Days read before, by their text: a case load names the same few thousand days again and again.
Only valid days are kept, so it holds at most the 73,000 days from 1900 to 2099."""
# Saves 8.1 µs per case (5.1 %) on the standard corpus, benchmarks/caches.py (11 days read per
# case, 90 % found here).
anmelden("vertrag.laden.tage", _TAGE)


def _lies_datum(w: Any) -> Any:
    if type(w) is str:
        tag = _TAGE.get(w)
        if tag is not None:
            return tag
        if _DATUM.fullmatch(w):
            try:
                tag = dt.date.fromisoformat(w)
            except ValueError:
                raise Zurueck from None
            if FRUEHESTER_TAG <= tag <= SPAETESTER_TAG:
                _TAGE[w] = tag
                return tag
    raise Zurueck


def _lies_bool(w: Any) -> Any:
    if w is True or w is False:
        return w
    raise Zurueck


def _lies_text(w: Any) -> Any:
    if type(w) is str and w.strip():
        return w
    raise Zurueck


def _lies_id(w: Any) -> Any:
    if type(w) is str and 1 <= len(w) <= 128 and w.isprintable():
        return w
    raise Zurueck


def _lies_fall_id(w: Any) -> Any:
    if type(w) is str and _FALL_ID.fullmatch(w):
        return w
    raise Zurueck


def _lies_ereignisse(w: Any) -> Any:
    if type(w) is not list or len(w) > MAX_EREIGNISSE:
        raise Zurueck
    return tuple([_schnell_ereignis(e) for e in w])


def _schnell_ereignis(obj: Any) -> Ereignis:
    if type(obj) is not dict:
        raise Zurueck
    art = obj.get("art")
    if type(art) is not str:
        raise Zurueck
    form = _EREIGNIS_FORM.get(art)
    if form is None:
        raise Zurueck
    # as _schnell_objekt, without reading "art" again (its form has no reader for it)
    leser = form.leser
    felder: dict[str, Any] = {}
    for key, wert in obj.items():
        if key == "art":
            continue
        lies = leser.get(key)
        if lies is None:
            if _eigen_und_fehlerfrei(key, wert):
                continue
            raise Zurueck  # a key this art does not have, or x_ data with a fault inside
        felder[key] = lies(wert)
    if not form.pflicht <= felder.keys():
        raise Zurueck
    # built without the validators, its check across fields (QUERPRUEFUNGEN) run by the builder
    assert form.bau is not None
    ereignis: Ereignis = form.bau.bauen(felder)
    return ereignis


def _ereignis_form(art: str) -> _Form:
    spec = {k: f for k, f in EREIGNIS_SPEC[art].items() if k != "art"}
    quer = QUERPRUEFUNGEN.get(art)
    return _Form(spec, _Bau(ARTEN[art], spec, quer[1] if quer is not None else None))


_PLAN_FORM: Final = _Form(PLAN_FELDER)
_PLAN_BAU: Final = _Bau(Kooperationsplan, PLAN_FELDER)
_EIGENBEMUEHUNGEN_FORM: Final = _Form(EIGENBEMUEHUNGEN_FELDER)
_EIGENBEMUEHUNGEN_BAU: Final = _Bau(Eigenbemuehungen, EIGENBEMUEHUNGEN_FELDER)
_EREIGNIS_FORM: Final = {art: _ereignis_form(art) for art in EREIGNIS_SPEC}
"""The event forms without "art" (the fast reader looks the form up by it), with their builders."""
_FALL_FORM: Final = _Form(FALL_FELDER)
_FALL_BAU: Final = _Bau(Fall, {k: f for k, f in FALL_FELDER.items() if k != "schema"})

BAUPLAENE: Final[Mapping[type[Any], _Bau]] = {
    Fall: _FALL_BAU,
    Kooperationsplan: _PLAN_BAU,
    Eigenbemuehungen: _EIGENBEMUEHUNGEN_BAU,
    **{ARTEN[art]: form.bau for art, form in _EREIGNIS_FORM.items() if form.bau is not None},
}
"""Every builder of the fast reader by its class. Not in `__all__`: named for the test that
each sets every attrs field of its class."""

_NENNT: Final[Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]] = {
    art: tuple((feld, erlaubt) for (a, feld), erlaubt in BEZUEGE.items() if a == art)
    for art, _ in BEZUEGE
}
"""`BEZUEGE` by art: the fields of an event of that art that name another event, and the arts
they may name."""

# -- where the checks of the validators are made on the fast path ---------------------------------
# Where the fast reader makes each check of the value objects' validators, now that it builds
# them without running those (each is the same as the validator's or stricter; a fault raises
# `Zurueck`, and the exact reader reports it):
#
# * every date (``ist_tag``: a ``date``, not a ``datetime``, from 1.1.1900 to 31.12.2099):
#   `_lies_datum` (``date.fromisoformat`` of ``JJJJ-MM-TT`` gives a ``date``; the same range);
#   ``Fall.geburtsdatum``'s own range (from `FRUEHESTES_GEBURTSDATUM`): `_fall_schnell_bauen`;
# * ``ist_bool``: `_lies_bool` (only ``True`` and ``False``);
# * ``ist_int`` with its range (``regelbedarfsstufe`` 1–4, ``anzahl`` 1–1000, ``prozent`` 1–100,
#   ``stufe`` 1–3, ``monate`` 1–12): ``lies_int`` of `_leser_fuer` with the range of the
#   field's `Feld` (an ``int``, never a ``bool``);
# * ``ist_text``: `_lies_text`; ``ist_textliste`` with its least length (``schritte``: 1):
#   ``lies_liste`` (a list of non-empty texts, made a tuple, as the converter does);
# * ``ist_enum`` and ``_ist_land``: ``lies_wert`` (only the enum's values, as members; only
#   `LAENDER`);
# * ``ist_fall_id``: `_lies_fall_id`; ``ist_ereignis_id`` (``id``, ``bezug``, ``einladung``):
#   `_lies_id`;
# * ``ist_instanz`` (``plan``, ``eigenbemuehungen``): the builders `_PLAN_BAU` and
#   `_EIGENBEMUEHUNGEN_BAU` make exactly those classes;
# * the checks across fields of an event (``__attrs_post_init__``: ``termin`` not before ``am``,
#   ``bis`` not before ``am``, the Eingliederungsvereinbarung before 1.7.2023, the fields of a
#   Minderung): `QUERPRUEFUNGEN`, run by `_Bau` on the built event;
# * ``Fall.ereignisse`` (``_pruefe_ereignisse``: a tuple of events, ids unique, every ``bezug``
#   and ``einladung`` naming an earlier event in fold order of an art it may name):
#   `_lies_ereignisse` builds the tuple of events, `_bezuege_schnell` checks the rest.
#
# tests/test_schnelles_lesen.py holds every fast field reader to the validator of its attrs field
# and every builder to the fields of its class.


def fall_schnell(obj: Any) -> Fall:
    """Read a case in one pass without places and paths; any fault (or a rare shape: ``x_``
    data with a fault inside, duplicate keys, subclasses of ``dict`` or ``str``) raises
    `Zurueck`, and the
    exact reader reads the case again to report its first fault with its path. The fast reader
    accepts a subset of what the exact reader accepts (its field readers are stricter than
    `_pruefe_wert`) and builds the value objects without their validators (`_Bau`), making
    every check that only those make itself (the comment after `BAUPLAENE` says where); property
    tests hold it to the exact reader (it never accepts what the exact one refuses, and builds
    the same case).

    Not in `__all__` (a case is read with `fall_aus_objekt`, which tries this reader first):
    named for those tests."""
    return _fall_schnell_bauen(_schnell_objekt(obj, _FALL_FORM))


def _fall_schnell_bauen(felder: Mapping[str, Any]) -> Fall:
    """The case from its fields as the fast reader read them, without `Fall`'s validators: the
    checks that only they make are made here (the birth date's range, the ids and the events
    named by ``bezug`` and ``einladung``)."""
    geburtsdatum = felder.get("geburtsdatum")
    if geburtsdatum is not None and not (FRUEHESTES_GEBURTSDATUM <= geburtsdatum <= SPAETESTER_TAG):
        raise Zurueck
    _bezuege_schnell(felder["ereignisse"])
    fall: Fall = _FALL_BAU.bauen(felder)
    return fall


def _bezuege_schnell(ereignisse: tuple[Ereignis, ...]) -> None:
    """What ``_pruefe_ereignisse`` (the validator of ``Fall.ereignisse``) checks beyond the
    events themselves, or `Zurueck`: every ``id`` once in the case; every field that names
    another event (`BEZUEGE`) names the id of an event of an art it may name that comes
    earlier in fold order (date order; the same day: input order)."""
    gesehen: dict[str, int] = {}
    nennen: list[int] = []
    for i, e in enumerate(ereignisse):
        eid = e.id
        if eid is not None:
            if eid in gesehen:
                raise Zurueck
            gesehen[eid] = i
        if e.art in _NENNT:
            nennen.append(i)
    for i in nennen:
        e = ereignisse[i]
        for feld, erlaubt in _NENNT[e.art]:
            ziel_id = getattr(e, feld)
            if ziel_id is None:
                continue
            j = gesehen.get(ziel_id)
            if j is None:
                raise Zurueck
            ziel = ereignisse[j]
            if ziel.art not in erlaubt or ziel.am > e.am or (ziel.am == e.am and j >= i):
                raise Zurueck


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
        return fall_schnell(obj)
    except (Zurueck, KooplanError):
        pass
    return fall_genau(obj)


def fall_genau(obj: Any) -> Fall:
    """The exact reader: every key and element at its place, the first fault in document order.

    Not in `__all__` (a case is read with `fall_aus_objekt`): named for the tests that hold the
    fast reader `fall_schnell` to it."""
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


def feld_schnell(feld: Feld, wert: Any) -> Any:
    """One value of a field as the fast reader reads it: the converted value, or `Zurueck`.

    Not in `__all__`: named for the tests that hold each field reader of the fast reader to the
    exact reader's rule for a single value (`feld_genau`)."""
    return _leser_fuer(feld)(wert)


def feld_genau(feld: Feld, wert: Any, name: str) -> Any:
    """One value of the field `name` as the exact reader reads it: the converted value; a value
    it refuses raises the `UngueltigeEingabe` it reports (at the path `name`).

    Not in `__all__`: named for the tests that hold the fast reader's field readers
    (`feld_schnell`) to it."""
    leser = _Leser()
    gelesen = leser.wert(feld, wert, name, name, 0)
    erster = leser.erster()
    if erster is not None:
        raise erster
    assert gelesen is not _FEHLT  # every value refused has its fault
    return gelesen


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


# -- reading with limits -------------------------------------------------------------------------


class Lesefehler(OSError):
    """Reading an input failed after it was opened (a read error of the device or the pipe).

    It carries the operating system's error number, never any data that was read."""


def zeilen_begrenzt(strom: IO[bytes], grenze: int = MAX_BYTES_JE_FALL) -> Iterator[bytes]:
    """The lines of a binary stream, each with its line end, as they arrive.

    Never more than ``grenze + 3`` bytes of a line are held: a longer line is given as its first
    ``grenze + 2`` bytes (the loader then refuses it by its length, in its place) and the rest of
    it is read and dropped. A read error raises `Lesefehler`. ``strom`` is a buffered
    binary stream (a file opened with ``"rb"``, ``sys.stdin.buffer``); a line is yielded as soon
    as its line end is read, so a caller on a pipe gets each answer before it sends the next
    line."""
    n = grenze + 3
    lies = strom.readline
    while True:
        zeile = _gelesen(lies, n)
        if not zeile:
            return
        if len(zeile) == n and not zeile.endswith(b"\n"):
            rest = zeile
            while rest and not rest.endswith(b"\n"):
                rest = _gelesen(lies, 65_536)
            zeile = zeile[: grenze + 2]
        yield zeile


def _gelesen(lies: Callable[[int], bytes], n: int) -> bytes:
    try:
        return lies(n)
    except OSError as err:
        raise Lesefehler(err.errno, err.strerror) from None


# -- policy files: the same strict reader ---------------------------------------------------------

#: The longest policy file read (a policy has three keys).
MAX_BYTES_JE_POLICY: Final = 100_000


def policy_lesen(daten: bytes, *, toml: bool) -> Policy:
    """A policy from the bytes of a TOML (``toml=True``) or JSON file, read as strictly as a
    case: at most `MAX_BYTES_JE_POLICY` bytes of UTF-8 (a BOM is accepted), nesting
    limited independently of the stack, a duplicate key refused, unknown keys and wrong values
    refused by `Policy.aus_mapping`. Every fault is an `UngueltigeEingabe` with a
    German message; keys are quoted escaped, values never."""
    if len(daten) > MAX_BYTES_JE_POLICY:
        raise UngueltigeEingabe(
            f"Die Policy ist länger als {MAX_BYTES_JE_POLICY:,} Bytes und wird nicht "
            "gelesen.".replace(",", ".")
        )
    try:
        text = daten.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UngueltigeEingabe(
            f"Die Policy ist kein gültiges UTF-8 (Byte {err.start + 1})."
        ) from None
    text = text.removeprefix("\ufeff")
    inhalt = _toml_lesen(text) if toml else _json_lesen(text, "Die Policy", MAX_BYTES_JE_POLICY)
    if not isinstance(inhalt, dict):
        raise UngueltigeEingabe("Die Policy muss ein Objekt (Schlüssel und Werte) sein.")
    _keine_doppelten(inhalt)
    return Policy.aus_mapping(inhalt)


def _keine_doppelten(wert: Any) -> None:
    """Refuse the first duplicate key of a parsed JSON value, at any level (in document
    order), with its path."""
    stapel: list[tuple[Any, str]] = [(wert, "")]
    while stapel:
        w, pfad = stapel.pop()
        kinder: list[tuple[Any, str]] = []
        if isinstance(w, dict):
            gesehen: set[str] = set()
            for key, kind in _paare_von(w):
                if key in gesehen:
                    raise UngueltigeEingabe(
                        f"Der Schlüssel '{_schluessel(key)}' kommt in der Policy doppelt vor.",
                        ort=_pfad(pfad, key),
                    )
                gesehen.add(key)
                kinder.append((kind, _pfad(pfad, key)))
        elif isinstance(w, list):
            kinder = [(kind, _pfad(pfad, i)) for i, kind in enumerate(w)]
        stapel.extend(reversed(kinder))


#: TOML strings and comments (their brackets do not nest): basic and literal, one-line or not.
_TOML_TEXT: Final = re.compile(
    r'"""(?:[^"\\]++|\\.|"(?!""))*+"""|\'\'\'(?:[^\']++|\'(?!\'\'))*+\'\'\'|'
    r'"(?:[^"\\\n]++|\\.)*+"|\'[^\'\n]*+\'|#[^\n]*+',
    re.DOTALL,
)

_TOML_GRUENDE: Final = {
    "Invalid value": "ungültiger Wert",
    "Expected '=' after a key": "'=' nach dem Schlüssel erwartet",
    "Cannot overwrite a value": "ein Schlüssel kommt doppelt vor",
    "Cannot declare": "eine Tabelle kommt doppelt vor",
    "Cannot mutate": "eine Tabelle oder Liste wird nachträglich verändert",
    "Unclosed array": "nicht geschlossene Liste",
    "Unclosed inline table": "nicht geschlossene Tabelle",
    "Unterminated string": "nicht beendete Zeichenkette",
    "Illegal character": "unzulässiges Zeichen",
    "Invalid statement": "ungültige Anweisung",
    "Expected newline or end of document": "Zeilenende nach der Anweisung erwartet",
    "Invalid initial character for a key part": "ungültiger Schlüssel",
    "Invalid key": "ungültiger Schlüssel",
    "Unescaped": "ungültige Escape-Sequenz",
    "Unrecognized escape sequence": "ungültige Escape-Sequenz",
    "Invalid hex value": "ungültige Escape-Sequenz",
    "Invalid date or datetime": "ungültiges Datum",
    "Expected ']' at the end of a table declaration": "']' am Ende des Tabellenkopfs erwartet",
    "Expected ']]' at the end of an array declaration": "']]' am Ende des Tabellenkopfs erwartet",
}
_TOML_ORT: Final = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def _toml_lesen(text: str) -> Any:
    klammern = _KEINE_KLAMMER.sub("", _TOML_TEXT.sub("", text))
    tiefe = 0
    for c in klammern:
        tiefe = tiefe + 1 if c in "[{" else tiefe - 1
        if tiefe > MAX_JSON_TIEFE:
            raise UngueltigeEingabe(
                f"Kein gültiges TOML: tiefer als {MAX_JSON_TIEFE} Ebenen verschachtelt."
            )
    try:
        return _mit_leerem_stapel(tomllib.loads, text)
    except tomllib.TOMLDecodeError as err:
        meldung = str(err)
    except ValueError:  # an integer with more digits than Python converts
        raise UngueltigeEingabe(
            "Kein gültiges TOML: ein Wert ist nicht lesbar (etwa eine Zahl mit zu vielen Stellen)."
        ) from None
    grund = next((de for en, de in _TOML_GRUENDE.items() if meldung.startswith(en)), "Syntaxfehler")
    m = _TOML_ORT.search(meldung)
    wo = ""
    if m is not None:
        wo = f" (Zeile {m[1]}, Spalte {m[2]})" if m[1] else " (am Ende der Datei)"
    raise UngueltigeEingabe(f"Kein gültiges TOML: {grund}{wo}.")


# -- requests (kooplan/anfrage/1) ----------------------------------------------------------------


def anfrage_aus_json(text: str | bytes) -> Anfrage:
    """Parse and check one request given as JSON text (at most `MAX_BYTES_JE_FALL` bytes,
    the case in it included)."""
    return anfrage_aus_objekt(_json_lesen(text, "Die Anfrage"))


def anfrage_aus_objekt(obj: Any) -> Anfrage:
    """Build an `Anfrage` from a parsed JSON value, by the same
    rules as a case: unknown keys refused (but ``x_``), duplicate keys refused, the first fault in
    document order with its path (``fall.ereignisse[2].am``). Errors name the case when the
    request holds one ``fall`` with a valid id."""
    try:
        return _anfrage_bauen(_schnell_objekt(obj, _ANFRAGE_FORM))
    except (Zurueck, KooplanError):
        pass
    return _anfrage_genau(obj)


def _anfrage_bauen(felder: dict[str, Any]) -> Anfrage:
    felder.pop("schema", None)
    return Anfrage(**felder)


def _anfrage_genau(obj: Any) -> Anfrage:
    fall_id = None
    if isinstance(obj, dict):
        werte = [w for k, w in _paare_von(obj) if k == "fall"]
        if len(werte) == 1:
            fall_id = _fall_id(werte[0])
    leser = _Leser()
    felder, stellen, ende = leser.felder(obj, ANFRAGE_FELDER, "", "Die Anfrage")
    anfrage = _FEHLT
    if felder is not None:
        felder.pop("schema", None)
        anfrage = leser.bauen(Anfrage, felder, "", stellen, ende)
    erster = leser.erster()
    if erster is not None:
        raise erster.mit_fall(fall_id)
    assert isinstance(anfrage, Anfrage)
    return anfrage


_ANFRAGE_FORM: Final = _Form(ANFRAGE_FELDER)
