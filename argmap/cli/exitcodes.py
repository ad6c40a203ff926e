"""The exit codes of every argmap command (kept apart so that importing them is free)."""

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS"]

EXIT_CLEAN = 0
"""Nothing to report (or, for `check`, nothing at or above --fail-on)."""
EXIT_FINDINGS = 1
"""`check` found something at or above --fail-on."""
EXIT_ERROR = 2
"""A usage error, a file that cannot be read, syntax or reference errors, a missing Graphviz,
or an internal error."""
