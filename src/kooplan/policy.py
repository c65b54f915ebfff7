"""Weisung/Praxis defaults: the part of kooplan a caller may replace.

The old import path; the code lives in `kooplan.recht.policy`."""

from kooplan.recht.policy import (
    STANDARD,
    Policy,
    RfbUmfang,
)

__all__ = [
    "STANDARD",
    "Policy",
    "RfbUmfang",
]
