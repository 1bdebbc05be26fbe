"""``python -m vru_pathways``."""

import sys

from .cli import main

sys.exit(main())
