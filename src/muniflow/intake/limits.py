"""The intake limits as an immutable record, read from contracts/intake.yaml."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

LIMITS_FILE = Path(__file__).resolve().parents[3] / "contracts" / "intake.yaml"
MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What one input file may cost; every field is documented in contracts/intake.yaml."""

    max_file_mb: float
    max_zip_entries: int
    max_part_mb: float
    max_total_mb: float
    max_compression_ratio: float
    ratio_min_part_mb: float
    max_pages: int
    timeout_seconds: float
    memory_mb: int
    worker_start_seconds: float

    @classmethod
    def load(cls, path: Path | None = None) -> Limits:
        """Read the limits of a contract file (default: intake.yaml of the contracts in use); a
        missing or unknown key is an error, not a default."""
        from muniflow.contracts import contract_file, parse_yaml

        file = contract_file(path, "intake.yaml")
        data = parse_yaml(file, ("limits",))["limits"]
        names = {f.name for f in fields(cls)}
        if set(data) != names:
            raise ValueError(f"{file}: limits must be exactly {sorted(names)}, got {sorted(data)}")
        return cls(**data)


_DEFAULT: Limits | None = None


def default_limits() -> Limits:
    """The contract's limits, read once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Limits.load()
    return _DEFAULT
