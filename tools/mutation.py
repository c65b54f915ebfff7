#!/usr/bin/env python3
"""Mutation testing of the rule and state-machine modules with mutmut 3 (issue #6, item 4).

Not part of ``.ci/run``: a full run takes far longer than the test suite. Usage (from the
repository root, with the ``mutation`` extra installed)::

    .venv/bin/python tools/mutation.py                    # every rule module, one after the other
    .venv/bin/python tools/mutation.py fristen policy     # only these modules
    .venv/bin/python tools/mutation.py phasen --keep      # keep the scratch copy for `mutmut show`

For each module the script makes a scratch copy of the repository (``src``, ``tests``,
``conftest.py``, ``pyproject.toml`` and the files the tests read), appends a ``[tool.mutmut]``
section that mutates only that module, runs ``mutmut run`` there and prints one line per
module: mutants, killed, survived, timeouts, other (no tests / suspicious / segfault) and the
raw score killed / mutants. The equivalent mutants and the score against the non-equivalent
ones are kept by hand in ``docs/mutation.md``.

Mutating one module at a time keeps each run short and keeps mutmut's per-function test
selection small. The test files used are a fixed list (``TESTS`` below: the rule-level tests,
not the slow I/O, CLI and hardening suites) plus every ``tests/test_mutanten_*.py``;
``--thorough`` adds the slow property-based and stateful suites (``LANGSAM``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAKET = ROOT / "src" / "kooplan"

#: The rule and state-machine modules (issue #6, item 4), smallest first.
MODULE = [
    "policy",
    "fristen",
    "recht",
    "begruendung",
    "rechtsfolgen",
    "entscheidung",
    "phasen",
    "kalender",
]

#: The rule-level test files every mutant is run against (mutmut picks, per mutated function,
#: only the tests that call it).
TESTS = [
    "tests/test_tabelle.py",
    "tests/test_szenarien.py",
    "tests/test_beispiele.py",
    "tests/test_api.py",
    "tests/test_recht.py",
    "tests/test_kalender.py",
    "tests/test_rechtsfolgen.py",
    "tests/test_vertrag.py",
    "tests/test_katalog.py",
]

#: Slow property-based and stateful suites (about a minute per surviving mutant): only with
#: ``--thorough``.
LANGSAM = [
    "tests/test_rechtsfolgen_eigenschaften.py",
    "tests/test_zustandsmaschine.py",
]

#: What the scratch copy needs besides ``src`` and ``tests``.
KOPIEREN = ["conftest.py", "pyproject.toml", "README.md", "CHANGELOG.md", "docs", "mkdocs.yml"]

#: mutmut's exit-code classes (mutmut.stats.status_by_exit_code, mutmut 3.8).
GETOETET = {1, 3}
UEBERLEBT = {0}
ZEITUEBERSCHREITUNG = {24, -24, 36, 152, 255}


def _tests(gruendlich: bool) -> list[str]:
    eigene = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_mutanten_*.py"))
    return TESTS + (LANGSAM if gruendlich else []) + eigene


def _konfiguration(modul: str, gruendlich: bool) -> str:
    def liste(werte: list[str]) -> str:
        return "[" + ", ".join(json.dumps(w) for w in werte) + "]"

    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/kooplan/"]\n'
        f'only_mutate = ["src/kooplan/{modul}.py"]\n'
        f"pytest_add_cli_args_test_selection = {liste(_tests(gruendlich))}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q", "--no-cov", "-o", "addopts="]\n'
        'also_copy = ["conftest.py", "docs", "README.md", "CHANGELOG.md", "mkdocs.yml"]\n'
        "use_git_change_detection = false\n"
    )


def _kopie(modul: str, ziel: Path, gruendlich: bool) -> Path:
    kopie = ziel / f"mutation-{modul}"
    if kopie.exists():
        shutil.rmtree(kopie)
    kopie.mkdir(parents=True)
    ignorieren = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "mutants")
    shutil.copytree(ROOT / "src", kopie / "src", ignore=ignorieren)
    shutil.copytree(ROOT / "tests", kopie / "tests", ignore=ignorieren)
    for name in KOPIEREN:
        quelle = ROOT / name
        if quelle.is_dir():
            shutil.copytree(quelle, kopie / name, ignore=ignorieren)
        elif quelle.exists():
            shutil.copy2(quelle, kopie / name)
    with (kopie / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write(_konfiguration(modul, gruendlich))
    return kopie


def _zaehlen(kopie: Path, modul: str) -> dict[str, int]:
    meta = kopie / "mutants" / "src" / "kooplan" / f"{modul}.py.meta"
    daten = json.loads(meta.read_text(encoding="utf-8"))
    codes = list(daten.get("exit_code_by_key", {}).values())
    zahlen = {
        "mutants": len(codes),
        "killed": sum(c in GETOETET for c in codes),
        "survived": sum(c in UEBERLEBT for c in codes),
        "timeout": sum(c in ZEITUEBERSCHREITUNG for c in codes),
    }
    zahlen["other"] = zahlen["mutants"] - zahlen["killed"] - zahlen["survived"] - zahlen["timeout"]
    return zahlen


def _ueberlebende(kopie: Path, umgebung: dict[str, str]) -> list[str]:
    aus = subprocess.run(
        [sys.executable, "-m", "mutmut", "results"],
        cwd=kopie,
        env=umgebung,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return [zeile.strip() for zeile in aus.splitlines() if zeile.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "module", nargs="*", help=f"modules to mutate (default: {' '.join(MODULE)})"
    )
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--scratch", type=Path, default=None, help="folder for the scratch copies")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copies")
    parser.add_argument(
        "--thorough", action="store_true", help="also run the slow property-based suites"
    )
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    args = parser.parse_args(argv)

    module = args.module or MODULE
    unbekannt = [m for m in module if not (PAKET / f"{m}.py").is_file()]
    if unbekannt:
        parser.error(f"no such module: {', '.join(unbekannt)}")

    ziel = args.scratch or Path(tempfile.mkdtemp(prefix="kooplan-mutation-"))
    umgebung = dict(os.environ, PYTHONHASHSEED="0")
    # mutmut puts mutants/src first on sys.path; an editable install of the original tree must not win
    umgebung.pop("PYTHONPATH", None)

    ergebnisse: dict[str, dict[str, int]] = {}
    for modul in module:
        kopie = _kopie(modul, ziel, args.thorough)
        print(f"== {modul}: mutmut run in {kopie}", flush=True)
        lauf = subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.max_children)],
            cwd=kopie,
            env=umgebung,
            check=False,
        )
        if lauf.returncode != 0:
            print(f"   mutmut run ended with {lauf.returncode}", file=sys.stderr)
        ergebnisse[modul] = _zaehlen(kopie, modul)
        if args.survivors:
            for zeile in _ueberlebende(kopie, umgebung):
                print("   ", zeile)
        if not args.keep:
            shutil.rmtree(kopie, ignore_errors=True)

    print()
    print(
        f"{'module':<14}{'mutants':>8}{'killed':>8}{'survived':>9}{'timeout':>8}{'other':>7}{'score':>8}"
    )
    summe = dict.fromkeys(("mutants", "killed", "survived", "timeout", "other"), 0)
    for modul, z in ergebnisse.items():
        for k in summe:
            summe[k] += z[k]
        print(_zeile(modul, z))
    if len(ergebnisse) > 1:
        print(_zeile("total", summe))
    if not args.keep and args.scratch is None:
        shutil.rmtree(ziel, ignore_errors=True)
    return 0


def _zeile(name: str, z: dict[str, int]) -> str:
    score = f"{100 * z['killed'] / z['mutants']:.1f}%" if z["mutants"] else "-"
    return (
        f"{name:<14}{z['mutants']:>8}{z['killed']:>8}{z['survived']:>9}{z['timeout']:>8}"
        f"{z['other']:>7}{score:>8}"
    )


if __name__ == "__main__":
    sys.exit(main())
