"""Denials and visits the text reports that no event of topics.yml names.

An event is proposed only in the words of topics.yml; a denial (« a démenti que … ») or a visit
(« s'est rendu à Pyongyang ») in other words would be lost without a word. The draft names each
in a comment, with its paragraph and sentence, for the contributor to add an event (a denial is a
position: ``stance: true``) or to leave it. The verbs are a French word list, not the dossier's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import Candidate, sentences
from .words import fold

# Folded French: « dément », « a démenti », « démentent », « a nié », « nient »; « s'est rendu à »,
# « se sont rendus », « en visite à », « a visité ».
_KINDS = (
    ("denial", re.compile(r"\b(?:dementi?e?s?|dementent|dementait|dementaient|nie(?:e|s|es|nt)?)\b")),
    ("visit", re.compile(r"\b(?:s'est\s+rendue?|se\s+sont\s+rendue?s|en\s+visite|visitee?s?)\b"
                         r"(?!\s+compte)")),   # « s'est rendu compte » is no visit
)


@dataclass(frozen=True)
class Unnamed:
    kind: str        # "denial" or "visit"
    paragraph: int   # among the text's paragraphs, headings not counted, from 1
    words: str       # the sentence that says it (what is denied follows « que »)


def unnamed_events(blocks: list[str], events: list[Candidate]) -> list[Unnamed]:
    """Each denial or visit of the text in a sentence where no proposed event stands, once a kind
    per sentence."""
    named = {event.sentence for event in events}
    found = []
    paragraphs = [block for block in blocks if not block.startswith("#")]
    for number, paragraph_sentences in enumerate(sentences(paragraphs), start=1):
        for sentence in paragraph_sentences:
            if sentence in named:
                continue
            folded = fold(sentence)
            for kind, pattern in _KINDS:
                match = pattern.search(folded)
                if match:
                    found.append(Unnamed(kind, number, sentence.strip().rstrip(".")))
    return found
