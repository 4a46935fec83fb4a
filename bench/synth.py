#!/usr/bin/env python3
"""Deterministic synthetic briefing archive, in the project's own content format.

    python bench/synth.py --n 1000 --seed 1 --out DIR

DIR becomes a complete project: a copy of the real mkdocs.yml and docs/ (taken from
the repository at run time), the real topics/actors/outlets registries, and N articles
in DIR/briefings/articles/<id>.md. Every article is French-looking text of 500-800
words in 6-12 paragraphs (some ``## `` headings) with 2-5 claims whose quotes stand
verbatim in the body and hold the claimed figures written the French way.

The same --n and --seed give byte-identical files (as long as the repository's
mkdocs.yml, docs/ and registries do not change). Texts are random draws from a
vocabulary of a few thousand words (real words of the five real articles plus
generated syllable words), so no two articles share long word sequences and
`briefing check` reports no near-duplicates.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
import unicodedata
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from random import Random

import yaml

REPO = Path(__file__).resolve().parent.parent
REGISTRIES = ("topics.yml", "actors.yml", "outlets.yml")
MARKER = ".bench-synth"  # lets a later run wipe a folder this script made, and nothing else
FIRST_DAY, LAST_DAY = date(2022, 1, 1), date(2026, 10, 31)
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schema/article.schema.json"

FUNCTION_WORDS = (
    "de la le les des du et en à un une pour par sur dans avec qui que a au aux est sont ont "
    "ne pas plus son sa ses leur leurs ce cette ces selon mais ou comme entre depuis lors "
    "après avant contre sans vers chez d'un d'une l'un très aussi déjà encore toujours"
).split()
PROPER_NOUNS = ("Koursk Pyongyang Moscou Séoul Russie Ukraine Kiev Washington Pékin Kim Poutine "
                "Zelensky Donetsk Belgorod Vladivostok Corée Tokyo Budanov Syrsky KCNA").split()
ONSETS = "b c d f g j l m n p r s t v ch gr tr pl br cr fl pr qu v z".split()
VOWELS = "a e i o u é è ê ou ai au eu oi â î ô a e i o é".split()
ENDINGS = ["", "", "s", "t", "r", "nt", "ment", "tion", "ique", "eur", "ée", "és", "ant",
           "ais", "ons", "ez", "elle", "ère", "ité", "al", "eux", "ure"]
HEADING_WORDS = "Renforts Pertes Armement Traité Front Analyse Contexte Réactions Livraisons " \
                "Diplomatie Enquête Perspectives Bilan Témoignages Sanctions Coopération".split()

# Figure phrases: {n} is the number written the French way; the unit comes from topics.yml.
METRIC_TAILS = {
    "deployed": ["nord-coréens déployés en Russie", "déployés dans la région de Koursk",
                 "nord-coréens auraient été déployés sur le territoire russe"],
    "reinforcements": ["supplémentaires envoyés en renfort", "de renfort arrivés à Koursk",
                       "supplémentaires ont été déployés depuis le début de l'année"],
    "at_front": ["toujours engagés dans les combats à Koursk", "présents sur la ligne de front",
                 "déployés au front dans la région de Koursk"],
    "killed_or_wounded": ["nord-coréens tués ou blessés", "tués ou blessés lors des combats",
                          "mis hors de combat, tués ou blessés, à Koursk"],
    "killed": ["nord-coréens tués", "tués dans les combats de Koursk", "morts au combat"],
    "wounded": ["nord-coréens blessés", "blessés au cours de leur engagement",
                "blessés évacués depuis Koursk"],
    "artillery_systems": ["de canons automoteurs et de lance-roquettes",
                          "d'artillerie à longue portée livrées", "de lance-roquettes multiples"],
    "ballistic_missiles_planned": ["balistiques KN-23 dont la livraison est prévue",
                                   "balistiques à courte portée promis à Moscou"],
}
METRIC_RANGES = {  # (low, high, step)
    "deployed": (1000, 15000, 100), "reinforcements": (500, 6000, 100),
    "at_front": (1000, 12000, 500), "killed_or_wounded": (100, 6000, 50),
    "killed": (50, 2500, 10), "wounded": (100, 5000, 50),
    "artillery_systems": (20, 400, 10), "ballistic_missiles_planned": (20, 300, 10),
}
QUALIFIER_WORDS = {
    "exact": [[], ["exactement"], ["précisément"]],
    "about": [["environ"], ["quelque"], ["près", "de"]],
    "at_least": [["au", "moins"], ["plus", "de"]],
    "at_most": [["jusqu'à"], ["au", "plus"], ["moins", "de"]],
}
EVENT_PHRASES = {
    "deployment_unconfirmed": ["ni Moscou ni Pyongyang n'ont confirmé le déploiement",
                               "le Kremlin a éludé les questions sur la présence de soldats"],
    "absent_from_front": ["aucune trace de soldats nord-coréens sur les lignes de front",
                          "les soldats nord-coréens ont disparu du front de Koursk"],
    "redeployed_to_front": ["l'armée nord-coréenne s'est redéployée sur le front de Koursk",
                            "les unités nord-coréennes sont revenues au front"],
    "withdrawal_reported": ["le retrait quasi complet des troupes nord-coréennes de Koursk",
                            "les troupes nord-coréennes auraient quitté la zone de combat"],
    "reinforcements_expected": ["Pyongyang s'apprête à envoyer de nouvelles troupes en Russie",
                                "de nouveaux soldats nord-coréens seraient bientôt déployés"],
    "heavy_losses": ["les unités nord-coréennes ont subi de lourdes pertes",
                     "des pertes importantes depuis leur déploiement à Koursk"],
    "munitions_supplied": ["Pyongyang fournit à Moscou des missiles, de l'artillerie et des munitions",
                           "des quantités importantes de munitions livrées à la Russie"],
    "srbm_supplied": ["des missiles balistiques à courte portée livrés à la Russie",
                      "la livraison de missiles balistiques de courte portée à Moscou"],
    "rocket_launchers_supplied": ["des lance-roquettes et des canons automoteurs fournis à Moscou",
                                  "la livraison de lance-roquettes multiples à la Russie"],
    "drones_supplied": ["le Nord produit et livre des drones autodestructeurs à la Russie",
                        "des drones explosifs fabriqués en Corée du Nord et livrés à Moscou"],
    "drone_test": ["Kim Jong Un a supervisé l'essai de nouveaux drones explosifs",
                   "l'essai de drones dotés d'intelligence artificielle"],
    "signature": ["un traité de défense mutuelle a été signé entre Pyongyang et Moscou",
                  "la signature du traité de partenariat stratégique global"],
    "entry_into_force": ["le traité de défense mutuelle est entré en vigueur",
                         "l'entrée en vigueur du traité entre Moscou et Pyongyang"],
    "mutual_defence_clause": ["une aide militaire immédiate en cas d'agression armée",
                              "une clause de défense mutuelle en cas d'attaque"],
}
CLEANING = [
    "Aucun titre imprimé : titre factuel rédigé pour l’archive.",
    "Titre imprimé en première ligne repris dans le champ title et retiré du corps.",
    "Mention « Article original publié sur {outlet} » supprimée (média indiqué dans le champ outlet).",
    "Ligne publicitaire « Nous recommandons » supprimée.",
    "Intertitres mis en forme de titres de section (##).",
    "Crédit photo supprimé en fin d’article.",
    "Appel à l’abonnement supprimé.",
]
DATE_NOTES = {
    "month": "Seul le mois est connu : {words}, ce qui situe l’article en {month}.",
    "unknown": "Date non imprimée : {words}, ce qui ne permet pas d’en fixer le mois.",
}
MONTHS = ("janvier février mars avril mai juin juillet août septembre octobre novembre "
          "décembre").split()
_REAL_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


class Vocabulary:
    """Words for random French-looking text, drawn with a Zipf-like frequency."""

    def __init__(self, rng: Random, real_text: str, generated: int = 3000):
        stop = {w.lower() for w in FUNCTION_WORDS}
        real = sorted({nfc(w.lower().replace("’", "'")) for w in _REAL_WORD.findall(real_text)
                       if len(w) > 2} - stop)
        made: set[str] = set(real)
        generated_words: list[str] = []
        while len(generated_words) < generated:
            word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS)
                           for _ in range(rng.choice((1, 2, 2, 3)))) + rng.choice(ENDINGS)
            word = nfc(word)
            if len(word) > 3 and word not in made:
                made.add(word)
                generated_words.append(word)
        self.content = real + generated_words + PROPER_NOUNS
        rng.shuffle(self.content)  # the frequency rank mixes real and generated words
        self.cum = list(accumulate(1.0 / (rank + 20) for rank in range(len(self.content))))
        self.function = FUNCTION_WORDS

    def words(self, rng: Random, count: int) -> list[str]:
        out = []
        for _ in range(count):
            if rng.random() < 0.33:
                out.append(rng.choice(self.function))
            else:
                out.append(rng.choices(self.content, cum_weights=self.cum)[0])
        return out

    def sentence_tokens(self, rng: Random, count: int) -> list[str]:
        tokens = self.words(rng, count)
        if count > 9 and rng.random() < 0.5:  # a comma somewhere in the middle
            at = rng.randrange(3, count - 3)
            tokens[at] += ","
        return tokens


def capitalise(tokens: list[str]) -> list[str]:
    if tokens:
        tokens = list(tokens)
        tokens[0] = tokens[0][:1].upper() + tokens[0][1:]
    return tokens


def french_number(rng: Random, n: int) -> str:
    """3000 -> '3.000', '3 000' or (rarely) with a no-break space; below 1000 as is."""
    if n < 1000:
        return str(n)
    sep = rng.choices([".", " ", "\u00a0"], weights=[5, 4, 1])[0]
    digits = str(n)
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return sep.join(groups)


def random_day(rng: Random, first: date = FIRST_DAY, last: date = LAST_DAY) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


class ArticleMaker:
    def __init__(self, rng: Random, vocab: Vocabulary, topics: dict, actors: dict, outlets: dict):
        self.rng, self.vocab = rng, vocab
        self.topics = topics
        self.topic_ids = sorted(topics)
        self.actor_ids = sorted(actors)
        self.actors = actors
        self.outlet_ids = sorted(k for k, v in outlets.items() if v.get("kind", "outlet") == "outlet")
        self.wire_ids = sorted(k for k, v in outlets.items() if v.get("kind") == "wire")
        self.outlets = outlets

    # -- claims -------------------------------------------------------------------------------
    def _as_of(self, article_day: date | None) -> str:
        rng = self.rng
        day = article_day or random_day(rng)
        day = max(FIRST_DAY, day - timedelta(days=rng.choice((0, 0, 0, 7, 20, 45, 90))))
        return day.isoformat() if rng.random() < 0.5 else day.isoformat()[:7]

    def _figure_core(self, topic_id: str, metric_id: str) -> tuple[list[str], dict]:
        rng = self.rng
        metric = self.topics[topic_id]["metrics"][metric_id]
        low_bound, high_bound, step = METRIC_RANGES.get(metric_id, (10, 5000, 10))
        unit = metric.get("unit", "unités")
        tails = METRIC_TAILS.get(metric_id) or [metric.get("label", "").lower()]
        tail = rng.choice(tails).split()
        qualifier = rng.choices(["exact", "about", "at_least", "at_most", "range"],
                                weights=[3, 4, 3, 2, 2])[0]
        if qualifier == "range":
            low = rng.randrange(low_bound, high_bound, step)
            high = low + step * rng.randint(1, 10)
            words = ["entre", french_number(rng, low), "et", french_number(rng, high), unit, *tail]
            fields = {"qualifier": "range", "low": low, "high": high}
        else:
            value = rng.randrange(low_bound, high_bound, step)
            words = [*rng.choice(QUALIFIER_WORDS[qualifier]), french_number(rng, value), unit, *tail]
            fields = {"value": value, "qualifier": qualifier}
        return words, fields

    def _event_core(self, topic_id: str, event_id: str) -> list[str]:
        phrases = EVENT_PHRASES.get(event_id)
        if not phrases:
            phrases = [self.topics[topic_id]["events"][event_id].get("label", event_id).lower()]
        return self.rng.choice(phrases).split()

    def claims(self, topic_ids: list[str], article_day: date | None) -> list[tuple[dict, str]]:
        """(claim fields, sentence holding its quote) for 2-5 claims."""
        rng = self.rng
        out = []
        seen: set[str] = set()
        for index in range(rng.randint(2, 5)):
            topic_id = rng.choice(topic_ids)
            topic = self.topics[topic_id]
            metrics, events = sorted(topic.get("metrics") or {}), sorted(topic.get("events") or {})
            use_metric = metrics and (not events or rng.random() < 0.6)
            actor = rng.choice(self.actor_ids)
            as_of = self._as_of(article_day)
            claim: dict = {"topic": topic_id}
            if use_metric:
                metric_id = rng.choice(metrics)
                core, fields = self._figure_core(topic_id, metric_id)
                claim["metric"] = metric_id
                claim.update(fields)
            else:
                event_id = rng.choice(events)
                core = self._event_core(topic_id, event_id)
                claim["event"] = event_id
                if topic["events"][event_id].get("stance") and \
                        self.actors[actor].get("independent", True) is False:
                    # a position is someone's (Event.stance): never an unattributed actor's
                    actor = rng.choice([a for a in self.actor_ids
                                        if self.actors[a].get("independent", True) is not False])
            claim["as_of"] = as_of
            claim["attributed_to"] = actor
            local_id = f"{claim.get('metric') or claim.get('event')}-{actor}-{as_of}"
            if local_id in seen and "event" in claim:
                continue  # the same event from the same actor again: one statement, claimed once
            if local_id in seen:
                claim = {"id": f"claim-{index + 1}", **claim}
            seen.add(claim.get("id", local_id))
            # The sentence: random words, the core phrase, sometimes the source, random words.
            prefix = self.vocab.words(rng, rng.randint(0, 8))
            suffix = self.vocab.words(rng, rng.randint(0, 8))
            if rng.random() < 0.5:
                name = self.actors[actor].get("name", actor)
                suffix = [rng.choice(("selon", "a indiqué", "affirme", "d'après")), *name.split(),
                          *suffix]
            tokens = capitalise(prefix + core + suffix)
            start = rng.randint(0, len(prefix))
            end = len(prefix) + len(core) + rng.randint(0, len(suffix))
            claim["quote"] = " ".join(tokens[start:end])
            out.append((claim, " ".join(tokens) + "."))
        return out

    # -- the article --------------------------------------------------------------------------
    def article(self, number: int) -> tuple[str, str]:
        rng, vocab = self.rng, self.vocab
        precision = rng.choices(["day", "month", "unknown"], weights=[70, 25, 5])[0]
        day = random_day(rng)
        date_text = {"day": day.isoformat(), "month": day.isoformat()[:7], "unknown": "unknown"}[precision]
        outlet = rng.choice(self.outlet_ids + ["unknown"] * max(1, len(self.outlet_ids) // 2))
        wire = rng.choice(self.wire_ids) if self.wire_ids and rng.random() < 0.25 else None
        topic_ids = sorted(rng.sample(self.topic_ids, rng.randint(1, min(3, len(self.topic_ids)))),
                           key=self.topic_ids.index)
        # Only topics that define something a claim can use.
        topic_ids = [t for t in topic_ids
                     if self.topics[t].get("metrics") or self.topics[t].get("events")] or \
                    [self.topic_ids[0]]

        title_tokens = capitalise(vocab.words(rng, rng.randint(7, 13)))
        title = " ".join(title_tokens)
        slug_words = [ascii_slug(w) for w in title_tokens if len(ascii_slug(w)) > 3][:4]
        prefix = "date-inconnue" if precision == "unknown" else date_text
        outlet_slug = "inconnu" if outlet == "unknown" else outlet.replace("_", "-")
        article_id = "-".join([prefix, outlet_slug, *slug_words, f"{number:05d}"])[:120].strip("-")

        claims = self.claims(topic_ids, day if precision != "unknown" else None)
        claim_words = sum(len(s.split()) for _, s in claims)
        paragraphs_n = rng.randint(6, 12)
        heading_at = sorted(rng.sample(range(1, paragraphs_n), rng.randint(1, min(3, paragraphs_n - 1))))
        headings = {i: "## " + " ".join([rng.choice(HEADING_WORDS), *vocab.words(rng, rng.randint(1, 4))])
                    for i in heading_at}
        heading_words = sum(len(h.split()) - 1 for h in headings.values())
        # Exactly `target` words in all: free text is split among paragraphs at random cuts.
        free = max(15 * paragraphs_n, rng.randint(520, 780) - claim_words - heading_words)
        cuts = sorted(rng.sample(range(1, free - 15 * paragraphs_n + paragraphs_n), paragraphs_n - 1))
        shares = [b - a - 1 for a, b in zip([0, *cuts], [*cuts, free - 15 * paragraphs_n + paragraphs_n])]
        paragraphs: list[list[str]] = []
        for share in shares:
            budget = 15 + share
            sentences = []
            while budget > 0:
                length = budget if budget <= 24 else rng.randint(8, min(24, budget - 8))
                sentences.append(" ".join(capitalise(vocab.sentence_tokens(rng, length))) + ".")
                budget -= length
            paragraphs.append(sentences)
        for _, sentence in claims:
            sentences = rng.choice(paragraphs)
            sentences.insert(rng.randint(0, len(sentences)), sentence)
        blocks = []
        for i, sentences in enumerate(paragraphs):
            if i in headings:
                blocks.append(headings[i])
            blocks.append(" ".join(sentences))
        body = nfc("\n\n".join(blocks) + "\n")

        lines = ["---", SCHEMA_COMMENT, f"id: {article_id}", f"title: {q(title)}",
                 f"date: {date_text}"]
        if precision != "day":
            month = f"{MONTHS[day.month - 1]} {day.year}"
            note = DATE_NOTES[precision].format(words=" ".join(vocab.words(rng, 8)), month=month)
            lines.append(f"date_note: {q(note)}")
        lines.append(f"outlet: {outlet}")
        if wire:
            lines.append(f"wire: {wire}")
        lines += ["language: fr", f"topics: [{', '.join(topic_ids)}]"]
        cleaning = rng.sample(CLEANING, rng.randint(0, 3))
        if cleaning:
            name = self.outlets.get(outlet, {}).get("name", "le site")
            lines.append("cleaning:")
            lines += [f"  - {q(text.format(outlet=name))}" for text in cleaning]
        else:
            lines.append("cleaning: []")
        lines.append("claims:")
        for claim, _ in claims:
            first = True
            for key, value in claim.items():
                text = q(value) if key == "quote" else str(value)
                lines.append(f"  {'- ' if first else '  '}{key}: {text}")
                first = False
        lines.append("---")
        return article_id, nfc("\n".join(lines)) + "\n\n" + body


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(nfc(text), ensure_ascii=False)


def prepare_out(out: Path) -> None:
    if out.exists():
        if not (out / MARKER).exists() and any(out.iterdir()):
            sys.exit(f"synth: {out} exists, is not empty and was not made by synth.py; "
                     "choose another folder")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("made by bench/synth.py; removed by its next run\n", encoding="utf-8")


def generate(n: int, seed: int, out: Path) -> None:
    prepare_out(out)
    shutil.copy2(REPO / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(REPO / "docs", out / "docs")
    content = out / "briefings"
    (content / "articles").mkdir(parents=True)
    registries = {}
    for name in REGISTRIES:
        shutil.copyfile(REPO / "briefings" / name, content / name)
        registries[name] = yaml.safe_load((REPO / "briefings" / name).read_text(encoding="utf-8"))
    shutil.copyfile(REPO / "briefings" / "publication.yml", content / "publication.yml")
    real_text = "\n".join(p.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
                          for p in sorted((REPO / "briefings" / "articles").glob("*.md")))
    rng = Random(seed)
    vocab = Vocabulary(rng, real_text)
    maker = ArticleMaker(rng, vocab, *(registries[name] for name in REGISTRIES))
    for number in range(1, n + 1):
        article_id, text = maker.article(number)
        path = content / "articles" / f"{article_id}.md"
        if path.exists():
            raise SystemExit(f"synth: duplicate article id {article_id}")
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="project folder to create")
    args = parser.parse_args()
    started = time.perf_counter()
    generate(args.n, args.seed, args.out)
    print(f"synth: {args.n} articles in {args.out} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
