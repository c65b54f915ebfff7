"""Law by date: the Rechtsstand table and how norms are cited.

Every rule of kooplan is chosen by a day the caller passes (the Stichtag, or the due day
`faellig`); nothing reads the wall clock. The boundaries between Rechtsstände are one table of
data, each row with its source (docs/fachliches.md section 2), and so is every parameter that
changes with them: the regime of communication, the notes a decision carries on days of the row,
how long an old Eingliederungsvereinbarung still applies. One function says which Rechtsstand a
day has (`rechtsstand_am`; its regime `regime_am`). The table is checked when it is defined
(`pruefe_rechtsstaende`): a broken table fails at import with a message naming the row.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Mapping

import attrs

from kooplan.werte import pruefen as p
from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.fehler import RechtsstandNichtAbgedeckt, UngueltigeEingabe, UngueltigeTabelle
from kooplan.werte.pruefen import ABGEDECKT_AB

__all__ = [
    "ABGEDECKT_AB",
    "NEUE_GRUNDSICHERUNG_AB",
    "RECHTSSTAENDE",
    "Fassung",
    "Hinweisfenster",
    "Quelle",
    "Rechtsstand",
    "Regime",
    "alle_grenzen",
    "fassung_am",
    "normen_nach_regime",
    "pruefe_rechtsstaende",
    "pruefe_tag",
    "rechtsstand_am",
    "rechtsstand_andere_lesart",
    "rechtsstand_nach_id",
    "regime_am",
    "regime_beginn",
    "sgb2",
]


class Regime(Aufzaehlung):
    """The two regimes that differ in how a request is communicated (docs/fachliches.md section 2)."""

    B = "B"
    """Bürgergeld, 1.7.2023 – 30.6.2026: Aufforderung mit Rechtsfolgenbelehrung, Schlichtung."""
    C = "C"
    """Neue Grundsicherung, from 1.7.2026: Verpflichtung durch Verwaltungsakt, no Schlichtung."""


def normen_nach_regime(normen: Mapping[Regime, str]) -> Mapping[Regime, str]:
    """A row's norms by regime, frozen and in the order of the regimes; each norm a non-empty
    text. A row that cites no norm under a regime has no entry for it.

    Examples:
        >>> dict(normen_nach_regime({Regime.C: "§ 15a SGB II n.F.", Regime.B: "§ 15a SGB II a.F."}))
        {<Regime.B: 'B'>: '§ 15a SGB II a.F.', <Regime.C: 'C'>: '§ 15a SGB II n.F.'}
    """
    if not isinstance(normen, Mapping):
        raise UngueltigeEingabe(
            f"Die Normen einer Zeile stehen in einer Zuordnung Regime → Norm, nicht "
            f"{type(normen).__name__}."
        )
    for regime, norm in normen.items():
        if not isinstance(regime, Regime):
            raise UngueltigeEingabe(f"{regime!r} ist kein Regime (B oder C).")
        if not isinstance(norm, str) or not norm.strip():
            raise UngueltigeEingabe(f"Die Norm für Regime {regime.value} ist kein Text.")
    return types.MappingProxyType({r: normen[r] for r in Regime if r in normen})


class Quelle(Aufzaehlung):
    """The kind of source a rule or note rests on (docs/fachliches.md section 1)."""

    GESETZ = "gesetz"
    """A statutory rule: fixed, not configurable."""
    WEISUNG = "weisung"
    """Guidance of the Bundesagentur or established practice: a policy default."""
    OFFEN = "offen"
    """A legal question the law leaves open: decided by a documented default, flagged."""


class Fassung(Aufzaehlung):
    """How a norm of SGB II is cited relative to the 13. SGB II-ÄndG (docs/fachliches.md section 9)."""

    AF = "a.F."
    """Text replaced or repealed by the 13. SGB II-ÄndG ("alte Fassung")."""
    NF = "n.F."
    """The new text of the 13. SGB II-ÄndG ("neue Fassung")."""
    KEINE = ""
    """An unchanged norm: no suffix."""


@attrs.frozen
class Hinweisfenster:
    """A note that every decision carries whose Stichtag or due day lies in a window of days of
    a Rechtsstand: from `von` to `bis` (inclusive; `None`: from the row's first day or to its
    last)."""

    code: str = attrs.field(validator=p.ist_text)
    """The code of the note (in the catalogue `kooplan.recht.begruendung.HINWEISE`)."""
    von: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """The first day of the window, `None`: the row's first day."""
    bis: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """The last day of the window, `None`: the row's last day."""


@attrs.frozen
class Rechtsstand:
    """One row of the Rechtsstand table.

    `bis` is the last day the row applies (inclusive), `None` for the current law.
    `verifiziert` is False where a boundary rests on the best evidence found but was not read
    in the Bundesgesetzblatt itself (the start of `2026-04` and so the end of `2026-03`).
    `von_andere_lesart` is, for such a boundary, the first day under the other reading: the
    days between the two belong to this row or to the one before, depending on the reading
    (`rechtsstand_andere_lesart`).
    """

    id: str = attrs.field(validator=p.ist_text)
    """The id: `2023-07`, `2024-03`, `2026-03`, `2026-04`, `2026-07`."""
    von: dt.date = attrs.field(validator=p.ist_tag())
    """The first day of the row."""
    bis: dt.date | None = attrs.field(validator=p.optional(p.ist_tag()))
    """The last day of the row (inclusive), `None` for the current law."""
    name: str = attrs.field(validator=p.ist_text)
    """What the row is, in German."""
    quelle: str = attrs.field(validator=p.ist_text)
    """The source of the row's boundaries (the amending act)."""
    regime: Regime = attrs.field(validator=p.ist_enum(Regime))
    """The regime of communication: B (Bürgergeld) or C (Neue Grundsicherung)."""
    verifiziert: bool = attrs.field(default=True, validator=p.ist_bool)
    """False where a boundary is an assumption still to be checked against the Bundesgesetzblatt."""
    von_andere_lesart: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """For an unverified first day: the first day under the other reading, else `None`."""
    hinweise: tuple[Hinweisfenster, ...] = attrs.field(
        default=(), validator=p.ist_tupel_von(Hinweisfenster, "eine Liste von Hinweisfenstern")
    )
    """The notes a decision carries whose Stichtag or due day lies in the row (or in a window of
    it)."""
    eingliederungsvereinbarung_bis: dt.date | None = attrs.field(
        default=None, validator=p.optional(p.ist_tag())
    )
    """The last day an Eingliederungsvereinbarung from before 1.7.2023 can still apply, if one
    can on days of this row (§ 65 Abs. 4 SGB II a.F.: "bis zum ersten Kooperationsplan,
    längstens bis 31.12.2023"); on such a day kooplan refuses to decide (it does not cover
    § 15 SGB II in the text before 1.7.2023)."""

    def hinweise_am(self, tag: dt.date) -> tuple[str, ...]:
        """The codes of this row's notes whose window holds `tag` (a day of the row)."""
        return tuple(
            f.code
            for f in self.hinweise
            if (f.von is None or f.von <= tag) and (f.bis is None or tag <= f.bis)
        )

    def gilt_am(self, tag: dt.date) -> bool:
        """Whether the row is in force on `tag`."""
        return self.von <= tag and (self.bis is None or tag <= self.bis)

    @property
    def zweifelstage(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day whose Rechtsstand depends on the reading of this row's
        unverified first day (`None` where there is no other reading)."""
        if self.von_andere_lesart is None:
            return None
        frueh, spaet = sorted((self.von, self.von_andere_lesart))
        return frueh, spaet - dt.timedelta(days=1)


RECHTSSTAENDE: tuple[Rechtsstand, ...] = (
    Rechtsstand(
        id="2023-07",
        von=dt.date(2023, 7, 1),
        bis=dt.date(2024, 3, 27),
        name="Bürgergeld (12. SGB II-ÄndG)",
        quelle=(
            "Zwölftes Gesetz zur Änderung des Zweiten Buches Sozialgesetzbuch und anderer "
            "Gesetze – Einführung eines Bürgergeldes (Bürgergeld-Gesetz) vom 16.12.2022 "
            "(BGBl. I S. 2328), Art. 12 Abs. 2: §§ 15, 15a in Kraft 1.7.2023"
        ),
        regime=Regime.B,
        eingliederungsvereinbarung_bis=dt.date(2023, 12, 31),
    ),
    Rechtsstand(
        id="2024-03",
        von=dt.date(2024, 3, 28),
        bis=dt.date(2026, 3, 27),
        name="Bürgergeld mit § 31a Abs. 7, § 31b Abs. 3 a.F. (2. HFG 2024)",
        quelle=(
            "Zweites Haushaltsfinanzierungsgesetz 2024 vom 27.3.2024 (BGBl. 2024 I Nr. 107), "
            "verkündet 27.3.2024, Art. 5 (SGB II) in Kraft 28.3.2024; § 31a Abs. 7 und § 31b "
            "Abs. 3 befristet durch § 86 SGB II bis 27.3.2026"
        ),
        regime=Regime.B,
    ),
    Rechtsstand(
        id="2026-03",
        von=dt.date(2026, 3, 28),
        bis=dt.date(2026, 4, 22),
        name="Bürgergeld, § 31a Abs. 7 a.F. ausgelaufen",
        quelle=(
            "§ 86 SGB II: § 31a Abs. 7 und § 31b Abs. 3 mit Ablauf des 27.3.2026 aufgehoben; "
            "das Ende folgt dem nicht im Bundesgesetzblatt selbst gelesenen Beginn von 2026-04"
        ),
        regime=Regime.B,
        verifiziert=False,
        # the first day of 2026-04 is not verified: until the end of April a decision says so
        hinweise=(Hinweisfenster("offen.beginn_2026_04"),),
    ),
    Rechtsstand(
        id="2026-04",
        von=dt.date(2026, 4, 23),
        bis=dt.date(2026, 6, 30),
        name="Bürgergeld mit § 31a Abs. 7, § 31b Abs. 3 n.F. (vorgezogen)",
        quelle=(
            "Dreizehntes Gesetz zur Änderung des Zweiten Buches Sozialgesetzbuch und anderer "
            "Gesetze vom 16.4.2026 (BGBl. 2026 I Nr. 107), vorgezogener Teil in Kraft am Tag "
            "nach der Verkündung. Ausgabe des Gesetzblatts nach den besten Belegen am 22.4.2026, "
            "also in Kraft am 23.4.2026: Eingangsformeln späterer Verordnungen zitieren das "
            "Gesetz mit Datum und Nummer; BGBl. 2026 I Nr. 111 (Gesetz vom 23.4.2026) erschien "
            "danach; der Gesetzestext-Spiegel von gesetze-im-internet.de hat § 31a Abs. 7 n.F. "
            "am 1.4. und 8.4.2026 noch nicht, am 4.5.2026 schon. Nicht im Bundesgesetzblatt "
            "selbst gelesen; die frühere Annahme war der 17.4.2026 (Tag nach der Ausfertigung)"
        ),
        regime=Regime.B,
        verifiziert=False,
        von_andere_lesart=dt.date(2026, 4, 17),
        hinweise=(Hinweisfenster("offen.beginn_2026_04", bis=dt.date(2026, 4, 30)),),
    ),
    Rechtsstand(
        id="2026-07",
        von=dt.date(2026, 7, 1),
        bis=None,
        name="Neue Grundsicherung (13. SGB II-ÄndG), Grundsicherungsgeld",
        quelle=(
            "Dreizehntes Gesetz zur Änderung des Zweiten Buches Sozialgesetzbuch und anderer "
            "Gesetze vom 16.4.2026 (BGBl. 2026 I Nr. 107), Hauptteil in Kraft 1.7.2026"
        ),
        regime=Regime.C,
    ),
)
"""The Rechtsstand table of docs/fachliches.md section 2, in order. Boundaries are data, with their sources."""


def pruefe_rechtsstaende(tabelle: tuple[Rechtsstand, ...]) -> None:
    """Check a Rechtsstand table as a whole; raise `UngueltigeTabelle` naming the first broken row.

    The rows begin on 1.7.2023 and follow each other without gap or overlap, each after the day
    the one before it ends; only the last is open-ended; every id is unique; a window of a note
    lies within its row; an unverified first day names its other reading only for a row whose
    first day is unverified, and that day lies next to a neighbouring row.
    """
    if not tabelle:
        raise UngueltigeTabelle("Rechtsstandstabelle: ohne Zeilen.")
    ids: set[str] = set()
    for nr, r in enumerate(tabelle, start=1):
        if not isinstance(r, Rechtsstand):
            raise UngueltigeTabelle(f"Rechtsstandstabelle, Zeile {nr}: keine Zeile (Rechtsstand).")
        wo = f"Rechtsstandstabelle, Zeile {r.id!r}"
        if r.id in ids:
            raise UngueltigeTabelle(f"{wo}: die Id kommt zweimal vor.")
        ids.add(r.id)
        if nr == 1 and r.von != ABGEDECKT_AB:
            raise UngueltigeTabelle(f"{wo}: die erste Zeile beginnt nicht am 1.7.2023.")
        if nr > 1:
            vorher = tabelle[nr - 2]
            if vorher.bis is None or r.von != vorher.bis + dt.timedelta(days=1):
                raise UngueltigeTabelle(
                    f"{wo}: beginnt nicht am Tag nach dem Ende von {vorher.id!r}."
                )
        if r.bis is not None and r.bis < r.von:
            raise UngueltigeTabelle(f"{wo}: endet vor ihrem Beginn.")
        if r.bis is None and nr != len(tabelle):
            raise UngueltigeTabelle(f"{wo}: ohne Ende, aber nicht die letzte Zeile.")
        if r.von_andere_lesart is not None and r.verifiziert:
            raise UngueltigeTabelle(f"{wo}: nennt eine andere Lesart eines verifizierten Beginns.")
        for f in r.hinweise:
            if (f.von is not None and not r.gilt_am(f.von)) or (
                f.bis is not None and not r.gilt_am(f.bis)
            ):
                raise UngueltigeTabelle(
                    f"{wo}: das Fenster des Hinweises {f.code!r} liegt nicht in der Zeile."
                )
    if tabelle[-1].bis is not None:
        raise UngueltigeTabelle(
            f"Rechtsstandstabelle, Zeile {tabelle[-1].id!r}: die letzte Zeile hat ein Ende; "
            "das geltende Recht ist offen (bis=None)."
        )


pruefe_rechtsstaende(RECHTSSTAENDE)


def rechtsstand_am(tag: dt.date) -> Rechtsstand:
    """Return the Rechtsstand in force on `tag`.

    Examples:
        >>> rechtsstand_am(dt.date(2024, 3, 28)).id
        '2024-03'
        >>> rechtsstand_am(dt.date(2026, 7, 1)).regime
        <Regime.C: 'C'>

        A day before 1.7.2023 is refused:

        >>> rechtsstand_am(dt.date(2023, 6, 30))
        Traceback (most recent call last):
        ...
        kooplan.werte.fehler.RechtsstandNichtAbgedeckt: [rechtsstand_nicht_abgedeckt] ...
    """
    pruefe_tag(tag)
    for r in RECHTSSTAENDE:
        if r.gilt_am(tag):
            return r
    raise RechtsstandNichtAbgedeckt(  # pragma: no cover - the table has no gaps (tested)
        f"Für den {tag:%d.%m.%Y} ist kein Rechtsstand hinterlegt."
    )


def rechtsstand_andere_lesart(tag: dt.date) -> Rechtsstand | None:
    """The Rechtsstand `tag` would have under the other reading of an unverified boundary, or
    `None` where `tag` lies in no such doubtful days.

    The early part of the 13. SGB II-ÄndG took effect "am Tag nach der Verkündung"; the best
    evidence puts that on 23.4.2026, the earlier assumption on 17.4.2026:

    Examples:
        >>> rechtsstand_am(dt.date(2026, 4, 20)).id, rechtsstand_andere_lesart(dt.date(2026, 4, 20)).id
        ('2026-03', '2026-04')
        >>> rechtsstand_andere_lesart(dt.date(2026, 4, 23)) is None
        True
    """
    pruefe_tag(tag)
    for i, r in enumerate(RECHTSSTAENDE):
        zweifel = r.zweifelstage
        if zweifel is None or not zweifel[0] <= tag <= zweifel[1]:
            continue
        # the row begins later under the main reading: those days belong to the one before
        return r if tag < r.von else RECHTSSTAENDE[i - 1]
    return None


def regime_am(tag: dt.date) -> Regime:
    """B before 1.7.2026, C from then on (refuses days before 1.7.2023)."""
    return rechtsstand_am(tag).regime


def regime_beginn(regime: Regime) -> dt.date:
    """The first day of the first Rechtsstand of `regime`.

    Examples:
        >>> regime_beginn(Regime.C)
        datetime.date(2026, 7, 1)
    """
    return next(r.von for r in RECHTSSTAENDE if r.regime is regime)


NEUE_GRUNDSICHERUNG_AB: dt.date = regime_beginn(Regime.C)
"""The first day of the Neue Grundsicherung (13. SGB II-ÄndG), from the Rechtsstand table."""


def rechtsstand_nach_id(rid: str) -> Rechtsstand:
    """Look a Rechtsstand up by its id (`"2023-07"` …); a `KeyError` for an unknown id."""
    for r in RECHTSSTAENDE:
        if r.id == rid:
            return r
    raise KeyError(rid)


def alle_grenzen() -> tuple[dt.date, ...]:
    """The first days of every Rechtsstand after the first (where the law changed)."""
    return tuple(r.von for r in RECHTSSTAENDE[1:])


def fassung_am(tag: dt.date) -> Fassung:
    """The citation suffix for a norm changed by the 13. SGB II-ÄndG, as it stood on `tag`."""
    return Fassung.NF if tag >= NEUE_GRUNDSICHERUNG_AB else Fassung.AF


def sgb2(paragraph: str, fassung: Fassung | Regime = Fassung.KEINE) -> str:
    """Cite a norm of SGB II as German practice does.

    Examples:
        >>> sgb2("§ 15 Abs. 4", Fassung.AF)
        '§ 15 Abs. 4 SGB II a.F.'
        >>> sgb2("§ 15a Abs. 2", Regime.C)
        '§ 15a Abs. 2 SGB II n.F.'
        >>> sgb2("§ 59")
        '§ 59 SGB II'
    """
    if isinstance(fassung, Regime):
        fassung = Fassung.AF if fassung is Regime.B else Fassung.NF
    text = f"{paragraph} SGB II"
    return f"{text} {fassung.value}" if fassung.value else text


def pruefe_tag(tag: dt.date) -> None:
    """Refuse anything but a plain date on or after 1.7.2023 (a `datetime` is refused too)."""
    if isinstance(tag, dt.datetime) or not isinstance(tag, dt.date):
        raise UngueltigeEingabe(
            f"Ein Tag muss ein datetime.date sein (ohne Uhrzeit), nicht {type(tag).__name__}."
        )
    if tag < ABGEDECKT_AB:
        raise RechtsstandNichtAbgedeckt(
            f"Der {tag:%d.%m.%Y} liegt vor dem 1.7.2023; kooplan deckt nur das Recht ab dem "
            "Bürgergeld-Gesetz (1.7.2023) ab.",
        )
