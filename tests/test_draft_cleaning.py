"""draft/cleaning.py: bylines read for the outlet and its agencies."""

from helpers import FIXTURES

from generator.draft.cleaning import analyse
from generator.read.load import load_registries

DRAFTS = FIXTURES / "drafts"


def test_a_byline_with_its_agency_in_brackets_gives_outlet_and_wire():
    outlets = load_registries(DRAFTS / "registry", DRAFTS).outlets
    draft = analyse("\n".join([
        "Corée du Nord : Pyongyang aurait livré plus de 200 lance-roquettes multiples à Moscou",
        "La Croix (avec AFP),", "le 04/03/2025 à 07:55",
        "Le paragraphe de l’article, qui dit quelque chose."]), outlets)
    assert draft.blocks == ["Le paragraphe de l’article, qui dit quelque chose."]
    assert (draft.outlet, draft.wire, draft.date) == ("lacroix", "afp", "2025-03-04")
    assert "Signature « La Croix (avec AFP), » supprimée (média dans outlet, agence dans wire)." in draft.cleaning
