"""Outputs: views of a finished `Report` (HTML, JSON Resume, a DataFrame, the screen verdict).

They consume a report and nothing in the pipeline imports them back.
"""
