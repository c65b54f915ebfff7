"""Reasons (`Grund`) and notes (`Hinweis`) and the catalogue of every note kooplan gives.

A reason explains why a decision came out as it did: the stable id of the rule (one per table row),
its norm, the kind of source, one German sentence. A note (`Hinweis`) tells the caseworker
something the decision alone does not: an open legal question, a formal requirement, a deviation
of practice from the statute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from kooplan.recht.rechtsstaende import NEUE_GRUNDSICHERUNG_AB, RECHTSSTAENDE, Quelle, Rechtsstand
from kooplan.werte import pruefen as p
from kooplan.werte.fehler import UngueltigeTabelle

__all__ = [
    "HINWEISE",
    "Grund",
    "Hinweis",
    "hinweis",
    "hinweis_zeile",
    "pruefe_hinweiscodes",
]


def _norm_oder_none(inst: object, attribute: attrs.Attribute[Any], wert: object) -> None:
    if wert is not None:
        p.ist_text(inst, attribute, wert)


@attrs.frozen
class Grund:
    """One reason of a decision: rule id, norm, kind of source, one German sentence."""

    regel: str = attrs.field(validator=p.ist_text)
    """The stable id of the rule (a row of the rule tables)."""
    norm: str = attrs.field(validator=p.ist_text)
    """The norm the rule rests on, as cited on the Stichtag."""
    quelle: Quelle = attrs.field(validator=p.ist_enum(Quelle))
    """The kind of source: statute, guidance or practice, or an open question."""
    text: str = attrs.field(validator=p.ist_text)
    """One German sentence that says the rule."""


@attrs.frozen
class Hinweis:
    """A note: `{code, quelle, norm or null, text}` in the contract.

    `gilt_ab` and `gilt_bis` (not part of the contract) bound the days on which a note
    applies: notes on the Bürgergeld law end on 30.6.2026, notes on the new law begin on
    1.7.2026. A transition raises a note only if it applies on the event's day, and a decision
    shows it only if it applies on the Stichtag.
    """

    code: str = attrs.field(validator=p.ist_text)
    """The stable code of the note."""
    quelle: Quelle = attrs.field(validator=p.ist_enum(Quelle))
    """The kind of source of the note."""
    norm: str | None = attrs.field(validator=_norm_oder_none)
    """The norm the note rests on, or `None`."""
    text: str = attrs.field(validator=p.ist_text)
    """One German sentence for the caseworker."""
    gilt_bis: dt.date | None = attrs.field(
        default=None, eq=False, validator=p.optional(p.ist_tag())
    )
    """The last day the note applies (`None`: no end); not part of the contract."""
    gilt_ab: dt.date | None = attrs.field(default=None, eq=False, validator=p.optional(p.ist_tag()))
    """The first day the note applies (`None`: no start); not part of the contract."""

    def gilt_am(self, tag: dt.date) -> bool:
        """Whether the note applies on `tag`."""
        return (self.gilt_bis is None or tag <= self.gilt_bis) and (
            self.gilt_ab is None or tag >= self.gilt_ab
        )


_BIS_B = NEUE_GRUNDSICHERUNG_AB - dt.timedelta(days=1)


def hinweis_zeile(
    code: str,
    quelle: Quelle,
    norm: str | None,
    text: str,
    *,
    nur_b: bool = False,
    nur_c: bool = False,
) -> Hinweis:
    """A note from the catalogue's shorthand: `nur_b` for a note on the Bürgergeld law (it ends
    the day before the Neue Grundsicherung begins), `nur_c` for one on the new law (it begins
    with it)."""
    return Hinweis(
        code,
        quelle,
        norm,
        text,
        _BIS_B if nur_b else None,
        NEUE_GRUNDSICHERUNG_AB if nur_c else None,
    )


_h = hinweis_zeile
G, W, O = Quelle.GESETZ, Quelle.WEISUNG, Quelle.OFFEN

HINWEISE: Mapping[str, Hinweis] = {
    h.code: h
    for h in (
        # -- raised by transitions (they last while the phase lasts) ------------------------------
        _h(
            "b.plan_gescheitert.schlichtung",
            G,
            "§ 15a Abs. 1 SGB II a.F.",
            "Ist die Erstellung oder Fortschreibung des Kooperationsplans aufgrund von "
            "Meinungsverschiedenheiten nicht möglich, soll auf Verlangen einer oder beider Seiten "
            "ein Schlichtungsverfahren eingeleitet werden; die Person ist auch zum "
            "Schlichtungsverfahren zu beraten (§ 14 Abs. 2 Satz 3 SGB II a.F.).",
            nur_b=True,
        ),
        _h(
            "b.schlichtung.loesungsvorschlag",
            G,
            "§ 15a Abs. 2 Satz 2 SGB II a.F.",
            "Die Schlichtung endete ohne Einigung. Liegt ein gemeinsamer Lösungsvorschlag aus dem "
            "Schlichtungsverfahren vor, haben Agentur für Arbeit und kommunaler Träger ihn zu "
            "berücksichtigen.",
            nur_b=True,
        ),
        _h(
            "offen.schlichtung_aufgehoben",
            O,
            "§ 15a SGB II a.F.",
            "Die Schlichtung lief am 1.7.2026 noch; § 15a a.F. ist durch das 13. SGB II-ÄndG ohne "
            "Übergangsregel weggefallen (offene Rechtsfrage). kooplan behandelt die Schlichtung "
            "als ohne Einigung beendet. Kommt ein Kooperationsplan nicht zustande, verpflichtet "
            "das Jobcenter nach § 15a Abs. 3 SGB II n.F. durch schriftlichen Verwaltungsakt zu "
            "den erforderlichen Mitwirkungshandlungen.",
        ),
        _h(
            "schlichtung.ende_nachgetragen",
            W,
            "§ 15a Abs. 4 SGB II a.F.",
            "Das Ende der Schlichtung wurde erst nach ihrem Ablauf erfasst: Sie war bereits "
            "beendet, mit Ablauf von vier Wochen ab Beginn oder mit dem Wegfall des § 15a a.F. am "
            "1.7.2026, je nachdem, was früher lag.",
        ),
        _h(
            "schlichtung.einigung_als_plan_erfassen",
            W,
            "§ 15a Abs. 4 SGB II a.F.",
            "Die nachgetragene Einigung ändert die Phase nicht mehr: Sie ist als Kooperationsplan "
            "(plan_erstellt) zu erfassen.",
        ),
        # -- raised by decision rules ------------------------------------------------------------
        _h(
            "b.massnahme_rfb_vorzusehen",
            G,
            "§ 15 Abs. 5 Satz 2 SGB II a.F.",
            "Nach § 15 Abs. 5 Satz 2 SGB II a.F. erfolgen Aufforderungen zur Einhaltung des Plans "
            "grundsätzlich mit Rechtsfolgenbelehrung, insbesondere bei Maßnahmen nach §§ 16, 16d. "
            "Die Praxis liest das als Regel für die Zeit, in der die Einhaltung eingefordert wird, "
            "und weist in funktionierender Zusammenarbeit ohne Rechtsfolgenbelehrung zu; die "
            "Policy massnahme_mit_rfb_in_kooperation entscheidet, welcher Lesart gefolgt wird. "
            "Ohne Rechtsfolgenbelehrung kann ein Nichtantritt keine Minderung nach § 31 auslösen.",
        ),
        _h(
            "b.eigenbemuehungen_rfb_grundsatz",
            G,
            "§ 15 Abs. 5 Satz 2 SGB II a.F.",
            "Nach § 15 Abs. 5 Satz 2 SGB II a.F. erfolgen Aufforderungen zur Einhaltung der im Plan "
            "festgehaltenen Absprachen grundsätzlich mit Rechtsfolgenbelehrung. Die Praxis "
            "verzichtet darauf, solange die Zusammenarbeit funktioniert. Ohne "
            "Rechtsfolgenbelehrung können fehlende Eigenbemühungen keine Minderung nach § 31 "
            "auslösen.",
        ),
        _h(
            "b.schlichtung.modus_neu_pruefen",
            G,
            "§ 15a Abs. 3, 4 SGB II a.F.",
            "Die Handlung ist erst nach dem spätesten Ende der Schlichtung fällig. Eine jetzt ohne "
            "Rechtsfolgenbelehrung versandte Aufforderung trägt keine Minderung; nach dem Ende der "
            "Schlichtung ist gegebenenfalls erneut mit Rechtsfolgenbelehrung (ab 1.7.2026: durch "
            "Verwaltungsakt) aufzufordern.",
        ),
        _h(
            "offen.erste_einladung_neuer_zeitraum",
            O,
            "§ 15 Abs. 4 SGB II a.F.",
            'Offene Rechtsfrage: ob die "erste Einladung" nach einer Unterbrechung des '
            "Leistungsbezugs neu beginnt. kooplan nimmt an: ja, mit jedem neuen Leistungsbezug.",
        ),
        _h(
            "c.verpflichtung_va_moeglich",
            G,
            "§ 15a Abs. 1 Satz 1 SGB II n.F.",
            "Eine Einladung zu einem Gespräch wurde ohne wichtigen Grund nicht wahrgenommen: Das "
            "Jobcenter kann (Ermessen) die Person durch schriftlichen Verwaltungsakt verpflichten "
            "zur Vornahme erforderlicher Eigenbemühungen, zur Aufnahme oder Fortführung einer "
            "zumutbaren Arbeit, Ausbildung oder eines nach § 16e geförderten Arbeitsverhältnisses "
            "oder zur Teilnahme an einer Maßnahme zur Eingliederung, einem Integrationskurs oder "
            "einer Maßnahme der berufsbezogenen Deutschsprachförderung. Ein vorhandener "
            "Kooperationsplan ist dabei zu berücksichtigen (Satz 2). Pflicht ist die Verpflichtung "
            "nicht.",
            nur_c=True,
        ),
        _h(
            "offen.versaeumnis_vor_2026_07",
            O,
            "§ 15a Abs. 1 SGB II n.F.",
            "Offene Rechtsfrage: Der Termin wurde vor dem 1.7.2026 versäumt. Ob ein Versäumnis "
            "unter altem Recht eine Verpflichtung nach § 15a Abs. 1 n.F. oder ein "
            '"wiederholtes" Meldeversäumnis nach § 32 n.F. begründen kann, regelt das Gesetz '
            "nicht.",
            nur_c=True,
        ),
        _h(
            "c.praxis_pruefen",
            O,
            "§ 15a Abs. 2, 3 SGB II n.F., § 31 Abs. 1 Satz 1 SGB II n.F.",
            "Für die Kommunikation während funktionierender Zusammenarbeit unter dem neuen Recht "
            "gibt es noch keine gefestigte Weisung; kooplan setzt die bisherige Praxis (ohne "
            "Rechtsfolgenbelehrung) fort. Weisungslage prüfen.",
            nur_c=True,
        ),
        _h(
            "c.erstes_gespraech_persoenlich",
            G,
            "§ 15 Abs. 4 SGB II n.F.",
            "Das erste Gespräch zur Erstellung der Potenzialanalyse und des Kooperationsplans "
            "findet persönlich im Jobcenter statt; Abweichungen nur in begründeten Ausnahmefällen.",
            nur_c=True,
        ),
        _h(
            "c.reichweite_15a_abs2",
            O,
            "§ 15a Abs. 2 SGB II n.F.",
            'Offene Rechtsfrage: wie weit die Verpflichtung zu den "erforderlichen '
            'Mitwirkungshandlungen" über den versäumten Schritt hinausreicht.',
            nur_c=True,
        ),
        _h(
            "va.anhoerung",
            G,
            "§ 24 Abs. 1 SGB X",
            "Vor Erlass des Verwaltungsakts ist der Person Gelegenheit zu geben, sich zu den "
            "erheblichen Tatsachen zu äußern (Ausnahmen: § 24 Abs. 2 SGB X).",
            nur_c=True,
        ),
        _h(
            "va.bestimmtheit",
            G,
            "§ 33 Abs. 1 SGB X",
            "Der Verwaltungsakt muss die geforderte Mitwirkungshandlung inhaltlich hinreichend "
            "bestimmt bezeichnen.",
            nur_c=True,
        ),
        _h(
            "va.rfb",
            G,
            "§ 31 Abs. 1 Satz 1 SGB II n.F.",
            "Eine Minderung setzt voraus, dass die Person schriftlich über die Rechtsfolgen "
            "belehrt wurde oder sie kannte: Der Verwaltungsakt enthält die "
            "Rechtsfolgenbelehrung.",
            nur_c=True,
        ),
        _h(
            "va.plan_beruecksichtigen",
            W,
            "§ 15a Abs. 1 Satz 2 SGB II n.F. (entsprechend)",
            "Der bestehende Kooperationsplan ist beim Erlass des Verwaltungsakts zu "
            "berücksichtigen. § 15a Abs. 1 Satz 2 n.F. gilt unmittelbar nur für Verpflichtungen "
            "nach Abs. 1; für Abs. 2 und 3 wendet kooplan ihn entsprechend an.",
            nur_c=True,
        ),
        _h(
            "va.eigenbemuehungen_bestimmen",
            W,
            "§ 15a Abs. 4 SGB II n.F. (entsprechend)",
            "Bei Eigenbemühungen bestimmt der Verwaltungsakt, welche konkreten Eigenbemühungen in "
            "welcher Häufigkeit zu erbringen und in welcher Form und Frist sie nachzuweisen sind; "
            "Häufigkeit und Frist müssen angemessen sein. § 15a Abs. 4 n.F. gilt unmittelbar nur "
            "für Abs. 1 Satz 1 Nr. 1; für Abs. 2 und 3 wendet kooplan ihn entsprechend an.",
            nur_c=True,
        ),
        _h(
            "va.wichtiger_grund_offen",
            O,
            "§ 15a Abs. 2 SGB II n.F.",
            "Offene Rechtsfrage: ob ein wichtiger Grund die Nichterbringung der Schritte aus dem "
            "Kooperationsplan im Rahmen von § 15a Abs. 2 n.F. entschuldigt. kooplan nimmt an: ja "
            "(wie § 31 Abs. 1 Satz 2).",
            nur_c=True,
        ),
        _h(
            "rechtsstand.wechsel_bis_faelligkeit",
            G,
            "§ 65a Abs. 2 SGB II n.F., § 86 SGB II",
            "Zwischen dem Versand und der Fälligkeit ändert sich der Rechtsstand. Eine "
            "Pflichtverletzung wird nach dem Recht des Tages beurteilt, an dem sie geschieht; die "
            "Rechtsfolgenbelehrung muss die dann geltenden Folgen nennen.",
        ),
        _h(
            "rechtsstand.wechsel_absehbar",
            G,
            "§ 65a Abs. 2 SGB II n.F., § 86 SGB II",
            "Der Fälligkeitstag ist nicht angegeben, und innerhalb von drei Monaten nach dem "
            "Stichtag ändert sich der Rechtsstand. Liegt die Fälligkeit danach, können andere "
            "Rechtsfolgen gelten (siehe alternativen): Fälligkeit angeben.",
        ),
        _h(
            "offen.beginn_2026_04",
            O,
            "§ 31a Abs. 7, § 31b Abs. 3 SGB II n.F.",
            "Offene Frage: Der erste Tag des Rechtsstands 2026-04 (§ 31a Abs. 7 n.F. vorgezogen, "
            "in Kraft am Tag nach der Verkündung des Gesetzes vom 16.4.2026, BGBl. 2026 I "
            "Nr. 107) ist nicht im Bundesgesetzblatt selbst gelesen. Nach den besten Belegen "
            "wurde das Gesetz am 22.4.2026 verkündet; kooplan nimmt den 23.4.2026 an. Nach der "
            "früheren Annahme galt der Rechtsstand schon ab 17.4.2026. Liegt die Fälligkeit "
            "vom 17. bis 22.4.2026, nennen die Rechtsfolgen die andere Lesart in alternativen.",
        ),
        # -- raised with the Rechtsfolgen (docs/fachliches.md section 6) --------------------------------------
        _h(
            "rf.deckel",
            G,
            "§ 31a Abs. 4 Satz 1 SGB II",
            "Mit den Minderungen, die im ersten möglichen Monat der neuen Minderung bereits wirken, "
            "würde die Grenze von insgesamt 30 Prozent des Regelbedarfs überschritten: Die neue "
            "Minderung wirkt nur bis zu dieser Grenze (minderung_prozent_gedeckelt). Die Leistungen "
            "für Unterkunft und Heizung bleiben ungemindert (Satz 2).",
        ),
        _h(
            "rf.betrag_unbekannt",
            W,
            "§ 20 SGB II",
            "Der Betrag in Euro ist nicht angegeben: Die Regelbedarfsstufe des Falls ist nicht "
            "bekannt, oder für das Jahr liegt kein Regelbedarf vor. Die Belehrung nennt dann den "
            "Prozentsatz des maßgebenden Regelbedarfs.",
        ),
        _h(
            "rf.haerte",
            G,
            "§ 31a Abs. 3 SGB II",
            "Eine außergewöhnliche Härte ist festgestellt, für den Fälligkeitstag und bis in den "
            "ersten Monat, in dem eine Minderung laufen könnte: Eine Leistungsminderung erfolgt "
            "nicht, solange sie eine außergewöhnliche Härte bedeuten würde. Endet die Härte, "
            "ist vor einer neuen Aufforderung neu zu entscheiden.",
        ),
        _h(
            "rf.abs7_tatbestand_unbekannt",
            W,
            "§ 31a Abs. 7 SGB II a.F.",
            "Ob der Regelbedarf nach § 31a Abs. 7 a.F. entfallen kann, hängt davon ab, ob im "
            "letzten Jahr wegen § 31 Abs. 1 Satz 1 Nr. 2 oder Abs. 2 Nr. 3 oder 4 gemindert wurde; "
            "bei einer früheren Minderung fehlt der Tatbestand, die Voraussetzung konnte nicht "
            "geprüft werden.",
        ),
        _h(
            "offen.abs7_2026_04",
            O,
            "§ 31a Abs. 7 SGB II n.F.",
            'Offene Rechtsfrage: § 31a Abs. 7 in der vorgezogenen Fassung verweist auf "Absatz 1 '
            'Satz 2" (vor dem 1.7.2026 die 20-Prozent-Stufe) und spricht vor dem 1.7.2026 von '
            '"Grundsicherungsgeld". kooplan liest den Verweis als Verweis auf die Aufhebung bei '
            "Pflichterfüllung (Abs. 1 Satz 6 a.F.) und wendet Abs. 7 ohne Vorminderung für ein "
            "bis zwei Monate an; die 1-Euro-Regel des § 31a Abs. 4 Satz 3 gilt erst ab 1.7.2026.",
        ),
        _h(
            "offen.uebergang_65a",
            O,
            "§ 65a Abs. 2, 3 SGB II n.F.",
            "Die Aufforderung ergeht vor dem 1.7.2026, die Pflicht ist danach fällig: Eine "
            "Pflichtverletzung ab 1.7.2026 hat die neuen Rechtsfolgen (§ 65a Abs. 2 n.F. "
            "umgekehrt). § 31 Abs. 1 Satz 1 Nr. 1 a.F. bleibt anwendbar, soweit über die bis "
            "30.6.2026 geltenden Rechtsfolgen belehrt wurde (§ 65a Abs. 3 n.F.); welcher "
            "Minderungssatz dann gilt, ist offen. Die Belehrung sollte die Folgen nach neuem "
            "Recht nennen (alternativen: die Lesart nach altem Recht).",
        ),
        _h(
            "offen.wiederholt_fenster",
            O,
            "§ 32 Abs. 1 SGB II n.F.",
            'Offene Rechtsfrage: Für "wiederholt" nennt § 32 n.F. keinen Zeitraum. kooplan zählt '
            "jedes frühere unentschuldigte Meldeversäumnis ab 1.7.2026 im selben Leistungsbezug, "
            "dessen Einladung schriftlich über die Rechtsfolgen belehrte (mit der Policy "
            "wiederholt_auch_ohne_belehrung auch solche ohne Belehrung).",
        ),
        _h(
            "offen.wiederholt_ohne_belehrung",
            O,
            "§ 32 Abs. 1 Satz 1, Abs. 4 SGB II n.F.",
            'Offene Rechtsfrage: § 32 Abs. 1 n.F. mindert, wer "trotz schriftlicher Belehrung '
            'über die Rechtsfolgen oder deren Kenntnis" einer Meldeaufforderung "wiederholt" '
            "nicht nachkommt. Ein früheres Meldeversäumnis dieses Leistungsbezugs geschah auf "
            "eine Einladung ohne Rechtsfolgenbelehrung, und die beiden Lesarten führen hier zu "
            "verschiedenen Folgen. Nach der Voreinstellung zählt es nicht mit (die Lesart, die "
            "weniger belastet, wie bei § 7b Abs. 4 n.F. und mit § 32 Abs. 4 n.F.: "
            '"ersten Meldeversäumnisses nach Absatz 1"): keine Minderung. Zählt es mit '
            "(Policy wiederholt_auch_ohne_belehrung), ist dieses Meldeversäumnis wiederholt und "
            "mindert um 30 Prozent für einen Monat.",
            nur_c=True,
        ),
        _h(
            "offen.jahresfrist_grenztag",
            O,
            "§ 31a Abs. 1 Satz 5 SGB II a.F.",
            "Offene Rechtsfrage: Die Pflichtverletzung fiele genau auf den Tag, an dem der Beginn "
            "der vorigen Minderung ein Jahr zurückliegt. Vorwärts gezählt (§ 26 Abs. 1 SGB X, "
            "§§ 187 Abs. 2, 188 Abs. 2 BGB) ist das Jahr mit Ablauf des Vortags abgelaufen: "
            "kooplan kündigt die erste Stufe an. Rückwärts vom Tag der Pflichtverletzung gezählt läge der "
            'Beginn genau ein Jahr und nicht "länger als ein Jahr" zurück; dann wäre es die '
            "nächste Stufe.",
            nur_b=True,
        ),
        _h(
            "offen.haerte_nichterreichbarkeit",
            O,
            "§ 7b Abs. 4 SGB II n.F., § 31a Abs. 3 SGB II n.F.",
            "Offene Rechtsfrage: Eine außergewöhnliche Härte ist festgestellt. § 31a Abs. 3 n.F. "
            '("Eine Leistungsminderung erfolgt nicht …") gilt für Minderungen; der Entfall des '
            "Leistungsanspruchs nach § 7b Abs. 4 n.F. ist keine Minderung, und § 7b Abs. 4 "
            "verweist nur auf § 31b Abs. 4 und § 31a Abs. 4 Satz 3, nicht auf § 31a Abs. 3. "
            "kooplan kündigt die Nichterreichbarkeit deshalb an; ob eine Härte sie ausschließt, "
            "regelt das Gesetz nicht. Die Minderung nach § 32 Abs. 3 Satz 2 n.F. bei Meldung im "
            "ersten Monat schließt die Härte dagegen aus (§ 32 Abs. 2 Satz 1 mit § 31a Abs. 3).",
            nur_c=True,
        ),
        _h(
            "offen.abs7_sperrzeit_meldeversaeumnis",
            O,
            "§ 31a Abs. 1 Satz 7, Abs. 7 Satz 1 SGB II a.F.",
            "Offene Rechtsfrage: Im letzten Jahr wurde wegen einer Sperrzeit bei Meldeversäumnis "
            "(§ 31 Abs. 2 Nr. 3 SGB II mit § 159 Abs. 1 Satz 2 Nr. 8 SGB III) gemindert. Dafür "
            "gelten die Rechtsfolgen des § 32 (§ 31a Abs. 1 Satz 7 a.F.); kooplan zählt diese "
            "Minderung nicht als Vorminderung für den Entzug des Regelbedarfs nach § 31a Abs. 7 "
            "a.F., obwohl dessen Wortlaut § 31 Abs. 2 Nr. 3 nennt.",
        ),
        _h(
            "rf.sperrzeit_unbekannt",
            W,
            "§ 31a Abs. 1 Satz 7 SGB II a.F.",
            "Eine frühere Minderung wegen § 31 Abs. 2 Nr. 3 (Sperrzeit) nennt nicht, welche "
            "Sperrzeit es war (minderung_festgestellt.sperrzeit). War es eine Sperrzeit bei "
            "Meldeversäumnis, gelten für sie die Rechtsfolgen des § 32: Sie ist keine Stufe des "
            "§ 31a Abs. 1 und keine Vorminderung für § 31a Abs. 7 a.F. Das entscheidet hier über "
            "die angekündigte Folge: die Sperrzeit erfassen.",
        ),
        _h(
            "offen.stufe_sperrzeit_meldeversaeumnis",
            O,
            "§ 31a Abs. 1 Satz 4, 7 SGB II a.F.",
            "Offene Rechtsfrage: Im Jahr vor der Pflichtverletzung wurde wegen einer Sperrzeit "
            "bei Meldeversäumnis gemindert (§ 31 Abs. 2 Nr. 3; Rechtsfolgen des § 32 nach § 31a "
            'Abs. 1 Satz 7 a.F.). Ob diese Minderung eine spätere Pflichtverletzung zur "weiteren" '
            "macht (Satz 4), regelt das Gesetz nicht; kooplan zählt sie nicht (die Lesart, die "
            "weniger belastet). Zählte man sie, wäre es die nächste Stufe.",
            nur_b=True,
        ),
        _h(
            "offen.abs7_aufhebung_mindestmonat",
            O,
            "§ 31a Abs. 7 Satz 4, § 31b Abs. 2 Satz 2, Abs. 3 SGB II n.F.",
            "Offene Rechtsfrage: Ob der Entzug nach § 31a Abs. 7 n.F. bei Pflichterfüllung sofort "
            "aufgehoben wird (§ 31b Abs. 3 Satz 2 n.F. verweist anders als die alte Fassung nicht "
            "mehr auf Abs. 2 Satz 2) oder erst nach einem Monat (§ 31b Abs. 2 Satz 2 n.F. für die "
            "Fälle des § 31a Abs. 1 Satz 2). Die Belehrung folgt dem Wortlaut: sofort.",
        ),
        _h(
            "offen.abs7_verhaeltnis_minderung",
            O,
            "§ 31a Abs. 7 Satz 1 SGB II a.F., § 31a Abs. 7 Satz 1 SGB II n.F.",
            "Offene Rechtsfrage: Wie die Minderung nach § 31a Abs. 1 und der Entzug des "
            "Regelbedarfs nach Abs. 7 für dieselbe Pflichtverletzung zueinander stehen, regelt "
            'das Gesetz nicht ("Abweichend von Absatz 4 Satz 1"). kooplan liest: Für die Dauer '
            "des Entzugs geht die Minderung darin auf und läuft danach für ihre restlichen "
            "Monate weiter; die Grenze von 30 Prozent gilt für den Entzug nicht.",
        ),
        _h(
            "rf.betrag_jahreswechsel",
            W,
            "§ 20 SGB II",
            "Der Minderungszeitraum reicht ab dem frühesten Monat in ein neues Jahr, dessen "
            "Regelbedarf nicht bekannt ist oder anders lautet. Der Betrag in Euro gilt für das "
            "Jahr des ersten Monats; danach ändert er sich mit dem neuen Regelbedarf (der "
            "Prozentsatz bleibt).",
        ),
        _h(
            "offen.feststellung_frist_verschoben",
            O,
            "§ 31b Abs. 1 Satz 3 SGB II, § 26 Abs. 3 Satz 1 SGB X",
            "Offene Rechtsfrage: Das rechnerische Ende der sechs Monate für die Feststellung fällt "
            "auf einen Samstag, Sonntag oder Feiertag im Land des Falls; kooplan verlängert die "
            "Frist bis zum nächsten Werktag (§ 26 Abs. 3 Satz 1 SGB X). Ob diese Regel auch eine "
            "Frist der Behörde verlängert, ist nicht geklärt: Der frühere Tag ist der sichere. "
            "Die Feststellung muss bis dahin bekannt gegeben sein (§ 39 Abs. 1 SGB X), per Post "
            "also einige Tage vorher aufgegeben.",
        ),
        _h(
            "rf.haerte_endet_vorher",
            W,
            "§ 31a Abs. 3 SGB II",
            "Eine außergewöhnliche Härte ist für den Fälligkeitstag festgestellt, endet aber vor "
            "dem ersten Monat, in dem eine Minderung laufen könnte: Die Belehrung nennt die "
            "Minderung. Ob sie dann eine Härte bedeutet, ist bei der Feststellung zu prüfen.",
        ),
        _h(
            "rf.bewilligungszeitraum_endet_vorher",
            G,
            "§ 7b Abs. 4 Satz 2, 3 SGB II n.F.",
            "Der Bewilligungszeitraum des Falls endet vor dem frühesten Monat, in dem der "
            "Leistungsanspruch nach § 7b Abs. 4 n.F. entfallen könnte: In diesem "
            "Bewilligungszeitraum wirkt die Nichterreichbarkeit nicht mehr.",
            nur_c=True,
        ),
        _h(
            "rf.regelbedarf_vorgegeben",
            W,
            "§ 20 Abs. 1a SGB II",
            "Der Betrag in Euro beruht auf einem Regelbedarf, den der Aufrufer in der Policy "
            "vorgegeben hat (regelbedarfe), nicht auf kooplans eigener Tabelle: Für das Jahr des "
            "ersten Monats der Minderung enthält sie noch keinen Regelbedarf. Den Betrag vor dem "
            "Versand gegen die veröffentlichte Rechtsgrundlage prüfen.",
        ),
        _h(
            "rf.feststellung_ohne_land",
            G,
            "§ 31b Abs. 1 Satz 3 SGB II, § 26 Abs. 3 Satz 1 SGB X",
            "Die sechs Monate für die Feststellung der Minderung enden rechnerisch an einem "
            "Samstag, Sonntag oder einem Feiertag in mindestens einem Land. Fällt das Ende einer "
            "Frist auf einen solchen Tag, endet sie mit dem nächsten Werktag (§ 26 Abs. 3 Satz 1 "
            "SGB X). Der Fall nennt kein Land: feststellung_bis ist der rechnerische Tag; mit dem "
            "Land (land) verschiebt kooplan ihn.",
        ),
        _h(
            "rf.unter_25",
            G,
            "§ 31a Abs. 6 SGB II",
            "Die Person hat das 25. Lebensjahr noch nicht vollendet: Nach Feststellung einer "
            "Minderung soll sie innerhalb von vier Wochen ein Beratungsangebot erhalten, in dem der "
            "Kooperationsplan überprüft wird.",
        ),
        _h(
            "offen.alter_stichtag",
            O,
            "§ 31a Abs. 6 SGB II",
            "Offene Rechtsfrage: Welcher Tag das Alter für § 31a Abs. 6 bestimmt, sagt das Gesetz "
            "nicht; üblich ist der Tag der Feststellung. Er ist beim Versand unbekannt: kooplan "
            "prüft am Fälligkeitstag.",
        ),
        _h(
            "c.nicht_erreichbar_pruefen",
            G,
            "§ 7b Abs. 4 Satz 1, 2 SGB II n.F., § 31a Abs. 2 Satz 3 SGB II n.F.",
            "Drei aufeinanderfolgende Meldeaufforderungen mit schriftlicher Rechtsfolgenbelehrung "
            "sind ohne wichtigen Grund versäumt, und die Person hat sich seitdem nicht persönlich "
            "gemeldet: Sie gilt als nicht erreichbar; der Leistungsanspruch entfällt mit Beginn "
            "des Monats nach der Feststellung des dritten versäumten Termins. Vor der "
            "Feststellung soll Gelegenheit zur persönlichen Anhörung gegeben werden.",
            nur_c=True,
        ),
        _h(
            "policy.schlichtung_hoechstzahl",
            W,
            "§ 15a Abs. 1 SGB II a.F.",
            "In diesem Leistungsbezug haben so viele Schlichtungsverfahren begonnen, wie die "
            "Policy zulässt (schlichtung_hoechstzahl). § 15a Abs. 1 a.F. begrenzt die Zahl nicht; "
            "nach der Policy wird auf ein weiteres Verlangen kein Schlichtungsverfahren mehr "
            'eingeleitet. Nach § 15a Abs. 1 Satz 1 a.F. ("soll") ist ein weiteres Verlangen '
            "nur in einem atypischen Fall abzulehnen; die Policy ersetzt diese Prüfung nicht.",
            nur_b=True,
        ),
        _h(
            "plan.sehr_lang",
            W,
            "§ 15 Abs. 2 Satz 2 SGB II a.F., § 15 Abs. 2 Satz 3 SGB II n.F.",
            "Der Kooperationsplan hat mehr Schritte, als die Policy vorsieht; er soll "
            '"möglichst konkret, kurz und übersichtlich" sein.',
        ),
        _h(
            "ueberpruefung.ueberfaellig",
            G,
            "§ 15 Abs. 3 Satz 2 SGB II",
            "Der Kooperationsplan soll spätestens nach Ablauf von jeweils sechs Monaten "
            "gemeinsam aktualisiert und fortgeschrieben werden; dieser Tag ist überschritten "
            "(Soll-Vorschrift: die Phase ändert sich dadurch nicht).",
        ),
    )
}
"""Every note kooplan can give, by code. Generated docs list them from here."""


def hinweis(code: str) -> Hinweis:
    """The catalogue's note for `code` (a programming error if it is not there)."""
    return HINWEISE[code]


def pruefe_hinweiscodes(
    tabelle: tuple[Rechtsstand, ...], katalog: Mapping[str, Hinweis] = HINWEISE
) -> None:
    """Refuse a Rechtsstand table whose rows name a note the catalogue does not have
    (`UngueltigeTabelle` naming the row and the code)."""
    for r in tabelle:
        for f in r.hinweise:
            if f.code not in katalog:
                raise UngueltigeTabelle(
                    f"Rechtsstandstabelle, Zeile {r.id!r}: unbekannter Hinweis {f.code!r}."
                )


pruefe_hinweiscodes(RECHTSSTAENDE)
