"""Test collection: doctests of the package, but not the ``python -m kooplan`` entry point.

Every test session starts with kooplan's caches empty (``kooplan._zwischenspeicher``): mutation
testing runs each mutant in a process forked from one that already ran the tests.
"""

from typing import Any

collect_ignore = ["src/kooplan/__main__.py"]


def pytest_sessionstart(session: Any) -> None:
    from kooplan._zwischenspeicher import alle_leeren

    alle_leeren()
