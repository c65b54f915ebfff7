"""What every field of the output contract means: decisions, their parts, errors and the Verlauf.

The JSON Schemas of [`kooplan.vertrag.schema`][] take their `description` from here, and
`docs/vertrag.md` shows these tables. A test holds the tables to the schemas: an output field
without a description (or a description of a field the schema does not have) fails it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

__all__ = ["AUSGABE", "Ausgabefeld"]


@attrs.frozen
class Ausgabefeld:
    """One field of an output object: what it means, and the norm behind it (`""`: none)."""

    beschreibung: str
    norm: str = ""


_A = Ausgabefeld

AUSGABE: Final[Mapping[str, Mapping[str, Ausgabefeld]]] = {
    "entscheidung": {
        "schema": _A("Always `kooplan/entscheidung/1`."),
        "fall": _A("The case id of the input."),
        "zeile": _A(
            "The input line (from 1) when the case was read from JSON Lines; absent otherwise."
        ),
        "stichtag": _A(
            "The day the letter is sent, as given: it chooses the rules of communication."
        ),
        "faellig": _A(
            "The day the action or meeting is due (default: the Stichtag); it chooses the law "
            "of the Rechtsfolgen, because a violation is judged by the law of its day.",
            "§ 65a Abs. 2 SGB II n.F.",
        ),
        "rechtsstand": _A("The id of the Rechtsstand of the Stichtag (`2023-07` … `2026-07`)."),
        "anliegen": _A(
            "What is to be sent: `einladung`, `massnahme`, `vermittlungsvorschlag`, "
            "`eigenbemuehungen`."
        ),
        "phase": _A(
            "The case's phase on the Stichtag (`erstkontakt`, `kooperation`, "
            "`mitwirkung_eingefordert`, `schlichtung`, `ohne_plan`)."
        ),
        "modus": _A(
            "The answer: `ohne_rfb` (no Rechtsfolgenbelehrung), `mit_rfb` (a written request "
            "with one) or `verpflichtung_va` (from 1.7.2026: a Verpflichtung by written "
            "Verwaltungsakt, with one).",
            "§ 15 Abs. 5, 6 SGB II a.F., § 15a SGB II n.F.",
        ),
        "rfb": _A("`true` exactly when `modus` is not `ohne_rfb`."),
        "gruende": _A(
            "The reasons, at least one; the first is the rule that decided the mode (today it is "
            "the only one; later versions may add more after it)."
        ),
        "hinweise": _A(
            "Notes: open legal questions, formal requirements, where practice departs from the "
            "statute (a list, possibly empty)."
        ),
        "naechste_ueberpruefung": _A(
            "The day by which the plan is to be reviewed (six months after it was made or last "
            "updated); `null` in `erstkontakt` and `ohne_plan`.",
            "§ 15 Abs. 3 Satz 2 SGB II",
        ),
        "ueberpruefung_ueberfaellig": _A(
            "`true` when the Stichtag is after `naechste_ueberpruefung` (an overdue review does "
            "not change the phase).",
            "§ 15 Abs. 3 Satz 2 SGB II",
        ),
        "rechtsfolgen": _A(
            "Present exactly when `rfb` is true: what the Rechtsfolgenbelehrung must announce, "
            "under the law of `faellig`.",
            "§ 31 Abs. 1 Satz 1, § 32 Abs. 1 Satz 1 SGB II",
        ),
    },
    "grund": {
        "regel": _A("The stable id of the rule (a row of the rule tables, see the catalogue)."),
        "norm": _A("The norm the rule rests on, cited with a.F./n.F. where the text changed."),
        "quelle": _A(
            "The kind of source: `gesetz` (statute), `weisung` (guidance or practice, a policy "
            "default) or `offen` (an open legal question decided by a documented default)."
        ),
        "text": _A("One German sentence that says the rule."),
    },
    "hinweis": {
        "code": _A("The stable code of the note (see the catalogue)."),
        "quelle": _A("The kind of source, as for a reason."),
        "norm": _A("The norm the note rests on, or `null`."),
        "text": _A("One German sentence for the caseworker."),
    },
    "rechtsfolge": {
        "rechtsstand": _A(
            "The Rechtsstand whose law the announcement follows (that of `faellig`)."
        ),
        "minderung_prozent": _A(
            "The rate of the Minderung a violation would bring, in percent of the Regelbedarf "
            "(0 where a miss brings none).",
            "§ 31a Abs. 1, § 32 Abs. 1 SGB II",
        ),
        "monate": _A(
            "The length of the Minderungszeitraum in months (0 where there is none).",
            "§ 31b Abs. 2, § 32 Abs. 2 Satz 2 SGB II",
        ),
        "norm": _A("The norms of the announcement."),
        "text": _A("The German sentence for the Belehrung."),
        "betrag_euro": _A(
            "The Minderung in euros, when the case names its Regelbedarfsstufe and the year's "
            "Regelbedarf is known; rounded as § 41 Abs. 2 SGB II says.",
            "§ 20 SGB II",
        ),
        "minderung_prozent_gedeckelt": _A(
            "The rate after the cap, where Minderungen already in force would reach more than "
            "30 % together.",
            "§ 31a Abs. 4 SGB II",
        ),
        "entzug_regelbedarf": _A(
            "`true` where refusing the work would take away the whole Regelbedarf.",
            "§ 31a Abs. 7 SGB II",
        ),
        "nicht_erreichbar": _A(
            "`true` where a third missed meeting would make the person count as nicht "
            "erreichbar (no benefit instead of a Minderung).",
            "§ 7b Abs. 4 SGB II n.F.",
        ),
        "folgestufen": _A(
            "The stages a further violation would reach after this one (objects of the same shape)."
        ),
        "alternativen": _A(
            "The reading under the Stichtag's law where it differs from that of `faellig` "
            "(objects of the same shape).",
            "§ 65a Abs. 2 SGB II n.F.",
        ),
        "beginn_fruehestens": _A(
            "The earliest first day of the Minderung: the first of the month after the "
            "Verwaltungsakt that finds the violation can take effect.",
            "§ 31b Abs. 1 Satz 1 SGB II",
        ),
        "feststellung_bis": _A(
            "The last day on which a Minderung for a violation on the due day may be found.",
            "§ 31b Abs. 1 Satz 3 SGB II",
        ),
        "bausteine": _A(
            "The Belehrung text in building blocks, each with what it says (`folge`, `dauer`, "
            "`wichtiger_grund`, `vorzeitiges_ende`, `unterkunft` …; the Rechtsfolgen page lists "
            "them) and its norm."
        ),
    },
    "baustein": {
        "art": _A("What the block says: the consequence, its length, the wichtiger Grund …"),
        "text": _A("The block's German text."),
        "norm": _A("The norm the block rests on, where it names one."),
    },
    "fehler": {
        "schema": _A("Always `kooplan/fehler/1`."),
        "fall": _A("The case id when it could be read and is valid, else `null`."),
        "zeile": _A("The input line (from 1) when read from JSON Lines, else `null`."),
        "fehler": _A("The error code (the table below)."),
        "meldung": _A(
            "One German sentence that says what was wrong; it never quotes an input value."
        ),
        "ort": _A(
            "The JSON path of the offending value (`ereignisse[2].am`), or `null` where the "
            "error concerns the whole case."
        ),
    },
    "verlauf": {
        "schema": _A("Always `kooplan/verlauf/1`."),
        "fall": _A("The case id."),
        "stichtag": _A("The day up to which the case was folded."),
        "schritte": _A("The steps of the fold, in order."),
    },
    "schritt": {
        "tag": _A("The day of the step."),
        "ausloeser": _A(
            "The event art that caused it, or a time-driven step (`zeit:vier_wochen`: the end of "
            "a Schlichtung after four weeks; `zeit:aufhebung_15a`: the repeal of the Schlichtung "
            "on 1.7.2026)."
        ),
        "position": _A("The event's index in the case's `ereignisse` (`null` for a time step)."),
        "von": _A("The phase before the step."),
        "nach": _A("The phase after the step."),
        "regel": _A("The id of the row of the transition table that was taken."),
        "norm": _A("The row's norm as cited on the step's day (or `null`)."),
        "quelle": _A("The kind of source of the row."),
        "text": _A("The row's German sentence."),
    },
}
"""The fields of each output object, in the contract's key order, by object: `entscheidung`
(`kooplan/entscheidung/1`), `grund`, `hinweis`, `rechtsfolge`, `baustein`, `fehler`
(`kooplan/fehler/1`) and `verlauf` / `schritt` (`kooplan verlauf --json`)."""
