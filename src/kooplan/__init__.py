"""kooplan: the rules of the Kooperationsplan (SGB II) by the law of the day.

Decide, for a case and a day, whether a request to a person (Einladung, Zuweisung in eine
Maßnahme, Vermittlungsvorschlag, Eigenbemühungen) goes out without Rechtsfolgenbelehrung, with one,
or (from 1.7.2026) as a Verpflichtung by Verwaltungsakt.

Examples:
    >>> import datetime as dt
    >>> import kooplan
    >>> fall = kooplan.Fall("JC-4711-0001", [kooplan.PlanGescheitert(am=dt.date(2025, 5, 2))])
    >>> e = kooplan.entscheide(fall, "vermittlungsvorschlag", dt.date(2025, 5, 6))
    >>> e.phase.value, e.modus.value, e.gruende[0].norm
    ('ohne_plan', 'mit_rfb', '§ 15 Abs. 6 SGB II a.F.')
"""

from kooplan.motor.entscheidung import (
    HINWEIS_REGELN,
    REGELN,
    Anliegen,
    Entscheidung,
    Modus,
    entscheide,
    entscheide_stichtage,
    entscheide_zustand,
)
from kooplan.motor.kalender import Bekanntgabeart
from kooplan.motor.phasen import UEBERGAENGE, Phase, Schritt, Zustand, falte, schritt, verlauf
from kooplan.recht.begruendung import HINWEISE, Grund, Hinweis
from kooplan.recht.policy import STANDARD, Policy, RfbUmfang
from kooplan.recht.rechtsstaende import RECHTSSTAENDE, Quelle, Rechtsstand, Regime, rechtsstand_am
from kooplan.werte.ereignisse import (
    ARTEN,
    BereitschaftErklaert,
    Eingliederungsvereinbarung,
    EinladungVersandt,
    Ereignis,
    HaerteFestgestellt,
    LeistungsbezugAufgenommen,
    LeistungsbezugBeendet,
    MinderungAufgehoben,
    MinderungFestgestellt,
    Minderungsgrund,
    Mitwirkung,
    MitwirkungErbracht,
    MitwirkungUnterblieben,
    PersoenlichGemeldet,
    PlanErstellt,
    PlanFortgeschrieben,
    PlanGescheitert,
    SchlichtungBeendet,
    SchlichtungBegonnen,
    Sperrzeit,
    Tatbestand,
    TerminVersaeumt,
    TerminWahrgenommen,
    VerlangtVon,
    WichtigerGrundNachgewiesen,
)
from kooplan.werte.fall import Fall
from kooplan.werte.fehler import (
    KeinLeistungsbezug,
    KooplanError,
    RechtsstandNichtAbgedeckt,
    UngueltigeEingabe,
    UnzulaessigerUebergang,
    VerarbeitungAbgebrochen,
)
from kooplan.werte.plan import Eigenbemuehungen, Kooperationsplan, Zeitraum

__version__ = "0.3.0"

__all__ = [
    "ARTEN",
    "HINWEISE",
    "HINWEIS_REGELN",
    "RECHTSSTAENDE",
    "REGELN",
    "STANDARD",
    "UEBERGAENGE",
    "Anliegen",
    "Bekanntgabeart",
    "BereitschaftErklaert",
    "Eigenbemuehungen",
    "Eingliederungsvereinbarung",
    "EinladungVersandt",
    "Entscheidung",
    "Ereignis",
    "Fall",
    "Grund",
    "HaerteFestgestellt",
    "Hinweis",
    "KeinLeistungsbezug",
    "Kooperationsplan",
    "KooplanError",
    "LeistungsbezugAufgenommen",
    "LeistungsbezugBeendet",
    "MinderungAufgehoben",
    "MinderungFestgestellt",
    "Minderungsgrund",
    "Mitwirkung",
    "MitwirkungErbracht",
    "MitwirkungUnterblieben",
    "Modus",
    "PersoenlichGemeldet",
    "Phase",
    "PlanErstellt",
    "PlanFortgeschrieben",
    "PlanGescheitert",
    "Policy",
    "Quelle",
    "Rechtsstand",
    "RechtsstandNichtAbgedeckt",
    "Regime",
    "RfbUmfang",
    "SchlichtungBeendet",
    "SchlichtungBegonnen",
    "Schritt",
    "Sperrzeit",
    "Tatbestand",
    "TerminVersaeumt",
    "TerminWahrgenommen",
    "UngueltigeEingabe",
    "UnzulaessigerUebergang",
    "VerarbeitungAbgebrochen",
    "VerlangtVon",
    "WichtigerGrundNachgewiesen",
    "Zeitraum",
    "Zustand",
    "__version__",
    "entscheide",
    "entscheide_stichtage",
    "entscheide_zustand",
    "falte",
    "rechtsstand_am",
    "schritt",
    "verlauf",
]
