"""Argdown (placeholder while written)."""
