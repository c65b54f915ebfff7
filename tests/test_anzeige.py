"""Notebook rendering: decisions, Verlauf, plan and diagram show themselves without personal data."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import kooplan
from kooplan.diagramm import diagramm

D = dt.date
GEHEIM = "GEHEIM-<b>4711</b>"


class _Zaehler(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.offen: list[str] = []
        self.tabellen = 0
        self.zellen: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.offen.append(tag)
        self.tabellen += tag == "table"

    def handle_endtag(self, tag):
        assert self.offen and self.offen[-1] == tag, (self.offen, tag)
        self.offen.pop()

    def handle_data(self, data):
        self.zellen.append(data)


def _pruefe_html(html: str) -> _Zaehler:
    z = _Zaehler()
    z.feed(html)
    z.close()
    assert not z.offen, "every tag is closed"
    return z


def _fall() -> kooplan.Fall:
    plan = kooplan.Kooperationsplan(GEHEIM, [GEHEIM, "Schritt"])
    return kooplan.Fall(
        "NB-1",
        [
            kooplan.PlanErstellt(am=D(2024, 1, 15), plan=plan),
            kooplan.MitwirkungUnterblieben(
                am=D(2024, 3, 4), mitwirkung=kooplan.Mitwirkung.MASSNAHME, wichtiger_grund=False
            ),
        ],
        geburtsdatum=D(1987, 6, 5),
        regelbedarfsstufe=1,
    )


def test_decision_renders_as_tables_with_reasons_notes_and_consequences():
    e = kooplan.entscheide(_fall(), "massnahme", D(2024, 3, 10))
    z = _pruefe_html(e._repr_html_())
    text = " ".join(z.zellen)
    assert z.tabellen == 3 + (1 if e.hinweise else 0)
    for teil in ("NB-1", "mitwirkung_eingefordert", "mit_rfb", e.gruende[0].norm, "56.30"):
        assert teil in text
    assert "1987" not in text and "GEHEIM" not in text


def test_verlauf_renders_and_stays_a_tuple():
    v = kooplan.verlauf(_fall(), D(2024, 3, 10))
    assert isinstance(v, tuple) and len(v) == 2
    z = _pruefe_html(v._repr_html_())
    assert "kooperation" in z.zellen and "mitwirkung_eingefordert" in z.zellen


def test_plan_shows_its_shape_not_its_texts():
    plan = kooplan.Kooperationsplan(GEHEIM, [GEHEIM, "Schritt"])
    html = plan._repr_html_()
    _pruefe_html(html)
    assert "GEHEIM" not in html and "4711" not in html
    assert "<td>2</td>" in html  # two Schritte


def test_text_is_escaped():
    """Every text cell is escaped: a reason's text with markup shows as text, not as markup."""
    import attrs

    fall = kooplan.Fall("JC-1", [kooplan.PlanGescheitert(am=dt.date(2025, 5, 2))])
    e = kooplan.entscheide(fall, "massnahme", dt.date(2025, 5, 6))
    grund = attrs.evolve(e.gruende[0], text="<script>x</script> a<b> T&T")
    html = attrs.evolve(e, gruende=(grund,))._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "a&lt;b&gt;" in html and "T&amp;T" in html


def test_diagram_renders_as_mermaid_markdown():
    d = diagramm()
    md = d._repr_markdown_()
    assert md.startswith("```mermaid\nstateDiagram-v2")
    assert md.endswith("```")
    assert str(d).startswith("stateDiagram-v2")


# -- text and Markdown ------------------------------------------------------------------------------


def test_str_of_a_decision_is_one_short_line_with_the_answer():
    e = kooplan.entscheide(_fall(), "massnahme", D(2024, 3, 10))
    s = str(e)
    assert "\n" not in s and len(s) < 200
    assert s.startswith("NB-1: massnahme am 10.03.2024 mit_rfb")
    assert "Phase mitwirkung_eingefordert" in s and "Rechtsstand 2023-07" in s
    assert e.gruende[0].regel in s and e.gruende[0].norm in s
    assert repr(e).startswith("Entscheidung(")  # the repr stays the value object's


def test_text_and_markdown_of_a_decision_say_everything_it_holds():
    e = kooplan.entscheide(_fall(), "massnahme", D(2024, 3, 10))
    assert e.hinweise and e.rechtsfolgen is not None and e.rechtsfolgen.folgestufen
    for text in (e.als_text(), e.als_markdown()):
        for g in e.gruende:
            assert g.regel in text and g.norm in text and g.quelle.value in text
        for h in e.hinweise:
            assert h.code in text and (h.norm or "") in text
        assert "mitwirkung_eingefordert" in text and "mit_rfb" in text
        assert "15.07.2024" in text  # the plan's review date
        r = e.rechtsfolgen
        assert r.norm in text and "10 % für 1 Monat" in text and "56,30 €" in text
        for f in r.folgestufen:
            assert f.norm in text
    assert e.als_markdown().startswith("### Fall NB-1: massnahme am 10.03.2024\n")
    assert "| diese | `2023-07` | 10 % für 1 Monat, 56,30 € |" in e.als_markdown()


def test_text_of_a_decision_without_rfb_and_with_an_alternative_reading():
    ohne = kooplan.entscheide(
        kooplan.Fall("T-1", [kooplan.PlanErstellt(am=D(2024, 1, 15))]), "massnahme", D(2024, 2, 1)
    )
    assert ohne.rechtsfolgen is None
    assert "Rechtsfolgen (" not in ohne.als_text()
    assert "**Rechtsfolgen**" not in ohne.als_markdown()
    assert "ohne Rechtsfolgenbelehrung" in ohne.als_text()
    fall = kooplan.Fall(
        "T-18",
        [
            kooplan.EinladungVersandt(am=D(2026, 5, 4)),
            kooplan.PlanGescheitert(am=D(2026, 5, 11)),
        ],
    )
    e = kooplan.entscheide(fall, "eigenbemuehungen", D(2026, 6, 20), faellig=D(2026, 7, 3))
    text = e.als_text()
    assert "fällig am 03.07.2026" in text
    assert "Rechtsfolgen (Recht des 03.07.2026, Rechtsstand 2026-07)" in text
    assert "nach Rechtsstand 2026-04: 10 % für 1 Monat" in text
    assert "| Alternative | `2026-04` | 10 % für 1 Monat |" in e.als_markdown()


def test_als_dict_is_the_contract_object():
    from kooplan.vertrag import entscheidung_als_dict

    e = kooplan.entscheide(_fall(), "massnahme", D(2024, 3, 10))
    assert e.als_dict() == entscheidung_als_dict(e)
    assert e.als_dict()["schema"] == "kooplan/entscheidung/1"


def test_text_of_a_verlauf_names_every_step_with_rule_norm_and_notes():
    fall = kooplan.Fall(
        "V-1",
        [
            kooplan.PlanErstellt(am=D(2024, 1, 15)),
            kooplan.PlanGescheitert(am=D(2024, 4, 2)),
            kooplan.SchlichtungBegonnen(am=D(2024, 4, 8), verlangt_von=kooplan.VerlangtVon.BEIDE),
        ],
    )
    v = kooplan.verlauf(fall, D(2024, 6, 1))
    # begun on Monday 8.4.2024, the four weeks end with Monday 6.5.2024 (§ 188 Abs. 2 BGB): the
    # case is without a plan from 7.5.2024
    assert str(v) == (
        "Verlauf: 4 Schritte vom 15.01.2024 bis 07.05.2024: "
        "erstkontakt → kooperation → ohne_plan → schlichtung → ohne_plan"
    )
    text, md = v.als_text(), v.als_markdown()
    for s in v:
        assert s.regel.id in text and s.regel.id in md
        assert (s.norm or "ohne Norm") in text
    assert "zeit:vier_wochen (ohne Ereignis)" in text
    assert "plan_gescheitert (Ereignis 2)" in text
    assert "Hinweise: b.plan_gescheitert.schlichtung" in text  # raised under the Bürgergeld law
    assert md.count("\n| ") == len(v) + 1  # the header and one row per step


def test_a_verlauf_shows_only_the_notes_its_day_raises():
    """A failed plan under the new law raises no note on the Schlichtung (repealed)."""
    fall = kooplan.Fall("V-2", [kooplan.PlanGescheitert(am=D(2026, 7, 6))])
    v = kooplan.verlauf(fall, D(2026, 7, 7))
    assert v[0].regel.hinweise == ("b.plan_gescheitert.schlichtung",)
    assert "b.plan_gescheitert" not in v.als_text() and "b.plan_gescheitert" not in v.als_markdown()


def test_an_empty_verlauf():
    v = kooplan.verlauf(kooplan.Fall("V-3", []), D(2024, 1, 1))
    assert str(v) == "Verlauf: keine Schritte" and v.als_text() == "Verlauf: keine Schritte\n"
