"""How kooplan's objects show themselves: HTML tables for notebooks, text and Markdown.

The old import path; the code lives in `kooplan.werte.darstellung`."""

from kooplan.werte.darstellung import (
    entscheidung_html,
    entscheidung_kurz,
    entscheidung_markdown,
    entscheidung_text,
    plan_html,
    verlauf_html,
    verlauf_kurz,
    verlauf_markdown,
    verlauf_text,
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
