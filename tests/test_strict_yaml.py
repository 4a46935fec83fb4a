import pytest

from generator.read.strict_yaml import MAX_DEPTH, StrictYamlError, load


def test_scalars_stay_text_so_the_schema_decides_types():
    data, _ = load("value: 3.000\nold: 03000\nflag: no\nempty:\nquoted: \"\"\n")
    assert data == {"value": "3.000", "old": "03000", "flag": "no", "empty": None, "quoted": ""}


def test_positions_of_keys_and_values_are_one_based():
    data, positions = load("a: 1\nlist:\n  - x: 2\n")
    assert positions.of_value(("list", 0, "x")) == (3, 8)
    assert positions.of_key(("list",)) == (2, 1)
    # A path that does not exist falls back to its nearest parent.
    assert positions.of_value(("list", 0, "missing")) == (3, 5)


@pytest.mark.parametrize("text, message, line", [
    ("a: 1\na: 2\n", "duplicate key 'a' (first defined on line 1)", 2),
    ("a: &x 1\nb: *x\n", "anchors (&name) are not allowed", 1),
    ("a: !!python/object:os.system 1\n", "tags (tag:yaml.org,2002:python/object:os.system) are not allowed", 1),
    ("a: !custom 1\n", "tags (!custom) are not allowed", 1),
    ("a: [1, 2\n", "invalid YAML", 2),
    ("? [a, b]\n: 1\n", "a key must be plain text", 1),
])
def test_hazards_are_refused_with_their_line(text, message, line):
    with pytest.raises(StrictYamlError) as error:
        load(text)
    assert message in error.value.message
    assert error.value.line == line


def test_alias_without_anchor_is_refused():
    with pytest.raises(StrictYamlError, match="aliases"):
        load("a: *nothing\n")


def test_nesting_is_bounded():
    deep = "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    with pytest.raises(StrictYamlError, match="nesting deeper"):
        load(deep)


def test_size_is_bounded():
    with pytest.raises(StrictYamlError, match="larger than"):
        load("a: " + "x" * 300_000 + "\n")


def test_empty_document_is_none():
    assert load("")[0] is None
