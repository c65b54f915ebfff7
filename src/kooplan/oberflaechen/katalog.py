"""The rule catalogue and the coverage per provision, generated from the rule tables (never by hand).

`python -m kooplan.katalog > docs/regeln.md` writes the catalogue: every rule of every table
(transitions, mode rules, notes, Rechtsfolgen) with its id, norm, kind of source, the statute
sentences the norm cites (verbatim, from `kooplan.recht.normen`) and the test questions that cover
it. `python -m kooplan.katalog --abdeckung > docs/abdeckung.md` writes the coverage per
provision: for every Absatz cited anywhere in the tables the rules that encode it and how many
questions exercise them, and every Absatz of §§ 15, 15a, 31, 31a, 31b, 32 SGB II that no rule
cites, marked as a gap. Tests fail when a file in `docs/` no longer matches.

Coverage is read from the scenario files that ship with the package (`kooplan/szenarien/`,
the ones `kooplan pruefe` runs), or from a folder given as the first argument with the same
layout: its files `entscheidung/*.yaml` and `rechtsfolgen/*.yaml` (read with PyYAML, the
`pruefe` extra), and from the bundled examples of `kooplan.beispiele`. Each question is replayed. A question
**geprüft** (checks) a rule when its expectation names it: `regel`, `uebergaenge`,
`hinweise`, and the Rechtsfolgen rows behind the asserted `rechtsfolgen`; the decided rule of a
bundled example counts as checked. It **durchläuft** (runs through) a rule when the replay takes
it. Without scenario files (`--ohne-tests`) or PyYAML only the bundled examples count, and the
documents say so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from kooplan.motor.entscheidung import (
    HINWEIS_REGELN,
    REGELN,
    Entscheidung,
    PolicyWahl,
    Regel,
    entscheide,
)
from kooplan.motor.phasen import PHASEN_TEXT, UEBERGAENGE, Phase, Uebergang, Ziel, verlauf
from kooplan.motor.rechtsfolgen import SANKTIONSRECHT, Abs7, Rechtsfolge, Stufe
from kooplan.recht.begruendung import HINWEISE
from kooplan.recht.normen import (
    DATEIEN,
    KERN,
    TEXTE,
    Fundstelle,
    Stelle,
    ZitatFehler,
    fassungen_weichen_ab,
    stellen,
    zerlege,
)
from kooplan.recht.policy import STANDARD, Policy
from kooplan.recht.rechtsstaende import RECHTSSTAENDE, Regime
from kooplan.werte.fehler import KooplanError

__all__ = [
    "TABELLEN",
    "Abdeckung",
    "Eintrag",
    "Frage",
    "abdeckung",
    "abdeckungsbericht",
    "eintraege",
    "katalog",
    "main",
    "regeln_ohne_norm",
]

TABELLEN: Final[Mapping[str, str]] = {
    "uebergang": "Transitions",
    "regel": "Mode rules",
    "hinweis": "Notes",
    "rechtsfolge": "Rechtsfolgen",
}
"""The rule tables, by the key used in `Eintrag.tabelle`, with their titles."""

_TABELLEN_DEUTSCH: Final[Mapping[str, str]] = {
    "uebergang": "Übergänge",
    "regel": "Entscheidungsregeln",
    "hinweis": "Hinweise",
    "rechtsfolge": "Rechtsfolgen",
}
"""The same tables as the command line's German messages name them."""

Testordner = str | os.PathLike[str] | Literal[False] | None


# -- the rules -------------------------------------------------------------------------------------


@attrs.frozen
class Eintrag:
    """One rule of one table, as the catalogue shows it."""

    tabelle: str
    id: str
    normen: tuple[tuple[str, str | None], ...]
    """The norm as cited, by regime where the regimes a row covers cite differently: `(("",
    norm),)` or `(("B", norm under B), ("C", norm under C))`; a norm may be None (none given)."""
    quelle: str
    text: str

    @property
    def schluessel(self) -> tuple[str, str]:
        return (self.tabelle, self.id)

    @property
    def zitate(self) -> tuple[str, ...]:
        """The distinct norms cited (without None)."""
        return tuple(dict.fromkeys(n for _, n in self.normen if n))

    @property
    def ohne_norm(self) -> bool:
        return not self.zitate

    def fundstellen(self) -> tuple[Fundstelle, ...]:
        """The parts of every norm cited (raises `ZitatFehler` for an unreadable one)."""
        return tuple(dict.fromkeys(f for n in self.zitate for f in zerlege(n)))

    def ohne_text(self) -> tuple[str, ...]:
        """Cited parts kooplan holds no statute text for (or unreadable citations)."""
        out: list[str] = []
        for n in self.zitate:
            try:
                out += [str(f) for f in zerlege(n) if not stellen(f)]
            except ZitatFehler:
                out.append(f"unlesbar: {n}")
        return tuple(out)


def _normen(
    normen: Mapping[Regime, str], regime: Iterable[Regime] = tuple(Regime)
) -> tuple[tuple[str, str | None], ...]:
    """One norm where every regime the row covers cites the same, else the norm by regime."""
    je = [(r.value, normen.get(r)) for r in Regime if r in set(regime)]
    return (("", je[0][1]),) if len({n for _, n in je}) == 1 else tuple(je)


def _monate(n: int) -> str:
    return "einen Monat" if n == 1 else f"{n} Monate"


@attrs.frozen
class _RfZeile:
    eintrag: Eintrag
    rechtsstand: str
    stufe: Stufe | None  # None: § 31a Abs. 7


def _rf_zeilen() -> tuple[_RfZeile, ...]:
    out: list[_RfZeile] = []
    for rs, recht in SANKTIONSRECHT.items():
        mehrere = len(recht.pflichtverletzung) > 1
        for i, s in enumerate(recht.pflichtverletzung, start=1):
            rid = f"rechtsfolgen.{rs}.pflichtverletzung" + (f".{i}" if mehrere else "")
            was = f"§ 31 Pflichtverletzung{f', Stufe {i}' if mehrere else ''}"
            text = f"{was}: {s.prozent} % des Regelbedarfs für {_monate(s.monate)}."
            out.append(
                _RfZeile(Eintrag("rechtsfolge", rid, (("", s.norm),), "gesetz", text), rs, s)
            )
        m = recht.meldeversaeumnis
        wann = "ab dem wiederholten Meldeversäumnis" if recht.erstes_meldeversaeumnis_frei else ""
        text = f"§ 32 Meldeversäumnis: {m.prozent} % des Regelbedarfs für {_monate(m.monate)}"
        text += f" {wann}." if wann else "."
        e = Eintrag(
            "rechtsfolge", f"rechtsfolgen.{rs}.meldeversaeumnis", (("", m.norm),), "gesetz", text
        )
        out.append(_RfZeile(e, rs, m))
        if recht.abs7 is not Abs7.KEINE:
            vor = (
                "nach einer Vorminderung"
                if recht.abs7 is Abs7.MIT_VORMINDERUNG
                else "ohne Vorminderung"
            )
            text = f"§ 31a Abs. 7: Entfall des Regelbedarfs bei Arbeitsverweigerung ({vor})."
            e = Eintrag(
                "rechtsfolge", f"rechtsfolgen.{rs}.abs7", (("", recht.abs7_norm),), "gesetz", text
            )
            out.append(_RfZeile(e, rs, None))
    return tuple(out)


_RF_ZEILEN: Final = _rf_zeilen()


def eintraege() -> tuple[Eintrag, ...]:
    """Every rule of every table, in table order: transitions, mode rules, notes, Rechtsfolgen."""
    out = [
        Eintrag("uebergang", u.id, _normen(u.normen), u.quelle.value, u.text) for u in UEBERGAENGE
    ]
    out += [
        Eintrag("regel", r.id, _normen(r.normen, r.regime), r.quelle.value, r.text) for r in REGELN
    ]
    out += [
        Eintrag("hinweis", h.code, (("", h.norm),), h.quelle.value, h.text)
        for h in HINWEISE.values()
    ]
    out += [z.eintrag for z in _RF_ZEILEN]
    return tuple(out)


def regeln_ohne_norm() -> tuple[Eintrag, ...]:
    """The rules of every table that name no norm at all (none may: `main` fails on them)."""
    return tuple(e for e in eintraege() if e.ohne_norm)


def _rf_ids(rf: Rechtsfolge) -> set[str]:
    """The Rechtsfolgen rows a consequence (without its steps and alternatives) comes from."""
    ids = {
        z.eintrag.id
        for z in _RF_ZEILEN
        if z.rechtsstand == rf.rechtsstand
        and z.stufe is not None
        and (z.stufe.prozent, z.stufe.monate, z.stufe.norm)
        == (rf.minderung_prozent, rf.monate, rf.norm)
    }
    if rf.entzug_regelbedarf:
        ids |= {
            z.eintrag.id for z in _RF_ZEILEN if z.rechtsstand == rf.rechtsstand and z.stufe is None
        }
    return ids


def _rf_alle(rf: Rechtsfolge) -> set[str]:
    ids = _rf_ids(rf)
    for weitere in (*rf.folgestufen, *rf.alternativen):
        ids |= _rf_alle(weitere)
    return ids


_RF_WERTE: Final = ("prozent", "minderung_prozent", "monate", "norm")


def _rf_geprueft(rf: Rechtsfolge, soll: Mapping[str, Any]) -> set[str]:
    """The rows behind what a question asserts of a consequence (its rate, months or norm; an
    Entzug des Regelbedarfs; each asserted step and alternative)."""
    ids: set[str] = set()
    if any(k in soll for k in _RF_WERTE):
        ids |= {i for i in _rf_ids(rf) if not i.endswith(".abs7")}
    if soll.get("entzug_regelbedarf") is True:
        ids |= {i for i in _rf_ids(rf) if i.endswith(".abs7")}
    for key in ("folgestufen", "alternativen"):
        liste = soll.get(key)
        if isinstance(liste, list):
            for ist, s in zip(getattr(rf, key), liste, strict=False):
                if isinstance(s, Mapping):
                    ids |= _rf_geprueft(ist, s)
    return ids


# -- coverage --------------------------------------------------------------------------------------


@attrs.frozen
class Frage:
    """One test question: its file (`szenarien/regime_b`, `beispiele`), scenario, title."""

    datei: str
    szenario: str
    titel: str
    nr: int

    @property
    def szenario_schluessel(self) -> tuple[str, str]:
        return (self.datei, self.szenario)


@attrs.frozen
class Abdeckung:
    """Which questions check (`geprueft`) and run through (`durchlaufen`) each rule, by
    `Eintrag.schluessel`."""

    quellen: tuple[str, ...]
    """Where the questions come from, one line each (no paths: the text is the same anywhere)."""
    fragen: tuple[Frage, ...]
    geprueft: Mapping[tuple[str, str], tuple[Frage, ...]]
    durchlaufen: Mapping[tuple[str, str], tuple[Frage, ...]]

    @property
    def vollstaendig(self) -> bool:
        """The scenario files were read (not only the bundled examples)."""
        return any(f.datei != "beispiele" for f in self.fragen)


def _iso(wert: Any) -> Any:
    """YAML dates as the contract's ISO strings, recursively."""
    if isinstance(wert, dt.date):
        return wert.isoformat()
    if isinstance(wert, dict):
        return {k: _iso(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_iso(v) for v in wert]
    return wert


def _tag(wert: Any) -> dt.date | None:
    if isinstance(wert, dt.date):
        return wert
    try:
        return dt.date.fromisoformat(wert) if isinstance(wert, str) else None
    except ValueError:
        return None


_FALL_SCHLUESSEL: Final = ("geburtsdatum", "regelbedarfsstufe", "land", "bewilligungszeitraum_ende")


def _nachspielen(
    fall_obj: Mapping[str, Any], frage: Mapping[str, Any]
) -> tuple[Entscheidung | None, set[str]]:
    """Decide a question as its test does; the decision (None on an error) and the transitions
    the fold takes."""
    from kooplan.vertrag import fall_aus_objekt

    stichtag = _tag(frage.get("stichtag"))
    if stichtag is None:
        return None, set()
    try:
        fall = fall_aus_objekt(dict(fall_obj))
        p = frage.get("policy")
        policy = STANDARD if p is None else Policy.aus_mapping(p)
        e = entscheide(
            fall, str(frage.get("anliegen")), stichtag, _tag(frage.get("faellig")), policy
        )
        return e, {s.regel.id for s in verlauf(fall, stichtag)}
    except KooplanError:
        return None, set()


def _belege(
    e: Entscheidung | None, schritte: set[str], soll: Mapping[str, Any], beispiel: bool
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    geprueft: set[tuple[str, str]] = set()
    durchlaufen: set[tuple[str, str]] = {("uebergang", u) for u in schritte}
    if e is not None:
        durchlaufen.add(("regel", e.regel))
        durchlaufen |= {("hinweis", h.code) for h in e.hinweise}
        if e.rechtsfolgen is not None:
            durchlaufen |= {("rechtsfolge", i) for i in _rf_alle(e.rechtsfolgen)}
        if beispiel:
            geprueft.add(("regel", e.regel))
    if isinstance(soll.get("regel"), str):
        geprueft.add(("regel", soll["regel"]))
    geprueft |= {("uebergang", str(u)) for u in soll.get("uebergaenge") or []}
    geprueft |= {("hinweis", str(c)) for c in soll.get("hinweise") or []}
    rf_soll = soll.get("rechtsfolgen")
    if e is not None and e.rechtsfolgen is not None and isinstance(rf_soll, Mapping):
        geprueft |= {("rechtsfolge", i) for i in _rf_geprueft(e.rechtsfolgen, rf_soll)}
    return geprueft, durchlaufen


def _yaml_fragen(
    ordner: Traversable, unterordner: str, yaml: Any
) -> Iterator[tuple[Frage, Mapping[str, Any], Mapping[str, Any]]]:
    unter = ordner.joinpath(unterordner)
    if not unter.is_dir():
        return
    for pfad in sorted(unter.iterdir(), key=lambda p: p.name):
        if pfad.name.startswith("_") or not pfad.name.endswith(".yaml"):
            continue
        stamm = pfad.name.removesuffix(".yaml")
        daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
        for nr, sz in enumerate(daten if isinstance(daten, list) else [], start=1):
            if not isinstance(sz, dict):
                continue
            fall_obj: dict[str, Any] = {
                "schema": "kooplan/fall/1",
                "fall": f"KAT-{stamm}-{nr:02d}",
            }
            fall_obj |= {k: _iso(sz[k]) for k in _FALL_SCHLUESSEL if k in sz}
            fall_obj["ereignisse"] = _iso(sz.get("ereignisse") or [])
            for j, fr in enumerate(sz.get("fragen") or [], start=1):
                if isinstance(fr, dict):
                    titel = str(sz.get("titel", ""))
                    yield Frage(f"{unterordner}/{stamm}", str(nr), titel, j), fall_obj, fr


def _beispiel_fragen() -> Iterator[tuple[Frage, Mapping[str, Any], Mapping[str, Any]]]:
    from kooplan.beispiele import beispiele

    for b in beispiele():
        for j, anliegen in enumerate(b.anliegen, start=1):
            frage: dict[str, Any] = {
                "anliegen": anliegen,
                "stichtag": b.stichtag,
                "faellig": b.faellig,
                "erwartet": b.erwartet,
            }
            yield Frage("beispiele", b.nr, b.titel, j), b.fall, frage


#: The folder of the bundled scenario files (the `ordner` of `_abdeckung` for them).
_MITGELIEFERT: Final = ""


def abdeckung(tests: Testordner = None) -> Abdeckung:
    """Replay every question of the scenario files and of the bundled examples (see the module).

    `tests`: a folder with `entscheidung/` and `rechtsfolgen/` (default: the scenario files
    that ship with the package; `False`: none, only the bundled examples). The files are read
    and replayed on every call (about half a second), so a changed file is seen at once.
    """
    if tests is False:
        return _abdeckung(None)
    if tests is None:
        return _abdeckung(_MITGELIEFERT)
    return _abdeckung(str(Path(tests).resolve()))


def _abdeckung(ordner_text: str | None) -> Abdeckung:
    quellen: list[str] = []
    fragen: list[tuple[Frage, Mapping[str, Any], Mapping[str, Any], bool]] = []
    ordner: Traversable | None = None
    if ordner_text == _MITGELIEFERT:
        ordner = resources.files("kooplan").joinpath("szenarien")
    elif ordner_text is not None:
        ordner = Path(ordner_text)
    if ordner is None or not ordner.is_dir():
        quellen.append("no scenario files read")
    else:
        try:
            import yaml
        except ImportError:  # pragma: no cover - PyYAML is a test dependency
            quellen.append("PyYAML missing: scenario files not read")
        else:
            for unter in ("entscheidung", "rechtsfolgen"):
                neu = [(f, o, fr, False) for f, o, fr in _yaml_fragen(ordner, unter, yaml)]
                dateien = len({f.datei for f, *_ in neu})
                ort = f"kooplan/szenarien/{unter}" if ordner_text == _MITGELIEFERT else unter
                quellen.append(f"`{ort}/*.yaml`: {dateien} files, {len(neu)} questions")
                fragen += neu
    neu = [(f, o, fr, True) for f, o, fr in _beispiel_fragen()]
    quellen.append(
        f"`kooplan.beispiele`: {len({f.szenario for f, *_ in neu})} examples, {len(neu)} questions"
    )
    fragen += neu

    geprueft: dict[tuple[str, str], list[Frage]] = defaultdict(list)
    durchlaufen: dict[tuple[str, str], list[Frage]] = defaultdict(list)
    for frage, fall_obj, fr, beispiel in fragen:
        e, schritte = _nachspielen(fall_obj, fr)
        soll = fr.get("erwartet")
        g, d = _belege(e, schritte, soll if isinstance(soll, Mapping) else {}, beispiel)
        for k in g:
            geprueft[k].append(frage)
        for k in d:
            durchlaufen[k].append(frage)
    return Abdeckung(
        tuple(quellen),
        tuple(f for f, *_ in fragen),
        {k: tuple(v) for k, v in geprueft.items()},
        {k: tuple(v) for k, v in durchlaufen.items()},
    )


# -- Markdown helpers ------------------------------------------------------------------------------


def _zelle(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _tabelle(kopf: Sequence[str], zeilen: Iterable[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(kopf) + " |", "|" + "---|" * len(kopf)]
    out += ["| " + " | ".join(_zelle(z) for z in zeile) + " |" for zeile in zeilen]
    return out


def _phasen(phasen: frozenset[Phase]) -> str:
    if phasen == frozenset(Phase):
        return "every phase"
    if phasen == frozenset(Phase) - {Phase.BEENDET}:
        return "every phase but `beendet`"
    return ", ".join(f"`{p.value}`" for p in Phase if p in phasen)


def _ziel(row: Uebergang) -> str:
    if isinstance(row.nach, Phase):
        return f"`{row.nach.value}`"
    return (
        "unchanged"
        if row.nach is Ziel.UNVERAENDERT
        else "`kooperation` once nothing is outstanding"
    )


def _modus(r: Regel) -> str:
    if isinstance(r.modus, PolicyWahl):
        return " / ".join(f"`{m.value}` ({k.value})" for k, m in r.modus.werte.items()) + (
            f" by the policy `{r.modus.schluessel}`"
        )
    return f"`{r.modus.value}`"


def _norm_text(e: Eintrag) -> str:
    if e.ohne_norm:
        return "**no norm**"
    if len(e.normen) == 1:
        return str(e.normen[0][1])
    return "; ".join(f"{label}: {n or '–'}" for label, n in e.normen)


def _kurz(text: str, laenge: int = 60) -> str:
    return text if len(text) <= laenge else text[: laenge - 1].rstrip() + "…"


def _anzahl(ab: Abdeckung, schluessel: tuple[str, str], art: str) -> str:
    fragen = (ab.geprueft if art == "g" else ab.durchlaufen).get(schluessel, ())
    if not fragen and art == "g":
        return "**0**"
    return str(len(fragen))


def _szenarien(fragen: Sequence[Frage], hoechstens: int = 3) -> str:
    """The scenarios of some questions, abbreviated: file, number, title."""
    erste: dict[tuple[str, str], Frage] = {}
    for f in fragen:
        erste.setdefault(f.szenario_schluessel, f)
    teile = [
        f"{f.datei} #{f.szenario} „{_kurz(f.titel, 50)}“" for f in list(erste.values())[:hoechstens]
    ]
    rest = len(erste) - hoechstens
    if rest > 0:
        teile.append(f"and {rest} more")
    return "; ".join(teile)


def _datei(s: Stelle) -> str:
    text = f"`{s.datei}`"
    if s.auch_in:
        text += "; same words in " + ", ".join(
            d.removeprefix("SGB_II_").removesuffix(".md") for d in s.auch_in
        )
    return text


def _zitat(f: Fundstelle, vorsatz: str = "") -> list[str]:
    gefunden = stellen(f)
    if not gefunden:
        return [f"- {vorsatz}**{f}**: *no statute text in `kooplan/gesetzestexte`*"]
    if len(gefunden) == 1:
        s = gefunden[0]
        return [f"- {vorsatz}**{f}** ({_datei(s)}): „{s.text}“"]
    kopf = f"- {vorsatz}**{f}**"
    if fassungen_weichen_ab(f):
        kopf += " (the a.F. and the n.F. differ in their words; the citation names no Fassung)"
    out = [kopf]
    out += [f"  - {s.ort} ({_datei(s)}): „{s.text}“" for s in gefunden]
    return out


# -- the catalogue ---------------------------------------------------------------------------------


def _uebersicht(alle: Sequence[Eintrag], ab: Abdeckung) -> list[str]:
    ohne_norm = [e for e in alle if e.ohne_norm]
    ohne_text = [e for e in alle if not e.ohne_norm and e.ohne_text()]
    ohne_test = [e for e in alle if not ab.geprueft.get(e.schluessel)]
    nie = [e for e in alle if not ab.durchlaufen.get(e.schluessel)]
    z = [
        "## Overview",
        "",
        "Coverage read from: " + "; ".join(ab.quellen) + ".",
        "",
    ]
    z += _tabelle(
        (
            "table",
            "rules",
            "without norm",
            "without statute text",
            "without a checking question",
            "never run through",
        ),
        (
            (
                titel,
                sum(1 for e in alle if e.tabelle == t),
                sum(1 for e in ohne_norm if e.tabelle == t),
                sum(1 for e in ohne_text if e.tabelle == t),
                sum(1 for e in ohne_test if e.tabelle == t),
                sum(1 for e in nie if e.tabelle == t),
            )
            for t, titel in TABELLEN.items()
        ),
    )
    z.append("")
    for titel, liste, wie in (
        ("Rules without a norm", ohne_norm, None),
        ("Rules whose norm kooplan does not hold in its words", ohne_text, "text"),
        ("Rules without a checking question", ohne_test, None),
    ):
        if not liste:
            z += [f"- {titel}: none", ""]
            continue
        z.append(f"- {titel} ({len(liste)}):")
        for e in liste:
            extra = f" ({', '.join(e.ohne_text())})" if wie == "text" else ""
            z.append(f"  - {TABELLEN[e.tabelle]}: `{e.id}`{extra}")
        z.append("")
    return z


def _fragen_text(n: int) -> str:
    return "1 question" if n == 1 else f"{n} questions"


def _einzeln(e: Eintrag, ab: Abdeckung) -> list[str]:
    g = ab.geprueft.get(e.schluessel, ())
    d = ab.durchlaufen.get(e.schluessel, ())
    z = [
        f"#### `{e.id}`",
        "",
        f"Norm: {_norm_text(e)} · Quelle: {e.quelle} · checked by {_fragen_text(len(g))}, "
        f"run through by {_fragen_text(len(d))}",
        "",
        f"> {e.text}",
        "",
    ]
    if e.ohne_norm:
        z.append("- **The rule names no norm.**")
    schon: set[Fundstelle] = set()
    for label, norm in e.normen:
        if norm is None:
            continue
        vorsatz = f"{label}: " if label else ""
        try:
            teile = zerlege(norm)
        except ZitatFehler as err:
            z.append(f"- {vorsatz}**citation unreadable**: {err}")
            continue
        for f in teile:
            if f in schon:
                z.append(f"- {vorsatz}**{f}**: as above")
            else:
                z += _zitat(f, vorsatz)
            schon.add(f)
    z.append(f"- Checked by: {_szenarien(g) if g else '**no question**'}")
    z.append("")
    return z


def katalog(tests: Testordner = None) -> str:
    """The whole catalogue as Markdown text (`docs/regeln.md`).

    `tests`: the folder of scenario files the coverage is read from (default: those that ship
    with the package; `False`: none, only the bundled examples).
    """
    ab = abdeckung(tests)
    alle = eintraege()
    z: list[str] = [
        "# Rule catalogue",
        "",
        "Generated from the rule tables by `python -m kooplan.katalog`; do not edit by hand.",
        "Every rule names its norm and the kind of source: **gesetz** (statute, fixed),",
        "**weisung** (guidance or practice, a policy default), **offen** (an open legal question,",
        "decided by a documented default and flagged in the result). Each rule below quotes the",
        "statute sentences its norm cites and names the test questions that cover it;",
        "[coverage by provision](abdeckung.md) shows the coverage per provision, gaps included;",
        "[the domain rules](fachliches.md) explain the tables in words. The rules' texts, the",
        "phases' meanings and the conditions are kooplan's German sentences, as in its output.",
        "",
        "**checked**: questions whose expectation names the rule (scenario `regel`, `uebergaenge`,",
        "`hinweise`, the Rechtsfolgen rows behind an asserted `rechtsfolgen`; the decided rule of a",
        "bundled example). **run through**: questions whose replay takes the rule.",
        "",
    ]
    z += _uebersicht(alle, ab)
    z += ["## Rechtsstände", ""]
    z += _tabelle(
        ("id", "from", "to", "regime", "name", "source", "verified"),
        (
            (
                f"`{r.id}`",
                r.von.isoformat(),
                r.bis.isoformat() if r.bis else "–",
                r.regime.value,
                r.name,
                r.quelle,
                "yes" if r.verifiziert else "**no**",
            )
            for r in RECHTSSTAENDE
        ),
    )
    z += ["", "## Phases", ""]
    z += _tabelle(("phase", "meaning"), ((f"`{p.value}`", PHASEN_TEXT[p]) for p in Phase))
    z += [
        "",
        "## Transitions",
        "",
        "Rows are tried in this order for a phase and a trigger; the first whose condition holds",
        "applies. A pair of phase and event not listed is an `unzulaessiger_uebergang`.",
        "Triggers starting with `zeit:` are time-driven (no event needed).",
        "",
    ]
    z += _tabelle(
        (
            "rule",
            "from",
            "trigger",
            "condition",
            "to",
            "norm",
            "source",
            "notes",
            "checked",
            "run through",
        ),
        (
            (
                f"`{r.id}`",
                _phasen(r.von),
                ", ".join(f"`{a}`" for a in r.ausloeser),
                r.bedingung.value if r.bedingung else "–",
                _ziel(r),
                _norm_text(Eintrag("uebergang", r.id, _normen(r.normen), "", "")),
                r.quelle.value,
                ", ".join(f"`{h}`" for h in r.hinweise) or "–",
                _anzahl(ab, ("uebergang", r.id), "g"),
                _anzahl(ab, ("uebergang", r.id), "d"),
            )
            for r in UEBERGAENGE
        ),
    )
    z += [
        "",
        "## Mode rules",
        "",
        "Tried in this order; the first that matches decides the mode and gives the first reason.",
        "",
    ]
    z += _tabelle(
        (
            "rule",
            "regime",
            "phases",
            "Anliegen",
            "condition",
            "mode",
            "norm",
            "source",
            "checked",
            "run through",
        ),
        (
            (
                f"`{r.id}`",
                "/".join(g.value for g in Regime if g in r.regime),
                _phasen(r.phasen),
                ", ".join(f"`{a.value}`" for a in sorted(r.anliegen, key=lambda a: a.value)),
                r.lage.value if r.lage else "–",
                _modus(r),
                _norm_text(Eintrag("regel", r.id, _normen(r.normen, r.regime), "", "")),
                r.quelle.value,
                _anzahl(ab, ("regel", r.id), "g"),
                _anzahl(ab, ("regel", r.id), "d"),
            )
            for r in REGELN
        ),
    )
    z += [
        "",
        "## Rechtsfolgen",
        "",
        "What an RFB announces, by the Rechtsstand of the day the violation would happen",
        "(`faellig`). § 31: Pflichtverletzung (Maßnahme, Vermittlungsvorschlag, Eigenbemühungen);",
        "§ 32: Meldeversäumnis (Einladung).",
        "",
    ]
    z += _tabelle(
        (
            "Rechtsstand",
            "§ 31 steps",
            "§ 32",
            "first miss free",
            "§ 7b Abs. 4",
            "§ 31a Abs. 7",
            "benefit",
        ),
        (
            (
                f"`{r.rechtsstand}`",
                "; ".join(
                    f"{s.prozent} % / {s.monate} mo. ({s.norm})" for s in r.pflichtverletzung
                ),
                f"{r.meldeversaeumnis.prozent} % / {r.meldeversaeumnis.monate} mo. "
                f"({r.meldeversaeumnis.norm})",
                "yes" if r.erstes_meldeversaeumnis_frei else "no",
                "yes" if r.nichterreichbarkeit else "no",
                f"{r.abs7.value}" + (f" ({r.abs7_norm})" if r.abs7_norm else ""),
                r.leistung,
            )
            for r in SANKTIONSRECHT.values()
        ),
    )
    z += [
        "",
        "One rule per step, per Meldeversäumnis and per § 31a Abs. 7 of each Rechtsstand:",
        "",
    ]
    z += _tabelle(
        ("rule", "norm", "content", "checked", "run through"),
        (
            (
                f"`{z_.eintrag.id}`",
                _norm_text(z_.eintrag),
                z_.eintrag.text,
                _anzahl(ab, z_.eintrag.schluessel, "g"),
                _anzahl(ab, z_.eintrag.schluessel, "d"),
            )
            for z_ in _RF_ZEILEN
        ),
    )
    z += [
        "",
        "## Notes (Hinweise)",
        "",
        "Notes added to a decision. Those raised by a transition last while the phase lasts;",
        "notes on the Bürgergeld law end on 30.6.2026.",
        "",
    ]
    bedingt = {h.code: "; ".join(lage.value for lage in h.lagen) for h in HINWEIS_REGELN}
    z += _tabelle(
        ("code", "source", "norm", "until", "condition", "checked", "run through", "text"),
        (
            (
                f"`{h.code}`",
                h.quelle.value,
                h.norm or "**no norm**",
                h.gilt_bis.isoformat() if h.gilt_bis else "–",
                bedingt.get(h.code) or "–",
                _anzahl(ab, ("hinweis", h.code), "g"),
                _anzahl(ab, ("hinweis", h.code), "d"),
                h.text,
            )
            for h in HINWEISE.values()
        ),
    )
    z += [
        "",
        "## Every rule",
        "",
        "Per rule: its norm, the kind of source, the rule's sentence, the statute sentences the",
        "norm cites (verbatim from the statute texts bundled in `kooplan/gesetzestexte`, with the",
        "file; *same words in* names the other versions with the same words at the same place)",
        "and the scenarios of",
        "the questions that check it (abbreviated).",
        "",
    ]
    for t, titel in TABELLEN.items():
        z += [f"### {titel}", ""]
        for e in alle:
            if e.tabelle == t:
                z += _einzeln(e, ab)
    while z[-1] == "":
        z.pop()
    return "\n".join(z) + "\n"


# -- coverage per provision ------------------------------------------------------------------------


def _absatz_schluessel(s: Stelle) -> tuple[str, str, str | None]:
    return (s.datei, s.paragraph, s.absatz)


def _ordnung(wert: str | None) -> tuple[int, str]:
    if wert is None:
        return (0, "")
    ziffern = "".join(c for c in wert if c.isdigit())
    return (int(ziffern or 0), wert)


def _satzliste(stellen_: Sequence[Stelle], zitiert: set[Stelle]) -> tuple[list[str], list[str]]:
    """The cited and the uncited parts of an Absatz: whole sentences, else their items."""
    ja: list[str] = []
    nein: list[str] = []
    saetze: dict[int | None, list[Stelle]] = {}
    for s in stellen_:
        saetze.setdefault(s.satz, []).append(s)
    for satz, teile in saetze.items():
        name = f"Satz {satz}" if satz is not None else "whole"
        drin = [s for s in teile if s in zitiert]
        if len(drin) == len(teile):
            ja.append(name)
        elif not drin:
            nein.append(name)
        else:
            nummern = [s for s in teile if s.nummer is not None]
            ja.append(f"{name} Nr. " + ", ".join(str(s.nummer) for s in nummern if s in zitiert))
            nein.append(
                f"{name} Nr. " + ", ".join(str(s.nummer) for s in nummern if s not in zitiert)
            )
    return ja, nein


def abdeckungsbericht(tests: Testordner = None) -> str:
    """The coverage per provision as Markdown text (`docs/abdeckung.md`)."""
    ab = abdeckung(tests)
    alle = eintraege()
    # which rules cite each sentence; cited parts without text
    regeln_von: dict[Stelle, list[Eintrag]] = defaultdict(list)
    ohne_text: dict[str, list[Eintrag]] = defaultdict(list)
    for e in alle:
        for n in e.zitate:
            try:
                fundstellen = zerlege(n)
            except ZitatFehler:
                ohne_text[f"unlesbar: {n}"].append(e)
                continue
            for f in fundstellen:
                gefunden = stellen(f, gleichlautende=True)
                if not gefunden:
                    ohne_text[str(f)].append(e)
                for s in gefunden:
                    if e not in regeln_von[s]:
                        regeln_von[s].append(e)

    absaetze: dict[tuple[str, str, str | None], list[Stelle]] = {}
    for s in TEXTE:
        absaetze.setdefault(_absatz_schluessel(s), []).append(s)

    def fragen(regeln: Iterable[Eintrag], art: str) -> int:
        quelle = ab.geprueft if art == "g" else ab.durchlaufen
        return len({f for e in regeln for f in quelle.get(e.schluessel, ())})

    zeilen: dict[str, list[list[str]]] = defaultdict(list)
    luecken = zitiert_n = ohne_test_n = 0
    for (datei, paragraph, absatz), teile in sorted(
        absaetze.items(),
        key=lambda kv: (list(DATEIEN).index(kv[0][0]), _ordnung(kv[0][1]), _ordnung(kv[0][2])),
    ):
        regeln = list(dict.fromkeys(e for s in teile for e in regeln_von.get(s, ())))
        zitiert = {s for s in teile if s in regeln_von}
        ja, nein = _satzliste(teile, zitiert)
        g, d = fragen(regeln, "g"), fragen(regeln, "d")
        if not regeln:
            status = "**gap**"
            luecken += 1
        elif not g:
            status = "**no checking question**"
            zitiert_n += 1
            ohne_test_n += 1
        else:
            status = "partly cited" if nein else "covered"
            zitiert_n += 1
        ort = f"§ {paragraph}" + (f" Abs. {absatz}" if absatz is not None else "")
        zeilen[datei].append(
            [
                ort,
                ", ".join(ja) or "–",
                ", ".join(nein) or "–",
                ", ".join(f"`{e.id}`" for e in regeln) or "–",
                str(g) if regeln else "–",
                str(d) if regeln else "–",
                status,
            ]
        )

    z = [
        "# Coverage by provision",
        "",
        "Generated from the rule tables and the tests by `python -m kooplan.katalog --abdeckung`;",
        "do not edit by hand. For every Absatz kooplan holds the statute text of (those the",
        "tables cite, and §§ " + ", ".join(KERN) + " SGB II completely in the a.F. and the n.F.):",
        "which of its sentences the rule tables cite, the rules that cite it, and how many test",
        "questions check (**checked**) or run through (**run through**) those rules",
        "(see the [rule catalogue](regeln.md)). An Absatz no rule cites is a **gap**; one whose rules no",
        "question checks is marked too. A citation without Fassung counts for the a.F. and the n.F.",
        "",
        "Coverage read from: " + "; ".join(ab.quellen) + ".",
        "",
        "## Overview",
        "",
        f"- Absätze: {zitiert_n + luecken}; cited by rules: {zitiert_n}, of them without a "
        f"checking question: {ohne_test_n}; **gaps** (cited by no rule): {luecken}.",
    ]
    ohne_norm = [e for e in alle if e.ohne_norm]
    z.append(
        f"- Rules without a norm ({len(ohne_norm)}): "
        + (", ".join(f"`{e.id}`" for e in ohne_norm) if ohne_norm else "none")
        + "."
    )
    z.append(
        f"- Cited, but without statute text in `kooplan/gesetzestexte` ({len(ohne_text)}): "
        + (
            "; ".join(
                f"{f} ({', '.join(f'`{e.id}`' for e in es)})" for f, es in sorted(ohne_text.items())
            )
            if ohne_text
            else "none"
        )
        + "."
    )
    ohne_test = [e for e in alle if not ab.geprueft.get(e.schluessel)]
    z.append(
        f"- Rules without a checking question ({len(ohne_test)}): "
        + (", ".join(f"`{e.id}`" for e in ohne_test) if ohne_test else "none")
        + "."
    )
    for datei, reihen in zeilen.items():
        info = DATEIEN[datei]
        titel = info.titel + (f", cited as {info.fassung}" if info.fassung else "")
        z += ["", f"## {titel}", "", f"`{datei}`", ""]
        z += _tabelle(
            (
                "provision",
                "cited",
                "not cited",
                "rules",
                "checked",
                "run through",
                "status",
            ),
            reihen,
        )
    return "\n".join(z) + "\n"


# -- command line ----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m kooplan.katalog [TESTS] [--abdeckung]`: print the catalogue or the coverage.

    Exit status 1, with a message on standard error naming each rule and nothing on standard
    output, when a rule of the tables names no norm (every rule must; the docs are generated by
    this command, so their build fails too).
    """
    parser = argparse.ArgumentParser(
        prog="python -m kooplan.katalog",
        description="Regelkatalog (docs/regeln.md) oder Abdeckung (docs/abdeckung.md) ausgeben.",
    )
    parser.add_argument(
        "tests",
        nargs="?",
        metavar="SZENARIEN",
        help="Ordner mit entscheidung/ und rechtsfolgen/ (Standard: die mitgelieferten Szenarien)",
    )
    parser.add_argument(
        "--abdeckung", action="store_true", help="die Abdeckung nach Vorschriften ausgeben"
    )
    parser.add_argument(
        "--ohne-tests", action="store_true", help="keine Szenariodateien lesen, nur die Beispiele"
    )
    args = parser.parse_args(argv)
    tests: Testordner = False if args.ohne_tests else args.tests
    if tests and not Path(tests).is_dir():
        parser.error(f"kein Ordner: {tests}")
    ohne = regeln_ohne_norm()
    if ohne:
        print(
            f"python -m kooplan.katalog: {len(ohne)} Regel(n) ohne Norm; jede Regel muss die "
            "Norm nennen, auf der sie beruht:",
            file=sys.stderr,
        )
        for e in ohne:
            print(f"  - {_TABELLEN_DEUTSCH[e.tabelle]}: {e.id}", file=sys.stderr)
        return 1
    text = abdeckungsbericht(tests) if args.abdeckung else katalog(tests)
    puffer = getattr(sys.stdout, "buffer", None)
    if puffer is not None:
        sys.stdout.flush()
        puffer.write(text.encode("utf-8"))
        puffer.flush()
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
