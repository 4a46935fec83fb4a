"""What one article brings to the briefing: the statements its claims make or repeat, and the
findings they take part in. A contributor adding an article sees « 4 agreements » where
there were 3; this says which, before the pages do."""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis
from .ledger import Statement


@dataclass(frozen=True)
class Impact:
    """One article's part in the derivation."""

    statements: tuple[Statement, ...]              # those its claims state, chronological
    repeated: tuple[Statement, ...]                # of those, the ones other articles state too
    # (finding, metric, the article's statement, the other one), in the metrics' order
    findings: tuple[tuple[str, str, Statement, Statement], ...]
    disputes: int                                  # disputes one of its claims is a side of


def impact(analysis: Analysis, article_id: str) -> Impact:
    """What the article ``article_id`` states, repeats and takes part in."""
    def own(statement: Statement) -> bool:
        return any(entry.article.id == article_id for entry in statement.entries)

    statements = tuple(s for s in analysis.statements if own(s))
    repeated = tuple(s for s in statements if any(e.article.id != article_id for e in s.entries))
    findings = []
    for briefing in analysis.briefings.values():
        for metric in briefing.metrics:
            for pair in metric.findings:
                for mine, other in ((pair.first, pair.second), (pair.second, pair.first)):
                    if own(mine):
                        findings.append((pair.finding, f"{briefing.topic.id}.{metric.metric_id}",
                                         mine, other))
                        break
    disputes = sum(1 for d in analysis.disputes
                   if article_id in (d.claim.article.id, d.disputed.article.id))
    return Impact(statements, repeated, tuple(findings), disputes)
