"""`python -m kooplan.beispiele`: print the docs page of the worked examples."""

import sys

from kooplan.beispiele import seite

sys.stdout.buffer.write(seite().encode("utf-8"))
