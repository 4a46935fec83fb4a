"""What one article brings to the briefing: the statements its claims make or repeat, and the
findings they take part in. A contributor adding an article sees « 4 agreements » where
there were 3; this says which, before the pages do."""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis
from .ledger import Statement, restated_later


@dataclass(frozen=True)
class Impact:
    """One article's part in the derivation."""

    statements: tuple[Statement, ...]              # those its claims state, chronological
    repeated: tuple[Statement, ...]                # of those, the ones other articles state too
    # (finding, metric, the article's statement, the other one), in the metrics' order
    findings: tuple[tuple[str, str, Statement, Statement], ...]
    disputes: int                                  # disputes one of its claims is a side of
    # (metric or event, the repeat, its origin) where one of its statements only repeats an
    # earlier one, or another article's statement now only repeats one of its own (linked to
    # it, neither charted nor counted again); (metric, its statement, the earlier one) where
    # it replaces its actor's figure for the very same period (a revision the rules' findings
    # do not list)
    repeats: tuple[tuple[str, Statement, Statement], ...] = ()
    replaces: tuple[tuple[str, Statement, Statement], ...] = ()


def impact(analysis: Analysis, article_id: str) -> Impact:
    """What the article ``article_id`` states, repeats and takes part in."""
    def own(statement: Statement) -> bool:
        return any(entry.article.id == article_id for entry in statement.entries)

    # The briefings' statements: copies the ledger keeps apart and a briefing merges (a relay
    # dating the figure less sharply) are one statement there, as on the pages.
    statements = tuple(sorted((s for briefing in analysis.briefings.values()
                               for s in briefing.statements if own(s)), key=lambda s: s.sort_key))
    repeated = tuple(s for s in statements if any(e.article.id != article_id for e in s.entries))
    findings, repeats, replaces = [], [], []
    for briefing in analysis.briefings.values():
        topic = briefing.topic.id
        repeats += [(f"{topic}.{r.statement.claim.metric or r.statement.claim.event}", r.statement,
                     r.origin) for r in briefing.repeats.values() if own(r.statement) or own(r.origin)]
        for metric in briefing.metrics:
            key = f"{topic}.{metric.metric_id}"
            paired = set()
            for pair in metric.findings:
                paired.add(frozenset((pair.first.claim_id, pair.second.claim_id)))
                for mine, other in ((pair.first, pair.second), (pair.second, pair.first)):
                    if own(mine):
                        findings.append((pair.finding, key, mine, other))
                        break
            replaces += [(key, change.statement, change.supersedes) for change in metric.history
                         if change.supersedes is not None and own(change.statement)
                         and restated_later(change.statement, change.supersedes)
                         and frozenset((change.statement.claim_id, change.supersedes.claim_id))
                         not in paired]
    disputes = sum(1 for d in analysis.disputes
                   if article_id in (d.claim.article.id, d.disputed.article.id))
    return Impact(statements, repeated, tuple(findings), disputes, tuple(repeats), tuple(replaces))
