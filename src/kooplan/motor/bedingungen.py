"""The conditions (`Lage`) of the rule tables, each split into the facts it reads and a pure test.

A condition of `kooplan.recht.regeln` is a name. The engine gives each one a `Bedingung`:
`fakt` reads from the folded state, the Anliegen, the days and the policy exactly the fact the
condition needs (a small hashable value, mostly a truth value), and `test` decides the condition
from that fact and, for the conditions of the notes, the mode and rule already chosen. Since a
test sees nothing but its fact, the mode rule and the notes of the tables are a function of the
facts of the conditions that occur in them: the engine keeps its answers keyed by exactly those
facts (`Schluesselplan`), derived from the tables, so a new condition cannot be left out of the
key. A condition without its `Bedingung` is refused when the engine is imported
(`pruefe_vollstaendig`).

Examples:
    >>> from kooplan.recht.regeln import HINWEIS_REGELN, REGELN
    >>> pruefe_vollstaendig({}, REGELN, HINWEIS_REGELN)
    Traceback (most recent call last):
    ...
    kooplan.werte.fehler.UngueltigeTabelle: Für diese Bedingungen der Regeltabellen fehlt die Funktion, die ihre Fakten liest: ...
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

import attrs

from kooplan.recht.regeln import HinweisRegel, Lage, PolicyWahl, Regel
from kooplan.werte.anliegen import Modus
from kooplan.werte.fehler import UngueltigeTabelle

__all__ = ["Bedingung", "Schluesselplan", "pruefe_vollstaendig", "schluesselplan"]


@attrs.frozen
class Bedingung:
    """One condition: the fact it reads and the test on that fact."""

    fakt: Callable[..., Hashable]
    """Reads the fact from (state, Anliegen, Stichtag, due day, policy); never the mode or rule."""
    test: Callable[[Any, Modus | None, Regel | None], bool]
    """Decides the condition from the fact and the mode and rule chosen (`None` while the mode
    rule is sought)."""


@attrs.frozen
class Schluesselplan:
    """For one (regime, phase, Anliegen): the rows that can apply and what their answer reads."""

    regeln: tuple[Regel, ...]
    """The mode rows, in table order."""
    hinweis_regeln: tuple[HinweisRegel, ...]
    """The rows of the notes, in table order."""
    lagen: tuple[Lage, ...]
    """Every condition that occurs in those rows, once, in the order of first occurrence."""
    policy_schluessel: tuple[str, ...]
    """The policy fields the mode of those rows is chosen by (`PolicyWahl.schluessel`)."""


def _lagen(regeln: Iterable[Regel], hinweis_regeln: Iterable[HinweisRegel]) -> list[Lage]:
    out = [r.lage for r in regeln if r.lage is not None]
    out += [lage for h in hinweis_regeln for lage in h.lagen]
    return out


def pruefe_vollstaendig(
    bedingungen: Mapping[Lage, Bedingung],
    regeln: Iterable[Regel],
    hinweis_regeln: Iterable[HinweisRegel],
) -> None:
    """Refuse conditions (every `Lage`, and every one the tables use) that have no `Bedingung`.

    Raises:
        UngueltigeTabelle: naming each condition without one (a programming error).
    """
    fehlend = sorted(
        {lage.name for lage in Lage if lage not in bedingungen}
        | {lage.name for lage in _lagen(regeln, hinweis_regeln) if lage not in bedingungen}
    )
    if fehlend:
        raise UngueltigeTabelle(
            "Für diese Bedingungen der Regeltabellen fehlt die Funktion, die ihre Fakten liest: "
            + ", ".join(f"Lage.{name}" for name in fehlend)
        )


def schluesselplan(
    regeln: tuple[Regel, ...], hinweis_regeln: tuple[HinweisRegel, ...]
) -> Schluesselplan:
    """The plan of the key for these rows: their conditions and policy fields, from the rows."""
    lagen = tuple(dict.fromkeys(_lagen(regeln, hinweis_regeln)))
    policy = tuple(
        dict.fromkeys(r.modus.schluessel for r in regeln if isinstance(r.modus, PolicyWahl))
    )
    return Schluesselplan(regeln, hinweis_regeln, lagen, policy)
