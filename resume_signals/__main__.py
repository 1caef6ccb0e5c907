"""``python -m resume_signals`` runs the same CLI as ``resume-signals``."""

import sys

from .cli import main

sys.exit(main())
