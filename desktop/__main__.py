"""``python -m desktop`` runs the command line, exactly like the ``tdcs`` console script."""

from desktop.cli import main

raise SystemExit(main())
