"""Warta: Indonesian news to structured knowledge."""

__version__ = "0.1.0"
