"""Batch running: planning, the worker pool, one pair's check, resuming an interrupted run."""
