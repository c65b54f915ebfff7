"""Test collection: doctests of the package, but not the ``python -m kooplan`` entry point.

Every test starts with kooplan's caches empty (``kooplan.werte.zwischenspeicher``), so each test
computes what it checks: mutation testing selects, per mutated function, the tests that called
it, and a test served from a cache filled by an earlier one would not be counted; and it runs
each mutant in a process forked from one that already ran the tests.
"""

from collections.abc import Iterator

import pytest

collect_ignore = ["src/kooplan/__main__.py"]


@pytest.fixture(autouse=True)
def _leere_zwischenspeicher() -> Iterator[None]:
    from kooplan.werte.zwischenspeicher import alle_leeren

    alle_leeren()
    yield
