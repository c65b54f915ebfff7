"""`python -m kooplan`: the command line."""

from kooplan.oberflaechen.cli import main

raise SystemExit(main())
