"""The base of kooplan's enumerations: an `enum.Enum` hashed by identity."""

from __future__ import annotations

import enum

__all__ = ["Aufzaehlung"]


class Aufzaehlung(enum.Enum):
    """An `enum.Enum` whose members hash by identity.

    Members are singletons and compare by identity, so the identity hash agrees with `==`.
    `enum.Enum.__hash__` is a Python-level call (`hash(self._name_)`), and the fold and the
    decision look up their tables by tuples of members many times per case. Iteration order of a
    set of members was never fixed (string hashes are randomised per process); kooplan sorts
    wherever an order reaches its output.
    """

    __hash__ = object.__hash__
