"""The rule catalogue: every rule with its norm, the statute sentences the norm cites, its kind
of source and the test questions that cover it; the coverage per provision.

The quotes of :mod:`kooplan.normen` are checked against the statute texts bundled in the package
(``kooplan/gesetzestexte``): every quote occurs verbatim in the file it names, stands at the place
it says, and §§ 15, 15a, 31, 31a, 31b, 32 SGB II are held completely, so that gaps can be reported.
The texts are part of every clone and of the wheel, so these checks run everywhere.

Every rule names a norm: a rule without one fails the tests and makes ``python -m kooplan.katalog``
exit non-zero, so the docs cannot be generated. Known defects of other kinds are listed below
(``OHNE_TEXT`` …): they are reported in the generated docs, and a new one fails the build. When one
is fixed, remove it from its list.
"""

from __future__ import annotations

import io
import re
from importlib import resources
from pathlib import Path

import attrs
import pytest

from kooplan.katalog import (
    TABELLEN,
    abdeckung,
    abdeckungsbericht,
    eintraege,
    katalog,
    main,
    regeln_ohne_norm,
)
from kooplan.normen import (
    DATEIEN,
    KERN,
    TEXTE,
    Fundstelle,
    ZitatFehler,
    fassungen_weichen_ab,
    gesetzestext,
    stellen,
    zerlege,
)
from kooplan.oberflaechen import katalog as katalog_modul
from kooplan.rechtsfolgen import SANKTIONSRECHT

ROOT = Path(__file__).resolve().parent.parent
#: The scenario files the coverage is read from: None, those that ship with the package.
TESTS = None
#: The folder of the bundled scenario files, as a path (``entscheidung/``, ``rechtsfolgen/``).
SZENARIEN = Path(str(resources.files("kooplan").joinpath("szenarien")))
#: The bundled statute texts (in the source tree or the installed wheel, wherever kooplan is).
GESETZESTEXTE = resources.files("kooplan.gesetzestexte")

#: Rules citing a norm whose text the bundled statute texts do not hold (§§ 7, 20 SGB II,
#: § 33 SGB X).
OHNE_TEXT = frozenset(
    {
        ("hinweis", "va.bestimmtheit"),
        ("hinweis", "rf.betrag_unbekannt"),
        ("hinweis", "rf.regelbedarf_vorgegeben"),  # § 20 SGB II
        ("hinweis", "rf.betrag_jahreswechsel"),  # § 20 SGB II
        ("uebergang", "leistungsbezug_beendet"),  # § 7 SGB II
    }
)
#: Citations without Fassung of a text the 13. SGB II-ÄndG changed (they should say a.F./n.F.).
OHNE_FASSUNG_ABER_GEAENDERT = frozenset({"§ 15 Abs. 2 SGB II"})


# -- the statute texts, parsed as the test's own reading ---------------------------------------

_KOPF = re.compile(r"^# § (\d+[a-z]?) – ")
_ABSATZ = re.compile(r"^\((\d+[a-z]?)\) ")
_NUMMER = re.compile(r"^(\d+)\. ")
_SATZENDE = re.compile(r"(?<=\.)\s+(?=[A-ZÄÖÜ§])")
#: "1. Januar", "18. Lebensjahres": an ordinal, not the end of a sentence.
_ORDINAL_VOR = re.compile(r"\d\.$")
_ORDINAL_NACH = re.compile(
    r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    r"|Lebensjahr)"
)

Gliederung = tuple[str, str | None, int | None, int | None, str]


def _saetze(text: str) -> list[str]:
    teile: list[str] = []
    start = 0
    for m in _SATZENDE.finditer(text):
        if _ORDINAL_VOR.search(text[start : m.start()]) and _ORDINAL_NACH.match(text, m.end()):
            continue
        teile.append(text[start : m.start()])
        start = m.end()
    teile.append(text[start:])
    return teile


def gliedern(text: str) -> list[Gliederung]:
    """Every sentence of a statute excerpt as (paragraph, Absatz, Satz, Nummer, text): of a
    sentence with a numbered list its opening words, each item and the words after the list."""
    out: list[Gliederung] = []
    paragraph: str | None = None
    absatz: str | None = None
    satz = 0
    in_liste = False
    for roh in re.split(r"\n\s*\n", text):
        block = roh.strip()
        if not block:
            continue
        if block.startswith("#"):
            m = _KOPF.match(block)
            paragraph = m.group(1) if m else None
            absatz, satz, in_liste = None, 0, False
            continue
        if paragraph is None or block.startswith("(+++"):
            continue
        m = _ABSATZ.match(block)
        if m:
            absatz, satz, in_liste = m.group(1), 0, False
            block = block[m.end() :]
            if block == "(weggefallen)":
                out.append((paragraph, absatz, None, None, block))
                continue
        m = _NUMMER.match(block)
        if m and satz:
            in_liste = True
            out.append((paragraph, absatz, satz, int(m.group(1)), block[m.end() :]))
            continue
        if in_liste and block[0].islower():
            out.append((paragraph, absatz, satz, None, block))
            continue
        in_liste = False
        for s in _saetze(block):
            satz += 1
            out.append((paragraph, absatz, satz, None, s))
    return out


def _text(datei: str) -> str:
    return gesetzestext(datei)


def _gegliedert() -> dict[str, list[Gliederung]]:
    return {d: gliedern(_text(d)) for d in DATEIEN}


# -- the statute texts themselves ---------------------------------------------------------------


def _dateien_im_paket() -> set[str]:
    return {p.name for p in GESETZESTEXTE.iterdir() if p.name.endswith(".md")} - {"README.md"}


def test_every_statute_file_is_known():
    assert _dateien_im_paket() == set(DATEIEN)


def test_the_index_lists_every_file_with_its_retrieval_day():
    """The folder's README names every file and the day it was retrieved, as the file's heading
    says ("Stand des Abrufs YYYY-MM-DD"), and the source of the texts."""
    index = GESETZESTEXTE.joinpath("README.md").read_text(encoding="utf-8")
    assert "kmein/gesetze" in index and "gesetze-im-internet.de" in index
    assert "§ 5" in index and "UrhG" in index
    zeilen = {
        z.split("|")[1].strip().strip("`"): z for z in index.splitlines() if z.startswith("| `")
    }
    assert set(zeilen) == set(DATEIEN)
    for name in DATEIEN:
        kopf = gesetzestext(name).splitlines()[0]
        m = re.search(r"Stand des Abrufs (\d{4}-\d{2}-\d{2})$", kopf)
        assert m, (name, kopf)
        assert zeilen[name].rstrip().endswith(f"| {m.group(1)} |"), name


def test_the_file_of_the_fassung_brought_forward_names_no_first_day():
    """Its first day is unverified: neither the file's name nor its heading nor the index says
    which day it is (the Rechtsstand table holds the assumed day)."""
    name = next(d for d in DATEIEN if "vorgezogen" in d)
    kopf = gesetzestext(name).splitlines()[0]
    index = GESETZESTEXTE.joinpath("README.md").read_text(encoding="utf-8")
    for text in (name, kopf, index):
        assert not re.search(
            r"\b(1[7-9]|2[0-3])\.\s*(4\.|April)\s*2026|2026-04-(1[7-9]|2[0-3])", text
        ), text
    assert "ungeprüft" in kopf and "unverified" in index


def test_gesetzestext_refuses_an_unknown_name():
    with pytest.raises(KeyError):
        gesetzestext("../README.md")


# -- the quotes against the statute texts --------------------------------------------------------


def test_every_quote_occurs_verbatim_in_the_file_it_names():
    for s in TEXTE:
        for datei in (s.datei, *s.auch_in):
            assert s.text in _text(datei), (datei, s.ort, s.text)


def test_every_quote_stands_where_it_says():
    """Paragraph, Absatz, Satz and Nummer are right, and ``auch_in`` names exactly the other
    versions of SGB II with the same words at the same place."""
    gegliedert = _gegliedert()
    for s in TEXTE:
        stelle = (s.paragraph, s.absatz, s.satz, s.nummer, s.text)
        assert stelle in gegliedert[s.datei], (s.datei, s.ort, s.text)
        gleich = {
            d
            for d, info in DATEIEN.items()
            if d != s.datei and info.gesetz == s.gesetz and stelle in gegliedert[d]
        }
        assert set(s.auch_in) == gleich, (s.datei, s.ort)


@pytest.mark.parametrize("datei", ["SGB_II_2023-07-01.md", "SGB_II_2026-07-01.md"])
def test_the_core_paragraphs_are_held_completely(datei):
    """§§ 15, 15a, 31, 31a, 31b, 32 in the a.F. and the n.F.: nothing left out, so that every
    provision no rule cites shows up as a gap."""
    im_gesetz = [g for g in _gegliedert()[datei] if g[0] in KERN]
    gespeichert = [
        (s.paragraph, s.absatz, s.satz, s.nummer, s.text)
        for s in TEXTE
        if s.datei == datei and s.paragraph in KERN
    ]
    assert gespeichert == im_gesetz


def test_the_2024_additions_are_held_completely():
    im_gesetz = [
        g
        for g in _gegliedert()["SGB_II_2024-03-28.md"]
        if (g[0], g[1]) in {("31a", "7"), ("31b", "3")}
    ]
    gespeichert = [
        (s.paragraph, s.absatz, s.satz, s.nummer, s.text)
        for s in TEXTE
        if s.datei == "SGB_II_2024-03-28.md"
    ]
    assert gespeichert == im_gesetz


def test_quotes_are_unique_and_in_known_files():
    gesehen = set()
    for s in TEXTE:
        assert s.datei in DATEIEN and set(s.auch_in) <= set(DATEIEN)
        schluessel = (s.datei, s.paragraph, s.absatz, s.satz, s.nummer, s.text)
        assert schluessel not in gesehen, schluessel
        gesehen.add(schluessel)
        assert s.text == s.text.strip() and s.text


# -- parsing citations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zitat", "teile"),
    [
        ("§ 15 Abs. 5 Satz 2 SGB II a.F.", ["§ 15 Abs. 5 Satz 2 SGB II a.F."]),
        ("§ 15 Abs. 2, 3 SGB II", ["§ 15 Abs. 2 SGB II", "§ 15 Abs. 3 SGB II"]),
        (
            "§ 32 Abs. 1 SGB II a.F. i.V.m. § 59 SGB II, § 309 SGB III",
            ["§ 32 Abs. 1 SGB II a.F.", "§ 59 SGB II", "§ 309 SGB III"],
        ),
        (
            "§ 31a Abs. 1 Satz 1, § 31b Abs. 2 Satz 1 Nr. 1 SGB II a.F.",
            ["§ 31a Abs. 1 Satz 1 SGB II a.F.", "§ 31b Abs. 2 Satz 1 Nr. 1 SGB II a.F."],
        ),
        (
            "§ 15a Abs. 2, 4, § 15 Abs. 6 SGB II a.F.",
            ["§ 15a Abs. 2 SGB II a.F.", "§ 15a Abs. 4 SGB II a.F.", "§ 15 Abs. 6 SGB II a.F."],
        ),
        (
            "§ 32 Abs. 1 Satz 1, Abs. 2 Satz 2 SGB II n.F.",
            ["§ 32 Abs. 1 Satz 1 SGB II n.F.", "§ 32 Abs. 2 Satz 2 SGB II n.F."],
        ),
        (
            "§ 15 Abs. 1 SGB II, § 15 Abs. 4 SGB II a.F.",
            ["§ 15 Abs. 1 SGB II", "§ 15 Abs. 4 SGB II a.F."],
        ),
        (
            "§ 31 Abs. 1 Satz 1 Nr. 2, 3 SGB II n.F.",
            ["§ 31 Abs. 1 Satz 1 Nr. 2 SGB II n.F.", "§ 31 Abs. 1 Satz 1 Nr. 3 SGB II n.F."],
        ),
        (
            "§ 15a Abs. 1 Satz 2 SGB II n.F. (entsprechend)",
            ["§ 15a Abs. 1 Satz 2 SGB II n.F. (entsprechend)"],
        ),
        ("§ 15a SGB II a.F.", ["§ 15a SGB II a.F."]),
        ("§ 24 Abs. 1 SGB X", ["§ 24 Abs. 1 SGB X"]),
        (
            "§ 31a Abs. 1 Satz 1–3 SGB II a.F.",
            [f"§ 31a Abs. 1 Satz {n} SGB II a.F." for n in (1, 2, 3)],
        ),
    ],
)
def test_citations_are_parsed_into_their_parts(zitat, teile):
    assert [str(f) for f in zerlege(zitat)] == teile


def test_a_part_has_paragraph_absatz_satz_nummer_law_and_fassung():
    (f,) = zerlege("§ 31 Abs. 1 Satz 1 Nr. 3 SGB II n.F.")
    assert f == Fundstelle("31", "1", 1, 3, "SGB II", "n.F.")
    (g,) = zerlege("§ 309 SGB III")
    assert (g.paragraph, g.absatz, g.satz, g.nummer, g.gesetz, g.fassung) == (
        "309",
        None,
        None,
        None,
        "SGB III",
        "",
    )


@pytest.mark.parametrize(
    "zitat",
    [
        "",
        "§ 15 Abs. 2",  # no law
        "Abs. 2 SGB II",  # no paragraph
        "§ 15 Abs. SGB II",  # no number
        "§ 15 Abs. 2 3 SGB II",  # no comma
        "§ 15 SGB II a.F. a.F.",
        "§ 15 Abs. 2 SGB II i.V.m.",
        "§ 15 Abs. 2 SGB II § 16 SGB II",
        "§ 15 Abs. 2 nach SGB II",
        "§ 15 Satz 3–1 SGB II",
        "a.F. § 15 SGB II",
    ],
)
def test_malformed_citations_are_rejected(zitat):
    with pytest.raises(ZitatFehler):
        zerlege(zitat)


def test_a_nummer_is_quoted_with_the_opening_words_of_its_sentence():
    (f,) = zerlege("§ 31 Abs. 1 Satz 1 Nr. 2 SGB II a.F.")
    texte = [s.text for s in stellen(f)]
    assert texte[0].startswith("Erwerbsfähige Leistungsberechtigte verletzen ihre Pflichten")
    assert texte[1].startswith("sich weigern, eine zumutbare Arbeit")
    assert len(texte) == 2


def test_which_text_a_fassung_means():
    def dateien(zitat: str) -> set[str]:
        return {s.datei for f in zerlege(zitat) for s in stellen(f)}

    assert dateien("§ 31a Abs. 7 SGB II a.F.") == {"SGB_II_2024-03-28.md"}
    assert dateien("§ 31b Abs. 3 SGB II a.F.") == {"SGB_II_2024-03-28.md"}
    assert dateien("§ 31b Abs. 1 Satz 3 SGB II a.F.") == {"SGB_II_2023-07-01.md"}
    assert dateien("§ 31a Abs. 7 SGB II n.F.") == {"SGB_II_2026-07-01.md"}
    # unchanged by the 13. SGB II-ÄndG: one quote, found in both versions
    (f,) = zerlege("§ 31a Abs. 3 SGB II")
    (s,) = stellen(f)
    assert "SGB_II_2026-07-01.md" in s.auch_in
    assert not fassungen_weichen_ab(f)
    assert len(stellen(f, gleichlautende=True)) == 2
    # a provision that does not exist has no quote
    assert stellen(zerlege("§ 15 Abs. 5 Satz 3 SGB II a.F.")[0]) == ()
    assert stellen(zerlege("§ 31 Abs. 1 Satz 1 Nr. 4 SGB II a.F.")[0]) == ()


# -- every rule: norm, quote, coverage -----------------------------------------------------------


def test_every_table_row_is_an_entry_with_a_unique_id():
    alle = eintraege()
    schluessel = [e.schluessel for e in alle]
    assert len(schluessel) == len(set(schluessel))
    assert {e.tabelle for e in alle} == set(TABELLEN)
    import kooplan

    ids = {e.schluessel for e in alle}
    assert {("uebergang", u.id) for u in kooplan.UEBERGAENGE} <= ids
    assert {("regel", r.id) for r in kooplan.REGELN} <= ids
    assert {("hinweis", c) for c in kooplan.HINWEISE} <= ids
    stufen = sum(len(r.pflichtverletzung) + 1 for r in SANKTIONSRECHT.values())
    abs7 = sum(1 for r in SANKTIONSRECHT.values() if r.abs7_norm)
    assert sum(1 for e in alle if e.tabelle == "rechtsfolge") == stufen + abs7


def test_every_citation_in_the_tables_parses():
    for e in eintraege():
        try:
            e.fundstellen()
        except ZitatFehler as err:  # pragma: no cover - the failure message
            pytest.fail(f"{e.tabelle} {e.id}: {err}")


def test_every_rule_names_a_norm():
    ohne = sorted(e.schluessel for e in eintraege() if e.ohne_norm)
    assert not ohne, f"rules without a norm: {ohne}"
    assert regeln_ohne_norm() == ()


def _ohne_norm_uebergang(monkeypatch):
    import kooplan.phasen

    zeilen = list(kooplan.phasen.UEBERGAENGE)
    zeilen[3] = attrs.evolve(zeilen[3], normen={})
    monkeypatch.setattr(katalog_modul, "UEBERGAENGE", tuple(zeilen))
    return ("Übergänge", zeilen[3].id)


def _ohne_norm_hinweis(monkeypatch):
    import kooplan.begruendung

    hinweise = dict(kooplan.begruendung.HINWEISE)
    hinweise["plan.sehr_lang"] = attrs.evolve(hinweise["plan.sehr_lang"], norm=None)
    monkeypatch.setattr(katalog_modul, "HINWEISE", hinweise)
    return ("Hinweise", "plan.sehr_lang")


@pytest.mark.parametrize("tabelle", [_ohne_norm_uebergang, _ohne_norm_hinweis])
@pytest.mark.parametrize("args", [[], ["--abdeckung"], ["--ohne-tests"]])
def test_a_rule_without_a_norm_fails_the_catalogue(monkeypatch, capsys, tabelle, args):
    """A table row that names no norm: the generator writes nothing and exits 1, naming it."""
    monkeypatch.chdir(ROOT)
    titel, regel = tabelle(monkeypatch)
    assert [e.id for e in regeln_ohne_norm()] == [regel]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 Regel(n) ohne Norm" in err
    assert f"{titel}: {regel}" in err


def test_every_rule_quotes_the_statute_sentences_of_its_norm():
    """Every rule with a norm has at least one quote, and every part of its norm has one."""
    fehlt = set()
    for e in eintraege():
        if e.ohne_norm:
            continue
        zitate = [s for f in e.fundstellen() for s in stellen(f)]
        if not zitate or e.ohne_text():
            fehlt.add(e.schluessel)
    neu = fehlt - OHNE_TEXT
    assert not neu, f"rules whose norm has no quote: {sorted(neu)}"


def test_citations_without_fassung_cite_unchanged_text():
    """A norm cited without a.F./n.F. must read the same in both (docs/fachliches.md section 4)."""
    geaendert = {str(f) for e in eintraege() for f in e.fundstellen() if fassungen_weichen_ab(f)}
    assert geaendert <= OHNE_FASSUNG_ABER_GEAENDERT, sorted(geaendert - OHNE_FASSUNG_ABER_GEAENDERT)


def test_every_rule_is_checked_by_a_scenario():
    """Every rule is named by the expectation of some question, and every rule is run through
    by some question."""
    ab = abdeckung(TESTS)
    assert ab.vollstaendig
    ohne = sorted(e.schluessel for e in eintraege() if not ab.geprueft.get(e.schluessel))
    assert not ohne, f"rules no question checks: {ohne}"
    nie = {e.schluessel for e in eintraege() if not ab.durchlaufen.get(e.schluessel)}
    assert not nie, f"rules no question runs through: {sorted(nie)}"


def test_coverage_counts_what_the_questions_name():
    ab = abdeckung(TESTS)
    geprueft = ab.geprueft
    # regime_b.yaml, scenario 1, asks for the first invitation (rule alle.erste_einladung)
    titel = {f.titel for f in geprueft[("regel", "alle.erste_einladung")]}
    assert "Erstkontakt ohne jedes Ereignis: alle vier Anliegen ohne RFB" in titel
    # the B steps of § 31 are asserted by the Rechtsfolgen scenarios
    assert geprueft[("rechtsfolge", "rechtsfolgen.2023-07.pflichtverletzung.3")]
    assert geprueft[("rechtsfolge", "rechtsfolgen.2024-03.abs7")]
    # the bundled examples count with their decided rule
    assert any(f.datei == "beispiele" for f in geprueft[("regel", "alle.erste_einladung")])
    for fragen in (*ab.geprueft.values(), *ab.durchlaufen.values()):
        assert len(fragen) == len(set(fragen))


# -- the generated documents ---------------------------------------------------------------------


def test_rule_catalogue_in_docs_is_generated():
    assert (ROOT / "docs" / "regeln.md").read_text(encoding="utf-8") == katalog(TESTS), (
        "docs/regeln.md is stale: run `python -m kooplan.katalog > docs/regeln.md`"
    )


def test_coverage_report_in_docs_is_generated():
    assert (ROOT / "docs" / "abdeckung.md").read_text(encoding="utf-8") == abdeckungsbericht(
        TESTS
    ), "docs/abdeckung.md is stale: run `python -m kooplan.katalog --abdeckung > docs/abdeckung.md`"


def test_the_default_is_the_bundled_scenarios_wherever_it_runs(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    text = abdeckungsbericht()
    assert "`kooplan/szenarien/entscheidung/*.yaml`: 10 files" in text
    assert text == (ROOT / "docs" / "abdeckung.md").read_text(encoding="utf-8")
    assert katalog() != katalog(False)


def test_a_folder_with_the_same_layout_gives_the_same_coverage():
    assert abdeckung(SZENARIEN).fragen == abdeckung().fragen
    assert abdeckung(SZENARIEN).geprueft == abdeckung().geprueft
    assert "`entscheidung/*.yaml`: 10 files" in abdeckungsbericht(SZENARIEN)


def test_catalogue_shows_every_rule_with_norm_source_quote_and_tests():
    text = katalog(TESTS)
    for e in eintraege():
        abschnitt = text.split(f"#### `{e.id}`\n", 1)[1].split("\n#### ", 1)[0]
        assert f"Quelle: {e.quelle}" in abschnitt
        assert "- Checked by: " in abschnitt
        if e.ohne_norm:
            assert "no norm" in abschnitt
            continue
        for f in e.fundstellen():
            assert f"**{f}**" in abschnitt
            for s in stellen(f):
                assert f"„{s.text}“" in abschnitt or "as above" in abschnitt


def test_coverage_report_lists_every_absatz_and_marks_gaps():
    text = abdeckungsbericht(TESTS)
    for s in TEXTE:
        ort = f"§ {s.paragraph}" + (f" Abs. {s.absatz}" if s.absatz else "")
        assert f"| {ort} |" in text
    # § 31a Abs. 2 a.F. (Anhörung) is cited by no rule: a visible gap; the n.F. Satz 3 (a
    # personal hearing before a third missed meeting is found) is cited by a note
    assert text.count("| § 31a Abs. 2 | – |") == 1
    assert "**gap**" in text
    assert "Rules without a norm (" in text


def test_without_a_tests_folder_only_the_examples_count():
    ab = abdeckung(False)
    assert not ab.vollstaendig
    assert {f.datei for f in ab.fragen} == {"beispiele"}
    text = katalog(False)
    assert "no scenario files read" in text
    assert "no scenario files read" in abdeckungsbericht(False)


def test_command_line(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main([]) == 0
    assert capsys.readouterr().out == katalog(TESTS)
    assert main(["--abdeckung", str(SZENARIEN)]) == 0
    assert capsys.readouterr().out == abdeckungsbericht(SZENARIEN)
    assert main(["--ohne-tests"]) == 0
    assert "no scenario files read" in capsys.readouterr().out
    with pytest.raises(SystemExit) as err:
        main(["/kein/ordner"])
    assert err.value.code == 2


def test_command_line_writes_utf8_without_a_byte_buffer(monkeypatch):
    puffer = io.StringIO()
    monkeypatch.setattr(katalog_modul.sys, "stdout", puffer)
    assert main(["--ohne-tests", "--abdeckung"]) == 0
    assert puffer.getvalue().startswith("# Coverage by provision")
