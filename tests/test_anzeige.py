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
    from kooplan.anzeige import _tabelle

    html = _tabelle(("a<b>",), [("<script>x</script>",)], "T&T")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "a&lt;b&gt;" in html and "T&amp;T" in html


def test_diagram_renders_as_mermaid_markdown():
    d = diagramm()
    md = d._repr_markdown_()
    assert md.startswith("```mermaid\nstateDiagram-v2")
    assert md.endswith("```")
    assert str(d).startswith("stateDiagram-v2")
