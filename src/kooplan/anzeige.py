"""How kooplan's objects show themselves in a notebook (HTML tables, Mermaid).

Jupyter calls ``_repr_html_`` (and ``_repr_markdown_`` for the diagram); the classes delegate
here so the rendering lives in one place. Every text is HTML-escaped. Nothing personal is shown:
the case id, phases, rules, norms and notes only; a plan shows its shape, never its texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from kooplan.entscheidung import Entscheidung
    from kooplan.phasen import Schritt
    from kooplan.plan import Kooperationsplan

__all__ = ["entscheidung_html", "plan_html", "verlauf_html"]

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


def entscheidung_html(e: Entscheidung) -> str:
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


def verlauf_html(schritte: Sequence[Schritt]) -> str:
    """A case's steps over time."""
    return _tabelle(
        ("Tag", "Auslöser", "von", "nach", "Regel", "Norm"),
        [
            (s.tag.isoformat(), s.ausloeser, s.von.value, s.nach.value, s.regel.id, s.norm or "–")
            for s in schritte
        ],
        "Verlauf",
    )


def plan_html(plan: Kooperationsplan) -> str:
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
