"""``python -m custrules``: see :mod:`custrules.cli`."""

import sys

from custrules.cli import main

if __name__ == "__main__":
    sys.exit(main())
