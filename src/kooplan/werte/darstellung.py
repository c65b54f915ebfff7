"""How kooplan's objects show themselves: HTML tables for notebooks, and text and Markdown
explanations of a decision and of a case's Verlauf.

The classes delegate here, so the rendering lives in one place: Jupyter calls `_repr_html_`
(and `_repr_markdown_` for the diagram); `str(e)`, `e.als_text()` and `e.als_markdown()` of an
[`Entscheidung`][kooplan.Entscheidung] and of a [`Verlauf`][kooplan.motor.phasen.Verlauf] call the
functions below. The explanations are German, as the reasons and notes they show are. Every HTML
text is escaped. Nothing personal is shown: the case id, phases, rules, norms and notes only;
never an event's data (a plan's texts, a birth date), a plan shows its shape only.

Examples:
    >>> import datetime as dt
    >>> import kooplan
    >>> fall = kooplan.Fall("JC-1", [kooplan.PlanGescheitert(am=dt.date(2025, 5, 2))])
    >>> e = kooplan.entscheide(fall, "massnahme", dt.date(2025, 5, 6))
    >>> print(e)
    JC-1: massnahme am 06.05.2025 mit_rfb (Phase ohne_plan, Rechtsstand 2024-03; b.ohne_plan, § 15 Abs. 6 SGB II a.F.)
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape

from kooplan.werte.formen import (
    Entscheidungsform,
    Folgeform,
    Planform,
    Schrittform,
)

__all__ = [
    "entscheidung_html",
    "entscheidung_kurz",
    "entscheidung_markdown",
    "entscheidung_text",
    "plan_html",
    "verlauf_html",
    "verlauf_kurz",
    "verlauf_markdown",
    "verlauf_text",
]

_STIL = "border-collapse:collapse;text-align:left"


def _tabelle(kopf: Sequence[str], zeilen: Iterable[Sequence[object]], titel: str = "") -> str:
    teile = [f'<table class="kooplan" style="{_STIL}">']
    if titel:
        teile.append(f"<caption>{escape(titel)}</caption>")
    teile.append("<thead><tr>" + "".join(f"<th>{escape(k)}</th>" for k in kopf) + "</tr></thead>")
    teile.append("<tbody>")
    for zeile in zeilen:
        teile.append("<tr>" + "".join(f"<td>{escape(str(w))}</td>" for w in zeile) + "</tr>")
    teile.append("</tbody></table>")
    return "".join(teile)


def entscheidung_html(e: Entscheidungsform) -> str:
    """A decision: the answer first, then reasons, notes and consequences."""
    kopf = _tabelle(
        ("Fall", "Stichtag", "fällig", "Rechtsstand", "Anliegen", "Phase", "Modus", "Überprüfung"),
        [
            (
                e.fall,
                e.stichtag.isoformat(),
                e.faellig.isoformat(),
                e.rechtsstand.id,
                e.anliegen.value,
                e.phase.value,
                e.modus.value,
                (e.naechste_ueberpruefung.isoformat() if e.naechste_ueberpruefung else "–")
                + (" (überfällig)" if e.ueberpruefung_ueberfaellig else ""),
            )
        ],
        "Entscheidung",
    )
    gruende = _tabelle(
        ("Regel", "Norm", "Quelle", "Begründung"),
        [(g.regel, g.norm, g.quelle.value, g.text) for g in e.gruende],
        "Gründe",
    )
    teile = [kopf, gruende]
    if e.hinweise:
        teile.append(
            _tabelle(
                ("Code", "Quelle", "Norm", "Hinweis"),
                [(h.code, h.quelle.value, h.norm or "–", h.text) for h in e.hinweise],
                "Hinweise",
            )
        )
    r = e.rechtsfolgen
    if r is not None:
        zeilen = [(r.rechtsstand, r.minderung_prozent, r.monate, r.betrag_euro or "–", r.norm)]
        zeilen += [
            (
                f"{a.rechtsstand} (Alternative)",
                a.minderung_prozent,
                a.monate,
                a.betrag_euro or "–",
                a.norm,
            )
            for a in r.alternativen
        ]
        teile.append(
            _tabelle(("Rechtsstand", "Prozent", "Monate", "Euro", "Norm"), zeilen, "Rechtsfolgen")
        )
    return "".join(teile)


def verlauf_html(schritte: Sequence[Schrittform]) -> str:
    """A case's steps over time."""
    return _tabelle(
        ("Tag", "Auslöser", "von", "nach", "Regel", "Norm"),
        [
            (s.tag.isoformat(), s.ausloeser, s.von.value, s.nach.value, s.regel.id, s.norm or "–")
            for s in schritte
        ],
        "Verlauf",
    )


def plan_html(plan: Planform) -> str:
    """A plan's shape (its texts are personal data and stay out)."""
    return _tabelle(
        ("Teil", "Anzahl / Angabe"),
        [
            ("Eingliederungsziel", "festgehalten"),
            ("Schritte", len(plan.schritte)),
            ("Eigenbemühungen", "ja" if plan.eigenbemuehungen is not None else "nein"),
            ("Leistungen", len(plan.leistungen)),
            ("Vermittlungsziele", len(plan.vermittlungsziele)),
            ("andere Leistungsträger", len(plan.andere_leistungstraeger)),
            ("Gesundheit", len(plan.gesundheit)),
            ("Bedarfsgemeinschaft", len(plan.bedarfsgemeinschaft)),
        ],
        "Kooperationsplan",
    )


# -- text and Markdown ----------------------------------------------------------------------------

_BREITE = 100
_MODUS_TEXT = {
    "ohne_rfb": "ohne Rechtsfolgenbelehrung",
    "mit_rfb": "schriftlich mit Rechtsfolgenbelehrung",
    "verpflichtung_va": "Verpflichtung durch schriftlichen Verwaltungsakt mit Rechtsfolgenbelehrung",
}


def _tag(tag: dt.date | None) -> str:
    return "–" if tag is None else f"{tag:%d.%m.%Y}"


def _euro(betrag: Decimal) -> str:
    return f"{betrag:.2f} €".replace(".", ",")


def _folge_kurz(r: Folgeform) -> str:
    teile = [f"{r.minderung_prozent} % für {r.monate} Monat{'e' if r.monate != 1 else ''}"]
    if r.betrag_euro is not None:
        teile.append(_euro(r.betrag_euro))
    if r.minderung_prozent_gedeckelt is not None:
        teile.append(f"gedeckelt auf {r.minderung_prozent_gedeckelt} %")
    if r.entzug_regelbedarf:
        teile.append("Entzug des Regelbedarfs")
    if r.nicht_erreichbar:
        teile.append("nicht erreichbar")
    return ", ".join(teile)


def _absatz(text: str, einzug: str) -> list[str]:
    return textwrap.wrap(
        text, _BREITE, initial_indent=einzug, subsequent_indent=einzug, break_on_hyphens=False
    )


def entscheidung_kurz(e: Entscheidungsform) -> str:
    """One line: the case, the request, the mode, the phase and the deciding rule with its norm
    (`str(e)`)."""
    g = e.gruende[0]
    return (
        f"{e.fall}: {e.anliegen.value} am {_tag(e.stichtag)} {e.modus.value} "
        f"(Phase {e.phase.value}, Rechtsstand {e.rechtsstand.id}; {g.regel}, {g.norm})"
    )


def entscheidung_text(e: Entscheidungsform) -> str:
    """The decision explained as plain text: the answer, its reasons with norms, the notes, the
    plan's review date and what the Rechtsfolgenbelehrung must announce."""
    z = [
        f"Entscheidung für Fall {e.fall}: {e.anliegen.value} am {_tag(e.stichtag)}"
        + (f", fällig am {_tag(e.faellig)}" if e.faellig != e.stichtag else ""),
        f"Modus: {e.modus.value} ({_MODUS_TEXT[e.modus.value]})",
        f"Phase: {e.phase.value}; Rechtsstand {e.rechtsstand.id} ({e.rechtsstand.name})",
    ]
    if e.naechste_ueberpruefung is not None:
        z.append(
            f"Nächste Überprüfung des Kooperationsplans: {_tag(e.naechste_ueberpruefung)}"
            + (" (überfällig)" if e.ueberpruefung_ueberfaellig else "")
        )
    z += ["", "Gründe:"]
    for g in e.gruende:
        z.append(f"  - {g.regel} ({g.quelle.value}, {g.norm})")
        z += _absatz(g.text, "    ")
    if e.hinweise:
        z += ["", "Hinweise:"]
        for h in e.hinweise:
            z.append(f"  - {h.code} ({h.quelle.value}" + (f", {h.norm})" if h.norm else ")"))
            z += _absatz(h.text, "    ")
    r = e.rechtsfolgen
    if r is not None:
        z += ["", f"Rechtsfolgen (Recht des {_tag(e.faellig)}, Rechtsstand {r.rechtsstand}):"]
        z.append(f"  {_folge_kurz(r)} ({r.norm})")
        z += _absatz(r.text, "  ")
        for f in r.folgestufen:
            z.append(f"  danach: {_folge_kurz(f)} ({f.norm})")
        for a in r.alternativen:
            z.append(f"  nach Rechtsstand {a.rechtsstand}: {_folge_kurz(a)} ({a.norm})")
    return "\n".join(z) + "\n"


def _md(text: str) -> str:
    """Text for a Markdown table cell or list item (no line breaks, no table separators)."""
    return text.replace("|", "\\|").replace("\n", " ")


def entscheidung_markdown(e: Entscheidungsform) -> str:
    """The decision explained as Markdown: a heading, the answer, the reasons and notes as
    lists, the Rechtsfolgen as a table."""
    z = [
        f"### Fall {e.fall}: {e.anliegen.value} am {_tag(e.stichtag)}",
        "",
        f"**{e.modus.value}** ({_MODUS_TEXT[e.modus.value]}); Phase `{e.phase.value}`, "
        f"Rechtsstand `{e.rechtsstand.id}`"
        + (f", fällig am {_tag(e.faellig)}" if e.faellig != e.stichtag else "")
        + ".",
    ]
    if e.naechste_ueberpruefung is not None:
        z.append(
            f"Nächste Überprüfung des Kooperationsplans: {_tag(e.naechste_ueberpruefung)}"
            + (" (**überfällig**)." if e.ueberpruefung_ueberfaellig else ".")
        )
    z += ["", "**Gründe**", ""]
    z += [f"- `{g.regel}` ({g.quelle.value}, {g.norm}): {_md(g.text)}" for g in e.gruende]
    if e.hinweise:
        z += ["", "**Hinweise**", ""]
        z += [
            f"- `{h.code}` ({h.quelle.value}"
            + (f", {h.norm}" if h.norm else "")
            + f"): {_md(h.text)}"
            for h in e.hinweise
        ]
    r = e.rechtsfolgen
    if r is not None:
        z += [
            "",
            f"**Rechtsfolgen** (Recht des {_tag(e.faellig)}): {_md(r.text)}",
            "",
            "| | Rechtsstand | Minderung | Norm |",
            "|---|---|---|---|",
            f"| diese | `{r.rechtsstand}` | {_folge_kurz(r)} | {r.norm} |",
        ]
        z += [
            f"| danach | `{f.rechtsstand}` | {_folge_kurz(f)} | {f.norm} |" for f in r.folgestufen
        ]
        z += [
            f"| Alternative | `{a.rechtsstand}` | {_folge_kurz(a)} | {a.norm} |"
            for a in r.alternativen
        ]
    return "\n".join(z) + "\n"


def _ausloeser(s: Schrittform) -> str:
    if s.position is None:
        return f"{s.ausloeser} (ohne Ereignis)"
    return f"{s.ausloeser} (Ereignis {s.position + 1})"


def verlauf_kurz(schritte: Sequence[Schrittform]) -> str:
    """One line: the phases the case went through (`str(verlauf)`)."""
    if not schritte:
        return "Verlauf: keine Schritte"
    phasen = [schritte[0].von.value] + [s.nach.value for s in schritte if s.nach is not s.von]
    return (
        f"Verlauf: {len(schritte)} Schritt{'e' if len(schritte) != 1 else ''} vom "
        f"{_tag(schritte[0].tag)} bis {_tag(schritte[-1].tag)}: " + " → ".join(phasen)
    )


def verlauf_text(schritte: Sequence[Schrittform]) -> str:
    """The case's steps as plain text: day, trigger, phases, the rule with its norm and text,
    and the notes the step raised. Events are named by their art and position only."""
    z = [verlauf_kurz(schritte)]
    for s in schritte:
        z.append("")
        z.append(f"{_tag(s.tag)}  {_ausloeser(s)}: {s.von.value} → {s.nach.value}")
        z.append(f"  Regel {s.regel.id} ({s.regel.quelle.value}, {s.norm or 'ohne Norm'})")
        z += _absatz(s.regel.text, "  ")
        if s.hinweise:
            z.append("  Hinweise: " + ", ".join(s.hinweise))
    return "\n".join(z) + "\n"


def verlauf_markdown(schritte: Sequence[Schrittform]) -> str:
    """The case's steps as a Markdown table."""
    z = [
        f"**{verlauf_kurz(schritte)}**",
        "",
        "| Tag | Auslöser | von | nach | Regel | Norm | Hinweise |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in schritte:
        z.append(
            f"| {_tag(s.tag)} | {_ausloeser(s)} | `{s.von.value}` | `{s.nach.value}` | "
            f"`{s.regel.id}` | {s.norm or '–'} | "
            + (", ".join(f"`{c}`" for c in s.hinweise) or "–")
            + " |"
        )
    return "\n".join(z) + "\n"
