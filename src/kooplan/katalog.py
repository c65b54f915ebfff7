"""The rule catalogue as Markdown, generated from the rule tables (never written by hand).

``python -m kooplan.katalog > docs/regeln.md`` writes it; a test fails when the file in
``docs/`` no longer matches the tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kooplan.begruendung import HINWEISE
from kooplan.entscheidung import HINWEIS_REGELN, REGELN, PolicyWahl, Regel
from kooplan.phasen import PHASEN_TEXT, UEBERGAENGE, Phase, Uebergang, Ziel
from kooplan.recht import RECHTSSTAENDE, Regime
from kooplan.rechtsfolgen import SANKTIONSRECHT

__all__ = ["katalog"]


def _zelle(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _tabelle(kopf: Sequence[str], zeilen: Iterable[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(kopf) + " |", "|" + "---|" * len(kopf)]
    out += ["| " + " | ".join(_zelle(z) for z in zeile) + " |" for zeile in zeilen]
    return out


def _phasen(phasen: frozenset[Phase]) -> str:
    if phasen == frozenset(Phase):
        return "alle"
    if phasen == frozenset(Phase) - {Phase.BEENDET}:
        return "alle außer `beendet`"
    return ", ".join(f"`{p.value}`" for p in Phase if p in phasen)


def _ziel(row: Uebergang) -> str:
    if isinstance(row.nach, Phase):
        return f"`{row.nach.value}`"
    return "unverändert" if row.nach is Ziel.UNVERAENDERT else "`kooperation`, sobald nichts offen"


def _modus(r: Regel) -> str:
    if isinstance(r.modus, PolicyWahl):
        return " / ".join(f"`{m.value}` ({k.value})" for k, m in r.modus.werte.items()) + (
            f" nach Policy `{r.modus.schluessel}`"
        )
    return f"`{r.modus.value}`"


def _norm(nb: str | None, nc: str | None) -> str:
    if nb == nc:
        return nb or "–"
    return f"B: {nb or '–'}; C: {nc or '–'}"


def katalog() -> str:
    """The whole catalogue as Markdown text."""
    z: list[str] = [
        "# Regelkatalog",
        "",
        "Generated from the rule tables by `python -m kooplan.katalog`; do not edit by hand.",
        "Every rule names its norm and the kind of source: **gesetz** (statute, fixed),",
        "**weisung** (guidance or practice, a policy default), **offen** (an open legal question,",
        "decided by a documented default and flagged in the result).",
        "",
        "## Rechtsstände",
        "",
    ]
    z += _tabelle(
        ("id", "von", "bis", "Regime", "Name", "Quelle", "geprüft"),
        (
            (
                f"`{r.id}`",
                r.von.isoformat(),
                r.bis.isoformat() if r.bis else "–",
                r.regime.value,
                r.name,
                r.quelle,
                "ja" if r.verifiziert else "**nein**",
            )
            for r in RECHTSSTAENDE
        ),
    )
    z += ["", "## Phasen", ""]
    z += _tabelle(("Phase", "Bedeutung"), ((f"`{p.value}`", PHASEN_TEXT[p]) for p in Phase))
    z += [
        "",
        "## Übergänge (FACHKONZEPT § 3)",
        "",
        "Rows are tried in this order for a phase and a trigger; the first whose condition holds",
        "applies. A pair of phase and event not listed is an `unzulaessiger_uebergang`.",
        "Triggers starting with `zeit:` are time-driven (no event needed).",
        "",
    ]
    z += _tabelle(
        ("Regel", "von", "Auslöser", "Bedingung", "nach", "Norm", "Quelle", "Hinweise", "Text"),
        (
            (
                f"`{r.id}`",
                _phasen(r.von),
                ", ".join(f"`{a}`" for a in r.ausloeser),
                r.bedingung.value if r.bedingung else "–",
                _ziel(r),
                _norm(r.norm_b, r.norm_c),
                r.quelle.value,
                ", ".join(f"`{h}`" for h in r.hinweise) or "–",
                r.text,
            )
            for r in UEBERGAENGE
        ),
    )
    z += [
        "",
        "## Entscheidungsregeln (FACHKONZEPT § 4)",
        "",
        "Tried in this order; the first that matches decides the mode and gives the first reason.",
        "",
    ]
    z += _tabelle(
        ("Regel", "Regime", "Phasen", "Anliegen", "Lage", "Modus", "Norm", "Quelle", "Text"),
        (
            (
                f"`{r.id}`",
                "/".join(g.value for g in Regime if g in r.regime),
                _phasen(r.phasen),
                ", ".join(f"`{a.value}`" for a in sorted(r.anliegen, key=lambda a: a.value)),
                r.lage.value if r.lage else "–",
                _modus(r),
                _norm(r.norm_b, r.norm_c),
                r.quelle.value,
                r.text,
            )
            for r in REGELN
        ),
    )
    z += [
        "",
        "## Rechtsfolgen (FACHKONZEPT § 6)",
        "",
        "What an RFB announces, by the Rechtsstand of the day the violation would happen",
        "(`faellig`). § 31: Pflichtverletzung (Maßnahme, Vermittlungsvorschlag, Eigenbemühungen);",
        "§ 32: Meldeversäumnis (Einladung).",
        "",
    ]
    z += _tabelle(
        (
            "Rechtsstand",
            "§ 31 Stufen",
            "§ 32",
            "erstes Versäumnis frei",
            "§ 7b Abs. 4",
            "§ 31a Abs. 7",
            "Leistung",
        ),
        (
            (
                f"`{r.rechtsstand}`",
                "; ".join(
                    f"{s.prozent} % / {s.monate} Mon. ({s.norm})" for s in r.pflichtverletzung
                ),
                f"{r.meldeversaeumnis.prozent} % / {r.meldeversaeumnis.monate} Mon. "
                f"({r.meldeversaeumnis.norm})",
                "ja" if r.erstes_meldeversaeumnis_frei else "nein",
                "ja" if r.nichterreichbarkeit else "nein",
                f"{r.abs7.value}" + (f" ({r.abs7_norm})" if r.abs7_norm else ""),
                r.leistung,
            )
            for r in SANKTIONSRECHT.values()
        ),
    )
    z += [
        "",
        "## Hinweise",
        "",
        "Notes added to a decision. Those raised by a transition last while the phase lasts;",
        "notes on the Bürgergeld law end on 30.6.2026.",
        "",
    ]
    bedingt = {h.code: "; ".join(lage.value for lage in h.lagen) for h in HINWEIS_REGELN}
    z += _tabelle(
        ("Code", "Quelle", "Norm", "gilt bis", "Bedingung", "Text"),
        (
            (
                f"`{h.code}`",
                h.quelle.value,
                h.norm or "–",
                h.gilt_bis.isoformat() if h.gilt_bis else "–",
                bedingt.get(h.code) or "–",
                h.text,
            )
            for h in HINWEISE.values()
        ),
    )
    return "\n".join(z) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(katalog(), end="")
