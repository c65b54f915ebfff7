"""Hand-made mutants of the loader's fast reader: does the test suite notice each?

mutmut's trampolines cannot reach the field readers (they are built at import time), so these
mutants are written by hand: each weakens one check of the fast reader in a scratch copy, and the
loader's test files must fail. Run from the repository root:

    .venv/bin/python tools/mutation_leser.py

Prints one line per mutant (GETOETET = killed, UEBERLEBT = survived) and exits 1 if any survived.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

QUELLE = str(Path(__file__).resolve().parent.parent)
ZIEL = tempfile.mkdtemp(prefix="kooplan-leser-")
#: (name, the text in laden.py, what it becomes)
M = [
    (
        "datum ohne Bereich",
        "            if FRUEHESTER_TAG <= tag <= SPAETESTER_TAG:\n                _TAGE[w] = tag\n",
        "            if True:\n                _TAGE[w] = tag\n",
    ),
    (
        "datum ohne Muster",
        "        if _DATUM.fullmatch(w):\n            try:",
        "        if True:\n            try:",
    ),
    (
        "datum merkt ungueltige",
        "            if FRUEHESTER_TAG <= tag <= SPAETESTER_TAG:\n                _TAGE[w] = tag\n",
        "            _TAGE[w] = tag\n            if FRUEHESTER_TAG <= tag <= SPAETESTER_TAG:\n",
    ),
    ("bool nimmt 0/1", "    if w is True or w is False:", "    if w in (True, False):"),
    (
        "int nimmt bool",
        "            if type(w) is int and lo <= w <= hi:",
        "            if isinstance(w, int) and lo <= w <= hi:",
    ),
    (
        "int ohne Grenzen",
        "            if type(w) is int and lo <= w <= hi:",
        "            if type(w) is int:",
    ),
    (
        "text leer erlaubt",
        "    if type(w) is str and w.strip():\n        return w",
        "    if type(w) is str:\n        return w",
    ),
    (
        "id nicht druckbar",
        "    if type(w) is str and 1 <= len(w) <= 128 and w.isprintable():",
        "    if type(w) is str and 1 <= len(w) <= 128:",
    ),
    (
        "id 129",
        "    if type(w) is str and 1 <= len(w) <= 128 and w.isprintable():",
        "    if type(w) is str and 1 <= len(w) <= 129 and w.isprintable():",
    ),
    (
        "id leer",
        "    if type(w) is str and 1 <= len(w) <= 128 and w.isprintable():",
        "    if type(w) is str and 0 <= len(w) <= 128 and w.isprintable():",
    ),
    ("liste ohne mindestens", "                and len(w) >= mindestens\n", ""),
    (
        "liste ohne Eintragstyp",
        "                and all(type(x) is str and x.strip() for x in w)\n",
        "                and all(x for x in w)\n",
    ),
    (
        "liste leere Eintraege",
        "                and all(type(x) is str and x.strip() for x in w)\n",
        "                and all(type(x) is str for x in w)\n",
    ),
    (
        "enum jeder Text",
        "                gelesen = werte.get(w)\n",
        "                gelesen = werte.get(w, w)\n",
    ),
    (
        "fall-id ohne Muster",
        "    if type(w) is str and _FALL_ID.fullmatch(w):",
        "    if type(w) is str:",
    ),
    (
        "objekt nimmt doppelte",
        "    if type(obj) is not dict:\n        raise Zurueck\n    leser",
        "    if not isinstance(obj, dict):\n        raise Zurueck\n    leser",
    ),
    ("pflicht fehlt", "    if not form.pflicht <= out.keys():\n        raise Zurueck\n", ""),
    (
        "ereignis pflicht fehlt",
        "    if not form.pflicht <= felder.keys():\n        raise Zurueck\n",
        "",
    ),
    (
        "ereignis unbekannt ignoriert",
        "            raise Zurueck  # a key this art does not have, or x_ data with a fault inside",
        "            continue",
    ),
    ("ereignis ohne art", "    if type(art) is not str:\n        raise Zurueck\n", ""),
    (
        "unbekannt ignoriert",
        "            raise Zurueck  # an unknown key, or x_ data with a fault inside",
        "            continue",
    ),
    (
        "ohne Hoechstzahl",
        "    if type(w) is not list or len(w) > MAX_EREIGNISSE:",
        "    if type(w) is not list:",
    ),
    (
        "paare verlieren doppelte",
        "    if len(obj) == len(paare):\n        return obj\n",
        "    return obj\n",
    ),
    (
        "schnell faengt alles",
        "    except (Zurueck, KooplanError):\n        pass\n    return fall_genau(obj)",
        "    except Exception:\n        pass\n    return fall_genau(obj)",
    ),
]
TESTS = [
    "tests/test_schnelles_lesen.py",
    "tests/test_vertrag.py",
    "tests/test_haertung.py",
    "tests/test_schema.py",
]


def eins(i_m: tuple[int, tuple[str, str, str]]) -> tuple[str, int, bool, list[str]]:
    i, (name, alt, neu) = i_m
    d = f"{ZIEL}/m{i}"
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(QUELLE + "/src", d + "/src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        QUELLE + "/tests", d + "/tests", ignore=shutil.ignore_patterns("__pycache__", ".hypothesis")
    )
    for f in ("conftest.py", "pyproject.toml"):
        shutil.copy(QUELLE + "/" + f, d)
    p = d + "/src/kooplan/vertrag/laden.py"
    text = Path(p).read_text(encoding="utf-8")
    assert text.count(alt) == 1, (name, text.count(alt))
    Path(p).write_text(text.replace(alt, neu), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=d + "/src")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-x",
            "-q",
            "-p",
            "no:cacheprovider",
            "--no-cov",
            "-o",
            "addopts=",
            *TESTS,
        ],
        cwd=d,
        env=env,
        capture_output=True,
        text=True,
    )
    chk = subprocess.run(
        [sys.executable, "-c", "import kooplan.vertrag.laden as l; print(l.__file__)"],
        cwd=d,
        env=env,
        capture_output=True,
        text=True,
    ).stdout.strip()
    letzte = [z for z in r.stdout.splitlines() if z.strip()][-1:]
    shutil.rmtree(d, ignore_errors=True)
    return name, r.returncode, chk.startswith(d), letzte


def main() -> int:
    ueberlebt = 0
    with ThreadPoolExecutor(os.cpu_count() or 1) as ex:
        for name, rc, kopie, letzte in ex.map(eins, enumerate(M)):
            assert kopie, "the scratch copy was not the one imported"
            ueberlebt += rc == 0
            print(f"{'GETOETET' if rc != 0 else 'UEBERLEBT'} {name:28s} {letzte}", flush=True)
    print(f"{len(M) - ueberlebt} of {len(M)} killed")
    return 1 if ueberlebt else 0


if __name__ == "__main__":
    sys.exit(main())
