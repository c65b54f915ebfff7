"""The caches kooplan keeps of pure functions and constant texts, and one call to empty them.

Every cache is keyed by *all* the inputs of what it keeps, bounded in size, and holds only
immutable values, so it never changes a result (tests compare results with and without them).
They matter over a case load: the same days, amounts, reasons and notes come back again and again.

Emptying them is for tests and tools that change code under a running process (mutation testing
forks a warm process per mutant; `conftest.py` empties the caches at the start of every test session).
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["alle_leeren", "anmelden"]

_LEEREN: list[Callable[[], None]] = []


def anmelden(leeren: Callable[[], None]) -> None:
    """Register the function that empties one cache."""
    _LEEREN.append(leeren)


def alle_leeren() -> None:
    """Empty every registered cache."""
    for leeren in _LEEREN:
        leeren()
