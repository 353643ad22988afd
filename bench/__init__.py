"""The ingestion benchmark: a generator of invented reports and the measurements of `bench/run.py`.

samplegen (the sample reports' builders) lives in sample_inputs/, outside any package: put it on
the path once here so every bench module imports it by name.
"""

import sys
from pathlib import Path

_SAMPLES = str(Path(__file__).resolve().parents[1] / "sample_inputs")
if _SAMPLES not in sys.path:
    sys.path.insert(0, _SAMPLES)
