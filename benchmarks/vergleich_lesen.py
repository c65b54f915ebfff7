"""Two versions of kooplan compared in one run (a script, not a test): reading cases with
``fall_aus_objekt`` and ``kooplan entscheide`` end to end.

Run: ``.venv/bin/python benchmarks/vergleich_lesen.py ALT_SRC NEU_SRC [--n 10000] [--runden 5]``
where ``ALT_SRC`` and ``NEU_SRC`` are the ``src`` folders of two checkouts (e.g. two git
worktrees). The corpus is ``daten.py``'s (cases of 10 events, fixed seed), written once.

Each round runs, for each version in turn (the order alternates from round to round), a fresh
process with that ``src`` first on ``sys.path``: one that parses every line once and then reads
all the parsed cases with ``fall_aus_objekt`` (best of three passes, CPU time of the process),
and one ``python -m kooplan entscheide`` over the file (CPU time of the child, output to a file).
The outputs of the two versions are compared byte for byte. It prints the ratio old/new of each
round and their median: on a shared, noisy machine the ratios mean more than the times.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent

_LESEN = """
import json, sys, time
from kooplan.vertrag.laden import fall_aus_objekt
import kooplan
assert kooplan.__file__.startswith(sys.argv[2]), kooplan.__file__
objekte = [json.loads(z) for z in open(sys.argv[1], encoding="utf-8")]
beste = None
for _ in range(3):
    t = time.process_time()
    for o in objekte:
        fall_aus_objekt(o)
    d = time.process_time() - t
    beste = d if beste is None else min(beste, d)
print(beste)
"""


def _umgebung(src: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = src
    return env


def lesen(src: str, datei: str) -> float:
    aus = subprocess.run(
        [sys.executable, "-c", _LESEN, datei, src],
        env=_umgebung(src),
        check=True,
        capture_output=True,
        text=True,
    )
    return float(aus.stdout.strip())


def entscheiden(src: str, datei: str, ziel: str) -> tuple[float, str]:
    vorher = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(ziel, "wb") as aus:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kooplan",
                "entscheide",
                "--anliegen",
                "massnahme",
                "--stichtag",
                "2025-06-30",
                datei,
            ],
            env=_umgebung(src),
            check=True,
            stdout=aus,
        )
    nachher = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (nachher.ru_utime - vorher.ru_utime) + (nachher.ru_stime - vorher.ru_stime)
    return cpu, hashlib.sha256(Path(ziel).read_bytes()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("alt")
    ap.add_argument("neu")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--runden", type=int, default=5)
    args = ap.parse_args()
    alt, neu = str(Path(args.alt).resolve()), str(Path(args.neu).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        datei = str(Path(tmp) / "faelle.jsonl")
        subprocess.run(
            [sys.executable, str(HIER / "daten.py"), str(args.n), datei],
            env=_umgebung(neu),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"{args.n:,} cases; load average at start {os.getloadavg()}")
        r_lesen: list[float] = []
        r_cli: list[float] = []
        for runde in range(args.runden):
            reihe = [("alt", alt), ("neu", neu)]
            if runde % 2:
                reihe.reverse()
            t_lesen: dict[str, float] = {}
            t_cli: dict[str, float] = {}
            hashes: dict[str, str] = {}
            for name, src in reihe:
                t_lesen[name] = lesen(src, datei)
                t_cli[name], hashes[name] = entscheiden(src, datei, str(Path(tmp) / name))
            assert hashes["alt"] == hashes["neu"], "the two versions wrote different output"
            r_lesen.append(t_lesen["alt"] / t_lesen["neu"])
            r_cli.append(t_cli["alt"] / t_cli["neu"])
            print(
                f"round {runde + 1}: fall_aus_objekt {t_lesen['alt']:.3f} s / "
                f"{t_lesen['neu']:.3f} s = {r_lesen[-1]:.2f} | kooplan entscheide "
                f"{t_cli['alt']:.2f} s / {t_cli['neu']:.2f} s = {r_cli[-1]:.2f} | output identical",
                flush=True,
            )
        print(
            f"median ratio old/new: fall_aus_objekt {statistics.median(r_lesen):.2f} "
            f"({min(r_lesen):.2f}–{max(r_lesen):.2f}), kooplan entscheide "
            f"{statistics.median(r_cli):.2f} ({min(r_cli):.2f}–{max(r_cli):.2f}); "
            f"load average at end {os.getloadavg()}; {time.strftime('%Y-%m-%d')}"
        )


if __name__ == "__main__":
    main()
