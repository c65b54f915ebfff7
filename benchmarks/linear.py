"""Time per event for cases of 10, 100, 1,000 and 10,000 events (not a test: it prints figures).

Run: ``.venv/bin/python benchmarks/linear.py [--wiederholungen 3] [--json OUT]`` (``--schnell``
for a smoke run). Every valid case must take time linear in its number of events; this script
shows it as the time per event for each size and each pattern, and the ratio of the largest to
the smallest time per event (flat within 2× is the goal).

The cases are legal histories built to hit the paths that were quadratic once:

* ``termine``: long runs of missed meetings, each with the ``id`` of its invitation (the fold
  looked the invitation up in a dict rebuilt per event) and now and then a wichtiger Grund
  shown later for an earlier miss (the missed meetings were rebuilt per excuse);
* ``x_daten``: as ``termine``, and every other invitation and miss carries the caller's own ``x_``
  data (read by the exact reader, which scanned every event for each ``bezug``);
* ``mitwirkung``: Mitwirkungen demanded and not rendered, some excused later, some rendered;
* ``gemischt``: all of the above in one case.

The first table is the time per event (a case's time divided by its events); it includes what
every case costs whatever its events (the decision's reasons, notes and Rechtsfolgen), which
weighs on the smallest case. The second table is the cost of each further event (the time beyond
that of the 10-event case, divided by the further events), and the cost per case that remains:
a path that is quadratic in the events makes the cost of a further event grow with the size.

Each figure is reading the JSON text (``fall_aus_json``) plus the decision (``entscheide``),
the best of ``--wiederholungen`` runs after one run to warm kooplan's caches (as in a case load),
in one process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from collections.abc import Callable
from typing import Any

import kooplan
from kooplan.vertrag.laden import fall_aus_json

GROESSEN = (10, 100, 1_000, 10_000)
STICHTAG = dt.date(2099, 6, 1)
ANLIEGEN = "einladung"


class _Bau:
    """Events on increasing days, at most three a day (same-day events keep their order)."""

    def __init__(self) -> None:
        self.ereignisse: list[dict[str, Any]] = []
        self.tag = dt.date(2023, 7, 3)
        self.heute = 0

    def e(self, art: str, **felder: Any) -> None:
        if self.heute == 3:
            self.tag += dt.timedelta(days=1)
            self.heute = 0
        self.heute += 1
        self.ereignisse.append({"art": art, "am": self.tag.isoformat(), **felder})


def _termine(n: int, x: bool = False) -> list[dict[str, Any]]:
    b = _Bau()
    b.e("plan_erstellt", plan={"eingliederungsziel": "Ziel", "schritte": ["Schritt"]})
    k = 0
    while len(b.ereignisse) < n:
        k += 1
        extra = {"x_v": {"k": [k]}} if x and k % 2 else {}
        b.e("einladung_versandt", id=f"e{k}", rfb=k % 2 == 0, **extra)
        b.e("termin_versaeumt", id=f"t{k}", einladung=f"e{k}", wichtiger_grund=False, **extra)
        if k % 5 == 0:
            b.e("wichtiger_grund_nachgewiesen", bezug=f"t{k - 3}", **extra)
    return b.ereignisse[:n]


def _mitwirkung(n: int, x: bool = False) -> list[dict[str, Any]]:
    b = _Bau()
    b.e("plan_erstellt", plan={"eingliederungsziel": "Ziel", "schritte": ["Schritt"]})
    k = 0
    arten = ("massnahme", "eigenbemuehungen")
    while len(b.ereignisse) < n:
        k += 1
        extra: dict[str, Any] = {"x_v": [k]} if x and k % 4 == 0 else {}
        if k % 2:
            extra["id"] = f"m{k}"  # excused below
        b.e("mitwirkung_unterblieben", mitwirkung=arten[k % 2], wichtiger_grund=False, **extra)
        if k % 2 == 0:
            b.e("wichtiger_grund_nachgewiesen", bezug=f"m{k - 1}")
        if k % 7 == 0:
            b.e("mitwirkung_erbracht", mitwirkung=arten[k % 2])
    return b.ereignisse[:n]


def _gemischt(n: int) -> list[dict[str, Any]]:
    a = _termine(n // 2 + 1, x=True)
    m = _mitwirkung(n - len(a) + 1, x=True)[1:]  # without its second plan_erstellt
    # the Mitwirkung events after the meetings, on later days (ids do not clash)
    letzter = dt.date.fromisoformat(a[-1]["am"])
    erster = dt.date.fromisoformat(m[0]["am"]) if m else letzter
    versatz = letzter - erster + dt.timedelta(days=1)
    for e in m:
        e["am"] = (dt.date.fromisoformat(e["am"]) + versatz).isoformat()
    return (a + m)[:n]


MUSTER: dict[str, Callable[[int], list[dict[str, Any]]]] = {
    "termine": _termine,
    "x_daten": lambda n: _termine(n, x=True),
    "mitwirkung": _mitwirkung,
    "gemischt": _gemischt,
}


def fall_text(muster: str, n: int) -> bytes:
    """The contract JSON of a case of ``n`` events of ``muster``."""
    ereignisse = MUSTER[muster](n)
    assert len(ereignisse) == n, (muster, n, len(ereignisse))
    obj = {
        "schema": "kooplan/fall/1",
        "fall": f"LIN-{muster}-{n}",
        "x_system": {"quelle": "benchmark"},
        "ereignisse": ereignisse,
    }
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def einmal(text: bytes) -> float:
    t0 = time.perf_counter()
    fall = fall_aus_json(text)
    kooplan.entscheide(fall, ANLIEGEN, STICHTAG)
    return time.perf_counter() - t0


def messen(wiederholungen: int, groessen: tuple[int, ...]) -> dict[str, Any]:
    ergebnis: dict[str, Any] = {}
    for muster in MUSTER:
        zeilen = {}
        for n in groessen:
            text = fall_text(muster, n)
            einmal(text)  # warm: kooplan's caches hold what a case load brings back
            bestes = min(einmal(text) for _ in range(wiederholungen))
            zeilen[n] = {"bytes": len(text), "sekunden": bestes, "us_je_ereignis": bestes / n * 1e6}
        werte = [z["us_je_ereignis"] for z in zeilen.values()]
        # the cost of each further event: what a quadratic path would make grow with the size
        klein = groessen[0]
        grenz = [
            (zeilen[n]["sekunden"] - zeilen[klein]["sekunden"]) / (n - klein) * 1e6
            for n in groessen[1:]
        ]
        ergebnis[muster] = {
            "groessen": zeilen,
            "verhaeltnis": max(werte) / min(werte),
            "us_je_weiteres_ereignis": grenz,
            "verhaeltnis_weiteres": max(grenz) / min(grenz),
            "us_je_fall": zeilen[klein]["sekunden"] * 1e6 - grenz[0] * klein,
        }
    return ergebnis


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wiederholungen", type=int, default=3)
    ap.add_argument("--schnell", action="store_true", help="1 run, sizes up to 1,000")
    ap.add_argument("--json", metavar="OUT", help="the figures as JSON")
    args = ap.parse_args()
    groessen = GROESSEN[:3] if args.schnell else GROESSEN
    ergebnis = messen(1 if args.schnell else args.wiederholungen, groessen)
    print(
        f"kooplan {kooplan.__version__}, CPython {platform.python_version()}, {platform.machine()}"
    )
    kopf = "".join(f"{n:>12,}" for n in groessen)
    print(f"{'µs per event':<14}{kopf}   largest/smallest")
    for muster, r in ergebnis.items():
        werte = "".join(f"{z['us_je_ereignis']:>12.1f}" for z in r["groessen"].values())
        print(f"{muster:<14}{werte}   {r['verhaeltnis']:.2f}×")
    kb = "".join(f"{z['bytes'] / 1000:>11.0f}k" for z in ergebnis["gemischt"]["groessen"].values())
    print(f"{'(gemischt: KB)':<14}{kb}")
    print()
    print(
        f"{'µs per further':<14}{'':>12}"
        + "".join(f"{n:>12,}" for n in groessen[1:])
        + "   largest/smallest   µs per case"
    )
    for muster, r in ergebnis.items():
        werte = "".join(f"{w:>12.1f}" for w in r["us_je_weiteres_ereignis"])
        print(
            f"{muster:<14}{'':>12}{werte}   {r['verhaeltnis_weiteres']:.2f}×{r['us_je_fall']:>18.0f}"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(ergebnis, f, indent=2)
    sys.exit(0)


if __name__ == "__main__":
    main()
