"""The conformance kit: kooplan's scenario files, checked against kooplan or against another system.

The scenario files ship with the package (``kooplan/szenarien/entscheidung/*.yaml`` and
``kooplan/szenarien/rechtsfolgen/*.yaml``; their format is ``docs/szenarien-format.md``, their
JSON Schema ``kooplan/szenarien/szenario.schema.json``). Each question of a scenario becomes one
request of the contract (``kooplan/anfrage/1``); the answer (``kooplan/entscheidung/1`` or
``kooplan/fehler/1``) is compared with the question's ``erwartet``, key by key. The answers come
from kooplan itself (in-process, `Intern`), from another program that speaks the command-line
contract (`Befehl`, like ``kooplan entscheide --anfragen -``) or from a server speaking the HTTP
API (`Url`, ``POST /v1/entscheidung``). ``kooplan pruefe`` (`ausfuehren`) reports every
deviation with the norm the question rests on, writes JUnit XML on request and exits 0 only when
every question passed.

Reading YAML needs PyYAML (the ``pruefe`` extra); it is imported only when a file is read.

Examples:
    >>> from kooplan.oberflaechen import pruefe
    >>> fragen = pruefe.fragen()
    >>> len(fragen) > 500
    True
    >>> ergebnisse = pruefe.pruefen(fragen[:3], pruefe.Intern())
    >>> [e.bestanden for e in ergebnisse]
    [True, True, True]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO, Any, Final, Protocol

import attrs

__all__ = [
    "ANTWORT_SCHEMAS",
    "FALL_SCHLUESSEL",
    "Abweichung",
    "Befehl",
    "Ergebnis",
    "Frage",
    "Intern",
    "SystemFehler",
    "SzenarioFehler",
    "Url",
    "argumente",
    "ausfuehren",
    "bericht_json",
    "bericht_text",
    "dateien",
    "fragen",
    "junit_xml",
    "laden",
    "normen",
    "policies",
    "policy_name",
    "pruefen",
    "schema",
    "schema_erzeugen",
    "schema_text",
    "szenarien_ordner",
    "vergleiche",
    "yaml_laden",
    "zusammenfassung",
]

FALL_SCHLUESSEL: Final = (
    "geburtsdatum",
    "regelbedarfsstufe",
    "land",
    "bewilligungszeitraum_ende",
    "bekanntgabe",
)
"""The keys of a scenario that go into the case (`kooplan/fall/1`) besides `ereignisse`."""
ANTWORT_SCHEMAS: Final = ("kooplan/entscheidung/1", "kooplan/fehler/1")
"""The schemas an answer may have: a decision or an error."""

_SZENARIO_PFLICHT: Final = frozenset({"titel", "quelle", "ereignisse", "fragen"})
_SZENARIO_ERLAUBT: Final = _SZENARIO_PFLICHT | set(FALL_SCHLUESSEL)
_FRAGE_ERLAUBT: Final = frozenset({"anliegen", "stichtag", "faellig", "policy", "erwartet"})
_ERWARTET_ERLAUBT: Final = frozenset(
    {"phase", "modus", "rechtsstand", "regel", "zitiert", "hinweise", "keine_hinweise",
     "naechste_ueberpruefung", "ueberpruefung_ueberfaellig", "uebergaenge", "rechtsfolgen",
     "fehler", "ort"}
)  # fmt: skip
_EINFACH: Final = ("phase", "modus", "rechtsstand", "naechste_ueberpruefung")
_BIS_ZEICHEN: Final = 200
#: A citation in a scenario's ``quelle``: ``§ 15 Abs. 6 SGB II a.F.``, ``§§ 187, 188 BGB``.
_NORM_IM_TEXT: Final = re.compile(r"§§? [^;()§]*?(?:SGB (?:II|III|X)|BGB)(?: [an]\.F\.)?")


class SzenarioFehler(Exception):
    """A scenario file that cannot be read or does not follow the format: one German sentence
    naming the file and the place in it (``Szenario 3, Frage 2, erwartet.modus``)."""

    def __init__(self, datei: str, ort: str | None, meldung: str) -> None:
        wo = f"{datei}: {ort}" if ort else datei
        super().__init__(f"{wo}: {meldung}")
        self.datei = datei
        """The file, as it was named."""
        self.ort = ort
        """The place in the file, or `None` (the whole file)."""
        self.meldung = meldung
        """What is wrong."""


# -- the scenario files -------------------------------------------------------------------------


def szenarien_ordner() -> Traversable:
    """The folder of the bundled scenario files (subfolders ``entscheidung`` and
    ``rechtsfolgen``)."""
    return resources.files("kooplan").joinpath("szenarien")


def schema() -> dict[str, Any]:
    """The JSON Schema of one scenario file (``kooplan/szenarien/szenario.schema.json``)."""
    text = szenarien_ordner().joinpath("szenario.schema.json").read_text(encoding="utf-8")
    daten: dict[str, Any] = json.loads(text)
    return daten


def schema_erzeugen() -> dict[str, Any]:
    """The JSON Schema of a scenario file, built from kooplan's tables (phases, modes, rules,
    notes, transitions, Rechtsstände, error codes); the shipped file must equal it (a test says
    so, and ``python -m kooplan.oberflaechen.pruefe`` prints it)."""
    from kooplan import HINWEISE, RECHTSSTAENDE, REGELN, UEBERGAENGE, Modus, Phase
    from kooplan.werte.fehler import FEHLERCODES

    tag = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    tag_oder_null = {"anyOf": [{"$ref": "#/$defs/tag"}, {"type": "null"}]}
    norm = {"type": "string", "pattern": "^§"}
    rechtsstaende = [r.id for r in RECHTSSTAENDE]

    def liste(elemente: dict[str, Any]) -> dict[str, Any]:
        return {"type": "array", "items": elemente}

    hinweise = liste({"enum": sorted(HINWEISE)})
    rechtsfolge = {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": {
            "rechtsstand": {"enum": rechtsstaende},
            "prozent": {"type": "integer"},
            "monate": {"type": "integer"},
            "norm": norm,
            "betrag_euro": {"type": ["number", "null"]},
            "gedeckelt": {"type": ["integer", "null"]},
            "entzug_regelbedarf": {"type": "boolean"},
            "nicht_erreichbar": {"type": "boolean"},
            "folgestufen": liste({"$ref": "#/$defs/rechtsfolge"}),
            "alternativen": liste({"$ref": "#/$defs/rechtsfolge"}),
            "beginn_fruehestens": tag_oder_null,
            "feststellung_bis": tag_oder_null,
            "bausteine": liste({"type": "string"}),
            "keine_bausteine": liste({"type": "string"}),
            "text_enthaelt": liste({"type": "string", "minLength": 1}),
        },
    }
    erwartet = {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": {
            "phase": {"enum": [p.value for p in Phase]},
            "modus": {"enum": [m.value for m in Modus]},
            "rechtsstand": {"enum": rechtsstaende},
            "regel": {"enum": [r.id for r in REGELN]},
            "zitiert": liste(norm),
            "hinweise": hinweise,
            "keine_hinweise": hinweise,
            "naechste_ueberpruefung": tag_oder_null,
            "ueberpruefung_ueberfaellig": {"type": "boolean"},
            "uebergaenge": liste({"enum": [u.id for u in UEBERGAENGE]}),
            "rechtsfolgen": {"anyOf": [{"$ref": "#/$defs/rechtsfolge"}, {"type": "null"}]},
            "fehler": {"enum": list(FEHLERCODES)},
            "ort": {"type": "string", "minLength": 1},
        },
        "if": {"required": ["fehler"]},
        "then": {"propertyNames": {"enum": ["fehler", "ort"]}},
        "else": {"not": {"required": ["ort"]}},
    }
    frage = {
        "type": "object",
        "required": ["anliegen", "stichtag", "erwartet"],
        "additionalProperties": False,
        "properties": {
            "anliegen": {"type": "string"},
            "stichtag": {"$ref": "#/$defs/tag"},
            "faellig": {"$ref": "#/$defs/tag"},
            "policy": {"type": ["object", "null"]},
            "erwartet": {"$ref": "#/$defs/erwartet"},
        },
    }
    szenario = {
        "type": "object",
        "required": ["titel", "quelle", "ereignisse", "fragen"],
        "additionalProperties": False,
        "properties": {
            "titel": {"type": "string", "minLength": 1},
            "quelle": {"type": "string", "minLength": 1},
            "geburtsdatum": {"$ref": "#/$defs/tag"},
            "regelbedarfsstufe": {"type": "integer"},
            "land": {"type": "string"},
            "bewilligungszeitraum_ende": {"$ref": "#/$defs/tag"},
            "bekanntgabe": {"type": "string"},
            "ereignisse": liste({"type": "object"}),
            "fragen": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/frage"}},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "kooplan: eine Szenariodatei (YAML)",
        "description": "Eine Liste von Szenarien: ein Fall (titel, quelle, ereignisse) und "
        "Fragen an ihn mit dem erwarteten Ergebnis. Tage als JJJJ-MM-TT (YAML-Daten werden "
        "vor der Prüfung so geschrieben). Siehe docs/szenarien-format.md.",
        "type": "array",
        "minItems": 1,
        "items": {"$ref": "#/$defs/szenario"},
        "$defs": {
            "tag": tag,
            "szenario": szenario,
            "frage": frage,
            "erwartet": erwartet,
            "rechtsfolge": rechtsfolge,
        },
    }


def schema_text() -> str:
    """`schema_erzeugen` as the text of ``szenario.schema.json``."""
    return json.dumps(schema_erzeugen(), ensure_ascii=False, indent=2) + "\n"


def _yaml_dateien(ordner: Traversable) -> list[Traversable]:
    return sorted(
        (p for p in ordner.iterdir() if p.name.endswith(".yaml") and not p.name.startswith("_")),
        key=lambda p: p.name,
    )


def dateien() -> list[tuple[str, Traversable]]:
    """The bundled scenario files as (name, file): ``entscheidung/regime_b.yaml`` and so on.
    Files whose name starts with ``_`` are left out."""
    out: list[tuple[str, Traversable]] = []
    for unter in ("entscheidung", "rechtsfolgen"):
        out += [(f"{unter}/{p.name}", p) for p in _yaml_dateien(szenarien_ordner() / unter)]
    return out


@functools.cache
def _lader(yaml: Any) -> type:
    """PyYAML's `SafeLoader` that refuses a key given twice in one mapping (PyYAML keeps the
    last silently, so an expectation written twice would be lost without a word)."""

    class Lader(yaml.SafeLoader):  # type: ignore[misc]
        pass

    def abbildung(loader: Any, node: Any, deep: bool = False) -> Any:
        gesehen: set[Any] = set()
        for schluessel_knoten, _ in node.value:
            schluessel = loader.construct_object(schluessel_knoten, deep=deep)
            try:
                doppelt = schluessel in gesehen
                gesehen.add(schluessel)
            except TypeError:  # not hashable: construct_mapping names it
                continue
            if doppelt and schluessel != "<<":
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"der Schlüssel {schluessel!r} steht zweimal in einem Objekt",
                    schluessel_knoten.start_mark,
                )
        return loader.construct_mapping(node, deep=deep)

    Lader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, abbildung)
    return Lader


def yaml_laden(text: str, datei: str) -> Any:
    """Parse YAML text safely (PyYAML is imported here, not before); `SzenarioFehler` with the
    line and column of a syntax error."""
    try:
        import yaml
    except ImportError:
        raise SzenarioFehler(
            datei,
            None,
            "Zum Lesen der Szenarien wird PyYAML gebraucht; es fehlt. Installieren mit: "
            "pip install 'kooplan[pruefe]'",
        ) from None
    try:
        return yaml.load(text, Loader=_lader(yaml))  # a SafeLoader (_lader)
    except yaml.MarkedYAMLError as err:
        marke = err.problem_mark
        ort = f"Zeile {marke.line + 1}, Spalte {marke.column + 1}" if marke else None
        raise SzenarioFehler(
            datei, ort, f"kein gültiges YAML (PyYAML: {err.problem or 'Syntaxfehler'})."
        ) from None
    except yaml.YAMLError:
        raise SzenarioFehler(datei, None, "kein gültiges YAML.") from None


def _iso(wert: Any, datei: str, ort: str) -> Any:
    """YAML dates (PyYAML makes ``date`` objects) as the contract's ISO strings, recursively."""
    if isinstance(wert, dt.datetime):
        raise SzenarioFehler(datei, ort, "Zeitpunkte gibt es im Vertrag nicht, nur Tage.")
    if isinstance(wert, dt.date):
        return wert.isoformat()
    if isinstance(wert, dict):
        return {str(k): _iso(v, datei, f"{ort}.{k}") for k, v in wert.items()}
    if isinstance(wert, list):
        return [_iso(v, datei, f"{ort}[{i}]") for i, v in enumerate(wert)]
    return wert


def _tag(wert: Any, datei: str, ort: str, pflicht: bool) -> str | None:
    if wert is None and not pflicht:
        return None
    if isinstance(wert, dt.date) and not isinstance(wert, dt.datetime):
        return wert.isoformat()
    if isinstance(wert, str):
        try:
            return dt.date.fromisoformat(wert).isoformat()
        except ValueError:
            pass
    raise SzenarioFehler(datei, ort, "erwartet wird ein Tag (JJJJ-MM-TT).")


@attrs.frozen
class Frage:
    """One question of one scenario of one file, ready to be sent as a request."""

    datei: str
    """The file: ``entscheidung/regime_b.yaml`` for a bundled one, else the path as given."""
    nr: int
    """The scenario's number in the file (from 1)."""
    j: int
    """The question's number in the scenario (from 1)."""
    titel: str
    """The scenario's title."""
    quelle: str
    """Where the expectation comes from (the scenario's ``quelle``)."""
    fall: dict[str, Any] = attrs.field(eq=False, repr=False)
    """The case as a ``kooplan/fall/1`` object (personal data: never shown)."""
    anliegen: Any
    """The Anliegen as written (a scenario may ask for one that does not exist)."""
    stichtag: str
    """The Stichtag, ISO."""
    faellig: str | None
    """The Fälligkeit, ISO, or `None`."""
    policy: dict[str, Any] | None = attrs.field(eq=False, repr=False)
    """The policy keys of the question, or `None` (the standard policy)."""
    erwartet: dict[str, Any] = attrs.field(eq=False, repr=False)
    """The expectation, dates as ISO text."""

    @property
    def name(self) -> str:
        """``entscheidung/regime_b.yaml Szenario 7 Frage 2``."""
        return f"{self.datei} Szenario {self.nr} Frage {self.j}"

    def anfrage(self) -> dict[str, Any]:
        """The question as a ``kooplan/anfrage/1`` object."""
        obj: dict[str, Any] = {
            "schema": "kooplan/anfrage/1",
            "anliegen": self.anliegen,
            "stichtag": self.stichtag,
        }
        if self.faellig is not None:
            obj["faellig"] = self.faellig
        if self.policy is not None:
            obj["policy"] = policy_name(self.policy)
        obj["fall"] = self.fall
        return obj


def _fall_id(datei: str, nr: int) -> str:
    stamm = "".join(c if c.isascii() and c.isalnum() else "-" for c in datei.removesuffix(".yaml"))
    return f"SZ-{stamm.strip('-')[-40:]}-{nr:02d}"


def _pruefe_form(daten: Any, datei: str) -> None:
    """The keys every file must have; the JSON Schema says the same (and more) to a reader."""
    if not isinstance(daten, list) or not daten:
        raise SzenarioFehler(datei, None, "erwartet wird eine nicht leere Liste von Szenarien.")
    for nr, sz in enumerate(daten, start=1):
        wo = f"Szenario {nr}"
        if not isinstance(sz, dict):
            raise SzenarioFehler(datei, wo, "erwartet wird ein Objekt (titel, quelle, …).")
        fehlt = sorted(_SZENARIO_PFLICHT - set(sz))
        if fehlt:
            raise SzenarioFehler(datei, wo, f"es fehlt: {', '.join(fehlt)}.")
        fremd = sorted(str(k) for k in set(sz) - _SZENARIO_ERLAUBT)
        if fremd:
            raise SzenarioFehler(datei, wo, f"unbekannter Schlüssel: {', '.join(fremd)}.")
        for key in ("titel", "quelle"):
            if not isinstance(sz[key], str) or not sz[key].strip():
                raise SzenarioFehler(datei, f"{wo}, {key}", "erwartet wird ein nicht leerer Text.")
        if not isinstance(sz["ereignisse"], list):
            raise SzenarioFehler(datei, f"{wo}, ereignisse", "erwartet wird eine Liste.")
        if not isinstance(sz["fragen"], list) or not sz["fragen"]:
            raise SzenarioFehler(datei, f"{wo}, fragen", "erwartet wird eine nicht leere Liste.")
        for j, fr in enumerate(sz["fragen"], start=1):
            wo_f = f"{wo}, Frage {j}"
            if not isinstance(fr, dict):
                raise SzenarioFehler(datei, wo_f, "erwartet wird ein Objekt (anliegen, …).")
            fehlt = sorted({"anliegen", "stichtag", "erwartet"} - set(fr))
            if fehlt:
                raise SzenarioFehler(datei, wo_f, f"es fehlt: {', '.join(fehlt)}.")
            fremd = sorted(str(k) for k in set(fr) - _FRAGE_ERLAUBT)
            if fremd:
                raise SzenarioFehler(datei, wo_f, f"unbekannter Schlüssel: {', '.join(fremd)}.")
            soll = fr["erwartet"]
            if not isinstance(soll, dict) or not soll:
                raise SzenarioFehler(
                    datei, f"{wo_f}, erwartet", "erwartet wird ein nicht leeres Objekt."
                )
            fremd = sorted(str(k) for k in set(soll) - _ERWARTET_ERLAUBT)
            if fremd:
                raise SzenarioFehler(
                    datei, f"{wo_f}, erwartet", f"unbekannter Schlüssel: {', '.join(fremd)}."
                )
            if "fehler" in soll and set(soll) - {"fehler", "ort"}:
                raise SzenarioFehler(
                    datei,
                    f"{wo_f}, erwartet",
                    "mit 'fehler' sind nur 'fehler' und 'ort' erlaubt (ein Fehler ist keine "
                    "Entscheidung).",
                )
            if "ort" in soll and "fehler" not in soll:
                raise SzenarioFehler(
                    datei, f"{wo_f}, erwartet", "'ort' gibt es nur zusammen mit 'fehler'."
                )
            if fr.get("policy") is not None and not isinstance(fr["policy"], dict):
                raise SzenarioFehler(datei, f"{wo_f}, policy", "erwartet wird ein Objekt.")


def _schema_pruefen(daten: Any, datei: str) -> None:
    """Validate against the JSON Schema when jsonschema is installed (else the checks of
    `_pruefe_form` stand alone)."""
    import importlib

    try:
        jsonschema: Any = importlib.import_module("jsonschema")
    except ImportError:
        return
    pruefer = jsonschema.Draft202012Validator(schema())
    erster = jsonschema.exceptions.best_match(pruefer.iter_errors(_iso_roh(daten)))
    if erster is not None:
        raise SzenarioFehler(datei, _ort(list(erster.absolute_path)), _schema_text(erster))


def _iso_roh(wert: Any) -> Any:
    if isinstance(wert, dt.date):
        return wert.isoformat()
    if isinstance(wert, dict):
        return {str(k): _iso_roh(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_iso_roh(v) for v in wert]
    return wert


def _ort(pfad: Sequence[Any]) -> str | None:
    """A JSON path into a file as the report names it: ``Szenario 3, Frage 2, erwartet.modus``."""
    if not pfad:
        return None
    teile = [f"Szenario {int(pfad[0]) + 1}"]
    rest = list(pfad[1:])
    if len(rest) >= 2 and rest[0] == "fragen" and isinstance(rest[1], int):
        teile.append(f"Frage {rest[1] + 1}")
        rest = rest[2:]
    text = ""
    for t in rest:
        text += f"[{t}]" if isinstance(t, int) else (f".{t}" if text else str(t))
    if text:
        teile.append(text)
    return ", ".join(teile)


def _schema_text(err: Any) -> str:
    """A German sentence for one jsonschema error."""
    art = err.validator
    if art == "required":
        return f"Pflichtschlüssel fehlt ({err.message.split(' ')[0]})."
    if art == "additionalProperties":
        return f"unbekannter Schlüssel ({err.message.split('(')[-1].rstrip(')')})."
    if art == "enum":
        werte = [str(x) for x in err.validator_value]
        erlaubt = ", ".join(werte[:12]) + (
            f", … ({len(werte)} Werte, siehe szenario.schema.json)" if len(werte) > 12 else ""
        )
        gezeigt = json.dumps(err.instance, ensure_ascii=False)[:60]
        return f"unzulässiger Wert {gezeigt}; erlaubt sind: {erlaubt}."
    if art == "type":
        return f"falscher Typ: erwartet wird {err.validator_value}."
    if art == "pattern":
        return "der Wert hat nicht die erwartete Form (Tag: JJJJ-MM-TT, Norm: beginnt mit §)."
    if art in ("minItems", "minProperties", "minLength"):
        return "darf nicht leer sein."
    return "entspricht nicht dem Schema der Szenariodateien."


def laden(text: str, datei: str) -> list[Frage]:
    """The questions of one scenario file (its text, and the name to report it by).

    Raises `SzenarioFehler` (file and place) when the file is not YAML or does not follow the
    format."""
    daten = yaml_laden(text, datei)
    _pruefe_form(daten, datei)
    _schema_pruefen(daten, datei)
    out: list[Frage] = []
    for nr, sz in enumerate(daten, start=1):
        wo = f"Szenario {nr}"
        fall: dict[str, Any] = {"schema": "kooplan/fall/1", "fall": _fall_id(datei, nr)}
        for key in FALL_SCHLUESSEL:
            if key in sz:
                fall[key] = _iso(sz[key], datei, f"{wo}, {key}")
        fall["ereignisse"] = _iso(sz["ereignisse"], datei, f"{wo}, ereignisse")
        for j, fr in enumerate(sz["fragen"], start=1):
            wo_f = f"{wo}, Frage {j}"
            p = fr.get("policy")
            out.append(
                Frage(
                    datei=datei,
                    nr=nr,
                    j=j,
                    titel=sz["titel"],
                    quelle=sz["quelle"],
                    fall=fall,
                    anliegen=fr["anliegen"],
                    stichtag=str(_tag(fr["stichtag"], datei, f"{wo_f}, stichtag", True)),
                    faellig=_tag(fr.get("faellig"), datei, f"{wo_f}, faellig", False),
                    policy=None if p is None else _iso(p, datei, f"{wo_f}, policy"),
                    erwartet=_iso(fr["erwartet"], datei, f"{wo_f}, erwartet"),
                )
            )
    return out


def fragen(pfade: Iterable[str | os.PathLike[str]] = ()) -> list[Frage]:
    """Every question of the files named (a folder: its ``*.yaml`` but those starting with
    ``_``); without any, of the bundled files. `SzenarioFehler` for a file that is missing,
    unreadable or malformed."""
    namen = list(pfade)
    quellen: list[tuple[str, Traversable]] = []
    for p in namen:
        pfad = Path(p)
        if pfad.is_dir():
            gefunden = _yaml_dateien(pfad)
            if not gefunden:
                raise SzenarioFehler(str(p), None, "der Ordner enthält keine .yaml-Datei.")
            quellen += [(str(pfad / q.name), q) for q in gefunden]
        elif pfad.is_file():
            quellen.append((str(p), pfad))
        else:
            raise SzenarioFehler(str(p), None, "keine Datei und kein Ordner.")
    if not namen:
        quellen = dateien()
    out: list[Frage] = []
    for name, datei in quellen:
        try:
            text = datei.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            grund = "nicht in UTF-8" if isinstance(err, UnicodeDecodeError) else "nicht lesbar"
            raise SzenarioFehler(name, None, f"die Datei ist {grund}.") from None
        out += laden(text, name)
    return out


# -- policies ------------------------------------------------------------------------------------


def policy_name(policy: Mapping[str, Any]) -> str:
    """The name under which a question's policy is sent: ``szenario-`` and 12 hex digits of the
    SHA-256 of its keys as canonical JSON (the same policy always gets the same name)."""
    import hashlib

    text = json.dumps(policy, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return "szenario-" + hashlib.sha256(text.encode("ascii")).hexdigest()[:12]


def policies(fragen: Iterable[Frage]) -> dict[str, dict[str, Any]]:
    """The policies the questions name, by `policy_name`: what a system under test must be
    started with (``--policy-verzeichnis``: one ``NAME.json`` per policy)."""
    out: dict[str, dict[str, Any]] = {}
    for f in fragen:
        if f.policy is not None:
            out[policy_name(f.policy)] = f.policy
    return dict(sorted(out.items()))


def _gueltig(policy: Mapping[str, Any]) -> bool:
    from kooplan import KooplanError, Policy

    try:
        Policy.aus_mapping(policy)
    except KooplanError:
        return False
    return True


def _policies_schreiben(ordner: Path, fragen: Iterable[Frage]) -> int:
    n = 0
    for name, p in policies(fragen).items():
        if _gueltig(p):
            (ordner / f"{name}.json").write_text(
                json.dumps(p, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            n += 1
    return n


# -- comparing an answer with the expectation -----------------------------------------------------


@attrs.frozen
class Abweichung:
    """One key where the answer differs from the expectation."""

    schluessel: str
    """The key of ``erwartet`` (``modus``, ``rechtsfolgen.prozent``, ``hinweise``…)."""
    erwartet: Any
    """What the scenario expects."""
    erhalten: Any
    """What the answer says."""

    def text(self) -> str:
        """The difference as the report shows it: `modus: erwartet "mit_rfb", erhalten …`."""
        return f"{self.schluessel}: erwartet {_zeigen(self.erwartet)}, erhalten {_zeigen(self.erhalten)}"


def _zeigen(wert: Any) -> str:
    if isinstance(wert, str) and wert.startswith("<") and wert.endswith(">"):
        return wert[1:-1]
    text = json.dumps(wert, ensure_ascii=False)
    return text if len(text) <= _BIS_ZEICHEN else text[: _BIS_ZEICHEN - 1] + "…"


def _ohne_fall(ort: Any) -> Any:
    """An error inside a request's case has its ``ort`` under ``fall``; a scenario names the
    place inside the case."""
    if isinstance(ort, str) and ort.startswith("fall."):
        return ort[len("fall.") :]
    return ort


def _rechtsfolge(ist: Any, soll: Mapping[str, Any], wo: str) -> list[Abweichung]:
    if not isinstance(ist, Mapping):
        return [Abweichung(wo, "<ein Objekt>", ist)]
    out: list[Abweichung] = []

    def gleich(key: str, feld: str) -> None:
        if key in soll and ist.get(feld) != soll[key]:
            out.append(Abweichung(f"{wo}.{key}", soll[key], ist.get(feld, "<fehlt>")))

    gleich("rechtsstand", "rechtsstand")
    gleich("prozent", "minderung_prozent")
    gleich("monate", "monate")
    if "norm" in soll:
        norm = ist.get("norm")
        if not (isinstance(norm, str) and norm.startswith(soll["norm"])):
            out.append(Abweichung(f"{wo}.norm", f"<beginnt mit {soll['norm']}>", norm))
    if "betrag_euro" in soll:
        wert = ist.get("betrag_euro")
        if soll["betrag_euro"] is None:
            if "betrag_euro" in ist:
                out.append(Abweichung(f"{wo}.betrag_euro", "<fehlt>", wert))
        elif not isinstance(wert, (int, float)) or round(wert, 2) != round(
            float(soll["betrag_euro"]), 2
        ):
            out.append(Abweichung(f"{wo}.betrag_euro", soll["betrag_euro"], wert))
    if "gedeckelt" in soll and ist.get("minderung_prozent_gedeckelt") != soll["gedeckelt"]:
        out.append(
            Abweichung(f"{wo}.gedeckelt", soll["gedeckelt"], ist.get("minderung_prozent_gedeckelt"))
        )
    for key in ("entzug_regelbedarf", "nicht_erreichbar"):
        if key in soll:
            wert = ist.get(key)
            passt = wert is True if soll[key] else wert is None or wert is False
            if not passt:
                out.append(Abweichung(f"{wo}.{key}", soll[key], wert))
    for key in ("beginn_fruehestens", "feststellung_bis"):
        if key in soll and ist.get(key) != soll[key]:
            out.append(Abweichung(f"{wo}.{key}", soll[key], ist.get(key, "<fehlt>")))
    bausteine = ist.get("bausteine") or []
    arten = [b.get("art") for b in bausteine if isinstance(b, Mapping)]
    fehlen = [a for a in soll.get("bausteine", []) if a not in arten]
    if fehlen:
        out.append(Abweichung(f"{wo}.bausteine", fehlen, arten))
    zuviel = [a for a in soll.get("keine_bausteine", []) if a in arten]
    if zuviel:
        out.append(Abweichung(f"{wo}.keine_bausteine", "<keiner davon>", zuviel))
    text = ist.get("text")
    for teil in soll.get("text_enthaelt", []):
        if not isinstance(text, str) or teil not in text:
            out.append(Abweichung(f"{wo}.text_enthaelt", teil, "<nicht im Text>"))
    for key in ("folgestufen", "alternativen"):
        if key in soll:
            liste = ist.get(key) or []
            erwartet = soll[key]
            if not isinstance(liste, list) or len(liste) != len(erwartet):
                n = len(liste) if isinstance(liste, list) else liste
                out.append(Abweichung(f"{wo}.{key}", f"<{len(erwartet)} Einträge>", n))
                continue
            for i, (a, b) in enumerate(zip(liste, erwartet, strict=True)):
                out += _rechtsfolge(a, b, f"{wo}.{key}[{i}]")
    return out


def vergleiche(
    frage: Frage, antwort: Any, uebergaenge: Iterable[str] | None = None
) -> tuple[Abweichung, ...]:
    """Every key where `antwort` (the parsed answer line) differs from the question's
    expectation; empty: the question passed.

    `uebergaenge`: the ids of the transitions the fold up to the Stichtag takes (only kooplan
    itself can say; `None`: an expected ``uebergaenge`` is not checked)."""
    soll = frage.erwartet
    if not isinstance(antwort, Mapping) or antwort.get("schema") not in ANTWORT_SCHEMAS:
        gezeigt = antwort.get("schema") if isinstance(antwort, Mapping) else antwort
        return (Abweichung("schema", "<kooplan/entscheidung/1 oder kooplan/fehler/1>", gezeigt),)
    if antwort["schema"] == "kooplan/fehler/1":
        code = antwort.get("fehler")
        if "fehler" not in soll:
            erhalten = f"<Fehler {code} bei {antwort.get('ort')}: {antwort.get('meldung')}>"
            return (Abweichung("fehler", "<eine Entscheidung>", erhalten),)
        out = []
        if code != soll["fehler"]:
            out.append(Abweichung("fehler", soll["fehler"], code))
        if "ort" in soll and _ohne_fall(antwort.get("ort")) != soll["ort"]:
            out.append(Abweichung("ort", soll["ort"], antwort.get("ort")))
        return tuple(out)
    r = antwort
    if "fehler" in soll:
        return (
            Abweichung("fehler", soll["fehler"], f"<eine Entscheidung, modus {r.get('modus')}>"),
        )
    out = []
    # the contract: rfb is true exactly when the mode is not ohne_rfb, and the Rechtsfolgen are
    # there exactly when rfb is true (docs/vertrag.md)
    if r.get("rfb") is not (r.get("modus") != "ohne_rfb"):
        out.append(Abweichung("rfb", r.get("modus") != "ohne_rfb", r.get("rfb")))
    if ("rechtsfolgen" in r) is not (r.get("rfb") is True):
        out.append(
            Abweichung("rechtsfolgen", "<genau bei rfb: true>", "rechtsfolgen" in r and "<da>")
        )
    for key in _EINFACH:
        if key in soll and r.get(key, "<fehlt>") != soll[key]:
            out.append(Abweichung(key, soll[key], r.get(key, "<fehlt>")))
    if "ueberpruefung_ueberfaellig" in soll:
        wert = r.get("ueberpruefung_ueberfaellig", "<fehlt>")
        if wert != soll["ueberpruefung_ueberfaellig"]:
            out.append(
                Abweichung("ueberpruefung_ueberfaellig", soll["ueberpruefung_ueberfaellig"], wert)
            )
    gruende = [g for g in r.get("gruende") or [] if isinstance(g, Mapping)]
    if "regel" in soll:
        erste = gruende[0].get("regel") if gruende else "<kein Grund>"
        if erste != soll["regel"]:
            out.append(Abweichung("regel", soll["regel"], erste))
    normen_ist = [g.get("norm") for g in gruende]
    for z in soll.get("zitiert", []):
        if not any(isinstance(n, str) and n.startswith(z) for n in normen_ist):
            out.append(Abweichung("zitiert", z, normen_ist))
    codes = [h.get("code") for h in r.get("hinweise") or [] if isinstance(h, Mapping)]
    fehlen = [c for c in soll.get("hinweise", []) if c not in codes]
    if fehlen:
        out.append(Abweichung("hinweise", fehlen, codes))
    zuviel = [c for c in soll.get("keine_hinweise", []) if c in codes]
    if zuviel:
        out.append(Abweichung("keine_hinweise", "<keiner davon>", zuviel))
    if "uebergaenge" in soll and uebergaenge is not None:
        genommen = set(uebergaenge)
        fehlen = [u for u in soll["uebergaenge"] if u not in genommen]
        if fehlen:
            out.append(Abweichung("uebergaenge", fehlen, sorted(genommen)))
    if "rechtsfolgen" in soll:
        if soll["rechtsfolgen"] is None:
            if "rechtsfolgen" in r:
                out.append(Abweichung("rechtsfolgen", None, "<da>"))
        elif "rechtsfolgen" not in r:
            out.append(Abweichung("rechtsfolgen", "<da>", f"<fehlt, modus {r.get('modus')}>"))
        else:
            out += _rechtsfolge(r["rechtsfolgen"], soll["rechtsfolgen"], "rechtsfolgen")
    return tuple(out)


def normen(frage: Frage) -> tuple[str, ...]:
    """The norms a question rests on: those of its expected rule (by regime where they differ),
    the ``zitiert`` prefixes, the norm of the expected Rechtsfolgen and of the expected notes."""
    from kooplan import HINWEISE, REGELN

    soll = frage.erwartet
    out: list[str] = []
    regel = next((r for r in REGELN if r.id == soll.get("regel")), None)
    if regel is not None:
        out += list(dict.fromkeys(regel.normen.values()))
    out += [str(z) for z in soll.get("zitiert", [])]
    rf = soll.get("rechtsfolgen")
    if isinstance(rf, Mapping) and isinstance(rf.get("norm"), str):
        out.append(rf["norm"])
    for code in soll.get("hinweise", []):
        h = HINWEISE.get(code)
        if h is not None and h.norm:
            out.append(h.norm)
    if not out:  # an expected error: the norms its source names
        out = [m.group(0).strip() for m in _NORM_IM_TEXT.finditer(frage.quelle)]
    return tuple(dict.fromkeys(out))


# -- the systems under test ---------------------------------------------------------------------


class System(Protocol):
    """Something that answers requests: one parsed answer (or `None`: none came) per request."""

    @property
    def name(self) -> str: ...

    def antworten(self, fragen: Sequence[Frage]) -> list[Any]: ...


def _fehler_antwort(err: Exception) -> dict[str, Any]:
    from kooplan.vertrag import fehler_als_dict

    return fehler_als_dict(err)  # type: ignore[arg-type]


@attrs.frozen
class Intern:
    """kooplan itself, in this process, through the same function as ``kooplan entscheide
    --anfragen``."""

    name: str = "kooplan (im Prozess)"
    """How the report names the system."""

    def antworten(self, fragen: Sequence[Frage]) -> list[Any]:
        """The answers of `kooplan.oberflaechen.batch.entscheide_anfragen`, parsed, one per question; a
        question whose policy kooplan refuses gets that error as its answer."""
        from kooplan import KooplanError, Policy
        from kooplan.oberflaechen.batch import Policies, entscheide_anfragen

        benannt: dict[str, Policy] = {}
        vorab: dict[int, Any] = {}
        for i, f in enumerate(fragen):
            if f.policy is None:
                continue
            try:
                benannt[policy_name(f.policy)] = Policy.aus_mapping(f.policy)
            except KooplanError as err:  # the policy itself is refused: that is the answer
                vorab[i] = _fehler_antwort(err)
        zeilen = [json.dumps(f.anfrage(), ensure_ascii=False) for f in fragen]
        antworten = [json.loads(z) for z in entscheide_anfragen(zeilen, Policies(benannt=benannt))]
        return [vorab.get(i, a) for i, a in enumerate(antworten)]

    def uebergaenge(self, frage: Frage) -> set[str] | None:
        """The transitions the fold of the question's case takes up to its Stichtag."""
        from kooplan import KooplanError, verlauf
        from kooplan.vertrag import fall_aus_objekt

        try:
            fall = fall_aus_objekt(frage.fall)
            return {s.regel.id for s in verlauf(fall, dt.date.fromisoformat(frage.stichtag))}
        except KooplanError:
            return None


class SystemFehler(Exception):
    """The system under test could not be asked at all (not started, not reachable)."""


def _extern(fragen: Sequence[Frage]) -> tuple[list[int], dict[int, str]]:
    """Which questions can be sent over the contract, and why the others cannot."""
    senden: list[int] = []
    nicht: dict[int, str] = {}
    for i, f in enumerate(fragen):
        if f.policy is not None and not _gueltig(f.policy):
            nicht[i] = (
                "die Policy der Frage ist ungültig und kann nicht als Policy-Datei übergeben werden"
            )
        else:
            senden.append(i)
    return senden, nicht


@attrs.frozen
class Befehl:
    """Another program that speaks the command-line contract: it reads ``kooplan/anfrage/1``
    lines on standard input and writes one answer line per request (like ``kooplan entscheide
    --anfragen -``). When a question names a policy, ``--policy-verzeichnis DIR`` is appended
    (or ``{policies}`` in the command replaced by DIR); DIR holds one ``NAME.json`` per policy."""

    befehl: str
    """The command line, split as a shell would (`shlex.split`) and run without a shell."""
    zeitlimit: float = 600.0
    """Seconds the whole run may take."""
    name: str = attrs.field(default=attrs.Factory(lambda s: s.befehl, takes_self=True))
    """How the report names the system (default: the command)."""

    def antworten(self, fragen: Sequence[Frage]) -> list[Any]:
        """Run the program once with every request on its standard input; the parsed answer
        lines, one per question (`None` where no line came). Raises `SystemFehler` when the
        program cannot be run or gives no answer at all."""
        import shlex
        import subprocess
        import tempfile

        try:
            teile = shlex.split(self.befehl)
        except ValueError as err:
            raise SystemFehler(f"Der Befehl ist nicht lesbar ({err}).") from None
        if not teile:
            raise SystemFehler("Der Befehl ist leer.")
        senden, nicht = _extern(fragen)
        with tempfile.TemporaryDirectory(prefix="kooplan-pruefe-") as ordner:
            gesendet = [fragen[i] for i in senden]
            if any(f.policy is not None for f in gesendet):
                _policies_schreiben(Path(ordner), gesendet)
                if any("{policies}" in t for t in teile):
                    teile = [t.replace("{policies}", ordner) for t in teile]
                else:
                    teile += ["--policy-verzeichnis", ordner]
            eingabe = "".join(json.dumps(f.anfrage(), ensure_ascii=False) + "\n" for f in gesendet)
            try:
                lauf = subprocess.run(
                    teile,
                    input=eingabe.encode("utf-8"),
                    capture_output=True,
                    timeout=self.zeitlimit,
                    check=False,
                )
            except FileNotFoundError:
                raise SystemFehler(f"Das Programm {teile[0]!r} wurde nicht gefunden.") from None
            except PermissionError:
                raise SystemFehler(f"Das Programm {teile[0]!r} ist nicht ausführbar.") from None
            except subprocess.TimeoutExpired:
                raise SystemFehler(
                    f"Das Programm hat nach {self.zeitlimit:g} Sekunden nicht geantwortet."
                ) from None
        zeilen = lauf.stdout.decode("utf-8", "replace").splitlines()
        if not zeilen and lauf.returncode not in (0, 1):
            fehler = lauf.stderr.decode("utf-8", "replace").strip().splitlines()
            letzte = fehler[-1][:200] if fehler else "keine Meldung"
            raise SystemFehler(
                f"Das Programm endete mit Status {lauf.returncode} ohne Antwort ({letzte})."
            )
        nach_zeile: dict[int, Any] = {}
        for k, z in enumerate(zeilen, start=1):
            try:
                obj = json.loads(z)
            except ValueError:
                obj = f"<keine JSON-Zeile: {z[:80]}>"
            nr = obj.get("zeile") if isinstance(obj, dict) else None
            nach_zeile[nr if isinstance(nr, int) else k] = obj
        out: list[Any] = [None] * len(fragen)
        for k, i in enumerate(senden, start=1):
            out[i] = nach_zeile.get(k)
        for i, grund in nicht.items():
            out[i] = _Ungeprueft(grund)
        return out


@attrs.frozen
class _Ungeprueft:
    grund: str


@attrs.frozen
class Url:
    """A server speaking the HTTP API: each request is POSTed to ``URL/v1/entscheidung``; the
    body of a 4xx answer is the contract's error object and counts as the answer."""

    url: str
    """The server's base URL (`http://127.0.0.1:8080`)."""
    zeitlimit: float = 30.0
    """Seconds each answer may take."""
    name: str = attrs.field(default=attrs.Factory(lambda s: s.url, takes_self=True))
    """How the report names the system (default: the URL)."""

    def antworten(self, fragen: Sequence[Frage]) -> list[Any]:
        """POST every request; the parsed answers, one per question. Raises `SystemFehler`
        when the server cannot be reached."""
        ziel = self.url.rstrip("/") + "/v1/entscheidung"
        if not ziel.startswith(("http://", "https://")):
            raise SystemFehler(f"Die URL muss mit http:// oder https:// beginnen: {self.url}")
        senden, nicht = _extern(fragen)
        out: list[Any] = [None] * len(fragen)
        for i, grund in nicht.items():
            out[i] = _Ungeprueft(grund)
        for i in senden:
            out[i] = self._frage(ziel, fragen[i].anfrage())
        return out

    def _frage(self, ziel: str, anfrage: dict[str, Any]) -> Any:
        import urllib.error
        import urllib.request

        daten = json.dumps(anfrage, ensure_ascii=False).encode("utf-8")
        anf = urllib.request.Request(
            ziel, data=daten, method="POST", headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(anf, timeout=self.zeitlimit) as antwort:
                text = antwort.read()
        except urllib.error.HTTPError as err:
            text = err.read()
            if not 400 <= err.code < 500:
                return f"<HTTP {err.code}>"
        except (urllib.error.URLError, OSError) as err:
            grund = getattr(err, "reason", err)
            raise SystemFehler(
                f"Der Dienst unter {self.url} ist nicht erreichbar ({grund})."
            ) from None
        try:
            return json.loads(text)
        except ValueError:
            return "<keine JSON-Antwort>"


# -- running and reporting ----------------------------------------------------------------------


@attrs.frozen
class Ergebnis:
    """The result of one question."""

    frage: Frage
    """The question."""
    abweichungen: tuple[Abweichung, ...]
    """Empty: passed."""
    ungeprueft: str | None = None
    """Why the question could not be asked over the contract (then it counts as skipped)."""

    @property
    def bestanden(self) -> bool:
        """No difference (also true for a question that could not be asked)."""
        return not self.abweichungen

    @property
    def normen(self) -> tuple[str, ...]:
        """The norms the question rests on (`normen`)."""
        return normen(self.frage)


def pruefen(fragen: Sequence[Frage], system: System) -> list[Ergebnis]:
    """Ask `system` every question and compare each answer with its expectation."""
    antworten = system.antworten(fragen)
    ueber = getattr(system, "uebergaenge", None)
    out: list[Ergebnis] = []
    for f, a in zip(fragen, antworten, strict=True):
        if isinstance(a, _Ungeprueft):
            out.append(Ergebnis(f, (), a.grund))
            continue
        if a is None:
            out.append(Ergebnis(f, (Abweichung("antwort", "<eine Antwortzeile>", "<keine>"),)))
            continue
        genommen = ueber(f) if ueber is not None and "uebergaenge" in f.erwartet else None
        out.append(Ergebnis(f, vergleiche(f, a, genommen)))
    return out


def _zaehlen(ergebnisse: Sequence[Ergebnis]) -> tuple[int, int, int]:
    ueber = sum(1 for e in ergebnisse if e.ungeprueft)
    fehl = sum(1 for e in ergebnisse if not e.bestanden)
    return len(ergebnisse) - fehl - ueber, fehl, ueber


def zusammenfassung(ergebnisse: Sequence[Ergebnis], system: str) -> str:
    """The report's last line: how many questions of how many files passed, failed, or could
    not be asked."""
    ok, fehl, ueber = _zaehlen(ergebnisse)
    n_dateien = len({e.frage.datei for e in ergebnisse})
    text = (
        f"Ergebnis gegen {system}: {len(ergebnisse)} Fragen aus {n_dateien} Dateien, "
        f"{ok} bestanden, {fehl} fehlgeschlagen"
    )
    if ueber:
        text += f", {ueber} nicht über den Vertrag prüfbar"
    return text + "."


def _anfrage_text(f: Frage) -> str:
    text = f"{f.anliegen} am {f.stichtag}"
    if f.faellig:
        text += f", fällig {f.faellig}"
    if f.policy is not None:
        text += f", Policy {policy_name(f.policy)}"
    return text


def bericht_text(ergebnisse: Sequence[Ergebnis], system: str, alle: bool = False) -> str:
    """The report as text: every failed question (with `alle` every question), then the summary."""
    z: list[str] = []
    for e in ergebnisse:
        f = e.frage
        if e.bestanden and not alle and not e.ungeprueft:
            continue
        if e.ungeprueft:
            if alle:
                z.append(f"ÜBERSPRUNGEN {f.name}: „{f.titel}“ ({e.ungeprueft})")
            continue
        if e.bestanden:
            z.append(f"ok {f.name}: „{f.titel}“")
            continue
        z.append(f"FEHLGESCHLAGEN {f.name}: „{f.titel}“")
        z.append(f"  Anfrage: {_anfrage_text(f)}")
        z.append(f"  Norm: {'; '.join(e.normen) or '–'}")
        z.append(f"  Quelle: {f.quelle}")
        z += [f"  {a.text()}" for a in e.abweichungen]
    z.append(zusammenfassung(ergebnisse, system))
    return "\n".join(z) + "\n"


def bericht_json(ergebnisse: Sequence[Ergebnis], system: str) -> str:
    """The report as one JSON object (``kooplan/pruefung/1``)."""
    ok, fehl, ueber = _zaehlen(ergebnisse)
    obj = {
        "schema": "kooplan/pruefung/1",
        "system": system,
        "fragen": len(ergebnisse),
        "bestanden": ok,
        "fehlgeschlagen": fehl,
        "nicht_pruefbar": ueber,
        "ergebnisse": [
            {
                "datei": e.frage.datei,
                "szenario": e.frage.nr,
                "frage": e.frage.j,
                "titel": e.frage.titel,
                "quelle": e.frage.quelle,
                "normen": list(e.normen),
                "ergebnis": "nicht_pruefbar"
                if e.ungeprueft
                else ("bestanden" if e.bestanden else "fehlgeschlagen"),
                "abweichungen": [
                    {"schluessel": a.schluessel, "erwartet": a.erwartet, "erhalten": a.erhalten}
                    for a in e.abweichungen
                ],
                **({"grund": e.ungeprueft} if e.ungeprueft else {}),
            }
            for e in ergebnisse
        ],
    }
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def junit_xml(ergebnisse: Sequence[Ergebnis], system: str) -> str:
    """JUnit XML: one ``testsuite`` per file, one ``testcase`` per question; a failure's message
    names the norm and the difference."""
    import xml.etree.ElementTree as ET

    wurzel = ET.Element("testsuites", name=f"kooplan pruefe gegen {system}")
    nach_datei: dict[str, list[Ergebnis]] = {}
    for e in ergebnisse:
        nach_datei.setdefault(e.frage.datei, []).append(e)
    gesamt = [0, 0, 0]
    for datei, liste in nach_datei.items():
        _, fehl, ueber = _zaehlen(liste)
        suite = ET.SubElement(
            wurzel,
            "testsuite",
            name=datei,
            tests=str(len(liste)),
            failures=str(fehl),
            errors="0",
            skipped=str(ueber),
        )
        gesamt = [gesamt[0] + len(liste), gesamt[1] + fehl, gesamt[2] + ueber]
        klasse = "kooplan.szenarien." + datei.removesuffix(".yaml").replace("/", ".")
        for e in liste:
            f = e.frage
            fall = ET.SubElement(
                suite,
                "testcase",
                classname=klasse,
                name=f"Szenario {f.nr} Frage {f.j}: {f.titel}",
            )
            if e.ungeprueft:
                ET.SubElement(fall, "skipped", message=e.ungeprueft)
            elif not e.bestanden:
                norm = "; ".join(e.normen) or "–"
                meldung = f"Norm: {norm} | " + " | ".join(a.text() for a in e.abweichungen)
                fehler = ET.SubElement(fall, "failure", message=meldung, type="Abweichung")
                fehler.text = "\n".join(
                    [
                        f"Anfrage: {_anfrage_text(f)}",
                        f"Norm: {norm}",
                        f"Quelle: {f.quelle}",
                        *(a.text() for a in e.abweichungen),
                    ]
                )
    wurzel.set("tests", str(gesamt[0]))
    wurzel.set("failures", str(gesamt[1]))
    wurzel.set("skipped", str(gesamt[2]))
    ET.indent(wurzel)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(wurzel, "unicode") + "\n"


# -- the command line: kooplan pruefe ----------------------------------------------------------


def argumente(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the arguments of ``kooplan pruefe`` to `parser` (the command line's subparser)."""
    parser.add_argument(
        "dateien",
        nargs="*",
        metavar="DATEI",
        help="Szenariodateien (.yaml) oder Ordner (ihre .yaml-Dateien); ohne: alle mitgelieferten",
    )
    ziel = parser.add_mutually_exclusive_group()
    ziel.add_argument(
        "--gegen",
        metavar="BEFEHL",
        help="ein anderes Programm, das den Vertrag der Befehlszeile spricht, z. B. "
        "'kooplan entscheide --anfragen -' (ohne Shell ausgeführt)",
    )
    ziel.add_argument(
        "--url",
        metavar="URL",
        help="ein Dienst mit der HTTP-Schnittstelle: jede Anfrage geht per POST an URL/v1/entscheidung",
    )
    parser.add_argument(
        "--junit", metavar="DATEI", help="das Ergebnis zusätzlich als JUnit-XML in DATEI schreiben"
    )
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="Bericht als Text (Standard) oder als JSON",
    )
    parser.add_argument(
        "--alle", action="store_true", help="auch bestandene Fragen im Textbericht nennen"
    )
    parser.add_argument(
        "--zeitlimit",
        type=float,
        default=None,
        metavar="SEKUNDEN",
        help="wie lange auf das Programm (Standard 600) oder auf jede HTTP-Antwort (Standard 30) "
        "gewartet wird",
    )
    parser.add_argument(
        "--policies-ablegen",
        metavar="ORDNER",
        help="nur die Policies der Szenarien als NAME.json in ORDNER schreiben (zum Start des "
        "geprüften Systems mit --policy-verzeichnis) und beenden",
    )
    return parser


def ausfuehren(args: argparse.Namespace, aus: Callable[[str], None], err: IO[str]) -> int:
    """Run ``kooplan pruefe``: 0 every question passed, 1 some failed, 2 bad arguments or a
    scenario file that cannot be read (one German line on `err`)."""

    def fehler(text: str) -> int:
        err.write(f"kooplan pruefe: Fehler: {text}\n")
        return 2

    try:
        alle = fragen(args.dateien)
    except SzenarioFehler as e:
        return fehler(str(e))
    if args.policies_ablegen is not None:
        ordner = Path(args.policies_ablegen)
        try:
            ordner.mkdir(parents=True, exist_ok=True)
            n = _policies_schreiben(ordner, alle)
        except OSError as e:
            return fehler(f"{ordner}: nicht beschreibbar ({e.strerror or type(e).__name__}).")
        err.write(f"kooplan pruefe: {n} Policies in {ordner} geschrieben.\n")
        return 0
    if args.zeitlimit is not None and not args.zeitlimit > 0:
        return fehler("--zeitlimit muss eine positive Zahl von Sekunden sein.")
    system: System
    if args.gegen is not None:
        system = Befehl(args.gegen, args.zeitlimit or 600.0)
    elif args.url is not None:
        system = Url(args.url, args.zeitlimit or 30.0)
    else:
        system = Intern()
    try:
        ergebnisse = pruefen(alle, system)
    except SystemFehler as e:
        return fehler(str(e))
    if args.junit is not None:
        try:
            Path(args.junit).write_text(junit_xml(ergebnisse, system.name), encoding="utf-8")
        except OSError as e:
            return fehler(f"{args.junit}: nicht beschreibbar ({e.strerror or type(e).__name__}).")
    if args.format == "json":
        aus(bericht_json(ergebnisse, system.name))
    else:
        aus(bericht_text(ergebnisse, system.name, alle=args.alle))
    return 0 if all(e.bestanden for e in ergebnisse) else 1


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(schema_text())
