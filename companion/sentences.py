"""The one sentence splitter for reading aloud, in English and French.

It splits after ".", "!", "?" or "…" followed by a space, except after titles and short forms
that end with a dot ("Dr. Roy", "Mrs. Lee", "M. Roy", "Mme. Roy", "St."), and after "a.m." /
"p.m." when the next word starts in lower case. Numbers keep their dots and dashes ("2.5",
"9-8-8"), since no space follows the dot inside them.
"""

from __future__ import annotations

import re

# Never the end of a sentence: a title or short form always followed by more of the sentence.
_NEVER_ENDS = frozenset(
    {"dr", "mr", "mrs", "ms", "m", "mme", "mlle", "st", "ste", "no", "vs", "etc", "p", "pp"}
)
_TIMES = frozenset({"a.m", "p.m"})
_END = re.compile(r"[.!?…]+[\"»”’)]*\s+")


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, each stripped; a line break always ends one."""
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in _END.finditer(line):
            before = line[start : match.start()]
            word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
            after = line[match.end() :]
            if match.group().startswith(".") and _keeps_going(word, after):
                continue
            piece = line[start : match.end()].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
        rest = line[start:].strip()
        if rest:
            sentences.append(rest)
    return sentences


def _keeps_going(word: str, after: str) -> bool:
    """True when the dot after `word` is not the end of the sentence."""
    bare = word.lstrip("(«“\"'")
    if bare in _NEVER_ENDS:
        return True
    if bare in _TIMES:  # "at 9 a.m. tomorrow" goes on; "at 9 a.m. Then" ends
        return not after[:1].isupper()
    return len(bare) == 1 and bare.isalpha() and bare.isupper()  # an initial: "J. Roy"
