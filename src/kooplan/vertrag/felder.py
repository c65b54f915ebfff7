"""The input contract's fields as data: one spec feeds the loader, the schema and the docs.

Each field has a type ([`Typ`][kooplan.vertrag.felder.Typ]), whether it is required, for enums
its values, a description and its norm. The loader (`kooplan.vertrag.laden`) reads JSON by
these specs; [`kooplan.vertrag.schema`][] turns the same specs into JSON Schema, and
`docs/vertrag.md` shows them as tables, so the three cannot drift.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from kooplan.werte.anliegen import Anliegen
from kooplan.werte.ausgabe import ENTSCHEIDUNG_SCHEMA, FEHLER_SCHEMA
from kooplan.werte.ereignisse import Minderungsgrund, Mitwirkung, Sperrzeit, Tatbestand, VerlangtVon
from kooplan.werte.fall import Bekanntgabeart
from kooplan.werte.plan import Zeitraum

__all__ = [
    "ANFRAGE_FELDER",
    "ANFRAGE_SCHEMA",
    "EIGENBEMUEHUNGEN_FELDER",
    "ENTSCHEIDUNG_SCHEMA",
    "EREIGNIS_FELDER",
    "FALL_FELDER",
    "FALL_SCHEMA",
    "FEHLER_SCHEMA",
    "PLAN_FELDER",
    "Feld",
    "Typ",
    "alle_felder",
    "ereignis_felder",
]

FALL_SCHEMA = "kooplan/fall/1"


class Typ(enum.Enum):
    """The kinds of JSON value a field of the contract takes."""

    DATUM = "datum"
    BOOL = "bool"
    INT = "int"
    TEXT = "text"
    TEXTLISTE = "textliste"
    ENUM = "enum"
    KONSTANTE = "konstante"
    FALL_ID = "fall_id"
    ID = "id"
    PLAN = "plan"
    EIGENBEMUEHUNGEN = "eigenbemuehungen"
    EREIGNISSE = "ereignisse"
    LAND = "land"
    #: A whole case (``kooplan/fall/1``) as the value of a field (the request's ``fall``).
    FALL = "fall"


@attrs.frozen
class Feld:
    """One field of the input contract: its type, whether it is required, what it means.

    Every field has a `beschreibung` (one English sentence for the contract page and the JSON
    Schema's `description`) and, where a norm stands behind it, its `norm`; a test fails for a
    field without a description, so a new field cannot reach the docs undescribed.
    """

    typ: Typ
    pflicht: bool = False
    werte: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    beschreibung: str = ""
    enum_typ: type[enum.Enum] | None = None
    """For `Typ.ENUM`: the Python enum the value becomes."""
    norm: str = ""
    """The norm the field serves (a citation as in the rule tables), `""` where none applies."""


def _enum(e: type[enum.Enum], pflicht: bool = True, beschreibung: str = "", norm: str = "") -> Feld:
    return Feld(
        Typ.ENUM,
        pflicht,
        tuple(str(m.value) for m in e),
        beschreibung=beschreibung,
        enum_typ=e,
        norm=norm,
    )


FALL_FELDER: Mapping[str, Feld] = {
    "schema": Feld(
        Typ.KONSTANTE,
        True,
        (FALL_SCHEMA,),
        beschreibung="The contract and its version: always `kooplan/fall/1`.",
    ),
    "fall": Feld(
        Typ.FALL_ID,
        True,
        beschreibung=(
            "The caller's pseudonymous case id: 1–64 letters, digits, `-`, `_`, `.`. The only "
            "personal reference kooplan ever writes out; an invalid one is reported with "
            "`fall: null`."
        ),
    ),
    "geburtsdatum": Feld(
        Typ.DATUM,
        beschreibung=(
            "The person's birth date, read only for the rule for people under 25; never written "
            "to any output, message or log."
        ),
        norm="§ 31a Abs. 6 SGB II",
    ),
    "regelbedarfsstufe": Feld(
        Typ.INT,
        minimum=1,
        maximum=4,
        beschreibung=(
            "The person's Regelbedarfsstufe (1–4); with it the Rechtsfolgen state the Minderung "
            "in euros as well as in percent."
        ),
        norm="§ 20 SGB II",
    ),
    "land": Feld(
        Typ.LAND,
        beschreibung=(
            "The Bundesland as an ISO 3166-2 code (`DE-BE`, `DE-BY`, …), for its public holidays "
            "when a deadline is computed; without it only the nationwide holidays count."
        ),
        norm="§ 26 Abs. 3 SGB X",
    ),
    "bewilligungszeitraum_ende": Feld(
        Typ.DATUM,
        beschreibung=(
            "The last day of the current Bewilligungszeitraum: how long a person who counts as "
            "nicht erreichbar gets no benefit."
        ),
        norm="§ 7b Abs. 4 SGB II n.F.",
    ),
    "bekanntgabe": _enum(
        Bekanntgabeart,
        pflicht=False,
        beschreibung=(
            "How the jobcenter's Bescheide reach the person: by post (the default), "
            "electronically or handed over in person; it decides the day a Verwaltungsakt takes "
            "effect and so the first month of a Minderung."
        ),
        norm="§ 37 Abs. 2 SGB X, § 31b Abs. 1 Satz 1 SGB II",
    ),
    "ereignisse": Feld(
        Typ.EREIGNISSE,
        True,
        beschreibung=(
            "The case's history: a list of events (it may be empty), folded in date order; "
            "events on the same day keep their order in the list."
        ),
    ),
}

EIGENBEMUEHUNGEN_FELDER: Mapping[str, Feld] = {
    "art": Feld(
        Typ.TEXT,
        True,
        beschreibung="What the person does (e.g. written applications).",
        norm="§ 15 Abs. 2 Satz 2 Nr. 2 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 2 SGB II n.F.",
    ),
    "anzahl": Feld(
        Typ.INT,
        True,
        minimum=1,
        maximum=1000,
        beschreibung="How many, in each `zeitraum`.",
        norm="§ 15 Abs. 2 Satz 2 Nr. 2 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 2 SGB II n.F.",
    ),
    "zeitraum": _enum(
        Zeitraum,
        beschreibung="The period the number refers to.",
        norm="§ 15 Abs. 2 Satz 2 Nr. 2 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 2 SGB II n.F.",
    ),
    "nachweis": Feld(
        Typ.TEXT,
        True,
        beschreibung="How the person proves them (e.g. a list of applications).",
        norm="§ 15 Abs. 2 Satz 2 Nr. 2 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 2 SGB II n.F.",
    ),
}

PLAN_FELDER: Mapping[str, Feld] = {
    "eingliederungsziel": Feld(
        Typ.TEXT,
        True,
        beschreibung="The Eingliederungsziel, the goal of the integration.",
        norm="§ 15 Abs. 2 Satz 2 SGB II a.F., § 15 Abs. 2 Satz 3 SGB II n.F.",
    ),
    "schritte": Feld(
        Typ.TEXTLISTE,
        True,
        minimum=1,
        beschreibung="The wesentliche Schritte towards the goal: at least one.",
        norm="§ 15 Abs. 2 Satz 2 SGB II a.F., § 15 Abs. 2 Satz 3 SGB II n.F.",
    ),
    "eigenbemuehungen": Feld(
        Typ.EIGENBEMUEHUNGEN,
        beschreibung="The Eigenbemühungen the person undertakes and proves.",
        norm="§ 15 Abs. 2 Satz 2 Nr. 2 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 2 SGB II n.F.",
    ),
    "leistungen": Feld(
        Typ.TEXTLISTE,
        beschreibung="The Leistungen zur Eingliederung that come into consideration.",
        norm="§ 15 Abs. 2 Satz 2 Nr. 1 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 3 SGB II n.F.",
    ),
    "vermittlungsziele": Feld(
        Typ.TEXTLISTE,
        beschreibung="The training, jobs or fields of work the person is to be placed in.",
        norm="§ 15 Abs. 2 Satz 2 Nr. 5 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 1 SGB II n.F.",
    ),
    "andere_leistungstraeger": Feld(
        Typ.TEXTLISTE,
        beschreibung="How benefits of other Leistungsträger are brought in.",
        norm="§ 15 Abs. 2 Satz 2 Nr. 4 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 5 SGB II n.F.",
    ),
    "gesundheit": Feld(
        Typ.TEXTLISTE,
        beschreibung="Measures with a view to health impairments (optional content).",
        norm="§ 15 Abs. 2 Satz 3 Nr. 1 SGB II a.F., § 15 Abs. 2 Satz 6 Nr. 1 SGB II n.F.",
    ),
    "bedarfsgemeinschaft": Feld(
        Typ.TEXTLISTE,
        beschreibung="Benefits for members of the Bedarfsgemeinschaft (optional content).",
        norm="§ 15 Abs. 2 Satz 3 Nr. 2 SGB II a.F., § 15 Abs. 2 Satz 6 Nr. 2 SGB II n.F.",
    ),
    "integrationskurs": Feld(
        Typ.BOOL,
        beschreibung="Whether an Integrationskurs or Deutschsprachförderung is planned.",
        norm="§ 15 Abs. 2 Satz 2 Nr. 3 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 4 SGB II n.F.",
    ),
    "reha_bedarf": Feld(
        Typ.BOOL,
        beschreibung="Whether a need for rehabilitation benefits may exist.",
        norm="§ 15 Abs. 2 Satz 2 Nr. 6 SGB II a.F., § 15 Abs. 2 Satz 4 Nr. 6 SGB II n.F.",
    ),
}

_BASIS: Mapping[str, Feld] = {
    "art": Feld(Typ.KONSTANTE, True, beschreibung="The kind of event (the table below)."),
    "am": Feld(
        Typ.DATUM,
        True,
        beschreibung=(
            "The day the event happened. Events are folded in date order; an event dated after "
            "the Stichtag is checked but not applied."
        ),
    ),
    "id": Feld(
        Typ.ID,
        beschreibung=(
            "The caller's id of the event, unique within the case, so that a later event can "
            "name it (`bezug`, `einladung`)."
        ),
    ),
}

_PLAN = {
    "plan": Feld(
        Typ.PLAN,
        beschreibung=(
            "The plan's content (an object, below); kooplan checks its form and reads its "
            "length, never its texts."
        ),
        norm="§ 15 Abs. 2 SGB II",
    )
}

_WICHTIGER_GRUND_TERMIN = (
    "Whether the person showed a wichtiger Grund for missing the meeting; an excused miss leads "
    "to no Minderung and breaks a run of missed meetings."
)

EREIGNIS_FELDER: Mapping[str, Mapping[str, Feld]] = {
    "einladung_versandt": {
        "rfb": Feld(
            Typ.BOOL,
            beschreibung=(
                "Whether the invitation carried a Rechtsfolgenbelehrung (default `false`); a "
                "Minderung for a missed meeting needs one."
            ),
            norm="§ 32 Abs. 1 Satz 1 SGB II",
        ),
        "termin": Feld(
            Typ.DATUM,
            beschreibung=(
                "The day of the meeting the invitation sets (not before `am`); with it, missed "
                "meetings follow one another in the order of their meetings."
            ),
            norm="§ 7b Abs. 4 Satz 1 SGB II n.F.",
        ),
    },
    "termin_versaeumt": {
        "wichtiger_grund": Feld(
            Typ.BOOL, True, beschreibung=_WICHTIGER_GRUND_TERMIN, norm="§ 32 Abs. 1 Satz 2 SGB II"
        ),
        "einladung": Feld(
            Typ.ID,
            beschreibung=(
                "The `id` of the `einladung_versandt` that set this meeting (whether it carried "
                "an RFB decides its consequences); without it, the last invitation sent before. A missed "
                "meeting with no invitation before it is taken as one without an RFB, so it "
                "counts for no Minderung."
            ),
            norm="§ 32 Abs. 1 Satz 1 SGB II",
        ),
    },
    "termin_wahrgenommen": {},
    "persoenlich_gemeldet": {},
    "plan_erstellt": _PLAN,
    "plan_fortgeschrieben": _PLAN,
    "plan_gescheitert": {},
    "schlichtung_begonnen": {
        "verlangt_von": _enum(
            VerlangtVon,
            beschreibung=(
                "Who asked for the Schlichtung: the person, the jobcenter, or both "
                '("auf Verlangen einer oder beider Seiten").'
            ),
            norm="§ 15a Abs. 1 Satz 1 SGB II a.F.",
        )
    },
    "schlichtung_beendet": {
        "einigung": Feld(
            Typ.BOOL,
            True,
            beschreibung=(
                "Whether the Schlichtung ended with an Einigung (then the agreed plan counts as "
                "made that day) or without one (then the case has no plan)."
            ),
            norm="§ 15a Abs. 4 SGB II a.F.",
        )
    },
    "mitwirkung_unterblieben": {
        "mitwirkung": _enum(
            Mitwirkung,
            beschreibung=(
                "The kind of Mitwirkung that was missed: a Maßnahme, a Vermittlungsvorschlag or "
                "the Eigenbemühungen."
            ),
            norm="§ 31 Abs. 1 Satz 1 SGB II",
        ),
        "wichtiger_grund": Feld(
            Typ.BOOL,
            True,
            beschreibung=(
                "Whether the person showed a wichtiger Grund; an excused miss is recorded and "
                "changes nothing."
            ),
            norm="§ 31 Abs. 1 Satz 2 SGB II",
        ),
    },
    "mitwirkung_erbracht": {
        "mitwirkung": _enum(
            Mitwirkung,
            pflicht=False,
            beschreibung=(
                "The kind of Mitwirkung that was done; without it, every outstanding kind counts "
                "as done. Naming a kind that is not outstanding is an illegal transition."
            ),
            norm="§ 31a Abs. 1 Satz 6 SGB II a.F.",
        )
    },
    "bereitschaft_erklaert": {},
    "wichtiger_grund_nachgewiesen": {
        "bezug": Feld(
            Typ.ID,
            True,
            beschreibung=(
                "The `id` of an earlier `termin_versaeumt` or `mitwirkung_unterblieben` for "
                "which the wichtiger Grund was shown afterwards; from this event's day on it "
                "counts as excused."
            ),
            norm="§ 31 Abs. 1 Satz 2, § 32 Abs. 1 Satz 2 SGB II",
        )
    },
    "minderung_festgestellt": {
        "grund": _enum(
            Minderungsgrund,
            beschreibung=(
                "What the Minderung was for: a Pflichtverletzung (§ 31) or a Meldeversäumnis "
                "(§ 32)."
            ),
            norm="§ 31a Abs. 1, § 32 Abs. 1 SGB II",
        ),
        "prozent": Feld(
            Typ.INT,
            True,
            minimum=1,
            maximum=100,
            beschreibung=(
                "The rate found, in percent of the Regelbedarf. For a Pflichtverletzung without "
                "`stufe` it must be 10, 20 or 30, and the step is read from it. The rate counts "
                "towards the cap of § 31a Abs. 4; it is taken as recorded."
            ),
            norm="§ 31a Abs. 1 SGB II a.F.",
        ),
        "beginn": Feld(
            Typ.DATUM,
            True,
            beschreibung=(
                "The first day of the Minderungszeitraum; the one-year look-back for the next "
                "step counts from it. It is taken as recorded (the loader does not check it "
                "against `am` or § 31b Abs. 1 Satz 1)."
            ),
            norm="§ 31a Abs. 1 Satz 4, 5, § 31b Abs. 1 Satz 1 SGB II a.F.",
        ),
        "stufe": Feld(
            Typ.INT,
            minimum=1,
            maximum=3,
            beschreibung=(
                "The step (1–3) of a Minderung for a Pflichtverletzung under the Bürgergeld law; "
                "only with `grund: pflichtverletzung`. With it the step is read from here, not "
                "from `prozent` (the two may differ where the cap limited the rate), and the "
                "next violation within the year takes the step after it."
            ),
            norm="§ 31a Abs. 1 Satz 1–3 SGB II a.F.",
        ),
        "tatbestand": _enum(
            Tatbestand,
            pflicht=False,
            beschreibung=(
                "Which alternative of § 31 the Pflichtverletzung fulfilled (`abs1_nr2` is "
                "§ 31 Abs. 1 Satz 1 Nr. 2); only with `grund: pflichtverletzung`. It decides "
                "whether § 31a Abs. 7 a.F. can apply later."
            ),
            norm="§ 31a Abs. 7 SGB II a.F.",
        ),
        "monate": Feld(
            Typ.INT,
            minimum=1,
            maximum=12,
            beschreibung=(
                "The length of the Minderungszeitraum in months; without it, the length the law "
                "gives for the step."
            ),
            norm="§ 31b Abs. 2 SGB II",
        ),
        "bezug": Feld(
            Typ.ID,
            beschreibung=(
                "The `id` of the `termin_versaeumt` or `mitwirkung_unterblieben` the Minderung "
                "was found for. It links the two events; `grund` alone says which law the "
                "Minderung followed."
            ),
            norm="§ 31b Abs. 1 SGB II",
        ),
        "sperrzeit": _enum(
            Sperrzeit,
            pflicht=False,
            beschreibung=(
                "For a Pflichtverletzung under § 31 Abs. 2 Nr. 3 or 4: the Sperrzeit of § 159 "
                "Abs. 1 Satz 2 SGB III behind it; a Sperrzeit bei Meldeversäumnis has the "
                "consequences of § 32. Only with `grund: pflichtverletzung` and `tatbestand` "
                "`abs2_nr3` or `abs2_nr4`."
            ),
            norm="§ 31a Abs. 1 Satz 7 SGB II a.F., § 31a Abs. 1 Satz 3 SGB II n.F.",
        ),
    },
    "eingliederungsvereinbarung": {},
    "leistungsbezug_beendet": {},
    "leistungsbezug_aufgenommen": {},
    "minderung_aufgehoben": {
        "bezug": Feld(
            Typ.ID,
            True,
            beschreibung="The `id` of the `minderung_festgestellt` that is lifted from `am` on.",
            norm="§ 31a Abs. 1 Satz 6 SGB II a.F., § 31a Abs. 1 Satz 2 SGB II n.F.",
        )
    },
    "haerte_festgestellt": {
        "bezug": Feld(
            Typ.ID,
            beschreibung=(
                "The `id` of the `minderung_festgestellt` that does not take effect; without "
                "it, no Minderung takes effect for violations from `am` to `bis`."
            ),
            norm="§ 31a Abs. 3 SGB II",
        ),
        "bis": Feld(
            Typ.DATUM,
            beschreibung=(
                "Without `bezug`: the last day of the Härte (default: the end of the benefit "
                "period); not before `am`. With `bezug` it has no effect: the Härte then "
                "concerns that one Minderung."
            ),
            norm="§ 31a Abs. 3 SGB II",
        ),
    },
}
"""The art-specific fields of every event (besides `art`, `am` and `id`)."""


def ereignis_felder(art: str) -> Mapping[str, Feld]:
    """All fields of an event of `art`, common ones first."""
    return {**_BASIS, **EREIGNIS_FELDER[art]}


# -- the request (kooplan/anfrage/1) -----------------------------------------------------------------

ANFRAGE_SCHEMA = "kooplan/anfrage/1"


#: The fields of a request, in the order the contract lists them.
ANFRAGE_FELDER: Mapping[str, Feld] = {
    "schema": Feld(Typ.KONSTANTE, True, (ANFRAGE_SCHEMA,), beschreibung="Schema-Kennung"),
    "anliegen": _enum(Anliegen, beschreibung="was versandt werden soll"),
    "stichtag": Feld(Typ.DATUM, True, beschreibung="der Tag, für den entschieden wird"),
    "faellig": Feld(
        Typ.DATUM, beschreibung="der Tag, an dem die Mitwirkung fällig ist (ab dem Stichtag)"
    ),
    "policy": Feld(
        Typ.ID,
        beschreibung="Name einer beim Start gegebenen Policy (sonst die Standard-Policy)",
    ),
    "fall": Feld(Typ.FALL, True, beschreibung="der Fall (kooplan/fall/1)"),
}


def alle_felder() -> dict[str, Feld]:
    """Every field of the input contract by its place: `fall`, `plan.schritte`,
    `eigenbemuehungen.anzahl`, `ereignisse[].am`, `ereignisse[termin_versaeumt].einladung`.

    The contract page and the check that every field is described read this.
    """
    out: dict[str, Feld] = dict(FALL_FELDER)
    out.update({f"plan.{n}": f for n, f in PLAN_FELDER.items()})
    out.update({f"eigenbemuehungen.{n}": f for n, f in EIGENBEMUEHUNGEN_FELDER.items()})
    out.update({f"ereignisse[].{n}": f for n, f in _BASIS.items()})
    for art, felder in EREIGNIS_FELDER.items():
        out.update({f"ereignisse[{art}].{n}": f for n, f in felder.items()})
    return out
