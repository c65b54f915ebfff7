"""The Regelbedarf by Regelbedarfsstufe and year, and a Minderung in euro (docs/fachliches.md section 6).

A Minderung is a percentage "des nach § 20 jeweils maßgebenden Regelbedarfs" (§ 31a Abs. 1
SGB II). The Regelbedarf of a year is that of the Regelbedarfsstufen of § 28 SGB XII as set or
updated for that year (§ 20 Abs. 1a SGB II), here as dated parameters, one row per year with its
source. A year not in the table gives `None`: the caller then states the percentage only, with a
`hinweis` (docs/fachliches.md section 6). Only Stufen 1 to 4 (adults and young people of 14 to 17) are kept.

Amounts are `decimal.Decimal` in euro, rounded by § 41 Abs. 2 SGB II (`auf_cent`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

import attrs

from kooplan.werte.fehler import UngueltigeEingabe

__all__ = [
    "DECKEL_PROZENT",
    "REGELBEDARFE",
    "STUFEN",
    "Regelbedarfsjahr",
    "anteil_euro",
    "auf_cent",
    "deckel_euro",
    "minderung_euro",
    "regelbedarf",
    "regelbedarfsjahr",
]

STUFEN: tuple[int, ...] = (1, 2, 3, 4)
"""The Regelbedarfsstufen kept in the table."""
DECKEL_PROZENT = 30
""""[…] sind auf insgesamt 30 Prozent des nach § 20 maßgebenden Regelbedarfs begrenzt." (§ 31a Abs.
4 Satz 1 SGB II, a.F. and n.F. alike)"""

_CENT = Decimal("0.01")
_KONTEXT = Context(prec=28, rounding=ROUND_HALF_UP)
"""A fixed arithmetic context, so that a caller's `decimal.getcontext()` changes nothing here."""


def _ist_jahr(_: object, attribute: attrs.Attribute[Any], wert: object) -> None:
    if isinstance(wert, bool) or not isinstance(wert, int) or not 2005 <= wert <= 2099:
        raise UngueltigeEingabe(
            f"'{attribute.name}' muss ein Jahr von 2005 bis 2099 sein.", ort=attribute.name
        )


def _ist_euro(_: object, attribute: attrs.Attribute[Any], wert: object) -> None:
    if (
        not isinstance(wert, Decimal)
        or not wert.is_finite()
        or wert < 0
        or wert > 10000
        or wert != wert.quantize(_CENT)
    ):
        raise UngueltigeEingabe(
            f"'{attribute.name}' muss ein Betrag in Euro sein (0 bis 10000, höchstens zwei "
            "Nachkommastellen).",
            ort=attribute.name,
        )


def _ist_quelle(_: object, attribute: attrs.Attribute[Any], wert: object) -> None:
    if not isinstance(wert, str) or not wert.strip() or len(wert) > 500:
        raise UngueltigeEingabe(
            f"'{attribute.name}' muss ein Text von 1 bis 500 Zeichen sein (die Rechtsquelle).",
            ort=attribute.name,
        )


def _ist_bool(_: object, attribute: attrs.Attribute[Any], wert: object) -> None:
    if not isinstance(wert, bool):
        raise UngueltigeEingabe(
            f"'{attribute.name}' muss true oder false sein.", ort=attribute.name
        )


@attrs.frozen
class Regelbedarfsjahr:
    """One row of the table: the monthly Regelbedarf in euro of Stufen 1 to 4 in `jahr`.

    `quelle` names the legal act that set the amounts. `verifiziert` is True where its
    citation (date, Gazette reference) was checked against a published text of the act or a
    commentary (the introductory clauses of later acts, the statute mirror; not the
    Bundesgesetzblatt itself), False where it was not.

    A caller may build rows for years the table does not have yet (the law for the year is
    published, kooplan not yet updated) and pass them in the policy
    (`kooplan.Policy.regelbedarfe`); every decision that uses such a row says so in the
    note `rf.regelbedarf_vorgegeben`.
    """

    jahr: int = attrs.field(validator=_ist_jahr)
    """The calendar year."""
    stufe_1: Decimal = attrs.field(validator=_ist_euro)
    """Regelbedarfsstufe 1, in euros."""
    stufe_2: Decimal = attrs.field(validator=_ist_euro)
    """Regelbedarfsstufe 2, in euros."""
    stufe_3: Decimal = attrs.field(validator=_ist_euro)
    """Regelbedarfsstufe 3, in euros."""
    stufe_4: Decimal = attrs.field(validator=_ist_euro)
    """Regelbedarfsstufe 4, in euros."""
    quelle: str = attrs.field(validator=_ist_quelle)
    """The legal act that set the amounts."""
    verifiziert: bool = attrs.field(default=True, validator=_ist_bool)
    """False where the act's date or Fundstelle is not checked."""

    def betrag(self, stufe: int) -> Decimal:
        """The amount of Regelbedarfsstufe `stufe` (1 to 4)."""
        return (self.stufe_1, self.stufe_2, self.stufe_3, self.stufe_4)[_pruefe_stufe(stufe) - 1]


def _zeile(
    jahr: int, betraege: tuple[int, int, int, int], quelle: str, *, verifiziert: bool = True
) -> Regelbedarfsjahr:
    s1, s2, s3, s4 = (Decimal(b) for b in betraege)
    return Regelbedarfsjahr(jahr, s1, s2, s3, s4, quelle, verifiziert)


REGELBEDARFE: tuple[Regelbedarfsjahr, ...] = (
    _zeile(
        2023,
        (502, 451, 402, 420),
        "Bürgergeld-Gesetz vom 16.12.2022 (BGBl. I S. 2328), Art. 5 Nr. 15: § 134 SGB XII "
        "(Fortschreibung zum 1.1.2023) mit der Anlage zu § 28 SGB XII; für 2023 erging keine "
        "Regelbedarfsstufen-Fortschreibungsverordnung",
    ),
    _zeile(
        2024,
        (563, 506, 451, 471),
        "Regelbedarfsstufen-Fortschreibungsverordnung 2024 (RBSFV 2024) vom 24.10.2023 "
        "(BGBl. 2023 I Nr. 287), in Kraft 1.1.2024",
    ),
    _zeile(
        2025,
        (563, 506, 451, 471),
        "Regelbedarfsstufen-Fortschreibungsverordnung 2025 (RBSFV 2025) vom 18.10.2024 "
        "(BGBl. 2024 I Nr. 312): Beträge von 2024 unverändert (§ 28a Abs. 5 SGB XII)",
    ),
    _zeile(
        2026,
        (563, 506, 451, 471),
        "Regelbedarfsstufen-Fortschreibungsverordnung 2026 (RBSFV 2026), Art. 1 der Verordnung "
        "vom 17.10.2025 (BGBl. 2025 I Nr. 243): Beträge von 2025 unverändert (§ 28a Abs. 5 "
        "SGB XII)",
    ),
)
"""The Regelbedarf table of docs/fachliches.md section 6, one row per year, each with its source."""

_NACH_JAHR: Mapping[int, Regelbedarfsjahr] = {z.jahr: z for z in REGELBEDARFE}


def _pruefe_stufe(stufe: object) -> int:
    if isinstance(stufe, bool) or not isinstance(stufe, int) or stufe not in STUFEN:
        raise UngueltigeEingabe(
            "Die Regelbedarfsstufe muss eine ganze Zahl von 1 bis 4 sein.",
            norm="§ 20 SGB II",
        )
    return stufe


def _pruefe_jahr(jahr: object) -> int:
    if isinstance(jahr, bool) or not isinstance(jahr, int):
        raise UngueltigeEingabe("Das Jahr muss eine ganze Zahl sein.")
    return jahr


def _pruefe_prozent(prozent: object) -> int:
    if isinstance(prozent, bool) or not isinstance(prozent, int) or not 0 <= prozent <= 100:
        raise UngueltigeEingabe("Der Prozentsatz muss eine ganze Zahl von 0 bis 100 sein.")
    return prozent


def auf_cent(betrag: Decimal) -> Decimal:
    """Round `betrag` to two decimal places as § 41 Abs. 2 SGB II prescribes.

    > "Berechnungen werden auf zwei Dezimalstellen durchgeführt, wenn nichts Abweichendes
    > bestimmt ist. Bei einer auf Dezimalstellen durchgeführten Berechnung wird die letzte
    > Dezimalstelle um eins erhöht, wenn sich in der folgenden Dezimalstelle eine der Ziffern
    > 5 bis 9 ergeben würde." (§ 41 Abs. 2 SGB II)

    Only the third decimal place decides (5 to 9: up, 0 to 4: down), which for a non-negative
    amount is `ROUND_HALF_UP`. A negative amount is rounded by its magnitude. A `float` is
    refused: it cannot hold most cent amounts exactly.

    Examples:
        >>> auf_cent(Decimal("16.885")), auf_cent(Decimal("16.8849")), auf_cent(Decimal("50.2"))
        (Decimal('16.89'), Decimal('16.88'), Decimal('50.20'))
    """
    if not isinstance(betrag, Decimal) or not betrag.is_finite():
        raise UngueltigeEingabe("Ein Betrag muss eine endliche decimal.Decimal sein.")
    return betrag.quantize(_CENT, rounding=ROUND_HALF_UP, context=_KONTEXT)


def regelbedarfsjahr(jahr: int) -> Regelbedarfsjahr | None:
    """The table row of `jahr` (with its source), `None` for a year not in the table."""
    return _NACH_JAHR.get(_pruefe_jahr(jahr))


def regelbedarf(stufe: int, jahr: int) -> Decimal | None:
    """The monthly Regelbedarf of Regelbedarfsstufe `stufe` (1 to 4) in `jahr`, in euro;
    `None` for a year not in the table.

    Examples:
        >>> regelbedarf(1, 2023), regelbedarf(1, 2024), regelbedarf(1, 2022)
        (Decimal('502'), Decimal('563'), None)
    """
    stufe = _pruefe_stufe(stufe)
    zeile = regelbedarfsjahr(jahr)
    return None if zeile is None else zeile.betrag(stufe)


def minderung_euro(stufe: int, jahr: int, prozent: int) -> Decimal | None:
    """`prozent` % of the Regelbedarf of `stufe` in `jahr`, rounded by § 41 Abs. 2 SGB II
    (`auf_cent`); `None` for a year not in the table.

    > "Bei einer Pflichtverletzung nach § 31 mindert sich das Bürgergeld um 10 Prozent des nach
    > § 20 jeweils maßgebenden Regelbedarfs." (§ 31a Abs. 1 Satz 1 SGB II a.F.; 20 and 30 % in
    > Sätze 2 and 3; n.F.: 30 %)

    `prozent` is a whole number from 0 to 100 (100: the whole Regelbedarf, § 31a Abs. 7). This
    is the nominal figure: whether Minderungen already in force cap it is for the caller
    (`deckel_euro`).

    Examples:
        >>> minderung_euro(1, 2024, 10), minderung_euro(2, 2023, 30)
        (Decimal('56.30'), Decimal('135.30'))
    """
    stufe = _pruefe_stufe(stufe)
    anteil = _pruefe_prozent(prozent)
    betrag = regelbedarf(stufe, jahr)
    if betrag is None:
        return None
    return anteil_euro(betrag, anteil)


def anteil_euro(betrag: Decimal, prozent: int) -> Decimal:
    """`prozent` % of the monthly amount `betrag`, rounded by § 41 Abs. 2 SGB II.

    Examples:
        >>> anteil_euro(Decimal("563"), 30)
        Decimal('168.90')
    """
    anteil = _pruefe_prozent(prozent)
    return auf_cent(_KONTEXT.divide(_KONTEXT.multiply(betrag, anteil), 100))


def deckel_euro(stufe: int, jahr: int) -> Decimal | None:
    """The most all Minderungen in force together may take from the Regelbedarf of `stufe` in
    `jahr`: 30 % (§ 31a Abs. 4 Satz 1 SGB II), rounded by § 41 Abs. 2; `None` for a year not
    in the table. Not for § 31a Abs. 7 (and § 7b Abs. 4 n.F.), which the cap does not bind.

    Examples:
        >>> deckel_euro(1, 2024)
        Decimal('168.90')
    """
    return minderung_euro(stufe, jahr, DECKEL_PROZENT)
