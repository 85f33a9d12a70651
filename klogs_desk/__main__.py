"""``python -m klogs_desk``: the same as the ``klogs-desk`` command (also the PyInstaller entry point)."""

import sys

from klogs_desk.app import main

if __name__ == "__main__":
    sys.exit(main())
