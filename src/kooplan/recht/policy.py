"""Weisung/Praxis defaults: the part of kooplan a caller may replace.

Statutory rules (Gesetz) are fixed; only what rests on guidance or practice is a policy. A
caller passes a `Policy` to `kooplan.entscheide`; the CLI reads one from a TOML or
JSON file (`--policy`) with `Policy.aus_mapping`, where an unknown key is an error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from kooplan.recht.regelbedarf import Regelbedarfsjahr
from kooplan.werte import pruefen as p
from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.fehler import KooplanError, UngueltigeEingabe

__all__ = ["STANDARD", "Policy", "RfbUmfang"]


class RfbUmfang(Aufzaehlung):
    """How far an RFB reaches once a Mitwirkung is demanded (docs/fachliches.md section 4)."""

    FALL = "fall"
    """Every request in the case carries RFB (the practice of cooperation, docs/fachliches.md section 1)."""
    EINZELFALL = "einzelfall"
    """Only requests of the outstanding kind carry RFB."""


def _als_tuple(wert: Any) -> Any:
    return tuple(wert) if isinstance(wert, list) else wert


@attrs.frozen
class Policy:
    """The Weisung/Praxis defaults (docs/fachliches.md section 4).

    Examples:
        >>> Policy().rfb_umfang
        <RfbUmfang.FALL: 'fall'>
        >>> Policy.aus_mapping({"rfb_umfang": "einzelfall"}).rfb_umfang
        <RfbUmfang.EINZELFALL: 'einzelfall'>
    """

    rfb_umfang: RfbUmfang = attrs.field(default=RfbUmfang.FALL, validator=p.ist_enum(RfbUmfang))
    """`fall`: in `mitwirkung_eingefordert` every request carries RFB (C: VA); `einzelfall`: only
    those of the outstanding kind."""
    massnahme_mit_rfb_in_kooperation: bool = attrs.field(default=False, validator=p.ist_bool)
    """B only: a Zuweisung in eine Maßnahme carries RFB also while cooperation works (§ 15 Abs. 5
    Satz 2 SGB II a.F. read literally)."""
    plan_max_schritte: int = attrs.field(default=10, validator=p.ist_int(1, 1000))
    """A plan with more Schritte than this gets a note ("konkret, kurz und übersichtlich")."""
    wiederholt_auch_ohne_belehrung: bool = attrs.field(default=False, validator=p.ist_bool)
    """§ 32 Abs. 1 Satz 1 SGB II n.F. ("trotz schriftlicher Belehrung über die Rechtsfolgen oder
    deren Kenntnis … wiederholt nicht nach"): `False` (default, the reading that burdens less): an
    earlier miss makes the next one "wiederholt" only if its invitation, too, carried a written RFB;
    `True`: every earlier unexcused miss counts."""
    schlichtung_hoechstzahl: int | None = attrs.field(
        default=None, validator=p.optional(p.ist_int(1, 100))
    )
    """B only: how many Schlichtungen a benefit period may have (§ 15a Abs. 1 SGB II a.F. sets no
    limit); `None` (default): no limit. Once reached, decisions no longer point to a Schlichtung on
    request but say that the policy allows no further one."""
    regelbedarfe: tuple[Regelbedarfsjahr, ...] = attrs.field(default=(), converter=_als_tuple)
    """Regelbedarf rows for years kooplan's own table does not have yet (one per year); the table
    wins for the years it has. Every decision that uses such a row says so."""

    @regelbedarfe.validator
    def _pruefe_regelbedarfe(self, attribute: attrs.Attribute[Any], wert: Any) -> None:
        if not isinstance(wert, tuple) or not all(isinstance(z, Regelbedarfsjahr) for z in wert):
            raise UngueltigeEingabe(
                "'regelbedarfe' muss eine Liste von kooplan.regelbedarf.Regelbedarfsjahr sein.",
                ort="regelbedarfe",
            )
        jahre = [z.jahr for z in wert]
        for i, jahr in enumerate(jahre):
            if jahre.index(jahr) != i:
                raise UngueltigeEingabe(
                    "Ein Jahr kommt in 'regelbedarfe' zweimal vor.", ort=f"regelbedarfe[{i}].jahr"
                )

    def regelbedarf(self, jahr: int) -> Regelbedarfsjahr | None:
        """The caller's Regelbedarf row for `jahr`, if the policy has one."""
        for zeile in self.regelbedarfe:
            if zeile.jahr == jahr:
                return zeile
        return None

    @classmethod
    def aus_mapping(cls, daten: Mapping[str, Any]) -> Policy:
        """Build a policy from a mapping (a parsed TOML or JSON file). Unknown keys and values
        of the wrong type are `UngueltigeEingabe`."""
        if not isinstance(daten, Mapping):
            raise UngueltigeEingabe("Die Policy muss ein Objekt (Schlüssel und Werte) sein.")
        bekannt = {a.name for a in attrs.fields(cls)}
        for key in daten:
            if key not in bekannt:
                # shown as printable ASCII and shortened, so any key can be printed
                gezeigt = json.dumps(str(key)[:40], ensure_ascii=True)[1:-1]
                raise UngueltigeEingabe(
                    f"Unbekannter Policy-Schlüssel '{gezeigt}'; erlaubt sind: "
                    f"{', '.join(sorted(bekannt))}.",
                    ort=gezeigt,
                )
        kwargs = dict(daten)
        if "regelbedarfe" in kwargs:
            kwargs["regelbedarfe"] = _regelbedarfe_aus(kwargs["regelbedarfe"])
        if "rfb_umfang" in kwargs:
            wert = kwargs["rfb_umfang"]
            try:
                kwargs["rfb_umfang"] = RfbUmfang(wert)
            except ValueError:
                raise UngueltigeEingabe(
                    "'rfb_umfang' muss 'fall' oder 'einzelfall' sein.", ort="rfb_umfang"
                ) from None
        return cls(**kwargs)

    def als_mapping(self) -> dict[str, Any]:
        """The policy as a mapping that `aus_mapping` reads back (amounts as text)."""
        out: dict[str, Any] = {
            "rfb_umfang": self.rfb_umfang.value,
            "massnahme_mit_rfb_in_kooperation": self.massnahme_mit_rfb_in_kooperation,
            "plan_max_schritte": self.plan_max_schritte,
            "wiederholt_auch_ohne_belehrung": self.wiederholt_auch_ohne_belehrung,
        }
        if self.schlichtung_hoechstzahl is not None:
            out["schlichtung_hoechstzahl"] = self.schlichtung_hoechstzahl
        if self.regelbedarfe:
            out["regelbedarfe"] = [
                {
                    "jahr": z.jahr,
                    **{f"stufe_{n}": f"{z.betrag(n):.2f}" for n in (1, 2, 3, 4)},
                    "quelle": z.quelle,
                }
                for z in self.regelbedarfe
            ]
        return out


_REGELBEDARF_SCHLUESSEL = ("jahr", "stufe_1", "stufe_2", "stufe_3", "stufe_4", "quelle")


def _betrag_aus(wert: object, ort: str) -> Decimal:
    """An amount from a policy file: a whole number of euros, or a text like `"563.50"`."""
    if isinstance(wert, int) and not isinstance(wert, bool):
        return Decimal(wert)
    if isinstance(wert, str):
        try:
            betrag = Decimal(wert.strip())
        except InvalidOperation:
            pass
        else:
            if betrag.is_finite():
                return betrag
    raise UngueltigeEingabe(
        'Ein Regelbedarf muss eine ganze Zahl (Euro) oder ein Text wie "563.50" sein; eine '
        "Kommazahl kann Cent-Beträge nicht genau halten.",
        ort=ort,
    )


def _regelbedarfe_aus(wert: object) -> tuple[Regelbedarfsjahr, ...]:
    """The `regelbedarfe` of a policy file: a list of objects with `jahr`, `stufe_1` to
    `stufe_4` and `quelle` (the legal act that set the amounts)."""
    if not isinstance(wert, list):
        raise UngueltigeEingabe(
            "'regelbedarfe' muss eine Liste von Objekten sein (jahr, stufe_1 bis stufe_4, quelle).",
            ort="regelbedarfe",
        )
    zeilen = []
    for i, eintrag in enumerate(wert):
        ort = f"regelbedarfe[{i}]"
        if not isinstance(eintrag, Mapping):
            raise UngueltigeEingabe(f"Eintrag {i + 1} von 'regelbedarfe' ist kein Objekt.", ort=ort)
        for key in eintrag:
            if key not in _REGELBEDARF_SCHLUESSEL:
                raise UngueltigeEingabe(
                    f"Unbekannter Schlüssel in 'regelbedarfe'; erlaubt sind: "
                    f"{', '.join(_REGELBEDARF_SCHLUESSEL)}.",
                    ort=f"{ort}.{key}" if isinstance(key, str) and key.isidentifier() else ort,
                )
        for key in _REGELBEDARF_SCHLUESSEL:
            if key not in eintrag:
                raise UngueltigeEingabe(f"'{key}' fehlt in 'regelbedarfe'.", ort=f"{ort}.{key}")
        try:
            s1, s2, s3, s4 = (
                _betrag_aus(eintrag[f"stufe_{n}"], f"{ort}.stufe_{n}") for n in (1, 2, 3, 4)
            )
            zeilen.append(
                Regelbedarfsjahr(
                    eintrag["jahr"], s1, s2, s3, s4, eintrag["quelle"], verifiziert=False
                )
            )
        except KooplanError as err:
            if err.ort is not None and not err.ort.startswith(ort):
                raise UngueltigeEingabe(err.meldung, ort=f"{ort}.{err.ort}") from None
            raise
    return tuple(zeilen)


STANDARD = Policy()
"""The defaults."""
