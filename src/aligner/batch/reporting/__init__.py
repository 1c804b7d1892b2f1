"""Batch reporting: what each pair hands back, archive-wide checks, and the summaries."""
