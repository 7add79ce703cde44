"""nlp.tag(): NFC offsets, spelling variants, ordering, directive overlap; the `vnportal tag` command."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp import DirectiveTag, tag, tagger
from pipeline import cli

_GOLD_TEXTS = sorted({json.loads(line)["text"] for path in (Path(__file__).parent / "gold" / "nlp").rglob("*.jsonl")
                      for line in path.open(encoding="utf-8")})

LEAD = ("Chiều 15/12, Quận ủy Lê Chân tổ chức Hội nghị tổng kết công tác khoa giáo năm 2021. "
        "Toàn quận đã tổ chức 56 Hội nghị với sự tham gia của 22.214 lượt cán bộ, đảng viên; "
        "tỷ lệ đỗ vào lớp 10 cao hơn năm trước là 5,07%.")
REF = dt.date(2021, 12, 15)


def _essentials(tags) -> tuple:
    return ([(d.start, d.end, d.kind, d.start_date, d.end_date) for d in tags.dates],
            [(s.start, s.end, s.value, s.unit_text, s.kind) for s in tags.statistics])


def test_nfd_input_gives_the_nfc_results_with_offsets_into_the_nfc_text():
    nfd = unicodedata.normalize("NFD", LEAD)
    assert nfd != LEAD
    tags = tag(nfd, REF)
    assert _essentials(tags) == _essentials(tag(LEAD, REF))
    assert [d.text for d in tags.dates] == ["Chiều 15/12", "năm 2021"]
    assert [s.text for s in tags.statistics] == ["56 Hội nghị", "22.214 lượt cán bộ, đảng viên", "5,07%"]
    for kind in ("dates", "officials", "directives", "statistics"):
        assert all(LEAD[t.start:t.end] == t.text for t in getattr(tags, kind))


def test_uy_spelling_pair_tags_the_same():
    old, new = ("Sáng 6/10, Ban Tuyên giáo Thành uỷ tổ chức 430 điểm cầu trực tuyến trong quý I/2022.",
                "Sáng 6/10, Ban Tuyên giáo Thành ủy tổ chức 430 điểm cầu trực tuyến trong quý I/2022.")
    ref = dt.date(2022, 10, 6)
    assert _essentials(tag(old, ref)) == _essentials(tag(new, ref))
    assert [d.text for d in tag(old, ref).dates] == ["Sáng 6/10", "quý I/2022"]


def test_every_list_is_sorted_by_start_and_the_json_shape_is_the_contract():
    tags = tag(LEAD, REF).to_dict()
    assert set(tags) == {"dates", "officials", "directives", "statistics"}
    for kind, items in tags.items():
        assert [t["start"] for t in items] == sorted(t["start"] for t in items)
    assert set(tags["dates"][0]) == {"text", "start", "end", "kind", "start_date", "end_date"}
    assert set(tags["statistics"][0]) == {"text", "start", "end", "value", "denominator", "unit_text",
                                          "qualifier", "kind"}
    json.dumps(tags, ensure_ascii=False)


def test_dates_and_statistics_inside_a_directive_span_are_left_to_the_directive(monkeypatch):
    text = "Kế hoạch số 125-KH/TU ngày 05-11-2012 về 430 điểm cầu; năm 2022 có 16 tập thể được khen."
    plain = tag(text, dt.date(2022, 1, 1))  # the directive tagger stops at the number
    assert [d.text for d in plain.dates] == ["ngày 05-11-2012", "năm 2022"]
    end = text.index(";")  # a directive tag that reaches over the signing date and a number
    wide = DirectiveTag(text=text[:end], start=0, end=end, doc_type="Kế hoạch", type_code="KH", number="125",
                        issuer_code="TU", year=2012, date="2012-11-05", issuer=None, title=None, key="125-KH/TU")
    monkeypatch.setattr(tagger, "tag_directives", lambda text, ref_date, dates: [wide])
    tags = tag(text, dt.date(2022, 1, 1))
    assert [d.text for d in tags.dates] == ["năm 2022"]
    assert [s.text for s in tags.statistics] == ["16 tập thể"]
    assert [s.text for s in plain.statistics] == ["430 điểm cầu", "16 tập thể"]
    assert [d.key for d in tags.directives] == ["125-KH/TU"]


def test_no_reference_date_means_no_year_less_dates():
    tags = tag(LEAD, None)
    assert [d.text for d in tags.dates] == ["năm 2021"]


# -- the command ------------------------------------------------------------------------

def test_command_prints_tag_json_for_a_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(LEAD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["tag", str(path), "--published", "2021-12-15", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == tag(LEAD, REF).to_dict()
    assert "Chiều 15/12" in result.output  # ensure_ascii=False


def test_command_reads_stdin_and_prints_a_table():
    result = CliRunner().invoke(cli, ["tag", "-", "--published", "2021-12-15T17:12:00"], input=LEAD)
    assert result.exit_code == 0, result.output
    assert "dates (2)" in result.output and "statistics (3)" in result.output
    assert "day_month      2021-12-15  | Chiều 15/12" in result.output
    assert "count    22214 lượt cán bộ, đảng viên" in result.output


def test_command_without_published_skips_year_less_dates():
    result = CliRunner().invoke(cli, ["tag", "--json"], input=LEAD)
    assert result.exit_code == 0, result.output
    assert [d["text"] for d in json.loads(result.output)["dates"]] == ["năm 2021"]


@pytest.mark.parametrize("args, message", [
    (["tag", "-", "--published", "15/12/2021"], "Error: --published must be a date YYYY-MM-DD, not '15/12/2021'"),
    (["tag", "no-such-file.txt"], "Error: cannot read no-such-file.txt: No such file or directory"),
])
def test_command_errors_are_one_line(args, message):
    result = CliRunner().invoke(cli, args, input=LEAD)
    assert result.exit_code == 2
    assert result.output.strip() == message


FRAGMENTS = ["Chiều 15/12", "Quận ủy Lê Chân", "năm 2021", "56 Hội nghị", "quý II/2022", "5,07%",
             "50/53 trường học công lập", "Chỉ thị số 20-CT/TW", "0225.3821.055", "6 tháng đầu năm",
             "ngày 05-11-2012", "trên 1.200 hội nghị", "Đại hội XIII", "3,5 tỷ đồng", "Thành uỷ", "lớp 10"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8), st.sampled_from([", ", "; ", " và ", ". "]),
       st.booleans())
def test_any_mix_keeps_offsets_order_and_no_statistic_inside_a_date(parts, joiner, nfd):
    text = joiner.join(parts)
    tags = tag(unicodedata.normalize("NFD", text) if nfd else text, REF)
    for kind in ("dates", "officials", "directives", "statistics"):
        found = getattr(tags, kind)
        assert all(text[t.start:t.end] == t.text for t in found)
        assert [t.start for t in found] == sorted(t.start for t in found)
    for stat in tags.statistics:
        assert not any(stat.start < d.end and d.start < stat.end for d in tags.dates)


def test_tags_to_dict_is_dataclasses_asdict():
    tagged = [tag(text, dt.date(2023, 1, 1)) for text in _GOLD_TEXTS]
    assert sum(len(tags.officials) for tags in tagged) > 10 and any(tags.directives for tags in tagged)
    for tags in tagged:
        assert tags.to_dict() == dataclasses.asdict(tags)


@given(text=st.sampled_from(_GOLD_TEXTS), ref_date=st.one_of(st.none(), st.dates()))
@settings(max_examples=200, deadline=None)
def test_tag_with_any_reference_date_gives_tags_within_the_text(text, ref_date):
    tags = tag(text, ref_date)
    for kind in ("dates", "officials", "directives", "statistics"):
        for found in getattr(tags, kind):
            assert text[found.start:found.end] == found.text
