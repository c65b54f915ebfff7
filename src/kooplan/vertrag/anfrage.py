"""A request (``kooplan/anfrage/1``): one question about one case, as a long-running caller sends it.

A request carries the case, the Anliegen, the Stichtag, optionally the Fälligkeit and the name of a
policy the process was started with. It is read by the same strict reader as a case
(`kooplan.vertrag.laden.anfrage_aus_json`), its fields are data
(`kooplan.vertrag.felder.ANFRAGE_FELDER`) and its JSON Schema is generated from them
(`kooplan.vertrag.schema.anfrage_schema`).

Examples:
    >>> import kooplan
    >>> from kooplan.vertrag.laden import anfrage_aus_json
    >>> a = anfrage_aus_json(
    ...     b'{"schema": "kooplan/anfrage/1", "anliegen": "massnahme", "stichtag": "2025-05-06", '
    ...     b'"fall": {"schema": "kooplan/fall/1", "fall": "JC-1", "ereignisse": '
    ...     b'[{"art": "plan_gescheitert", "am": "2025-05-02"}]}}'
    ... )
    >>> a
    Anfrage(fall='JC-1', anliegen='massnahme', stichtag=2025-05-06, faellig=None, policy=None)
    >>> kooplan.entscheide(a.fall, a.anliegen, a.stichtag, a.faellig).modus.value
    'mit_rfb'
"""

from __future__ import annotations

import datetime as dt

import attrs

from kooplan.werte import pruefen as p
from kooplan.werte.anliegen import Anliegen, als_anliegen
from kooplan.werte.fall import Fall
from kooplan.werte.fehler import UngueltigeEingabe

__all__ = ["Anfrage"]


def _als_anliegen(wert: object) -> object:
    """The Anliegen as its member, also when given as its contract value (``"massnahme"``)."""
    return als_anliegen(wert) if isinstance(wert, str) else wert


def _nicht_vor_stichtag(inst: Anfrage, _: attrs.Attribute[dt.date | None], wert: object) -> None:
    if wert is not None and isinstance(wert, dt.date) and wert < inst.stichtag:
        raise UngueltigeEingabe("'faellig' darf nicht vor dem Stichtag liegen.", ort="faellig")


@attrs.frozen(repr=False)
class Anfrage:
    """One request: decide ``fall`` for ``anliegen`` on ``stichtag`` (due on ``faellig``) under
    the policy named ``policy`` (``None``: the process's default policy)."""

    fall: Fall = attrs.field(validator=p.ist_instanz(Fall, "ein kooplan.Fall"))
    """The case."""
    anliegen: Anliegen = attrs.field(converter=_als_anliegen, validator=p.ist_enum(Anliegen))
    """What is to be sent."""
    stichtag: dt.date = attrs.field(validator=p.ist_tag())
    """The day the decision is for."""
    faellig: dt.date | None = attrs.field(
        default=None, validator=[p.optional(p.ist_tag()), _nicht_vor_stichtag]
    )
    """The day the action is due (`None`: the Stichtag); not before the Stichtag."""
    policy: str | None = attrs.field(default=None, validator=p.optional(p.ist_ereignis_id))
    """The name of a policy given when the process was started (`--policy NAME=FILE`)."""

    def __repr__(self) -> str:  # the case by its id only: no personal data in a repr
        return (
            f"Anfrage(fall={self.fall.fall!r}, anliegen={self.anliegen.value!r}, "
            f"stichtag={self.stichtag}, faellig={self.faellig}, policy={self.policy!r})"
        )
