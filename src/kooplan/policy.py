"""Weisung/Praxis defaults: the part of kooplan a caller may replace.

Statutory rules (Gesetz) are fixed; only what rests on guidance or practice is a policy. A
caller passes a :class:`Policy` to :func:`kooplan.entscheide`; the CLI reads one from a TOML or
JSON file (``--policy``) with :func:`Policy.aus_mapping`, where an unknown key is an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from kooplan import _pruefen as p
from kooplan._aufzaehlung import Aufzaehlung
from kooplan.fehler import UngueltigeEingabe

__all__ = ["STANDARD", "Policy", "RfbUmfang"]


class RfbUmfang(Aufzaehlung):
    """How far an RFB reaches once a Mitwirkung is demanded (FACHKONZEPT § 4)."""

    #: Every request in the case carries RFB (the state machine of the practice text, § 1).
    FALL = "fall"
    #: Only requests of the outstanding kind carry RFB.
    EINZELFALL = "einzelfall"


@attrs.frozen
class Policy:
    """The Weisung/Praxis defaults (FACHKONZEPT § 4).

    >>> Policy().rfb_umfang
    <RfbUmfang.FALL: 'fall'>
    >>> Policy.aus_mapping({"rfb_umfang": "einzelfall"}).rfb_umfang
    <RfbUmfang.EINZELFALL: 'einzelfall'>
    """

    #: ``fall``: in ``mitwirkung_eingefordert`` every request carries RFB (C: VA); ``einzelfall``:
    #: only those of the outstanding kind.
    rfb_umfang: RfbUmfang = attrs.field(default=RfbUmfang.FALL, validator=p.ist_enum(RfbUmfang))
    #: B only: a Zuweisung in eine Maßnahme carries RFB also while cooperation works
    #: (§ 15 Abs. 5 Satz 2 SGB II a.F. read literally).
    massnahme_mit_rfb_in_kooperation: bool = attrs.field(default=False, validator=p.ist_bool)
    #: A plan with more Schritte than this gets a note ("konkret, kurz und übersichtlich").
    plan_max_schritte: int = attrs.field(default=10, validator=p.ist_int(1, 1000))

    @classmethod
    def aus_mapping(cls, daten: Mapping[str, Any]) -> Policy:
        """Build a policy from a mapping (a parsed TOML or JSON file). Unknown keys and values
        of the wrong type are :class:`~kooplan.fehler.UngueltigeEingabe`."""
        if not isinstance(daten, Mapping):
            raise UngueltigeEingabe("Die Policy muss ein Objekt (Schlüssel und Werte) sein.")
        bekannt = {a.name for a in attrs.fields(cls)}
        for key in daten:
            if key not in bekannt:
                raise UngueltigeEingabe(
                    f"Unbekannter Policy-Schlüssel '{key}'; erlaubt sind: "
                    f"{', '.join(sorted(bekannt))}.",
                    ort=str(key),
                )
        kwargs = dict(daten)
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
        return {
            "rfb_umfang": self.rfb_umfang.value,
            "massnahme_mit_rfb_in_kooperation": self.massnahme_mit_rfb_in_kooperation,
            "plan_max_schritte": self.plan_max_schritte,
        }


#: The defaults.
STANDARD = Policy()
