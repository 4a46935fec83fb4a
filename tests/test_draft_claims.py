"""draft/claims.py: which metric and which date a figure gets, read from the sentence and topics.yml.

Sentences are written for the purpose (in the style of the drafting fixtures); the registries
are the drafting fixtures' (tests/fixtures/drafts/registry), frozen.
"""

import re
from functools import cache

from helpers import FIXTURES

from generator.draft import draft_article
from generator.draft.claims import Candidate, Vocabulary, candidates, event_candidates
from generator.model import Metric, Topic
from generator.read.load import load_registries

DRAFTS = FIXTURES / "drafts"


@cache
def _vocabulary() -> Vocabulary:
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    return Vocabulary.from_registries(archive.topics, archive.actors)


def _read(text: str, article_date: str, vocabulary: Vocabulary | None = None) -> list[Candidate]:
    return candidates([block for block in text.split("\n\n")], vocabulary or _vocabulary(), article_date)


def _metrics(text: str, article_date: str) -> list[tuple]:
    return [(c.numbers, c.metric) for c in _read(text, article_date)]


# The most specific metric whose words match wins (issue 23, point 7; round 3's letelegramme).

def test_a_figure_dated_at_the_first_deployment_is_the_initial_contingent():
    # « en octobre 2024 » is a synonym of initial_contingent; the figure's own words were cut at
    # the digits of 2024, so « déployés » (deployed) alone was read.
    assert _metrics("Ces renforts s'ajoutent aux quelque 11 000 militaires déployés en octobre 2024 "
                    "dans la région russe de Koursk, selon le JCS.", "2025-04-10") == [
        ((11000,), "initial_contingent")]
    # No synonym, but a date inside the period the metric's label states (« (automne 2024) »).
    assert _metrics("Ces renforts s’ajoutent aux quelque 11.000 soldats déployés à l’automne, selon "
                    "le NIS.", "2025-02-12") == [((11000,), "initial_contingent")]
    assert _metrics("Quelque 11 000 soldats avaient été dépêchés en Russie à l'automne 2024, rappelle "
                    "le NIS.", "2025-02-13") == [((11000,), "initial_contingent")]


def test_a_running_total_or_a_level_on_a_later_date_stays_the_wider_metric():
    assert _metrics("Environ 14 000 soldats nord-coréens ont été envoyés en Russie depuis octobre "
                    "2024, selon l'état-major sud-coréen.", "2025-04-28") == [((14000,), "deployed")]
    # The date stands before the figure: it dates a level, not a sending.
    assert _metrics("Fin janvier, selon Kiev, 11 000 soldats nord-coréens étaient alors déployés dans "
                    "la région de Koursk.", "2025-03-27") == [((11000,), "deployed")]
    # A level at the front is of another kind than a contingent sent: the date changes nothing.
    assert _metrics("Quelque 8 000 soldats combattaient sur le front en octobre 2024, selon Kiev.",
                    "2025-04-10") == [((8000,), "at_front")]


def test_a_part_named_among_the_figure_s_words_wins_over_its_whole():
    """topics.yml's relations say what is narrower, whatever the words' order or length."""
    soldiers = dict(unit="soldats", kind="total", scope="…")
    topics = {"troops": Topic(id="troops", title="Troupes", description="…", metrics={
        "sent": Metric(label="Soldats envoyés", synonyms=("envoyés",), parts=("first",), **soldiers),
        "first": Metric(label="Premier groupe", synonyms=("premier groupe",), **soldiers)})}
    vocabulary = Vocabulary.from_registries(topics, {})
    [figure] = _read("Quelque 11 000 soldats envoyés avec le premier groupe.", "2025-04-10", vocabulary)
    assert figure.metric == "first" and "premier groupe" in figure.metric_hint
    [figure] = _read("Quelque 11 000 soldats envoyés avec les autres.", "2025-04-10", vocabulary)
    assert figure.metric == "sent"


# Dates (issue 23, point 4; round 3's courrierinternational).

def test_a_figure_in_the_standfirst_and_the_body_takes_the_body_s_date():
    standfirst = ("Les troupes de Pyongyang ne sont plus engagées dans les combats depuis la "
                  "mi-janvier, après avoir subi près de 4 000 pertes.")
    # The body's clause holds two figures: the standfirst's copy is the one proposed, with the
    # body's period, not the standfirst's « mi-janvier » (the date of something else).
    body = ("Selon le NIS, les forces nord-coréennes ont subi depuis leur engagement à l'automne "
            "près de 4 000 pertes sur 11 000 soldats.")
    losses = [c for c in _read(f"{standfirst}\n\n{body}", "2025-02-13") if c.value == 4000]
    assert [(c.quote, c.as_of, c.repeats) for c in losses] == [
        ("après avoir subi près de 4 000 pertes", "2024-09/2025-02-13", 2)]
    assert "depuis leur engagement à l'automne" in losses[0].as_of_note


def test_a_period_closing_the_sentence_after_dont_dates_both_figures():
    figures = _read("Toujours selon le NIS, les forces nord-coréennes ont subi près de 4 000 pertes, "
                    "dont environ 300 morts, depuis leur engagement à l'automne.", "2025-02-13")
    assert [(c.numbers, c.metric, c.as_of) for c in figures] == [
        ((4000,), "killed_or_wounded", "2024-09/2025-02-13"), ((300,), "killed", "2024-09/2025-02-13")]
    # A statement's date after the part's clause is the whole sentence's too, not a relative
    # clause's « depuis janvier » about the one who speaks.
    figures = _read("Les pertes nord-coréennes s’élèvent à environ 4.700, dont 600 morts, a indiqué "
                    "jeudi 27 mars l’état-major interarmées sud-coréen (JCS), qui n’avait plus publié "
                    "d’estimation depuis janvier.", "2025-03-27")
    assert [(c.numbers, c.as_of) for c in figures] == [((4700,), "2025-03-27"), ((600,), "2025-03-27")]


def test_the_day_a_statement_was_relayed_is_not_the_figure_s_date():
    # The statement's own day dates the figure (a level as of then), as the finished articles do.
    [said] = _read("Environ 3 000 soldats nord-coréens ont été tués, a affirmé lundi le NIS.", "2025-03-27")
    assert said.as_of == "2025-03-24"
    # The day someone passed it on does not: no as_of (reported on the article's date), and why.
    [relayed] = _read("Environ 3 000 soldats nord-coréens ont été tués, a rapporté lundi l'agence "
                      "Yonhap, citant le NIS.", "2025-03-27")
    assert relayed.as_of is None and relayed.actor == "nis"
    assert any("rapportée, pas la date du chiffre" in note for note in relayed.notes)
    [cited] = _read("Selon le NIS, cité mardi par le JoongAng Ilbo, 3 000 soldats nord-coréens ont "
                    "été tués.", "2025-03-27")
    assert cited.as_of is None
    # A date the text gives the figure still wins.
    [dated] = _read("Environ 3 000 soldats nord-coréens ont été tués depuis janvier, a rapporté lundi "
                    "l'agence Yonhap.", "2025-03-27")
    assert dated.as_of == "2025-01/2025-03-27"


# Wrong or missing readings of the development texts, by the sentence's structure.

def test_a_bare_part_after_dont_takes_the_narrower_metric_its_own_words_date():
    figures = _read("Selon les services de renseignement sud-coréens, la Corée du Nord a envoyé au total "
                    "près de 15 000 soldats en Russie, dont 3 000 au début de l’année.", "2025-06-19")
    assert [(c.numbers, c.metric, c.as_of) for c in figures] == [
        ((15000,), "deployed", None), ((3000,), "reinforcements", "2025")]
    # Nothing narrower said: the part is left for the contributor (a part is not its whole).
    figures = _read("La Corée du Nord a envoyé près de 15 000 soldats en Russie, dont 3 000 à Koursk.",
                    "2025-06-19")
    assert [(c.numbers, c.topic, c.metric) for c in figures] == [
        ((15000,), "troops", "deployed"), ((3000,), "troops", None)]


def test_two_figures_joined_by_et_are_quoted_apart():
    figures = _read("Environ 300 d'entre eux ont été tués et 2 700 blessés, a indiqué lundi le NIS.",
                    "2025-01-13")
    assert [(c.numbers, c.metric, c.quote) for c in figures] == [
        ((300,), "killed", "Environ 300 d'entre eux ont été tués"),
        ((2700,), "wounded", "et 2 700 blessés, a indiqué lundi le NIS")]


def test_an_environ_before_a_pair_of_figures_qualifies_both():
    figures = _read("Les premières évaluations faisaient état d'environ 300 morts et 2 700 blessés.",
                    "2025-04-09")
    assert [(c.numbers, c.qualifier) for c in figures] == [((300,), "about"), ((2700,), "about")]
    # Only « environ » is shared: « plus de 300 morts et 2 700 blessés » bounds the first alone.
    figures = _read("Le NIS compte plus de 300 morts et 2 700 blessés.", "2025-04-09")
    assert [(c.numbers, c.qualifier) for c in figures] == [((300,), "more_than"), ((2700,), "exact")]


def test_a_measure_does_not_make_a_quote_hold_two_figures():
    """The body's copy (dated, « 170 mm » beside it) is preferred to the standfirst's."""
    [guns] = [c for c in _read(
        "Le chef du renseignement militaire ukrainien affirme que la Corée du Nord a livré environ 120 "
        "canons Koksan.\n\nLa Corée du Nord a livré à la Russie environ 120 canons automoteurs Koksan de "
        "170 mm, a affirmé jeudi le chef du renseignement militaire ukrainien.", "2025-06-19")]
    assert guns.quote == "La Corée du Nord a livré à la Russie environ 120 canons automoteurs Koksan de 170 mm"
    assert (guns.metric, guns.as_of, guns.repeats) == ("koksan_guns", "2025-06-19", 2)


def test_a_source_set_against_the_one_before_is_not_the_previous_speaker():
    text = ("Le commandant en chef ukrainien, Oleksandr Syrsky, avait affirmé que près de 4 000 soldats "
            "avaient été tués ou blessés. Séoul avait pour sa part évalué à plus de 1 000 le nombre de morts.")
    assert [(c.numbers, c.actor) for c in _read(text, "2025-02-07")] == [
        ((4000,), "ukrainian_army"), ((1000,), None)]
    said_on = _read("Le commandant en chef ukrainien, Oleksandr Syrsky, a affirmé que 4 000 soldats avaient "
                    "été tués ou blessés. Il a ajouté que 1 000 d'entre eux étaient morts.", "2025-02-07")
    assert [c.actor for c in said_on] == ["ukrainian_army", "ukrainian_army"]


def test_a_unit_shared_by_several_metrics_is_read_by_the_label_s_words():
    [present] = _read("Le renseignement sud-coréen avait fait état le mois dernier de 3 000 soldats "
                      "nord-coréens déjà présents en Russie.", "2024-11-05")
    assert (present.metric, present.as_of) == ("deployed", "2024-10")
    assert "Soldats nord-coréens envoyés en Russie" in present.metric_hint
    # Too few of the label's words: the options are left to choose from.
    [bare] = _read("Le renseignement sud-coréen évoque 3 000 soldats à Koursk.", "2024-11-05")
    assert bare.metric is None and "deployed" in bare.metric_options


def test_an_event_in_a_clause_with_a_year_is_proposed():
    """A year dates the event; it is no figure that would claim the clause."""
    from generator.draft.claims import event_candidates

    text = ("Moscou et Pyongyang ont signé en juin 2024 un traité de défense mutuelle.\n\n"
            "Les unités nord-coréennes ont été retirées du front de Koursk, a indiqué mercredi le NIS.")
    events = event_candidates(text.split("\n\n"), _vocabulary(), "2025-02-13", [])
    assert [(e.event, e.as_of) for e in events] == [("signature", "2024-06"), ("withdrawal_reported", "2025-02-12")]


# Round 4 (lejdd, huffpost, ledevoir, euronews, yonhap, lalibre).

def test_a_running_total_since_a_month_of_the_first_deployment_stays_deployed():
    # « depuis octobre » runs to the article's date: not a figure dated inside « automne 2024 ».
    assert _metrics("Selon le NIS, environ 11 000 soldats nord-coréens ont été déployés en Russie depuis "
                    "octobre, mais seule une partie d'entre eux est engagée.", "2024-12-19") == [
        ((11000,), "deployed")]


def test_an_article_number_is_not_a_count():
    assert _read("Le traité signé en juin dernier, dont l'article 4 prévoit une assistance militaire "
                 "immédiate, lie les deux pays et 3 000 soldats ont été envoyés.", "2025-04-28")[0].numbers == (3000,)
    assert [c.numbers for c in _read("Dont l'article 4 prévoit une assistance aux soldats.", "2025-04-28")] == []


def test_a_number_standing_for_a_noun_before_an_infinitive_is_read():
    found = _read("Selon le HUR, la Corée du Nord a déjà fourni plus de 150 missiles balistiques KN-23 "
                  "depuis décembre 2023, et pourrait en livrer jusqu'à 200 de plus d'ici la fin de l'année.",
                  "2025-06-19")
    assert [(c.numbers, c.qualifier) for c in found] == [((150,), "more_than"), ((200,), "at_most")]
    assert found[1].topic == "weapons"


def test_a_figure_in_the_standfirst_without_its_metric_is_the_body_s_figure():
    found = _read("Quelque 11 000 soldats nord-coréens se trouvent désormais dans la région russe de Koursk, "
                  "selon le renseignement militaire ukrainien.\n\n"
                  "Selon le renseignement militaire ukrainien (HUR), quelque 11 000 soldats nord-coréens sont "
                  "désormais déployés dans la région de Koursk, où l'armée ukrainienne occupe depuis l'été une "
                  "partie du territoire russe.", "2024-11-06")
    assert [(c.numbers, c.metric, c.as_of, c.repeats) for c in found] == [((11000,), "deployed", None, 2)]


def test_a_part_of_a_month_said_in_words_is_the_month_with_its_words():
    [figure] = _read("Fin janvier, l'état-major faisait état d'environ 3.000 victimes.", "2025-03-18")
    assert (figure.as_of, figure.as_of_words) == ("2025-01", "fin janvier 2025")


def test_an_actor_named_as_the_other_side_is_not_the_source():
    [killed] = _read("Au moins 100 soldats nord-coréens ont été tués depuis leur engagement dans les combats "
                     "contre l'armée ukrainienne, a indiqué jeudi un député à l'issue d'une séance du Service "
                     "national du renseignement (NIS).", "2024-12-19")
    assert killed.actor == "nis"


def test_a_range_without_entre_or_de_is_one_figure():
    [missiles] = _read("Moscou pourrait recevoir quelque 50 à 80 missiles balistiques de plus d'ici l'été.", "2025-03-04")
    assert (missiles.low, missiles.high, missiles.qualifier, missiles.metric) == (
        50, 80, "range", "ballistic_missiles_planned")
    # A year and an hour are no range.
    assert [c.numbers for c in _read("Le 5 mars 2025 à 10 h, 300 soldats sont arrivés.", "2025-03-05")] == [(300,)]


def test_a_model_s_digits_do_not_end_the_figure_s_own_words():
    """« M-1989 » is a name among the figure's words, the most specific metric's, not a new number."""
    [guns] = _read("Selon Séoul, la Corée du Nord a fourni 120 canons automoteurs de type M-1989 à l'armée russe.",
                   "2025-03-04")
    assert guns.metric == "koksan_guns"


def test_a_copy_of_a_figure_said_less_precisely_takes_the_most_specific_metric():
    """The standfirst's « 80 canons automoteurs » and the body's « 80 canons automoteurs Koksan
    de 170 mm »: one figure, proposed once, under the metric the body's more specific words name."""
    text = ("Pyongyang aurait déjà envoyé 80 canons automoteurs à Moscou.\n\n"
            "D'après le renseignement sud-coréen, Pyongyang a expédié 80 canons automoteurs de type Koksan "
            "vers la Russie au cours de l'hiver.")
    assert [(c.numbers, c.metric) for c in _read(text, "2025-05-12")] == [((80,), "koksan_guns")]
    # In the other order too, and a figure that differs stays apart.
    reversed_text = "\n\n".join(reversed(text.split("\n\n")))
    assert [(c.numbers, c.metric) for c in _read(reversed_text, "2025-05-12")] == [((80,), "koksan_guns")]
    apart = text.replace("80 canons automoteurs à", "60 canons automoteurs à")
    assert sorted((c.numbers, c.metric) for c in _read(apart, "2025-05-12")) == [
        ((60,), "sp_guns_and_mrls"), ((80,), "koksan_guns")]


def test_a_figure_in_the_subject_is_not_dated_by_what_the_verb_says_of_it():
    """The noun phrase says what the figure counts; the verb names another event (its date, its words
    are that event's); a verb completing the figure (« sont arrivés en mars ») still dates it."""
    text = "Les 3 000 soldats dépêchés en Russie sont revenus sur le front en février, selon le NIS."
    [troops] = _read(text, "2025-03-04")
    assert (troops.metric, troops.as_of, troops.quote) == ("deployed", None, "Les 3 000 soldats dépêchés en Russie")
    vocabulary = _vocabulary()
    [event] = event_candidates([text], vocabulary, "2025-03-04", [troops])
    assert (event.event, event.as_of, event.quote) == ("redeployed_to_front", "2025-02",
                                                       "sont revenus sur le front en février")
    [arrived] = _read("Quelque 2 000 renforts sont arrivés en mars pour combler les pertes.", "2025-04-10")
    assert (arrived.metric, arrived.as_of) == ("reinforcements", "2025-03")


def test_two_figures_joined_by_et_share_the_period_closing_them():
    """The period closing « 400 tués et 1 200 blessés » dates both, not the day of the statement."""
    figures = _read("Kiev a affirmé mardi qu'environ 400 militaires nord-coréens avaient été tués et 1 200 blessés "
                    "entre janvier et février.", "2025-03-04")
    assert [(c.numbers, c.as_of) for c in figures] == [((400,), "2025-01/2025-02"), ((1200,), "2025-01/2025-02")]


def test_a_role_noun_names_the_actor_named_before_whose_description_opens_with_it():
    text = ("Volodymyr Zelensky a reçu mardi les deux prisonniers nord-coréens.\n\n## Un bilan plus lourd\n\n"
            "Le président ukrainien a affirmé que 2 000 soldats nord-coréens avaient été tués.")
    [killed] = _read(text, "2025-03-04")
    assert killed.actor == "zelensky"
    # Named by role only, with nobody of that role named before: no actor.
    [alone] = _read("Le président ukrainien a affirmé que 2 000 soldats nord-coréens avaient été tués.", "2025-03-04")
    assert alone.actor is None


def test_a_count_no_metric_measures_is_named_not_proposed():
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    raw = ("Séoul sanctionne des entreprises russes\n"
           "Les sanctions visent 14 sociétés et 3 navires, a indiqué le ministère. Pyongyang aurait envoyé "
           "3 000 soldats supplémentaires.\n").encode()
    drafted = draft_article(raw, archive.topics, archive.actors, archive.outlets)
    assert [c.numbers for c in drafted.figures if not c.event] == [(3000,)]
    assert "  # Nombres qu'aucune métrique de topics.yml ne mesure, non proposés" in drafted.text
    assert "  #   « 14 sociétés » (unité « sociétés ») dans « Les sanctions visent 14 sociétés" in drafted.text
    assert "  #   « 3 navires » (unité « navires ») dans « " in drafted.text


def _shells(with_metric: bool) -> Vocabulary:
    """A weapons topic whose event names shells, with or without a metric counting them."""
    from generator.model import Event

    metrics = {"shells": Metric(label="Obus livrés", synonyms=("obus",), unit="obus", kind="total",
                                scope="…")} if with_metric else {}
    troops = Topic(id="troops", title="Troupes", description="…", metrics={
        "reinforcements": Metric(label="Renforts", synonyms=("supplémentaires",), unit="soldats",
                                 kind="total", scope="…")})
    weapons = Topic(id="weapons", title="Armement", description="…", metrics=metrics,
                    events={"supplied": Event(label="Livraisons de munitions", synonyms=("obus",))})
    return Vocabulary.from_registries({"troops": troops, "weapons": weapons}, {})


def test_round_millions_are_read_as_numbers_with_the_noun_after_de():
    """Review 15 (§3, friction 1): « 12 millions d'obus » was no figure at all."""
    found = _read("La Corée du Nord a livré environ 12 millions d'obus d'artillerie depuis août 2023. "
                  "Elle en livrerait entre 1,5 et 2 millions de plus. Le total atteindrait 1,5 million "
                  "d'obus.", "2025-11-05", _shells(with_metric=True))
    assert [(c.numbers, c.qualifier, c.metric) for c in found] == [
        ((12_000_000,), "about", "shells"), ((1_500_000, 2_000_000), "range", None),
        ((1_500_000,), "exact", "shells")]
    assert found[0].figure_text == "environ 12 millions"


def test_a_figure_whose_unit_no_metric_counts_is_named_with_its_clause_not_filed_elsewhere():
    """Review 15 (§3, friction 1): « 2 millions d'obus supplémentaires » must not become troops'
    reinforcements (« supplémentaires »): shells are another topic's words; with no metric counting
    them, the draft names the figure, the number read, its unit and its clause."""
    vocabulary = _shells(with_metric=False)
    [figure] = _read("Pyongyang pourrait livrer « au moins 2 millions d'obus supplémentaires » en 2026.",
                     "2025-11-05", vocabulary)
    assert (figure.topic, figure.metric, figure.numbers) == (None, None, (2_000_000,))
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    raw = ("Des obus nord-coréens pour Moscou\n"
           "La Corée du Nord a fourni environ 12 millions d'obus d'artillerie depuis août 2023, a indiqué "
           "mardi l'état-major sud-coréen. Pyongyang pourrait livrer « au moins 2 millions d'obus "
           "supplémentaires » en 2026.\n").encode()
    drafted = draft_article(raw, archive.topics, archive.actors, archive.outlets)
    assert not [c for c in drafted.figures if not c.event]
    assert ("  #   « environ 12 millions d'obus » (lu 12000000 ; unité « obus ») dans « La Corée du Nord a "
            "fourni environ 12 millions d'obus d'artillerie depuis août 2023 »") in drafted.text
    assert "  #   « au moins 2 millions d'obus » (lu 2000000 ; unité « obus ») dans « " in drafted.text


def test_an_event_in_a_clause_with_a_day_s_date_is_proposed():
    """The day of a date (« le 12 novembre 2024 ») is no figure that would claim the event's clause."""
    text = "Selon le Kremlin, l'accord avec Pyongyang, entré en vigueur le 4 décembre 2024, reste la base de leur coopération."
    events = event_candidates([text], _vocabulary(), "2025-02-13", [])
    assert ("entry_into_force", "2024-12-04") in [(e.event, e.as_of) for e in events]


def test_a_dispatch_s_dateline_is_no_part_of_the_quote():
    """« BERLIN — », « (Kyiv) », « Varsovie (PAP) - »: where the dispatch was written, not the source's words."""
    for dateline in ("BERLIN — ", "BERLIN | ", "(Kyiv) ", "Varsovie (PAP) - ", "NEW YORK, 3 mai (Reuters) -- "):
        [figure] = _read(f"{dateline}Environ 2 500 soldats nord-coréens ont été envoyés en Russie, a indiqué "
                         "lundi le ministère.", "2025-05-07")
        assert figure.quote.startswith("Environ 2 500 soldats"), (dateline, figure.quote)


def test_a_total_sent_from_a_month_on_is_a_running_total_not_the_first_contingent():
    # « à partir de » says « depuis »: from that month to the article's date (round 8's levif had
    # the month of the first deployment alone, hence the initial contingent).
    assert _metrics("Quelque 9 500 militaires ont été dépêchés vers la Russie à partir de novembre, "
                    "d'après le Pentagone.", "2025-01-20") == [((9500,), "deployed")]
    [candidate] = _read("Quelque 9 500 militaires ont été dépêchés vers la Russie à partir du mois "
                        "de novembre, d'après le Pentagone.", "2025-01-20")
    assert candidate.as_of == "2024-11/2025-01-20"


def test_claims_come_from_the_article_s_text_not_from_a_correction_note_or_a_reader_comment():
    """A correction note's figure may be the corrected one, a reader's is no source: the claim quotes
    the body's sentence holding the figure, and no claim quotes either."""
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    raw = "\n".join([
        "Séoul revoit à la hausse les pertes nord-coréennes en Russie",
        "Selon le renseignement sud-coréen, environ 2 500 soldats nord-coréens ont été tués ou blessés "
        "depuis leur arrivée sur le front.",
        "Le ministère russe de la Défense n'a fait aucun commentaire sur ces informations mardi.",
        "Erratum, 6 mars à 9h40 : nous avions d'abord écrit 2 500 morts ; il s'agit de 2 500 tués ou blessés.",
        "4 commentaires",
        "Gérard T. · il y a 5 heures",
        "Au moins 20 000 soldats ont été tués, tout le monde le sait.",
        "Répondre",
    ]).encode()
    drafted = draft_article(raw, archive.topics, archive.actors, archive.outlets)
    figures = [c for c in drafted.figures if not c.event]
    assert [c.numbers for c in figures] == [(2500,)]
    assert figures[0].quote.startswith("environ 2 500 soldats") or "renseignement sud-coréen" in figures[0].quote
    assert "20 000" not in drafted.text.split("\n---\n", 1)[1] and "il s'agit de 2 500" not in drafted.text.split(
        "claims:", 1)[1]


def test_an_apposition_naming_the_kinds_counted_is_more_specific_than_the_noun():
    """« N systèmes d'artillerie, lance-roquettes … et canons automoteurs »: the nouns after the comma say
    what the figure counts, by its kinds, and their metric wins over the general noun's; the quote holds
    them (round 10). A part (« notamment des … ») or a source after the comma changes nothing, nor does
    an apposition less precise than a model's name."""
    [listed] = _read("Pyongyang a fourni 180 systèmes d'artillerie, lance-roquettes multiples et canons "
                     "automoteurs, selon le ministère de la Défense.", "2025-02-10")
    assert (listed.metric, listed.passed_over) == ("sp_guns_and_mrls", ("long_range_artillery",))
    assert listed.quote == ("Pyongyang a fourni 180 systèmes d'artillerie, lance-roquettes multiples et canons "
                            "automoteurs")
    assert _metrics("Pyongyang a fourni 180 systèmes d'artillerie, notamment des canons automoteurs, selon "
                    "Séoul.", "2025-02-10") == [((180,), "long_range_artillery")]
    assert _metrics("Pyongyang a fourni 180 pièces d'artillerie, selon Séoul.", "2025-02-10") == [
        ((180,), "long_range_artillery")]
    assert _metrics("Pyongyang a fourni 90 canons M-1989 Koksan, canons automoteurs de 170 mm, selon Séoul.",
                    "2025-02-10") == [((90,), "koksan_guns")]
    # No event is proposed from the apposition: its words are the figure's.
    events = event_candidates(["Pyongyang a fourni 180 systèmes d'artillerie, lance-roquettes multiples et "
                               "canons automoteurs, selon le ministère de la Défense."], _vocabulary(),
                              "2025-02-10", [listed])
    assert [e.event for e in events] == []


def test_a_contingent_sent_in_the_first_deployment_s_season_is_the_first_contingent_as_subject_too():
    """« les N hommes dépêchés … à l'automne manquent de … »: sent in the period the first contingent's
    label states, with no « depuis » making it a running total: the narrower metric (round 10's
    marianne, whose finished article said the total sent, was corrected to this)."""
    assert _metrics("Selon Kiev, les quelque 9 000 hommes dépêchés en Russie par Pyongyang à l'automne manquent "
                    "de munitions.", "2025-02-10") == [((9000,), "initial_contingent")]
    assert _metrics("Selon Kiev, les quelque 9 000 hommes dépêchés en Russie par Pyongyang depuis l'automne "
                    "manquent de munitions.", "2025-02-10") == [((9000,), "deployed")]


# Round 11 (issue 23), in other words than round 11's texts.

def test_a_verb_in_the_words_of_the_figure_s_own_or_wider_metric_completes_it():
    """« N soldats supplémentaires ont été dépêchés … entre mars et avril »: reinforcements are soldiers
    sent, so the verb (a word of the wider « envoyés en Russie » metric) restates what the figure counts,
    and its period dates the figure; a verb naming another metric or an event still says something else."""
    [added] = _read("Selon Séoul, quelque 2 500 soldats supplémentaires ont été dépêchés entre mars et avril.",
                    "2025-06-10")
    assert (added.metric, added.as_of) == ("reinforcements", "2025-03/2025-04")
    assert added.quote == "quelque 2 500 soldats supplémentaires ont été dépêchés entre mars et avril"
    [sent] = _read("Les 3 000 soldats dépêchés en Russie sont revenus sur le front en février, selon le NIS.",
                   "2025-03-04")
    assert (sent.metric, sent.as_of) == ("deployed", None)


def test_one_figure_from_two_actors_is_two_claims_a_copy_without_actor_is_one():
    found = _read("Selon le JCS sud-coréen, 4.000 soldats nord-coréens ont été tués ou blessés. "
                  "Le NIS avance de son côté environ 4.000 soldats tués ou blessés.", "2025-04-08")
    assert [(c.numbers, c.qualifier, c.actor) for c in found] == [
        ((4000,), "exact", "jcs"), ((4000,), "about", "nis")]
    # A standfirst that names nobody repeats the body's figure: one claim, said twice.
    found = _read("Environ 4.000 soldats tués ou blessés.\n\nSelon le NIS, environ 4.000 soldats "
                  "nord-coréens ont été tués ou blessés.", "2025-04-08")
    assert [(c.numbers, c.actor, c.repeats) for c in found] == [((4000,), "nis", 2)]


def test_a_verb_of_exceeding_in_any_tense_or_with_an_adverb_is_more_than():
    for text in ("Le HUR estime que ces pertes dépasseraient 5.000 tués ou blessés.",
                 "Selon le HUR, les pertes dépassent désormais 5 000 tués ou blessés."):
        assert [(c.numbers, c.qualifier) for c in _read(text, "2025-04-08")] == [((5000,), "more_than")]


def test_a_sentence_dating_the_saying_proposes_stated_on_beside_as_of():
    """Reviews 12 and 13 (R7): « a déclaré mardi » dates the statement, which CONTRIBUTING.md files as
    ``stated_on``, kept apart from ``as_of`` (the figure's date, the same day when the text gives no other)."""
    friday = "2025-06-06"
    [level] = _read("Quelque 2 500 soldats nord-coréens seraient encore engagés près de Koursk, a précisé "
                    "mardi le NIS.", friday)
    assert (level.as_of, level.stated_on, level.stated_words) == ("2025-06-03", "2025-06-03", None)
    # The figure's own period stays its as_of; the day it was said is stated_on.
    [period] = _read("Le NIS a indiqué lundi qu'environ 3 000 soldats supplémentaires avaient été envoyés "
                     "entre janvier et mars.", friday)
    assert (period.as_of, period.stated_on) == ("2025-01/2025-03", "2025-06-02")
    # A part of a month, in words; a release published on a day.
    [month] = _read("Le NIS avait évoqué fin mars environ 1 000 soldats nord-coréens tués.", friday)
    assert (month.stated_on, month.stated_words) == ("2025-03", "fin mars 2025")
    [release] = _read("Selon un communiqué publié jeudi par le JCS, 4 000 soldats nord-coréens ont été blessés.",
                      friday)
    assert release.stated_on == "2025-06-05"
    # Two figures, the saying's date in the first one's clause: the second, dated by nothing else,
    # is the actor's estimate on that day (as_of too).
    killed, wounded = _read("Le NIS avait évoqué en avril quelque 200 morts et 1 800 blessés.", friday)
    assert (killed.stated_on, wounded.stated_on, wounded.as_of) == ("2025-04", "2025-04", "2025-04")
    assert wounded.as_of_note and "date de la déclaration" in wounded.as_of_note
    # The article's own day is no stated_on, nor a day the statement was passed on.
    [today] = _read("Environ 2 500 soldats nord-coréens sont engagés, a déclaré vendredi le NIS.", friday)
    assert (today.as_of, today.stated_on) == (friday, None)
    [relayed] = _read("Environ 2 500 soldats nord-coréens sont engagés, a rapporté mardi l'agence Yonhap.", friday)
    assert relayed.stated_on is None


def test_the_draft_writes_stated_on_to_confirm_with_the_words_it_was_read_from():
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    raw = "\n".join([
        "Séoul : 2 500 soldats nord-coréens toujours au front",
        "Publié le 6 juin 2025",
        "Quelque 2 500 soldats nord-coréens seraient encore engagés près de Koursk, a précisé mardi le NIS.",
    ]).encode()
    text = draft_article(raw, archive.topics, archive.actors, archive.outlets).text
    assert re.search(r"  #   as_of: 2025-06-03    # à confirmer .*\n(?:  #   as_of_note: .*\n)?"
                     r"  #   stated_on: 2025-06-03    # à confirmer : « mardi » : la date de la déclaration", text)


def test_an_event_s_actor_is_its_source_in_the_sentence_not_who_it_names_or_a_neighbour():
    """Reviews 12 and 13 (§4.2): a treaty recalled by the journalist was drafted as the Kremlin's or
    KCNA's (named in the sentence) or as the previous sentence's speaker's."""
    from generator.draft.claims import event_candidates

    def actors(text: str) -> list[tuple]:
        return [(e.event, e.actor) for e in event_candidates(text.split("\n\n"), _vocabulary(), "2025-02-13", [])]

    # No word of a source: the article's own statement, filed under the registry's actor for it.
    assert actors("Le Pentagone a rappelé mardi ses estimations.\n\nLe Kremlin et Pyongyang ont signé en juin "
                  "2024 un traité de défense mutuelle.") == [("signature", "unattributed")]
    # A source named after « selon », or next to a verb of saying, whoever else the sentence names.
    assert actors("Selon le NIS, Pyongyang et le Kremlin ont signé en juin 2024 un traité.") == [("signature", "nis")]
    assert actors("Le Kremlin et Pyongyang ont signé un traité en juin 2024, a rappelé le JCS.") == [
        ("signature", "jcs")]
    # A verb of saying with no name: the speaker of the sentence before, as for a figure.
    assert actors("Le NIS s'est exprimé devant les députés.\n\nIl a ajouté que les unités nord-coréennes "
                  "avaient été retirées du front.") == [("withdrawal_reported", "nis")]


def test_an_actor_named_to_compare_a_figure_with_is_not_its_source():
    """Review 12: « Il confirme que 3 000 … un chiffre identique à celui avancé en mars par l'état-major
    interarmées » is the speaker's figure (named before), not the JCS's."""
    [figure] = _read("Le renseignement sud-coréen a livré un nouveau bilan. Il confirme que 2 000 soldats "
                     "supplémentaires ont été envoyés en renfort, un chiffre identique à celui avancé en mars "
                     "par l'état-major interarmées.", "2025-04-30")
    assert figure.actor == "nis"


def test_the_sentence_s_fixed_hedges_are_proposed_beside_the_quote_s_conditional():
    """Reviews 12 and 13 (§4.2): « Selon des estimations préliminaires » opening the sentence and « une
    estimation que Kiev qualifie elle-même de provisoire » closing it were not proposed."""
    from generator.draft.hedges import hedge_words

    sentence = ("D'après une évaluation préliminaire de l'armée, quelque 900 soldats auraient été blessés en mars, "
                "un bilan que Séoul juge lui-même provisoire.")
    assert hedge_words("quelque 900 soldats auraient été blessés en mars", sentence) == (
        "auraient", "évaluation préliminaire", "provisoire")
    # A conditional of another clause is not the figure's (it may be a future seen from the past).
    assert hedge_words("2 000 soldats ont été envoyés", "2 000 soldats ont été envoyés et d'autres suivraient.") == ()
    assert hedge_words("de nouvelles troupes", "L'agence n'exclut pas l'envoi de nouvelles troupes.") == (
        "n'exclut pas",)


def test_a_denial_or_a_visit_is_proposed_in_topics_words_even_across_a_date_else_named():
    """Review 15 (§3, frictions 6 and 7): « a démenti mercredi toute livraison » (a day between the
    synonym's words) was not proposed; with no event for them, denials and visits left no trace."""
    from generator.model import Event

    archive = load_registries(DRAFTS / "registry", DRAFTS)
    raw = ("Pyongyang dément toute livraison d'armes\n"
           "L'agence KCNA a démenti mercredi toute livraison d'armes à la Russie. Le ministre russe des "
           "Affaires étrangères s'est rendu le 12 juillet à Wonsan.\n"
           "Le Kremlin a démenti jeudi dernier que des soldats combattent en Ukraine. Il s'est rendu compte "
           "de son erreur.\n").encode()
    drafted = draft_article(raw, archive.topics, archive.actors, archive.outlets)
    assert ("  # Démenti relevé au paragraphe 1 (« L'agence KCNA a démenti mercredi toute livraison d'armes à "
            "la Russie ») : aucun événement de topics.yml ne le nomme ; ajoutez-en un (label, synonyms, "
            "stance: true : une position) pour qu'il soit proposé.") in drafted.text
    assert ("  # Visite relevée au paragraphe 1 (« Le ministre russe des Affaires étrangères s'est rendu le 12 "
            "juillet à Wonsan ») : aucun événement de topics.yml ne la nomme") in drafted.text
    assert ("  # Démenti relevé au paragraphe 2 (« Le Kremlin a démenti jeudi dernier que des soldats combattent "
            "en Ukraine ») :") in drafted.text
    assert drafted.text.count("  # Visite relevée") == 1   # « s'est rendu compte » is no visit
    weapons = archive.topics["weapons"]
    topics = {**archive.topics, "weapons": weapons.model_copy(update={"events": {
        **weapons.events, "supply_denied": Event(label="Livraisons d'armes démenties", stance=True,
                                                 synonyms=("démenti toute livraison",))}})}
    drafted = draft_article(raw, topics, archive.actors, archive.outlets)
    [denial] = [c for c in drafted.figures if c.event == "supply_denied"]
    assert denial.quote == "L'agence KCNA a démenti mercredi toute livraison d'armes à la Russie"
    assert "Démenti relevé au paragraphe 1" not in drafted.text
    assert "Démenti relevé au paragraphe 2" in drafted.text


def test_a_later_sentence_of_the_same_statement_takes_its_day():
    """Reviews 18 and 19 (Workflow): « a indiqué jeudi le NIS » dated the 3 000, not the 9 000 the NIS
    gave in the next sentence of the same statement, nor the missiles of « Le NIS a également indiqué
    que … » a paragraph further."""
    friday = "2026-01-16"
    killed, both = _read("Près de 3 000 soldats nord-coréens auraient été tués, a indiqué jeudi le NIS. Le NIS "
                         "évalue à « environ 9 000 » le nombre total de soldats tués ou blessés.", friday)
    assert (killed.stated_on, both.stated_on, both.as_of) == ("2026-01-15", "2026-01-15", "2026-01-15")
    assert "« jeudi » : la date de la déclaration, donnée plus haut" in both.stated_hint
    # A later paragraph goes on with the statement when it says so, naming its actor.
    _, missiles = _read("Environ 3 000 soldats nord-coréens ont été tués, a estimé mardi le NIS.\n\nLe NIS a "
                        "également indiqué que Pyongyang aurait livré environ 250 missiles balistiques.", friday)
    assert (missiles.actor, missiles.stated_on) == ("nis", "2026-01-13")
    # Not so: a pronoun a paragraph further (it may stand for someone the paragraphs between named),
    # a sentence that dates its own figure, another actor's figure between.
    _, pronoun = _read("Environ 3 000 soldats nord-coréens ont été tués, a estimé mardi le NIS.\n\nIl a ajouté "
                       "que Pyongyang aurait livré environ 250 missiles balistiques.", friday)
    _, dated = _read("Environ 3 000 soldats nord-coréens ont été tués, a estimé mardi le NIS. En décembre, le "
                     "NIS évaluait à 1 000 le nombre de soldats tués ou blessés.", friday)
    _, _, other = _read("Environ 3 000 soldats nord-coréens ont été tués, a estimé mardi le NIS. Le JCS évalue à "
                        "4 000 le nombre de soldats tués ou blessés. Le NIS évalue à 9 000 le nombre de soldats "
                        "tués ou blessés.", friday)
    # (« avant la fin de 2024 »: a date the sentence gives its figure, though no date is read there)
    _, unread = _read("Environ 3 000 soldats nord-coréens ont été tués, a estimé mardi le NIS. Le NIS évalue à "
                      "120 le nombre de canons Koksan livrés avant la fin de 2024.", friday)
    # Nor the second sentence of a later paragraph: the statement was made in another one.
    _, later = _read("Environ 3 000 soldats nord-coréens ont été tués, a estimé mardi le NIS.\n\nLe front reste calme. "
                     "Le NIS évalue à 9 000 le nombre de soldats tués ou blessés.", friday)
    assert (later.actor, later.stated_on) == ("nis", None)
    assert (pronoun.actor, pronoun.stated_on) == ("nis", None)
    assert (unread.actor, unread.metric, unread.stated_on, unread.as_of) == ("nis", "koksan_guns", None, None)
    assert (dated.stated_on, dated.as_of) == (None, "2025-12")
    assert (other.actor, other.stated_on) == ("nis", None)


def test_the_source_is_who_says_it_not_the_subject_of_what_it_reports():
    """Review 19 (Workflow, 2): « Le NIS a également indiqué que Pyongyang aurait livré environ 250 missiles »
    was drafted as Pyongyang's (the nearest name, the subject of « livré »), not the NIS's."""
    from generator.model import Actor

    archive = load_registries(DRAFTS / "registry", DRAFTS)
    actors = {**archive.actors, "north_korea": Actor(id="north_korea", name="Pyongyang",
                                                     aliases=("régime nord-coréen",))}
    vocabulary = Vocabulary.from_registries(archive.topics, actors)
    for text in ("Le NIS a également indiqué que Pyongyang aurait livré environ 250 missiles balistiques.",
                 "Selon le NIS, Pyongyang aurait livré environ 250 missiles balistiques.",
                 "Pyongyang aurait livré environ 250 missiles balistiques, a estimé le NIS."):
        [figure] = _read(text, "2026-03-04", vocabulary)
        assert figure.actor == "nis", text
    [figure] = _read("Le NIS a indiqué que Pyongyang aurait livré environ 250 missiles balistiques.", "2026-03-04",
                     vocabulary)
    assert figure.actor_hint == "« NIS » dans la phrase, sa source (« Pyongyang » y est nommé dans ce qui est rapporté)"
    # The actor that says it, however near another name stands.
    [figure] = _read("Pyongyang a reconnu avoir livré environ 250 missiles balistiques au régime russe.", "2026-03-04",
                     vocabulary)
    assert figure.actor == "north_korea"


def test_a_figure_the_text_says_could_not_be_checked_proposes_those_words_as_its_hedge():
    """Reviews 18 and 19 (Workflow): « un chiffre qui n'a pu être vérifié de source indépendante », « qui ne
    peut être vérifié », in the claim's own sentence, were not proposed (only « pas pu être vérifié » was)."""
    from generator.draft.hedges import hedge_words

    quote = "« plus de 4 500 » soldats nord-coréens tués depuis le début de leur engagement"
    sentence = (f"Le HUR avance un bilan plus lourd : {quote}, selon un communiqué publié mercredi, un chiffre qui "
                "n'a pu être vérifié de source indépendante.")
    assert hedge_words(quote, sentence) == ("n'a pu être vérifié de source indépendante",)
    for said, hedge in (("un chiffre qui ne peut être vérifié", "ne peut être vérifié"),
                        ("des chiffres qui ne peuvent pas être confirmés de manière indépendante",
                         "ne peuvent pas être confirmés de manière indépendante"),
                        ("un bilan qui n'a pas encore pu être vérifié", "pas encore pu être vérifié"),
                        ("un bilan invérifiable", "invérifiable"),
                        ("un chiffre que le service dit « en cours de vérification »", "en cours de vérification")):
        assert hedge_words("3 000 soldats tués", f"Selon Kiev, 3 000 soldats tués, {said}.") == (hedge,), said
    # Proposed in the draft, to confirm.
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    raw = f"Pertes nord-coréennes : le HUR avance 4 500 tués\nPublié le 16/01/2026\n{sentence}\n".encode()
    text = draft_article(raw, archive.topics, archive.actors, archive.outlets).text
    assert "  #   hedges: [\"n'a pu être vérifié de source indépendante\"]    # à confirmer" in text


def test_a_quote_that_opens_or_closes_inside_quotation_marks_keeps_them_balanced():
    """Review 18 (Workflow, 3): the HUR's quote was cut inside its guillemets (« plus de 4 500 » soldats …
    drafted ``"plus de 4 500 » soldats …"``): the mark opening the clause was trimmed with its spaces."""
    [figure] = _read("Le HUR avance un bilan plus lourd : « plus de 4 500 » soldats nord-coréens tués depuis le début "
                     "de leur engagement, selon un communiqué.", "2026-01-16")
    assert figure.quote == "« plus de 4 500 » soldats nord-coréens tués depuis le début de leur engagement"
    [figure] = _read("Le bilan des soldats nord-coréens tués s'élève à « plus de 4 500 », selon le HUR.", "2026-01-16")
    assert figure.quote == "Le bilan des soldats nord-coréens tués s'élève à « plus de 4 500 »"
    [figure] = _read("« Environ 3 000 soldats nord-coréens ont été tués », a indiqué le NIS.", "2026-01-16")
    assert figure.quote == "Environ 3 000 soldats nord-coréens ont été tués"


def test_a_position_in_words_that_name_no_object_needs_its_subject_in_the_clause():
    """Review 21 (W4): Peskov's « n'a ni confirmé ni démenti ces livraisons » was drafted as the troops
    topic's position « Déploiement ni confirmé ni démenti »; on weapons, it is named in a comment."""
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    troops = archive.topics["troops"]
    unconfirmed = troops.events["deployment_unconfirmed"].model_copy(update={"stance": True})
    topics = {**archive.topics, "troops": troops.model_copy(
        update={"events": {**troops.events, "deployment_unconfirmed": unconfirmed}})}
    raw = ("Le Kremlin muet\n"
           "Interrogé lundi, le porte-parole du Kremlin n'a ni confirmé ni démenti ces livraisons.\n"
           "Le Kremlin n'a ni confirmé ni démenti le déploiement de ses soldats.\n").encode()
    drafted = draft_article(raw, topics, archive.actors, archive.outlets)
    [position] = [c for c in drafted.figures if c.event == "deployment_unconfirmed"]
    assert position.quote == "Le Kremlin n'a ni confirmé ni démenti le déploiement de ses soldats"
    assert ("  # Démenti relevé au paragraphe 1 (« Interrogé lundi, le porte-parole du Kremlin n'a ni "
            "confirmé ni démenti ces livraisons ») :") in drafted.text


def test_an_event_is_dated_by_the_date_nearest_its_words_a_whole_day_before_a_weekday():
    """Review 22 (W2): the signature dated by the anniversary's « ce vendredi »; review 21 (W5): the
    treaty's clause dated by the entry into force of the same sentence."""
    text = ("Moscou et Pyongyang célèbrent ce vendredi le deuxième anniversaire du traité de « partenariat "
            "stratégique global », signé le 19 juin 2024 à Pyongyang.\n\n"
            "Ce traité, signé à Pyongyang et entré en vigueur le 4 décembre 2024, prévoit en son article 4 "
            "que chaque partie fournisse « sans délai » une assistance militaire si l'autre est agressée.")
    events = event_candidates(text.split("\n\n"), _vocabulary(), "2026-06-19", [])
    assert [(e.event, e.as_of) for e in events] == [
        ("signature", "2024-06-19"), ("entry_into_force", "2024-12-04"), ("mutual_defence_clause", None)]


def test_a_weekday_said_last_is_the_one_before_the_articles_day():
    """Review 29 (H2): « mardi dernier » in a Tuesday's article is the Tuesday a week before, not
    the article's day; « mardi » alone in it is that day."""
    tuesday = "2025-06-10"
    [last] = _read("Environ 12 000 soldats étaient engagés sur le front, a indiqué mardi dernier le JCS.", tuesday)
    assert last.as_of == "2025-06-03", last
    [today] = _read("Environ 12 000 soldats étaient engagés sur le front, a indiqué mardi le JCS.", tuesday)
    assert today.as_of == "2025-06-10", today
    [earlier] = _read("Environ 12 000 soldats étaient engagés sur le front, a indiqué lundi dernier le JCS.", tuesday)
    assert earlier.as_of == "2025-06-09", earlier


def test_a_report_transmitted_or_handed_over_on_a_day_dates_the_statement():
    """Review 21 (W6): « dans un rapport transmis lundi aux parlementaires », the day not next to the
    verb of saying, proposed no ``stated_on``; nor « remis », while « publié » did."""
    friday = "2025-06-06"
    for verb, day in (("transmis lundi", "2025-06-02"), ("remis mardi", "2025-06-03"),
                      ("publié mercredi", "2025-06-04")):
        [figure] = _read("Environ 250 canons automoteurs ont été livrés, a indiqué le JCS dans un rapport "
                         f"{verb} aux parlementaires.", friday)
        assert figure.stated_on == day, verb
    [relayed] = _read("Environ 250 canons automoteurs ont été livrés, selon un rapport cité mardi par "
                      "l'agence Yonhap.", friday)
    assert relayed.stated_on is None


def _with_rejection(archive):
    """The drafts' registries with a position named by synonyms of review 24 (G5)."""
    from generator.model import Event

    casualties = archive.topics["casualties"]
    return {**archive.topics, "casualties": casualties.model_copy(update={"events": {
        **casualties.events, "figures_rejected": Event(
            label="Bilans rejetés", stance=True,
            synonyms=("rejeté les estimations", "qualifié de fabrications"))}})}


def test_a_synonym_names_its_event_across_a_demonstrative_an_inflection_and_a_quotation_mark():
    """« rejeté les estimations » names « a rejeté jeudi ces estimations », « qualifié de
    fabrications » names « qualifiés de « fabrications » » (review 24, G5)."""
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    vocabulary = Vocabulary.from_registries(_with_rejection(archive), archive.actors)
    for sentence in ("Le ministère de la Défense a rejeté jeudi ces estimations sur les pertes.",
                     "Des bilans de pertes qualifiés de « fabrications » par le ministère de la Défense."):
        events = event_candidates([sentence], vocabulary, "2026-03-06", [])
        assert [e.event for e in events] == ["figures_rejected"], sentence
    assert event_candidates(["Le ministère a rejeté jeudi toutes les accusations."], vocabulary,
                            "2026-03-06", []) == []


def test_a_denial_an_event_may_name_is_not_advised_as_a_new_event():
    """No « ajoutez-en un » where topics.yml has the event: a bare denial (« Pyongyang dément. ») when
    a position is proposed from another sentence, or a sentence holding every word of a synonym in
    another order (review 24, G5)."""
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    raw = ("Séoul relève son bilan des pertes en Russie, Pyongyang dément\n"
           "Séoul relève son bilan, Pyongyang dément.\n"
           "Le ministère de la Défense a rejeté jeudi ces estimations sur les pertes.\n"
           "Le gouvernement dément aussi : ces estimations, il les a rejetées en bloc.\n"
           "Le ministère a par ailleurs démenti tout accord commercial avec Minsk.\n").encode()
    drafted = draft_article(raw, _with_rejection(archive), archive.actors, archive.outlets)
    assert [c.event for c in drafted.figures if c.event] == ["figures_rejected"]
    # A denial of something else, named: no event has its words, one is still to add.
    assert drafted.text.count("ajoutez-en un") == 1
    assert ("  # Démenti relevé au paragraphe 4 (« Le ministère a par ailleurs démenti tout accord commercial "
            "avec Minsk ») : aucun événement de topics.yml ne le nomme ; ajoutez-en un") in drafted.text
    assert ("  # Démenti relevé au paragraphe 1 (« Séoul relève son bilan, Pyongyang dément ») : topics.yml a "
            "peut-être déjà l'événement qui le nomme (figures_rejected : proposé plus haut pour une autre "
            "phrase) ; s'il le nomme, rien à ajouter.") in drafted.text
    assert ("  # Démenti relevé au paragraphe 3 (« Le gouvernement dément aussi : ces estimations, il les a "
            "rejetées en bloc ») : topics.yml a peut-être déjà l'événement qui le nomme (figures_rejected : tous "
            "les mots d'un de ses synonymes sont dans la phrase) ; s'il le nomme, écrivez l'affirmation à la "
            "main.") in drafted.text


def test_a_part_in_its_total_s_clause_takes_the_total_s_hedges():
    """« … auraient été tués ou blessés …, dont quelque 1 500 tués »: the text hedges both; a part of
    a plain total gets none (review 24, G2)."""
    archive = load_registries(DRAFTS / "registry", DRAFTS)

    def claims(sentence: str) -> dict[str, str]:
        raw = f"Les pertes nord-coréennes en Russie\n{sentence}\n".encode()
        text = draft_article(raw, archive.topics, archive.actors, archive.outlets).text
        blocks = text.split("\nclaims:\n", 1)[1].split("\n---\n", 1)[0].split("  # - ")[1:]
        return {re.search(r"value: (\d+)", block)[1]: block for block in blocks if "value:" in block}

    hedged = claims("Environ 5 000 militaires nord-coréens auraient été tués ou blessés depuis leur arrivée, "
                    "dont quelque 1 500 tués, a indiqué jeudi le NIS.")
    assert '#   hedges: ["auraient"]' in hedged["5000"] and '#   hedges: ["auraient"]' in hedged["1500"], hedged
    plain = claims("Environ 5 000 militaires nord-coréens ont été tués ou blessés depuis leur arrivée, "
                   "dont quelque 1 500 tués, a indiqué jeudi le NIS.")
    assert "hedges" not in plain["5000"] and "hedges" not in plain["1500"], plain


def test_a_part_whose_own_clause_gives_a_period_takes_that_period_not_the_day_of_the_saying():
    """Review 25 (H1; review 23, F4): « dont quelque 9 000 renforts arrivés depuis le début de 2025, a
    indiqué vendredi le NIS » was drafted ``as_of`` the Friday, its period lost; that day is its ``stated_on``."""
    friday = "2025-06-06"
    _, part = _read("Quelque 15 000 soldats nord-coréens auraient été envoyés en Russie depuis octobre 2024, dont "
                    "environ 4 000 renforts arrivés depuis le début de 2025, a indiqué jeudi le NIS.", friday)
    assert (part.metric, part.as_of_words, part.stated_on) == ("reinforcements", "depuis le début de 2025",
                                                               "2025-06-05")
    assert part.as_of is not None and part.as_of.startswith("2025-01/")
    # A year alone: the period from that year on, as the text gives it.
    [shells] = _read("Pyongyang a livré environ 9 millions d'obus depuis 2023, selon le NIS.", friday)
    assert (shells.as_of, shells.as_of_words) == ("2023/2025-06-06", "depuis 2023")


def test_a_period_up_to_the_report_ends_on_the_day_the_actor_said_it():
    """Review 25 (H2): « depuis octobre 2024 …, a indiqué vendredi le NIS » in Saturday's article was drafted
    ``as_of: 2024-10/<article date>`` beside ``stated_on`` the Friday: the count is the NIS's on Friday."""
    friday = "2025-06-06"
    total, part = _read("Quelque 15 000 soldats nord-coréens auraient été envoyés en Russie depuis octobre 2024, "
                        "dont environ 4 000 renforts arrivés depuis le début de l'année, a indiqué jeudi le NIS.",
                        friday)
    assert (total.as_of, total.as_of_words, total.stated_on) == ("2024-10/2025-06-05", "depuis octobre 2024",
                                                                 "2025-06-05")
    assert total.as_of_note == "« depuis octobre 2024 » : d'octobre 2024 à la déclaration de « jeudi » (5 juin 2025)."
    assert (part.as_of, part.stated_on) == ("2025-01/2025-06-05", "2025-06-05")
    # Said at the end of a month: the period ends on that month.
    [month] = _read("Environ 14 000 soldats ont été envoyés depuis octobre 2024, a déclaré fin mai le JCS.", friday)
    assert (month.as_of, month.stated_on) == ("2024-10/2025-05", "2025-05")
    # Said on the article's day, or with no day of the saying: the period runs to the article's date.
    [today] = _read("Environ 14 000 soldats ont été envoyés depuis octobre 2024, a déclaré vendredi le JCS.", friday)
    assert (today.as_of, today.stated_on) == ("2024-10/2025-06-06", None)
    [undated] = _read("Environ 14 000 soldats ont été envoyés depuis octobre 2024, selon le JCS.", friday)
    assert (undated.as_of, undated.stated_on) == ("2024-10/2025-06-06", None)


def test_a_position_whose_words_name_what_it_is_on_is_proposed_across_a_weekday():
    """« démenti toute livraison d'armes » names what it denies (« toute » is a determiner): its
    position is proposed in « a de nouveau démenti mercredi toute livraison d'armes » (review 26, J2)."""
    from generator.model import Event

    archive = load_registries(DRAFTS / "registry", DRAFTS)
    weapons = archive.topics["weapons"]
    topics = {**archive.topics, "weapons": weapons.model_copy(update={"events": {
        **weapons.events, "deliveries_denied": Event(
            label="Livraisons d'armes démenties", stance=True, synonyms=("démenti toute livraison d'armes",))}})}
    vocabulary = Vocabulary.from_registries(topics, archive.actors)
    sentence = ("Le Kremlin a de nouveau démenti mercredi toute livraison d'armes nord-coréennes, son "
                "porte-parole évoquant des « allégations sans fondement ».")
    assert [e.event for e in event_candidates([sentence], vocabulary, "2026-12-10", [])] == ["deliveries_denied"]


# Who says a figure, recalls and dates (issue 19; reviews 27 and 28).

def test_the_same_source_is_the_actor_of_the_figure_attributed_before():
    """« selon la même source » names the source last named, not the sentence's subject (review 27, F1)."""
    _, supplied = _read("Environ 12 000 soldats seraient engagés sur le front, a estimé mardi le NIS.\n\n"
                        "Le Kremlin aurait par ailleurs reçu plus de 200 missiles balistiques, selon la même "
                        "source.", "2026-01-16")
    assert supplied.actor == "nis" and "« la même source »" in supplied.actor_hint
    # Without that phrase the sentence's own actor stays.
    _, own = _read("Environ 12 000 soldats seraient engagés sur le front, a estimé mardi le NIS.\n\n"
                   "Le Kremlin aurait par ailleurs reçu plus de 200 missiles balistiques, selon le HUR.",
                   "2026-01-16")
    assert own.actor == "hur"
    # An event likewise.
    text = ("Environ 12 000 soldats seraient engagés sur le front, a estimé mardi le NIS.\n\n"
            "Le Kremlin aurait annoncé un retrait des troupes du front de Koursk, selon la même source.")
    events = event_candidates(text.split("\n\n"), _vocabulary(), "2026-01-16", _read(text, "2026-01-16"))
    assert [(e.event, e.actor) for e in events] == [("withdrawal_reported", "nis")]


def _shell_calibres(*, narrower: bool) -> Vocabulary:
    shells = dict(unit="obus", kind="total", scope="…")
    metrics = {"shells": Metric(label="Obus livrés", synonyms=("obus d'artillerie", "obus"), **shells)}
    if narrower:
        metrics["heavy_shells"] = Metric(label="Obus lourds livrés", synonyms=("obus lourds",),
                                         within="shells", **shells)
    return Vocabulary.from_registries({"weapons": Topic(id="weapons", title="Armement", description="…",
                                                        metrics=metrics)}, {})


def test_a_part_read_on_its_total_s_metric_says_so_or_takes_the_metric_within_it():
    """« dont environ 4 millions d'obus de 152 mm » on the total's metric counts the same thing twice
    (review 27, F1b): the draft says so, or proposes the metric topics.yml places within the total."""
    text = ("Pyongyang aurait livré à Moscou plus de 12 millions d'obus d'artillerie depuis 2023, dont "
            "environ 3 millions d'obus de gros calibre, selon le NIS.")
    total, part = _read(text, "2026-01-16", _shell_calibres(narrower=False))
    assert (total.metric, part.metric) == ("shells", "shells")
    assert any("même métrique (shells)" in note and "within: shells" in note for note in part.notes)
    assert not total.notes
    total, part = _read(text, "2026-01-16", _shell_calibres(narrower=True))
    assert (total.metric, part.metric) == ("shells", "heavy_shells")
    assert "place heavy_shells dans shells" in part.metric_hint


def test_a_number_standing_for_the_noun_before_or_set_against_a_figure_is_a_recall_of_its_metric():
    """« le NIS en recensait environ 18 000 », « le HUR en comptait plus de 19 000 en novembre »,
    « contre environ 10 000 lors de sa précédente estimation » (review 27 F2, review 28 G3)."""
    found = _read("Quelque 22 000 soldats nord-coréens auraient été envoyés en Russie, a estimé jeudi le "
                  "NIS. En octobre, le NIS en recensait environ 16 000.\n\nLe HUR en comptait pour sa part plus "
                  "de 17 000 en novembre.", "2026-01-16")
    assert [(c.numbers, c.metric, c.actor, c.as_of, c.recall) for c in found] == [
        ((22000,), "deployed", "nis", "2026-01-15", False), ((16000,), "deployed", "nis", "2025-10", True),
        ((17000,), "deployed", "hur", "2025-11", True)]
    assert all("un rappel" in " ".join(c.notes) for c in found[1:])
    total, part, before = _read("Environ 9 000 soldats nord-coréens auraient été tués ou blessés, dont quelque "
                                "3 000 tués, a estimé lundi le NIS, contre environ 8 000 lors de sa précédente "
                                "estimation.", "2026-01-16")
    assert (before.numbers, before.metric, before.actor, before.recall) == ((8000,), "killed_or_wounded", "nis", True)
    # Monday dates the new figure and its statement, not the one recalled.
    assert (before.as_of, before.stated_on) == (None, None)
    assert (total.as_of, total.stated_on) == ("2026-01-12", "2026-01-12")
    archive = load_registries(DRAFTS / "registry", DRAFTS)
    raw = ("Séoul relève son bilan\nPublié le 16/01/2026 à 08:00\nEnviron 9 000 soldats nord-coréens auraient "
           "été tués ou blessés, a estimé lundi le NIS, contre environ 8 000 lors de sa précédente estimation.\n").encode()
    text = draft_article(raw, archive.topics, archive.actors, archive.outlets).text
    assert "# pas de date pour ce rappel dans sa proposition : sans as_of, il compterait à la date" in text
    assert text.count("as_of omis") == 0 and "# un rappel d'une estimation antérieure : à confirmer" in text
    # Nor does the day of the statement go on to a recall the sentences after it give undated.
    _, earlier = _read("Quelque 22 000 soldats nord-coréens auraient été envoyés en Russie, a estimé jeudi le "
                       "NIS. Le NIS en recensait auparavant environ 16 000.", "2026-01-16")
    assert (earlier.metric, earlier.recall, earlier.stated_on, earlier.as_of) == ("deployed", True, None, None)
    # A recall needs a figure before it; « en » before a place or a month is no pronoun.
    assert _read("Le NIS en recensait environ 16 000.", "2026-01-16") == []
    [sent] = _read("Environ 16 000 soldats ont été envoyés en Russie en octobre, selon le NIS.", "2026-01-16")
    assert not sent.recall


def test_a_figure_set_against_after_a_part_recalls_the_total_s_metric():
    """« dont environ 180 canons automoteurs Koksan, contre quelque 350 fin novembre »: the « contre »
    compares the sentence's total, not its part, whatever date word follows it (review 29, H1)."""
    for when, as_of in (("fin octobre", "2025-10"), ("début octobre", "2025-10"), ("mi-octobre", "2025-10")):
        total, part, before = _read("Selon le HUR, Pyongyang aurait livré à Moscou environ 500 canons automoteurs "
                                    "et lance-roquettes multiples, dont environ 200 canons automoteurs Koksan, "
                                    f"contre quelque 420 {when}.", "2026-01-16")
        assert (total.metric, part.metric) == ("sp_guns_and_mrls", "koksan_guns")
        assert (before.numbers, before.metric, before.recall, before.actor) == (
            (420,), "sp_guns_and_mrls", True, "hur")
        assert before.as_of == as_of and "« environ 500 »" in before.metric_hint


def test_of_two_events_one_clause_names_the_one_its_date_follows_is_proposed():
    """« le traité de « partenariat stratégique global » entré en vigueur en novembre 2024 »: an entry
    into force in November 2024, not an undated signature (review 31, Q1)."""
    text = ("Le NIS a estimé jeudi que Pyongyang respectait le traité de « partenariat stratégique global » "
            "entré en vigueur en novembre 2024 avec Moscou.")
    [event] = event_candidates([text], _vocabulary(), "2026-01-16", _read(text, "2026-01-16"))
    assert (event.event, event.as_of) == ("entry_into_force", "2024-11")
    # Without a date after the words of entry into force, the first words name the event still.
    text = "Pyongyang respecte le traité de « partenariat stratégique global » entré en vigueur avec Moscou."
    [event] = event_candidates([text], _vocabulary(), "2026-01-16", _read(text, "2026-01-16"))
    assert event.event == "signature"
    # A standfirst that names the event undated gives way to the body's dated copy (review 31, Q1/Q2).
    text = ("Deux ans après l'entrée en vigueur de son traité avec Moscou, Pyongyang enverrait des renforts.\n\n" + (
            "Le NIS a estimé jeudi que Pyongyang respectait le traité de « partenariat stratégique global » "
            "entré en vigueur en novembre 2024 avec Moscou."))
    [event] = event_candidates(text.split("\n\n"), _vocabulary(), "2026-01-16", _read(text, "2026-01-16"))
    assert (event.event, event.as_of) == ("entry_into_force", "2024-11")


def test_a_day_after_a_verb_of_saying_in_the_imperfect_or_a_communique_diffuse_dates_the_statement():
    """« estimait pour sa part lundi », « selon un communiqué diffusé vendredi » (reviews 30 N3, 31 Q4)."""
    [figure] = _read("Le JCS estimait pour sa part lundi qu'environ 13 000 soldats avaient été envoyés en Russie.",
                     "2026-01-16")
    assert (figure.actor, figure.stated_on) == ("jcs", "2026-01-12")
    [figure] = _read("Quelque 15 000 soldats auraient été tués ou blessés au 31 décembre, selon un communiqué "
                     "du HUR diffusé vendredi.", "2026-01-07")
    assert (figure.actor, figure.as_of, figure.stated_on) == ("hur", "2025-12-31", "2026-01-02")
    # A weekday after a verb in the imperfect that says no statement dates nothing but the figure.
    [figure] = _read("Environ 13 000 soldats combattaient lundi sur le front, selon le JCS.", "2026-01-16")
    assert figure.stated_on is None
    # Before a month, the imperfect dates what was said, not the saying.
    [figure] = _read("Le HUR affirmait fin novembre qu'environ 13 000 soldats combattaient sur le front.", "2026-01-16")
    assert (figure.as_of, figure.stated_on) == ("2025-11", None)


def test_a_year_before_the_article_s_says_so_in_its_note():
    """« le 21 décembre » in a January article: the note names the year, lest it read as the article's
    (review 30, N8)."""
    [figure] = _read("Quelque 12 000 soldats ont été envoyés en Russie le 21 décembre, selon le NIS.", "2026-01-06")
    assert figure.as_of == "2025-12-21"
    assert figure.as_of_note.startswith("Année 2025, celle qui précède l'article (6 janvier 2026)")
    [figure] = _read("Quelque 12 000 soldats ont été envoyés en Russie le 3 janvier, selon le NIS.", "2026-01-06")
    assert figure.as_of_note.startswith("Année déduite de la date de l'article (6 janvier 2026)")


def test_one_figure_said_by_two_actors_each_named_in_its_sentence_is_two_claims():
    """The ministry's same-day « environ 11 000 » after the NIS's is a second claim (review 28, G2)."""
    found = _read("Environ 9 000 soldats nord-coréens auraient été tués ou blessés, a estimé lundi le NIS.\n\n"
                  "Le ministère sud-coréen de la Défense a avancé pour sa part un bilan d'environ 9 000 soldats "
                  "tués ou blessés.", "2026-01-16")
    assert [(c.numbers, c.actor, c.repeats) for c in found] == [((9000,), "nis", 1), ((9000,), "mnd", 1)]
    # A sentence that names another actor without saying it is another's statement repeats the figure
    # (the standfirst's « selon Séoul », the body's NIS): one claim.
    found = _read("Environ 9 000 soldats nord-coréens auraient été tués ou blessés, a estimé lundi le NIS.\n\n"
                  "Alors que le traité entre en vigueur, environ 9 000 soldats ont été tués ou blessés, selon le "
                  "ministère sud-coréen de la Défense.", "2026-01-16")
    assert [(c.numbers, c.repeats) for c in found] == [((9000,), 2)]
    # « le même jour »: the day of the statement before it.
    _, same_day = _read("Environ 9 000 soldats nord-coréens auraient été tués ou blessés, a estimé lundi le NIS.\n\n"
                        "Le ministère sud-coréen de la Défense a avancé le même jour un bilan comparable, d'environ "
                        "9 000 soldats tués ou blessés.", "2026-01-16")
    assert (same_day.actor, same_day.stated_on, same_day.as_of) == ("mnd", "2026-01-12", "2026-01-12")
    assert "« le même jour »" in same_day.stated_hint


def test_a_figure_dated_only_by_actuellement_takes_the_day_its_actor_s_statement_was_dated_above():
    """« Environ 12 000 … actuellement engagés sur le front, … selon le NIS », two paragraphs under « a
    estimé jeudi le NIS », another actor's figure between (review 27, F3); an event likewise."""
    text = ("Quelque 22 000 soldats nord-coréens auraient été envoyés en Russie, a estimé jeudi le NIS.\n\n"
            "Le HUR en comptait pour sa part plus de 17 000 en novembre.\n\n"
            "Environ 12 000 d'entre eux seraient actuellement engagés sur le front, où plusieurs unités "
            "ont été redéployées ces dernières semaines, selon le NIS.")
    front = _read(text, "2026-01-16")[-1]
    assert (front.metric, front.actor, front.stated_on, front.as_of, front.as_of_words) == (
        "at_front", "nis", "2026-01-15", "2026-01-15", "actuellement")
    assert "la date de la déclaration de la même source plus haut" in front.stated_hint
    [event] = event_candidates(text.split("\n\n"), _vocabulary(), "2026-01-16", _read(text, "2026-01-16"))
    assert (event.event, event.actor, event.stated_on, event.as_of, event.as_of_words) == (
        "redeployed_to_front", "nis", "2026-01-15", "2025-12/2026-01-15", "ces dernières semaines")
    # Without a word relative to the saying, a figure of another paragraph keeps the article's date.
    plain = _read(text.replace("actuellement ", ""), "2026-01-16")[-1]
    assert (plain.stated_on, plain.as_of) == (None, None)
