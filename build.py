#!/usr/bin/env python3
"""Space Hacks: `python build.py check`, `python build.py site`, `python build.py serve`."""
import sys

from spacehacks.cli import main

if __name__ == "__main__":
    sys.exit(main())
