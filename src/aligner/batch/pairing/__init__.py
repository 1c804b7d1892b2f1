"""Batch pairing: which Chinese file goes with which English one, by name or by manifest."""
