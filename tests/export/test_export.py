"""Exports on every back-end: GDELT 2.0 has its 61 columns, PLOVER parses back, flat files."""

import csv
import io

import pyarrow.parquet as pq
import pytest

from dyad.export import export
from dyad.export.flat import COLUMNS as FLAT_COLUMNS
from dyad.export.gdelt import COLUMNS as GDELT_COLUMNS
from dyad.export.plover import read_plover
from dyad.records import Place
from tests.store.events import article, event

# The GDELT 2.0 event codebook's columns, in its order.
CODEBOOK = """GlobalEventID Day MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode
Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode
Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions
NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode
Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code
Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type
ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()


@pytest.fixture
def filled(store):
    baku = Place(name="Баку", country="AZE", lat=40.4, lon=49.9)
    store.add(article("a1", source="ТАСС", url="https://example.org/a1"),
              [event("a1", place=baku, cameo="041"), event("a1", "RUS", "UN", "11", None)])
    store.add(article("a2", source="РИА", published="2025-10-08"),
              [event("a2", date=None, cameo="042"), event("a2", root="03", status="negated")])
    store.add(article("a3", published=None), [event("a3", date=None, root="17")])
    return store


def test_gdelt_columns_are_the_codebook_61():
    assert len(GDELT_COLUMNS) == 61 and list(GDELT_COLUMNS) == CODEBOOK


def test_gdelt_export_has_61_fields_a_line_and_story_counts(filled):
    out = io.StringIO()
    done = export(filled, "gdelt", out, header=True)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == CODEBOOK
    rows = [dict(zip(CODEBOOK, line.split("\t"), strict=True)) for line in lines[1:]]
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert done.rows == len(rows) == 2 and done.left_out == {"no date": 1}  # negated: out
    call = next(r for r in rows if r["EventRootCode"] == "04")
    assert (call["NumMentions"], call["NumArticles"], call["NumSources"]) == ("2", "2", "2")
    assert (call["Day"], call["MonthYear"], call["Year"]) == ("20251007", "202510", "2025")
    assert call["FractionDate"] == f"{2025 + (10 * 30 + 7) / 365:.4f}"
    assert (call["Actor1Code"], call["Actor1CountryCode"], call["Actor1Type1Code"]) == (
        "AZEGOV", "AZE", "GOV")
    assert (call["ActionGeo_FullName"], call["ActionGeo_Type"], call["ActionGeo_Lat"]) == (
        "Баку", "4", "40.4")
    assert call["SOURCEURL"] == "https://example.org/a1" and len(call["DATEADDED"]) == 14
    un = next(r for r in rows if r["Actor2Code"].startswith("UN"))
    assert un["Actor2KnownGroupCode"] == "UN" and un["Actor2CountryCode"] == ""
    assert un["QuadClass"] == "3" and un["GoldsteinScale"] == "-2.0"


def test_plover_export_parses_back_to_the_stored_events(filled):
    out = io.StringIO()
    done = export(filled, "plover", out)
    records = read_plover(out.getvalue().splitlines())
    stored = {f"dyad-{row['id']}": row for row in filled.events()}
    assert done.rows == len(records) == 4 and done.left_out["no date"] == 1
    for record in records:
        row = stored[record["id"]]
        assert record["date"] == row["day"] and record["event"] == [row["plover_type"]]
        assert record["source"][0]["code"] == row["source_entity"]
        assert record["recipient"][0]["sector"] == row["target_role"]
        assert record["quad_code"] == row["quad_class"]
        assert record["event_scale"] == row["goldstein"]
        assert record["event_text"] == [row["evidence_text"]]
        assert record["link"] == f"dyad-story-{row['story_id']}"
    linked = [r["link"] for r in records if r["cameo"] in ("041", "042")]
    assert len(linked) == 2 and len(set(linked)) == 1
    baku = next(r for r in records if r["cameo"] == "041")["event_loc"]
    assert baku == {"name": "Баку", "latitude": 40.4, "longitude": 49.9, "cc3": "AZE"}


@pytest.mark.parametrize("line, problem", [
    ('{"id": "x", "date": "2025-01-01", "source": [{"code": "RUS"}]}', "event"),
    ('{"id": "x", "source": [{"code": "RUS"}], "event": ["AGREE"]}', "date"),
    ('{"id": "x", "date": "2025-01-01", "source": "RUS", "event": ["AGREE"]}', "lists"),
    ('{"id": "x", "date": "2025-01", "source": [{"code": "RUS"}], "event": ["AGREE"]}',
     "YYYY-MM-DD"),
])
def test_read_plover_rejects_records_without_the_required_fields(line, problem):
    with pytest.raises(ValueError, match=problem):
        read_plover([line])


def test_csv_export_is_one_flat_row_an_event(filled):
    out = io.StringIO()
    assert export(filled, "csv", out).rows == 5
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(FLAT_COLUMNS) and len(rows) == 5
    first = rows[0]
    assert (first["source_code"], first["cameo"], first["place_name"]) == ("AZEGOV", "041",
                                                                           "Баку")
    assert first["num_mentions"] == "2" and first["implicit_target"] == "False"


def test_parquet_export_keeps_the_columns_and_types(filled, tmp_path):
    path = tmp_path / "events.parquet"
    assert export(filled, "parquet", path=path).rows == 5
    table = pq.read_table(path)
    assert table.column_names == list(FLAT_COLUMNS) and table.num_rows == 5
    rows = table.to_pylist()
    assert rows[0]["goldstein"] == 1.0 and rows[0]["place_lat"] == 40.4
    assert rows[0]["implicit_target"] is False and rows[0]["num_mentions"] == 2
    assert str(table.schema.field("quad_class").type) == "int64"
