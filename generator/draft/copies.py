"""Whether a new text is a story the archive already holds: the same dispatch run by another
outlet, whose claims a contributor copies rather than finishes a second draft of.

Pure: the new body, the archive's articles and their near-duplicate shingles (as the build's
load gives them) in, the articles it copies out, each with the claims whose quotes stand word
for word in the new text. Two texts of one agency share its set phrases (« a estimé jeudi le
service national de renseignement … ») without being one dispatch: when none of an article's
claims quotes the new text, its figures are another day's, not to be copied."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from ..derive.duplicates import shingles, similar_pairs
from ..model import ArticleInfo, Claim
from ..read.quotes import find_quote

# The new text's key among the archive's article ids (which are never empty).
_NEW = ""


@dataclass(frozen=True)
class Copied:
    article: ArticleInfo
    similarity: float                # the share of the shorter text's sampled shingles
    claims: tuple[Claim, ...]        # its claims whose quote the new text holds

    @property
    def phrasing_only(self) -> bool:
        """The texts share set phrases (an agency's wording), not a dispatch: the article has
        claims and none quotes words of the new text, so none may be copied to it."""
        return bool(self.article.claims) and not self.claims


def quoted(body: str, claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """The ``claims`` whose quote stands word for word in ``body``: what a copy shares."""
    return tuple(claim for claim in claims if find_quote(body, claim.quote))


def shares_phrasing_only(first: ArticleInfo, first_body: str, second: ArticleInfo, second_body: str) -> bool:
    """Two near-duplicate articles that are not copies: at least one has claims, and no claim
    of either quotes words the other's body holds."""
    return bool(first.claims or second.claims) and not (quoted(second_body, first.claims)
                                                        or quoted(first_body, second.claims))


def copied_articles(body: str, articles: Iterable[ArticleInfo],
                    shingle_sets: Mapping[str, Collection[int] | np.ndarray]) -> tuple[Copied, ...]:
    """The archive's articles the new ``body`` is a near-duplicate of (derive.duplicates'
    rule, the one `briefing check` warns with), most similar first. ``shingle_sets``: each
    article's shingles, by id."""
    by_id = {article.id: article for article in articles}
    pairs = similar_pairs({_NEW: shingles(body), **shingle_sets})
    found = [(pair.second if pair.first == _NEW else pair.first, pair.similarity)
             for pair in pairs if _NEW in (pair.first, pair.second)]
    return tuple(Copied(by_id[article_id], similarity, quoted(body, by_id[article_id].claims))
                 for article_id, similarity in sorted(found, key=lambda f: -f[1]))
