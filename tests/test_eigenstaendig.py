"""The repository stands on its own: no page, docstring, comment, test, script or changelog line
refers to a document, folder, issue or process that a user of the repository does not have.

Scanned: README, CHANGELOG, pyproject, mkdocs.yml, conftest.py, .ci, and every text file in docs,
src, tests, benchmarks and tools (the vendored Mermaid excepted). A reference to something in the
repository (a docs page, a test file, a statute text in the package) is fine; a rule is said in
the project's own words and cites its norm.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kooplan

ROOT = Path(__file__).resolve().parent.parent
DIESE_DATEI = Path(__file__).resolve()
PAKET = Path(kooplan.__file__).resolve().parent

#: What a user of the repository does not have, with a pattern that finds a reference to it.
#: (The words are assembled, so that this file does not match itself when read as text.)
_F, _C, _B, _A = "FACH" + "KONZEPT", "CON" + "TRACT", "BEI" + "SPIELE", "ARCHI" + "TEKTUR"
_SH, _WO, _IS, _SE, _BR = "sha" + "red", "wo" + "rk", "iss" + "ue", "ses" + "sion", "bri" + "ef"
MUSTER: dict[str, re.Pattern[str]] = {
    "the requirements document on the domain rules": re.compile(rf"(?i){_F}"),
    "the requirements document on the contract": re.compile(rf"\b{_C}(\.md)?\b"),
    "the requirements document on worked examples": re.compile(rf"\b{_B}(\.md)?\b"),
    "the early architecture sketch": re.compile(rf"\b{_A}(\.md)?\b"),
    "a folder outside the repository": re.compile(
        rf"\.\./({_SH}|spec|recht)\b|\b{_SH}/(spec|recht)\b|(?<![\w/.-])(recht|spec)/"
        rf"|{_SH} folder|steering repo"
    ),
    "a path of one machine": re.compile(rf"/{_WO}/|/root/|/home/\w+/|[A-Z]:\\\\"),
    "an issue of the tracker": re.compile(rf"(?i)\b({_IS}s?|tickets?|PR)\s*#?\s*\d+|\b{_IS} #"),
    "a work session": re.compile(
        rf"(?i)\b({_WO}(ing)? )?{_SE}s? \d+\b|\b{_SE}\b(?! ?(fixture|scope))"
    ),
    "the instructions given for a task": re.compile(rf"(?i)\bthe {_BR}\b|\b{_BR} asks\b"),
    "a requirements document": re.compile(
        r"(?i)\brequirements? (document|text|spec)|\bthe requirements\b|\bfachkonzept\b"
    ),
    "earlier rounds of work or outside targets": re.compile(
        r"(?i)\brounds? of (speed )?work\b|\bearlier rounds?\b|\btargets? (from|of) the\b"
        r"|\btarget ≤|\btarget ≥|\bmissed, \d"
    ),
}

#: The pytest fixture scope word is a term of the tool, not a work session.
_ERLAUBT = re.compile(r'scope="session"|scope=.session.|"session"|session-scoped|test session')


def _dateien() -> list[Path]:
    dateien = [
        ROOT / name
        for name in ("README.md", "CHANGELOG.md", "pyproject.toml", "mkdocs.yml", "conftest.py")
    ]
    dateien += sorted(p for p in (ROOT / ".ci").glob("*") if p.is_file())
    # the package as installed (the source tree's, or the wheel's when the tests run against it)
    ordner_liste = [ROOT / "docs", PAKET, ROOT / "tests", ROOT / "benchmarks", ROOT / "tools"]
    for ordner in ordner_liste:
        for p in sorted(ordner.rglob("*")):
            if not p.is_file() or "__pycache__" in p.parts or p.suffix in (".pyc", ".png"):
                continue
            if (ROOT / "docs" / "assets" / "mermaid") in p.parents:
                continue  # vendored third-party code
            dateien.append(p)
    return [p for p in dateien if p.exists() and p.resolve() != DIESE_DATEI]


def _texte() -> list[tuple[Path, str]]:
    out = []
    for p in _dateien():
        try:
            out.append((p, p.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            continue  # binary test data
    return out


def _name(p: Path) -> str:
    if PAKET in p.parents:
        return "kooplan/" + p.relative_to(PAKET).as_posix()
    return p.relative_to(ROOT).as_posix()


def test_the_scan_reads_the_places_that_matter():
    namen = {_name(p) for p, _ in _texte()}
    pflicht = [
        "README.md",
        "CHANGELOG.md",
        ".ci/run",
        "docs/batch.md",
        "docs/notebooks/fallbestand.ipynb",
        "kooplan/phasen.py",
        "kooplan/gesetzestexte/README.md",
        "kooplan/szenarien/entscheidung/regime_b.yaml",
    ]
    # benchmarks and tools are in the source tree, not in the copy the wheel is tested with
    if (ROOT / "benchmarks").is_dir():
        pflicht += ["benchmarks/suite.py", "tools/mutation.py"]
    for datei in pflicht:
        assert datei in namen, datei
    assert len(namen) > 100


@pytest.mark.parametrize("was", sorted(MUSTER))
def test_no_reference_to_what_a_user_does_not_have(was):
    muster = MUSTER[was]
    funde = []
    for p, text in _texte():
        for nr, zeile in enumerate(text.splitlines(), start=1):
            if muster.search(_ERLAUBT.sub("", zeile)):
                funde.append(f"{_name(p)}:{nr}: {zeile.strip()[:120]}")
    assert not funde, (
        f"{len(funde)} reference(s) to {was}; say it in the project's own words and cite the "
        "norm or a page of the repository:\n" + "\n".join(funde[:40])
    )


@pytest.mark.parametrize(
    ("was", "zeile"),
    [
        ("the requirements document on the domain rules", "see " + _F + " § 3"),
        ("the requirements document on the contract", "as " + _C + ".md says"),
        ("the requirements document on worked examples", _B + " no. 18"),
        ("the early architecture sketch", "see " + _A + " pitfalls"),
        ("a folder outside the repository", f"the texts in ../{_SH}/recht"),
        ("a path of one machine", f"written from /{_WO}/{_SH}/recht"),
        ("an issue of the tracker", f"Faster ({_IS} 5)"),
        ("an issue of the tracker", f"as {_IS} #6 asks"),
        ("a work session", f"before: {_SE} 2"),
        ("the instructions given for a task", f"dropping checks the {_BR} asks for"),
        ("a requirements document", "the requirements text says"),
        ("earlier rounds of work or outside targets", "after the second round of speed work"),
        ("earlier rounds of work or outside targets", "one decision (target ≤ 1 µs)"),
    ],
)
def test_each_pattern_finds_what_it_is_for(was, zeile):
    assert MUSTER[was].search(_ERLAUBT.sub("", zeile))


@pytest.mark.parametrize(
    "zeile",
    [
        "docs/fachliches.md section 3 (the state machine)",
        "the contract page (docs/vertrag.md)",
        "worked example 18",
        "the statute texts in kooplan/gesetzestexte/SGB_II_2023-07-01.md",
        '@pytest.fixture(scope="session")',
        "emptied at the start of a test session",
        "§ 15 Abs. 4 SGB II a.F.",
        "a note (`offen.beginn_2026_04`)",
    ],
)
def test_what_the_repository_has_may_be_named(zeile):
    for was, muster in MUSTER.items():
        assert not muster.search(_ERLAUBT.sub("", zeile)), (was, zeile)
