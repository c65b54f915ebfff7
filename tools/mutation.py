#!/usr/bin/env python3
"""Mutation testing of the rule and state-machine modules with mutmut 3 (docs/mutation.md).

Not part of ``.ci/run``: a full run takes far longer than the test suite. Usage (from the
repository root, with the ``mutation`` extra installed)::

    .venv/bin/python tools/mutation.py                    # every rule module, one after the other
    .venv/bin/python tools/mutation.py motor.fristen recht.policy   # only these modules
    .venv/bin/python tools/mutation.py motor.phasen --keep --scratch /tmp/mut   # keep it for `mutmut show`
    .venv/bin/python tools/mutation.py motor.phasen --rerun --scratch /tmp/mut  # survivors, new tests

For each module the script makes a scratch copy of the repository (``src``, ``tests``,
``conftest.py``, ``pyproject.toml`` and the files the tests read), appends a ``[tool.mutmut]``
section that mutates only that module, runs ``mutmut run`` there and prints one line per
module: mutants, killed, survived, timeouts, other (no tests / suspicious / segfault) and the
raw score killed / mutants. The equivalent mutants and the score against the non-equivalent
ones are kept by hand in ``docs/mutation.md``.

Mutating one module at a time keeps each run short and keeps mutmut's per-function test
selection small. The test files used are a fixed list (``TESTS`` below: the rule-level tests,
not the slow I/O, CLI and hardening suites) plus the behaviour files that hold the cases written
for the survivors of earlier runs (``FUER_UEBERLEBENDE``, listed by the module whose survivors
they pin, and run for every module); ``--thorough`` adds the slow property-based and stateful
suites (``LANGSAM``).
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

#: The rule and state-machine modules, smallest first.
MODULE = [
    "recht.policy",
    "motor.fristen",
    "recht.rechtsstaende",
    "recht.begruendung",
    "motor.rechtsfolgen",
    "motor.entscheidung",
    "motor.phasen",
    "motor.kalender",
    # the tables and the decision's conditions moved out of the modules above
    "recht.uebergaenge",
    "recht.regeln",
    "recht.sanktionen",
    "recht.parameter",
    "motor.bedingungen",
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
    "tests/test_faltung.py",
    "tests/test_wertobjekte.py",
]

#: The behaviour files that hold the cases written for the survivors of earlier runs, by the
#: module whose survivors they pin. Every module is run against all of them (as against
#: ``TESTS``): a case written for one module often reaches another, and mutmut runs for each
#: mutated function only the tests that call it, so the extra files cost only their collection.
FUER_UEBERLEBENDE: dict[str, list[str]] = {
    "recht.policy": ["tests/test_policy.py"],
    "motor.fristen": ["tests/test_schlichtung_ende.py"],
    "recht.rechtsstaende": [
        "tests/test_recht.py",
        "tests/test_rechtstabellen_pruefung.py",
        "tests/test_neuer_rechtsstand.py",
    ],
    "recht.begruendung": ["tests/test_hinweise.py", "tests/test_tabellenaufbau.py"],
    "motor.rechtsfolgen": [
        "tests/test_rechtsfolgen_regeln.py",
        "tests/test_rechtsfolgen_texte.py",
        "tests/test_tabellenaufbau.py",
    ],
    "motor.entscheidung": [
        "tests/test_api.py",
        "tests/test_entscheidung_regeln.py",
        "tests/test_tabellenaufbau.py",
        # the panel (entscheide_stichtage) and the kept answers of the tables
        "tests/test_zeitreihe.py",
        "tests/test_zeitreihe_argumente.py",
        "tests/test_gedaechtnis_entscheidung.py",
    ],
    "motor.phasen": [
        "tests/test_phasen.py",
        "tests/test_schlichtung_ende.py",
        "tests/test_tabellenaufbau.py",
        "tests/test_zeitreihe.py",
    ],
    "motor.kalender": ["tests/test_kalender.py"],
    "vertrag/laden": ["tests/test_vertrag.py"],
    # the checks of the law tables, run at import and called directly by these
    "recht.uebergaenge": ["tests/test_tabellenpruefung.py", "tests/test_tabellenaufbau.py"],
    "recht.regeln": ["tests/test_rechtstabellen_pruefung.py", "tests/test_tabellenaufbau.py"],
    "recht.sanktionen": [
        "tests/test_rechtstabellen_pruefung.py",
        "tests/test_neuer_rechtsstand.py",
    ],
    "recht.parameter": ["tests/test_rechtstabellen_pruefung.py"],
}

#: Modules outside the rule set that can be named on the command line, with the tests they need
#: besides ``TESTS`` (the loader: its fast reader is held to the exact one by property tests).
WEITERE: dict[str, list[str]] = {
    "vertrag/laden": [
        "tests/test_schnelles_lesen.py",
        "tests/test_haertung.py",
        "tests/test_schema.py",
    ],
}

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


def _tests(modul: str, gruendlich: bool) -> list[str]:
    eigene = [d for dateien in FUER_UEBERLEBENDE.values() for d in dateien]
    alle = TESTS + WEITERE.get(modul, []) + (LANGSAM if gruendlich else []) + eigene
    fehlt = [d for d in alle if not (ROOT / d).is_file()]
    if fehlt:
        raise SystemExit(f"no such test file: {', '.join(fehlt)}")
    return list(dict.fromkeys(alle))  # each file once, in this order


def _konfiguration(modul: str, gruendlich: bool) -> str:
    def liste(werte: list[str]) -> str:
        return "[" + ", ".join(json.dumps(w) for w in werte) + "]"

    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/kooplan/"]\n'
        f'only_mutate = ["src/kooplan/{modul.replace(".", "/")}.py"]\n'
        f"pytest_add_cli_args_test_selection = {liste(_tests(modul, gruendlich))}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q", "--no-cov", "-o", "addopts="]\n'
        'also_copy = ["conftest.py", "docs", "README.md", "CHANGELOG.md", "mkdocs.yml"]\n'
        "use_git_change_detection = false\n"
    )


def _kopie(modul: str, ziel: Path, gruendlich: bool) -> Path:
    kopie = ziel / f"mutation-{modul.replace('/', '.')}"
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


def _meta(kopie: Path, modul: str) -> Path:
    return kopie / "mutants" / "src" / "kooplan" / f"{modul.replace('.', '/')}.py.meta"


def _auffrischen(
    modul: str, ziel: Path, gruendlich: bool
) -> tuple[Path, list[str], dict[str, int | None]]:
    """Bring the tests and the configuration of a kept scratch copy up to date; return it, the
    mutants not yet killed and the earlier results."""
    kopie = ziel / f"mutation-{modul.replace('/', '.')}"
    if not (kopie / "mutants").is_dir():
        raise SystemExit(f"--rerun: no earlier run in {kopie} (run with --keep first)")
    ignorieren = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for ort in (kopie, kopie / "mutants"):
        shutil.copytree(ROOT / "tests", ort / "tests", ignore=ignorieren, dirs_exist_ok=True)
        shutil.copy2(ROOT / "pyproject.toml", ort / "pyproject.toml")
        with (ort / "pyproject.toml").open("a", encoding="utf-8") as f:
            f.write(_konfiguration(modul, gruendlich))
    vorher: dict[str, int | None] = json.loads(_meta(kopie, modul).read_text(encoding="utf-8"))[
        "exit_code_by_key"
    ]
    offen = [k for k, c in vorher.items() if c not in GETOETET]
    return kopie, offen, vorher


def _zusammenfuehren(kopie: Path, modul: str, vorher: dict[str, int | None]) -> None:
    """New tests make mutmut collect its statistics again and forget earlier verdicts of the
    functions they reach; a mutant killed before stays killed when tests are only added, so the
    earlier kills are written back."""
    pfad = _meta(kopie, modul)
    daten = json.loads(pfad.read_text(encoding="utf-8"))
    for k, c in vorher.items():
        if c in GETOETET:
            daten["exit_code_by_key"][k] = c
    pfad.write_text(json.dumps(daten, indent=4), encoding="utf-8")


def _zaehlen(kopie: Path, modul: str) -> dict[str, int]:
    daten = json.loads(_meta(kopie, modul).read_text(encoding="utf-8"))
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
    parser.add_argument(
        "--rerun",
        action="store_true",
        help="in the kept copies under --scratch, run only the mutants not yet killed, with the "
        "current tests",
    )
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    args = parser.parse_args(argv)

    module = args.module or MODULE
    unbekannt = [m for m in module if not (PAKET / f"{m.replace('.', '/')}.py").is_file()]
    if unbekannt:
        parser.error(f"no such module: {', '.join(unbekannt)}")

    if args.rerun and args.scratch is None:
        parser.error("--rerun needs --scratch (the folder of the kept copies)")
    ziel = args.scratch or Path(tempfile.mkdtemp(prefix="kooplan-mutation-"))
    umgebung = dict(os.environ, PYTHONHASHSEED="0")
    # mutmut puts mutants/src first on sys.path; an editable install of the original tree must not win
    umgebung.pop("PYTHONPATH", None)

    ergebnisse: dict[str, dict[str, int]] = {}
    for modul in module:
        namen: list[str] = []
        vorher: dict[str, int | None] = {}
        if args.rerun:
            kopie, namen, vorher = _auffrischen(modul, ziel, args.thorough)
            print(f"== {modul}: {len(namen)} mutants not killed, run again in {kopie}", flush=True)
        else:
            kopie = _kopie(modul, ziel, args.thorough)
            print(f"== {modul}: mutmut run in {kopie}", flush=True)
        if args.rerun and not namen:
            ergebnisse[modul] = _zaehlen(kopie, modul)
            continue
        lauf = subprocess.run(
            [
                sys.executable,
                "-m",
                "mutmut",
                "run",
                "--max-children",
                str(args.max_children),
                *namen,
            ],
            cwd=kopie,
            env=umgebung,
            check=False,
        )
        if lauf.returncode != 0:
            print(f"   mutmut run ended with {lauf.returncode}", file=sys.stderr)
        if args.rerun:
            _zusammenfuehren(kopie, modul, vorher)
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
