"""`python -m briefer` behaves exactly like the `briefer` command."""

from briefer.launch import main

raise SystemExit(main())
