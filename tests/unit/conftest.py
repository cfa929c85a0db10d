import sys
from pathlib import Path

# tools/ is not a package: make tools/static_checks.py importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
