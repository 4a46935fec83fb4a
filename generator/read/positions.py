"""Positions (stance events) that may answer different questions.

A side's later position replaces its earlier one in a topic's box (« Positions déclarées »),
unless topics.yml gives the two events different ``question``s: a denial of casualty figures
is not withdrawn by a tribute to the fallen. Where a topic has several positions and some name
no question, nothing else would ask: `briefing check` does, as a warning located on each.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Topic
from .errors import ContentError
from .sources import read_metadata


def position_questions(topics: dict[str, Topic], content_dir: Path, root: Path) -> list[ContentError]:
    """One warning per stance event without a ``question`` in a topic with several."""
    found = []
    source = None
    for topic_id, topic in topics.items():
        stances = [event_id for event_id, event in topic.events.items() if event.stance]
        unnamed = [event_id for event_id in stances if topic.events[event_id].question is None]
        if len(stances) < 2 or not unnamed:
            continue
        source = source or read_metadata(content_dir / "topics.yml", root)
        others = ", ".join(stances)
        found += [source.error(
            (topic_id, "events", event_id), f"{topic_id}.events.{event_id}",
            f"{topic_id} has several positions ({others}) and {event_id} names no question: a "
            "side's later position replaces its earlier one whatever they answer",
            "give each position a question (the same for positions that answer the same one, "
            "another for, e.g., losses acknowledged and casualty figures denied)",
            at_key=True, severity="warning") for event_id in unnamed]
    return found
