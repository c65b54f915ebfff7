"""The generated parts of the contract page `docs/vertrag.md`: field tables and examples.

The page is written by hand around blocks that this module generates from the field specs
([`kooplan.vertrag.felder`][], [`kooplan.vertrag.ausgabefelder`][]), the event classes, the
transition table and the error classes. A block stands between two markers:

    <!-- generiert:NAME -->
    …
    <!-- /generiert:NAME -->

`python -m kooplan.vertrag.doku docs/vertrag.md` prints the page with every block generated
anew (`--schreiben` writes it back); a test and CI compare the committed page with it, so a new
field, event art, output field or error code cannot be left out of the docs.

Every example here is a case of the contract; the tests load each one, and the outputs shown
are those kooplan gives for them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from kooplan.motor.entscheidung import entscheide
from kooplan.motor.phasen import UEBERGAENGE, Phase
from kooplan.vertrag.ausgabe import fehler_als_dict
from kooplan.vertrag.ausgabefelder import AUSGABE, Ausgabefeld
from kooplan.vertrag.felder import (
    EIGENBEMUEHUNGEN_FELDER,
    EREIGNIS_FELDER,
    FALL_FELDER,
    FALL_SCHEMA,
    PLAN_FELDER,
    Feld,
    Typ,
    ereignis_felder,
)
from kooplan.vertrag.laden import fall_aus_objekt
from kooplan.werte.ereignisse import ARTEN
from kooplan.werte.fehler import (
    FEHLERCODES,
    KeinLeistungsbezug,
    KooplanError,
    RechtsstandNichtAbgedeckt,
    UngueltigeEingabe,
    UnzulaessigerUebergang,
    VerarbeitungAbgebrochen,
)

__all__ = [
    "ANLIEGEN",
    "ART_BEISPIELE",
    "BEISPIEL",
    "BLOECKE",
    "FEHLER_BEISPIELE",
    "STICHTAG",
    "alle_beispiele",
    "bloecke_erneuern",
    "main",
]

_TAB: Final = "    "


def _fall(nr: str, *ereignisse: dict[str, Any], **kopf: Any) -> dict[str, Any]:
    return {"schema": FALL_SCHEMA, "fall": f"JC-DOKU-{nr}", **kopf, "ereignisse": list(ereignisse)}


_PLAN_VOLL: Final[dict[str, Any]] = {
    "eingliederungsziel": "Fachkraft Lagerlogistik",
    "schritte": ["Bewerbungsunterlagen aktualisieren", "Staplerschein"],
    "eigenbemuehungen": {
        "art": "Bewerbungen",
        "anzahl": 4,
        "zeitraum": "monat",
        "nachweis": "Liste",
    },
    "leistungen": ["Vermittlungsbudget"],
    "vermittlungsziele": ["Lagerlogistik"],
    "andere_leistungstraeger": ["Rentenversicherung"],
    "gesundheit": ["arbeitsmedizinische Begutachtung"],
    "bedarfsgemeinschaft": ["Kinderbetreuung"],
    "integrationskurs": False,
    "reha_bedarf": False,
}

BEISPIEL: Final[dict[str, Any]] = _fall(
    "0001",
    {"art": "einladung_versandt", "am": "2024-01-08", "id": "e1", "rfb": False},
    {
        "art": "plan_erstellt",
        "am": "2024-01-15",
        "plan": {
            "eingliederungsziel": "Fachkraft Lagerlogistik",
            "schritte": ["Bewerbungsunterlagen aktualisieren", "Staplerschein"],
            "eigenbemuehungen": {
                "art": "Bewerbungen",
                "anzahl": 4,
                "zeitraum": "monat",
                "nachweis": "Liste",
            },
        },
    },
    {
        "art": "mitwirkung_unterblieben",
        "am": "2024-03-04",
        "id": "m1",
        "mitwirkung": "massnahme",
        "wichtiger_grund": False,
    },
    geburtsdatum="1999-04-01",
    regelbedarfsstufe=1,
    land="DE-BE",
)
"""The main example of the page: a case after a missed Maßnahme."""
ANLIEGEN: Final = "massnahme"
"""The Anliegen and the Stichtag of the decisions shown on the page."""
STICHTAG: Final = dt.date(2024, 3, 10)

_M1 = {
    "art": "mitwirkung_unterblieben",
    "am": "2024-03-04",
    "id": "m1",
    "mitwirkung": "massnahme",
    "wichtiger_grund": False,
}
_PLAN_ERSTELLT = {"art": "plan_erstellt", "am": "2024-01-15"}
_MF1 = {
    "art": "minderung_festgestellt",
    "am": "2024-03-20",
    "id": "mf1",
    "grund": "pflichtverletzung",
    "prozent": 10,
    "beginn": "2024-04-01",
    "stufe": 1,
    "tatbestand": "abs1_nr3",
    "monate": 1,
    "bezug": "m1",
}

ART_BEISPIELE: Final[Mapping[str, tuple[dict[str, Any], ...]]] = {
    "einladung_versandt": (
        _fall(
            "A01",
            {
                "art": "einladung_versandt",
                "am": "2024-01-08",
                "id": "e1",
                "rfb": False,
                "termin": "2024-01-16",
            },
        ),
    ),
    "termin_versaeumt": (
        _fall(
            "A02",
            {"art": "einladung_versandt", "am": "2024-01-08", "id": "e1", "rfb": True},
            {
                "art": "termin_versaeumt",
                "am": "2024-01-16",
                "id": "t1",
                "wichtiger_grund": False,
                "einladung": "e1",
            },
        ),
        _fall(
            "A02C",
            {"art": "plan_erstellt", "am": "2026-07-06"},
            {"art": "einladung_versandt", "am": "2026-08-03", "id": "e1", "rfb": True},
            {"art": "termin_versaeumt", "am": "2026-08-11", "wichtiger_grund": False},
            {"art": "einladung_versandt", "am": "2026-08-12", "id": "e2", "rfb": True},
            {"art": "termin_versaeumt", "am": "2026-08-20", "wichtiger_grund": False},
            bewilligungszeitraum_ende="2026-12-31",
        ),
    ),
    "termin_wahrgenommen": (
        _fall(
            "A03",
            {"art": "einladung_versandt", "am": "2024-01-08"},
            {"art": "termin_versaeumt", "am": "2024-01-16", "wichtiger_grund": False},
            {"art": "einladung_versandt", "am": "2024-01-17", "rfb": True},
            {"art": "termin_wahrgenommen", "am": "2024-01-25"},
        ),
    ),
    "persoenlich_gemeldet": (
        _fall(
            "A03P",
            {"art": "einladung_versandt", "am": "2024-01-08", "rfb": True},
            {"art": "termin_versaeumt", "am": "2024-01-16", "wichtiger_grund": False},
            {"art": "persoenlich_gemeldet", "am": "2024-01-22"},
        ),
    ),
    "plan_erstellt": (
        _fall("A04", {"art": "plan_erstellt", "am": "2024-01-15", "plan": _PLAN_VOLL}),
    ),
    "plan_fortgeschrieben": (
        _fall(
            "A05",
            _PLAN_ERSTELLT,
            {
                "art": "plan_fortgeschrieben",
                "am": "2024-07-10",
                "plan": {
                    "eingliederungsziel": "Fachkraft Lagerlogistik",
                    "schritte": ["Praktikum"],
                },
            },
        ),
    ),
    "plan_gescheitert": (_fall("A06", {"art": "plan_gescheitert", "am": "2024-02-05"}),),
    "schlichtung_begonnen": (
        _fall(
            "A07",
            _PLAN_ERSTELLT,
            {
                "art": "schlichtung_begonnen",
                "am": "2024-07-08",
                "verlangt_von": "leistungsberechtigte",
            },
        ),
    ),
    "schlichtung_beendet": (
        _fall(
            "A08",
            _PLAN_ERSTELLT,
            {"art": "schlichtung_begonnen", "am": "2024-07-08", "verlangt_von": "jobcenter"},
            {"art": "schlichtung_beendet", "am": "2024-07-22", "einigung": True},
        ),
    ),
    "mitwirkung_unterblieben": (_fall("A09", _PLAN_ERSTELLT, _M1),),
    "mitwirkung_erbracht": (
        _fall(
            "A10",
            _PLAN_ERSTELLT,
            _M1,
            {"art": "mitwirkung_erbracht", "am": "2024-03-18", "mitwirkung": "massnahme"},
        ),
    ),
    "bereitschaft_erklaert": (
        _fall("A11", _PLAN_ERSTELLT, _M1, {"art": "bereitschaft_erklaert", "am": "2024-03-12"}),
    ),
    "wichtiger_grund_nachgewiesen": (
        _fall(
            "A12",
            _PLAN_ERSTELLT,
            _M1,
            {"art": "wichtiger_grund_nachgewiesen", "am": "2024-03-11", "bezug": "m1"},
        ),
    ),
    "minderung_festgestellt": (
        _fall("A13", _PLAN_ERSTELLT, _M1, _MF1, regelbedarfsstufe=1, bekanntgabe="elektronisch"),
        _fall(
            "A13S",
            {
                "art": "minderung_festgestellt",
                "am": "2024-02-05",
                "grund": "pflichtverletzung",
                "prozent": 10,
                "beginn": "2024-03-01",
                "tatbestand": "abs2_nr3",
                "sperrzeit": "meldeversaeumnis",
            },
            _PLAN_ERSTELLT,
        ),
    ),
    "eingliederungsvereinbarung": (
        _fall(
            "A14",
            {"art": "eingliederungsvereinbarung", "am": "2023-02-01"},
            {"art": "plan_erstellt", "am": "2023-09-04"},
        ),
    ),
    "leistungsbezug_beendet": (
        _fall("A15", _PLAN_ERSTELLT, {"art": "leistungsbezug_beendet", "am": "2024-05-31"}),
    ),
    "leistungsbezug_aufgenommen": (
        _fall(
            "A16",
            _PLAN_ERSTELLT,
            {"art": "leistungsbezug_beendet", "am": "2024-05-31"},
            {"art": "leistungsbezug_aufgenommen", "am": "2024-09-01"},
        ),
    ),
    "minderung_aufgehoben": (
        _fall(
            "A17",
            _PLAN_ERSTELLT,
            _M1,
            _MF1,
            {"art": "mitwirkung_erbracht", "am": "2024-04-15"},
            {"art": "minderung_aufgehoben", "am": "2024-05-01", "bezug": "mf1"},
        ),
    ),
    "haerte_festgestellt": (
        _fall(
            "A18",
            _PLAN_ERSTELLT,
            _M1,
            _MF1,
            {"art": "haerte_festgestellt", "am": "2024-03-25", "bezug": "mf1"},
        ),
        _fall(
            "A19",
            _PLAN_ERSTELLT,
            {"art": "haerte_festgestellt", "am": "2024-02-01", "bis": "2024-06-30"},
        ),
    ),
}
"""For every event art, one or more cases with an event of that art; together they use every field
of the art."""

FEHLER_BEISPIELE: Final[Mapping[str, dict[str, Any]]] = {
    UngueltigeEingabe.code: _fall("F01", {"art": "plan_erstellt", "am": "2024-02-30"}),
    UnzulaessigerUebergang.code: _fall(
        "F02", _PLAN_ERSTELLT, {"art": "mitwirkung_erbracht", "am": "2024-02-01"}
    ),
    RechtsstandNichtAbgedeckt.code: _fall("F03", {"art": "plan_erstellt", "am": "2023-05-02"}),
    KeinLeistungsbezug.code: _fall(
        "F04", _PLAN_ERSTELLT, {"art": "leistungsbezug_beendet", "am": "2024-02-29"}
    ),
}
"""For every error code, a case that yields it when decided for `ANLIEGEN` on `STICHTAG`."""
VERARBEITUNGSFEHLER: Final = frozenset({VerarbeitungAbgebrochen.code})
"""The codes of errors of the process, not of a case: no case yields them by its content."""

_FEHLERKLASSEN: Final[Mapping[str, type[KooplanError]]] = {
    c.code: c
    for c in (
        UngueltigeEingabe,
        UnzulaessigerUebergang,
        RechtsstandNichtAbgedeckt,
        KeinLeistungsbezug,
        VerarbeitungAbgebrochen,
    )
}


# -- formatting ---------------------------------------------------------------------------------


def _j(wert: Any) -> str:
    return json.dumps(wert, ensure_ascii=False)


def fall_json(fall: Mapping[str, Any]) -> str:
    """A case as the page shows it: one key per line, one event per line."""
    zeilen = ["{"]
    schluessel = list(fall)
    for i, k in enumerate(schluessel):
        komma = "," if i < len(schluessel) - 1 else ""
        if k == "ereignisse" and fall[k]:
            zeilen.append('  "ereignisse": [')
            for j, e in enumerate(fall[k]):
                zeilen.append(f"    {_j(e)}" + ("," if j < len(fall[k]) - 1 else ""))
            zeilen.append(f"  ]{komma}")
        else:
            zeilen.append(f"  {_j(k)}: {_j(fall[k])}{komma}")
    zeilen.append("}")
    return "\n".join(zeilen)


def _code(text: str, sprache: str = "json") -> str:
    return f"```{sprache}\n{text}\n```"


def _zelle(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _typ(f: Feld) -> str:
    if f.typ is Typ.DATUM:
        return "date (`YYYY-MM-DD`)"
    if f.typ is Typ.BOOL:
        return "boolean"
    if f.typ is Typ.INT:
        if f.minimum is not None and f.maximum is not None:
            return f"integer {f.minimum}–{f.maximum}"
        return "integer"
    if f.typ is Typ.TEXT:
        return "string (not blank)"
    if f.typ is Typ.TEXTLISTE:
        if f.minimum:
            return f"list of strings (not blank; at least {f.minimum})"
        return "list of strings (not blank)"
    if f.typ is Typ.ENUM:
        return "one of " + ", ".join(f"`{w}`" for w in f.werte)
    if f.typ is Typ.KONSTANTE:
        return f"`{_j(f.werte[0])}`" if f.werte else "the event's art"
    if f.typ is Typ.FALL_ID:
        return "case id (string)"
    if f.typ is Typ.ID:
        return "event id: string of 1–128 printable characters"
    if f.typ is Typ.PLAN:
        return "object ([plan](#the-plan))"
    if f.typ is Typ.EIGENBEMUEHUNGEN:
        return "object ([below](#eigenbemuehungen))"
    if f.typ is Typ.EREIGNISSE:
        return "list of events ([below](#events))"
    if f.typ is Typ.LAND:
        return "ISO 3166-2 code of a Land (`DE-BB` … `DE-TH`)"
    raise AssertionError(f.typ)  # pragma: no cover - every Typ is handled above


def feld_tabelle(felder: Mapping[str, Feld]) -> str:
    """A table of input fields: name, type, required, meaning, norm."""
    zeilen = ["| field | type | required | meaning | norm |", "|---|---|---|---|---|"]
    for name, f in felder.items():
        zeilen.append(
            f"| `{name}` | {_zelle(_typ(f))} | {'yes' if f.pflicht else 'no'} | "
            f"{_zelle(f.beschreibung)} | {_zelle(f.norm) or '–'} |"
        )
    return "\n".join(zeilen)


def ausgabe_tabelle(felder: Mapping[str, Ausgabefeld]) -> str:
    """A table of output fields: name, meaning, norm."""
    zeilen = ["| field | meaning | norm |", "|---|---|---|"]
    for name, f in felder.items():
        zeilen.append(f"| `{name}` | {_zelle(f.beschreibung)} | {_zelle(f.norm) or '–'} |")
    return "\n".join(zeilen)


def _erster_absatz(doc: str | None) -> str:
    return _absaetze(doc).split("\n\n")[0]


def _absaetze(doc: str | None) -> str:
    """A docstring as Markdown paragraphs (each paragraph on one line)."""
    text = inspect.cleandoc(doc or "")
    return "\n\n".join(" ".join(a.split()) for a in text.split("\n\n") if a.strip())


def _phasen(art: str) -> str:
    """The phases in which an event of `art` is allowed (from the transition table)."""
    von: set[Phase] = set()
    for row in UEBERGAENGE:
        if art in row.ausloeser:
            von |= row.von
    if von == set(Phase):
        return "every phase"
    return ", ".join(f"`{p.value}`" for p in Phase if p in von)


# -- the blocks ----------------------------------------------------------------------------------


def _ergebnis(fall: Mapping[str, Any]) -> dict[str, Any]:
    try:
        return entscheide(fall_aus_objekt(dict(fall)), ANLIEGEN, STICHTAG).als_dict()
    except KooplanError as err:
        return fehler_als_dict(err)


def _block_fall() -> str:
    return feld_tabelle(FALL_FELDER)


def _block_beispiel() -> str:
    return _code(fall_json(BEISPIEL))


def _block_ereignis_basis() -> str:
    art = next(iter(EREIGNIS_FELDER))
    basis = {k: f for k, f in ereignis_felder(art).items() if k not in EREIGNIS_FELDER[art]}
    return feld_tabelle(basis)


def _block_ereignisse() -> str:
    teile: list[str] = []
    for art, felder in EREIGNIS_FELDER.items():
        teile.append(f"### `{art}`")
        teile.append(_absaetze(ARTEN[art].__doc__))
        teile.append(f"Allowed in: {_phasen(art)}.")
        if felder:
            teile.append(feld_tabelle(felder))
        else:
            teile.append("No fields besides `art`, `am` and `id`.")
        for beispiel in ART_BEISPIELE[art]:
            teile.append(_code(fall_json(beispiel)))
    return "\n\n".join(teile)


def _block_plan() -> str:
    return feld_tabelle(PLAN_FELDER)


def _block_eigenbemuehungen() -> str:
    return feld_tabelle(EIGENBEMUEHUNGEN_FELDER)


def _block_entscheidung_beispiel() -> str:
    return _code(json.dumps(_ergebnis(BEISPIEL), ensure_ascii=False, indent=2))


def _tabelle(objekt: str) -> Callable[[], str]:
    return lambda: ausgabe_tabelle(AUSGABE[objekt])


def _block_fehlercodes() -> str:
    teile: list[str] = []
    for code in FEHLERCODES:
        klasse = _FEHLERKLASSEN[code]
        if code in VERARBEITUNGSFEHLER:
            teile.append(f"### `{code}`")
            teile.append(
                f"{_erster_absatz(klasse.__doc__)} Python: `kooplan.{klasse.__name__}`. No case "
                "yields it by its content: it is the answer for a case whose worker processes "
                "died, in that case's place ([Operating kooplan](betrieb.md))."
            )
            zeile = fehler_als_dict(VerarbeitungAbgebrochen(fall="JC-DOKU-F05"), 7)
            teile.append(_code(json.dumps(zeile, ensure_ascii=False)))
            continue
        beispiel = FEHLER_BEISPIELE[code]
        ergebnis = _ergebnis(beispiel)
        if ergebnis.get("fehler") != code:  # pragma: no cover - guarded by the tests
            raise AssertionError(f"the example of {code} gives {ergebnis}")
        teile.append(f"### `{code}`")
        teile.append(f"{_erster_absatz(klasse.__doc__)} Python: `kooplan.{klasse.__name__}`.")
        teile.append(_code(fall_json(beispiel)))
        teile.append(_code(json.dumps(ergebnis, ensure_ascii=False)))
    return "\n\n".join(teile)


BLOECKE: Final[Mapping[str, Callable[[], str]]] = {
    "beispiel": _block_beispiel,
    "fall": _block_fall,
    "ereignis_basis": _block_ereignis_basis,
    "ereignisse": _block_ereignisse,
    "plan": _block_plan,
    "eigenbemuehungen": _block_eigenbemuehungen,
    "entscheidung_beispiel": _block_entscheidung_beispiel,
    "entscheidung": _tabelle("entscheidung"),
    "grund": _tabelle("grund"),
    "hinweis": _tabelle("hinweis"),
    "rechtsfolge": _tabelle("rechtsfolge"),
    "baustein": _tabelle("baustein"),
    "fehler": _tabelle("fehler"),
    "fehlercodes": _block_fehlercodes,
    "verlauf": _tabelle("verlauf"),
    "schritt": _tabelle("schritt"),
}
"""The blocks of the page by name."""

_BLOCK: Final = re.compile(
    r"(<!-- generiert:(?P<name>[a-z_]+) -->\n)(?P<inhalt>.*?)(<!-- /generiert:(?P=name) -->)",
    re.S,
)


def bloecke_erneuern(seite: str) -> str:
    """The page with every generated block written anew.

    Raises:
        ValueError: the page names a block this module does not know, or lacks one it knows.
    """
    gesehen: list[str] = []

    def ersetze(m: re.Match[str]) -> str:
        name = m.group("name")
        if name not in BLOECKE:
            raise ValueError(f"unknown block {name!r}")
        gesehen.append(name)
        return f"{m.group(1)}{BLOECKE[name]()}\n{m.group(4)}"

    neu = _BLOCK.sub(ersetze, seite)
    fehlend = [n for n in BLOECKE if n not in gesehen]
    if fehlend:
        raise ValueError(f"the page lacks the blocks {', '.join(fehlend)}")
    return neu


def alle_beispiele() -> Iterable[dict[str, Any]]:
    """Every example case of the page: the main one, those of the event arts, those of the
    errors."""
    yield BEISPIEL
    for beispiele in ART_BEISPIELE.values():
        yield from beispiele
    yield from FEHLER_BEISPIELE.values()


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m kooplan.vertrag.doku PAGE [--schreiben]`: print (or write) the page with
    its generated blocks renewed."""
    parser = argparse.ArgumentParser(
        prog="python -m kooplan.vertrag.doku",
        description="Die generierten Teile der Vertragsseite (docs/vertrag.md) erneuern.",
    )
    parser.add_argument("seite", help="die Seite, z. B. docs/vertrag.md")
    parser.add_argument("--schreiben", action="store_true", help="die Seite überschreiben")
    args = parser.parse_args(argv)
    pfad = Path(args.seite)
    neu = bloecke_erneuern(pfad.read_text(encoding="utf-8"))
    if args.schreiben:
        pfad.write_text(neu, encoding="utf-8")
    else:
        sys.stdout.buffer.write(neu.encode("utf-8"))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
