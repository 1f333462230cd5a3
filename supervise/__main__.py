"""Run supervise with ``python -m supervise``."""

from supervise.cli import main

raise SystemExit(main())
