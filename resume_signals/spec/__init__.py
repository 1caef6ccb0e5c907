"""Specification: the bundled rule data (``data/``), its one loader, the rule pack merge and the weights.

Everything the pipeline knows about resumes (heading words, signal rules,
tool names, seniority titles, flag thresholds, weights, interview questions)
is a file in ``data/``; ``data.py`` is the only code that opens those files.
"""
