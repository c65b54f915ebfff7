"""Typed errors: one base class, one subclass per contract error code.

Every error carries

* ``code``: the contract's error code (``ungueltige_eingabe``, ``unzulaessiger_uebergang``,
  ``rechtsstand_nicht_abgedeckt``, ``leistungsbezug_beendet``, and ``verarbeitung_abgebrochen``
  for a case whose worker process died twice),
* ``meldung``: one German sentence that says what was wrong,
* ``ort``: the JSON path of the offending value (``ereignisse[2].am``) or ``None``,
* ``fall``: the pseudonymous case id, when it is known and valid, else ``None``,
* ``norm``: the legal norm the refusal rests on, where there is one.

Messages never contain personal data: no Geburtsdatum, no free text of a plan, no input value
of a field that may carry such data. Only the case id (`fall`) identifies a case.
"""

from __future__ import annotations

__all__ = [
    "FEHLERCODES",
    "KeinLeistungsbezug",
    "KooplanError",
    "RechtsstandNichtAbgedeckt",
    "UngueltigeEingabe",
    "UngueltigeTabelle",
    "UnzulaessigerUebergang",
    "VerarbeitungAbgebrochen",
]


class KooplanError(Exception):
    """Base class of every error kooplan raises on purpose."""

    code: str = "kooplan_fehler"
    """The contract's error code of this class."""

    def __init__(
        self,
        meldung: str,
        *,
        ort: str | None = None,
        fall: str | None = None,
        norm: str | None = None,
    ) -> None:
        super().__init__(meldung)
        self.meldung = meldung
        """One German sentence that says what was wrong (never an input value)."""
        self.ort = ort
        """The JSON path of the offending value (`ereignisse[2].am`), or `None`."""
        self.fall = fall
        """The case id, when it is known and valid, else `None`."""
        self.norm = norm
        """The norm the refusal rests on, where there is one."""

    def mit_fall(self, fall: str | None) -> KooplanError:
        """Return this error, now naming the case (used when an error leaves a case's scope)."""
        if self.fall is None:
            self.fall = fall
        return self

    def unter(self, praefix: str) -> KooplanError:
        """Return this error with its location moved under `praefix` (a JSON path)."""
        if self.ort is None:
            self.ort = praefix or None
        elif praefix:
            sep = "" if self.ort.startswith("[") else "."
            self.ort = f"{praefix}{sep}{self.ort}"
        return self

    def __str__(self) -> str:
        teile = [f"[{self.code}]"]
        if self.fall is not None:
            teile.append(f"Fall {self.fall}:")
        teile.append(self.meldung)
        if self.ort is not None:
            teile.append(f"(Ort: {self.ort})")
        return " ".join(teile)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, fall={self.fall!r}, "
            f"ort={self.ort!r}, meldung={self.meldung!r})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Keeps errors picklable (for process pools) with their keyword-only fields.
        return (_wiederherstellen, (type(self), self.meldung, self.ort, self.fall, self.norm))


def _wiederherstellen(
    cls: type[KooplanError], meldung: str, ort: str | None, fall: str | None, norm: str | None
) -> KooplanError:
    return cls(meldung, ort=ort, fall=fall, norm=norm)


class UngueltigeEingabe(KooplanError, ValueError):
    """The input breaks the contract or builds an invalid value object."""

    code = "ungueltige_eingabe"
    """`ungueltige_eingabe`."""


class UnzulaessigerUebergang(KooplanError):
    """An event that the state machine does not allow in the case's current phase.

    The message names the phase, the event, the day and the event's position.
    """

    code = "unzulaessiger_uebergang"
    """`unzulaessiger_uebergang`."""


class RechtsstandNichtAbgedeckt(KooplanError):
    """The day lies outside the law kooplan covers (before 1.7.2023, or an old
    Eingliederungsvereinbarung still governs under § 65 Abs. 4 SGB II a.F.)."""

    code = "rechtsstand_nicht_abgedeckt"
    """`rechtsstand_nicht_abgedeckt`."""


class KeinLeistungsbezug(KooplanError):
    """A decision was asked for a case whose benefit receipt has ended."""

    code = "leistungsbezug_beendet"
    """`leistungsbezug_beendet`."""


class VerarbeitungAbgebrochen(KooplanError):
    """The case could not be decided: each of two worker processes that took it on its own died
    (killed, out of memory, a crash in C code) before it answered. The case itself may be
    valid; it is reported in its place so that every other case still gets its answer."""

    code = "verarbeitung_abgebrochen"
    """`verarbeitung_abgebrochen`."""

    STANDARD_MELDUNG: str = (
        "Der Fall wurde nicht entschieden: Zwei Arbeitsprozesse, die ihn allein bearbeiteten, "
        "endeten vorzeitig (etwa durch Speichermangel)."
    )
    """The message of the error (it says nothing of the case)."""

    def __init__(
        self,
        meldung: str = STANDARD_MELDUNG,
        *,
        ort: str | None = None,
        fall: str | None = None,
        norm: str | None = None,
    ) -> None:
        super().__init__(meldung, ort=ort, fall=fall, norm=norm)


#: All contract error codes: the four of the first release, then the later ones.
class UngueltigeTabelle(Exception):
    """A table of kooplan's law data is broken (a duplicate id, an unknown trigger, a row that
    can never be taken …): raised when the table is defined, so a broken table fails at import,
    with a message naming the row. Not an input error: no case can cause it."""


FEHLERCODES: tuple[str, ...] = (
    UngueltigeEingabe.code,
    UnzulaessigerUebergang.code,
    RechtsstandNichtAbgedeckt.code,
    KeinLeistungsbezug.code,
    VerarbeitungAbgebrochen.code,
)
"""All contract error codes, in the order of docs/vertrag.md."""
