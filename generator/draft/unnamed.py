"""Denials and visits the text reports that no event of topics.yml names.

An event is proposed only in the words of topics.yml; a denial (« a démenti que … ») or a visit
(« s'est rendu à Pyongyang ») in other words would be lost without a word. The draft names each
in a comment, with its paragraph and sentence, for the contributor to add an event (a denial is a
position: ``stance: true``) or to leave it. The verbs are a French word list, not the dossier's.
When an event of topics.yml may name it already (every word of one of its synonyms stands in the
sentence, or, for a bare denial with no object, « Pyongyang dément », a position is proposed from
another sentence), the comment names that event instead: advising to add one that exists would mislead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import Candidate, Vocabulary, _names_its_subject, sentences
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
    known: tuple[str, ...] = ()   # events of topics.yml that may name it already
    proposed: bool = False        # whether those are proposed from another sentence


# Words of a synonym that say nothing alone (folded): articles, prepositions, pronouns.
_GRAMMAR = frozenset("a au aux de des du d en et l la le les ce ces cet cette un une ne ni n pas plus que qui "
                     "se s sa son ses sur par pour dans avec".split())


def _content_words(text: str) -> list[str]:
    """The words of ``text`` that carry its sense, folded, their endings cut (« qualifiées » and
    « qualifié » both give « qualifi »)."""
    return [word[:max(4, len(word) - 2)] for word in re.findall(r"[a-z0-9]+", fold(text))
            if word not in _GRAMMAR and len(word) > 2]


def _events_in(sentence: str, vocabulary: Vocabulary, stance: bool) -> tuple[str, ...]:
    """The events (positions for a denial, others for a visit) one of whose synonyms (or label)
    has every word in ``sentence``, in any order or inflection (« ces estimations, qualifiées de
    « fabrications » »), and whose subject it names when those words name none (« ni confirmé ni
    démenti ces livraisons » is no position on troops)."""
    words = re.findall(r"[a-z0-9]+", fold(sentence))
    return tuple(event.metric for event in vocabulary.events
                 if event.stance == stance and any((stems := _content_words(phrase.text))
                        and all(any(word.startswith(stem) for word in words) for stem in stems)
                        and _names_its_subject(event, phrase.text, sentence)
                        for phrase in event.phrases))


def unnamed_events(blocks: list[str], events: list[Candidate], vocabulary: Vocabulary | None = None
                   ) -> list[Unnamed]:
    """Each denial or visit of the text in a sentence where no proposed event stands, once a kind
    per sentence, with the events of ``vocabulary`` that may name it already."""
    named = {event.sentence for event in events}
    positions = tuple(dict.fromkeys(event.event for event in events if event.event and any(
        e.metric == event.event and e.stance for e in (vocabulary.events if vocabulary else ()))))
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
                    known = _events_in(sentence, vocabulary, kind == "denial") if vocabulary else ()
                    # A bare denial (« …, Pyongyang dément. ») denies what the article reports:
                    # a position proposed from another sentence may be the same.
                    bare = re.match(r"\s*(?:[.,;:!?»)]|$)", folded[match.end():]) is not None
                    proposed = not known and kind == "denial" and bare and bool(positions)
                    found.append(Unnamed(kind, number, sentence.strip().rstrip("."),
                                         positions if proposed else known, proposed))
    return found
