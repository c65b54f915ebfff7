"""Determinism: the same input gives byte-identical output, independent of dict
and key order, locale, time zone, hash seed and the current date.

The command line runs as ``python -m kooplan`` in subprocesses under a pairwise-complete design
(an orthogonal array L9: every pair of settings of time zone, locale, hash seed and "today"
occurs in some run). "Today" is frozen by a ``sitecustomize`` on ``PYTHONPATH`` (``faketime`` is
not installed here), which a test first proves to work. In-process: keys shuffled at every level,
folding and deciding twice, the demo twice, time zone and clock changed under a running
interpreter.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kooplan
from faelle_bau import ANLIEGEN, ev
from kooplan.beispiele import beispiele
from kooplan.cli import main
from kooplan.vertrag.ausgabe import entscheidung_als_dict, fehler_als_dict, zeile
from kooplan.vertrag.laden import fall_aus_json, fall_aus_objekt

STICHTAGE = ["2023-07-03", "2024-03-10", "2025-05-20", "2026-06-30", "2026-07-01", "2026-10-21"]


PLAN = {
    "eingliederungsziel": "Fachkraft Lagerlogistik",
    "schritte": ["Bewerbungsunterlagen", "Staplerschein", "Sprachkurs"],
    "eigenbemuehungen": {"art": "Bewerbungen", "anzahl": 4, "zeitraum": "monat", "nachweis": "L"},
    "gesundheit": ["Reha-Beratung"],
    "integrationskurs": True,
    "x_plan": {"b": 2, "a": [1, {"z": None, "y": "ü"}]},
}
FAELLE: list[dict[str, Any]] = [
    {
        "schema": "kooplan/fall/1",
        "fall": "D-1",
        "geburtsdatum": "2003-02-28",
        "regelbedarfsstufe": 1,
        "land": "DE-BY",
        "bewilligungszeitraum_ende": "2026-12-31",
        "x_z": {"ö": 1, "a": 2},
        "ereignisse": [
            ev("einladung_versandt", "2023-07-10", rfb=True, id="e1"),
            ev("termin_versaeumt", "2023-07-17", wichtiger_grund=False, id="t1", einladung="e1"),
            ev("plan_erstellt", "2023-08-01", plan=PLAN),
            ev(
                "mitwirkung_unterblieben",
                "2024-03-04",
                id="m1",
                mitwirkung="massnahme",
                wichtiger_grund=False,
            ),
            ev(
                "minderung_festgestellt",
                "2024-03-20",
                id="mf1",
                bezug="m1",
                grund="pflichtverletzung",
                prozent=10,
                beginn="2024-04-01",
            ),
            ev(
                "mitwirkung_unterblieben",
                "2024-03-25",
                mitwirkung="vermittlungsvorschlag",
                wichtiger_grund=False,
            ),
        ],
    },
    {
        "schema": "kooplan/fall/1",
        "fall": "D-2",
        "geburtsdatum": "1987-06-05",
        "regelbedarfsstufe": 2,
        "ereignisse": [
            ev("plan_gescheitert", "2025-05-02"),
            ev("schlichtung_begonnen", "2025-05-05", verlangt_von="jobcenter"),
            ev("plan_erstellt", "2026-07-06", plan=PLAN),
            ev(
                "mitwirkung_unterblieben",
                "2026-10-05",
                mitwirkung="eigenbemuehungen",
                wichtiger_grund=False,
            ),
            ev("einladung_versandt", "2026-10-12", rfb=True, id="e"),
            ev("termin_versaeumt", "2026-10-20", wichtiger_grund=False, einladung="e"),
        ],
    },
    {
        "schema": "kooplan/fall/1",
        "fall": "D-3",
        "ereignisse": [
            ev(
                "minderung_festgestellt",
                "2023-03-01",
                grund="meldeversaeumnis",
                prozent=10,
                beginn="2023-04-01",
            ),
            ev("eingliederungsvereinbarung", "2023-05-02"),
            ev("plan_erstellt", "2023-09-04"),
            ev("leistungsbezug_beendet", "2024-06-28"),
            ev("leistungsbezug_aufgenommen", "2024-09-02"),
            ev("einladung_versandt", "2024-09-09"),
        ],
    },
    *(b.fall for b in beispiele()),
]
#: Broken lines next to the cases: every error code, odd bytes, a limit.
KAPUTT: list[bytes] = [
    b"",
    b"\xff\xfe",
    b'{"schema": "kooplan/fall/1", "fall": "K-1", "ereignisse": [], "unbekannt": 1}',
    b'{"schema": "kooplan/fall/1", "fall": "K-2", "ereignisse": [{"art": "mitwirkung_erbracht", '
    b'"am": "2024-01-08"}]}',
    b'{"schema": "kooplan/fall/1", "fall": "K-3", "ereignisse": [{"art": "plan_gescheitert", '
    b'"am": "2022-01-08"}]}',
    b'{"schema": "kooplan/fall/1", "fall": "K-4", "ereignisse": [{"art": "leistungsbezug_beendet", '
    b'"am": "2023-08-01"}]}',
    b'{"schema": "kooplan/fall/1", "fall": "K-5", "geburtsdatum": "2100-01-01", "ereignisse": []}',
    b"[" * 5000,
    b'{"schema": "kooplan/fall/1", "fall": "K-6", "fall": "K-7", "ereignisse": []}',
]


def _bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def eingabe() -> bytes:
    zeilen = [_bytes(f) for f in FAELLE]
    for i, k in enumerate(KAPUTT):
        zeilen.insert(3 * i + 1, k)
    return b"\n".join(zeilen) + b"\r\n"


# -- environments ------------------------------------------------------------------------------

ZEITZONEN = ["UTC", "Pacific/Kiritimati", "America/Adak"]
LOCALES = ["C", "de_DE.UTF-8", "tr_TR.UTF-8"]
HASHSEEDS = ["0", "1", "random"]
HEUTE = [None, "1999-12-31", "2031-06-15"]
#: The orthogonal array L9(3^4): every pair of levels of any two factors occurs exactly once.
L9 = [
    (0, 0, 0, 0),
    (0, 1, 1, 1),
    (0, 2, 2, 2),
    (1, 0, 1, 2),
    (1, 1, 2, 0),
    (1, 2, 0, 1),
    (2, 0, 2, 1),
    (2, 1, 0, 2),
    (2, 2, 1, 0),
]

SITECUSTOMIZE = textwrap.dedent(
    '''
    """Test helper: freeze "today" to KOOPLAN_TEST_HEUTE (noon, local time)."""
    import datetime as _dt
    import os as _os
    import time as _time

    _heute = _os.environ.get("KOOPLAN_TEST_HEUTE")
    if _heute:
        _echt = _dt.datetime
        _t = _echt.fromisoformat(_heute + "T12:00:00").timestamp()
        _localtime, _gmtime, _strftime = _time.localtime, _time.gmtime, _time.strftime
        _time.time = lambda: _t
        _time.time_ns = lambda: int(_t * 1_000_000_000)
        _time.localtime = lambda s=None: _localtime(_t if s is None else s)
        _time.gmtime = lambda s=None: _gmtime(_t if s is None else s)
        _time.strftime = lambda f, t=None: _strftime(f, _localtime(_t) if t is None else t)

        class _Datetime(_echt):
            @classmethod
            def now(cls, tz=None):
                return _echt.fromtimestamp(_t, tz)

            @classmethod
            def utcnow(cls):
                return _echt.utcfromtimestamp(_t)

            @classmethod
            def today(cls):
                return _echt.fromtimestamp(_t)

        _dt.datetime = _Datetime
    '''
)


@pytest.fixture(scope="module")
def umgebung(tmp_path_factory) -> dict[str, Any]:
    ordner = tmp_path_factory.mktemp("determinismus")
    site = ordner / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    datei = ordner / "faelle.jsonl"
    datei.write_bytes(eingabe())
    return {"ordner": ordner, "site": site, "datei": datei}


def _env(
    site: Path, tz: str | None, locale: str | None, seed: str | None, heute: str | None
) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LC_", "PYTHON")) and k not in ("LANG", "LANGUAGE", "TZ")
    }
    if tz is not None:
        env["TZ"] = tz
    if locale is not None:
        env["LANG"] = env["LC_ALL"] = locale
    if seed is not None:
        env["PYTHONHASHSEED"] = seed
    if heute is not None:
        env["KOOPLAN_TEST_HEUTE"] = heute
    env["PYTHONPATH"] = os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def _lauf(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kooplan", *argv],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )


def _in_prozess(argv: list[str]) -> tuple[int, bytes, bytes]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(argv, out, err)
    return rc, out.getvalue().encode("utf-8"), err.getvalue().encode("utf-8")


def _entscheide_argv(datei: Path) -> list[str]:
    return ["entscheide", str(datei), "--anliegen", "massnahme", "--stichtag", "2026-10-21"]


@pytest.mark.parametrize("heute", ["1999-12-31", "2031-06-15"])
def test_the_frozen_today_is_in_effect_in_the_subprocess(umgebung, heute):
    probe = (
        "import datetime, time; "
        "print(datetime.date.today(), datetime.datetime.now().date(), "
        "datetime.datetime.today().date(), time.strftime('%Y-%m-%d'), "
        "datetime.date.fromtimestamp(time.time()))"
    )
    env = _env(umgebung["site"], "Pacific/Kiritimati", "C", "0", heute)
    p = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, env=env, timeout=60, check=True
    )
    assert p.stdout.decode().split() == [heute] * 5


def test_output_is_byte_identical_under_every_time_zone_locale_hash_seed_and_today(umgebung):
    argv = _entscheide_argv(umgebung["datei"])
    rc0, out0, err0 = _in_prozess(argv)
    assert rc0 == 1 and out0.count(b"\n") == len(FAELLE) + len(KAPUTT)
    assert "§".encode() in out0 and "ä".encode() in out0  # the encoding matters
    assert b'"rechtsfolgen"' in out0 and b'"zeile": 1,' in out0
    ergebnisse = {}
    for a, b, c, d in L9:
        env = _env(umgebung["site"], ZEITZONEN[a], LOCALES[b], HASHSEEDS[c], HEUTE[d])
        p = _lauf(argv, env)
        ergebnisse[(ZEITZONEN[a], LOCALES[b], HASHSEEDS[c], HEUTE[d])] = p
    for setting, p in ergebnisse.items():
        assert (p.returncode, p.stdout, p.stderr) == (rc0, out0, err0), setting


@pytest.mark.parametrize("heute", [None, "1999-12-31", "2031-06-15"])
def test_verlauf_and_demo_are_identical_under_other_environments(umgebung, heute):
    datei = umgebung["datei"]
    befehle = [
        ["verlauf", str(datei), "--stichtag", "2026-12-01", "--json"],
        ["verlauf", str(datei), "--stichtag", "2026-12-01"],
        ["demo"],
    ]
    i = HEUTE.index(heute)
    env = _env(umgebung["site"], ZEITZONEN[2 - i], LOCALES[i], HASHSEEDS[(i + 1) % 3], heute)
    for argv in befehle:
        rc0, out0, err0 = _in_prozess(argv)
        p = _lauf(argv, env)
        assert (p.returncode, p.stdout, p.stderr) == (rc0, out0, err0), argv


@pytest.mark.parametrize(
    "zusatz",
    [{"LC_ALL": "C", "PYTHONUTF8": "0"}, {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "latin-1"}],
    ids=["posix-ohne-utf8-modus", "latin-1"],
)
def test_output_is_utf8_whatever_the_locale_encoding(umgebung, zusatz):
    argv = _entscheide_argv(umgebung["datei"])
    rc0, out0, _ = _in_prozess(argv)
    env = _env(umgebung["site"], "UTC", None, "0", None) | zusatz
    p = _lauf(argv, env)
    assert b"Traceback" not in p.stderr
    assert (p.returncode, p.stdout) == (rc0, out0)


# -- in-process ------------------------------------------------------------------------------------


def _gemischt(obj: Any, rng: random.Random) -> Any:
    """``obj`` with the keys of every object in a random order; list order kept."""
    if isinstance(obj, dict):
        schluessel = list(obj)
        rng.shuffle(schluessel)
        return {k: _gemischt(obj[k], rng) for k in schluessel}
    if isinstance(obj, list):
        return [_gemischt(v, rng) for v in obj]
    return obj


def _antwort(obj: Any, anliegen: str, stichtag: str, faellig: str | None) -> str:
    fall = fall_aus_json(_bytes(obj))
    try:
        e = kooplan.entscheide(
            fall,
            anliegen,
            dt.date.fromisoformat(stichtag),
            dt.date.fromisoformat(faellig) if faellig else None,
        )
    except kooplan.KooplanError as err:
        return zeile(fehler_als_dict(err, 1))
    return zeile(entscheidung_als_dict(e, 1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    nr=st.integers(0, len(FAELLE) - 1),
    rng=st.randoms(use_true_random=False),
    anliegen=st.sampled_from(ANLIEGEN),
    stichtag=st.sampled_from(STICHTAGE),
    faellig=st.sampled_from([None, "2026-12-01"]),
)
def test_key_order_at_every_level_does_not_change_the_answer(nr, rng, anliegen, stichtag, faellig):
    obj = FAELLE[nr]
    gemischt = _gemischt(obj, rng)
    assert gemischt == obj
    assert _antwort(gemischt, anliegen, stichtag, faellig) == _antwort(
        obj, anliegen, stichtag, faellig
    )


def test_key_order_does_not_change_the_folded_state_or_the_steps():
    rng = random.Random(3)
    for obj in FAELLE:
        a = fall_aus_json(_bytes(obj))
        b = fall_aus_objekt(json.loads(_bytes(_gemischt(obj, rng))))
        assert a == b
        for stichtag in map(dt.date.fromisoformat, STICHTAGE):
            try:
                za, zb = kooplan.falte(a, stichtag), kooplan.falte(b, stichtag)
            except kooplan.KooplanError as err:
                with pytest.raises(type(err)) as info:
                    kooplan.falte(b, stichtag)
                assert (info.value.meldung, info.value.ort) == (err.meldung, err.ort)
                continue
            assert za == zb and repr(za) == repr(zb)
            assert kooplan.verlauf(a, stichtag) == kooplan.verlauf(b, stichtag)


def test_folding_and_deciding_twice_give_equal_results():
    for obj in FAELLE:
        fall = fall_aus_json(_bytes(obj))
        zweiter = fall_aus_json(_bytes(copy.deepcopy(obj)))
        assert fall == zweiter and hash(fall) == hash(zweiter)
        for stichtag in map(dt.date.fromisoformat, STICHTAGE):
            try:
                z1 = kooplan.falte(fall, stichtag)
            except kooplan.KooplanError:
                continue
            z2 = kooplan.falte(fall, stichtag)
            assert z1 == z2 and z1 == kooplan.falte(zweiter, stichtag)
            assert hash(z1) == hash(z2)
            for anliegen in ANLIEGEN:
                try:
                    e1 = kooplan.entscheide(fall, anliegen, stichtag)
                except kooplan.KooplanError as err:
                    with pytest.raises(type(err)) as info:
                        kooplan.entscheide(zweiter, anliegen, stichtag)
                    assert fehler_als_dict(info.value) == fehler_als_dict(err)
                    continue
                e2 = kooplan.entscheide(zweiter, anliegen, stichtag)
                assert e1 == e2
                assert zeile(entscheidung_als_dict(e1)) == zeile(entscheidung_als_dict(e2))


def test_a_line_s_answer_does_not_depend_on_the_lines_before_it(umgebung):
    """Each case is decided on its own: the same line alone or after all the others."""
    _, alle, _ = _in_prozess(_entscheide_argv(umgebung["datei"]))
    zeilen = eingabe().split(b"\n")[:-1]
    for nr, roh in enumerate(zeilen, start=1):
        einzeln = umgebung["ordner"] / "einzeln.jsonl"
        einzeln.write_bytes(b"\n" * (nr - 1) + roh + b"\n")
        _, out, _ = _in_prozess(_entscheide_argv(einzeln))
        assert out.split(b"\n")[nr - 1] == alle.split(b"\n")[nr - 1], nr


def test_demo_is_identical_across_runs():
    erste = _in_prozess(["demo"])
    assert erste[0] == 0
    for _ in range(2):
        assert _in_prozess(["demo"]) == erste


@pytest.mark.parametrize("tz", ["Pacific/Kiritimati", "America/Adak"])
@pytest.mark.parametrize("heute", [946641600.0, 1939204800.0])  # 31.12.1999, 15.6.2031 noon
def test_time_zone_and_clock_changed_in_process_do_not_change_the_output(
    umgebung, monkeypatch, tz, heute
):
    argv = _entscheide_argv(umgebung["datei"])
    vorher = _in_prozess(argv)
    demo = _in_prozess(["demo"])
    monkeypatch.setenv("TZ", tz)
    time.tzset()
    try:
        monkeypatch.setattr(time, "time", lambda: heute)
        monkeypatch.setattr(time, "time_ns", lambda: int(heute * 1e9))
        assert dt.date.today().year in (1999, 2000, 2031)
        assert _in_prozess(argv) == vorher
        assert _in_prozess(["demo"]) == demo
    finally:
        monkeypatch.undo()
        time.tzset()
