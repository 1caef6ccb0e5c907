"""Specification: the bundled rule data (``data/``), its one loader, the rule pack merge and the weights.

Everything the pipeline knows about resumes (heading words, signal rules,
tool names, seniority titles, flag thresholds, weights, interview questions)
is a file in ``data/``; ``data.py`` is the only code that opens those files.
``rules.py`` reads a user pack and merges it, ``specs.py`` turns the merged
tables into typed, frozen specs (every mistake reported at once), and
``vocab.py`` holds the names (signals, flags, section kinds, levels,
production acts) derived from the data.
"""
