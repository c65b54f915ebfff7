"""Benchmark input: plausible cases of 10 events as contract JSON Lines (deterministic).

Run: ``.venv/bin/python benchmarks/daten.py N OUT.jsonl [--seed S]``. The same ``N`` and seed
always give the same bytes. Every case has exactly 10 events and a legal history; the cases
follow six patterns a jobcenter sees (cooperation with demanded and rendered Mitwirkung, missed
meetings, a Schlichtung, a failed plan, a later wichtiger Grund with a Minderung, a Schlichtung
whose four weeks run out), on days from August 2023 to mid-2025, decided on a Stichtag in 2026.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def bestes(fn: Callable[[], Any], wiederholungen: int) -> tuple[float, Any]:
    """The best wall time of `wiederholungen` calls of `fn`, in seconds, and the last result."""
    zeit, wert = float("inf"), None
    for _ in range(wiederholungen):
        t0 = time.perf_counter()
        wert = fn()
        zeit = min(zeit, time.perf_counter() - t0)
    return zeit, wert


#: The Stichtag and Anliegen the suite decides the generated cases for.
STICHTAG = dt.date(2026, 1, 15)
ANLIEGEN = "massnahme"
SEED = 20240601

_MITWIRKUNG = ("massnahme", "vermittlungsvorschlag", "eigenbemuehungen")
_ZIELE = (
    "Fachkraft Lagerlogistik",
    "Berufskraftfahrer/in",
    "Pflegehilfskraft",
    "Verkäufer/in im Einzelhandel",
    "Bürokaufmann/-frau",
    "Fachinformatiker/in",
)
_SCHRITTE = (
    "Bewerbungsunterlagen aktualisieren",
    "Staplerschein",
    "Sprachkurs B2",
    "Praktikum im Betrieb",
    "Beratung zur Kinderbetreuung",
    "Führerschein Klasse C",
    "Coaching Vorstellungsgespräch",
)


class _Verlauf:
    """Builds the events of one case, day by day."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tag = dt.date(2023, 8, 1) + dt.timedelta(days=rng.randrange(640))
        self.ereignisse: list[dict[str, Any]] = []

    def weiter(self, von: int, bis: int) -> None:
        self.tag += dt.timedelta(days=self.rng.randrange(von, bis + 1))

    def e(self, art: str, **felder: Any) -> None:
        self.ereignisse.append({"art": art, "am": self.tag.isoformat(), **felder})

    def plan(self) -> dict[str, Any]:
        rng = self.rng
        plan: dict[str, Any] = {
            "eingliederungsziel": rng.choice(_ZIELE),
            "schritte": rng.sample(_SCHRITTE, rng.randrange(1, 4)),
        }
        if rng.random() < 0.5:
            plan["eigenbemuehungen"] = {
                "art": "Bewerbungen",
                "anzahl": rng.randrange(2, 9),
                "zeitraum": rng.choice(("woche", "monat")),
                "nachweis": "Liste",
            }
        return plan

    def beginn(self) -> None:
        """Einladung, Termin wahrgenommen, Plan erstellt (3 events)."""
        self.e("einladung_versandt", rfb=False)
        self.weiter(5, 14)
        self.e("termin_wahrgenommen")
        self.e("plan_erstellt", plan=self.plan())


def _kooperation(v: _Verlauf) -> None:
    """3 + 3 × 2 + 1: Mitwirkung demanded and rendered, three times; the plan reviewed."""
    v.beginn()
    for _ in range(3):
        v.weiter(10, 40)
        art = v.rng.choice(_MITWIRKUNG)
        v.e("mitwirkung_unterblieben", mitwirkung=art, wichtiger_grund=False)
        v.weiter(5, 20)
        v.e("mitwirkung_erbracht", mitwirkung=art)
    v.weiter(20, 40)
    v.e("plan_fortgeschrieben", plan=v.plan())


def _termine(v: _Verlauf) -> None:
    """Missed meetings, one excused, a Minderung, then cooperation."""
    v.e("einladung_versandt", rfb=False)
    v.weiter(7, 14)
    v.e("termin_versaeumt", id="t1", wichtiger_grund=False)
    v.weiter(1, 5)
    v.e("einladung_versandt", rfb=True)
    v.weiter(7, 14)
    v.e("termin_versaeumt", id="t2", wichtiger_grund=False)
    v.weiter(3, 10)
    v.e("wichtiger_grund_nachgewiesen", bezug="t1")
    v.weiter(1, 5)
    v.e("einladung_versandt", rfb=True)
    v.weiter(7, 14)
    v.e("termin_wahrgenommen")
    v.e("plan_erstellt", plan=v.plan())
    v.weiter(20, 60)
    v.e("mitwirkung_unterblieben", mitwirkung="eigenbemuehungen", wichtiger_grund=False)
    v.weiter(5, 20)
    v.e("mitwirkung_erbracht")


def _schlichtung(v: _Verlauf) -> None:
    """A Schlichtung with Einigung, a later Bereitschaft, the plan reviewed, a new invitation."""
    v.beginn()
    v.weiter(15, 45)
    v.e(
        "mitwirkung_unterblieben",
        id="m1",
        mitwirkung="vermittlungsvorschlag",
        wichtiger_grund=False,
    )
    v.weiter(3, 10)
    v.e("schlichtung_begonnen", verlangt_von=v.rng.choice(("leistungsberechtigte", "jobcenter")))
    v.weiter(5, 20)
    v.e("schlichtung_beendet", einigung=True)
    v.weiter(20, 50)
    v.e("mitwirkung_unterblieben", mitwirkung="massnahme", wichtiger_grund=False)
    v.weiter(3, 10)
    v.e("bereitschaft_erklaert")
    v.weiter(20, 60)
    v.e("plan_fortgeschrieben", plan=v.plan())
    v.weiter(10, 30)
    v.e("einladung_versandt", rfb=False)


def _ohne_plan(v: _Verlauf) -> None:
    """No plan comes about: requests with RFB, a missed meeting, a Minderung."""
    v.e("einladung_versandt", rfb=False)
    v.weiter(5, 14)
    v.e("termin_wahrgenommen")
    v.weiter(7, 21)
    v.e("plan_gescheitert")
    v.weiter(3, 14)
    v.e("einladung_versandt", rfb=True)
    v.weiter(7, 14)
    v.e("termin_versaeumt", id="t1", wichtiger_grund=False)
    v.weiter(10, 30)
    beginn = dt.date(v.tag.year + v.tag.month // 12, v.tag.month % 12 + 1, 1)
    v.e("minderung_festgestellt", grund="meldeversaeumnis", prozent=10, beginn=beginn.isoformat())
    v.weiter(1, 5)
    v.e("einladung_versandt", rfb=True)
    v.weiter(7, 14)
    v.e("termin_wahrgenommen")
    v.weiter(10, 30)
    v.e("plan_erstellt", plan=v.plan())
    v.weiter(20, 60)
    v.e("mitwirkung_unterblieben", mitwirkung="massnahme", wichtiger_grund=False)


def _minderung(v: _Verlauf) -> None:
    """A Pflichtverletzung with a Minderung, a wichtiger Grund for the next one."""
    v.beginn()
    v.weiter(15, 45)
    v.e("mitwirkung_unterblieben", id="m1", mitwirkung="massnahme", wichtiger_grund=False)
    v.weiter(10, 30)
    beginn = dt.date(v.tag.year + v.tag.month // 12, v.tag.month % 12 + 1, 1)
    v.e(
        "minderung_festgestellt",
        grund="pflichtverletzung",
        prozent=10,
        beginn=beginn.isoformat(),
        bezug="m1",
    )
    v.weiter(5, 20)
    v.e("mitwirkung_erbracht", mitwirkung="massnahme")
    v.weiter(15, 45)
    v.e(
        "mitwirkung_unterblieben",
        id="m2",
        mitwirkung="vermittlungsvorschlag",
        wichtiger_grund=False,
    )
    v.weiter(3, 10)
    v.e("wichtiger_grund_nachgewiesen", bezug="m2")
    v.weiter(20, 60)
    v.e("plan_fortgeschrieben", plan=v.plan())
    v.weiter(10, 40)
    v.e("mitwirkung_unterblieben", mitwirkung="eigenbemuehungen", wichtiger_grund=False)


def _schlichtung_ohne_einigung(v: _Verlauf) -> None:
    """A Schlichtung whose four weeks run out; no plan; a new plan, Mitwirkung rendered."""
    v.beginn()
    v.weiter(15, 45)
    v.e("mitwirkung_unterblieben", mitwirkung="massnahme", wichtiger_grund=False)
    v.weiter(3, 10)
    v.e("schlichtung_begonnen", verlangt_von="beide")
    v.weiter(35, 60)  # the four weeks have run out: ohne_plan
    v.e("einladung_versandt", rfb=True)
    v.weiter(7, 14)
    v.e("termin_wahrgenommen")
    v.weiter(5, 20)
    v.e("plan_erstellt", plan=v.plan())
    v.weiter(20, 60)
    v.e("mitwirkung_unterblieben", mitwirkung="vermittlungsvorschlag", wichtiger_grund=False)
    v.weiter(5, 20)
    v.e("mitwirkung_erbracht", mitwirkung="vermittlungsvorschlag")


MUSTER: tuple[Callable[[_Verlauf], None], ...] = (
    _kooperation,
    _termine,
    _schlichtung,
    _ohne_plan,
    _minderung,
    _schlichtung_ohne_einigung,
)


def fall(i: int, rng: random.Random) -> dict[str, Any]:
    """Case number ``i`` as a contract JSON object (10 events)."""
    v = _Verlauf(rng)
    muster = MUSTER[i % len(MUSTER)]
    muster(v)
    assert len(v.ereignisse) == 10, (muster.__name__, len(v.ereignisse))
    obj: dict[str, Any] = {"schema": "kooplan/fall/1", "fall": f"JC-{i:08d}"}
    if rng.random() < 0.8:
        geburt = dt.date(1962, 1, 1) + dt.timedelta(days=rng.randrange(16000))
        obj["geburtsdatum"] = geburt.isoformat()
    if rng.random() < 0.8:
        obj["regelbedarfsstufe"] = rng.choice((1, 1, 1, 2, 3, 4))
    obj["ereignisse"] = v.ereignisse
    return obj


def faelle(n: int, seed: int = SEED) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for i in range(n):
        yield fall(i, rng)


def zeilen(n: int, seed: int = SEED) -> Iterator[bytes]:
    """The cases as JSON Lines (each line ends with ``\\n``)."""
    for obj in faelle(n, seed):
        yield (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


def schreiben(n: int, pfad: Path, seed: int = SEED) -> Path:
    """Write ``n`` cases to ``pfad`` (unless a file of this size and seed is already there)."""
    marke = pfad.with_name(pfad.name + f".{n}.{seed}.ok")
    if pfad.exists() and marke.exists():
        return pfad
    pfad.parent.mkdir(parents=True, exist_ok=True)
    with pfad.open("wb") as out:
        out.writelines(zeilen(n, seed))
    marke.write_text("ok\n")
    return pfad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n", type=int)
    ap.add_argument("ausgabe", type=Path)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    schreiben(args.n, args.ausgabe, args.seed)


if __name__ == "__main__":
    main()
