"""Checklists: a team's own QA rules, as regular expressions on the Chinese and the English.

A rule names a pattern for either side and a condition ("the English must match when the
Chinese matches", "the English must not match"...). Patterns may refer to figures and to
glossary terms through placeholders, so "a figure followed by 亿 needs billion or 100
million" is one line. Rules are read from TOML, TSV/CSV or Xbench ``.xbckl`` files.
"""
