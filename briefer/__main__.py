"""`python -m briefer` behaves exactly like the `briefer` command."""

from briefer.cli import main

raise SystemExit(main())
