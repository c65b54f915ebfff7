"""The norms the rule tables cite, parsed, and the statute sentences they cite, quoted verbatim.

Every rule of kooplan names its norm as a citation string, e.g. `"§ 15 Abs. 5 Satz 2 SGB II a.F."`
or `"§ 32 Abs. 1 SGB II a.F. i.V.m. § 59 SGB II, § 309 SGB III"`. [`zerlege`][kooplan.recht.normen.zerlege]
parses such a string into its [`Fundstelle`][kooplan.recht.normen.Fundstelle] parts (paragraph, Absatz,
Satz, Nummer, law, Fassung); [`stellen`][kooplan.recht.normen.stellen] returns the statute sentences a
part cites.

The sentences are data: [`TEXTE`][kooplan.recht.normen.TEXTE] holds them verbatim from the statute texts
bundled in the package (`kooplan/gesetzestexte`, one file per law and Fassung, listed in
[`DATEIEN`][kooplan.recht.normen.DATEIEN]): one [`Stelle`][kooplan.recht.normen.Stelle] per sentence, numbered
item, or the words after a list, each with the file it comes from and the other versions that have
the same words at the same place. Deciding never reads the files;
[`gesetzestext`][kooplan.recht.normen.gesetzestext] returns one, and the tests check every quote
against them. §§ 15, 15a, 31, 31a, 31b and 32 SGB II are held completely in the a.F. (1.7.2023)
and the n.F. (1.7.2026), so that provisions no rule cites can be listed as gaps
(`docs/abdeckung.md`); of other norms the cited parts only.

Which text a citation means (see `kooplan.recht.Fassung`):

* `a.F.`: the Bürgergeld text, `SGB_II_2023-07-01.md`; for § 31a Abs. 7 and § 31b Abs. 3
  the text added on 28.3.2024 (`SGB_II_2024-03-28.md`), which § 31b Abs. 3 of 2023 does not have;
* `n.F.`: the text of the 13. SGB II-ÄndG, `SGB_II_2026-07-01.md` (§ 31a Abs. 7 and § 31b
  Abs. 3 n.F. are in force in the same words from the day after the promulgation of that law,
  `SGB_II_2026-04_vorgezogen.md`; the day is in the Rechtsstand table);
* no suffix: a norm the 13. SGB II-ÄndG left unchanged; both texts are looked up, and where
  their words differ both are returned ([`fassungen_weichen_ab`][kooplan.recht.normen.fassungen_weichen_ab]
  says so).

Examples:
    >>> [str(f) for f in zerlege("§ 31 Abs. 1 Satz 1 Nr. 2, 3 SGB II a.F.")]
    ['§ 31 Abs. 1 Satz 1 Nr. 2 SGB II a.F.', '§ 31 Abs. 1 Satz 1 Nr. 3 SGB II a.F.']
    >>> [s.text for s in stellen(zerlege("§ 15 Abs. 4 SGB II a.F.")[0])]
    ['Die erste Einladung zum Gespräch zur Erstellung der Potenzialanalyse und des Kooperationsplans erfolgt ohne Belehrung über die Rechtsfolgen bei Nichtteilnahme.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Final

import attrs

__all__ = [
    "DATEIEN",
    "KERN",
    "TEXTE",
    "Datei",
    "Fundstelle",
    "Stelle",
    "ZitatFehler",
    "fassungen_weichen_ab",
    "gesetzestext",
    "stellen",
    "zerlege",
]


@attrs.frozen
class Datei:
    """A bundled statute text: its file name, the law, how kooplan cites it, its title."""

    name: str
    """The file name in `kooplan/gesetzestexte`."""
    gesetz: str
    """The law: `SGB II`, `SGB III`, `SGB X`, `BGB`."""
    fassung: str
    """`a.F.` or `n.F.` for SGB II (how kooplan cites the file), `""` for other laws."""
    titel: str
    """What the file is, in German."""


_AF: Final = "SGB_II_2023-07-01.md"
_AF_2024: Final = "SGB_II_2024-03-28.md"
_AF_2026_03: Final = "SGB_II_2026-03-28.md"
_AF_2026_04: Final = "SGB_II_2026-04_vorgezogen.md"
_NF: Final = "SGB_II_2026-07-01.md"
_SGB_III: Final = "SGB_III_159_309.md"
_SGB_X: Final = "SGB_X_24_26_37.md"
_BGB: Final = "BGB_187_188_193.md"

DATEIEN: Final[Mapping[str, Datei]] = {
    d.name: d
    for d in (
        Datei(_AF, "SGB II", "a.F.", "SGB II, Fassung ab 1.7.2023 (Bürgergeld-Gesetz)"),
        Datei(_AF_2024, "SGB II", "a.F.", "SGB II, Fassung ab 28.3.2024 (2. HFG 2024)"),
        Datei(
            _AF_2026_03, "SGB II", "a.F.", "SGB II, Fassung ab 28.3.2026 (§ 31a Abs. 7 ausgelaufen)"
        ),
        Datei(
            _AF_2026_04,
            "SGB II",
            "a.F.",
            "SGB II, Fassung ab dem Tag nach der Verkündung (vorgezogener Teil des 13. SGB II-ÄndG)",
        ),
        Datei(_NF, "SGB II", "n.F.", "SGB II, Fassung ab 1.7.2026 (13. SGB II-ÄndG)"),
        Datei(_SGB_III, "SGB III", "", "SGB III, Auszug (§§ 159, 309)"),
        Datei(_SGB_X, "SGB X", "", "SGB X, Auszug (§§ 24, 26, 37)"),
        Datei(_BGB, "BGB", "", "BGB, Auszug (§§ 187, 188, 193)"),
    )
}
"""The statute excerpts, by file name."""


def gesetzestext(name: str) -> str:
    """The text of a bundled statute file (a key of [`DATEIEN`][kooplan.recht.normen.DATEIEN]).

    Raises:
        KeyError: `name` is not a bundled file.

    Examples:
        >>> gesetzestext("SGB_II_2023-07-01.md").splitlines()[0]
        '# SGB II, Auszug: Fassung ab 1. Juli 2023 (Bürgergeld-Gesetz), Stand des Abrufs 2023-07-01'
    """
    if name not in DATEIEN:
        raise KeyError(name)
    datei = resources.files("kooplan.gesetzestexte").joinpath(name)
    return datei.read_text(encoding="utf-8")


KERN: Final[tuple[str, ...]] = ("15", "15a", "31", "31a", "31b", "32")
"""The paragraphs of SGB II held completely, in the a.F. and the n.F. (gaps are reported for them).
"""


@attrs.frozen
class Stelle:
    """One sentence of a statute text, verbatim: a whole sentence, or of a sentence with a
    numbered list its opening words (`nummer` None), one item (`nummer`) or the words after
    the list (`nummer` None, after the items)."""

    datei: str
    """The file the sentence is quoted from."""
    paragraph: str
    """Its paragraph."""
    absatz: str | None
    """None for a paragraph without Absätze (§ 59 SGB II)."""
    satz: int | None
    """None only for an Absatz that reads "(weggefallen)"."""
    nummer: int | None
    """Its Nummer, for an item of a numbered list."""
    text: str
    """The words, verbatim."""
    auch_in: tuple[str, ...] = ()
    """Other versions (files) that have the same words at the same place."""

    @property
    def gesetz(self) -> str:
        """The law of the file."""
        return DATEIEN[self.datei].gesetz

    @property
    def ort(self) -> str:
        """Where the sentence stands, without the law: `§ 31 Abs. 1 Satz 1 Nr. 2`."""
        return _ort(self.paragraph, self.absatz, self.satz, self.nummer)


def _ort(paragraph: str, absatz: str | None, satz: int | None, nummer: int | None) -> str:
    teile = [f"§ {paragraph}"]
    if absatz is not None:
        teile.append(f"Abs. {absatz}")
    if satz is not None:
        teile.append(f"Satz {satz}")
    if nummer is not None:
        teile.append(f"Nr. {nummer}")
    return " ".join(teile)


# fmt: off
TEXTE: Final[tuple[Stelle, ...]] = (
    Stelle(_AF, "15", "1", 1, None, "Die Agentur für Arbeit soll unverzüglich zusammen mit jeder erwerbsfähigen leistungsberechtigten Person die für die Eingliederung in Ausbildung oder Arbeit erforderlichen persönlichen Merkmale, die beruflichen Fähigkeiten und die Eignung feststellen; diese Feststellungen erstrecken sich auch auf die individuellen Stärken sowie darauf, ob und durch welche Umstände die berufliche Eingliederung voraussichtlich erschwert sein wird (Potenzialanalyse).", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "15", "1", 2, None, "Tatsachen, über die die Agentur für Arbeit nach § 9a Satz 2 Nummer 2 des Dritten Buches unterrichtet wird, müssen nicht erneut festgestellt werden, es sei denn, es liegen Anhaltspunkte dafür vor, dass sich Umstände, die für die Eingliederung maßgebend sind, verändert haben.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "15", "2", 1, None, "Die Agentur für Arbeit soll im Einvernehmen mit dem kommunalen Träger unverzüglich nach der Potenzialanalyse mit jeder erwerbsfähigen leistungsberechtigten Person unter Berücksichtigung der Feststellungen nach Absatz 1 gemeinsam einen Plan zur Verbesserung der Teilhabe (Kooperationsplan) erstellen.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 2, None, "In diesem werden das Eingliederungsziel und die wesentlichen Schritte zur Eingliederung festgehalten, insbesondere soll festgelegt werden,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 2, 1, "welche Leistungen zur Eingliederung in Ausbildung oder Arbeit nach diesem Abschnitt in Betracht kommen,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 2, 2, "welche für eine erfolgreiche Überwindung von Hilfebedürftigkeit, vor allem durch Eingliederung in Ausbildung oder Arbeit, erforderlichen Eigenbemühungen erwerbsfähige Leistungsberechtigte mindestens unternehmen und nachweisen,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 2, 3, "eine vorgesehene Teilnahme an einem Integrationskurs nach § 43 des Aufenthaltsgesetzes oder an einer Maßnahme der berufsbezogenen Deutschsprachförderung nach § 45a des Aufenthaltsgesetzes,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 2, 4, "wie Leistungen anderer Leistungsträger in den Eingliederungsprozess einbezogen werden,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 2, 5, "in welche Ausbildung, Tätigkeiten oder Tätigkeitsbereiche die erwerbsfähige leistungsberechtigte Person vermittelt werden soll und", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 2, 6, "ob ein möglicher Bedarf für Leistungen zur beruflichen oder medizinischen Rehabilitation mit dem Ziel einer entsprechenden Antragstellung in Betracht kommt.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 3, None, "Im Kooperationsplan kann auch festgehalten werden,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 3, 1, "welche Maßnahmen und Leistungen der aktiven Arbeitsförderung im Hinblick auf mögliche gesundheitliche Beeinträchtigungen, die einer Integration in den Arbeitsmarkt entgegenstehen, in Betracht kommen und welche anderen Leistungsträger im Hinblick auf diese Beeinträchtigungen voraussichtlich zu beteiligen sind und", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "2", 3, 2, "welche Leistungen nach diesem Abschnitt für Personen in Betracht kommen, die mit der oder dem erwerbsfähigen Leistungsberechtigten in einer Bedarfsgemeinschaft leben, um Hemmnisse der erwerbsfähigen leistungsberechtigten Person zu beseitigen oder zu verringern; diese Personen sind hierbei zu beteiligen.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "3", 1, None, "Die erwerbsfähige leistungsberechtigte Person erhält den Kooperationsplan in Textform.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "15", "3", 2, None, "Der Kooperationsplan soll spätestens nach Ablauf von jeweils sechs Monaten gemeinsam aktualisiert und fortgeschrieben werden.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "15", "4", 1, None, "Die erste Einladung zum Gespräch zur Erstellung der Potenzialanalyse und des Kooperationsplans erfolgt ohne Belehrung über die Rechtsfolgen bei Nichtteilnahme.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "5", 1, None, "Die Agentur für Arbeit überprüft regelmäßig, ob die erwerbsfähige leistungsberechtigte Person die im Kooperationsplan festgehaltenen Absprachen einhält.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "5", 2, None, "Aufforderungen hierzu erfolgen grundsätzlich mit Rechtsfolgenbelehrung, insbesondere bei Maßnahmen gemäß §§ 16, 16d ist eine Rechtsfolgenbelehrung vorzusehen.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15", "6", 1, None, "Wenn ein Kooperationsplan nicht zustande kommt oder nicht fortgeschrieben werden kann, erfolgen Aufforderungen zu erforderlichen Mitwirkungshandlungen mit Rechtsfolgenbelehrung.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15a", "1", 1, None, "Ist die Erstellung oder die Fortschreibung eines Kooperationsplans aufgrund von Meinungsverschiedenheiten zwischen Agentur für Arbeit oder kommunalem Träger und leistungsberechtigter Person nicht möglich, so soll auf Verlangen einer oder beider Seiten ein Schlichtungsverfahren eingeleitet werden.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15a", "1", 2, None, "Die Agentur für Arbeit schafft im Einvernehmen mit dem kommunalen Träger die Voraussetzungen für einen Schlichtungsmechanismus unter Hinzuziehung einer bisher unbeteiligten und insofern nicht weisungsgebundenen Person innerhalb oder außerhalb der Dienststelle.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15a", "1", 3, None, "Das nähere Verfahren entsprechend § 44c Absatz 2 Satz 2 Nummer 2 legt die Trägerversammlung fest.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15a", "2", 1, None, "In dem Schlichtungsverfahren soll ein gemeinsamer Lösungsvorschlag entwickelt werden.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15a", "2", 2, None, "Diesen gemeinsamen Lösungsvorschlag haben die Agentur für Arbeit und der kommunale Träger zu berücksichtigen.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15a", "3", 1, None, "Während des Schlichtungsverfahrens führt die Verletzung von Pflichten nach § 31 nicht zu Leistungsverminderungen nach § 31a.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "15a", "4", 1, None, "Das Schlichtungsverfahren endet durch eine Einigung oder spätestens mit Ablauf von vier Wochen ab Beginn.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31", "1", 1, None, "Erwerbsfähige Leistungsberechtigte verletzen ihre Pflichten, wenn sie trotz schriftlicher Belehrung über die Rechtsfolgen oder deren Kenntnis", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31", "1", 1, 1, "sich weigern, einer Aufforderung gemäß § 15 Absatz 5 oder Absatz 6 nachzukommen,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31", "1", 1, 2, "sich weigern, eine zumutbare Arbeit, Ausbildung oder ein nach § 16e gefördertes Arbeitsverhältnis aufzunehmen, fortzuführen oder deren Anbahnung durch ihr Verhalten verhindern,", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31", "1", 1, 3, "eine zumutbare Maßnahme zur Eingliederung in Arbeit nicht antreten, abbrechen oder Anlass für den Abbruch gegeben haben.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31", "1", 2, None, "Dies gilt nicht, wenn erwerbsfähige Leistungsberechtigte einen wichtigen Grund für ihr Verhalten darlegen und nachweisen.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31", "2", 1, None, "Eine Pflichtverletzung von erwerbsfähigen Leistungsberechtigten ist auch anzunehmen, wenn", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31", "2", 1, 1, "sie nach Vollendung des 18. Lebensjahres ihr Einkommen oder Vermögen in der Absicht vermindert haben, die Voraussetzungen für die Gewährung oder Erhöhung des Bürgergeldes nach § 19 Absatz 1 Satz 1 herbeizuführen,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31", "2", 1, 2, "sie trotz Belehrung über die Rechtsfolgen oder deren Kenntnis ihr unwirtschaftliches Verhalten fortsetzen,", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31", "2", 1, 3, "ihr Anspruch auf Arbeitslosengeld ruht oder erloschen ist, weil die Agentur für Arbeit das Eintreten einer Sperrzeit oder das Erlöschen des Anspruchs nach den Vorschriften des Dritten Buches festgestellt hat, oder", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31", "2", 1, 4, "sie die im Dritten Buch genannten Voraussetzungen für das Eintreten einer Sperrzeit erfüllen, die das Ruhen oder Erlöschen eines Anspruchs auf Arbeitslosengeld begründen.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31a", "1", 1, None, "Bei einer Pflichtverletzung nach § 31 mindert sich das Bürgergeld um 10 Prozent des nach § 20 jeweils maßgebenden Regelbedarfs.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31a", "1", 2, None, "Bei einer weiteren Pflichtverletzung nach § 31 mindert sich das Bürgergeld um 20 Prozent des nach § 20 jeweils maßgebenden Regelbedarfs.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31a", "1", 3, None, "Bei jeder weiteren Pflichtverletzung nach § 31 mindert sich das Bürgergeld um 30 Prozent des nach § 20 jeweils maßgeblichen Regelbedarfs.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31a", "1", 4, None, "Eine weitere Pflichtverletzung liegt nur vor, wenn bereits zuvor eine Minderung festgestellt wurde.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31a", "1", 5, None, "Sie liegt nicht vor, wenn der Beginn des vorangegangenen Minderungszeitraums länger als ein Jahr zurückliegt.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31a", "1", 6, None, "Minderungen nach den Sätzen 1 bis 3 sind aufzuheben, sobald erwerbsfähige Leistungsberechtigte diese Pflichten erfüllen oder sich nachträglich ernsthaft und nachhaltig dazu bereit erklären, diesen künftig nachzukommen.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31a", "1", 7, None, "Abweichend von den Sätzen 1 bis 3 gelten bei Pflichtverletzungen nach § 31 Absatz 2 Nummer 3 in Fällen einer Sperrzeit bei Meldeversäumnis nach § 159 Absatz 1 Satz 2 Nummer 8 des Dritten Buches die Rechtsfolgen des § 32.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31a", "2", 1, None, "Vor der Feststellung der Minderung nach Absatz 1 soll auf Verlangen der erwerbsfähigen Leistungsberechtigten die Anhörung nach § 24 des Zehnten Buches persönlich erfolgen.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31a", "2", 2, None, "Verletzen die erwerbsfähigen Leistungsberechtigten wiederholt ihre Pflichten oder versäumen wiederholt Meldetermine nach § 32, soll die Anhörung persönlich erfolgen.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31a", "3", 1, None, "Eine Leistungsminderung erfolgt nicht, wenn sie im Einzelfall eine außergewöhnliche Härte bedeuten würde.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31a", "4", 1, None, "Leistungsminderungen bei wiederholten Pflichtverletzungen oder wiederholten Meldeversäumnissen nach § 32 sind auf insgesamt 30 Prozent des nach § 20 maßgebenden Regelbedarfs begrenzt.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31a", "4", 2, None, "Die sich rechnerisch ergebenden Zahlbeträge für die Kosten der Unterkunft und Heizung dürfen durch eine Leistungsminderung nicht verringert werden.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31a", "5", 1, None, "Für nicht erwerbsfähige Leistungsberechtigte gelten die Absätze 1 bis 4 bei Pflichtverletzungen nach § 31 Absatz 2 Nummer 1 und 2 entsprechend.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31a", "6", 1, None, "Erwerbsfähige Leistungsberechtigte, die das 25. Lebensjahr noch nicht vollendet haben, sollen innerhalb von vier Wochen nach Feststellung einer Leistungsminderung ein Beratungsangebot erhalten, in dem die Inhalte des Kooperationsplans überprüft und bei Bedarf fortgeschrieben werden.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31b", "1", 1, None, "Der Auszahlungsanspruch mindert sich mit Beginn des Kalendermonats, der auf das Wirksamwerden des Verwaltungsaktes folgt, der die Pflichtverletzung und den Umfang der Minderung der Leistung feststellt.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31b", "1", 2, None, "In den Fällen des § 31 Absatz 2 Nummer 3 tritt die Minderung mit Beginn der Sperrzeit oder mit dem Erlöschen des Anspruchs nach dem Dritten Buch ein.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31b", "1", 3, None, "Die Feststellung der Minderung ist nur innerhalb von sechs Monaten ab dem Zeitpunkt der Pflichtverletzung zulässig.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "31b", "2", 1, None, "Der Minderungszeitraum beträgt", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31b", "2", 1, 1, "in den Fällen des § 31a Absatz 1 Satz 1 einen Monat,", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31b", "2", 1, 2, "in den Fällen des § 31a Absatz 1 Satz 2 zwei Monate und", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31b", "2", 1, 3, "in den Fällen des § 31a Absatz 1 Satz 3 jeweils drei Monate.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31b", "2", 2, None, "In den Fällen des § 31a Absatz 1 Satz 6 ist die Minderung ab dem Zeitpunkt der Pflichterfüllung oder der Erklärung der Bereitschaft zur Pflichterfüllung aufzuheben, soweit der Minderungszeitraum mindestens einen Monat betragen hat, andernfalls nach Ablauf dieses Monats.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "31b", "3", 1, None, "Während der Minderung des Auszahlungsanspruchs besteht kein Anspruch auf ergänzende Hilfe zum Lebensunterhalt nach den Vorschriften des Zwölften Buches."),
    Stelle(_AF, "32", "1", 1, None, "Kommen Leistungsberechtigte trotz schriftlicher Belehrung über die Rechtsfolgen oder deren Kenntnis einer Aufforderung des zuständigen Trägers, sich bei ihm zu melden oder bei einem ärztlichen oder psychologischen Untersuchungstermin zu erscheinen, nicht nach, mindert sich das Bürgergeld jeweils um 10 Prozent des für sie nach § 20 maßgebenden Regelbedarfs.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF, "32", "1", 2, None, "Dies gilt nicht, wenn Leistungsberechtigte einen wichtigen Grund für ihr Verhalten darlegen und nachweisen.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "32", "2", 1, None, "§ 31a Absatz 2 bis 5 und § 31b Absatz 1 und 3 gelten entsprechend."),
    Stelle(_AF, "32", "2", 2, None, "Der Minderungszeitraum beträgt einen Monat.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "59", None, 1, None, "Die Vorschriften über die allgemeine Meldepflicht, § 309 des Dritten Buches, und über die Meldepflicht bei Wechsel der Zuständigkeit, § 310 des Dritten Buches, sind entsprechend anzuwenden.", (_AF_2024, _AF_2026_03, _AF_2026_04, _NF)),
    Stelle(_AF, "65", "4", 1, None, "§ 15 ist in der bis zum Ablauf des 30. Juni 2023 geltenden Fassung für bis zu diesem Zeitpunkt abgeschlossene Eingliederungsvereinbarungen bis zur erstmaligen Erstellung eines Kooperationsplans nach § 15, spätestens bis zum Ablauf des 31. Dezember 2023, weiter anzuwenden.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_AF_2024, "31a", "7", 1, None, "Abweichend von Absatz 4 Satz 1 entfällt der Leistungsanspruch in Höhe des Regelbedarfes, wenn erwerbsfähige Leistungsberechtigte, deren Bürgergeld wegen einer Pflichtverletzung nach § 31 Absatz 1 Satz 1 Nummer 2, Absatz 2 Nummer 3 oder Absatz 2 Nummer 4 innerhalb des letzten Jahres gemindert war, eine zumutbare Arbeit nicht aufnehmen."),
    Stelle(_AF_2024, "31a", "7", 2, None, "Die Möglichkeit der Arbeitsaufnahme muss tatsächlich und unmittelbar bestehen und willentlich verweigert werden."),
    Stelle(_AF_2024, "31a", "7", 3, None, "Absatz 1 Satz 6, die Absätze 2 und 3 sowie § 31 Absatz 1 Satz 2 finden Anwendung."),
    Stelle(_AF_2024, "31b", "3", 1, None, "In den Fällen des § 31a Absatz 7 wird die Minderung aufgehoben, wenn die Möglichkeit der Arbeitsaufnahme nicht mehr besteht, spätestens aber mit dem Ablauf eines Zeitraums von zwei Monaten."),
    Stelle(_AF_2024, "31b", "3", 2, None, "Absatz 1 Satz 1 und 3 sowie Absatz 2 Satz 2 sind entsprechend anzuwenden."),
    Stelle(_NF, "7b", "4", 1, None, "Erwerbsfähige Leistungsberechtigte gelten als nicht erreichbar, wenn sie trotz schriftlicher Belehrung über die Rechtsfolgen oder deren Kenntnis drei aufeinanderfolgenden Meldeaufforderungen des Jobcenters ohne Darlegung und Nachweis eines wichtigen Grundes nicht nachkommen."),
    Stelle(_NF, "7b", "4", 2, None, "Der Leistungsanspruch entfällt mit Beginn des Kalendermonats, der auf die Feststellung des dritten versäumten Meldetermins im Sinne des Satzes 1 folgt; § 31b Absatz 4 gilt entsprechend."),
    Stelle(_NF, "7b", "4", 3, None, "Die Nichterreichbarkeit nach Satz 1 gilt bis zum Ablauf des ursprünglichen Bewilligungszeitraums, es sei denn, die erwerbsfähige leistungsberechtigte Person meldet sich vorher persönlich bei dem zuständigen Jobcenter."),
    Stelle(_NF, "7b", "4", 4, None, "Bei Vorliegen der übrigen Leistungsvoraussetzungen erhalten erwerbsfähige Leistungsberechtigte ab dem in Satz 2 genannten Zeitpunkt für einen Kalendermonat Grundsicherungsgeld mit Ausnahme von Leistungen zur Deckung des Regelbedarfs; § 31a Absatz 4 Satz 3 gilt entsprechend."),
    Stelle(_NF, "7b", "4", 5, None, "Meldet sich die erwerbsfähige leistungsberechtigte Person innerhalb dieses Monats persönlich in dem zuständigen Jobcenter, gilt sie als durchgehend erreichbar; § 32 Absatz 3 bleibt unberührt."),
    Stelle(_NF, "15", "1", 1, None, "Die Agentur für Arbeit soll unverzüglich zusammen mit jeder erwerbsfähigen leistungsberechtigten Person die für die Eingliederung in Ausbildung oder Arbeit erforderlichen persönlichen Merkmale, die beruflichen Fähigkeiten und die Eignung feststellen; diese Feststellungen erstrecken sich auch auf die individuellen Stärken sowie darauf, ob und durch welche Umstände die berufliche Eingliederung voraussichtlich erschwert sein wird (Potenzialanalyse).", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "15", "1", 2, None, "Tatsachen, über die die Agentur für Arbeit nach § 9a Satz 2 Nummer 2 des Dritten Buches unterrichtet wird, müssen nicht erneut festgestellt werden, es sei denn, es liegen Anhaltspunkte dafür vor, dass sich Umstände, die für die Eingliederung maßgebend sind, verändert haben.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "15", "2", 1, None, "Die Agentur für Arbeit soll im Einvernehmen mit dem kommunalen Träger unverzüglich nach der Potenzialanalyse mit jeder erwerbsfähigen leistungsberechtigten Person unter Berücksichtigung der Feststellungen nach Absatz 1 gemeinsam einen Kooperationsplan erstellen."),
    Stelle(_NF, "15", "2", 2, None, "Der Kooperationsplan enthält unter Berücksichtigung der §§ 3 und 3a ein persönliches Angebot der Beratung, Unterstützung oder Vermittlung."),
    Stelle(_NF, "15", "2", 3, None, "Er hält das Eingliederungsziel und die wesentlichen Schritte zur Eingliederung fest."),
    Stelle(_NF, "15", "2", 4, None, "Insbesondere soll im Kooperationsplan festgelegt werden,"),
    Stelle(_NF, "15", "2", 4, 1, "in welche Ausbildungen, Tätigkeiten oder Tätigkeitsbereiche die erwerbsfähige leistungsberechtigte Person vermittelt werden soll,"),
    Stelle(_NF, "15", "2", 4, 2, "welche für eine erfolgreiche Überwindung der Hilfebedürftigkeit, vor allem durch Eingliederung in Ausbildung oder Arbeit, erforderlichen Eigenbemühungen die erwerbsfähige leistungsberechtigte Person mindestens zu unternehmen und nachzuweisen hat,"),
    Stelle(_NF, "15", "2", 4, 3, "welche Leistungen zur Eingliederung in Ausbildung oder Arbeit nach diesem Abschnitt für die erwerbsfähige leistungsberechtigte Person in Betracht kommen,"),
    Stelle(_NF, "15", "2", 4, 4, "dass eine Teilnahme der erwerbsfähigen leistungsberechtigten Person an einem Integrationskurs nach § 43 des Aufenthaltsgesetzes oder an einer Maßnahme der berufsbezogenen Deutschsprachförderung nach § 45a des Aufenthaltsgesetzes vorgesehen ist,"),
    Stelle(_NF, "15", "2", 4, 5, "ob und wie Leistungen anderer Leistungsträger in den Eingliederungsprozess einbezogen werden und"),
    Stelle(_NF, "15", "2", 4, 6, "dass im Falle eines Bedarfs an Leistungen gemäß § 5 des Neunten Buches auf eine entsprechende Antragstellung hingewirkt wird."),
    Stelle(_NF, "15", "2", 5, None, "Die besonderen Bedürfnisse von Menschen mit Behinderungen und schwerbehinderten Menschen sollen angemessen berücksichtigt werden."),
    Stelle(_NF, "15", "2", 6, None, "Im Kooperationsplan kann auch festgehalten werden,"),
    Stelle(_NF, "15", "2", 6, 1, "welche Maßnahmen und Leistungen der aktiven Arbeitsförderung im Hinblick auf mögliche gesundheitliche Beeinträchtigungen, die einer Integration in den Arbeitsmarkt entgegenstehen, in Betracht kommen und welche anderen Leistungsträger im Hinblick auf diese Beeinträchtigungen voraussichtlich zu beteiligen sind und"),
    Stelle(_NF, "15", "2", 6, 2, "welche Leistungen nach diesem Abschnitt für Personen in Betracht kommen, die mit der oder dem erwerbsfähigen Leistungsberechtigten in einer Bedarfsgemeinschaft leben, um Hemmnisse der erwerbsfähigen leistungsberechtigten Person zu beseitigen oder zu verringern; diese Personen sind hierbei zu beteiligen."),
    Stelle(_NF, "15", "3", 1, None, "Die erwerbsfähige leistungsberechtigte Person erhält den Kooperationsplan in Textform.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "15", "3", 2, None, "Der Kooperationsplan soll spätestens nach Ablauf von jeweils sechs Monaten gemeinsam aktualisiert und fortgeschrieben werden.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "15", "4", 1, None, "Das erste Gespräch zur Erstellung der Potenzialanalyse und des Kooperationsplans findet persönlich im Jobcenter statt."),
    Stelle(_NF, "15", "4", 2, None, "Hiervon kann nur in begründeten Ausnahmefällen abgewichen werden."),
    Stelle(_NF, "15a", "1", 1, None, "Wird eine Einladung zu einem Gespräch durch die erwerbsfähige leistungsberechtigte Person ohne wichtigen Grund nicht wahrgenommen, kann die Agentur für Arbeit diese Person durch schriftlichen Verwaltungsakt zu Folgendem verpflichten:"),
    Stelle(_NF, "15a", "1", 1, 1, "zur Vornahme von erforderlichen Eigenbemühungen,"),
    Stelle(_NF, "15a", "1", 1, 2, "zur Aufnahme oder Fortführung einer zumutbaren Arbeit, Ausbildung oder eines nach § 16e geförderten Arbeitsverhältnisses,"),
    Stelle(_NF, "15a", "1", 1, 3, "zur Teilnahme an einer Maßnahme zur Eingliederung in Arbeit, an einem Integrationskurs nach § 43 des Aufenthaltsgesetzes oder an einer Maßnahme der berufsbezogenen Deutschsprachförderung nach § 45a des Aufenthaltsgesetzes."),
    Stelle(_NF, "15a", "1", 2, None, "Liegt ein Kooperationsplan vor, ist dieser bei dem Erlass des Verwaltungsaktes nach Satz 1 zu berücksichtigen."),
    Stelle(_NF, "15a", "2", 1, None, "Erbringt die erwerbsfähige leistungsberechtigte Person die aus dem Kooperationsplan folgenden Schritte zur Eingliederung in Arbeit nicht, verpflichtet die Agentur für Arbeit sie durch schriftlichen Verwaltungsakt zur Vornahme der erforderlichen Mitwirkungshandlungen."),
    Stelle(_NF, "15a", "3", 1, None, "Wenn ein Kooperationsplan nicht zustande kommt oder nicht fortgeschrieben werden kann, verpflichtet die Agentur für Arbeit die erwerbsfähige leistungsberechtigte Person durch schriftlichen Verwaltungsakt zur Vornahme der erforderlichen Mitwirkungshandlungen."),
    Stelle(_NF, "15a", "4", 1, None, "In der Verpflichtung nach Absatz 1 Satz 1 Nummer 1 hat die Agentur für Arbeit zu bestimmen, welche konkreten Eigenbemühungen die erwerbsfähige leistungsberechtigte Person in welcher Häufigkeit zu erbringen hat und in welcher Form und Frist diese nachzuweisen sind."),
    Stelle(_NF, "15a", "4", 2, None, "Die nach Satz 1 bestimmte Häufigkeit und Frist müssen angemessen sein."),
    Stelle(_NF, "31", "1", 1, None, "Erwerbsfähige Leistungsberechtigte verletzen ihre Pflichten, wenn sie trotz schriftlicher Belehrung über die Rechtsfolgen oder deren Kenntnis", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31", "1", 1, 1, "die von der Agentur für Arbeit geforderten Eigenbemühungen nicht nachweisen,"),
    Stelle(_NF, "31", "1", 1, 2, "sich weigern, eine zumutbare Arbeit, Ausbildung oder ein nach § 16e gefördertes Arbeitsverhältnis aufzunehmen, fortzuführen oder deren Anbahnung durch ihr Verhalten verhindern,", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31", "1", 1, 3, "eine zumutbare Maßnahme zur Eingliederung in Arbeit, einen Integrationskurs nach § 43 des Aufenthaltsgesetzes oder eine Maßnahme der berufsbezogenen Deutschsprachförderung nach § 45a des Aufenthaltsgesetzes nicht antreten, abbrechen oder Anlass für den Abbruch gegeben haben."),
    Stelle(_NF, "31", "1", 2, None, "Dies gilt nicht, wenn erwerbsfähige Leistungsberechtigte einen wichtigen Grund für ihr Verhalten darlegen und nachweisen.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31", "2", 1, None, "Eine Pflichtverletzung von erwerbsfähigen Leistungsberechtigten ist auch anzunehmen, wenn", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31", "2", 1, 1, "sie nach Vollendung des 18. Lebensjahres ihr Einkommen oder Vermögen in der Absicht vermindert haben, die Voraussetzungen für die Gewährung oder Erhöhung des Grundsicherungsgeldes nach § 19 Absatz 1 Satz 1 herbeizuführen,"),
    Stelle(_NF, "31", "2", 1, 2, "sie trotz Belehrung über die Rechtsfolgen oder deren Kenntnis ihr unwirtschaftliches Verhalten fortsetzen,", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31", "2", 1, 3, "ihr Anspruch auf Arbeitslosengeld ruht oder erloschen ist, weil die Agentur für Arbeit das Eintreten einer Sperrzeit oder das Erlöschen des Anspruchs nach den Vorschriften des Dritten Buches festgestellt hat, oder", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31", "2", 1, 4, "sie die im Dritten Buch genannten Voraussetzungen für das Eintreten einer Sperrzeit erfüllen, die das Ruhen oder Erlöschen eines Anspruchs auf Arbeitslosengeld begründen.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31a", "1", 1, None, "Bei einer Pflichtverletzung nach § 31 mindert sich das Grundsicherungsgeld um 30 Prozent des nach § 20 jeweils maßgebenden Regelbedarfs."),
    Stelle(_NF, "31a", "1", 2, None, "Minderungen sind aufzuheben, sobald erwerbsfähige Leistungsberechtigte ihre Pflichten erfüllen oder sich nachträglich ernsthaft und nachhaltig dazu bereit erklären, diesen künftig nachzukommen."),
    Stelle(_NF, "31a", "1", 3, None, "Abweichend von Satz 1 gelten bei Pflichtverletzungen nach § 31 Absatz 2 Nummer 3 in Fällen einer Sperrzeit bei Meldeversäumnis nach § 159 Absatz 1 Satz 2 Nummer 8 des Dritten Buches die Rechtsfolgen des § 32."),
    Stelle(_NF, "31a", "2", 1, None, "Vor der Feststellung der Minderung nach Absatz 1 soll auf Verlangen der erwerbsfähigen Leistungsberechtigten die Anhörung nach § 24 des Zehnten Buches persönlich erfolgen.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31a", "2", 2, None, "Eine persönliche Anhörung soll erfolgen, wenn der Agentur für Arbeit psychische Erkrankungen von erwerbsfähigen Leistungsberechtigten bekannt sind oder andere Anhaltspunkte dafür vorliegen, dass die erwerbsfähigen Leistungsberechtigen nicht in der Lage sind, sich zu den für die Entscheidung über die Minderung erheblichen Tatsachen in einer schriftlichen Anhörung zu äußern."),
    Stelle(_NF, "31a", "2", 3, None, "Eine Gelegenheit zur persönlichen Anhörung soll erfolgen, wenn ein drittes aufeinander folgendes Meldeversäumnis geprüft wird."),
    Stelle(_NF, "31a", "3", 1, None, "Eine Leistungsminderung erfolgt nicht, wenn sie im Einzelfall eine außergewöhnliche Härte bedeuten würde.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31a", "4", 1, None, "Leistungsminderungen bei wiederholten Pflichtverletzungen oder wiederholten Meldeversäumnissen nach § 32 sind auf insgesamt 30 Prozent des nach § 20 maßgebenden Regelbedarfs begrenzt.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31a", "4", 2, None, "Die sich rechnerisch ergebenden Zahlbeträge für die Kosten der Unterkunft und Heizung dürfen durch eine Leistungsminderung nicht verringert werden.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31a", "4", 3, None, "Sofern sich nur aufgrund einer Leistungsminderung oder wegen des Entfalls des Leistungsanspruchs in Höhe des Regelbedarfes nach Absatz 7 rechnerisch kein Leistungsanspruch ergeben würde, wird für die Dauer der Leistungsminderung, des Entfalls oder des Entzuges Grundsicherungsgeld in Höhe von monatlich 1 Euro bewilligt."),
    Stelle(_NF, "31a", "5", 1, None, "Für nicht erwerbsfähige Leistungsberechtigte gelten die Absätze 1 bis 4 bei Pflichtverletzungen nach § 31 Absatz 2 Nummer 1 und 2 entsprechend.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31a", "6", 1, None, "Erwerbsfähige Leistungsberechtigte, die das 25. Lebensjahr noch nicht vollendet haben, sollen innerhalb von vier Wochen nach Feststellung einer Leistungsminderung ein Beratungsangebot erhalten, in dem die Inhalte des Kooperationsplans überprüft und bei Bedarf fortgeschrieben werden.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31a", "7", 1, None, "Abweichend von Absatz 4 Satz 1 entfällt der Leistungsanspruch in Höhe des Regelbedarfes, wenn erwerbsfähige Leistungsberechtigte eine zumutbare Arbeit nicht aufnehmen.", (_AF_2026_04,)),
    Stelle(_NF, "31a", "7", 2, None, "Die Arbeitsaufnahme muss tatsächlich und unmittelbar möglich sein und willentlich verweigert werden.", (_AF_2026_04,)),
    Stelle(_NF, "31a", "7", 3, None, "In diesem Fall soll das Grundsicherungsgeld, soweit es für die Bedarfe für Unterkunft und Heizung erbracht wird, für die gesamte Bedarfsgemeinschaft an den Vermieter oder andere Empfangsberechtigte gezahlt werden.", (_AF_2026_04,)),
    Stelle(_NF, "31a", "7", 4, None, "Absatz 1 Satz 2, die Absätze 2 und 3 sowie § 31 Absatz 1 Satz 2 finden Anwendung.", (_AF_2026_04,)),
    Stelle(_NF, "31b", "1", 1, None, "Der Auszahlungsanspruch mindert sich mit Beginn des Kalendermonats, der auf das Wirksamwerden des Verwaltungsaktes folgt, der die Pflichtverletzung und den Umfang der Minderung der Leistung feststellt.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31b", "1", 2, None, "In den Fällen des § 31 Absatz 2 Nummer 3 tritt die Minderung mit Beginn der Sperrzeit oder mit dem Erlöschen des Anspruchs nach dem Dritten Buch ein.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31b", "1", 3, None, "Die Feststellung der Minderung ist nur innerhalb von sechs Monaten ab dem Zeitpunkt der Pflichtverletzung zulässig.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "31b", "2", 1, None, "Der Minderungszeitraum beträgt drei Monate."),
    Stelle(_NF, "31b", "2", 2, None, "In den Fällen des § 31a Absatz 1 Satz 2 ist die Minderung ab dem Zeitpunkt der Pflichterfüllung oder der Erklärung der Bereitschaft zur Pflichterfüllung aufzuheben, soweit der Minderungszeitraum mindestens einen Monat betragen hat, andernfalls nach Ablauf dieses Monats."),
    Stelle(_NF, "31b", "3", 1, None, "In den Fällen des § 31a Absatz 7 wird die Minderung nach Ablauf eines Minderungszeitraums von einem Monat aufgehoben, wenn die Möglichkeit der Arbeitsaufnahme nicht mehr besteht, spätestens aber mit dem Ablauf eines Zeitraums von zwei Monaten.", (_AF_2026_04,)),
    Stelle(_NF, "31b", "3", 2, None, "Absatz 1 Satz 1 und 3 ist entsprechend anzuwenden.", (_AF_2026_04,)),
    Stelle(_NF, "31b", "4", 1, None, "Während der Minderung des Auszahlungsanspruchs besteht kein Anspruch auf ergänzende Hilfe zum Lebensunterhalt nach den Vorschriften des Zwölften Buches.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "32", "1", 1, None, "Kommen Leistungsberechtigte trotz schriftlicher Belehrung über die Rechtsfolgen oder deren Kenntnis einer Aufforderung des zuständigen Trägers, sich bei ihm zu melden oder bei einem ärztlichen oder psychologischen Untersuchungstermin zu erscheinen, wiederholt nicht nach, mindert sich das Grundsicherungsgeld jeweils um 30 Prozent des für sie nach § 20 maßgebenden Regelbedarfs."),
    Stelle(_NF, "32", "1", 2, None, "Dies gilt nicht, wenn Leistungsberechtigte einen wichtigen Grund für ihr Verhalten darlegen und nachweisen.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "32", "2", 1, None, "§ 31a Absatz 2 bis 5 und § 31b Absatz 1 und 4 gelten entsprechend.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "32", "2", 2, None, "Der Minderungszeitraum beträgt einen Monat.", (_AF, _AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_NF, "32", "3", 1, None, "Eine Minderung nach Absatz 1 Satz 1 erfolgt nicht in den Fällen des § 7b Absatz 4 Satz 1."),
    Stelle(_NF, "32", "3", 2, None, "In den Fällen des § 7b Absatz 4 Satz 5 ist der Regelbedarf in der nach Absatz 1 Satz 1 und Absatz 2 Satz 2 geminderten Höhe zu erbringen."),
    Stelle(_NF, "32", "4", 1, None, "Liegen zum Zeitpunkt des ersten Meldeversäumnisses nach Absatz 1 Anhaltspunkte für eine psychische Erkrankung vor, die einer Überwindung oder Verringerung der Hilfebedürftigkeit entgegensteht, kann das Jobcenter erwerbsfähige Leistungsberechtigte zu einem ärztlichen oder psychologischen Untersuchungstermin verpflichten."),
    Stelle(_NF, "32", "4", 2, None, "§ 59 und § 309 des Dritten Buches bleiben unberührt."),
    Stelle(_NF, "65a", "2", 1, None, "Bei Pflichtverletzungen nach § 31 und Meldeversäumnissen nach § 32, die vor dem 1. Juli 2026 stattgefunden haben, gelten die Rechtsfolgen der §§ 31a, 31b sowie 32 in der bis einschließlich 30. Juni 2026 geltenden Fassung."),
    Stelle(_NF, "65a", "3", 1, None, "§ 31 Absatz 1 Satz 1 Nummer 1 ist auch nach 30. Juni 2026 weiter in der bis einschließlich 30. Juni 2026 geltenden Fassung anzuwenden, soweit die erwerbsfähigen Leistungsberechtigen zu den bis zum 30. Juni 2026 geltenden Rechtsfolgen belehrt wurden."),
    Stelle(_NF, "86", None, 1, None, "§ 31a Absatz 7 und § 31b Absatz 3 werden mit Ablauf des 27. März 2026 aufgehoben.", (_AF_2024, _AF_2026_03, _AF_2026_04)),
    Stelle(_SGB_III, "309", "1", 1, None, "Arbeitslose haben sich während der Zeit, für die sie einen Anspruch auf Arbeitslosengeld erheben, bei der Agentur für Arbeit oder einer sonstigen Dienststelle der Bundesagentur persönlich zu melden oder zu einem ärztlichen oder psychologischen Untersuchungstermin zu erscheinen, wenn die Agentur für Arbeit sie dazu auffordert (allgemeine Meldepflicht)."),
    Stelle(_SGB_III, "309", "1", 2, None, "Die Meldung muss bei der in der Aufforderung zur Meldung bezeichneten Stelle erfolgen."),
    Stelle(_SGB_III, "309", "1", 3, None, "Die allgemeine Meldepflicht besteht auch in Zeiten, in denen der Anspruch auf Arbeitslosengeld ruht."),
    Stelle(_SGB_III, "309", "2", 1, None, "Die Aufforderung zur Meldung kann zum Zwecke der"),
    Stelle(_SGB_III, "309", "2", 1, 1, "Berufsberatung,"),
    Stelle(_SGB_III, "309", "2", 1, 2, "Vermittlung in Ausbildung oder Arbeit,"),
    Stelle(_SGB_III, "309", "2", 1, 3, "Vorbereitung aktiver Arbeitsförderungsleistungen,"),
    Stelle(_SGB_III, "309", "2", 1, 4, "Vorbereitung von Entscheidungen im Leistungsverfahren und"),
    Stelle(_SGB_III, "309", "2", 1, 5, "Prüfung des Vorliegens der Voraussetzungen für den Leistungsanspruch"),
    Stelle(_SGB_III, "309", "2", 1, None, "erfolgen."),
    Stelle(_SGB_III, "309", "3", 1, None, "Die meldepflichtige Person hat sich zu der von der Agentur für Arbeit bestimmten Zeit zu melden."),
    Stelle(_SGB_III, "309", "3", 2, None, "Ist der Meldetermin nach Tag und Tageszeit bestimmt, so ist die meldepflichtige Person der allgemeinen Meldepflicht auch dann nachgekommen, wenn sie sich zu einer anderen Zeit am selben Tag meldet und der Zweck der Meldung erreicht wird."),
    Stelle(_SGB_III, "309", "3", 3, None, "Ist die meldepflichtige Person am Meldetermin arbeitsunfähig, so wirkt die Meldeaufforderung auf den ersten Tag der Arbeitsfähigkeit fort, wenn die Agentur für Arbeit dies in der Meldeaufforderung bestimmt."),
    Stelle(_SGB_III, "309", "4", 1, None, "Die notwendigen Reisekosten, die der meldepflichtigen Person und einer erforderlichen Begleitperson aus Anlaß der Meldung entstehen, können auf Antrag übernommen werden, soweit sie nicht bereits nach anderen Vorschriften oder auf Grund anderer Vorschriften dieses Buches übernommen werden können."),
    Stelle(_SGB_X, "24", "1", 1, None, "Bevor ein Verwaltungsakt erlassen wird, der in Rechte eines Beteiligten eingreift, ist diesem Gelegenheit zu geben, sich zu den für die Entscheidung erheblichen Tatsachen zu äußern."),
    Stelle(_SGB_X, "26", "3", 1, None, "Fällt das Ende einer Frist auf einen Sonntag, einen gesetzlichen Feiertag oder einen Sonnabend, endet die Frist mit dem Ablauf des nächstfolgenden Werktages."),
)
# fmt: on
"""The statute sentences, verbatim, in statute order per file (written from the bundled texts and
checked against them by tests/test_katalog.py). One line per sentence."""


# -- citations ----------------------------------------------------------------------------------


class ZitatFehler(ValueError):
    """A citation string that does not follow the citation grammar of the rule tables."""


@attrs.frozen
class Fundstelle:
    """One part of a citation: a paragraph, optionally down to Absatz, Satz and Nummer."""

    paragraph: str
    """The paragraph (`31a`)."""
    absatz: str | None = None
    """The Absatz, if cited."""
    satz: int | None = None
    """The Satz, if cited."""
    nummer: int | None = None
    """The Nummer, if cited."""
    gesetz: str = "SGB II"
    """The law."""
    fassung: str = ""
    """`a.F.`, `n.F.` or `""` (an unchanged norm, or a law other than SGB II)."""
    entsprechend: bool = False
    """Cited as applying "entsprechend" (by analogy)."""

    @property
    def ort(self) -> str:
        """Where the part stands, without the law: `§ 31 Abs. 1 Satz 1 Nr. 2`."""
        return _ort(self.paragraph, self.absatz, self.satz, self.nummer)

    def __str__(self) -> str:
        text = f"{self.ort} {self.gesetz}"
        if self.fassung:
            text += f" {self.fassung}"
        return text + (" (entsprechend)" if self.entsprechend else "")


_TOKEN: Final = re.compile(
    r"\s*(?:(?P<paragraph>§§?)|(?P<absatz>Abs\.)|(?P<satz>Satz)|(?P<nummer>Nr\.)"
    r"|(?P<ivm>i\.V\.m\.)|(?P<fassung>a\.F\.|n\.F\.)|(?P<gesetz>SGB (?:XII|III|IX|II|X|I)\b|BGB)"
    r"|(?P<entsprechend>\(entsprechend\))|(?P<zahl>\d+[a-z]?(?:\s*[–-]\s*\d+)?)|(?P<komma>,))"
)
_EBENE: Final[Mapping[str, int]] = {"paragraph": 0, "absatz": 1, "satz": 2, "nummer": 3}


def _tokens(zitat: str) -> Iterator[tuple[str, str]]:
    pos = 0
    while pos < len(zitat.rstrip()):
        m = _TOKEN.match(zitat, pos)
        if m is None or m.lastgroup is None:
            raise ZitatFehler(f"{zitat!r}: unlesbar ab {zitat[pos:]!r}")
        yield m.lastgroup, m.group(m.lastgroup)
        pos = m.end()


def _zahlen(wert: str, ebene: int, zitat: str) -> list[str]:
    """A number or a range `1–5` (Sätze, Nummern, numeric Absätze)."""
    if not re.search(r"[–-]", wert):
        return [wert]
    von, bis = (int(t) for t in re.split(r"\s*[–-]\s*", wert))
    if ebene == 0 or bis <= von:
        raise ZitatFehler(f"{zitat!r}: Bereich {wert!r} unzulässig")
    return [str(n) for n in range(von, bis + 1)]


def zerlege(zitat: str) -> tuple[Fundstelle, ...]:
    """The parts of a citation string, each with its law and Fassung.

    A law (and the Fassung after it) applies to every part since the previous law:
    `"§ 31a Abs. 1 Satz 1, § 31b Abs. 2 Satz 1 Nr. 1 SGB II a.F."` has two parts of SGB II a.F.
    Lists (`Abs. 2, 4`) and ranges (`Satz 1–5`) give one part each.

    Examples:
        >>> [str(f) for f in zerlege("§ 32 Abs. 1 SGB II a.F. i.V.m. § 59 SGB II, § 309 SGB III")]
        ['§ 32 Abs. 1 SGB II a.F.', '§ 59 SGB II', '§ 309 SGB III']
        >>> [str(f) for f in zerlege("§ 32 Abs. 1 Satz 1, Abs. 2 Satz 2 SGB II n.F.")]
        ['§ 32 Abs. 1 Satz 1 SGB II n.F.', '§ 32 Abs. 2 Satz 2 SGB II n.F.']
    """
    fertig: list[Fundstelle] = []
    offen: list[tuple[str | None, ...]] = []
    gruppe: list[int] = []  # indexes (in `fertig`) of the parts of the last law
    pfad: list[str | None] = [None, None, None, None]
    ebene = -1  # the level a number fills
    vorher: str | None = None

    def tiefste() -> int:
        return max((i for i, t in enumerate(pfad) if t is not None), default=-1)

    for art, wert in _tokens(zitat):
        if vorher in _EBENE and art != "zahl":
            raise ZitatFehler(f"{zitat!r}: nach {vorher!r} fehlt die Zahl")
        if art == "paragraph":
            if vorher not in (None, "komma", "ivm"):
                raise ZitatFehler(f"{zitat!r}: '§' ohne Trennung")
            if pfad[0] is not None:
                offen.append(tuple(pfad))
            pfad, ebene = [None, None, None, None], 0
        elif art in ("absatz", "satz", "nummer"):
            neu = _EBENE[art]
            if pfad[0] is None:
                raise ZitatFehler(f"{zitat!r}: {wert!r} ohne Paragraph")
            if neu <= tiefste():
                if vorher != "komma":
                    raise ZitatFehler(f"{zitat!r}: {wert!r} ohne Komma")
                offen.append(tuple(pfad))
                pfad[neu:] = [None] * (4 - neu)
            ebene = neu
        elif art == "zahl":
            if ebene < 0:
                raise ZitatFehler(f"{zitat!r}: Zahl {wert!r} ohne Bezug")
            for i, zahl in enumerate(_zahlen(wert, ebene, zitat)):
                if pfad[ebene] is not None:
                    if vorher not in _EBENE and vorher != "komma" and i == 0:
                        raise ZitatFehler(f"{zitat!r}: {wert!r} ohne Komma")
                    offen.append(tuple(pfad))
                    pfad[ebene + 1 :] = [None] * (3 - ebene)
                pfad[ebene] = zahl
        elif art == "gesetz":
            if pfad[0] is not None:
                offen.append(tuple(pfad))
            if not offen or vorher == "komma":
                raise ZitatFehler(f"{zitat!r}: {wert!r} ohne Paragraph")
            gruppe = list(range(len(fertig), len(fertig) + len(offen)))
            fertig += [
                Fundstelle(
                    str(p),
                    a,
                    int(s) if s is not None else None,
                    int(n) if n is not None else None,
                    wert,
                )
                for p, a, s, n in offen
            ]
            offen, pfad, ebene = [], [None, None, None, None], -1
        elif art in ("fassung", "entsprechend"):
            if vorher not in ("gesetz", "fassung") or (art == "fassung" and vorher == "fassung"):
                raise ZitatFehler(f"{zitat!r}: {wert!r} steht nicht nach dem Gesetz")
            for i in gruppe:
                fertig[i] = (
                    attrs.evolve(fertig[i], fassung=wert)
                    if art == "fassung"
                    else attrs.evolve(fertig[i], entsprechend=True)
                )
        elif art == "ivm" and vorher not in ("gesetz", "fassung", "entsprechend"):
            raise ZitatFehler(f"{zitat!r}: 'i.V.m.' steht nicht nach dem Gesetz")
        vorher = art
    if pfad[0] is not None or offen:
        raise ZitatFehler(f"{zitat!r}: das Gesetz fehlt")
    if vorher in ("komma", "ivm"):
        raise ZitatFehler(f"{zitat!r}: endet mit {vorher!r}")
    if not fertig:
        raise ZitatFehler(f"{zitat!r}: kein Paragraph")
    return tuple(fertig)


# -- the sentences a part cites -----------------------------------------------------------------

_GESETZ_DATEI: Final[Mapping[str, str]] = {"SGB III": _SGB_III, "SGB X": _SGB_X, "BGB": _BGB}
_AF_AB_2024: Final = frozenset({("31a", "7"), ("31b", "3")})
"""Provisions whose a.F. text is that added on 28.3.2024 (§ 31b Abs. 3 of 2023 is another text)."""


def _dateien(f: Fundstelle) -> tuple[str, ...]:
    if f.gesetz != "SGB II":
        datei = _GESETZ_DATEI.get(f.gesetz)
        return (datei,) if datei else ()
    if f.fassung == "n.F.":
        return (_NF,)
    if f.fassung == "a.F.":
        return (_AF_2024,) if (f.paragraph, f.absatz) in _AF_AB_2024 else (_AF,)
    return (_AF, _NF)


def _trifft(s: Stelle, f: Fundstelle, datei: str) -> bool:
    return (
        s.datei == datei
        and s.paragraph == f.paragraph
        and (f.absatz is None or s.absatz == f.absatz)
        and (f.satz is None or s.satz == f.satz)
        and (f.nummer is None or s.nummer is None or s.nummer == f.nummer)
    )


def stellen(f: Fundstelle, *, gleichlautende: bool = False) -> tuple[Stelle, ...]:
    """The sentences `f` cites, in statute order (empty: kooplan holds no text for it).

    A Nummer comes with the opening words of its sentence. A citation without Fassung cites the
    a.F. and the n.F.: n.F. sentences in the same words as the a.F. are left out, unless
    `gleichlautende` (for coverage, where each version counts).
    """
    gefunden: list[Stelle] = []
    for datei in _dateien(f):
        for s in TEXTE:
            if not _trifft(s, f, datei):
                continue
            if (
                datei == _NF
                and not gleichlautende
                and any((a.ort, a.text) == (s.ort, s.text) and _NF in a.auch_in for a in gefunden)
            ):
                continue
            gefunden.append(s)
    if f.nummer is not None and not any(s.nummer == f.nummer for s in gefunden):
        return ()
    return tuple(gefunden)


def fassungen_weichen_ab(f: Fundstelle) -> bool:
    """A citation without Fassung whose words differ between the a.F. and the n.F."""
    return f.gesetz == "SGB II" and not f.fassung and {s.datei for s in stellen(f)} == {_AF, _NF}
