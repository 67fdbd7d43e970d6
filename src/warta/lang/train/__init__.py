"""Rebuilding the shipped pipeline from the gold datasets: convert, train, assemble, install."""
