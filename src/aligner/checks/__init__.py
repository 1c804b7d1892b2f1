"""QA checks: one module per check, each a function ``(alignment, context) -> findings``."""
