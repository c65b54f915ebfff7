"""A case (`Fall`): the pseudonymous id, optional person data, and its events.

The old import path; the code lives in `kooplan.werte.fall`."""

from kooplan.werte.fall import (
    Fall,
)

__all__ = [
    "Fall",
]
