"""Dataset checks on the loaded warehouse: the contract's Great Expectations suite as a checkpoint."""

from muniflow.quality.checkpoint import run_checkpoint
from muniflow.quality.result import ExpectationOutcome, QualityResult

__all__ = ["ExpectationOutcome", "QualityResult", "run_checkpoint"]
