"""The policies capability's one error type."""

from __future__ import annotations


class PolicyError(ValueError):
    """A step the policy cannot take now; `reasons` says why, one line each."""

    def __init__(self, reasons: list[str] | str):
        self.reasons = [reasons] if isinstance(reasons, str) else list(reasons)
        super().__init__(" ".join(self.reasons))
