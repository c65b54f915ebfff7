"""The state machine of a case (docs/fachliches.md section 3): phases, the transition table as data, the fold.

The transition table `UEBERGAENGE` is plain data: each row names the phases it starts from,
what triggers it (an event `art` or a time-driven step), an optional condition, the target, the
norm (by regime of the day it happens) and the kind of source. The diagram, the docs and the
exhaustive tests are generated from this one table.

`schritt` is the pure function `(state, event) -> state`; `zeitschritte` applies the
time-driven transitions up to a day; `falte` folds a case's events up to a Stichtag and
`verlauf` returns every step with the row that justified it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Final

import attrs

from kooplan.motor.fristen import schlichtung_endet_wirksam
from kooplan.recht.begruendung import HINWEISE, Hinweis, hinweis
from kooplan.recht.rechtsstaende import ABGEDECKT_AB, NEUE_GRUNDSICHERUNG_AB, Regime, regime_am
from kooplan.recht.uebergaenge import (
    UEBERGAENGE,
    ZEIT_AUFHEBUNG_15A,
    ZEIT_VIER_WOCHEN,
    Bedingung,
    Uebergang,
    Ziel,
)
from kooplan.werte import darstellung
from kooplan.werte import pruefen as p
from kooplan.werte.ereignisse import (
    EinladungVersandt,
    Ereignis,
    HaerteFestgestellt,
    MinderungAufgehoben,
    MinderungFestgestellt,
    Mitwirkung,
    MitwirkungErbracht,
    MitwirkungUnterblieben,
    PlanErstellt,
    PlanFortgeschrieben,
    SchlichtungBeendet,
    SchlichtungBegonnen,
    TerminVersaeumt,
    WichtigerGrundNachgewiesen,
)
from kooplan.werte.fall import EREIGNIS_KLASSEN, Fall
from kooplan.werte.fehler import (
    RechtsstandNichtAbgedeckt,
    UngueltigeEingabe,
    UngueltigeTabelle,
    UnzulaessigerUebergang,
)
from kooplan.werte.phase import PHASEN_TEXT, Phase
from kooplan.werte.plan import Kooperationsplan

__all__ = [
    "PHASEN_TEXT",
    "UEBERGAENGE",
    "Bedingung",
    "OffeneMitwirkung",
    "Phase",
    "Schritt",
    "Terminversaeumnis",
    "Uebergang",
    "Verlauf",
    "Ziel",
    "Zustand",
    "falte",
    "falte_stichtage",
    "schritt",
    "verlauf",
    "zeilen_fuer",
    "zeitschritte",
]


@attrs.frozen
class OffeneMitwirkung:
    """An outstanding Mitwirkung, caused by the event with `id` (if any) on day `am`."""

    mitwirkung: Mitwirkung = attrs.field(validator=p.ist_enum(Mitwirkung))
    """The kind that is outstanding."""
    am: dt.date = attrs.field(validator=p.ist_tag())
    """The day it was missed."""
    id: str | None = attrs.field(validator=p.ist_ereignis_id)
    """The `id` of the event that made it outstanding, if it had one."""


@attrs.frozen
class Terminversaeumnis:
    """A missed meeting in the current benefit period.

    `folge` is its place in fold order, `rfb` whether its invitation carried an RFB.
    """

    folge: int = attrs.field(validator=p.ist_int(0))
    """Its place in fold order."""
    am: dt.date = attrs.field(validator=p.ist_tag())
    """The day of the missed meeting."""
    id: str | None = attrs.field(validator=p.ist_ereignis_id)
    """The `id` of the `termin_versaeumt`, if it had one."""
    rfb: bool = attrs.field(validator=p.ist_bool)
    """Whether its invitation carried an RFB."""
    entschuldigt: bool = attrs.field(validator=p.ist_bool)
    """Whether a wichtiger Grund excuses it (also one shown later)."""
    termin: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """The day of the meeting, where its invitation names one (`einladung_versandt.termin`); `None`:
    the meeting counts as on `am`."""

    @property
    def termin_am(self) -> dt.date:
        """The day of the missed meeting: its invitation's `termin`, else `am`."""
        return self.am if self.termin is None else self.termin


@attrs.frozen(repr=False)
class Zustand:
    """The state of a case after a fold: the phase and what the rules of the decision and the Rechtsfolgen need."""

    phase: Phase = attrs.field(default=Phase.ERSTKONTAKT, validator=p.ist_enum(Phase))
    """The phase."""
    offen: tuple[OffeneMitwirkung, ...] = attrs.field(
        default=(), validator=p.ist_tupel_von(OffeneMitwirkung, "eine Liste offener Mitwirkungen")
    )
    """Outstanding Mitwirkungen (empty in `kooperation`)."""
    kontakt_im_zeitraum: bool = attrs.field(default=False, validator=p.ist_bool)
    """An einladung_versandt, termin_versaeumt or termin_wahrgenommen is recorded in this period."""
    plan_im_zeitraum: bool = attrs.field(default=False, validator=p.ist_bool)
    """A plan was made (or agreed in a Schlichtung) in this period."""
    zeitraum_begonnen: bool = attrs.field(default=False, validator=p.ist_bool)
    """Some event of this period has been applied (`leistungsbezug_aufgenommen` is then illegal in
    `erstkontakt`)."""
    zeitraum_nr: int = attrs.field(default=0, validator=p.ist_int(0))
    """How many benefit periods began after the first (`leistungsbezug_aufgenommen` from `beendet`).
    """
    letzte_einladung_rfb: bool = attrs.field(default=False, validator=p.ist_bool)
    """Whether the last invitation sent carried an RFB."""
    versaeumnisse: tuple[Terminversaeumnis, ...] = attrs.field(
        default=(),
        validator=p.ist_tupel_von(Terminversaeumnis, "eine Liste von Terminversäumnissen"),
    )
    """Every missed meeting of this period, in fold order."""
    lauf_ab: int = attrs.field(default=-1, validator=p.ist_int(-1))
    """Misses with `folge` up to this number do not count towards the current run."""
    plan: Kooperationsplan | None = attrs.field(
        default=None, validator=p.optional(p.ist_instanz(Kooperationsplan, "ein Kooperationsplan"))
    )
    """The current plan, when its content was given."""
    plan_am: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """The day of the last plan_erstellt / plan_fortgeschrieben / Einigung (review clock)."""
    schlichtung_beginn: dt.date | None = attrs.field(
        default=None, validator=p.optional(p.ist_tag())
    )
    """The day the running Schlichtung began, if one runs."""
    schlichtung_auto_ende: dt.date | None = attrs.field(
        default=None, validator=p.optional(p.ist_tag(spaet=p.SPAETESTER_ABGELEITETER_TAG))
    )
    """The day a Schlichtung ended automatically (four weeks or 1.7.2026), while in ohne_plan."""
    alte_ev_am: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """The day of an old Eingliederungsvereinbarung that still governs (§ 65 Abs. 4 a.F.)."""
    minderungen: tuple[MinderungFestgestellt, ...] = attrs.field(
        default=(),
        validator=p.ist_tupel_von(MinderungFestgestellt, "eine Liste festgestellter Minderungen"),
    )
    """Every festgestellte Minderung, across benefit periods."""
    hinweise: tuple[Hinweis, ...] = attrs.field(
        default=(), validator=p.ist_tupel_von(Hinweis, "eine Liste von Hinweisen")
    )
    """Notes raised by the transition into the current phase."""
    einladungen_rfb: tuple[tuple[str, bool], ...] = attrs.field(
        default=(), validator=p.ist_tupel_von_paaren(str, bool, "eine Liste von Paaren (id, rfb)")
    )
    """Invitations with an `id` and whether they carried an RFB (for `termin_versaeumt`)."""
    aufhebungen: tuple[tuple[str, dt.date], ...] = attrs.field(
        default=(),
        validator=p.ist_tupel_von_paaren(str, dt.date, "eine Liste von Paaren (id, Tag)"),
    )
    """Lifted Minderungen: (`id` of the `minderung_festgestellt`, first day without it)."""
    haerten: tuple[tuple[HaerteFestgestellt, int], ...] = attrs.field(
        default=(),
        validator=p.ist_tupel_von_paaren(
            HaerteFestgestellt, int, "eine Liste von Paaren (Härtefeststellung, Zeitraum)"
        ),
    )
    """Findings of außergewöhnliche Härte (§ 31a Abs. 3), with the benefit period they were made in.
    """
    angewandt: int = attrs.field(default=0, validator=p.ist_int(0))
    """How many events have been applied (the next event's place in fold order)."""
    einladungen_termin: tuple[tuple[str, dt.date], ...] = attrs.field(
        default=(),
        validator=p.ist_tupel_von_paaren(str, dt.date, "eine Liste von Paaren (id, Termin)"),
    )
    """Invitations with an `id` and a `termin`: (id, day of the meeting)."""
    schlichtungen: int = attrs.field(default=0, validator=p.ist_int(0))
    """How many Schlichtungen began in this benefit period (§ 15a Abs. 1 SGB II a.F.)."""
    lauf_ab_tag: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """The day of the last break of the run of missed meetings (a kept meeting, a personal report,
    an excused miss), with `lauf_ab` its place in fold order; `None`: none yet."""

    @property
    def offene_arten(self) -> frozenset[Mitwirkung]:
        """The kinds of Mitwirkung outstanding."""
        return frozenset(o.mitwirkung for o in self.offen)

    @property
    def terminlauf(self) -> tuple[Terminversaeumnis, ...]:
        """The current run of unexcused missed meetings (since the last kept meeting, personal
        report or excused miss), in the order of their meetings (`Terminversaeumnis.termin_am`;
        misses of the same day in fold order)."""
        if self.lauf_ab_tag is None:
            lauf = [v for v in self.versaeumnisse if v.folge > self.lauf_ab and not v.entschuldigt]
        else:
            # a miss belongs to the run when its meeting lies after the break (same day: after
            # it in fold order); a miss recorded late for a meeting before the break does not
            bruch = (self.lauf_ab_tag, self.lauf_ab)
            lauf = [
                v
                for v in self.versaeumnisse
                if not v.entschuldigt and (v.termin_am, v.folge) > bruch
            ]
        if any(v.termin is not None for v in lauf):
            lauf.sort(key=lambda v: (v.termin_am, v.folge))
        return tuple(lauf)

    def mit_rfb_in_folge(self, ab: dt.date) -> int:
        """How many of the last missed meetings of the current run, with meetings from `ab` on,
        followed invitations with a written RFB, one after another (§ 7b Abs. 4 Satz 1 SGB II
        n.F.: "trotz schriftlicher Belehrung … drei aufeinanderfolgenden Meldeaufforderungen")."""
        n = 0
        for v in reversed(self.terminlauf):
            if not v.rfb or v.termin_am < ab:
                break
            n += 1
        return n

    def __repr__(self) -> str:
        offen = ",".join(sorted(m.value for m in self.offene_arten))
        return (
            f"Zustand(phase={self.phase.value}, offen=[{offen}], "
            f"terminlauf={len(self.terminlauf)}, plan_am={self.plan_am}, "
            f"minderungen={len(self.minderungen)})"
        )


@attrs.frozen
class Schritt:
    """One applied step of a fold: from which phase to which, by which row, on which day."""

    tag: dt.date = attrs.field(validator=p.ist_tag(spaet=p.SPAETESTER_ABGELEITETER_TAG))
    """The day of the step."""
    ausloeser: str = attrs.field(validator=p.ist_text)
    """The event's art, or a time-driven trigger (`zeit:vier_wochen` …)."""
    von: Phase = attrs.field(validator=p.ist_enum(Phase))
    """The phase before the step."""
    nach: Phase = attrs.field(validator=p.ist_enum(Phase))
    """The phase after the step."""
    regel: Uebergang = attrs.field(
        validator=p.ist_instanz(Uebergang, "eine Zeile der Übergangstabelle")
    )
    """The row of the transition table that was taken."""
    ereignis: Ereignis | None = attrs.field(
        default=None, validator=p.optional(p.ist_instanz(EREIGNIS_KLASSEN, "ein Ereignis"))
    )
    """The event (None for a time-driven step) and its position in the case's input."""
    position: int | None = attrs.field(default=None, validator=p.optional(p.ist_int(0)))
    """The event's index in the case's `ereignisse` (`None` for a time step)."""
    norm: str | None = attrs.field(default=None, validator=p.optional(p.ist_text))
    """The row's norm as cited on `tag`."""

    @property
    def hinweise(self) -> tuple[str, ...]:
        """The codes of the notes the step raised: those of its row that apply on its day."""
        return tuple(c for c in self.regel.hinweise if HINWEISE[c].gilt_am(self.tag))


# -- the working state of one fold -----------------------------------------------------------------


class _Offen:
    """The outstanding Mitwirkungen of a fold, in order, indexed by kind and by ``id``.

    Adding one, dropping those of a kind or of an ``id`` cost time in what is added or dropped,
    never in how much is outstanding, so a fold stays linear in its events."""

    __slots__ = ("eintraege", "je_art", "je_id", "zaehler")

    def __init__(self, offen: tuple[OffeneMitwirkung, ...] = ()) -> None:
        self.eintraege: dict[int, OffeneMitwirkung] = {}
        self.je_art: dict[Mitwirkung, dict[int, None]] = {}
        self.je_id: dict[str | None, dict[int, None]] = {}
        self.zaehler = 0
        for o in offen:
            self.dazu(o)

    def dazu(self, o: OffeneMitwirkung) -> None:
        k = self.zaehler
        self.zaehler = k + 1
        self.eintraege[k] = o
        self.je_art.setdefault(o.mitwirkung, {})[k] = None
        self.je_id.setdefault(o.id, {})[k] = None

    def _ohne(self, schluessel: dict[int, None] | None) -> None:
        for k in list(schluessel or ()):
            o = self.eintraege.pop(k)
            art = self.je_art[o.mitwirkung]
            del art[k]
            if not art:
                del self.je_art[o.mitwirkung]
            ids = self.je_id[o.id]
            del ids[k]
            if not ids:
                del self.je_id[o.id]

    def ohne_art(self, art: Mitwirkung) -> None:
        self._ohne(self.je_art.get(art))

    def ohne_id(self, eid: str) -> None:
        self._ohne(self.je_id.get(eid))

    def arten(self) -> frozenset[Mitwirkung]:
        return frozenset(self.je_art)

    def __bool__(self) -> bool:
        return bool(self.eintraege)

    def als_tupel(self) -> tuple[OffeneMitwirkung, ...]:
        return tuple(self.eintraege.values())


class _Arbeit:
    """The mutable working copy of a `Zustand` inside one step or fold.

    The fold changes a few fields per event; building a new frozen (validated) `Zustand`
    for each change cost most of its time. So a step works on this copy, and the frozen state is
    built once, when the step or fold is done (`einfrieren`). What grows with the events is
    kept in lists and indexed (the outstanding Mitwirkungen by kind and id, the missed meetings by
    id, the invitations' RFB by id), so that each event costs the same whatever came before. It
    never leaves this module; its fields are those of `Zustand` and the indexes in
    `ARBEITSKOPIE_INDIZES` (a test checks that, through `ARBEITSKOPIE_SLOTS`).
    """

    __slots__ = (
        "alte_ev_am",
        "angewandt",
        "aufhebungen",
        "einladungen_rfb",
        "einladungen_termin",
        "haerten",
        "hinweise",
        "kontakt_im_zeitraum",
        "lauf_ab",
        "lauf_ab_tag",
        "letzte_einladung_rfb",
        "minderungen",
        "offen",
        "phase",
        "plan",
        "plan_am",
        "plan_im_zeitraum",
        "rfb_je_einladung",
        "schlichtung_auto_ende",
        "schlichtung_beginn",
        "schlichtungen",
        "termin_je_einladung",
        "versaeumnisse",
        "versaeumnisse_je_id",
        "zeitraum_begonnen",
        "zeitraum_nr",
    )
    phase: Phase
    offen: _Offen
    kontakt_im_zeitraum: bool
    plan_im_zeitraum: bool
    zeitraum_begonnen: bool
    zeitraum_nr: int
    letzte_einladung_rfb: bool
    versaeumnisse: list[Terminversaeumnis]
    lauf_ab: int
    plan: Kooperationsplan | None
    plan_am: dt.date | None
    schlichtung_beginn: dt.date | None
    schlichtung_auto_ende: dt.date | None
    alte_ev_am: dt.date | None
    minderungen: list[MinderungFestgestellt]
    hinweise: tuple[Hinweis, ...]
    einladungen_rfb: list[tuple[str, bool]]
    aufhebungen: list[tuple[str, dt.date]]
    haerten: list[tuple[HaerteFestgestellt, int]]
    angewandt: int
    einladungen_termin: list[tuple[str, dt.date]]
    schlichtungen: int
    lauf_ab_tag: dt.date | None
    #: The positions in ``versaeumnisse`` by the missed meeting's ``id``.
    versaeumnisse_je_id: dict[str | None, list[int]]
    #: Whether the invitation of an ``id`` carried an RFB (the last one of that id counts).
    rfb_je_einladung: dict[str, bool]
    #: The day of the meeting an invitation of an ``id`` set (the last one of that id counts).
    termin_je_einladung: dict[str, dt.date]

    def __init__(self, z: Zustand) -> None:
        self.phase = z.phase
        self.offen = _Offen(z.offen)
        self.kontakt_im_zeitraum = z.kontakt_im_zeitraum
        self.plan_im_zeitraum = z.plan_im_zeitraum
        self.zeitraum_begonnen = z.zeitraum_begonnen
        self.zeitraum_nr = z.zeitraum_nr
        self.letzte_einladung_rfb = z.letzte_einladung_rfb
        self.versaeumnisse = list(z.versaeumnisse)
        self.versaeumnisse_je_id = {}
        for i, v in enumerate(z.versaeumnisse):
            self.versaeumnisse_je_id.setdefault(v.id, []).append(i)
        self.lauf_ab = z.lauf_ab
        self.plan = z.plan
        self.plan_am = z.plan_am
        self.schlichtung_beginn = z.schlichtung_beginn
        self.schlichtung_auto_ende = z.schlichtung_auto_ende
        self.alte_ev_am = z.alte_ev_am
        self.minderungen = list(z.minderungen)
        self.hinweise = z.hinweise
        self.einladungen_rfb = list(z.einladungen_rfb)
        self.rfb_je_einladung = dict(z.einladungen_rfb)
        self.aufhebungen = list(z.aufhebungen)
        self.haerten = list(z.haerten)
        self.angewandt = z.angewandt
        self.einladungen_termin = list(z.einladungen_termin)
        self.termin_je_einladung = dict(z.einladungen_termin)
        self.schlichtungen = z.schlichtungen
        self.lauf_ab_tag = z.lauf_ab_tag

    def einfrieren(self) -> Zustand:
        """The frozen state (built once, with its checks)."""
        return Zustand(
            phase=self.phase,
            offen=self.offen.als_tupel(),
            kontakt_im_zeitraum=self.kontakt_im_zeitraum,
            plan_im_zeitraum=self.plan_im_zeitraum,
            zeitraum_begonnen=self.zeitraum_begonnen,
            zeitraum_nr=self.zeitraum_nr,
            letzte_einladung_rfb=self.letzte_einladung_rfb,
            versaeumnisse=tuple(self.versaeumnisse),
            lauf_ab=self.lauf_ab,
            plan=self.plan,
            plan_am=self.plan_am,
            schlichtung_beginn=self.schlichtung_beginn,
            schlichtung_auto_ende=self.schlichtung_auto_ende,
            alte_ev_am=self.alte_ev_am,
            minderungen=tuple(self.minderungen),
            hinweise=self.hinweise,
            einladungen_rfb=tuple(self.einladungen_rfb),
            aufhebungen=tuple(self.aufhebungen),
            haerten=tuple(self.haerten),
            angewandt=self.angewandt,
            einladungen_termin=tuple(self.einladungen_termin),
            schlichtungen=self.schlichtungen,
            lauf_ab_tag=self.lauf_ab_tag,
        )


#: The slots of `_Arbeit` that are indexes, not fields of `Zustand` (not in `__all__`, as
#: `ARBEITSKOPIE_SLOTS`).
ARBEITSKOPIE_INDIZES: Final = frozenset(
    {"versaeumnisse_je_id", "rfb_je_einladung", "termin_je_einladung"}
)
#: Every slot of the fold's working copy `_Arbeit`. Not in `__all__` (the copy is the fold's
#: own): named for the test that holds it to the fields of `Zustand` and `ARBEITSKOPIE_INDIZES`,
#: so that a field added to the state cannot be lost between two events of a fold.
ARBEITSKOPIE_SLOTS: Final = frozenset(_Arbeit.__slots__)


class _Vorher:
    """What the conditions and the step read of the state before an event was booked."""

    __slots__ = ("offen", "phase", "schlichtung_auto_ende", "zeitraum_begonnen")

    def __init__(self, z: _Arbeit) -> None:
        self.phase = z.phase
        #: the kinds of Mitwirkung outstanding
        self.offen = z.offen.arten()
        self.zeitraum_begonnen = z.zeitraum_begonnen
        self.schlichtung_auto_ende = z.schlichtung_auto_ende


_LEER: Final = Zustand()


# -- conditions ----------------------------------------------------------------------------------

_Pruefung = Callable[[_Vorher, _Arbeit, Ereignis | None, dt.date], bool]


def _art_offen(vor: _Vorher, _nach: _Arbeit, e: Ereignis | None, _t: dt.date) -> bool:
    """`mitwirkung_erbracht` names an outstanding kind (without a kind: something is open)."""
    assert isinstance(e, MitwirkungErbracht)  # the only rows with this condition
    if e.mitwirkung is None:
        return bool(vor.offen)
    return e.mitwirkung in vor.offen


_BEDINGUNGEN: Mapping[Bedingung, _Pruefung] = {
    Bedingung.OHNE_WICHTIGEN_GRUND: lambda v, n, e, t: (
        isinstance(e, MitwirkungUnterblieben) and not e.wichtiger_grund
    ),
    Bedingung.MIT_WICHTIGEM_GRUND: lambda v, n, e, t: (
        isinstance(e, MitwirkungUnterblieben) and e.wichtiger_grund
    ),
    Bedingung.ZEITRAUM_LEER: lambda v, n, e, t: not v.zeitraum_begonnen,
    Bedingung.NUR_REGIME_B: lambda v, n, e, t: _regime(t) is not Regime.C,
    Bedingung.EINIGUNG: lambda v, n, e, t: isinstance(e, SchlichtungBeendet) and e.einigung,
    Bedingung.KEINE_EINIGUNG: lambda v, n, e, t: (
        isinstance(e, SchlichtungBeendet) and not e.einigung
    ),
    Bedingung.NACH_AUTOMATISCHEM_ENDE: lambda v, n, e, t: (
        v.schlichtung_auto_ende is not None and t >= v.schlichtung_auto_ende
    ),
    Bedingung.NACH_AUTOMATISCHEM_ENDE_EINIGUNG: lambda v, n, e, t: (
        v.schlichtung_auto_ende is not None
        and t >= v.schlichtung_auto_ende
        and isinstance(e, SchlichtungBeendet)
        and e.einigung
    ),
    Bedingung.ART_OFFEN: _art_offen,
    Bedingung.LETZTE_OFFENE_ART_ENTSCHULDIGT: lambda v, n, e, t: bool(v.offen) and not n.offen,
}


def pruefe_bedingungen(tabelle: tuple[Uebergang, ...]) -> None:
    """Every condition a row of `tabelle` names has its predicate here; else
    `UngueltigeTabelle` naming the row (checked at import for `UEBERGAENGE`)."""
    for row in tabelle:
        if row.bedingung is not None and row.bedingung not in _BEDINGUNGEN:
            raise UngueltigeTabelle(
                f"Übergangstabelle, Zeile {row.id!r}: für die Bedingung "
                f"{getattr(row.bedingung, 'name', row.bedingung)} gibt es keine Prüfung."
            )


pruefe_bedingungen(UEBERGAENGE)


class _Zeile:
    """A row of the transition table as the fold applies it: the row, its condition's check,
    and the notes it raises (looked up once, not per event)."""

    __slots__ = ("hinweise", "pruefung", "row")

    def __init__(self, row: Uebergang) -> None:
        self.row = row
        self.pruefung = _BEDINGUNGEN[row.bedingung] if row.bedingung is not None else None
        self.hinweise = tuple(hinweis(c) for c in row.hinweise)


_ZEILEN: Mapping[tuple[Phase, str], tuple[tuple[_Zeile, ...], bool]] = {}
"""The rows for (phase, trigger), in table order, and whether any of them has a condition (only then
does a step need what the state was before the event was booked)."""


def _index(
    tabelle: tuple[Uebergang, ...] = UEBERGAENGE,
) -> dict[tuple[Phase, str], tuple[tuple[_Zeile, ...], bool]]:
    idx: dict[tuple[Phase, str], list[_Zeile]] = {}
    for row in tabelle:
        zeile = _Zeile(row)
        for phase in row.von:
            for a in row.ausloeser:
                idx.setdefault((phase, a), []).append(zeile)
    return {k: (tuple(v), any(z.pruefung is not None for z in v)) for k, v in idx.items()}


_ZEILEN = _index()
_KEINE: Final[tuple[tuple[_Zeile, ...], bool]] = ((), False)


def zeilen_fuer(
    phase: Phase, ausloeser: str, tabelle: tuple[Uebergang, ...] | None = None
) -> tuple[Uebergang, ...]:
    """The rows the fold tries for `ausloeser` (an event `art` or a time-driven step) in
    `phase`, in table order; the first whose condition holds is taken. With `tabelle`, the rows
    of that table, indexed as the fold indexes its own at import."""
    index = _ZEILEN if tabelle is None else _index(tabelle)
    return tuple(z.row for z in index.get((phase, ausloeser), _KEINE)[0])


def _zeile(
    zeilen: tuple[_Zeile, ...], vor: _Vorher | None, nach: _Arbeit, e: Ereignis | None, tag: dt.date
) -> _Zeile | None:
    """The first of `zeilen` whose condition holds (`vor` is given when one has a condition)."""
    for zeile in zeilen:
        pruefung = zeile.pruefung
        if pruefung is None:
            return zeile
        assert vor is not None
        if pruefung(vor, nach, e, tag):
            return zeile
    return None


# -- bookkeeping by event art (independent of the phase) -----------------------------------------


_KEIN_EREIGNIS_DES_ZEITRAUMS = frozenset(
    {
        "minderung_festgestellt",
        "minderung_aufgehoben",
        "haerte_festgestellt",
        "wichtiger_grund_nachgewiesen",
        "eingliederungsvereinbarung",
    }
)
"""Records that do not count as events of a benefit period (history and later findings)."""
_VORGESCHICHTE = frozenset({"minderung_festgestellt", "eingliederungsvereinbarung"})
"""Events accepted before 1.7.2023 (history only, docs/fachliches.md section 2)."""
_UEBER_ZEITRAEUME = (
    "minderungen",
    "aufhebungen",
    "haerten",
    "einladungen_rfb",
    "einladungen_termin",
    "rfb_je_einladung",
    "termin_je_einladung",
    "angewandt",
)
"""What a new benefit period keeps of the last one (`leistungsbezug_aufgenommen` after `beendet`):
the Minderungen with their lifts and Härte findings, the invitations."""


def _buchen(z: _Arbeit, e: Ereignis) -> None:
    """Apply what an event changes besides the phase (to the working state `z`)."""
    folge = z.angewandt
    z.angewandt = folge + 1
    art = e.art
    if art not in _KEIN_EREIGNIS_DES_ZEITRAUMS:
        z.zeitraum_begonnen = True
    buchung = _BUCHUNG.get(art)
    if buchung is not None:
        buchung(z, e, folge)


def _b_einladung(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, EinladungVersandt)
    z.kontakt_im_zeitraum = True
    z.letzte_einladung_rfb = e.rfb
    if e.id is not None:
        z.einladungen_rfb.append((e.id, e.rfb))
        z.rfb_je_einladung[e.id] = e.rfb
        if e.termin is not None:
            z.einladungen_termin.append((e.id, e.termin))
            z.termin_je_einladung[e.id] = e.termin


def _b_termin_versaeumt(z: _Arbeit, e: Ereignis, folge: int) -> None:
    assert isinstance(e, TerminVersaeumt)
    rfb = z.letzte_einladung_rfb
    termin = None
    if e.einladung is not None:
        genannt = z.rfb_je_einladung.get(e.einladung)
        if genannt is None:
            # a case refuses such an event when it is read; a state stepped by hand (`schritt`)
            # would otherwise count the miss with the RFB of another invitation
            raise UngueltigeEingabe(
                "'einladung' nennt keine Einladung, die der Zustand kennt.", ort="einladung"
            )
        rfb = genannt
        termin = z.termin_je_einladung.get(e.einladung)
    z.kontakt_im_zeitraum = True
    v = Terminversaeumnis(folge, e.am, e.id, rfb, e.wichtiger_grund, termin)
    z.versaeumnisse_je_id.setdefault(e.id, []).append(len(z.versaeumnisse))
    z.versaeumnisse.append(v)
    if e.wichtiger_grund:
        _lauf_brechen(z, v.termin_am, folge)


def _b_termin_wahrgenommen(z: _Arbeit, e: Ereignis, folge: int) -> None:
    z.kontakt_im_zeitraum = True
    _lauf_brechen(z, e.am, folge)


def _b_persoenlich_gemeldet(z: _Arbeit, e: Ereignis, folge: int) -> None:
    _lauf_brechen(z, e.am, folge)


def _lauf_brechen(z: _Arbeit, tag: dt.date, folge: int) -> None:
    """The run of missed meetings ends at (`tag`, `folge`), unless a later break stands."""
    if z.lauf_ab_tag is None or (tag, folge) > (z.lauf_ab_tag, z.lauf_ab):
        z.lauf_ab_tag, z.lauf_ab = tag, folge


def _b_plan(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, (PlanErstellt, PlanFortgeschrieben))
    if e.plan is not None:
        z.plan = e.plan
    z.plan_am = e.am
    z.plan_im_zeitraum = True
    z.offen = _Offen()
    z.alte_ev_am = None
    z.schlichtung_beginn = None


def _b_schlichtung_begonnen(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    z.schlichtung_beginn = e.am
    z.schlichtung_auto_ende = None
    z.schlichtungen += 1


def _b_schlichtung_beendet(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, SchlichtungBeendet)
    if z.phase is Phase.SCHLICHTUNG:
        z.schlichtung_beginn = None
        if e.einigung:
            # the agreed plan counts as made that day: it also ends an old agreement
            z.plan_am = e.am
            z.plan_im_zeitraum = True
            z.offen = _Offen()
            z.alte_ev_am = None


def _b_mitwirkung_unterblieben(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, MitwirkungUnterblieben)
    if not e.wichtiger_grund:
        z.offen.dazu(OffeneMitwirkung(e.mitwirkung, e.am, e.id))


def _b_mitwirkung_erbracht(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, MitwirkungErbracht)
    if e.mitwirkung is None:
        z.offen = _Offen()
    else:
        z.offen.ohne_art(e.mitwirkung)


def _b_bereitschaft(z: _Arbeit, _e: Ereignis, _folge: int) -> None:
    z.offen = _Offen()


def _b_wichtiger_grund(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, WichtigerGrundNachgewiesen)
    _entschuldigen(z, e.bezug)


def _b_minderung(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, MinderungFestgestellt)
    z.minderungen.append(e)


def _b_aufhebung(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, MinderungAufgehoben)
    z.aufhebungen.append((e.bezug, e.am))


def _b_haerte(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    assert isinstance(e, HaerteFestgestellt)
    z.haerten.append((e, z.zeitraum_nr))


def _b_alte_ev(z: _Arbeit, e: Ereignis, _folge: int) -> None:
    z.alte_ev_am = e.am


def _b_neuer_zeitraum(z: _Arbeit, _e: Ereignis, _folge: int) -> None:
    if z.phase is not Phase.BEENDET:
        return
    behalten = {name: getattr(z, name) for name in _UEBER_ZEITRAEUME}
    nr = z.zeitraum_nr + 1
    _Arbeit.__init__(z, _LEER)
    for name, wert in behalten.items():
        setattr(z, name, wert)
    z.zeitraum_nr = nr
    z.zeitraum_begonnen = True


_BUCHUNG: Final[Mapping[str, Callable[[_Arbeit, Ereignis, int], None]]] = {
    "einladung_versandt": _b_einladung,
    "termin_versaeumt": _b_termin_versaeumt,
    "termin_wahrgenommen": _b_termin_wahrgenommen,
    "persoenlich_gemeldet": _b_persoenlich_gemeldet,
    "plan_erstellt": _b_plan,
    "plan_fortgeschrieben": _b_plan,
    "schlichtung_begonnen": _b_schlichtung_begonnen,
    "schlichtung_beendet": _b_schlichtung_beendet,
    "mitwirkung_unterblieben": _b_mitwirkung_unterblieben,
    "mitwirkung_erbracht": _b_mitwirkung_erbracht,
    "bereitschaft_erklaert": _b_bereitschaft,
    "wichtiger_grund_nachgewiesen": _b_wichtiger_grund,
    "minderung_festgestellt": _b_minderung,
    "minderung_aufgehoben": _b_aufhebung,
    "haerte_festgestellt": _b_haerte,
    "eingliederungsvereinbarung": _b_alte_ev,
    "leistungsbezug_aufgenommen": _b_neuer_zeitraum,
}
"""What each event art books (arts not listed book only their place and the benefit period)."""


def _entschuldigen(z: _Arbeit, bezug: str) -> None:
    """A wichtiger Grund shown later for the event ``bezug``: from now on it counts as excused."""
    z.offen.ohne_id(bezug)
    versaeumnisse = z.versaeumnisse
    for i in z.versaeumnisse_je_id.get(bezug, ()):
        v = versaeumnisse[i]
        if not v.entschuldigt:
            versaeumnisse[i] = attrs.evolve(v, entschuldigt=True)
            _lauf_brechen(z, v.termin_am, v.folge)  # an excused miss breaks the run


def _betreten(phase_vor: Phase, z: _Arbeit, zeile: _Zeile, neu: Phase, tag: dt.date) -> None:
    """Set the new phase and the notes that come with it (those that apply on `tag`)."""
    raised = tuple(h for h in zeile.hinweise if h.gilt_am(tag)) if zeile.hinweise else ()
    if neu is phase_vor:
        if raised:
            codes = {h.code for h in z.hinweise}
            z.hinweise = z.hinweise + tuple(h for h in raised if h.code not in codes)
        return
    z.phase = neu
    z.hinweise = raised
    if neu is Phase.KOOPERATION:
        z.offen = _Offen()  # every transition into kooperation leaves nothing outstanding
    if neu is Phase.OHNE_PLAN:
        z.plan = None
        z.plan_am = None
        z.schlichtung_beginn = None
    if phase_vor is Phase.OHNE_PLAN:
        z.schlichtung_auto_ende = None


def _regime(tag: dt.date) -> Regime | None:
    """The regime of `tag` by the Rechtsstand table (`None` for the history before 1.7.2023)."""
    return None if tag < ABGEDECKT_AB else regime_am(tag)


def _unzulaessig(phase: Phase, e: Ereignis, position: int | None) -> UnzulaessigerUebergang:
    wo = f" (Ereignis Nr. {position + 1})" if position is not None else ""
    grund = ""
    if isinstance(e, MitwirkungErbracht):
        grund = (
            " Es war keine Mitwirkung dieser Art offen: Der Verlauf ist widersprüchlich."
            if e.mitwirkung is not None
            else " Es war keine Mitwirkung offen: Der Verlauf ist widersprüchlich."
        )
    elif isinstance(e, SchlichtungBegonnen) and e.am >= NEUE_GRUNDSICHERUNG_AB:
        grund = (
            " Das Schlichtungsverfahren (§ 15a SGB II a.F.) gibt es seit dem 1.7.2026 nicht mehr."
        )
    return UnzulaessigerUebergang(
        f"Das Ereignis '{e.art}' vom {e.am:%d.%m.%Y}{wo} ist in der Phase '{phase.value}' "
        f"nicht zulässig.{grund}",
        ort=f"ereignisse[{position}]" if position is not None else None,
    )


def _schritt(
    z: _Arbeit, e: Ereignis, position: int | None, protokoll: list[Schritt] | None
) -> None:
    """Apply the event `e` to the working state `z` (and record the step in `protokoll`)."""
    art = e.art
    am = e.am
    if am < ABGEDECKT_AB and art not in _VORGESCHICHTE:
        raise RechtsstandNichtAbgedeckt(
            f"Das Ereignis '{art}' vom {am:%d.%m.%Y} liegt vor dem 1.7.2023; davor werden nur "
            "festgestellte Minderungen und Eingliederungsvereinbarungen als Vorgeschichte "
            "angenommen.",
            ort=f"ereignisse[{position}].am" if position is not None else "am",
        )
    phase_vor = z.phase
    zeilen, bedingt = _ZEILEN.get((phase_vor, art), _KEINE)
    vor = _Vorher(z) if bedingt else None  # what the conditions read, before the booking
    _buchen(z, e)
    zeile = _zeile(zeilen, vor, z, e, am)
    if zeile is None:
        raise _unzulaessig(phase_vor, e, position)
    row = zeile.row
    nach = row.nach
    if isinstance(nach, Phase):
        neu = nach
    elif nach is Ziel.KOOPERATION_WENN_NICHTS_OFFEN and not z.offen:
        neu = Phase.KOOPERATION
    else:
        neu = phase_vor
    _betreten(phase_vor, z, zeile, neu, am)
    if protokoll is not None:
        protokoll.append(Schritt(am, art, phase_vor, neu, row, e, position, row.norm(_regime(am))))


def schritt(zustand: Zustand, ereignis: Ereignis, position: int | None = None) -> Zustand:
    """The pure transition function `(state, event) -> state`.

    It does not apply time-driven steps: call `zeitschritte` up to the event's day first
    (`falte` does). `position` is the event's index in the case's input, used in errors.
    Raises `UnzulaessigerUebergang` for an event the table does not allow.

    Examples:
        >>> import datetime as dt
        >>> from kooplan.werte.ereignisse import PlanErstellt
        >>> schritt(Zustand(), PlanErstellt(am=dt.date(2024, 1, 15))).phase
        <Phase.KOOPERATION: 'kooperation'>
    """
    z = _Arbeit(zustand)
    _schritt(z, ereignis, position, None)
    return z.einfrieren()


def _naechster_zeitschritt(z: _Arbeit) -> tuple[dt.date, str] | None:
    if z.phase is not Phase.SCHLICHTUNG or z.schlichtung_beginn is None:
        return None
    vier_wochen = schlichtung_endet_wirksam(z.schlichtung_beginn)
    if vier_wochen <= NEUE_GRUNDSICHERUNG_AB:
        return vier_wochen, ZEIT_VIER_WOCHEN
    return NEUE_GRUNDSICHERUNG_AB, ZEIT_AUFHEBUNG_15A


def _zeitschritte(z: _Arbeit, bis: dt.date, protokoll: list[Schritt] | None) -> None:
    while (faellig := _naechster_zeitschritt(z)) is not None and faellig[0] <= bis:
        tag, ausloeser = faellig
        vor = _Vorher(z)
        zeile = _zeile(_ZEILEN.get((vor.phase, ausloeser), _KEINE)[0], vor, z, None, tag)
        assert zeile is not None and isinstance(zeile.row.nach, Phase)
        z.schlichtung_auto_ende = tag
        _betreten(vor.phase, z, zeile, zeile.row.nach, tag)
        if protokoll is not None:
            row = zeile.row
            protokoll.append(
                Schritt(tag, ausloeser, vor.phase, z.phase, row, None, None, row.norm(_regime(tag)))
            )


def zeitschritte(zustand: Zustand, bis: dt.date) -> Zustand:
    """Apply every time-driven transition whose effective day is on or before `bis`.

    The four-week end of a Schlichtung takes effect on the day after its last day; the repeal of
    § 15a a.F. on 1.7.2026; the earlier of the two applies.
    """
    z = _Arbeit(zustand)
    _zeitschritte(z, bis, None)
    return z.einfrieren()


def _falte(fall: Fall, stichtag: dt.date, protokoll: list[Schritt] | None) -> _Arbeit:
    """Fold on the working state; errors name the case."""
    z = _Arbeit(_LEER)
    ereignisse = fall.ereignisse
    tage = [e.am for e in ereignisse]
    # date order, same-day events in input order (sorting positions by day is stable)
    reihenfolge = sorted(range(len(tage)), key=tage.__getitem__)
    try:
        for position in reihenfolge:
            e = ereignisse[position]
            if tage[position] > stichtag:
                break
            if z.phase is Phase.SCHLICHTUNG:  # only a Schlichtung ends by time
                _zeitschritte(z, e.am, protokoll)
            _schritt(z, e, position, protokoll)
        _zeitschritte(z, stichtag, protokoll)
    except (UnzulaessigerUebergang, RechtsstandNichtAbgedeckt) as err:
        raise err.mit_fall(fall.fall) from None
    return z


def falte(fall: Fall, stichtag: dt.date) -> Zustand:
    """Fold the case's events up to and including `stichtag` into its state.

    Events are applied in date order, same-day events in input order; events dated after the
    Stichtag are not applied. Time-driven steps whose effective day is on or before an event's
    day are applied before it, and those up to the Stichtag at the end. Errors name the case.
    """
    return _falte(fall, stichtag, None).einfrieren()


def falte_stichtage(
    fall: Fall, stichtage: Iterable[dt.date]
) -> Iterator[Zustand | UnzulaessigerUebergang | RechtsstandNichtAbgedeckt]:
    """The case's state at each of `stichtage`, folding its events once.

    `stichtage` must not decrease. The fold passes each Stichtag on its way: the value for a
    Stichtag is what `falte(fall, stichtag)` returns, or the error it raises (naming the case),
    as a generator (one value per Stichtag, in order). Once the fold met an inconsistent event,
    every later Stichtag gets that error, as `falte` gives it for each of them. A Stichtag with
    no event or time-driven step since the one before gets the same `Zustand` object.

    Examples:
        >>> import datetime as dt
        >>> from kooplan.werte.ereignisse import PlanErstellt, PlanGescheitert
        >>> fall = Fall("F-1", [PlanErstellt(am=dt.date(2024, 1, 15)),
        ...                     PlanGescheitert(am=dt.date(2024, 3, 1))])
        >>> tage = [dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 31)]
        >>> [z.phase.value for z in falte_stichtage(fall, tage)]
        ['kooperation', 'kooperation', 'ohne_plan']
    """
    z = _Arbeit(_LEER)
    ereignisse = fall.ereignisse
    tage = [e.am for e in ereignisse]
    reihenfolge = sorted(range(len(tage)), key=tage.__getitem__)  # as in `falte`
    naechste = 0
    fehler: UnzulaessigerUebergang | RechtsstandNichtAbgedeckt | None = None
    vorige: dt.date | None = None
    zuletzt: Zustand | None = None
    for stichtag in stichtage:
        p.pruefe_tag_argument("stichtag", stichtag)
        if vorige is not None and stichtag < vorige:
            raise UngueltigeEingabe(
                f"Die Stichtage dürfen nicht fallen: {stichtag:%d.%m.%Y} folgt auf "
                f"{vorige:%d.%m.%Y}.",
                ort="stichtage",
            )
        vorige = stichtag
        if fehler is None:
            try:
                while naechste < len(reihenfolge) and tage[reihenfolge[naechste]] <= stichtag:
                    position = reihenfolge[naechste]
                    e = ereignisse[position]
                    if z.phase is Phase.SCHLICHTUNG:  # only a Schlichtung ends by time
                        _zeitschritte(z, e.am, None)
                    _schritt(z, e, position, None)
                    naechste += 1
                    zuletzt = None
            except (UnzulaessigerUebergang, RechtsstandNichtAbgedeckt) as err:
                fehler = err
                err.mit_fall(fall.fall)
        if fehler is not None:
            yield fehler
            continue
        faellig = _naechster_zeitschritt(z)
        if faellig is not None and faellig[0] <= stichtag:
            _zeitschritte(z, stichtag, None)
            zuletzt = None
        if zuletzt is None:
            zuletzt = z.einfrieren()
        yield zuletzt


class Verlauf(tuple[Schritt, ...]):
    """The steps of a case's fold (a tuple), shown as a table in a notebook."""

    __slots__ = ()

    def __str__(self) -> str:
        """One line: the number of steps and the phases the case went through."""
        return darstellung.verlauf_kurz(self)

    def als_text(self) -> str:
        """The steps explained as plain text: day, trigger, phases, rule, norm, notes."""
        return darstellung.verlauf_text(self)

    def als_markdown(self) -> str:
        """The steps as a Markdown table."""
        return darstellung.verlauf_markdown(self)

    def _repr_html_(self) -> str:  # Jupyter
        return darstellung.verlauf_html(self)


def verlauf(fall: Fall, stichtag: dt.date) -> Verlauf:
    """Every step of the fold up to `stichtag`, each with its table row and norm."""
    protokoll: list[Schritt] = []
    _falte(fall, stichtag, protokoll)
    return Verlauf(protokoll)
