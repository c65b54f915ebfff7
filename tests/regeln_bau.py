"""Builders shared by the rule tests (`test_api.py`, `test_entscheidung_regeln.py`,
`test_rechtsfolgen_regeln.py`, `test_rechtsfolgen_texte.py`): a case, a case in
`mitwirkung_eingefordert`, the codes of a decision's notes, a Minderung, a folded state, a run of
missed meetings."""

from __future__ import annotations

import datetime as dt

from kooplan import (
    EinladungVersandt,
    Entscheidung,
    Fall,
    MinderungFestgestellt,
    Minderungsgrund,
    Mitwirkung,
    MitwirkungUnterblieben,
    PlanErstellt,
    TerminVersaeumt,
)
from kooplan.ereignisse import Tatbestand
from kooplan.phasen import Zustand, falte

D = dt.date
SPAET = D(2027, 12, 31)


def fall(*ereignisse: object, **kw: object) -> Fall:
    return Fall("JC-Regeln", list(ereignisse), **kw)  # type: ignore[arg-type]


def codes(e: Entscheidung) -> list[str]:
    """The codes of the decision's notes, in order."""
    return [h.code for h in e.hinweise]


def eingefordert(am: dt.date) -> Fall:
    """A case in mitwirkung_eingefordert for Eigenbemühungen: a plan 30 days before `am`, the
    Eigenbemühungen missed without a wichtiger Grund on `am`."""
    return fall(
        PlanErstellt(am=am - dt.timedelta(days=30)),
        MitwirkungUnterblieben(
            am=am, id="u1", mitwirkung=Mitwirkung.EIGENBEMUEHUNGEN, wichtiger_grund=False
        ),
    )


def minderung(
    am: dt.date,
    beginn: dt.date,
    prozent: int = 10,
    *,
    id: str | None = None,
    grund: Minderungsgrund = Minderungsgrund.PFLICHTVERLETZUNG,
    tatbestand: Tatbestand | None = None,
    stufe: int | None = None,
) -> MinderungFestgestellt:
    return MinderungFestgestellt(
        am=am,
        id=id,
        grund=grund,
        prozent=prozent,
        beginn=beginn,
        tatbestand=tatbestand,
        stufe=stufe,
    )


def zustand(*ereignisse: object, bis: dt.date = SPAET) -> Zustand:
    return falte(fall(*ereignisse), bis)


#: The first invitation of `versaeumte_termine`, unless another is given: the first day of the
#: new law.
ERSTE_EINLADUNG = D(2026, 7, 6)


def versaeumte_termine(n: int, rfb: bool = True, ab: dt.date = ERSTE_EINLADUNG) -> list[object]:
    """`n` invitations from `ab` on, two weeks apart, each meeting missed without a wichtiger
    Grund a week later."""
    out: list[object] = []
    for i in range(n):
        tag = ab + dt.timedelta(days=14 * i)
        out.append(EinladungVersandt(am=tag, id=f"e{i}", rfb=rfb))
        out.append(
            TerminVersaeumt(am=tag + dt.timedelta(days=7), wichtiger_grund=False, einladung=f"e{i}")
        )
    return out
