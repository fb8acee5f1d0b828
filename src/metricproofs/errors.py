"""The exception family of metricproofs.

Every error a user can cause derives from :class:`MetricProofsError` and carries a
message that echoes the offending value and says what was expected. The CLI turns
these into one line on stderr and exit code 2; it never shows a traceback for them.
"""

from __future__ import annotations

__all__ = ["MetricProofsError", "UsageError", "InputError"]


class MetricProofsError(Exception):
    """Base class of every error metricproofs raises on purpose."""


class UsageError(MetricProofsError, ValueError):
    """A command or function was called with arguments it cannot accept."""


class InputError(MetricProofsError, ValueError):
    """Data handed to metricproofs (labels, a CSV file, weights) is malformed."""
