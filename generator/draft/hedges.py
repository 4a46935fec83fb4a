"""The words by which a French text hedges what it reports, proposed as a claim's ``hedges``.

A page shows a claim's hedges beside its figure (« avec réserve : « auraient » »); a draft
that leaves them out would let the site state as certain what the text only reports as
likely. The conditional of reported facts (« auraient été tués », « se trouveraient ») is the
usual French hedge of the press, with a few fixed phrases. The conditional also writes a
future seen from the past (« a annoncé que 3 000 soldats seraient envoyés »): every proposal
is marked for the contributor to confirm, never added silently. A sentence that speaks of the
figures before it by a demonstrative (« Ces chiffres restent difficiles à vérifier », « Ce bilan
pourrait être revu à la hausse ») hedges them too.
"""

from __future__ import annotations

import re

# Conditionals: any first-group verb's (stem + « erait »: an imperfect such as « déclarait »
# or « espérait » has no « er » before its ending), then the irregular ones the press uses
# for reported figures.
_CONDITIONAL = (
    r"(?:[a-zàâçéèêëîïôûùüÿ]+er|aur|ser|pourr|devr|faudr|voudr|fer|ir|viendr|tiendr|"
    r"détiendr|maintiendr|atteindr|dir|saur|vaudr|verr|mettr|prendr|compr?endr|fournir)"
    r"ai(?:t|ent)")
# Fixed phrases, which qualify the whole sentence (« Selon des estimations préliminaires, … », « …,
# une estimation que Kiev qualifie elle-même de provisoire »), wherever the figure's clause stands.
_FIXED = (
    r"il semble(?:rait)?|semble(?:nt|rait|raient)?|semblai(?:t|ent)"
    r"|selon certaines (?:informations|sources|estimations)|d'après certaines (?:informations|sources)"
    r"|(?:les |des |de )?premières estimations|probablement|vraisemblablement|apparemment"
    r"|présumée?s?|non confirmée?s?|invérifiables?"
    # « (n'ont) pas pu être vérifiés », « n'a pu être vérifié de source indépendante », « ne peut (pas) être
    # confirmé »: the text says it could not check the figure; the words saying how go with them.
    r"|(?:pas (?:encore )?(?:pu être|été)|n['’](?:a|ont|avait|avaient) pu être|ne (?:peu(?:t|vent)|pouvai(?:t|ent))"
    r"(?: pas)? être) (?:vérifiée?s?|confirmée?s?)"
    r"(?: (?:de (?:source|manière|façon) indépendante|indépendamment|par (?:une|des) sources? indépendantes?))?"
    r"|en cours d'évaluation|en cours de vérification|restai?t à évaluer"
    r"|(?:estimations?|évaluations?|bilans?|chiffres?) préliminaires?|provisoires?"
    r"|approximati(?:f|ve)s?|sous-estimée?s?|n['’]exclu(?:t|ent) pas"
    # « Ces chiffres restent difficiles à vérifier », « des estimations encore partielles »
    r"|(?:difficiles?|impossibles?) à (?:vérifier|confirmer)"
    r"|(?:estimations?|évaluations?|bilans?|chiffres?|données) (?:encore )?partiel(?:le)?s?")
_HEDGE = re.compile(rf"\b(?:{_CONDITIONAL}|{_FIXED})\b", re.I)
_FIXED_HEDGE = re.compile(rf"\b(?:{_FIXED})\b", re.I)


def hedge_words(quote: str, sentence: str = "") -> tuple[str, ...]:
    """The hedging words of a claim's quote, as written, once each, in order; then the fixed
    phrases of the rest of its ``sentence`` (a conditional there may be another clause's)."""
    found = [match.group(0) for match in _HEDGE.finditer(quote)]
    found += [match.group(0) for match in _FIXED_HEDGE.finditer(sentence.replace(quote, " ", 1) if quote else sentence)]
    return tuple(dict.fromkeys(found))


# The figures of the sentence before, named by a demonstrative as the sentence's subject: at its
# head, after a quotation mark or a short lead and its comma (« Ces chiffres … », « Selon un député,
# ce bilan … »); « Si ces estimations sont exactes, 7 000 … resteraient » hedges its own figure.
_THESE_FIGURES = re.compile(r"^[«“\"]?\s*(?:[^,.;:«»]{0,40},\s*)?(?:ces|ce|cet|cette)\s+(?:(?:deux|trois|derniers?|dernières?|nouveaux|nouvelles?"
                            r"|nouvel)\s+)?(?:chiffres?|bilans?|estimations?|évaluations?|données|nombres?"
                            r"|statistiques|décomptes?)\b", re.I)


def following_hedges(sentence: str) -> tuple[str, ...]:
    """The hedging words of a ``sentence`` whose subject names the figures of the one before it by
    a demonstrative (« Ces chiffres restent difficiles à vérifier »): that sentence's figures'
    hedges too. None when it names no figures so."""
    return hedge_words(sentence) if _THESE_FIGURES.match(sentence) else ()
