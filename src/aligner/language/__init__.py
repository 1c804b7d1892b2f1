"""Language knowledge shared by the aligner and the checks: figures, numerals, dates."""
