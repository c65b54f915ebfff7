#!/usr/bin/env python3
"""Byte-for-byte comparison of kooplan's output between two versions of the code.

``python tools/vergleich.py --gegen REF`` generates a corpus of cases (seeded, the same bytes for
the same ``--n`` and ``--seed``), lets the code of the git revision ``REF`` and the code of this
working tree decide it through the command line (``kooplan entscheide`` for every Anliegen,
``kooplan verlauf --json``, ``kooplan demo``, ``kooplan schema``), each in its own process, and
compares what they write, byte for byte. Exit status 0: identical; 1: a difference (the first
ones are printed with the file, the line and the case); 2: bad arguments.

The corpus: ``--n`` cases (default 20,000) in buckets of ``--je`` cases sharing a Stichtag, a due
day and a policy (the command line decides one Stichtag per call). Histories are random walks
over the transition table, kept legal by asking ``kooplan.schritt``; a few cases on purpose
carry an illegal event, an event before 1.7.2023, an old Eingliederungsvereinbarung, the end of
benefits, or a contract error, so that error lines are compared too. Stichtage: every first day
of a Rechtsstand and its eve, the doubtful days of April 2026, year ends, and random days from
1.7.2023 to 31.12.2027.

Not a test (it compares two versions); run it before merging a change that must not change any
output. About a minute and a half on two cores for 20,000 cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ANLIEGEN = ("einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen")
D = dt.date
TAG = dt.timedelta(days=1)

#: Policy files some buckets use (written into the corpus).
POLICIES: dict[str, str] = {
    "einzelfall.toml": 'rfb_umfang = "einzelfall"\n',
    "massnahme.toml": "massnahme_mit_rfb_in_kooperation = true\nplan_max_schritte = 2\n",
    "wiederholt.toml": "wiederholt_auch_ohne_belehrung = true\n",
    "hoechstzahl.json": '{"schlichtung_hoechstzahl": 1}\n',
    "regelbedarf.toml": (
        '[[regelbedarfe]]\njahr = 2027\nstufe_1 = "570.00"\nstufe_2 = 512\nstufe_3 = 456\n'
        'stufe_4 = 477\nquelle = "Testzeile"\n'
    ),
}


# -- the corpus --------------------------------------------------------------------------------


def stichtage(rng: random.Random) -> list[D]:
    feste = [
        D(2023, 7, 1), D(2023, 12, 31), D(2024, 1, 1), D(2024, 3, 27), D(2024, 3, 28),
        D(2024, 12, 31), D(2025, 1, 1), D(2025, 12, 31), D(2026, 1, 1), D(2026, 3, 27),
        D(2026, 3, 28), D(2026, 4, 16), D(2026, 4, 17), D(2026, 4, 20), D(2026, 4, 22),
        D(2026, 4, 23), D(2026, 4, 30), D(2026, 5, 1), D(2026, 6, 30), D(2026, 7, 1),
        D(2026, 12, 31), D(2027, 1, 1),
    ]  # fmt: skip
    erster, letzter = D(2023, 7, 1), D(2027, 12, 31)
    zufall = [erster + TAG * rng.randrange((letzter - erster).days + 1) for _ in range(60)]
    return feste + zufall


class Walk:
    """One case: a random walk of events, kept legal by the state machine of the code at hand."""

    def __init__(self, rng: random.Random, nr: int, bis: D) -> None:
        import kooplan
        from kooplan.phasen import zeitschritte

        self.k, self.zeitschritte = kooplan, zeitschritte
        self.rng, self.nr, self.bis = rng, nr, bis
        self.z = kooplan.Zustand()
        self.events: list[dict[str, Any]] = []
        self.ids: dict[str, list[str]] = {}
        # histories end near the Stichtag (``bis`` is 60 days after it), so that the days
        # around every change of the law are reached
        self.tag = max(D(2023, 7, 1), bis - TAG * (60 + rng.randrange(700)))

    # the fields of each art, as contract JSON values
    def felder(self, art: str) -> dict[str, Any]:
        r = self.rng
        f: dict[str, Any] = {}
        ids = self.ids
        if art == "einladung_versandt":
            if r.random() < 0.8:
                f["rfb"] = r.random() < 0.5
            if r.random() < 0.3:
                f["termin"] = (self.tag + TAG * r.randrange(0, 30)).isoformat()
        elif art == "termin_versaeumt":
            f["wichtiger_grund"] = r.random() < 0.2
            if ids.get("einladung_versandt") and r.random() < 0.5:
                f["einladung"] = r.choice(ids["einladung_versandt"])
        elif art in ("plan_erstellt", "plan_fortgeschrieben") and r.random() < 0.6:
            f["plan"] = {
                "eingliederungsziel": "Ziel",
                "schritte": ["Schritt"] * r.randrange(1, 14),
            }
        elif art == "schlichtung_begonnen":
            f["verlangt_von"] = r.choice(["leistungsberechtigte", "jobcenter", "beide"])
        elif art == "schlichtung_beendet":
            f["einigung"] = r.random() < 0.5
        elif art == "mitwirkung_unterblieben":
            f["mitwirkung"] = r.choice(["massnahme", "vermittlungsvorschlag", "eigenbemuehungen"])
            f["wichtiger_grund"] = r.random() < 0.15
        elif art == "mitwirkung_erbracht" and r.random() < 0.7:
            f["mitwirkung"] = r.choice(["massnahme", "vermittlungsvorschlag", "eigenbemuehungen"])
        elif art == "wichtiger_grund_nachgewiesen":
            f["bezug"] = r.choice(
                ids.get("termin_versaeumt", []) + ids.get("mitwirkung_unterblieben", [])
            )
        elif art == "minderung_festgestellt":
            f.update(self.minderung())
        elif art == "minderung_aufgehoben":
            f["bezug"] = r.choice(ids["minderung_festgestellt"])
        elif art == "haerte_festgestellt":
            if ids.get("minderung_festgestellt") and r.random() < 0.5:
                f["bezug"] = r.choice(ids["minderung_festgestellt"])
            elif r.random() < 0.5:
                f["bis"] = (self.tag + TAG * r.randrange(0, 200)).isoformat()
        return f

    def minderung(self) -> dict[str, Any]:
        r = self.rng
        beginn = (self.tag.replace(day=1) + 40 * TAG).replace(day=1)
        if r.random() < 0.35:
            f: dict[str, Any] = {"grund": "meldeversaeumnis", "prozent": r.choice([10, 30])}
        else:
            f = {"grund": "pflichtverletzung", "prozent": r.choice([10, 20, 30])}
            if r.random() < 0.6:
                f["tatbestand"] = r.choice(
                    [
                        "abs1_nr1",
                        "abs1_nr2",
                        "abs1_nr3",
                        "abs2_nr1",
                        "abs2_nr2",
                        "abs2_nr3",
                        "abs2_nr4",
                    ]
                )
                if f["tatbestand"] in ("abs2_nr3", "abs2_nr4") and r.random() < 0.3:
                    f["sperrzeit"] = r.choice(["meldeversaeumnis", "arbeitsablehnung"])
        f["beginn"] = beginn.isoformat()
        if r.random() < 0.2:
            f["monate"] = r.randrange(1, 4)
        return f

    def versuche(self, art: str, felder: dict[str, Any], pflicht: bool) -> bool:
        """Append the event if the state machine takes it (or, with ``pflicht``, anyway)."""
        from kooplan.vertrag import fall_aus_objekt

        eid = f"e{len(self.events)}"
        obj = {"art": art, "am": self.tag.isoformat(), "id": eid, **felder}
        try:
            (e,) = fall_aus_objekt(
                {"schema": "kooplan/fall/1", "fall": "X", "ereignisse": [obj]}
            ).ereignisse
            neu = self.k.schritt(self.zeitschritte(self.z, self.tag), e)
        except self.k.KooplanError:
            if not pflicht:
                return False
            neu = self.z
        self.z = neu
        self.events.append(obj)
        self.ids.setdefault(art, []).append(eid)
        return True

    def lauf(self) -> dict[str, Any]:
        r, k = self.rng, self.k
        arten = [a for a in k.ARTEN if a not in ("eingliederungsvereinbarung",)]
        gewicht = {a: 1.0 for a in arten}
        gewicht |= {
            "einladung_versandt": 4, "termin_versaeumt": 3, "termin_wahrgenommen": 2,
            "plan_erstellt": 3, "mitwirkung_unterblieben": 4, "mitwirkung_erbracht": 2,
            "leistungsbezug_beendet": 0.15, "leistungsbezug_aufgenommen": 0.3,
            "schlichtung_begonnen": 1.5, "haerte_festgestellt": 0.7,
        }  # fmt: skip
        if r.random() < 0.15:  # history before 1.7.2023
            am = D(2022, 1, 1) + TAG * r.randrange(540)
            self.tag, tag = am, self.tag
            self.versuche("minderung_festgestellt", self.minderung(), True)
            if r.random() < 0.2:
                self.versuche("eingliederungsvereinbarung", {}, True)
            self.tag = tag
        for _ in range(r.choice([0, 1, 2, 4, 6, 8, 10, 12, 15])):
            self.tag += TAG * r.choice([0, 0, 1, 3, 7, 14, 20, 29, 30, 45, 90])
            if self.tag > self.bis:
                break
            kandidaten = r.choices(arten, weights=[gewicht[a] for a in arten], k=6)
            for art in kandidaten:
                if art in ("wichtiger_grund_nachgewiesen",) and not (
                    self.ids.get("termin_versaeumt") or self.ids.get("mitwirkung_unterblieben")
                ):
                    continue
                if art in ("minderung_aufgehoben",) and not self.ids.get("minderung_festgestellt"):
                    continue
                if self.versuche(art, self.felder(art), r.random() < 0.01):
                    break
        if r.random() < 0.1 and len(self.events) > 2:  # input order of different days shuffled
            nach_tag: dict[str, list[dict[str, Any]]] = {}
            for e in self.events:
                nach_tag.setdefault(e["am"], []).append(e)
            tage = list(nach_tag)
            r.shuffle(tage)
            self.events = [e for t in tage for e in nach_tag[t]]
        fall: dict[str, Any] = {"schema": "kooplan/fall/1", "fall": f"V-{self.nr:06d}"}
        if r.random() < 0.5:
            fall["geburtsdatum"] = (D(1960, 1, 1) + TAG * r.randrange(17000)).isoformat()
        if r.random() < 0.6:
            fall["regelbedarfsstufe"] = r.randrange(1, 5)
        if r.random() < 0.4:
            fall["land"] = r.choice(["DE-BE", "DE-BY", "DE-NW", "DE-SN", "DE-HH"])
        if r.random() < 0.2:
            fall["bewilligungszeitraum_ende"] = (self.bis + TAG * r.randrange(200)).isoformat()
        if r.random() < 0.2:
            fall["bekanntgabe"] = r.choice(["post", "elektronisch", "persoenlich"])
        fall["ereignisse"] = self.events
        if r.random() < 0.01:
            fall["x_intern"] = {"a": 1}
        return fall


def korpus(ziel: Path, n: int, je: int, seed: int) -> None:
    rng = random.Random(seed)
    ziel.mkdir(parents=True, exist_ok=True)
    for name, text in POLICIES.items():
        (ziel / name).write_text(text, encoding="utf-8")
    tage = stichtage(rng)
    eimer = []
    for b in range((n + je - 1) // je):
        stichtag = tage[b % len(tage)]
        faellig = None
        if rng.random() < 0.35:
            faellig = min(stichtag + TAG * rng.choice([0, 1, 14, 45, 95, 200]), D(2099, 12, 31))
        policy = rng.choice([None] * 6 + list(POLICIES))
        zeilen = []
        for i in range(min(je, n - b * je)):
            fall = Walk(rng, b * je + i, stichtag + TAG * 60).lauf()
            text = json.dumps(fall, ensure_ascii=False)
            if rng.random() < 0.01:  # a contract error
                text = text.replace('"am": "', '"am": "x', 1) if rng.random() < 0.5 else text[:-1]
            zeilen.append(text)
        name = f"b{b:04d}"
        (ziel / f"{name}.jsonl").write_text("\n".join(zeilen) + "\n", encoding="utf-8")
        if b % 10 == 0:  # the same cases as one JSON array: the reader's other path
            gueltig = [z for z in zeilen if _json(z) is not None]
            (ziel / f"{name}.json").write_text("[" + ",\n".join(gueltig) + "]", encoding="utf-8")
        eimer.append(
            {"name": name, "stichtag": stichtag.isoformat(),
             "faellig": faellig.isoformat() if faellig else None, "policy": policy}
        )  # fmt: skip
    (ziel / "eimer.json").write_text(json.dumps(eimer, indent=1), encoding="utf-8")


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


# -- the output of one version ---------------------------------------------------------------


def ausgeben(korpus_: Path, aus: Path) -> None:
    """Run the command line of the kooplan on ``sys.path`` over the corpus (in this process)."""
    import kooplan
    from kooplan.cli import main

    aus.mkdir(parents=True, exist_ok=True)
    (aus / "kooplan.txt").write_text(kooplan.__file__ + "\n", encoding="utf-8")

    def lauf(name: str, argv: list[str]) -> None:
        out, err = io.StringIO(), io.StringIO()
        rc = main(argv, out=out, err=err)
        (aus / name).write_text(f"{rc}\n{err.getvalue()}\f\n{out.getvalue()}", encoding="utf-8")

    for e in json.loads((korpus_ / "eimer.json").read_text(encoding="utf-8")):
        tag = ["--stichtag", e["stichtag"]]
        extra = (["--faellig", e["faellig"]] if e["faellig"] else []) + (
            ["--policy", str(korpus_ / e["policy"])] if e["policy"] else []
        )
        dateien = [korpus_ / f"{e['name']}.jsonl"]
        if (korpus_ / f"{e['name']}.json").exists():
            dateien.append(korpus_ / f"{e['name']}.json")
        for datei in dateien:
            for a in ANLIEGEN:
                lauf(f"{datei.name}.{a}", ["entscheide", str(datei), "--anliegen", a, *tag, *extra])
            lauf(f"{datei.name}.verlauf", ["verlauf", str(datei), *tag, "--json"])
    lauf("demo", ["demo"])
    lauf("schema", ["schema"])
    lauf("diagramm", ["diagramm"])


# -- comparing -------------------------------------------------------------------------------


def vergleichen(vorher: Path, nachher: Path, hoechstens: int = 20) -> int:
    namen = sorted(p.name for p in vorher.iterdir() if p.name != "kooplan.txt")
    if namen != sorted(p.name for p in nachher.iterdir() if p.name != "kooplan.txt"):
        print("the two runs wrote different files", file=sys.stderr)
        return 1
    abweichend = zeilen = 0
    summe = hashlib.sha256()
    for name in namen:
        a = (vorher / name).read_bytes()
        b = (nachher / name).read_bytes()
        summe.update(a)
        zeilen += a.count(b"\n")
        if a == b:
            continue
        abweichend += 1
        if abweichend <= hoechstens:
            print(f"== {name}")
            diff = difflib.unified_diff(
                a.decode().splitlines(),
                b.decode().splitlines(),
                "vorher",
                "nachher",
                n=0,
                lineterm="",
            )
            for i, z in enumerate(diff):
                if i > 12:
                    print("   …")
                    break
                print("  ", z[:400])
    print(f"{len(namen)} files, {zeilen} lines; sha256 {summe.hexdigest()[:16]}; "
          f"{abweichend} files differ")  # fmt: skip
    return 1 if abweichend else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--gegen", default="main", help="git revision to compare with (default main)")
    p.add_argument("--n", type=int, default=20_000)
    p.add_argument("--je", type=int, default=100, help="cases per bucket")
    p.add_argument("--seed", type=int, default=20260701)
    p.add_argument("--tmp", type=Path, help="working folder (default: a new temporary one)")
    p.add_argument(
        "--ausgeben", nargs=2, type=Path, metavar=("KORPUS", "AUS"), help=argparse.SUPPRESS
    )
    args = p.parse_args(argv)
    if args.ausgeben:
        ausgeben(*args.ausgeben)
        return 0
    tmp = args.tmp or Path(tempfile.mkdtemp(prefix="kooplan-vergleich-"))
    sys.path.insert(0, str(ROOT / "src"))
    korpus(tmp / "korpus", args.n, args.je, args.seed)
    alt = tmp / "vorher-src"
    if not alt.exists():
        archiv = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.gegen, "src"], check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archiv)) as tar:
            tar.extractall(alt, filter="data")
    laeufe = []
    for name, src in (("vorher", alt / "src"), ("nachher", ROOT / "src")):
        umgebung = os.environ | {"PYTHONPATH": str(src), "PYTHONHASHSEED": "0",
                                 "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
        befehl = [sys.executable, __file__, "--ausgeben", str(tmp / "korpus"), str(tmp / name)]
        laeufe.append(subprocess.Popen(befehl, env=umgebung))
    if any(lauf.wait() for lauf in laeufe):
        print("a run failed", file=sys.stderr)
        return 2
    for name in ("vorher", "nachher"):
        print(name, (tmp / name / "kooplan.txt").read_text(encoding="utf-8").strip())
    rc = vergleichen(tmp / "vorher", tmp / "nachher")
    if rc == 0 and args.tmp is None:
        shutil.rmtree(tmp)  # identical: nothing to look at; a difference keeps the folder
    else:
        print(f"outputs kept in {tmp}")
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
