"""Judging: what the found evidence adds up to (seniority, document flags, the 0-100 score)."""
