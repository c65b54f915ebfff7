"""Benchmark of the core (not a test): one decision on a folded state, and fold throughput.

Run: ``.venv/bin/python benchmarks/bench_kern.py``. Prints the figures; never fails on time.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import time

import kooplan
from kooplan import Anliegen, Mitwirkung
from kooplan.phasen import falte

D = dt.date


def _fall(i: int, rng: random.Random) -> kooplan.Fall:
    """A plausible case of 10 events in regime B."""
    tag = D(2023, 9, 1) + dt.timedelta(days=rng.randrange(200))
    ev: list[kooplan.Ereignis] = [kooplan.EinladungVersandt(am=tag)]
    tag += dt.timedelta(days=7)
    ev.append(kooplan.TerminWahrgenommen(am=tag))
    ev.append(kooplan.PlanErstellt(am=tag))
    for _ in range(3):
        tag += dt.timedelta(days=rng.randrange(10, 40))
        art = rng.choice(list(Mitwirkung))
        ev.append(kooplan.MitwirkungUnterblieben(am=tag, mitwirkung=art, wichtiger_grund=False))
        tag += dt.timedelta(days=rng.randrange(5, 20))
        ev.append(kooplan.MitwirkungErbracht(am=tag, mitwirkung=art))
    tag += dt.timedelta(days=30)
    ev.append(kooplan.PlanFortgeschrieben(am=tag))
    return kooplan.Fall(f"B-{i}", ev[:10])


def _zeit(fn, n: int, wiederholungen: int = 5) -> float:
    """Best of ``wiederholungen`` runs, seconds per call."""
    werte = []
    for _ in range(wiederholungen):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        werte.append((time.perf_counter() - t0) / n)
    return min(werte)


def main() -> None:
    rng = random.Random(1)
    faelle = [_fall(i, rng) for i in range(2000)]
    stichtag = D(2026, 1, 15)
    zustand = falte(faelle[0], stichtag)

    t_decide = _zeit(
        lambda: kooplan.entscheide_zustand(zustand, Anliegen.MASSNAHME, stichtag), 20000
    )
    events = sum(len(f.ereignisse) for f in faelle)
    t0 = time.perf_counter()
    for f in faelle:
        falte(f, stichtag)
    t_fold = time.perf_counter() - t0
    t_e2e = _zeit(lambda: kooplan.entscheide(faelle[1], Anliegen.MASSNAHME, stichtag), 2000)

    print(f"machine: {platform.machine()}, python {platform.python_version()}")
    print(f"decision on a folded state: {t_decide * 1e6:.2f} µs")
    pro_fall = t_fold / len(faelle) * 1e6
    print(f"fold: {events / t_fold:,.0f} events/s ({pro_fall:.1f} µs per case of 10 events)")
    print(f"fold + decide, one case of 10 events: {t_e2e * 1e6:.1f} µs")
    print("(best of 5 runs for the per-call figures; one pass for the fold)")


if __name__ == "__main__":
    main()
