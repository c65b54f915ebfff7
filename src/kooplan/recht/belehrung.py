"""The Belehrung texts: one template per building block, each right after the sentence of the
law it renders.

A Rechtsfolgenbelehrung must be "konkret, richtig und vollständig" (BSG, 17.12.2009,
B 4 AS 30/09 R). kooplan builds it from building blocks (`Baustein`):
what the person must not do and what follows (`folge`), for how long and from when
(`dauer`), the wichtiger Grund, the early end, what a repetition brings, the costs of housing,
and the special consequences of § 31a Abs. 7 and § 7b Abs. 4 SGB II n.F. Which blocks a kind of
Belehrung needs is the checklist in `docs/rechtsfolgen.md`.

Each `Vorlage` is data: the block's `art`, the norm it renders, and its text with named
placeholders (`{verhalten}`, `{leistung}`, `{prozent}`, `{euro}`, `{monate}` …) that
`Vorlage.baustein` fills. Placeholders hold only amounts, rates, durations and days, never
personal data. The statute sentence each template renders stands in the comment right before it
(the wording is checked against the statute texts by the tests of `kooplan.recht.normen`).
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

__all__ = [
    "VORLAGEN",
    "Vorlage",
    "euro_text",
    "euro_zahl",
    "monate_text",
    "tag_text",
]


@attrs.frozen
class Vorlage:
    """One building block of a Belehrung: its `art`, the norm it renders, its template."""

    art: str
    norm: str
    text: str

    @property
    def platzhalter(self) -> frozenset[str]:
        """The names of the template's placeholders."""
        return frozenset(f for _, f, _, _ in string.Formatter().parse(self.text) if f)

    def fuellen(self, **werte: str) -> str:
        """The text with its placeholders filled (every placeholder must be given)."""
        fehlt = self.platzhalter - werte.keys()
        if fehlt:
            raise KeyError(f"{self.art}: Platzhalter fehlen: {sorted(fehlt)}")
        return self.text.format(**werte)


_ZAHLWORTE: Final = {1: "einen Monat", 2: "zwei Monate", 3: "drei Monate"}


def monate_text(n: int) -> str:
    """`1` → `"einen Monat"`, `2` → `"zwei Monate"` …

    Examples:
        >>> monate_text(1), monate_text(3), monate_text(6)
        ('einen Monat', 'drei Monate', '6 Monate')
    """
    return _ZAHLWORTE.get(n, f"{n} Monate")


def euro_text(betrag: Decimal | None, *, monatlich: bool = True) -> str:
    """An amount as it follows a rate in a Belehrung: `" (56,30 Euro monatlich)"`, or `""`
    when the amount is not known.

    Examples:
        >>> euro_text(Decimal("56.30")), euro_text(None), euro_text(Decimal("563"), monatlich=False)
        (' (56,30 Euro monatlich)', '', ' (563,00 Euro)')
    """
    if betrag is None:
        return ""
    zahl = euro_zahl(betrag)
    return f" ({zahl} Euro monatlich)" if monatlich else f" ({zahl} Euro)"


def euro_zahl(betrag: Decimal) -> str:
    """An amount in German notation: `"168,90"`."""
    return f"{betrag:.2f}".replace(".", ",")


def tag_text(tag: dt.date) -> str:
    """A day as a Belehrung writes it: `"31.12.2026"`."""
    return f"{tag.day}.{tag.month}.{tag.year}"


_B, _C = "SGB II a.F.", "SGB II n.F."

_VORLAGEN: tuple[tuple[str, Vorlage], ...] = (
    # -- § 31 Pflichtverletzung -------------------------------------------------------------------
    # "Bei einer Pflichtverletzung nach § 31 mindert sich das Bürgergeld um 10 Prozent des nach
    # § 20 jeweils maßgebenden Regelbedarfs." (§ 31a Abs. 1 Satz 1 a.F.; Satz 2: 20, Satz 3: 30)
    # "Bei einer Pflichtverletzung nach § 31 mindert sich das Grundsicherungsgeld um 30 Prozent des
    # nach § 20 jeweils maßgebenden Regelbedarfs." (§ 31a Abs. 1 Satz 1 n.F.)
    (
        "31.folge.B",
        Vorlage(
            "folge",
            f"§ 31 Abs. 1, § 31a Abs. 1 Satz 1 bis 3 {_B}",
            "Wenn Sie {verhalten}, mindert sich Ihr {leistung} um {prozent} Prozent des für Sie "
            "maßgebenden Regelbedarfs{euro}.",
        ),
    ),
    (
        "31.folge.C",
        Vorlage(
            "folge",
            f"§ 31 Abs. 1, § 31a Abs. 1 Satz 1 {_C}",
            "Wenn Sie {verhalten}, mindert sich Ihr {leistung} um {prozent} Prozent des für Sie "
            "maßgebenden Regelbedarfs{euro}.",
        ),
    ),
    # "Der Auszahlungsanspruch mindert sich mit Beginn des Kalendermonats, der auf das
    # Wirksamwerden des Verwaltungsaktes folgt, der die Pflichtverletzung und den Umfang der
    # Minderung der Leistung feststellt." (§ 31b Abs. 1 Satz 1) "Der Minderungszeitraum beträgt
    # 1. in den Fällen des § 31a Absatz 1 Satz 1 einen Monat, 2. … zwei Monate und 3. … jeweils
    # drei Monate." (§ 31b Abs. 2 Satz 1 a.F.) / "Der Minderungszeitraum beträgt drei Monate."
    # (§ 31b Abs. 2 Satz 1 n.F.)
    (
        "31.dauer.B",
        Vorlage(
            "dauer",
            f"§ 31b Abs. 1 Satz 1, Abs. 2 Satz 1 {_B}",
            "Die Minderung dauert {monate}. Sie beginnt mit dem Kalendermonat, der auf das "
            "Wirksamwerden des Bescheids folgt, der sie feststellt.",
        ),
    ),
    (
        "31.dauer.C",
        Vorlage(
            "dauer",
            f"§ 31b Abs. 1 Satz 1, Abs. 2 Satz 1 {_C}",
            "Die Minderung dauert {monate}. Sie beginnt mit dem Kalendermonat, der auf das "
            "Wirksamwerden des Bescheids folgt, der sie feststellt.",
        ),
    ),
    # "Dies gilt nicht, wenn erwerbsfähige Leistungsberechtigte einen wichtigen Grund für ihr
    # Verhalten darlegen und nachweisen." (§ 31 Abs. 1 Satz 2)
    (
        "31.wichtiger_grund",
        Vorlage(
            "wichtiger_grund",
            "§ 31 Abs. 1 Satz 2 SGB II",
            "Die Minderung tritt nicht ein, wenn Sie einen wichtigen Grund für Ihr Verhalten "
            "darlegen und nachweisen.",
        ),
    ),
    # "Absatz 1 Satz 6, die Absätze 2 und 3 sowie § 31 Absatz 1 Satz 2 finden Anwendung."
    # (§ 31a Abs. 7 Satz 3 a.F.; Satz 4 n.F. with "Absatz 1 Satz 2")
    (
        "31.wichtiger_grund.entzug.a",
        Vorlage(
            "wichtiger_grund",
            f"§ 31 Abs. 1 Satz 2, § 31a Abs. 7 Satz 3 {_B}",
            "Minderung und Entzug treten nicht ein, wenn Sie einen wichtigen Grund für Ihr "
            "Verhalten darlegen und nachweisen.",
        ),
    ),
    (
        "31.wichtiger_grund.entzug.n",
        Vorlage(
            "wichtiger_grund",
            f"§ 31 Abs. 1 Satz 2 SGB II, § 31a Abs. 7 Satz 4 {_C}",
            "Minderung und Entzug treten nicht ein, wenn Sie einen wichtigen Grund für Ihr "
            "Verhalten darlegen und nachweisen.",
        ),
    ),
    # "Minderungen nach den Sätzen 1 bis 3 sind aufzuheben, sobald erwerbsfähige
    # Leistungsberechtigte diese Pflichten erfüllen oder sich nachträglich ernsthaft und nachhaltig
    # dazu bereit erklären, diesen künftig nachzukommen." (§ 31a Abs. 1 Satz 6 a.F.; Satz 2 n.F.)
    # "In den Fällen des § 31a Absatz 1 Satz 6 ist die Minderung ab dem Zeitpunkt der
    # Pflichterfüllung oder der Erklärung der Bereitschaft zur Pflichterfüllung aufzuheben, soweit
    # der Minderungszeitraum mindestens einen Monat betragen hat, andernfalls nach Ablauf dieses
    # Monats." (§ 31b Abs. 2 Satz 2 a.F.; n.F. with "Satz 2")
    (
        "31.vorzeitiges_ende.B",
        Vorlage(
            "vorzeitiges_ende",
            f"§ 31a Abs. 1 Satz 6, § 31b Abs. 2 Satz 2 {_B}",
            "Kommen Sie der Pflicht nachträglich nach oder erklären Sie sich ernsthaft und "
            "nachhaltig bereit, ihr künftig nachzukommen, wird die Minderung ab diesem Zeitpunkt "
            "aufgehoben, jedoch nicht vor Ablauf eines Monats.",
        ),
    ),
    (
        "31.vorzeitiges_ende.C",
        Vorlage(
            "vorzeitiges_ende",
            f"§ 31a Abs. 1 Satz 2, § 31b Abs. 2 Satz 2 {_C}",
            "Kommen Sie der Pflicht nachträglich nach oder erklären Sie sich ernsthaft und "
            "nachhaltig bereit, ihr künftig nachzukommen, wird die Minderung ab diesem Zeitpunkt "
            "aufgehoben, jedoch nicht vor Ablauf eines Monats.",
        ),
    ),
    # "Bei einer weiteren Pflichtverletzung nach § 31 mindert sich das Bürgergeld um 20 Prozent
    # … Bei jeder weiteren Pflichtverletzung nach § 31 mindert sich das Bürgergeld um 30 Prozent
    # … Eine weitere Pflichtverletzung liegt nur vor, wenn bereits zuvor eine Minderung
    # festgestellt wurde. Sie liegt nicht vor, wenn der Beginn des vorangegangenen
    # Minderungszeitraums länger als ein Jahr zurückliegt." (§ 31a Abs. 1 Satz 2 bis 5 a.F.)
    # "Leistungsminderungen bei wiederholten Pflichtverletzungen oder wiederholten
    # Meldeversäumnissen nach § 32 sind auf insgesamt 30 Prozent des nach § 20 maßgebenden
    # Regelbedarfs begrenzt." (§ 31a Abs. 4 Satz 1)
    (
        "31.wiederholung.B1",
        Vorlage(
            "wiederholung",
            f"§ 31a Abs. 1 Satz 2 bis 5, Abs. 4 Satz 1, § 31b Abs. 2 Satz 1 {_B}",
            "Begehen Sie nach der Feststellung dieser Minderung und innerhalb eines Jahres nach "
            "dem Beginn ihres Minderungszeitraums eine weitere Pflichtverletzung, mindert sich "
            "Ihr {leistung} um 20 Prozent für zwei Monate, bei jeder weiteren um 30 Prozent für "
            "drei Monate. Alle Minderungen zusammen betragen höchstens 30 Prozent des "
            "maßgebenden Regelbedarfs.",
        ),
    ),
    (
        "31.wiederholung.B2",
        Vorlage(
            "wiederholung",
            f"§ 31a Abs. 1 Satz 3 bis 5, Abs. 4 Satz 1, § 31b Abs. 2 Satz 1 {_B}",
            "Begehen Sie nach der Feststellung dieser Minderung und innerhalb eines Jahres nach "
            "dem Beginn ihres Minderungszeitraums eine weitere Pflichtverletzung, mindert sich "
            "Ihr {leistung} um 30 Prozent für drei Monate. Alle Minderungen zusammen betragen "
            "höchstens 30 Prozent des maßgebenden Regelbedarfs.",
        ),
    ),
    (
        "31.wiederholung.B3",
        Vorlage(
            "wiederholung",
            f"§ 31a Abs. 1 Satz 3 bis 5, Abs. 4 Satz 1, § 31b Abs. 2 Satz 1 {_B}",
            "Jede weitere Pflichtverletzung nach der Feststellung dieser Minderung und innerhalb "
            "eines Jahres nach dem Beginn ihres Minderungszeitraums mindert Ihr {leistung} "
            "erneut um 30 Prozent für drei Monate. Alle Minderungen zusammen betragen höchstens "
            "30 Prozent des maßgebenden Regelbedarfs.",
        ),
    ),
    (
        "31.wiederholung.C",
        Vorlage(
            "wiederholung",
            f"§ 31a Abs. 1 Satz 1, Abs. 4 Satz 1, § 31b Abs. 2 Satz 1 {_C}",
            "Jede weitere Pflichtverletzung führt erneut zu einer Minderung um 30 Prozent für "
            "drei Monate. Alle Minderungen zusammen betragen höchstens 30 Prozent des "
            "maßgebenden Regelbedarfs.",
        ),
    ),
    # "Die sich rechnerisch ergebenden Zahlbeträge für die Kosten der Unterkunft und Heizung
    # dürfen durch eine Leistungsminderung nicht verringert werden." (§ 31a Abs. 4 Satz 2)
    (
        "31.unterkunft",
        Vorlage(
            "unterkunft",
            "§ 31a Abs. 4 Satz 2 SGB II",
            "Die Leistungen für Unterkunft und Heizung werden nicht gemindert.",
        ),
    ),
    # "Sofern sich nur aufgrund einer Leistungsminderung oder wegen des Entfalls des
    # Leistungsanspruchs in Höhe des Regelbedarfes nach Absatz 7 rechnerisch kein
    # Leistungsanspruch ergeben würde, wird für die Dauer der Leistungsminderung, des Entfalls
    # oder des Entzuges Grundsicherungsgeld in Höhe von monatlich 1 Euro bewilligt."
    # (§ 31a Abs. 4 Satz 3 n.F.; the Bürgergeld text has no such sentence)
    (
        "31.ein_euro",
        Vorlage(
            "ein_euro",
            f"§ 31a Abs. 4 Satz 3 {_C}",
            "Ergäbe sich allein wegen der Minderung rechnerisch kein Leistungsanspruch, wird für "
            "ihre Dauer Grundsicherungsgeld von monatlich 1 Euro bewilligt.",
        ),
    ),
    # "Während der Minderung des Auszahlungsanspruchs besteht kein Anspruch auf ergänzende Hilfe
    # zum Lebensunterhalt nach den Vorschriften des Zwölften Buches." (§ 31b Abs. 3 in the text of
    # 1.7.2023, Abs. 4 from 28.3.2024; § 32 Abs. 2 Satz 1 applies it to Meldeversäumnisse; § 7b
    # Abs. 4 Satz 2 n.F.: "§ 31b Absatz 4 gilt entsprechend"). The norm of the first two comes
    # from the Rechtsstand's row (`Sanktionsrecht.sgb12_norm`).
    (
        "sgb12.minderung",
        Vorlage(
            "sozialhilfe",
            "§ 31b Abs. 4 SGB II",
            "Während der Minderung besteht kein Anspruch auf ergänzende Hilfe zum Lebensunterhalt "
            "nach dem Zwölften Buch Sozialgesetzbuch (Sozialhilfe).",
        ),
    ),
    (
        "sgb12.entzug",
        Vorlage(
            "sozialhilfe",
            "§ 31b Abs. 4 SGB II",
            "Während der Minderung und des Entzugs besteht kein Anspruch auf ergänzende Hilfe zum "
            "Lebensunterhalt nach dem Zwölften Buch Sozialgesetzbuch (Sozialhilfe).",
        ),
    ),
    (
        "sgb12.nicht_erreichbar",
        Vorlage(
            "sozialhilfe",
            f"§ 7b Abs. 4 Satz 2 {_C}, § 31b Abs. 4 {_C}",
            "Solange Ihr Leistungsanspruch entfällt, besteht kein Anspruch auf ergänzende Hilfe "
            "zum Lebensunterhalt nach dem Zwölften Buch Sozialgesetzbuch (Sozialhilfe).",
        ),
    ),
    # -- § 31a Abs. 7: Entzug des Regelbedarfs bei Arbeitsverweigerung --------------------------
    # 2024-03: "Abweichend von Absatz 4 Satz 1 entfällt der Leistungsanspruch in Höhe des
    # Regelbedarfes, wenn erwerbsfähige Leistungsberechtigte, deren Bürgergeld wegen einer
    # Pflichtverletzung nach § 31 Absatz 1 Satz 1 Nummer 2, Absatz 2 Nummer 3 oder Absatz 2
    # Nummer 4 innerhalb des letzten Jahres gemindert war, eine zumutbare Arbeit nicht aufnehmen.
    # Die Möglichkeit der Arbeitsaufnahme muss tatsächlich und unmittelbar bestehen und willentlich
    # verweigert werden." (§ 31a Abs. 7 Satz 1, 2 a.F.)
    (
        "abs7.entzug.a",
        Vorlage(
            "entzug_regelbedarf",
            f"§ 31a Abs. 7 Satz 1, 2 {_B}",
            "Ihr {leistung} war im letzten Jahr wegen einer Pflichtverletzung nach § 31 Abs. 1 "
            "Satz 1 Nr. 2 oder Abs. 2 Nr. 3 oder 4 SGB II gemindert. Weigern Sie sich willentlich, "
            "diese zumutbare Arbeit aufzunehmen, obwohl ihre Aufnahme tatsächlich und unmittelbar "
            "möglich ist, entfällt Ihr Anspruch in Höhe des Regelbedarfs{euro} ganz (§ 31a "
            "Abs. 7 SGB II). Für die Dauer des Entzugs geht die Minderung darin auf; die Grenze "
            "von 30 Prozent aller Minderungen gilt für den Entzug nicht.",
        ),
    ),
    # "In den Fällen des § 31a Absatz 7 wird die Minderung aufgehoben, wenn die Möglichkeit der
    # Arbeitsaufnahme nicht mehr besteht, spätestens aber mit dem Ablauf eines Zeitraums von zwei
    # Monaten. Absatz 1 Satz 1 und 3 sowie Absatz 2 Satz 2 sind entsprechend anzuwenden."
    # (§ 31b Abs. 3 a.F.)
    (
        "abs7.dauer.a",
        Vorlage(
            "entzug_dauer",
            f"§ 31b Abs. 3 Satz 1, 2 i.V.m. Abs. 1 Satz 1 {_B}",
            "Der Entzug beginnt mit dem Kalendermonat, der auf das Wirksamwerden des Bescheids "
            "folgt, der ihn feststellt. Er wird aufgehoben, sobald die Möglichkeit der "
            "Arbeitsaufnahme nicht mehr besteht, spätestens nach zwei Monaten.",
        ),
    ),
    # "Absatz 1 Satz 6, die Absätze 2 und 3 sowie § 31 Absatz 1 Satz 2 finden Anwendung."
    # (§ 31a Abs. 7 Satz 3 a.F.) with § 31b Abs. 3 Satz 2, Abs. 2 Satz 2 a.F. (not before a month)
    (
        "abs7.vorzeitiges_ende.a",
        Vorlage(
            "entzug_vorzeitiges_ende",
            f"§ 31a Abs. 7 Satz 3, Abs. 1 Satz 6, § 31b Abs. 3 Satz 2, Abs. 2 Satz 2 {_B}",
            "Nehmen Sie die Arbeit doch auf oder erklären Sie sich nachträglich ernsthaft und "
            "nachhaltig bereit, Ihren Pflichten künftig nachzukommen, wird der Entzug ab diesem "
            "Zeitpunkt aufgehoben, jedoch nicht vor Ablauf eines Monats.",
        ),
    ),
    # The Entzug takes the Regelbedarf only ("in Höhe des Regelbedarfes"); "Die sich rechnerisch
    # ergebenden Zahlbeträge für die Kosten der Unterkunft und Heizung dürfen durch eine
    # Leistungsminderung nicht verringert werden." (§ 31a Abs. 4 Satz 2; Abs. 7 departs from
    # Satz 1 only)
    (
        "abs7.unterkunft.a",
        Vorlage(
            "entzug_unterkunft",
            f"§ 31a Abs. 4 Satz 2, Abs. 7 Satz 1 {_B}",
            "Die Leistungen für Unterkunft und Heizung werden auch beim Entzug nicht gemindert.",
        ),
    ),
    # From 2026-04: "Abweichend von Absatz 4 Satz 1 entfällt der Leistungsanspruch in Höhe des
    # Regelbedarfes, wenn erwerbsfähige Leistungsberechtigte eine zumutbare Arbeit nicht
    # aufnehmen. Die Arbeitsaufnahme muss tatsächlich und unmittelbar möglich sein und willentlich
    # verweigert werden." (§ 31a Abs. 7 Satz 1, 2 n.F.)
    (
        "abs7.entzug.n",
        Vorlage(
            "entzug_regelbedarf",
            f"§ 31a Abs. 7 Satz 1, 2 {_C}",
            "Weigern Sie sich willentlich, diese zumutbare Arbeit aufzunehmen, obwohl ihre "
            "Aufnahme tatsächlich und unmittelbar möglich ist, entfällt Ihr Anspruch in Höhe des "
            "Regelbedarfs{euro} ganz (§ 31a Abs. 7 SGB II). Für die Dauer des Entzugs geht die "
            "Minderung darin auf; die Grenze von 30 Prozent aller Minderungen gilt für den Entzug "
            "nicht.",
        ),
    ),
    # "In den Fällen des § 31a Absatz 7 wird die Minderung nach Ablauf eines Minderungszeitraums
    # von einem Monat aufgehoben, wenn die Möglichkeit der Arbeitsaufnahme nicht mehr besteht,
    # spätestens aber mit dem Ablauf eines Zeitraums von zwei Monaten. Absatz 1 Satz 1 und 3 ist
    # entsprechend anzuwenden." (§ 31b Abs. 3 n.F.)
    (
        "abs7.dauer.n",
        Vorlage(
            "entzug_dauer",
            f"§ 31b Abs. 3 Satz 1, 2 i.V.m. Abs. 1 Satz 1 {_C}",
            "Der Entzug beginnt mit dem Kalendermonat, der auf das Wirksamwerden des Bescheids "
            "folgt, der ihn feststellt. Besteht die Möglichkeit der Arbeitsaufnahme nach dem "
            "ersten Monat nicht mehr, wird er aufgehoben; spätestens endet er nach zwei Monaten.",
        ),
    ),
    # "Absatz 1 Satz 2, die Absätze 2 und 3 sowie § 31 Absatz 1 Satz 2 finden Anwendung."
    # (§ 31a Abs. 7 Satz 4 n.F.) with "Minderungen sind aufzuheben, sobald erwerbsfähige
    # Leistungsberechtigte ihre Pflichten erfüllen oder sich nachträglich ernsthaft und
    # nachhaltig dazu bereit erklären, diesen künftig nachzukommen." (§ 31a Abs. 1 Satz 2 n.F.)
    (
        "abs7.vorzeitiges_ende.n",
        Vorlage(
            "entzug_vorzeitiges_ende",
            f"§ 31a Abs. 7 Satz 4, Abs. 1 Satz 2 {_C}",
            "Nehmen Sie die Arbeit doch auf oder erklären Sie sich nachträglich ernsthaft und "
            "nachhaltig bereit, Ihren Pflichten künftig nachzukommen, wird der Entzug aufgehoben.",
        ),
    ),
    # In the text in force from 23.4.2026 to 30.6.2026 "Absatz 1 Satz 2" of § 31a is still the
    # 20 % step of the Bürgergeld law; kooplan reads the reference as one to the lifting rule,
    # there Satz 6: "Minderungen nach den Sätzen 1 bis 3 sind aufzuheben, sobald …"
    (
        "abs7.vorzeitiges_ende.n_2026_04",
        Vorlage(
            "entzug_vorzeitiges_ende",
            f"§ 31a Abs. 7 Satz 4 {_C} (Verweis auf Abs. 1 Satz 2, gelesen als § 31a Abs. 1 Satz 6 "
            f"{_B})",
            "Nehmen Sie die Arbeit doch auf oder erklären Sie sich nachträglich ernsthaft und "
            "nachhaltig bereit, Ihren Pflichten künftig nachzukommen, wird der Entzug aufgehoben.",
        ),
    ),
    # "In diesem Fall soll das Grundsicherungsgeld, soweit es für die Bedarfe für Unterkunft und
    # Heizung erbracht wird, für die gesamte Bedarfsgemeinschaft an den Vermieter oder andere
    # Empfangsberechtigte gezahlt werden." (§ 31a Abs. 7 Satz 3 n.F.)
    (
        "abs7.unterkunft.n",
        Vorlage(
            "entzug_unterkunft",
            f"§ 31a Abs. 4 Satz 2, Abs. 7 Satz 3 {_C}",
            "Die Leistungen für Unterkunft und Heizung werden auch beim Entzug nicht gemindert; "
            "sie sollen dann für die gesamte Bedarfsgemeinschaft an Ihren Vermieter oder andere "
            "Empfangsberechtigte gezahlt werden.",
        ),
    ),
    # § 31a Abs. 4 Satz 3 n.F. (above): "… oder wegen des Entfalls des Leistungsanspruchs in Höhe
    # des Regelbedarfes nach Absatz 7 …"
    (
        "abs7.ein_euro",
        Vorlage(
            "entzug_ein_euro",
            f"§ 31a Abs. 4 Satz 3 {_C}",
            "Ergäbe sich allein wegen des Entzugs rechnerisch kein Leistungsanspruch, wird für "
            "seine Dauer Grundsicherungsgeld von monatlich 1 Euro bewilligt.",
        ),
    ),
    # -- § 32 Meldeversäumnis -----------------------------------------------------------------------
    # "Kommen Leistungsberechtigte trotz schriftlicher Belehrung über die Rechtsfolgen oder deren
    # Kenntnis einer Aufforderung des zuständigen Trägers, sich bei ihm zu melden oder bei einem
    # ärztlichen oder psychologischen Untersuchungstermin zu erscheinen, nicht nach, mindert sich
    # das Bürgergeld jeweils um 10 Prozent des für sie nach § 20 maßgebenden Regelbedarfs."
    # (§ 32 Abs. 1 Satz 1 a.F.)
    (
        "32.folge.B",
        Vorlage(
            "folge",
            f"§ 32 Abs. 1 Satz 1 {_B}",
            "Wenn Sie {verhalten}, mindert sich Ihr {leistung} um {prozent} Prozent des für Sie "
            "maßgebenden Regelbedarfs{euro}.",
        ),
    ),
    # "§ 31a Absatz 2 bis 5 und § 31b Absatz 1 und 3 gelten entsprechend. Der
    # Minderungszeitraum beträgt einen Monat." (§ 32 Abs. 2 a.F.; n.F.: "§ 31b Absatz 1 und 4")
    (
        "32.dauer.B",
        Vorlage(
            "dauer",
            f"§ 32 Abs. 2 Satz 2, § 31b Abs. 1 Satz 1 {_B}",
            "Die Minderung dauert {monate}. Sie beginnt mit dem Kalendermonat, der auf das "
            "Wirksamwerden des Bescheids folgt, der sie feststellt.",
        ),
    ),
    (
        "32.dauer.C",
        Vorlage(
            "dauer",
            f"§ 32 Abs. 2 Satz 2, § 31b Abs. 1 Satz 1 {_C}",
            "Die Minderung dauert {monate}. Sie beginnt mit dem Kalendermonat, der auf das "
            "Wirksamwerden des Bescheids folgt, der sie feststellt.",
        ),
    ),
    # "Dies gilt nicht, wenn Leistungsberechtigte einen wichtigen Grund für ihr Verhalten
    # darlegen und nachweisen." (§ 32 Abs. 1 Satz 2)
    (
        "32.wichtiger_grund",
        Vorlage(
            "wichtiger_grund",
            "§ 32 Abs. 1 Satz 2 SGB II",
            "Die Minderung tritt nicht ein, wenn Sie einen wichtigen Grund für Ihr Verhalten "
            "darlegen und nachweisen.",
        ),
    ),
    # "… jeweils um 10 Prozent …" (§ 32 Abs. 1 Satz 1 a.F.) with the cap of § 31a Abs. 4 Satz 1
    # ("wiederholten Meldeversäumnissen nach § 32"), applied by § 32 Abs. 2 Satz 1
    (
        "32.wiederholung.B",
        Vorlage(
            "wiederholung",
            f"§ 32 Abs. 1 Satz 1, Abs. 2 Satz 1, § 31a Abs. 4 Satz 1 {_B}",
            "Jedes weitere Meldeversäumnis mindert Ihr {leistung} jeweils um weitere 10 Prozent "
            "für einen Monat. Alle Minderungen zusammen betragen höchstens 30 Prozent des "
            "maßgebenden Regelbedarfs.",
        ),
    ),
    # § 31a Abs. 4 Satz 2, applied by § 32 Abs. 2 Satz 1
    (
        "32.unterkunft.B",
        Vorlage(
            "unterkunft",
            f"§ 32 Abs. 2 Satz 1, § 31a Abs. 4 Satz 2 {_B}",
            "Die Leistungen für Unterkunft und Heizung werden nicht gemindert.",
        ),
    ),
    (
        "32.unterkunft.C",
        Vorlage(
            "unterkunft",
            f"§ 32 Abs. 2 Satz 1, § 31a Abs. 4 Satz 2 {_C}",
            "Die Leistungen für Unterkunft und Heizung werden nicht gemindert.",
        ),
    ),
    (
        "32.ein_euro",
        Vorlage(
            "ein_euro",
            f"§ 32 Abs. 2 Satz 1, § 31a Abs. 4 Satz 3 {_C}",
            "Ergäbe sich allein wegen der Minderung rechnerisch kein Leistungsanspruch, wird für "
            "ihre Dauer Grundsicherungsgeld von monatlich 1 Euro bewilligt.",
        ),
    ),
    # "Kommen Leistungsberechtigte trotz schriftlicher Belehrung über die Rechtsfolgen oder deren
    # Kenntnis einer Aufforderung des zuständigen Trägers, sich bei ihm zu melden … wiederholt
    # nicht nach, mindert sich das Grundsicherungsgeld jeweils um 30 Prozent des für sie nach § 20
    # maßgebenden Regelbedarfs." (§ 32 Abs. 1 Satz 1 n.F.): the first miss brings none.
    (
        "32.folge.C_erstes",
        Vorlage(
            "folge",
            f"§ 32 Abs. 1 Satz 1 {_C}",
            "Wenn Sie {verhalten}, zählt das als erstes Meldeversäumnis nach § 32 Abs. 1 SGB II: "
            "Es führt noch zu keiner Minderung.",
        ),
    ),
    (
        "32.wichtiger_grund.C_erstes",
        Vorlage(
            "wichtiger_grund",
            "§ 32 Abs. 1 Satz 2 SGB II",
            "Ein Versäumnis, für das Sie einen wichtigen Grund für Ihr Verhalten darlegen und "
            "nachweisen, zählt nicht.",
        ),
    ),
    (
        "32.folge.C_wiederholt",
        Vorlage(
            "folge",
            f"§ 32 Abs. 1 Satz 1 {_C}",
            "Wenn Sie {verhalten}, ist das ein wiederholtes Meldeversäumnis: Ihr {leistung} "
            "mindert sich um {prozent} Prozent des für Sie maßgebenden Regelbedarfs{euro}.",
        ),
    ),
    # § 32 Abs. 1 Satz 1 n.F. ("wiederholt … jeweils um 30 Prozent"), § 32 Abs. 2 Satz 2 n.F.,
    # § 31a Abs. 4 Satz 1, 2, and "Erwerbsfähige Leistungsberechtigte gelten als nicht
    # erreichbar, wenn sie trotz schriftlicher Belehrung über die Rechtsfolgen oder deren Kenntnis
    # drei aufeinanderfolgenden Meldeaufforderungen des Jobcenters ohne Darlegung und Nachweis
    # eines wichtigen Grundes nicht nachkommen." (§ 7b Abs. 4 Satz 1 n.F.)
    (
        "32.wiederholung.C_erstes",
        Vorlage(
            "wiederholung",
            f"§ 32 Abs. 1 Satz 1, Abs. 2, § 31a Abs. 4 Satz 1, 2, § 7b Abs. 4 Satz 1 {_C}",
            "Jedes weitere Meldeversäumnis mindert Ihr {leistung} um {prozent} Prozent des "
            "maßgebenden Regelbedarfs{euro} für einen Monat; die Leistungen für Unterkunft und "
            "Heizung werden nicht gemindert. Alle Minderungen zusammen betragen höchstens "
            "30 Prozent des maßgebenden Regelbedarfs. Kommen Sie drei aufeinanderfolgenden "
            "Meldeaufforderungen mit Rechtsfolgenbelehrung ohne wichtigen Grund nicht nach, "
            "gelten Sie als nicht erreichbar (§ 7b Abs. 4 SGB II): Ihr Leistungsanspruch "
            "entfällt dann ab dem Monat nach der Feststellung des dritten Versäumnisses bis zum "
            "Ende des Bewilligungszeitraums, im ersten Monat ohne die Leistungen für den "
            "Regelbedarf; er lebt wieder auf, sobald Sie sich persönlich im Jobcenter melden.",
        ),
    ),
    (
        "32.wiederholung.C_wiederholt",
        Vorlage(
            "wiederholung",
            f"§ 32 Abs. 1 Satz 1, § 31a Abs. 4 Satz 1, § 7b Abs. 4 Satz 1 {_C}",
            "Jedes weitere Meldeversäumnis mindert Ihr {leistung} erneut um {prozent} Prozent "
            "für einen Monat. Alle Minderungen zusammen betragen höchstens 30 Prozent des "
            "maßgebenden Regelbedarfs. Kommen Sie drei aufeinanderfolgenden "
            "Meldeaufforderungen mit Rechtsfolgenbelehrung ohne wichtigen Grund nicht nach, "
            "gelten Sie als nicht erreichbar (§ 7b Abs. 4 SGB II): Ihr Leistungsanspruch "
            "entfällt dann ab dem Monat nach der Feststellung des dritten Versäumnisses bis zum "
            "Ende des Bewilligungszeitraums, im ersten Monat ohne die Leistungen für den "
            "Regelbedarf; er lebt wieder auf, sobald Sie sich persönlich im Jobcenter melden.",
        ),
    ),
    # -- § 7b Abs. 4 n.F.: nicht erreichbar ----------------------------------------------------
    # "Erwerbsfähige Leistungsberechtigte gelten als nicht erreichbar, wenn sie … drei
    # aufeinanderfolgenden Meldeaufforderungen des Jobcenters ohne Darlegung und Nachweis eines
    # wichtigen Grundes nicht nachkommen. Der Leistungsanspruch entfällt mit Beginn des
    # Kalendermonats, der auf die Feststellung des dritten versäumten Meldetermins im Sinne des
    # Satzes 1 folgt; …" (§ 7b Abs. 4 Satz 1, 2 n.F.) "Eine Minderung nach Absatz 1 Satz 1
    # erfolgt nicht in den Fällen des § 7b Absatz 4 Satz 1." (§ 32 Abs. 3 Satz 1 n.F.)
    (
        "7b.nicht_erreichbar",
        Vorlage(
            "nicht_erreichbar",
            f"§ 7b Abs. 4 Satz 1, 2 {_C}, § 32 Abs. 3 Satz 1 {_C}",
            "Kommen Sie dieser dritten aufeinanderfolgenden Meldeaufforderung ohne wichtigen "
            "Grund nicht nach, gelten Sie als nicht erreichbar (§ 7b Abs. 4 SGB II). Ihr "
            "Leistungsanspruch entfällt dann mit Beginn des Kalendermonats, der auf die "
            "Feststellung des dritten versäumten Meldetermins folgt. An die Stelle einer "
            "Minderung wegen dieses Meldeversäumnisses treten diese Folgen (§ 32 Abs. 3 SGB II).",
        ),
    ),
    # "Bei Vorliegen der übrigen Leistungsvoraussetzungen erhalten erwerbsfähige
    # Leistungsberechtigte ab dem in Satz 2 genannten Zeitpunkt für einen Kalendermonat
    # Grundsicherungsgeld mit Ausnahme von Leistungen zur Deckung des Regelbedarfs; § 31a Absatz 4
    # Satz 3 gilt entsprechend." (§ 7b Abs. 4 Satz 4 n.F.)
    (
        "7b.erster_monat",
        Vorlage(
            "nicht_erreichbar_erster_monat",
            f"§ 7b Abs. 4 Satz 4 {_C}, § 31a Abs. 4 Satz 3 {_C}",
            "Für diesen ersten Kalendermonat erhalten Sie Grundsicherungsgeld ohne die Leistungen "
            "für den Regelbedarf{euro}; die Leistungen für Unterkunft und Heizung werden in "
            "diesem Monat weiter erbracht. Ergäbe sich dadurch rechnerisch kein "
            "Leistungsanspruch, wird für diesen Monat Grundsicherungsgeld von 1 Euro bewilligt.",
        ),
    ),
    # "Die Nichterreichbarkeit nach Satz 1 gilt bis zum Ablauf des ursprünglichen
    # Bewilligungszeitraums, es sei denn, die erwerbsfähige leistungsberechtigte Person meldet sich
    # vorher persönlich bei dem zuständigen Jobcenter." (§ 7b Abs. 4 Satz 3 n.F.)
    (
        "7b.dauer",
        Vorlage(
            "nicht_erreichbar_dauer",
            f"§ 7b Abs. 4 Satz 2, 3 {_C}",
            "Danach erhalten Sie bis zum Ablauf des ursprünglichen Bewilligungszeitraums{bis} "
            "keine Leistungen, auch nicht für Unterkunft und Heizung, es sei denn, Sie melden "
            "sich vorher persönlich im Jobcenter: Von da an gelten Sie wieder als erreichbar.",
        ),
    ),
    # the Bewilligungszeitraum ends within the first month (or before it): no "danach"
    (
        "7b.dauer.kurz",
        Vorlage(
            "nicht_erreichbar_dauer",
            f"§ 7b Abs. 4 Satz 2, 3 {_C}",
            "Die Nichterreichbarkeit gilt bis zum Ablauf des ursprünglichen "
            "Bewilligungszeitraums am {tag}, es sei denn, Sie melden sich vorher persönlich im "
            "Jobcenter: Von da an gelten Sie wieder als erreichbar.",
        ),
    ),
    # "Meldet sich die erwerbsfähige leistungsberechtigte Person innerhalb dieses Monats
    # persönlich in dem zuständigen Jobcenter, gilt sie als durchgehend erreichbar; § 32 Absatz 3
    # bleibt unberührt." (§ 7b Abs. 4 Satz 5 n.F.) "In den Fällen des § 7b Absatz 4 Satz 5 ist
    # der Regelbedarf in der nach Absatz 1 Satz 1 und Absatz 2 Satz 2 geminderten Höhe zu
    # erbringen." (§ 32 Abs. 3 Satz 2 n.F.)
    (
        "7b.vorzeitiges_ende",
        Vorlage(
            "nicht_erreichbar_vorzeitiges_ende",
            f"§ 7b Abs. 4 Satz 5 {_C}, § 32 Abs. 3 Satz 2 {_C}",
            "Melden Sie sich innerhalb dieses ersten Kalendermonats persönlich im Jobcenter, "
            "gelten Sie als durchgehend erreichbar; Ihr Regelbedarf wird dann für diesen einen "
            "Monat um {prozent} Prozent gemindert{euro} erbracht.",
        ),
    ),
    # A found außergewöhnliche Härte excludes that Minderung: "Eine Leistungsminderung erfolgt
    # nicht, wenn sie im Einzelfall eine außergewöhnliche Härte bedeuten würde." (§ 31a Abs. 3,
    # applied to § 32 by § 32 Abs. 2 Satz 1 n.F.)
    (
        "7b.vorzeitiges_ende.haerte",
        Vorlage(
            "nicht_erreichbar_vorzeitiges_ende",
            f"§ 7b Abs. 4 Satz 5 {_C}, § 32 Abs. 2 Satz 1, Abs. 3 Satz 2 {_C}, § 31a Abs. 3 {_C}",
            "Melden Sie sich innerhalb dieses ersten Kalendermonats persönlich im Jobcenter, "
            "gelten Sie als durchgehend erreichbar; wegen der festgestellten außergewöhnlichen "
            "Härte wird Ihr Regelbedarf dann ungemindert erbracht.",
        ),
    ),
    # "… ohne Darlegung und Nachweis eines wichtigen Grundes …" (§ 7b Abs. 4 Satz 1 n.F.)
    (
        "7b.wichtiger_grund",
        Vorlage(
            "wichtiger_grund",
            f"§ 7b Abs. 4 Satz 1 {_C}",
            "Diese Folgen treten nicht ein, wenn Sie einen wichtigen Grund für Ihr Verhalten "
            "darlegen und nachweisen.",
        ),
    ),
    # -- außergewöhnliche Härte -------------------------------------------------------------------
    # "Eine Leistungsminderung erfolgt nicht, wenn sie im Einzelfall eine außergewöhnliche Härte
    # bedeuten würde." (§ 31a Abs. 3; for § 32 by § 32 Abs. 2 Satz 1)
    (
        "haerte.B",
        Vorlage(
            "folge",
            f"§ 31a Abs. 3 {_B}",
            "Wenn Sie {verhalten}, erfolgt wegen der festgestellten außergewöhnlichen Härte "
            "keine Leistungsminderung.",
        ),
    ),
    (
        "haerte.C",
        Vorlage(
            "folge",
            f"§ 31a Abs. 3 {_C}",
            "Wenn Sie {verhalten}, erfolgt wegen der festgestellten außergewöhnlichen Härte "
            "keine Leistungsminderung.",
        ),
    ),
    # § 7b Abs. 4 Satz 1 n.F. knows no Härte: the warning stays
    (
        "haerte.wiederholung.C_einladung",
        Vorlage(
            "wiederholung",
            f"§ 7b Abs. 4 Satz 1 {_C}",
            "Kommen Sie drei aufeinanderfolgenden Meldeaufforderungen mit "
            "Rechtsfolgenbelehrung ohne wichtigen Grund nicht nach, gelten Sie als nicht "
            "erreichbar (§ 7b Abs. 4 SGB II): Ihr Leistungsanspruch entfällt dann ab dem Monat "
            "nach der Feststellung des dritten Versäumnisses bis zum Ende des "
            "Bewilligungszeitraums, im ersten Monat ohne die Leistungen für den Regelbedarf; er "
            "lebt wieder auf, sobald Sie sich persönlich im Jobcenter melden.",
        ),
    ),
)

VORLAGEN: Final[Mapping[str, Vorlage]] = dict(_VORLAGEN)
"""Every template, by its key (kind of consequence, block, variant)."""
assert len(VORLAGEN) == len(_VORLAGEN), "a template key is used twice"
