"""The input contract's fields as data (CONTRACT.md): one spec feeds the loader and the schema.

Each field has a type (:class:`Typ`), whether it is required, and for enums its values. The loader
(:mod:`kooplan.vertrag.laden`) reads JSON by these specs; :mod:`kooplan.vertrag.schema` turns the
same specs into JSON Schema, so the two cannot drift.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from kooplan.entscheidung import Anliegen
from kooplan.ereignisse import Minderungsgrund, Mitwirkung, Sperrzeit, Tatbestand, VerlangtVon
from kooplan.kalender import Bekanntgabeart
from kooplan.plan import Zeitraum

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
    "ereignis_felder",
]

FALL_SCHEMA = "kooplan/fall/1"
ENTSCHEIDUNG_SCHEMA = "kooplan/entscheidung/1"
FEHLER_SCHEMA = "kooplan/fehler/1"


class Typ(enum.Enum):
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
    typ: Typ
    pflicht: bool = False
    werte: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    beschreibung: str = ""
    #: For ``Typ.ENUM``: the Python enum the value becomes.
    enum_typ: type[enum.Enum] | None = None


def _enum(e: type[enum.Enum], pflicht: bool = True, beschreibung: str = "") -> Feld:
    return Feld(
        Typ.ENUM, pflicht, tuple(str(m.value) for m in e), beschreibung=beschreibung, enum_typ=e
    )


FALL_FELDER: Mapping[str, Feld] = {
    "schema": Feld(Typ.KONSTANTE, True, (FALL_SCHEMA,), beschreibung="Schema-Kennung"),
    "fall": Feld(Typ.FALL_ID, True, beschreibung="pseudonyme Fallkennung (1–64 Zeichen)"),
    "geburtsdatum": Feld(Typ.DATUM, beschreibung="nur für § 31a Abs. 6; wird nie ausgegeben"),
    "regelbedarfsstufe": Feld(Typ.INT, minimum=1, maximum=4, beschreibung="1–4"),
    "land": Feld(Typ.LAND, beschreibung="Bundesland als ISO 3166-2 (DE-BE …), für Feiertage"),
    "bewilligungszeitraum_ende": Feld(Typ.DATUM, beschreibung="letzter Tag der Bewilligung"),
    "bekanntgabe": _enum(
        Bekanntgabeart,
        pflicht=False,
        beschreibung="wie Bescheide die Person erreichen (§ 37 SGB X); ohne Angabe: Post",
    ),
    "ereignisse": Feld(Typ.EREIGNISSE, True, beschreibung="Ereignisse des Falls"),
}

EIGENBEMUEHUNGEN_FELDER: Mapping[str, Feld] = {
    "art": Feld(Typ.TEXT, True),
    "anzahl": Feld(Typ.INT, True, minimum=1, maximum=1000),
    "zeitraum": _enum(Zeitraum),
    "nachweis": Feld(Typ.TEXT, True),
}

PLAN_FELDER: Mapping[str, Feld] = {
    "eingliederungsziel": Feld(Typ.TEXT, True),
    "schritte": Feld(Typ.TEXTLISTE, True, minimum=1),
    "eigenbemuehungen": Feld(Typ.EIGENBEMUEHUNGEN),
    "leistungen": Feld(Typ.TEXTLISTE),
    "vermittlungsziele": Feld(Typ.TEXTLISTE),
    "andere_leistungstraeger": Feld(Typ.TEXTLISTE),
    "gesundheit": Feld(Typ.TEXTLISTE),
    "bedarfsgemeinschaft": Feld(Typ.TEXTLISTE),
    "integrationskurs": Feld(Typ.BOOL),
    "reha_bedarf": Feld(Typ.BOOL),
}

_BASIS: Mapping[str, Feld] = {
    "art": Feld(Typ.KONSTANTE, True),
    "am": Feld(Typ.DATUM, True),
    "id": Feld(Typ.ID),
}

_PLAN = {"plan": Feld(Typ.PLAN)}

#: The art-specific fields of every event (besides ``art``, ``am`` and ``id``).
EREIGNIS_FELDER: Mapping[str, Mapping[str, Feld]] = {
    "einladung_versandt": {"rfb": Feld(Typ.BOOL), "termin": Feld(Typ.DATUM)},
    "termin_versaeumt": {"wichtiger_grund": Feld(Typ.BOOL, True), "einladung": Feld(Typ.ID)},
    "termin_wahrgenommen": {},
    "persoenlich_gemeldet": {},
    "plan_erstellt": _PLAN,
    "plan_fortgeschrieben": _PLAN,
    "plan_gescheitert": {},
    "schlichtung_begonnen": {"verlangt_von": _enum(VerlangtVon)},
    "schlichtung_beendet": {"einigung": Feld(Typ.BOOL, True)},
    "mitwirkung_unterblieben": {
        "mitwirkung": _enum(Mitwirkung),
        "wichtiger_grund": Feld(Typ.BOOL, True),
    },
    "mitwirkung_erbracht": {"mitwirkung": _enum(Mitwirkung, pflicht=False)},
    "bereitschaft_erklaert": {},
    "wichtiger_grund_nachgewiesen": {"bezug": Feld(Typ.ID, True)},
    "minderung_festgestellt": {
        "grund": _enum(Minderungsgrund),
        "prozent": Feld(Typ.INT, True, minimum=1, maximum=100),
        "beginn": Feld(Typ.DATUM, True),
        "stufe": Feld(Typ.INT, minimum=1, maximum=3),
        "tatbestand": _enum(Tatbestand, pflicht=False),
        "monate": Feld(Typ.INT, minimum=1, maximum=12),
        "bezug": Feld(Typ.ID),
        "sperrzeit": _enum(Sperrzeit, pflicht=False),
    },
    "eingliederungsvereinbarung": {},
    "leistungsbezug_beendet": {},
    "leistungsbezug_aufgenommen": {},
    "minderung_aufgehoben": {"bezug": Feld(Typ.ID, True)},
    "haerte_festgestellt": {"bezug": Feld(Typ.ID), "bis": Feld(Typ.DATUM)},
}


def ereignis_felder(art: str) -> Mapping[str, Feld]:
    """All fields of an event of ``art``, common ones first."""
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
