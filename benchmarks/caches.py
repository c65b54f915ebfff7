"""Cache benchmark (a script, not a test): what each of kooplan's caches saves end to end.

Run: ``.venv/bin/python benchmarks/caches.py [--n 5000] [--runden 7] [--json OUT]``
(``--anliegen``/``--stichtag`` to decide the corpus for another Anliegen or day; ``--schnell``
for a smoke run on 500 cases and 2 rounds).

The corpus is the suite's (``daten.py``: cases of 10 events, fixed seed), decided as JSON Lines by
``kooplan.batch.entscheide_jsonl`` on one process, from lines in memory. Each round decides it
once with every cache, once with each cache disabled in turn, and once more with every cache (the
two runs with all caches give the noise: their ratio would be 1.00 on a quiet machine); the order
of the runs rotates from round to round. Every run starts with all caches empty, so it pays for
filling them, as one command-line run does.

It measures every cache kooplan registers (``kooplan.werte.zwischenspeicher.belegung()``, every
module of kooplan imported first) and stops with a message naming the difference when its list
``CACHES`` names one more or one less. A cache is disabled where its module looks it up: a function kept by ``functools.lru_cache`` is
replaced by its uncached ``__wrapped__``; a dict cache is replaced by a dict that stores but
never hits (its ``get`` is an empty dict's, so a lookup costs what a miss costs). Every run's
output is checked to be the same bytes as the run with all caches.

Per cache it reports the time per case with all caches and without that one (medians over the
rounds), the ratio without/with (median of the ratios within a round, with their range), the
saving in µs per case and in % of the time with all caches, the hit rate (from ``cache_info``;
for a dict cache from a counting pass), the entries after one run, the bound, and the memory one
run leaves in it (``tracemalloc``: what emptying it alone frees) with an estimate at the bound.
CPU time of this process is what is compared (``time.process_time``); wall time is printed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import importlib
import json
import pkgutil
import statistics
import sys
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from suite import maschine

import daten
import kooplan
from kooplan.batch import entscheide_jsonl
from kooplan.werte.zwischenspeicher import alle_leeren, belegung


@attrs.frozen
class Cache:
    """One cache: its registered name, the module attribute it is looked up by, its bound."""

    name: str
    modul: str
    attribut: str
    schranke: int | None = None  # for a dict cache (an lru cache says its own)
    schranke_text: str = ""

    def objekt(self) -> Any:
        return getattr(importlib.import_module(self.modul), self.attribut, None)

    def ist_lru(self) -> bool:
        return hasattr(self.objekt(), "cache_info")


#: Every cache kooplan registers (``kooplan.werte.zwischenspeicher.anmelden``), by the module
#: attribute its module looks it up by; `pruefe_liste` refuses to measure when this list and the
#: registry differ.
CACHES: tuple[Cache, ...] = (
    Cache("vertrag.laden.tage", "kooplan.vertrag.laden", "_TAGE", 73_049, "valid days 1900-2099"),
    Cache(
        "werte.ausgabe.fragmente", "kooplan.werte.ausgabe", "_FRAGMENTE", 4096, "cleared when full"
    ),
    Cache(
        "entscheidung.tabelle",
        "kooplan.motor.entscheidung",
        "_TABELLE",
        65_536,
        "cleared when full",
    ),
    Cache(
        "rechtsfolgen.pflichtverletzung_folge",
        "kooplan.motor.rechtsfolgen",
        "_pflichtverletzung_folge",
    ),
    Cache(
        "rechtsfolgen.nicht_erreichbar_stufe",
        "kooplan.motor.rechtsfolgen",
        "_nicht_erreichbar_stufe",
    ),
    Cache(
        "kalender.feiertage", "kooplan.motor.kalender", "_feiertage", None, "17 calendars x years"
    ),
)


def pruefe_liste() -> list[str]:
    """What keeps `CACHES` from being the registry: a cache registered but not listed, one
    listed but not registered, or one whose module attribute is not a dict or an lru cache."""
    for m in pkgutil.walk_packages(kooplan.__path__, "kooplan."):  # every module registers its
        if not m.name.endswith("__main__"):  # caches when imported, also one off this path
            importlib.import_module(m.name)
    registriert = set(belegung())
    gelistet = {c.name for c in CACHES}
    fehler = [f"registered but not in CACHES: {n}" for n in sorted(registriert - gelistet)]
    fehler += [f"in CACHES but not registered: {n}" for n in sorted(gelistet - registriert)]
    alle_leeren()
    for c in CACHES:
        o = c.objekt()
        if isinstance(o, dict):  # the very dict registered under its name
            o[pruefe_liste] = None
            if belegung().get(c.name) != 1:
                fehler.append(f"{c.name}: {c.modul}.{c.attribut} is not the dict registered")
            o.clear()
        elif not (hasattr(o, "__wrapped__") and hasattr(o, "cache_info")):
            fehler.append(f"{c.name}: {c.modul}.{c.attribut} is not a dict or an lru cache")
    return fehler


class _NieTreffer(dict):  # type: ignore[type-arg]
    """Stores like the cache it replaces, never hits: ``get`` is an always empty dict's."""

    get = {}.get


class _Zaehlend(dict):  # type: ignore[type-arg]
    """A dict cache that counts its lookups and hits (for the hit rate, not timed)."""

    fragen = 0
    treffer = 0

    def get(self, k: Any, d: Any = None) -> Any:
        self.fragen += 1
        v = dict.get(self, k, d)
        if v is not None:
            self.treffer += 1
        return v


@contextmanager
def ersetzt(c: Cache, durch: Any) -> Iterator[None]:
    m = importlib.import_module(c.modul)
    alt = getattr(m, c.attribut)
    setattr(m, c.attribut, durch)
    try:
        yield
    finally:
        setattr(m, c.attribut, alt)


def ohne(c: Cache) -> Any:
    o = c.objekt()
    return o.__wrapped__ if c.ist_lru() else _NieTreffer()


def leeren() -> None:
    alle_leeren()
    for c in CACHES:  # (all registered: `pruefe_liste`)
        o = c.objekt()
        if c.ist_lru():
            o.cache_clear()
        elif isinstance(o, dict):
            o.clear()


def entscheiden(zeilen: list[bytes], anliegen: str, stichtag: dt.date) -> list[str]:
    return list(entscheide_jsonl(zeilen, anliegen, stichtag))


def lauf(zeilen: list[bytes], anliegen: str, stichtag: dt.date) -> tuple[float, float, str]:
    """(CPU s, wall s, hash of the output) of one run from empty caches."""
    leeren()
    gc.collect()
    c0, w0 = time.process_time(), time.perf_counter()
    out = entscheiden(zeilen, anliegen, stichtag)
    c1, w1 = time.process_time(), time.perf_counter()
    return c1 - c0, w1 - w0, hashlib.sha256("\n".join(out).encode()).hexdigest()


def messen(
    caches: list[Cache], zeilen: list[bytes], anliegen: str, stichtag: dt.date, runden: int
) -> dict[str, Any]:
    varianten: list[tuple[str, Cache | None]] = [("alle", None)]
    varianten += [(c.name, c) for c in caches]
    varianten.append(("alle2", None))
    cpu: dict[str, list[float]] = {v: [] for v, _ in varianten}
    wand: dict[str, list[float]] = {v: [] for v, _ in varianten}
    verhaeltnis: dict[str, list[float]] = {v: [] for v, _ in varianten}
    referenz: str | None = None
    verschieden: list[str] = []
    for r in range(runden):
        k = r % len(varianten)
        reihe = varianten[k:] + varianten[:k]
        diese: dict[str, float] = {}
        for name, c in reihe:
            if c is None:
                s, w, h = lauf(zeilen, anliegen, stichtag)
            else:
                with ersetzt(c, ohne(c)):
                    s, w, h = lauf(zeilen, anliegen, stichtag)
            referenz = referenz or h
            if h != referenz and name not in verschieden:
                verschieden.append(name)
            cpu[name].append(s)
            wand[name].append(w)
            diese[name] = s
        basis = (diese["alle"] + diese["alle2"]) / 2
        for name, _ in varianten:
            verhaeltnis[name].append(diese[name] / basis)
        print(f"  round {r + 1}/{runden} done", file=sys.stderr, flush=True)
    return {"cpu": cpu, "wand": wand, "verhaeltnis": verhaeltnis, "verschieden": verschieden}


#: The calls of each lru-cached function in the counting pass, as (args, kwargs).
AUFRUFE: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}


def _aufzeichnend(f: Any, aufrufe: list[tuple[tuple[Any, ...], dict[str, Any]]]) -> Any:
    def g(*args: Any, **kwargs: Any) -> Any:
        aufrufe.append((args, kwargs))
        return f(*args, **kwargs)

    return g


def direkt(c: Cache, n: int) -> tuple[float, float]:
    """µs per case of the run's calls of an lru-cached function: (uncached, from the warm cache),
    best of 5 (the work the cache saves, measured without the rest of the run)."""
    aufrufe = AUFRUFE[c.name]
    f = c.objekt()
    w = f.__wrapped__
    beste = []
    for fn in (w, f):
        zeiten = []
        for _ in range(5):
            t0 = time.process_time()
            for args, kwargs in aufrufe:
                fn(*args, **kwargs)
            zeiten.append(time.process_time() - t0)
        beste.append(min(zeiten) / n * 1e6)
    return beste[0], beste[1]


def trefferquoten(
    caches: list[Cache], zeilen: list[bytes], anliegen: str, stichtag: dt.date
) -> dict[str, dict[str, Any]]:
    """Lookups, hits and entries of every cache over one run (not timed)."""
    leeren()
    zaehler: dict[str, _Zaehlend] = {}
    ersatz = []
    lru = {c.name: c.objekt() for c in caches if c.ist_lru()}
    for c in caches:
        if c.name in lru:
            AUFRUFE[c.name] = []
            ersatz.append(ersetzt(c, _aufzeichnend(c.objekt(), AUFRUFE[c.name])))
        else:
            zaehler[c.name] = _Zaehlend()
            ersatz.append(ersetzt(c, zaehler[c.name]))
    for e in ersatz:
        e.__enter__()
    try:
        entscheiden(zeilen, anliegen, stichtag)
        out: dict[str, dict[str, Any]] = {}
        for c in caches:
            if c.name in lru:
                info = lru[c.name].cache_info()
                fragen, treffer, eintraege = info.hits + info.misses, info.hits, info.currsize
                schranke = info.maxsize
            else:
                z = zaehler[c.name]
                fragen, treffer, eintraege = z.fragen, z.treffer, len(z)
                schranke = c.schranke
            out[c.name] = {
                "fragen": fragen,
                "treffer": treffer,
                "eintraege": eintraege,
                "schranke": schranke,
                "schranke_text": c.schranke_text,
            }
        return out
    finally:
        for e in reversed(ersatz):
            e.__exit__(None, None, None)


def speicher(
    caches: list[Cache], zeilen: list[bytes], anliegen: str, stichtag: dt.date
) -> dict[str, int]:
    """Bytes that emptying each cache alone frees after one run (``tracemalloc``)."""
    out: dict[str, int] = {}
    tracemalloc.start()
    try:
        for c in caches:
            leeren()
            gc.collect()
            entscheiden(zeilen, anliegen, stichtag)
            gc.collect()
            vorher = tracemalloc.get_traced_memory()[0]
            o = c.objekt()
            o.cache_clear() if c.ist_lru() else o.clear()
            gc.collect()
            out[c.name] = vorher - tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return out


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} kB" if n >= 1024 else f"{n:,.0f} B"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--runden", type=int, default=7)
    ap.add_argument("--anliegen", default=daten.ANLIEGEN)
    ap.add_argument("--stichtag", type=dt.date.fromisoformat, default=daten.STICHTAG)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--schnell", action="store_true")
    a = ap.parse_args()
    n, runden = (500, 2) if a.schnell else (a.n, a.runden)
    fehler = pruefe_liste()
    if fehler:
        sys.exit(
            "benchmarks/caches.py: its list CACHES is not kooplan's registry of caches "
            "(kooplan.werte.zwischenspeicher.belegung()); bring it in step:\n  "
            + "\n  ".join(fehler)
        )
    caches = list(CACHES)
    zeilen = list(daten.zeilen(n))
    entscheiden(zeilen[:200], a.anliegen, a.stichtag)  # imports, first calls
    m = messen(caches, zeilen, a.anliegen, a.stichtag, runden)
    quoten = trefferquoten(caches, zeilen, a.anliegen, a.stichtag)
    mem = speicher(caches, zeilen, a.anliegen, a.stichtag)

    def us(sek: list[float]) -> float:
        return statistics.median(sek) / n * 1e6

    mit = us(m["cpu"]["alle"] + m["cpu"]["alle2"])
    rauschen = m["verhaeltnis"]["alle2"]
    masch = maschine()
    print(
        f"{n:,} cases of 10 events, Anliegen {a.anliegen}, Stichtag {a.stichtag}, one process, "
        f"{runden} rounds; {masch['nproc']} x {masch['cpu']}, Python {masch['python']}, "
        f"load {masch['loadavg']}"
    )
    print(
        f"all caches: {mit:.1f} µs/case CPU ({us(m['wand']['alle'] + m['wand']['alle2']):.1f} "
        f"wall); noise (second run with all caches / mean of both): median "
        f"{statistics.median(rauschen):.3f}, range {min(rauschen):.3f}-{max(rauschen):.3f}"
    )
    kopf = (
        f"{'cache':38} {'with':>7} {'without':>8} {'ratio':>6} {'range':>11} {'saves':>8} "
        f"{'%':>6} {'direct':>7} {'calls':>6} {'hits':>7} {'entries':>8} {'bound':>7} {'memory':>9} {'at bound':>9}"
    )
    print(kopf)
    zeilen_json = []
    for c in caches:
        v = m["verhaeltnis"][c.name]
        ohne_us = us(m["cpu"][c.name])
        q = quoten[c.name]
        quote = q["treffer"] / q["fragen"] if q["fragen"] else None
        je = mem[c.name] / q["eintraege"] if q["eintraege"] else None
        an_schranke = je * q["schranke"] if je is not None and q["schranke"] else None
        verh = statistics.median(v)
        ersparnis = (verh - 1) * mit
        d = direkt(c, n) if c.name in AUFRUFE else None
        direkt_us = None if d is None else d[0] - d[1]
        print(
            f"{c.name:38} {mit:7.1f} {ohne_us:8.1f} {verh:6.3f} {min(v):5.3f}-{max(v):5.3f} "
            f"{ersparnis:6.1f}µs {100 * (verh - 1):5.1f}% "
            f"{'-' if direkt_us is None else f'{direkt_us:.1f}µs':>7} {q['fragen'] / n:6.2f} "
            f"{'-' if quote is None else f'{100 * quote:.1f}%':>7} {q['eintraege']:8,} "
            f"{q['schranke'] if q['schranke'] else '-':>7} {_kb(mem[c.name]):>9} "
            f"{'-' if an_schranke is None else _kb(an_schranke):>9}"
        )
        zeilen_json.append(
            {
                "cache": c.name,
                "mit_us": mit,
                "ohne_us": ohne_us,
                "verhaeltnis": verh,
                "verhaeltnisse": v,
                "ersparnis_us": ersparnis,
                "direkt_us": direkt_us,
                "trefferquote": quote,
                **q,
                "speicher_bytes": mem[c.name],
                "speicher_an_schranke_bytes": an_schranke,
            }
        )
    print(
        "with/without: µs per case CPU (medians); ratio: without/with, median of the rounds "
        "(range over rounds); saves: (ratio - 1) x with; direct: the run's calls of the function "
        "alone, uncached minus cached, per case (best of 5); calls: lookups per case; memory: what emptying it alone frees "
        "after one run"
    )
    if m["verschieden"]:
        print(f"OUTPUT DIFFERS without: {', '.join(m['verschieden'])}")
    else:
        print("outputs identical in every run")
    if a.json:
        a.json.write_text(
            json.dumps(
                {
                    "maschine": masch,
                    "n": n,
                    "runden": runden,
                    "anliegen": a.anliegen,
                    "stichtag": a.stichtag.isoformat(),
                    "mit_us": mit,
                    "rauschen": rauschen,
                    "caches": zeilen_json,
                    "verschieden": m["verschieden"],
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
