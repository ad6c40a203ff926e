"""Formatting findings for people and machines."""
