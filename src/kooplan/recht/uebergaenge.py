"""The transition table of the state machine as data (docs/fachliches.md section 3).

Each row names the phases it starts from, what triggers it (an event `art` or a time-driven
step), an optional condition (`Bedingung`, a name: its predicate lives in the fold,
`kooplan.motor.phasen`), the target, the norm by regime of the day it happens and the kind of
source. The diagram, the docs and the exhaustive tests are generated from this one table.

The table is checked when it is defined (`pruefe_uebergaenge`): a broken table fails at import
with a message naming the row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from kooplan.recht.begruendung import HINWEISE
from kooplan.recht.rechtsstaende import RECHTSSTAENDE, Quelle, Regime, normen_nach_regime
from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.ereignisse import ARTEN
from kooplan.werte.fehler import UngueltigeTabelle
from kooplan.werte.phase import Phase

__all__ = [
    "UEBERGAENGE",
    "ZEIT_AUFHEBUNG_15A",
    "ZEIT_VIER_WOCHEN",
    "Bedingung",
    "Uebergang",
    "UngueltigeTabelle",
    "Ziel",
    "pruefe_uebergaenge",
    "uebergang",
]


E, K, M, S, O, B = (
    Phase.ERSTKONTAKT,
    Phase.KOOPERATION,
    Phase.MITWIRKUNG_EINGEFORDERT,
    Phase.SCHLICHTUNG,
    Phase.OHNE_PLAN,
    Phase.BEENDET,
)
_NICHT_BEENDET: Final = frozenset({E, K, M, S, O})
_ALLE: Final = frozenset(Phase)

ZEIT_VIER_WOCHEN: Final = "zeit:vier_wochen"
"""Time-driven triggers (no event needed)."""
ZEIT_AUFHEBUNG_15A: Final = "zeit:aufhebung_15a"


class Ziel(Aufzaehlung):
    """Targets that depend on the state after the event's bookkeeping."""

    UNVERAENDERT = "unverändert"
    """The phase stays (the event is recorded)."""
    KOOPERATION_WENN_NICHTS_OFFEN = "kooperation, sobald nichts mehr offen ist"
    """`kooperation` once nothing is outstanding, else unchanged."""


class Bedingung(Aufzaehlung):
    """Conditions (guards) of table rows; the text is what the docs and diagram show."""

    OHNE_WICHTIGEN_GRUND = "ohne wichtigen Grund"
    MIT_WICHTIGEM_GRUND = "mit wichtigem Grund"
    ZEITRAUM_LEER = "vor jedem anderen Ereignis des Leistungsbezugs"
    NUR_REGIME_B = "nur bis 30.6.2026"
    EINIGUNG = "mit Einigung"
    KEINE_EINIGUNG = "ohne Einigung"
    NACH_AUTOMATISCHEM_ENDE = "nach dem automatischen Ende der Schlichtung"
    NACH_AUTOMATISCHEM_ENDE_EINIGUNG = "nach dem automatischen Ende der Schlichtung, mit Einigung"
    ART_OFFEN = "die genannte Art (ohne Angabe: irgendeine) ist offen"
    LETZTE_OFFENE_ART_ENTSCHULDIGT = "räumt die letzte offene Art"


@attrs.frozen
class Uebergang:
    """One row of the transition table."""

    id: str
    """The stable id of the row."""
    von: frozenset[Phase]
    """The phases the row applies in."""
    ausloeser: tuple[str, ...]
    """The event arts (or time-driven triggers) the row is for."""
    nach: Phase | Ziel
    """The phase after the step, or a target decided after the bookkeeping."""
    normen: Mapping[Regime, str] = attrs.field(converter=normen_nach_regime, hash=False)
    """The row's norm by the regime of the day the step happens; a regime under which the row
    cites no norm has no entry."""
    quelle: Quelle
    """The kind of source of the row."""
    text: str
    """The row's German sentence."""
    bedingung: Bedingung | None = None
    """The condition the row needs, if any."""
    hinweise: tuple[str, ...] = ()
    """Codes of notes raised when this row is taken (they last while the phase lasts)."""

    def norm(self, regime: Regime | None) -> str | None:
        """The row's norm as cited on a day of `regime`; a day before the first Rechtsstand
        (`None`) is cited as under the first Rechtsstand's regime."""
        return self.normen.get(RECHTSSTAENDE[0].regime if regime is None else regime)


def uebergang(
    id: str,
    von: frozenset[Phase] | Phase,
    ausloeser: str | tuple[str, ...],
    nach: Phase | Ziel,
    norm: str | Mapping[Regime, str] | None,
    quelle: Quelle,
    text: str,
    bedingung: Bedingung | None = None,
    hinweise: tuple[str, ...] = (),
) -> Uebergang:
    """A row from the table's shorthand: one phase or a set, one trigger or several, one norm
    for every regime or the norms by regime (`None`: none)."""
    von_ = von if isinstance(von, frozenset) else frozenset({von})
    aus = ausloeser if isinstance(ausloeser, tuple) else (ausloeser,)
    normen = {} if norm is None else {r: norm for r in Regime} if isinstance(norm, str) else norm
    return Uebergang(id, von_, aus, nach, normen, quelle, text, bedingung, hinweise)


_u = uebergang
_RB, _RC = Regime.B, Regime.C
_G, _W = Quelle.GESETZ, Quelle.WEISUNG
_UNV = Ziel.UNVERAENDERT
_PLAN = ("plan_erstellt", "plan_fortgeschrieben")

UEBERGAENGE: tuple[Uebergang, ...] = (
    _u(
        "erstkontakt.plan_erstellt",
        E,
        "plan_erstellt",
        K,
        {_RB: "§ 15 Abs. 2 SGB II a.F.", _RC: "§ 15 Abs. 2 SGB II n.F."},
        _G,
        "Der Kooperationsplan wird gemeinsam erstellt.",
    ),
    _u(
        "erstkontakt.eingliederungsvereinbarung",
        E,
        "eingliederungsvereinbarung",
        _UNV,
        "§ 65 Abs. 4 SGB II a.F.",
        _G,
        "Eine alte Eingliederungsvereinbarung gilt bis zum ersten Kooperationsplan fort, "
        "längstens bis 31.12.2023.",
    ),
    _u(
        "erstkontakt.leistungsbezug_aufgenommen",
        E,
        "leistungsbezug_aufgenommen",
        _UNV,
        {
            _RB: "§ 15 Abs. 1 SGB II, § 15 Abs. 4 SGB II a.F.",
            _RC: "§ 15 Abs. 1 SGB II, § 15 Abs. 4 SGB II n.F.",
        },
        _W,
        "Der Beginn des Leistungsbezugs als erstes Ereignis ändert nichts: Der Fall steht schon "
        "am Anfang (Potenzialanalyse, erste Einladung).",
        Bedingung.ZEITRAUM_LEER,
    ),
    _u(
        "mitwirkung_eingefordert.plan_erstellt",
        M,
        "plan_erstellt",
        K,
        {
            _RB: "§ 15 Abs. 2 SGB II a.F., § 15 Abs. 3 SGB II",
            _RC: "§ 15 Abs. 2 SGB II n.F., § 15 Abs. 3 SGB II",
        },
        _G,
        "Ein neuer Plan gilt als Fortschreibung; offene Mitwirkungen sind erledigt.",
    ),
    _u(
        "schlichtung.plan",
        S,
        _PLAN,
        K,
        {_RB: "§ 15a Abs. 2, 4 SGB II a.F."},
        _G,
        "Die Einigung in der Schlichtung wird als Kooperationsplan festgehalten.",
    ),
    _u(
        "schlichtung.plan_gescheitert",
        S,
        "plan_gescheitert",
        O,
        {_RB: "§ 15a Abs. 4, § 15 Abs. 6 SGB II a.F."},
        _G,
        "Die Schlichtung endet ohne Einigung; ein Plan kommt nicht zustande.",
        # docs/fachliches.md section 4: plan_gescheitert in B adds the note; a new Schlichtung may be asked
        # for (repeated requests are not limited by default, docs/fachliches.md section 3)
        hinweise=("b.plan_gescheitert.schlichtung",),
    ),
    _u(
        "ohne_plan.plan_gescheitert",
        O,
        "plan_gescheitert",
        _UNV,
        {_RB: "§ 15 Abs. 6 SGB II a.F.", _RC: "§ 15a Abs. 3 SGB II n.F."},
        _G,
        "Ein weiterer Versuch ist gescheitert; es bleibt ohne Plan.",
        hinweise=("b.plan_gescheitert.schlichtung",),
    ),
    _u(
        "ohne_plan.plan",
        O,
        _PLAN,
        K,
        {_RB: "§ 15 Abs. 2 SGB II a.F.", _RC: "§ 15 Abs. 2 SGB II n.F."},
        _W,
        "Ein Plan kommt doch zustande; Ziel ist immer die Rückkehr zur Zusammenarbeit ohne "
        "Rechtsfolgenbelehrung.",
    ),
    _u(
        "kooperation.plan",
        K,
        _PLAN,
        K,
        "§ 15 Abs. 3 Satz 2 SGB II",
        _G,
        "Der Plan wird fortgeschrieben; die Frist zur Überprüfung beginnt neu.",
    ),
    _u(
        "mitwirkung_eingefordert.plan_fortgeschrieben",
        M,
        "plan_fortgeschrieben",
        K,
        "§ 15 Abs. 3 Satz 2 SGB II",
        _W,
        "Der Plan wird fortgeschrieben; offene Mitwirkungen sind erledigt, die Frist beginnt neu.",
    ),
    _u(
        "plan_gescheitert",
        frozenset({E, K, M}),
        "plan_gescheitert",
        O,
        {_RB: "§ 15 Abs. 6 SGB II a.F.", _RC: "§ 15a Abs. 3 SGB II n.F."},
        _G,
        "Der Kooperationsplan kommt nicht zustande oder kann nicht fortgeschrieben werden.",
        hinweise=("b.plan_gescheitert.schlichtung",),
    ),
    _u(
        "schlichtung_begonnen",
        frozenset({E, K, M, O}),
        "schlichtung_begonnen",
        S,
        {_RB: "§ 15a Abs. 1 SGB II a.F."},
        _G,
        "Auf Verlangen einer oder beider Seiten beginnt das Schlichtungsverfahren.",
        Bedingung.NUR_REGIME_B,
    ),
    _u(
        "kooperation.mitwirkung_unterblieben",
        K,
        "mitwirkung_unterblieben",
        M,
        {_RB: "§ 15 Abs. 5 SGB II a.F.", _RC: "§ 15a Abs. 2 SGB II n.F."},
        _G,
        "Eine Mitwirkung ist ohne wichtigen Grund unterblieben und wird eingefordert.",
        Bedingung.OHNE_WICHTIGEN_GRUND,
    ),
    _u(
        "mitwirkung_eingefordert.mitwirkung_unterblieben",
        M,
        "mitwirkung_unterblieben",
        _UNV,
        {_RB: "§ 15 Abs. 5 SGB II a.F.", _RC: "§ 15a Abs. 2 SGB II n.F."},
        _G,
        "Eine weitere Mitwirkung ist ohne wichtigen Grund unterblieben; auch sie ist offen.",
        Bedingung.OHNE_WICHTIGEN_GRUND,
    ),
    _u(
        "ohne_plan_oder_schlichtung.mitwirkung_unterblieben",
        frozenset({E, O, S}),
        "mitwirkung_unterblieben",
        _UNV,
        {_RB: "§ 31 Abs. 1 Satz 1 SGB II a.F.", _RC: "§ 31 Abs. 1 Satz 1 SGB II n.F."},
        _G,
        "Die Mitwirkung ist ohne wichtigen Grund unterblieben; die Art ist offen (für die "
        "Entscheidung über weitere Aufforderungen dieser Art).",
        Bedingung.OHNE_WICHTIGEN_GRUND,
    ),
    _u(
        "mitwirkung_unterblieben.wichtiger_grund",
        frozenset({E, K, M, S, O}),
        "mitwirkung_unterblieben",
        _UNV,
        {_RB: "§ 31 Abs. 1 Satz 2 SGB II a.F.", _RC: "§ 31 Abs. 1 Satz 2 SGB II n.F."},
        _G,
        "Die Mitwirkung ist unterblieben, aber ein wichtiger Grund liegt vor.",
        Bedingung.MIT_WICHTIGEM_GRUND,
        hinweise=("va.wichtiger_grund_offen",),
    ),
    _u(
        "mitwirkung_eingefordert.erbracht",
        M,
        "mitwirkung_erbracht",
        Ziel.KOOPERATION_WENN_NICHTS_OFFEN,
        {_RB: "§ 31a Abs. 1 Satz 6 SGB II a.F.", _RC: "§ 31a Abs. 1 Satz 2 SGB II n.F."},
        _W,
        "Die eingeforderte Mitwirkung ist erbracht oder die Bereitschaft ernsthaft erklärt; "
        "Rückkehr zur Zusammenarbeit ohne Rechtsfolgenbelehrung, sobald nichts mehr offen ist.",
        Bedingung.ART_OFFEN,
    ),
    _u(
        "mitwirkung_eingefordert.bereitschaft",
        M,
        "bereitschaft_erklaert",
        Ziel.KOOPERATION_WENN_NICHTS_OFFEN,
        {_RB: "§ 31a Abs. 1 Satz 6 SGB II a.F.", _RC: "§ 31a Abs. 1 Satz 2 SGB II n.F."},
        _W,
        "Die Person erklärt ernsthaft, künftig mitzuwirken; alles Offene ist erledigt.",
    ),
    _u(
        "ohne_plan_oder_schlichtung.erbracht",
        frozenset({E, O, S}),
        "mitwirkung_erbracht",
        _UNV,
        {_RB: "§ 31a Abs. 1 Satz 6 SGB II a.F.", _RC: "§ 31a Abs. 1 Satz 2 SGB II n.F."},
        _W,
        "Die offene Mitwirkung ist erbracht; die Phase bleibt.",
        Bedingung.ART_OFFEN,
    ),
    _u(
        "ohne_plan_oder_schlichtung.bereitschaft",
        frozenset({E, O, S}),
        "bereitschaft_erklaert",
        _UNV,
        {_RB: "§ 31a Abs. 1 Satz 6 SGB II a.F.", _RC: "§ 31a Abs. 1 Satz 2 SGB II n.F."},
        _W,
        "Die Bereitschaft ist erklärt; offene Mitwirkungen sind erledigt.",
    ),
    _u(
        "mitwirkung_eingefordert.wichtiger_grund_nachgewiesen",
        M,
        "wichtiger_grund_nachgewiesen",
        K,
        {_RB: "§ 31 Abs. 1 Satz 2 SGB II a.F.", _RC: "§ 31 Abs. 1 Satz 2 SGB II n.F."},
        _G,
        "Für die letzte offene Mitwirkung ist ein wichtiger Grund nachgewiesen.",
        Bedingung.LETZTE_OFFENE_ART_ENTSCHULDIGT,
    ),
    _u(
        "schlichtung.einigung",
        S,
        "schlichtung_beendet",
        K,
        {_RB: "§ 15a Abs. 2, 4 SGB II a.F."},
        _G,
        "Die Schlichtung endet mit Einigung; der vereinbarte Plan gilt als erstellt.",
        Bedingung.EINIGUNG,
    ),
    _u(
        "schlichtung.keine_einigung",
        S,
        "schlichtung_beendet",
        O,
        {_RB: "§ 15a Abs. 2, 4, § 15 Abs. 6 SGB II a.F."},
        _G,
        "Die Schlichtung endet ohne Einigung.",
        Bedingung.KEINE_EINIGUNG,
        hinweise=("b.schlichtung.loesungsvorschlag",),
    ),
    _u(
        "schlichtung.vier_wochen",
        S,
        ZEIT_VIER_WOCHEN,
        O,
        {_RB: "§ 15a Abs. 4 SGB II a.F.", _RC: "§ 15a Abs. 4 SGB II a.F."},
        _G,
        "Die Schlichtung endet spätestens mit Ablauf von vier Wochen ab Beginn.",
    ),
    _u(
        "schlichtung.aufhebung",
        S,
        ZEIT_AUFHEBUNG_15A,
        O,
        {_RB: "§ 15a SGB II a.F.", _RC: "§ 15a Abs. 3 SGB II n.F."},
        Quelle.OFFEN,
        "§ 15a a.F. ist am 1.7.2026 ohne Übergangsregel weggefallen; die Schlichtung endet.",
        hinweise=("offen.schlichtung_aufgehoben",),
    ),
    _u(
        "ohne_plan.schlichtung_beendet_nachgetragen_einigung",
        O,
        "schlichtung_beendet",
        _UNV,
        "§ 15a Abs. 4 SGB II a.F.",
        _W,
        "Das Ende einer schon abgelaufenen Schlichtung wird nachgetragen.",
        Bedingung.NACH_AUTOMATISCHEM_ENDE_EINIGUNG,
        hinweise=("schlichtung.ende_nachgetragen", "schlichtung.einigung_als_plan_erfassen"),
    ),
    _u(
        "ohne_plan.schlichtung_beendet_nachgetragen_ohne_einigung",
        O,
        "schlichtung_beendet",
        _UNV,
        "§ 15a Abs. 4 SGB II a.F.",
        _W,
        "Das Ende einer schon abgelaufenen Schlichtung ohne Einigung wird nachgetragen.",
        Bedingung.NACH_AUTOMATISCHEM_ENDE,
        hinweise=("schlichtung.ende_nachgetragen",),
    ),
    _u(
        "leistungsbezug_beendet",
        _NICHT_BEENDET,
        "leistungsbezug_beendet",
        B,
        "§ 7 Abs. 1 Satz 1 SGB II",
        _W,
        "Der Leistungsbezug endet: Wer keine Leistungen mehr erhält, ist nicht mehr zur Mitwirkung "
        "nach dem Kooperationsplan aufzufordern.",
    ),
    _u(
        "leistungsbezug_aufgenommen",
        B,
        "leistungsbezug_aufgenommen",
        E,
        {
            _RB: "§ 15 Abs. 1 SGB II, § 15 Abs. 4 SGB II a.F.",
            _RC: "§ 15 Abs. 1 SGB II, § 15 Abs. 4 SGB II n.F.",
        },
        _G,
        "Ein neuer Leistungsbezug beginnt; Einladungen, Termine, offene Mitwirkungen, Plan "
        "und Schlichtung beginnen neu, festgestellte Minderungen bleiben.",
    ),
    _u(
        "termine",
        _NICHT_BEENDET,
        ("einladung_versandt", "termin_versaeumt", "termin_wahrgenommen"),
        _UNV,
        {_RB: "§ 59 SGB II i.V.m. § 309 SGB III", _RC: "§ 59 SGB II i.V.m. § 309 SGB III"},
        _G,
        "Einladungen und Termine werden festgehalten (für §§ 32, 15a Abs. 1 n.F.).",
    ),
    _u(
        "persoenlich_gemeldet",
        _NICHT_BEENDET,
        "persoenlich_gemeldet",
        _UNV,
        {_RB: "§ 59 SGB II i.V.m. § 309 SGB III", _RC: "§ 7b Abs. 4 Satz 3, 5 SGB II n.F."},
        _W,
        "Die Person hat sich persönlich beim Jobcenter gemeldet: Wie ein wahrgenommener Termin "
        "beendet das die Folge versäumter Termine, und die Nichterreichbarkeit nach § 7b Abs. 4 "
        "n.F. endet.",
    ),
    _u(
        "minderung_festgestellt",
        _ALLE,
        "minderung_festgestellt",
        _UNV,
        {_RB: "§ 31b Abs. 1 Satz 3 SGB II a.F.", _RC: "§ 31b Abs. 1 Satz 3 SGB II n.F."},
        _G,
        "Die Feststellung einer Minderung wird festgehalten, auch nach Ende des Leistungsbezugs "
        "(zulässig bis sechs Monate nach der Pflichtverletzung).",
    ),
    _u(
        "minderung_aufgehoben",
        _ALLE,
        "minderung_aufgehoben",
        _UNV,
        {
            _RB: "§ 31a Abs. 1 Satz 6, § 31b Abs. 2 Satz 2 SGB II a.F.",
            _RC: "§ 31a Abs. 1 Satz 2, § 31b Abs. 2 Satz 2 SGB II n.F.",
        },
        _G,
        "Eine festgestellte Minderung wird aufgehoben; sie wirkt ab diesem Tag nicht mehr.",
    ),
    _u(
        "haerte_festgestellt",
        _ALLE,
        "haerte_festgestellt",
        _UNV,
        {_RB: "§ 31a Abs. 3 SGB II a.F.", _RC: "§ 31a Abs. 3 SGB II n.F."},
        _G,
        "Eine außergewöhnliche Härte ist festgestellt: Eine Leistungsminderung erfolgt insoweit "
        "nicht.",
    ),
    _u(
        "wichtiger_grund_nachgewiesen",
        _ALLE,
        "wichtiger_grund_nachgewiesen",
        _UNV,
        {
            _RB: "§ 31 Abs. 1 Satz 2, § 32 Abs. 1 Satz 2 SGB II a.F.",
            _RC: "§ 31 Abs. 1 Satz 2, § 32 Abs. 1 Satz 2 SGB II n.F.",
        },
        _G,
        "Ein wichtiger Grund wird nachträglich nachgewiesen; das Versäumnis gilt von nun an als "
        "entschuldigt.",
    ),
    _u(
        "kooperation.bereitschaft",
        K,
        "bereitschaft_erklaert",
        _UNV,
        {_RB: "§ 31a Abs. 1 Satz 6 SGB II a.F.", _RC: "§ 31a Abs. 1 Satz 2 SGB II n.F."},
        _W,
        "Eine Bereitschaftserklärung ändert in der Zusammenarbeit nichts; eine laufende Minderung "
        "ist aufzuheben (als 'minderung_aufgehoben' zu erfassen).",
    ),
)
"""The transition table of docs/fachliches.md section 3, in the order rows are tried for a (phase, trigger)."""


ZEITSCHRITTE: Final = frozenset({ZEIT_VIER_WOCHEN, ZEIT_AUFHEBUNG_15A})
"""The time-driven triggers a row may name besides the event arts."""


def pruefe_uebergaenge(tabelle: tuple[Uebergang, ...]) -> None:
    """Check a transition table as a whole; raise `UngueltigeTabelle` naming the first broken row.

    Every row: a unique id, at least one phase to start from and one trigger, each trigger an
    event `art` of the contract or a time-driven step, every note code known, a norm for at
    least one regime, and none for the Neue Grundsicherung if the row is limited to the days
    before it (`Bedingung.NUR_REGIME_B`). The rows for one (phase, trigger) are tried in table
    order and the first whose condition holds is taken, so no row may come after a row without
    a condition, or after a row with the same condition, for the same (phase, trigger): it could
    never be taken. Every phase can be reached from the first one.
    """
    ids: set[str] = set()
    gesehen: dict[tuple[Phase, str], tuple[str | None, set[Bedingung]]] = {}
    for nr, row in enumerate(tabelle, start=1):
        if not isinstance(row, Uebergang):
            raise UngueltigeTabelle(f"Übergangstabelle, Zeile {nr}: keine Zeile (Uebergang).")
        wo = f"Übergangstabelle, Zeile {row.id!r}"
        if row.id in ids:
            raise UngueltigeTabelle(f"{wo}: die Id kommt zweimal vor.")
        ids.add(row.id)
        if not row.von or not row.ausloeser:
            raise UngueltigeTabelle(f"{wo}: ohne Ausgangsphase oder ohne Auslöser.")
        for a in row.ausloeser:
            if a not in ARTEN and a not in ZEITSCHRITTE:
                raise UngueltigeTabelle(f"{wo}: unbekannter Auslöser {a!r}.")
        for code in row.hinweise:
            if code not in HINWEISE:
                raise UngueltigeTabelle(f"{wo}: unbekannter Hinweis {code!r}.")
        if not row.normen:
            raise UngueltigeTabelle(f"{wo}: ohne Norm.")
        if row.bedingung is Bedingung.NUR_REGIME_B and set(row.normen) - {Regime.B}:
            raise UngueltigeTabelle(
                f"{wo}: gilt nur bis 30.6.2026, nennt aber eine Norm der Neuen Grundsicherung."
            )
        for phase in sorted(row.von, key=lambda p: p.value):
            for a in row.ausloeser:
                frei, bedingungen = gesehen.setdefault((phase, a), (None, set()))
                if frei is not None:
                    raise UngueltigeTabelle(
                        f"{wo}: wird in {phase.value!r} bei {a!r} nie genommen, die Zeile "
                        f"{frei!r} davor hat keine Bedingung."
                    )
                if row.bedingung is None:
                    gesehen[(phase, a)] = (row.id, bedingungen)
                elif row.bedingung in bedingungen:
                    raise UngueltigeTabelle(
                        f"{wo}: wird in {phase.value!r} bei {a!r} nie genommen, eine Zeile davor "
                        f"hat dieselbe Bedingung."
                    )
                else:
                    bedingungen.add(row.bedingung)
    erreicht = {Phase.ERSTKONTAKT}
    while True:
        neu = {
            ziel
            for row in tabelle
            if row.von & erreicht
            for ziel in (
                row.von & erreicht
                if row.nach is Ziel.UNVERAENDERT
                else {Phase.KOOPERATION}
                if row.nach is Ziel.KOOPERATION_WENN_NICHTS_OFFEN
                else {row.nach}
            )
            if isinstance(ziel, Phase)
        } - erreicht
        if not neu:
            break
        erreicht |= neu
    fehlend = [p.value for p in Phase if p not in erreicht]
    if fehlend:
        raise UngueltigeTabelle(
            f"Übergangstabelle: keine Zeile führt in die Phase(n) {', '.join(fehlend)}."
        )


pruefe_uebergaenge(UEBERGAENGE)
