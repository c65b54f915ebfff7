"""The caches kooplan keeps of pure functions and constant texts, and one call to empty them.

Every cache is keyed by *all* the inputs of what it keeps, bounded in size, and holds only
immutable values, so it never changes a result (tests compare results with and without them).
They matter over a case load: the same days, amounts, reasons and notes come back again and again.
Each module that keeps one registers it here by name; `belegung` says how full each is.

Emptying them is for tests and tools that change code under a running process (mutation testing
forks a warm process per mutant; `conftest.py` empties the caches at the start of every test).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["ablegen", "alle_leeren", "anmelden", "belegung"]


class _LruCache(Protocol):
    def cache_clear(self) -> None: ...
    def cache_info(self) -> Any: ...


_CACHES: dict[str, tuple[Callable[[], None], Callable[[], int]]] = {}


def anmelden(name: str, cache: dict[Any, Any] | _LruCache) -> None:
    """Register a cache (a dict, or a function wrapped by `functools.lru_cache`) by name."""
    if name in _CACHES:
        raise ValueError(f"cache {name!r} registered twice")
    if isinstance(cache, dict):
        _CACHES[name] = (cache.clear, cache.__len__)
    else:
        lru = cache
        _CACHES[name] = (lru.cache_clear, lambda: int(lru.cache_info().currsize))


def ablegen(cache: dict[Any, Any], schluessel: Any, wert: Any, hoechstens: int) -> None:
    """Keep `wert` under `schluessel` in a dict cache of at most `hoechstens` entries (a full
    cache is emptied first: the values are cheap to find again, the bound is what matters)."""
    if len(cache) >= hoechstens:
        cache.clear()
    cache[schluessel] = wert


def alle_leeren() -> None:
    """Empty every registered cache."""
    for leeren, _ in _CACHES.values():
        leeren()


def belegung() -> dict[str, int]:
    """How many entries each registered cache holds, by name."""
    return {name: groesse() for name, (_, groesse) in sorted(_CACHES.items())}
