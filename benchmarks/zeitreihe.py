"""Panel benchmark (a script, not a test): 36 monthly Stichtage, one fold per case, against
one Stichtag and against 36 separate runs, measured in one run on the same input.

Run: ``.venv/bin/python benchmarks/zeitreihe.py [--n 2000]`` (``--schnell``: 200 cases).
It prints the seconds of each way and the ratios; the outputs of the panel and of the separate
runs are compared line by line (the panel's line for case k at Stichtag j is run j's line k).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import daten
from kooplan.batch import entscheide_jsonl, entscheide_zeitreihe_jsonl, monatsenden


def _zeit(fn: object) -> tuple[float, list[str]]:
    t0 = time.perf_counter()
    out = fn()  # type: ignore[operator]
    return time.perf_counter() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--schnell", action="store_true")
    a = ap.parse_args()
    n = 200 if a.schnell else a.n
    zeilen = list(daten.zeilen(n))
    tage = monatsenden(dt.date(2024, 1, 1), dt.date(2026, 12, 31))
    ein_tag = tage[-1]
    eins, _ = _zeit(lambda: list(entscheide_jsonl(zeilen, daten.ANLIEGEN, ein_tag)))
    panel, p_out = _zeit(lambda: list(entscheide_zeitreihe_jsonl(zeilen, daten.ANLIEGEN, tage)))
    einzeln, e_out = _zeit(
        lambda: [list(entscheide_jsonl(zeilen, daten.ANLIEGEN, t)) for t in tage]
    )
    gleich = p_out == [lauf[k] for k in range(n) for lauf in e_out]  # type: ignore[index]
    print(f"{n:,} cases of 10 events, {len(tage)} monthly Stichtage, one process")
    print(f"  one Stichtag:           {eins:7.2f} s  1.0x")
    print(f"  panel, one fold/case:   {panel:7.2f} s  {panel / eins:4.1f}x one Stichtag")
    print(
        f"  {len(tage)} separate runs:       {einzeln:7.2f} s  {einzeln / eins:4.1f}x one Stichtag"
    )
    print(f"  separate / panel: {einzeln / panel:.1f}x; outputs identical: {gleich}")


if __name__ == "__main__":
    main()
