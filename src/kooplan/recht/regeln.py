"""The decision rules as data: the ordered table of mode rules and the rules of the notes.

`REGELN`: for a request (Anliegen) on a Stichtag, the first row whose regime, phase, Anliegen and
condition (`Lage`) hold decides the mode, one stable id per row, each with its norm by regime
and its source kind. `HINWEIS_REGELN`: notes added whenever all their conditions hold. The
conditions are names here; the engine (`kooplan.motor.entscheidung`) holds the one predicate of
each and evaluates the table. Both tables are checked when they are defined (`pruefe_regeln`):
a broken table fails at import with a message naming the row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from kooplan.recht.begruendung import HINWEISE
from kooplan.recht.policy import Policy, RfbUmfang
from kooplan.recht.rechtsstaende import Quelle, Regime, normen_nach_regime
from kooplan.werte.anliegen import Anliegen, Modus
from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.fehler import UngueltigeTabelle
from kooplan.werte.phase import Phase

__all__ = [
    "HINWEIS_REGELN",
    "OHNE_PHASE",
    "REGELN",
    "HinweisRegel",
    "Lage",
    "PolicyWahl",
    "Regel",
    "nach_umfang",
    "pruefe_regeln",
    "regel",
]


class Lage(Aufzaehlung):
    """Conditions of rules beyond phase, regime and Anliegen."""

    ERSTE_EINLADUNG = "erste Einladung des Leistungsbezugs (kein Kontakt, kein Plan)"
    TERMINLAUF = "unentschuldigt versäumte Termine seit dem letzten wahrgenommenen"
    ART_OFFEN = "die Art des Anliegens ist offen"
    POLICY_MASSNAHME = "Policy massnahme_mit_rfb_in_kooperation ist gesetzt"
    NEUER_ZEITRAUM = "nicht der erste Leistungsbezug des Falls"
    SCHLICHTUNG_FAELLIG_DANACH = "fällig nach dem spätesten Ende der Schlichtung"
    VA_PLAN_BESTEHT = "Verpflichtung durch VA, ein Kooperationsplan besteht"
    MODUS_OHNE_RFB = "der Modus ist ohne_rfb"
    MODUS_VA = "der Modus ist verpflichtung_va"
    TERMINLAUF_VOR_2026_07 = "der Lauf versäumter Termine beginnt vor dem 1.7.2026"
    DREI_MIT_RFB = (
        "drei aufeinanderfolgende Meldeaufforderungen mit Rechtsfolgenbelehrung ab 1.7.2026 "
        "unentschuldigt versäumt"
    )
    SCHLICHTUNG_GRENZE = "die Policy schlichtung_hoechstzahl ist in diesem Leistungsbezug erreicht"


@attrs.frozen
class PolicyWahl:
    """A mode chosen by a policy key (Weisung/Praxis)."""

    schluessel: str
    werte: Mapping[RfbUmfang, Modus]

    def modus(self, policy: Policy) -> Modus:
        """The mode the policy's field `schluessel` chooses."""
        wert: RfbUmfang = getattr(policy, self.schluessel)
        return self.werte[wert]


def nach_umfang(fall: Modus, einzelfall: Modus = Modus.OHNE_RFB) -> PolicyWahl:
    """The mode chosen by the policy `rfb_umfang`: `fall` for the whole case, `einzelfall` for
    the single request."""
    return PolicyWahl("rfb_umfang", {RfbUmfang.FALL: fall, RfbUmfang.EINZELFALL: einzelfall})


@attrs.frozen
class Regel:
    """One row of the mode table: where it applies, the mode, its norm (by regime), its source."""

    id: str
    regime: frozenset[Regime]
    phasen: frozenset[Phase]
    anliegen: frozenset[Anliegen]
    modus: Modus | PolicyWahl
    normen: Mapping[Regime, str] = attrs.field(converter=normen_nach_regime, hash=False)
    """The norm by regime: one for each regime the row applies in (checked at import)."""
    quelle: Quelle
    text: str
    lage: Lage | None = None
    hinweise: tuple[str, ...] = ()
    """Notes this rule always adds."""

    def norm(self, regime: Regime) -> str:
        """The row's norm as cited on a day of `regime`."""
        return self.normen[regime]

    def gilt_fuer(self, regime: Regime, phase: Phase, anliegen: Anliegen) -> bool:
        """Whether the row applies to a request of `anliegen` in `phase` under `regime`."""
        return regime in self.regime and phase in self.phasen and anliegen in self.anliegen


@attrs.frozen
class HinweisRegel:
    """A note added whenever all its conditions hold (after the mode is decided)."""

    code: str
    regime: frozenset[Regime]
    phasen: frozenset[Phase]
    anliegen: frozenset[Anliegen]
    lagen: tuple[Lage, ...] = ()
    nach_regel: str | None = None
    """The note only where this mode rule decided (its id), `None`: whichever did."""

    def gilt_fuer(self, regime: Regime, phase: Phase, anliegen: Anliegen) -> bool:
        """Whether the rule applies to a request of `anliegen` in `phase` under `regime`."""
        return regime in self.regime and phase in self.phasen and anliegen in self.anliegen


_ALLE_ANLIEGEN: Final = frozenset(Anliegen)
_PFLICHTEN: Final = frozenset(
    {Anliegen.MASSNAHME, Anliegen.VERMITTLUNGSVORSCHLAG, Anliegen.EIGENBEMUEHUNGEN}
)
_ANGEBOTE: Final = frozenset({Anliegen.MASSNAHME, Anliegen.VERMITTLUNGSVORSCHLAG})
_EINLADUNG: Final = frozenset({Anliegen.EINLADUNG})
_BC: Final = frozenset(Regime)
_B: Final = frozenset({Regime.B})
_C: Final = frozenset({Regime.C})
_E, _K, _M, _S, _O = (
    frozenset({ph})
    for ph in (
        Phase.ERSTKONTAKT,
        Phase.KOOPERATION,
        Phase.MITWIRKUNG_EINGEFORDERT,
        Phase.SCHLICHTUNG,
        Phase.OHNE_PLAN,
    )
)
_AKTIV: Final = frozenset(Phase) - {Phase.BEENDET}
G, W = Quelle.GESETZ, Quelle.WEISUNG
_RB, _RC = Regime.B, Regime.C
OHNE, MIT, VA = Modus.OHNE_RFB, Modus.MIT_RFB, Modus.VERPFLICHTUNG_VA


def regel(
    id: str,
    regime: frozenset[Regime],
    phasen: frozenset[Phase],
    anliegen: frozenset[Anliegen],
    modus: Modus | PolicyWahl,
    norm: str | Mapping[Regime, str],
    quelle: Quelle,
    text: str,
    lage: Lage | None = None,
    hinweise: tuple[str, ...] = (),
) -> Regel:
    """A row from the table's shorthand: one norm for every regime of the row, or the norms by
    regime."""
    normen = {r: norm for r in regime} if isinstance(norm, str) else norm
    return Regel(id, regime, phasen, anliegen, modus, normen, quelle, text, lage, hinweise)


_r, _nach_umfang = regel, nach_umfang


REGELN: tuple[Regel, ...] = (
    # -- for every phase and both regimes, checked first --------------------------------------
    _r(
        "alle.erste_einladung",
        _B,
        _AKTIV,
        _EINLADUNG,
        OHNE,
        "§ 15 Abs. 4 SGB II a.F.",
        G,
        "Die erste Einladung zum Gespräch zur Erstellung der Potenzialanalyse und des "
        "Kooperationsplans erfolgt ohne Belehrung über die Rechtsfolgen bei Nichtteilnahme.",
        Lage.ERSTE_EINLADUNG,
    ),
    _r(
        "alle.terminversaeumnis",
        _BC,
        _AKTIV,
        _EINLADUNG,
        MIT,
        {
            _RB: "§ 32 Abs. 1 SGB II a.F. i.V.m. § 59 SGB II, § 309 SGB III",
            _RC: "§ 32 Abs. 1 SGB II n.F., § 7b Abs. 4 SGB II n.F. i.V.m. § 59 SGB II, § 309 SGB III",
        },
        W,
        "Seit dem letzten wahrgenommenen Termin wurde ein Meldetermin ohne wichtigen Grund "
        "versäumt: Die nächste Einladung ergeht mit schriftlicher Belehrung über die Rechtsfolgen "
        "eines Meldeversäumnisses, die eine Minderung voraussetzt.",
        Lage.TERMINLAUF,
    ),
    _r(
        "alle.erstkontakt.offene_art",
        _BC,
        _E,
        _ANGEBOTE,
        MIT,
        {
            _RB: "§ 31 Abs. 1 Satz 1 Nr. 2, 3 SGB II a.F.",
            _RC: "§ 31 Abs. 1 Satz 1 Nr. 2, 3 SGB II n.F.",
        },
        W,
        "Eine Mitwirkung dieser Art ist ohne wichtigen Grund unterblieben: Das Angebot ergeht mit "
        "Rechtsfolgenbelehrung, damit eine Weigerung eine Pflichtverletzung sein kann.",
        Lage.ART_OFFEN,
    ),
    # -- regime B (1.7.2023 – 30.6.2026) --------------------------------------------------------
    _r(
        "b.erstkontakt.einladung",
        _B,
        _E,
        _EINLADUNG,
        OHNE,
        "§ 59 SGB II i.V.m. § 309 SGB III",
        W,
        "Vor dem Kooperationsplan ergehen auch weitere Einladungen ohne Rechtsfolgenbelehrung, "
        "solange seit dem letzten wahrgenommenen Termin keiner unentschuldigt versäumt ist "
        "(Praxis).",
    ),
    _r(
        "b.erstkontakt.eigenbemuehungen",
        _B,
        _E,
        frozenset({Anliegen.EIGENBEMUEHUNGEN}),
        OHNE,
        "§ 31 Abs. 1 Satz 1 Nr. 1 SGB II a.F.",
        G,
        "Vor einem Kooperationsplan oder seinem Scheitern gibt es keine Aufforderung nach § 15 "
        "Abs. 5 oder 6 a.F., die § 31 Abs. 1 Satz 1 Nr. 1 a.F. voraussetzt: keine "
        "Rechtsfolgenbelehrung.",
    ),
    _r(
        "b.erstkontakt.angebot",
        _B,
        _E,
        _ANGEBOTE,
        OHNE,
        "§ 31 Abs. 1 Satz 1 Nr. 2, 3 SGB II a.F.",
        W,
        "Vor dem Kooperationsplan ergehen Zuweisungen und Vermittlungsvorschläge ohne "
        "Rechtsfolgenbelehrung, solange keine Mitwirkung dieser Art unterblieben ist (Praxis).",
    ),
    _r(
        "b.kooperation.massnahme_policy",
        _B,
        _K,
        frozenset({Anliegen.MASSNAHME}),
        MIT,
        "§ 15 Abs. 5 Satz 2 SGB II a.F.",
        W,
        "Nach der Policy ist bei Maßnahmen stets eine Rechtsfolgenbelehrung vorzusehen "
        "(§ 15 Abs. 5 Satz 2 a.F. wörtlich genommen).",
        Lage.POLICY_MASSNAHME,
    ),
    _r(
        "b.kooperation",
        _B,
        _K,
        _ALLE_ANLIEGEN,
        OHNE,
        "§ 15 Abs. 5 Satz 1 SGB II a.F.",
        W,
        "Die Zusammenarbeit auf Grundlage des Kooperationsplans funktioniert: weder Einladungen "
        "noch Zuweisungen, Vermittlungsangebote oder Eigenbemühungen mit Rechtsfolgenbelehrung "
        "(Praxis). Aufforderungen zur Einhaltung des Plans (§ 15 Abs. 5 a.F.) ergehen erst, wenn "
        "Absprachen nicht eingehalten werden; insoweit weicht die Praxis vom Grundsatz des "
        "Satzes 2 ab.",
    ),
    _r(
        "b.mitwirkung_eingefordert.offene_art",
        _B,
        _M,
        _PFLICHTEN,
        MIT,
        "§ 15 Abs. 5 Satz 2 SGB II a.F.",
        G,
        "Eine Mitwirkung dieser Art ist ohne wichtigen Grund unterblieben: Die Aufforderung dazu "
        "erfolgt mit Rechtsfolgenbelehrung.",
        Lage.ART_OFFEN,
    ),
    _r(
        "b.mitwirkung_eingefordert.andere_art",
        _B,
        _M,
        _PFLICHTEN,
        _nach_umfang(MIT),
        "§ 15 Abs. 5 Satz 2 SGB II a.F.",
        W,
        "Solange eine Mitwirkung eingefordert wird, ergehen nach der Policy rfb_umfang='fall' "
        "alle Aufforderungen mit Rechtsfolgenbelehrung, nach 'einzelfall' nur die der offenen "
        "Art.",
    ),
    _r(
        "b.mitwirkung_eingefordert.einladung",
        _B,
        _M,
        _EINLADUNG,
        _nach_umfang(MIT),
        "§ 32 Abs. 1 SGB II a.F. i.V.m. § 59 SGB II, § 309 SGB III",
        W,
        "Solange eine Mitwirkung eingefordert wird, ergehen nach der Policy rfb_umfang='fall' "
        "auch Einladungen mit Rechtsfolgenbelehrung, nach 'einzelfall' ohne.",
    ),
    _r(
        "b.schlichtung.pflichten",
        _B,
        _S,
        _PFLICHTEN,
        OHNE,
        "§ 15a Abs. 3 SGB II a.F.",
        G,
        "Während des Schlichtungsverfahrens führt die Verletzung von Pflichten nach § 31 nicht zu "
        "Leistungsminderungen; eine Belehrung, die eine Minderung ankündigt, wäre unrichtig.",
    ),
    _r(
        "b.schlichtung.einladung",
        _B,
        _S,
        _EINLADUNG,
        OHNE,
        "§ 15a Abs. 3 SGB II a.F.",
        W,
        "Während der Schlichtung ergehen auch Einladungen ohne Rechtsfolgenbelehrung (Praxis; "
        "§ 15a Abs. 3 a.F. nennt nur § 31, § 32 bliebe rechtlich möglich).",
    ),
    _r(
        "b.ohne_plan",
        _B,
        _O,
        _ALLE_ANLIEGEN,
        MIT,
        "§ 15 Abs. 6 SGB II a.F.",
        G,
        "Wenn ein Kooperationsplan nicht zustande kommt oder nicht fortgeschrieben werden kann, "
        "erfolgen Aufforderungen zu erforderlichen Mitwirkungshandlungen mit "
        "Rechtsfolgenbelehrung.",
    ),
    # -- regime C (from 1.7.2026) ----------------------------------------------------------------
    _r(
        "c.erstkontakt",
        _C,
        _E,
        _ALLE_ANLIEGEN,
        OHNE,
        "§ 15a Abs. 2, 3 SGB II n.F.",
        W,
        "Vor dem Kooperationsplan liegt weder ein Fall des § 15a Abs. 2 noch des Abs. 3 n.F. vor; "
        "Anliegen ergehen ohne Rechtsfolgenbelehrung (Praxis, fortgeführt; Weisungslage zum neuen "
        "Recht prüfen).",
        hinweise=("c.praxis_pruefen",),
    ),
    _r(
        "c.kooperation",
        _C,
        _K,
        _ALLE_ANLIEGEN,
        OHNE,
        "§ 15a Abs. 2 SGB II n.F.",
        W,
        "Die Zusammenarbeit funktioniert: Eine Verpflichtung nach § 15a Abs. 2 n.F. setzt voraus, "
        "dass Schritte aus dem Plan nicht erbracht werden; es bleibt ohne Rechtsfolgenbelehrung "
        "(Praxis, fortgeführt).",
        hinweise=("c.praxis_pruefen",),
    ),
    _r(
        "c.mitwirkung_eingefordert.offene_art",
        _C,
        _M,
        _PFLICHTEN,
        VA,
        "§ 15a Abs. 2 SGB II n.F.",
        G,
        "Die Person erbringt Schritte aus dem Kooperationsplan nicht: Das Jobcenter verpflichtet "
        "sie durch schriftlichen Verwaltungsakt zur Vornahme der erforderlichen "
        "Mitwirkungshandlungen.",
        Lage.ART_OFFEN,
    ),
    _r(
        "c.mitwirkung_eingefordert.andere_art",
        _C,
        _M,
        _PFLICHTEN,
        _nach_umfang(VA),
        "§ 15a Abs. 2 SGB II n.F.",
        W,
        "Solange eine Mitwirkung eingefordert wird, ergehen nach der Policy rfb_umfang='fall' auch "
        "andere Anliegen als Verpflichtung durch Verwaltungsakt, nach 'einzelfall' ohne "
        "Rechtsfolgenbelehrung.",
        hinweise=("c.reichweite_15a_abs2",),
    ),
    _r(
        "c.mitwirkung_eingefordert.einladung",
        _C,
        _M,
        _EINLADUNG,
        _nach_umfang(MIT),
        "§ 32 Abs. 1 SGB II n.F., § 7b Abs. 4 SGB II n.F.",
        W,
        "Solange eine Mitwirkung eingefordert wird, ergehen Einladungen nach der Policy "
        "rfb_umfang='fall' mit schriftlicher Rechtsfolgenbelehrung, die § 32 und § 7b Abs. 4 n.F. "
        "voraussetzen.",
    ),
    _r(
        "c.ohne_plan.pflichten",
        _C,
        _O,
        _PFLICHTEN,
        VA,
        "§ 15a Abs. 3 SGB II n.F.",
        G,
        "Ein Kooperationsplan ist nicht zustande gekommen oder kann nicht fortgeschrieben werden: "
        "Das Jobcenter verpflichtet durch schriftlichen Verwaltungsakt zur Vornahme der "
        "erforderlichen Mitwirkungshandlungen.",
    ),
    _r(
        "c.ohne_plan.einladung",
        _C,
        _O,
        _EINLADUNG,
        MIT,
        "§ 32 Abs. 1 SGB II n.F.",
        W,
        "Ohne Kooperationsplan ergeht jede Aufforderung mit Rechtsfolgenbelehrung (Praxis); ein "
        "Meldeversäumnis setzt eine schriftliche Belehrung voraus.",
    ),
)
"""The mode rules of docs/fachliches.md section 4 in the order they are tried; the first match decides."""

HINWEIS_REGELN: tuple[HinweisRegel, ...] = (
    HinweisRegel(
        "offen.erste_einladung_neuer_zeitraum",
        _B,
        _AKTIV,
        _EINLADUNG,
        (Lage.NEUER_ZEITRAUM,),
        nach_regel="alle.erste_einladung",
    ),
    HinweisRegel(
        "c.verpflichtung_va_moeglich",
        _C,
        _AKTIV,
        _PFLICHTEN,
        (Lage.TERMINLAUF, Lage.MODUS_OHNE_RFB),
    ),
    HinweisRegel(
        "offen.versaeumnis_vor_2026_07", _C, _AKTIV, _ALLE_ANLIEGEN, (Lage.TERMINLAUF_VOR_2026_07,)
    ),
    HinweisRegel("c.nicht_erreichbar_pruefen", _C, _AKTIV, _ALLE_ANLIEGEN, (Lage.DREI_MIT_RFB,)),
    # replaces the note of the failed plan that a Schlichtung is to be started on request
    HinweisRegel(
        "policy.schlichtung_hoechstzahl", _B, _O, _ALLE_ANLIEGEN, (Lage.SCHLICHTUNG_GRENZE,)
    ),
    HinweisRegel(
        "b.massnahme_rfb_vorzusehen",
        _B,
        _K,
        frozenset({Anliegen.MASSNAHME}),
    ),
    HinweisRegel(
        "b.eigenbemuehungen_rfb_grundsatz",
        _B,
        _K,
        frozenset({Anliegen.EIGENBEMUEHUNGEN}),
        (Lage.MODUS_OHNE_RFB,),
    ),
    HinweisRegel(
        "b.schlichtung.modus_neu_pruefen", _B, _S, _PFLICHTEN, (Lage.SCHLICHTUNG_FAELLIG_DANACH,)
    ),
    HinweisRegel("c.erstes_gespraech_persoenlich", _C, _E, _EINLADUNG),
    # every VA under § 15a Abs. 2 n.F. (outstanding kind or, by policy, another kind)
    HinweisRegel("va.wichtiger_grund_offen", _C, _M, _PFLICHTEN, (Lage.MODUS_VA,)),
    HinweisRegel("va.anhoerung", _C, _AKTIV, _PFLICHTEN, (Lage.MODUS_VA,)),
    HinweisRegel("va.bestimmtheit", _C, _AKTIV, _PFLICHTEN, (Lage.MODUS_VA,)),
    HinweisRegel("va.rfb", _C, _AKTIV, _PFLICHTEN, (Lage.MODUS_VA,)),
    HinweisRegel("va.plan_beruecksichtigen", _C, _AKTIV, _PFLICHTEN, (Lage.VA_PLAN_BESTEHT,)),
    HinweisRegel(
        "va.eigenbemuehungen_bestimmen",
        _C,
        _AKTIV,
        frozenset({Anliegen.EIGENBEMUEHUNGEN}),
        (Lage.MODUS_VA,),
    ),
)
"""Notes added whenever all their conditions hold, in this order."""


OHNE_PHASE: Final[frozenset[tuple[Regime, Phase]]] = frozenset({(Regime.C, Phase.SCHLICHTUNG)})
"""The phases a regime does not have: § 15a a.F. (the Schlichtung) is repealed from 1.7.2026
without a transitional rule, and the fold ends a running Schlichtung then (docs/fachliches.md
section 3), so no request under the Neue Grundsicherung is made in it."""


def pruefe_regeln(
    regeln: tuple[Regel, ...],
    hinweis_regeln: tuple[HinweisRegel, ...],
    ohne_phase: frozenset[tuple[Regime, Phase]] = OHNE_PHASE,
) -> None:
    """Check the mode table and the rules of the notes; raise `UngueltigeTabelle` naming the row.

    Every mode row: a unique id; at least one regime, phase and Anliegen; a norm for each regime
    it covers and none for another; a policy choice that names a field of the policy and gives a
    mode for each of its values; every note code known. The rows for a (regime, phase, Anliegen)
    are tried in order and the first whose condition holds decides, so a row that comes, for
    every request it covers, after a row without a condition or after one with the same
    condition could never be taken and is refused; and every request of a phase of the
    Leistungsbezug (but those of `ohne_phase`) finds a row without a condition, so that some row
    always decides. Every rule
    of the notes: a known code, at most once, at least one regime, phase and Anliegen, and, if
    it is given only after one mode rule, a rule of the table.
    """
    ids: set[str] = set()
    for nr, r in enumerate(regeln, start=1):
        if not isinstance(r, Regel):
            raise UngueltigeTabelle(f"Regeltabelle, Zeile {nr}: keine Zeile (Regel).")
        wo = f"Regeltabelle, Zeile {r.id!r}"
        if r.id in ids:
            raise UngueltigeTabelle(f"{wo}: die Id kommt zweimal vor.")
        ids.add(r.id)
        if not r.regime or not r.phasen or not r.anliegen:
            raise UngueltigeTabelle(f"{wo}: ohne Regime, Phase oder Anliegen.")
        if set(r.normen) != set(r.regime):
            fehlt = sorted(g.value for g in r.regime if g not in r.normen)
            zuviel = sorted(g.value for g in r.normen if g not in r.regime)
            raise UngueltigeTabelle(
                f"{wo}: eine Norm fehlt für Regime {', '.join(fehlt)}."
                if fehlt
                else f"{wo}: nennt eine Norm für Regime {', '.join(zuviel)}, für das sie nicht gilt."
            )
        if isinstance(r.modus, PolicyWahl):
            if r.modus.schluessel not in attrs.fields_dict(Policy):
                raise UngueltigeTabelle(f"{wo}: die Policy hat kein Feld {r.modus.schluessel!r}.")
            if set(r.modus.werte) != set(RfbUmfang):
                raise UngueltigeTabelle(f"{wo}: die Wahl nennt nicht jeden Wert der Policy.")
        for code in r.hinweise:
            if code not in HINWEISE:
                raise UngueltigeTabelle(f"{wo}: unbekannter Hinweis {code!r}.")
    frei: dict[tuple[Regime, Phase, Anliegen], str] = {}
    bedingt: dict[tuple[Regime, Phase, Anliegen], set[Lage]] = {}
    for r in regeln:
        schluessel = [(g, ph, a) for g in r.regime for ph in r.phasen for a in r.anliegen]
        genommen = [k for k in schluessel if k not in frei and r.lage not in bedingt.get(k, set())]
        if not genommen:
            k = schluessel[0]
            davor = frei.get(k)
            raise UngueltigeTabelle(
                f"Regeltabelle, Zeile {r.id!r}: wird nie genommen, "
                + (
                    f"die Zeile {davor!r} davor hat keine Bedingung."
                    if davor is not None
                    else "eine Zeile davor hat dieselbe Bedingung."
                )
            )
        for k in genommen:
            if r.lage is None:
                frei[k] = r.id
            else:
                bedingt.setdefault(k, set()).add(r.lage)
    for g in Regime:
        for ph in Phase:
            if ph is Phase.BEENDET or (g, ph) in ohne_phase:
                continue
            for a in Anliegen:
                if (g, ph, a) not in frei:
                    raise UngueltigeTabelle(
                        f"Regeltabelle: keine Zeile ohne Bedingung entscheidet {a.value!r} in "
                        f"{ph.value!r} unter Regime {g.value}."
                    )
    codes: set[str] = set()
    for nr, h in enumerate(hinweis_regeln, start=1):
        if not isinstance(h, HinweisRegel):
            raise UngueltigeTabelle(f"Hinweisregeln, Zeile {nr}: keine Zeile (HinweisRegel).")
        wo = f"Hinweisregeln, Zeile {h.code!r}"
        if h.code not in HINWEISE:
            raise UngueltigeTabelle(f"{wo}: unbekannter Hinweis.")
        if h.code in codes:
            raise UngueltigeTabelle(f"{wo}: der Hinweis hat schon eine Regel.")
        codes.add(h.code)
        if not h.regime or not h.phasen or not h.anliegen:
            raise UngueltigeTabelle(f"{wo}: ohne Regime, Phase oder Anliegen.")
        if h.nach_regel is not None and h.nach_regel not in ids:
            raise UngueltigeTabelle(f"{wo}: keine Regel {h.nach_regel!r}.")


pruefe_regeln(REGELN, HINWEIS_REGELN)
