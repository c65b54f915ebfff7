"""`python -m kooplan`: the command line."""

from kooplan.cli import main

raise SystemExit(main())
