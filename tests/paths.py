"""Where the repository and ../shared are, for test modules (conftest is not importable by name:
tests/ and tests/browser/ each have one)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
