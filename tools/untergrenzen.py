"""Print the lowest versions of kooplan's runtime dependencies that ``pyproject.toml`` admits, as
pins for pip (``attrs>=23.1`` → ``attrs==23.1``).

``.ci/run`` installs these pins in a separate environment and runs the calendar and Rechtsfolgen
tests there, so that a floor in ``pyproject.toml`` stays true: a version the project admits must
compute the same deadlines as the newest one.

    python tools/untergrenzen.py          # one pin per line
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_UNTERGRENZE = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*>=\s*([0-9][A-Za-z0-9.]*)\s*$")


def untergrenzen(pyproject: Path) -> list[str]:
    """The pins ``name==floor`` of every runtime dependency; each must have a ``>=`` floor."""
    daten = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    pins = []
    for anforderung in daten["project"]["dependencies"]:
        treffer = _UNTERGRENZE.match(anforderung.split(";")[0])
        if treffer is None:
            raise SystemExit(f"keine Untergrenze der Form 'name>=version': {anforderung!r}")
        name, extras, version = treffer.groups()
        pins.append(f"{name}{extras or ''}=={version}")
    return pins


if __name__ == "__main__":
    wurzel = Path(__file__).resolve().parent.parent
    sys.stdout.write("".join(f"{p}\n" for p in untergrenzen(wurzel / "pyproject.toml")))
