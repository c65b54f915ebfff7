"""Growth of the cost, in one run, against the floor (a script, not a test: it prints figures).

Run: ``.venv/bin/python benchmarks/wachstum.py [--json OUT]`` (``--schnell`` for a smoke run).
Three axes, each measured for kooplan and for the floor (``boden.py``: parse each line, fold its
events through a dict, write one JSON line; it checks nothing):

1. **events per case** (1, 10, 100, 1,000, 10,000): legal histories of ``linear.py``'s mixed
   pattern (missed meetings with their invitations, wichtiger Grund shown later, Mitwirkungen
   demanded, excused and rendered, the caller's ``x_`` data), about ``--ereignisse`` events per
   size in all, so every size does the same amount of event work; in this process, JSON Lines in
   memory through ``entscheide_jsonl`` and through ``boden.boden``, best of ``--wiederholungen``;
2. **cases per file** (``--groessen``, default 1,000, 10,000, 100,000 cases of 10 events from
   ``daten.py``): end-to-end file to file in a fresh process each (``suite.messen``), one process;
3. **the panel**: 36 month ends (2024-01 to 2026-12) on the same ``--panel`` cases of 10 events,
   in this process: one Stichtag, the panel (``entscheide_zeitreihe_jsonl``, one fold per case),
   and 36 separate runs of ``entscheide_jsonl``; the floor of each is ``boden.boden`` once, the
   floor's panel ``boden.boden_stichtage`` (one parse and one pass per case) and 36 runs of
   ``boden.boden``. The outputs of the panel and of the separate runs are compared line by line.

The table of ratios at the end puts each figure against the floor and against the smallest
size of its axis (a cost that grows faster than the input shows as a ratio above 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import boden  # noqa: E402
import linear  # noqa: E402
import suite  # noqa: E402

import daten  # noqa: E402
from kooplan.batch import entscheide_jsonl, entscheide_zeitreihe_jsonl, monatsenden  # noqa: E402

EREIGNISSE_JE_FALL = (1, 10, 100, 1_000, 10_000)
FAELLE_JE_DATEI = (1_000, 10_000, 100_000)
MONATSENDEN = monatsenden(dt.date(2024, 1, 1), dt.date(2026, 12, 31))


class _Null(io.TextIOBase):
    """An output that keeps nothing (the floor writes its lines here, as kooplan's are consumed)."""

    def write(self, s: str) -> int:
        return len(s)


def _kooplan(zeilen: list[bytes], anliegen: str, stichtag: dt.date) -> int:
    n = 0
    for z in entscheide_jsonl(zeilen, anliegen, stichtag):
        n += len(z)
    return n


# -- 1. events per case ---------------------------------------------------------------------------


def ereignisse_je_fall(budget: int, wiederholungen: int) -> list[dict[str, Any]]:
    out = []
    for n in EREIGNISSE_JE_FALL:
        faelle = max(1, budget // n)
        text = linear.fall_text("gemischt", n)
        zeilen = [text] * faelle
        _kooplan(zeilen[:1], linear.ANLIEGEN, linear.STICHTAG)  # warm the caches, as a load does
        t_k, _ = daten.bestes(
            lambda z=zeilen: _kooplan(z, linear.ANLIEGEN, linear.STICHTAG), wiederholungen
        )
        t_b, _ = daten.bestes(lambda z=zeilen: boden.boden(z, _Null()), wiederholungen)
        out.append(
            {
                "ereignisse": n,
                "faelle": faelle,
                "bytes_je_fall": len(text),
                "kooplan_s": t_k,
                "boden_s": t_b,
                "kooplan_us_je_fall": t_k / faelle * 1e6,
                "boden_us_je_fall": t_b / faelle * 1e6,
                "kooplan_us_je_ereignis": t_k / (faelle * n) * 1e6,
                "boden_us_je_ereignis": t_b / (faelle * n) * 1e6,
            }
        )
        print(f"  events per case {n:>6,}: {faelle:,} cases done", file=sys.stderr)
    return out


# -- 2. cases per file ----------------------------------------------------------------------------


def faelle_je_datei(groessen: tuple[int, ...], tmp: Path) -> list[dict[str, Any]]:
    out = []
    for n in groessen:
        datei = daten.schreiben(n, tmp / f"faelle-{n}.jsonl")
        b = suite.messen("boden", datei)
        k = suite.messen("kooplan", datei, 1)
        out.append(
            {
                "faelle": n,
                "mb": datei.stat().st_size / 1e6,
                "kooplan_s": k["sekunden"],
                "boden_s": b["sekunden"],
                "kooplan_faelle_je_s": k["faelle_je_s"],
                "boden_faelle_je_s": b["faelle_je_s"],
                "kooplan_hwm_mb": k["hwm_mb"],
                "fremd_kerne": k["fremd_kerne"],
            }
        )
        print(f"  cases per file {n:>7,}: done", file=sys.stderr)
    return out


# -- 3. the panel ---------------------------------------------------------------------------------


def panel(n: int, wiederholungen: int) -> dict[str, Any]:
    zeilen = list(daten.zeilen(n))
    tage = MONATSENDEN
    iso = [t.isoformat() for t in tage]
    a = daten.ANLIEGEN
    _kooplan(zeilen[:50], a, tage[-1])  # warm
    eins, _ = daten.bestes(lambda: _kooplan(zeilen, a, tage[-1]), wiederholungen)
    reihe, p_out = daten.bestes(lambda: list(entscheide_zeitreihe_jsonl(zeilen, a, tage)), 1)
    einzeln, e_out = daten.bestes(lambda: [list(entscheide_jsonl(zeilen, a, t)) for t in tage], 1)
    gleich = p_out == [lauf[k] for k in range(n) for lauf in e_out]
    b_eins, _ = daten.bestes(lambda: boden.boden(zeilen, _Null()), wiederholungen)
    b_reihe, _ = daten.bestes(lambda: boden.boden_stichtage(zeilen, _Null(), iso), wiederholungen)
    b_einzeln, _ = daten.bestes(lambda: [boden.boden(zeilen, _Null()) for _ in tage], 1)
    print("  panel: done", file=sys.stderr)
    return {
        "faelle": n,
        "stichtage": len(tage),
        "gleich": gleich,
        "kooplan_s": {"eins": eins, "panel": reihe, "einzeln": einzeln},
        "boden_s": {"eins": b_eins, "panel": b_reihe, "einzeln": b_einzeln},
    }


# -- report ---------------------------------------------------------------------------------------


def bericht(r: dict[str, Any]) -> str:
    m = r["maschine"]
    a = ["kooplan: growth of the cost against the floor"]
    a.append(
        f"machine: {m['machine']}, {m['cpu']}, nproc {m['nproc']}, {m['implementation']} "
        f"{m['python']}, {m['system']}; load average at start {m['loadavg']}, at end "
        f"{m.get('loadavg_ende', '?')}"
    )
    a.append("")
    e = r["ereignisse_je_fall"]
    basis = next(x for x in e if x["ereignisse"] == 10)
    a.append(
        f"1. events per case (mixed legal histories, about {r['budget']:,} events per size, "
        f"in memory, best of {r['wiederholungen']}; Stichtag {linear.STICHTAG}):"
    )
    a.append(
        f"   {'events':>7} {'cases':>7} {'kooplan µs/case':>16} {'floor µs/case':>14} "
        f"{'kooplan µs/event':>17} {'floor µs/event':>15} {'kooplan/floor':>14} "
        f"{'µs/event vs 10':>15}"
    )
    for x in e:
        a.append(
            f"   {x['ereignisse']:>7,} {x['faelle']:>7,} {x['kooplan_us_je_fall']:>16,.1f} "
            f"{x['boden_us_je_fall']:>14,.1f} {x['kooplan_us_je_ereignis']:>17.2f} "
            f"{x['boden_us_je_ereignis']:>15.2f} {x['kooplan_s'] / x['boden_s']:>13.1f}× "
            f"{x['kooplan_us_je_ereignis'] / basis['kooplan_us_je_ereignis']:>14.3f}×"
        )
    weiter = [
        (x["ereignisse"], (x[s] - basis[s]) / (x["ereignisse"] - 10))
        for x in e
        if x["ereignisse"] > 10
        for s in ("kooplan_us_je_fall",)
    ]
    a.append(
        "   kooplan's cost of each further event beyond 10, by size (µs): "
        + ", ".join(f"{n:,}: {w:.2f}" for n, w in weiter)
    )
    f = r["faelle_je_datei"]
    a.append("")
    a.append(
        "2. cases per file (10 events each, file to file, fresh process each, 1 process; other = "
        "CPU of other processes meanwhile, the run's own start counted in):"
    )
    a.append(
        f"   {'cases':>8} {'MB':>6} {'kooplan s':>10} {'floor s':>8} {'kooplan cases/s':>16} "
        f"{'floor cases/s':>14} {'kooplan/floor':>14} {'s/case vs smallest':>19} {'peak MB':>8} "
        f"{'other cores':>12}"
    )
    klein = f[0]
    for x in f:
        a.append(
            f"   {x['faelle']:>8,} {x['mb']:>6.0f} {x['kooplan_s']:>10.3f} {x['boden_s']:>8.3f} "
            f"{x['kooplan_faelle_je_s']:>16,.0f} {x['boden_faelle_je_s']:>14,.0f} "
            f"{x['kooplan_s'] / x['boden_s']:>13.1f}× "
            f"{klein['kooplan_faelle_je_s'] / x['kooplan_faelle_je_s']:>18.3f}× "
            f"{x['kooplan_hwm_mb']:>8.0f} {x['fremd_kerne']:>12.2f}"
        )
    p = r["panel"]
    k, b = p["kooplan_s"], p["boden_s"]
    a.append("")
    a.append(
        f"3. panel: {p['faelle']:,} cases of 10 events, {p['stichtage']} month ends, in memory, "
        "one process (outputs of the panel and the separate runs identical: "
        f"{p['gleich']}):"
    )
    a.append(
        f"   {'':34} {'kooplan s':>10} {'floor s':>8} {'kooplan/floor':>14} "
        f"{'kooplan vs 1 Stichtag':>22} {'floor vs 1 Stichtag':>20}"
    )
    for key, name in (
        ("eins", "one Stichtag"),
        ("panel", f"panel of {p['stichtage']} (one fold per case)"),
        ("einzeln", f"{p['stichtage']} separate runs"),
    ):
        a.append(
            f"   {name:34} {k[key]:>10.3f} {b[key]:>8.3f} {k[key] / b[key]:>13.1f}× "
            f"{k[key] / k['eins']:>21.1f}× {b[key] / b['eins']:>19.1f}×"
        )
    a.append(
        f"   separate runs / panel: kooplan {k['einzeln'] / k['panel']:.1f}×, floor "
        f"{b['einzeln'] / b['panel']:.1f}×; per further Stichtag kooplan "
        f"{(k['panel'] - k['eins']) / (p['stichtage'] - 1) / p['faelle'] * 1e6:.1f} µs per case, "
        f"floor {(b['panel'] - b['eins']) / (p['stichtage'] - 1) / p['faelle'] * 1e6:.1f} µs"
    )
    return "\n".join(a)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ereignisse", type=int, default=50_000, help="events per size, axis 1")
    ap.add_argument(
        "--groessen",
        type=lambda s: tuple(int(x) for x in s.split(",")),
        default=FAELLE_JE_DATEI,
        help="cases per file, axis 2 (comma-separated)",
    )
    ap.add_argument("--panel", type=int, default=1_000, help="cases of the panel, axis 3")
    ap.add_argument("--wiederholungen", type=int, default=2)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/kooplan-bench"))
    ap.add_argument("--json", type=Path, help="also write all figures as JSON")
    ap.add_argument("--bericht", type=Path, help=argparse.SUPPRESS)  # print a saved --json
    ap.add_argument("--schnell", action="store_true", help="smoke run: small sizes, one run")
    args = ap.parse_args()
    if args.bericht:
        print(bericht(json.loads(args.bericht.read_text())))
        return
    if args.schnell:
        args.ereignisse, args.groessen, args.panel, args.wiederholungen = (
            10_000,
            (200, 2_000),
            100,
            1,
        )
    r: dict[str, Any] = {
        "maschine": suite.maschine(),
        "budget": args.ereignisse,
        "wiederholungen": args.wiederholungen,
        "datum": dt.datetime.now().isoformat(timespec="seconds"),
    }
    print("1. events per case …", file=sys.stderr)
    r["ereignisse_je_fall"] = ereignisse_je_fall(args.ereignisse, args.wiederholungen)
    print("2. cases per file …", file=sys.stderr)
    r["faelle_je_datei"] = faelle_je_datei(args.groessen, args.tmp)
    print("3. panel …", file=sys.stderr)
    r["panel"] = panel(args.panel, args.wiederholungen)
    r["maschine"]["loadavg_ende"] = suite.maschine()["loadavg"]
    print(bericht(r))
    if args.json:
        args.json.write_text(json.dumps(r, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
