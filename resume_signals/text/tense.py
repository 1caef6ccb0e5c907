"""The one test for a regular past-tense form: a word ending in "-ed".

Resumes write acts in the past tense ("Deployed", "fine-tuned"), so "-ed" is
the cheap cue the flags (is there an act in this bullet?), the entry finder (is
this line a description, not an organisation?) and the header lexicon use.
Irregular forms ("built", "led") and false friends ("need", "based") are
word lists in the data; callers check those themselves. The minimum length is
the caller's: a short word ("fed", "red") is a weaker cue in some places than
in others, and each caller keeps the threshold its rules were tuned with.
"""

from __future__ import annotations


def regular_past(word: str, *, min_len: int = 4) -> bool:
    """``word`` (lower case) ends in "-ed" and has at least ``min_len`` characters.

    >>> regular_past("deployed"), regular_past("need", min_len=5), regular_past("red")
    (True, False, False)
    """
    return len(word) >= min_len and word.endswith("ed")
