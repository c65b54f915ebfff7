"""The benchmark suite (not a test: it prints figures and never fails on time).

Run: ``.venv/bin/python benchmarks/suite.py [--n 20000] [--faktor 10] [--jobs 2] [--json OUT]``
(``--schnell`` for a smoke run on 2,000 cases). In one run it reports:

1. one decision on a folded state;
2. the fold, in events per second on one core;
3. end-to-end JSON Lines, cases per second, against the floor (``boden.py``: parse each line, fold
   its events through a dict, write one JSON line), for
   ``kooplan.batch.entscheide_jsonl`` with one and with ``--jobs`` processes and for the
   ``kooplan entscheide`` command line; each run in a fresh process, on the same input file;
4. peak memory of those runs on the input and on one ``--faktor`` times larger (flat means: the
   same peak): the main process's ``VmHWM`` and the sampled resident memory of its whole process
   tree (with the workers);
5. the projected time for 3.9 million cases of 10 events on ``--jobs`` processes (about as many
   cases as there are erwerbsfähige Leistungsberechtigte nationwide);
6. where the time goes: the end-to-end path split into its steps, measured directly, and a
   cProfile of it (profile before optimising).

Input: ``daten.py`` (plausible cases of exactly 10 events, fixed seed) written to ``--tmp``
(default ``/tmp/kooplan-bench``). Every end-to-end run also reports the CPU time other processes
used meanwhile (from ``/proc/stat``), since a busy machine makes any figure here worse.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import boden  # noqa: E402

import daten  # noqa: E402

#: The case load of the projection: about as many cases as erwerbsfähige Leistungsberechtigte.
ZIEL_FAELLE = 3_900_000


# -- the machine ----------------------------------------------------------------------------------


def maschine() -> dict[str, Any]:
    modell = ""
    try:
        for z in Path("/proc/cpuinfo").read_text().splitlines():
            if z.startswith("model name"):
                modell = z.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "machine": platform.machine(),
        "cpu": modell,
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": f"{platform.system()} {platform.release()}",
        "loadavg": _loadavg(),
    }


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _cpu_busy() -> tuple[float, float]:
    """(busy, steal) CPU seconds of the whole machine since boot, from /proc/stat."""
    try:
        felder = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0, 0.0
    hz = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (felder + [0] * 8)[:8]
    return (user + nice + system + irq + softirq) / hz, steal / hz


# -- one end-to-end run (in a fresh process) ------------------------------------------------------


def lauf(modus: str, eingabe: str, ausgabe: str, jobs: int) -> dict[str, Any]:
    """Run one end-to-end pass in this process and report time and memory (``--lauf``)."""
    import kooplan.batch
    import kooplan.cli

    vorher_mb = _vm("VmHWM") / 1024
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    if modus == "boden":
        with open(eingabe, "rb") as ein, open(ausgabe, "w", encoding="utf-8") as aus:
            n = boden.boden(ein, aus)
    elif modus == "kooplan":
        n = 0
        with open(eingabe, "rb") as ein, open(ausgabe, "w", encoding="utf-8") as aus:
            for z in kooplan.batch.entscheide_jsonl(ein, daten.ANLIEGEN, daten.STICHTAG, jobs=jobs):
                aus.write(z + "\n")
                n += 1
    elif modus == "cli":
        argv = ["entscheide", eingabe, "--anliegen", daten.ANLIEGEN]
        argv += ["--stichtag", daten.STICHTAG.isoformat()]
        fehler = io.StringIO()
        with open(ausgabe, "w", encoding="utf-8") as aus:
            rc = kooplan.cli.main(argv, out=aus, err=fehler)
        assert rc in (0, 1), fehler.getvalue()
        with open(ausgabe, "rb") as f:
            n = sum(1 for _ in f)
    else:
        raise ValueError(modus)
    sekunden = time.perf_counter() - t0
    selbst = resource.getrusage(resource.RUSAGE_SELF)
    kinder = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, after the pool is shut
    cpu = (selbst.ru_utime - r0.ru_utime) + (selbst.ru_stime - r0.ru_stime)
    return {
        "modus": modus,
        "jobs": jobs,
        "faelle": n,
        "sekunden": sekunden,
        "hwm_mb_nach_import": vorher_mb,
        "hwm_mb": _vm("VmHWM") / 1024,
        "cpu_s": cpu + kinder.ru_utime + kinder.ru_stime,
    }


def _vm(feld: str, pid: int | str = "self") -> int:
    """A ``Vm…`` line of /proc/PID/status in kB (0 where there is none). ``VmHWM`` is the peak
    resident set of this process image (``ru_maxrss`` would include the parent's at fork)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for z in f:
                if z.startswith(feld + ":"):
                    return int(z.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _baum_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (the workers), in kB."""
    summe, stapel = 0, [pid]
    while stapel:
        p = stapel.pop()
        summe += _vm("VmRSS", p)
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    stapel.extend(int(x) for x in f.read().split())
        except (OSError, ValueError):
            pass
    return summe


def messen(modus: str, eingabe: Path, jobs: int = 1, pruefen: bool = False) -> dict[str, Any]:
    """One run in a fresh interpreter; adds the CPU time other processes used meanwhile."""
    ausgabe = eingabe.with_name(f"{eingabe.stem}.{modus}.{jobs}.out.jsonl")
    busy0, steal0 = _cpu_busy()
    t0 = time.perf_counter()
    cmd = [sys.executable, __file__, "--lauf", modus, str(eingabe), str(ausgabe), str(jobs)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    spitze_kb = 0
    while proc.poll() is None:  # sample the resident memory of the whole process tree
        spitze_kb = max(spitze_kb, _baum_rss_kb(proc.pid))
        time.sleep(0.05)
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed:\n{stderr}")
    wand = time.perf_counter() - t0
    busy1, steal1 = _cpu_busy()
    r: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    r["eingabe"] = eingabe.name
    r["baum_rss_mb"] = spitze_kb / 1024
    # CPU used by other processes meanwhile (the machine's busy time minus this run's; the
    # run's import time counts as other, a fraction of a second)
    r["fremd_kerne"] = max(0.0, (busy1 - busy0) - r["cpu_s"]) / wand if wand else 0.0
    r["steal_s"] = steal1 - steal0
    r["faelle_je_s"] = r["faelle"] / r["sekunden"]
    r["faelle_je_cpu_s"] = r["faelle"] / r["cpu_s"] if r["cpu_s"] else 0.0
    if pruefen:
        r["sha256"] = hashlib.sha256(ausgabe.read_bytes()).hexdigest()
    ausgabe.unlink()
    return r


# -- the core: one decision on a folded state, the fold ---------------------------------------------


def _bestes(fn: Callable[[], Any], wiederholungen: int = 5) -> float:
    werte = []
    for _ in range(wiederholungen):
        t0 = time.perf_counter()
        fn()
        werte.append(time.perf_counter() - t0)
    return min(werte)


def kern(zeilen: list[bytes]) -> dict[str, Any]:
    import kooplan
    from kooplan.entscheidung import Anliegen, entscheide_zustand
    from kooplan.phasen import falte
    from kooplan.vertrag.ausgabe import entscheidung_als_dict, entscheidung_als_zeile, zeile
    from kooplan.vertrag.laden import fall_aus_json
    from kooplan.werte.zwischenspeicher import alle_leeren

    st = daten.STICHTAG
    anliegen = Anliegen(daten.ANLIEGEN)
    faelle = [fall_aus_json(z) for z in zeilen]
    ereignisse = sum(len(f.ereignisse) for f in faelle)
    zustaende = [falte(f, st) for f in faelle]
    paare = list(zip(faelle, zustaende, strict=True))

    def entscheiden() -> list[Any]:
        return [
            entscheide_zustand(
                z,
                anliegen,
                st,
                fall=f.fall,
                regelbedarfsstufe=f.regelbedarfsstufe,
                geburtsdatum=f.geburtsdatum,
            )
            for f, z in paare
        ]

    entscheidungen = entscheiden()

    def kalt() -> list[Any]:  # every cache emptied first: the first pass over a case load
        alle_leeren()
        return entscheiden()

    t_kalt = _bestes(kalt, 3)
    t_laden = _bestes(lambda: [fall_aus_json(z) for z in zeilen], 3)
    t_falten = _bestes(lambda: [falte(f, st) for f in faelle], 3)
    t_entscheiden = _bestes(entscheiden, 3)
    t_ausgabe = _bestes(
        lambda: [entscheidung_als_zeile(e, i) for i, e in enumerate(entscheidungen)], 3
    )
    t_ausgabe_dict = _bestes(
        lambda: [zeile(entscheidung_als_dict(e, i)) for i, e in enumerate(entscheidungen)], 3
    )
    t_json = _bestes(lambda: [json.loads(z) for z in zeilen], 3)
    objekte = [json.loads(z) for z in zeilen]
    t_boden_falten = _bestes(lambda: [boden.falte(o["ereignisse"]) for o in objekte], 3)
    t_entscheide = _bestes(lambda: [kooplan.entscheide(f, anliegen, st) for f in faelle], 3)

    # one state, as benchmarks/bench_kern.py measures it (a state in kooperation, ohne_rfb)
    z0 = zustaende[0]
    n = 20_000
    t_eins = _bestes(lambda: [entscheide_zustand(z0, anliegen, st) for _ in range(n)], 5) / n
    # the floor of any decision: building the validated Entscheidung from prepared values
    e0 = entscheidungen[0]
    werte = {f.name: getattr(e0, f.name) for f in attrs.fields(type(e0))}
    t_bauen = _bestes(lambda: [type(e0)(**werte) for _ in range(n)], 5) / n
    n_faelle = len(faelle)
    return {
        "faelle": n_faelle,
        "ereignisse": ereignisse,
        "entscheidung_us": t_entscheiden / n_faelle * 1e6,
        "entscheidung_kalt_us": t_kalt / n_faelle * 1e6,
        "entscheidung_ein_zustand_us": t_eins * 1e6,
        "entscheidung_bauen_us": t_bauen * 1e6,
        "entscheidung_phase_ein_zustand": z0.phase.value,
        "falten_ereignisse_je_s": ereignisse / t_falten,
        "falten_us_je_fall": t_falten / n_faelle * 1e6,
        "boden_falten_ereignisse_je_s": ereignisse / t_boden_falten,
        "laden_us": t_laden / n_faelle * 1e6,
        "json_loads_us": t_json / n_faelle * 1e6,
        "entscheide_us": t_entscheide / n_faelle * 1e6,
        "ausgabe_us": t_ausgabe / n_faelle * 1e6,
        "ausgabe_dict_us": t_ausgabe_dict / n_faelle * 1e6,
        "modi": _zaehlen(e.modus.value for e in entscheidungen),
        "phasen": _zaehlen(e.phase.value for e in entscheidungen),
    }


def _zaehlen(werte: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for w in werte:
        out[w] = out.get(w, 0) + 1
    return dict(sorted(out.items()))


def profil(zeilen: list[bytes], top: int = 18) -> dict[str, Any]:
    """cProfile of the end-to-end path (entscheide_jsonl, one process) over ``zeilen``."""
    from kooplan.batch import entscheide_jsonl

    pr = cProfile.Profile()
    pr.enable()
    for _ in entscheide_jsonl(zeilen, daten.ANLIEGEN, daten.STICHTAG):
        pass
    pr.disable()
    stats = pstats.Stats(pr)
    gesamt = stats.total_tt  # type: ignore[attr-defined]
    eintraege = stats.stats  # type: ignore[attr-defined]
    nach_datei: dict[str, float] = {}
    zeilen_top = []
    for (datei, nr, name), (_cc, nc, tt, ct, _callers) in eintraege.items():
        kurz = _kurz(datei)
        nach_datei[kurz] = nach_datei.get(kurz, 0.0) + tt
        zeilen_top.append((tt, ct, nc, f"{kurz}:{nr}({name})"))
    zeilen_top.sort(reverse=True)
    return {
        "gesamt_s": gesamt,
        "faelle": len(zeilen),
        "top": [
            {"tottime_s": tt, "anteil": tt / gesamt, "cumtime_s": ct, "aufrufe": nc, "wo": wo}
            for tt, ct, nc, wo in zeilen_top[:top]
        ],
        "nach_datei": [
            {"datei": d, "tottime_s": t, "anteil": t / gesamt}
            for d, t in sorted(nach_datei.items(), key=lambda x: -x[1])[:12]
        ],
    }


def _kurz(datei: str) -> str:
    for marke in ("/kooplan/", "/attr/", "/json/", "/dateutil/"):
        if marke in datei:
            return datei[datei.index(marke) + 1 :]
    if datei.startswith("<attrs generated"):
        return "attrs-generated " + datei.rsplit(" ", 1)[-1].rstrip(">")
    if datei.startswith("~") or datei.startswith("<"):
        return "builtins"
    return Path(datei).name


# -- report ---------------------------------------------------------------------------------------


def _mb(x: float) -> str:
    return f"{x:,.0f} MB"


def bericht(r: dict[str, Any]) -> str:
    m, k, e2e = r["maschine"], r["kern"], r["e2e"]
    a = []
    a.append("kooplan benchmark suite")
    a.append(
        f"machine: {m['machine']}, {m['cpu']}, nproc {m['nproc']}, {m['implementation']} "
        f"{m['python']}, {m['system']}; load average at start {m['loadavg']}"
    )
    a.append(
        f"input: {r['n']:,} cases of 10 events ({r['mb']:.0f} MB JSON Lines); "
        f"{r['n'] * r['faktor']:,} for the memory check"
    )
    a.append("")
    a.append(
        f"1. decision on a folded state: {k['entscheidung_us']:.1f} µs "
        f"(mean over {k['faelle']:,} states; "
        f"{k['entscheidung_kalt_us']:.1f} µs with every cache emptied before the pass); "
        f"one {k['entscheidung_phase_ein_zustand']} "
        f"state as bench_kern measures it: {k['entscheidung_ein_zustand_us']:.1f} µs; "
        f"building the validated Entscheidung alone: {k['entscheidung_bauen_us']:.1f} µs"
    )
    a.append(
        f"2. fold: {k['falten_ereignisse_je_s']:,.0f} events/s on one core "
        f"({k['falten_us_je_fall']:.0f} µs per case); the floor's dict "
        f"fold: {k['boden_falten_ereignisse_je_s']:,.0f} events/s"
    )
    boden_ = e2e["boden"]
    a.append(
        f"3. end-to-end JSON Lines, {r['n']:,} cases, file to file (fresh process each, best of "
        f"{r['wiederholungen']}; CPU = user + sys of the run and its workers; other = CPU other "
        "processes used meanwhile):"
    )
    for key, name in (
        ("boden", "floor (parse, dict fold, write)"),
        ("kooplan_1", "entscheide_jsonl, 1 process"),
        (f"kooplan_{r['jobs']}", f"entscheide_jsonl, {r['jobs']} processes"),
        ("cli", "kooplan entscheide (command line)"),
    ):
        x = e2e[key]
        a.append(
            f"   {name:34s} {x['sekunden']:7.2f} s {x['faelle_je_s']:8,.0f} cases/s "
            f"{x['sekunden'] / boden_['sekunden']:5.1f}× floor | {x['cpu_s']:7.2f} CPU-s "
            f"{x['faelle_je_cpu_s']:8,.0f} cases/CPU-s {x['cpu_s'] / boden_['cpu_s']:5.1f}× floor"
            f" | other {x['fremd_kerne']:.2f} cores"
        )
    a.append(f"   outputs of 1 process, {r['jobs']} processes and the CLI identical: {r['gleich']}")
    a.append(
        f"4. peak memory, {r['n']:,} → {r['n'] * r['faktor']:,} cases: main process (VmHWM) | "
        "whole process tree (sampled RSS)"
    )
    for key, name in (
        ("boden", "floor"),
        ("kooplan_1", "entscheide_jsonl, 1 process"),
        (f"kooplan_{r['jobs']}", f"entscheide_jsonl, {r['jobs']} processes"),
        ("cli", "kooplan entscheide (command line)"),
    ):
        x1, x10 = e2e[key], r["e2e_gross"].get(key)
        if x10 is None:
            continue
        a.append(
            f"   {name:42s} {_mb(x1['hwm_mb']):>7s} → {_mb(x10['hwm_mb']):>7s} | "
            f"{_mb(x1['baum_rss_mb']):>7s} → {_mb(x10['baum_rss_mb']):>7s}   ({x10['sekunden']:.0f} s, "
            f"{x10['faelle_je_s']:,.0f} cases/s, other {x10['fremd_kerne']:.2f} cores)"
        )
    p = r["projektion"]
    a.append(
        f"5. projected time for {ZIEL_FAELLE:,} cases of 10 events, {r['jobs']} processes: "
        f"{p['sekunden']:,.0f} s = {p['sekunden'] / 60:.1f} min "
        f"as measured ({p['quelle']}); {p['cpu_sekunden']:,.0f} s = "
        f"{p['cpu_sekunden'] / 60:.1f} min on {r['jobs']} otherwise idle cores (from the CPU time "
        "of one process, scaling perfectly)"
    )
    a.append("6. where the time goes, per case (each step measured alone, best of 3):")
    a.append(
        f"   load (fall_aus_json) {k['laden_us']:.0f} µs (of which json.loads "
        f"{k['json_loads_us']:.0f} µs) | entscheide (fold + decide) {k['entscheide_us']:.0f} µs "
        f"(fold {k['falten_us_je_fall']:.0f}, decide {k['entscheidung_us']:.0f}) | output "
        f"(entscheidung_als_zeile) {k['ausgabe_us']:.0f} µs (as dict + json.dumps: "
        f"{k['ausgabe_dict_us']:.0f} µs)"
    )
    pr = r["profil"]
    a.append(
        f"   cProfile of entscheide_jsonl over {pr['faelle']:,} cases "
        f"({pr['gesamt_s']:.2f} s with the profiler on), by file (tottime):"
    )
    for d in pr["nach_datei"][:10]:
        a.append(f"     {d['anteil'] * 100:5.1f} %  {d['datei']}")
    a.append("   top functions (tottime):")
    for t in pr["top"][:15]:
        a.append(f"     {t['anteil'] * 100:5.1f} %  {t['aufrufe']:>9,}×  {t['wo']}")
    a.append(f"   modes decided: {k['modi']}; phases: {k['phasen']}")
    return "\n".join(a)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--faktor", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tmp", type=Path, default=Path("/tmp/kooplan-bench"))
    ap.add_argument("--wiederholungen", type=int, default=2, help="end-to-end runs per mode")
    ap.add_argument("--json", type=Path, help="also write all figures as JSON")
    ap.add_argument("--schnell", action="store_true", help="smoke run: 2,000 cases, factor 2")
    ap.add_argument(
        "--lauf", nargs=4, metavar=("MODUS", "IN", "OUT", "JOBS"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()
    if args.lauf:
        modus, ein, aus, jobs = args.lauf
        print(json.dumps(lauf(modus, ein, aus, int(jobs))))
        return
    if args.schnell:
        args.n, args.faktor, args.wiederholungen = 2_000, 2, 1

    r: dict[str, Any] = {
        "maschine": maschine(),
        "n": args.n,
        "faktor": args.faktor,
        "jobs": args.jobs,
        "wiederholungen": args.wiederholungen,
        "datum": dt.datetime.now().isoformat(timespec="seconds"),
    }
    klein = daten.schreiben(args.n, args.tmp / f"faelle-{args.n}.jsonl")
    gross = daten.schreiben(args.n * args.faktor, args.tmp / f"faelle-{args.n * args.faktor}.jsonl")
    r["mb"] = klein.stat().st_size / 1e6
    zeilen = klein.read_bytes().splitlines()[:2000]

    print("core figures …", file=sys.stderr)
    r["kern"] = kern(zeilen)
    print("profile …", file=sys.stderr)
    r["profil"] = profil(zeilen)

    laeufe = [("boden", "boden", 1)]
    laeufe += [(f"kooplan_{j}", "kooplan", j) for j in sorted({1, args.jobs})]
    laeufe += [("cli", "cli", 1)]
    e2e: dict[str, Any] = {}
    for runde in range(args.wiederholungen):  # alternating, so that a busy spell hits all
        for key, modus, jobs in laeufe:
            print(f"end-to-end {runde + 1}/{args.wiederholungen}: {key} …", file=sys.stderr)
            x = messen(modus, klein, jobs, pruefen=modus != "boden")
            if key not in e2e or x["sekunden"] < e2e[key]["sekunden"]:
                e2e[key] = x
    r["e2e"] = e2e
    r["gleich"] = len({e2e[k]["sha256"] for k in e2e if "sha256" in e2e[k]}) == 1

    g: dict[str, Any] = {}
    for key, modus, jobs in laeufe:
        print(f"memory, {args.n * args.faktor:,} cases: {key} …", file=sys.stderr)
        g[key] = messen(modus, gross, jobs)
    r["e2e_gross"] = g

    # the projection from the longest run with --jobs processes (wall time, file to file), and
    # from the CPU time per case of one process on otherwise idle cores
    quelle = g[f"kooplan_{args.jobs}"]
    r["projektion"] = {
        "sekunden": ZIEL_FAELLE / quelle["faelle_je_s"],
        "cpu_sekunden": ZIEL_FAELLE / (g["kooplan_1"]["faelle_je_cpu_s"] * args.jobs),
        "quelle": f"the {quelle['faelle']:,}-case run on {args.jobs} processes",
    }
    r["maschine"]["loadavg_ende"] = _loadavg()
    text = bericht(r)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(r, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
