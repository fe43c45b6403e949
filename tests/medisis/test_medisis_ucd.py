"""The UCD correspondence file (docs/medisis.md §7.3): separators and header detected, columns by name or number,
UCD7 completed to its UCD13, bad codes skipped and counted with their line, UTF-8 then cp1252."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medisis.codes import cip13_from_cip7, ucd13_from_ucd7
from medisis.ucd import SEPARATORS, UcdColumns, UcdFileError, UcdTable, parse_columns, parse_ucd

SAMPLE = Path(__file__).resolve().parent / "data" / "cip_ucd.csv"
FURO_UCD, FURO_CIP = "3400899100015", "3400991000015"


def _pairs(table: UcdTable) -> list[tuple[int, str, str | None, str | None]]:
    return [(x.line, x.ucd13, x.cip13, x.cis) for x in table.links]


@pytest.mark.parametrize("sep", SEPARATORS)
def test_each_separator_is_detected_with_a_header(sep):
    data = f"UCD{sep}CIP13\n{FURO_UCD}{sep}{FURO_CIP}\n".encode()
    table = parse_ucd(data)
    assert table.separator == sep and table.header
    assert _pairs(table) == [(2, FURO_UCD, FURO_CIP, None)]


def test_semicolon_wins_over_a_comma_inside_a_label_and_quotes_are_read():
    data = f'"Code UCD";"Libellé";"CIP13"\n"{FURO_UCD}";"FUROSÉMIDE 40 mg, comprimé";"{FURO_CIP}"\n'.encode()
    table = parse_ucd(data, parse_columns("Code UCD,CIP13"))
    assert table.separator == ";" and _pairs(table) == [(2, FURO_UCD, FURO_CIP, None)]


def test_without_a_header_the_first_line_is_data_and_columns_go_by_number():
    data = f"x\t{FURO_CIP}\t{FURO_UCD}\ny\t61000003\t9910003\n".encode()
    table = parse_ucd(data, UcdColumns(3, 2))
    assert not table.header
    assert _pairs(table) == [(1, FURO_UCD, FURO_CIP, None), (2, "3400899100039", None, "61000003")]
    with pytest.raises(UcdFileError) as named:  # a name cannot be looked up without a header
        parse_ucd(data, parse_columns("UCD,CIP13"))
    assert named.value.problem == "no_header" and named.value.params == {"column": "UCD", "line": 1}
    with pytest.raises(UcdFileError) as unnamed:  # nor found by itself
        parse_ucd(data)
    assert unnamed.value.problem == "unnamed_columns" and unnamed.value.params == {"line": 1}


def test_ucd7_and_ucd13_name_the_same_unit_and_cip7_its_cip13():
    data = f"UCD;CIP\n9910001;9100001\n{FURO_UCD};{FURO_CIP}\n".encode()
    assert [(x.ucd13, x.cip13) for x in parse_ucd(data).links] == [(FURO_UCD, FURO_CIP)] * 2


def test_bad_codes_are_skipped_and_counted_with_their_line_and_blank_lines_ignored():
    data = "\n".join([
        "", "UCD13;CIS;CIP13",  # blank line 1: ignored, the header is line 2
        f"{FURO_UCD};61000001;",  # column 2 by name: CIS
        "3400899100016;61000001;",  # UCD13 check digit wrong
        "3400991000015;61000001;",  # a CIP13 in the UCD column
        "12345;61000001;",  # neither UCD7 nor UCD13
        f"{FURO_UCD};6100000;",  # 7 digits: read as a CIP7
        f"{FURO_UCD};x61000001;",  # not a code
        "", "   ;  ;",  # blank lines: not counted
        f"{FURO_UCD}",  # too few fields
    ]).encode()
    table = parse_ucd(data, parse_columns("UCD13,CIS"))
    assert _pairs(table) == [(3, FURO_UCD, None, "61000001"), (7, FURO_UCD, cip13_from_cip7("6100000"), None)]
    assert [(s.line, s.reason, s.value) for s in table.skipped] == [
        (4, "ucd_check_digit", "3400899100016"), (5, "ucd", "3400991000015"), (6, "ucd", "12345"),
        (8, "link", "x61000001"), (11, "fields", "2")]


def test_a_link_check_digit_is_its_own_reason():
    table = parse_ucd(f"UCD,CIP13\n{FURO_UCD},3400991000016\n".encode())
    assert [(s.line, s.reason) for s in table.skipped] == [(2, "link_check_digit")] and not table.links


def test_cp1252_is_the_fallback_and_a_utf8_bom_is_dropped():
    text = f"Code UCD;Libellé;Code CIP13\r\n{FURO_UCD};ŒDÉMAFICTIF 500 µg;{FURO_CIP}\r\n"
    legacy = parse_ucd(text.encode("cp1252"), parse_columns("code ucd,CODE CIP13"))  # names: case ignored
    assert legacy.encoding == "cp1252" and _pairs(legacy) == [(2, FURO_UCD, FURO_CIP, None)]
    bom = parse_ucd(b"\xef\xbb\xbf" + text.encode(), parse_columns("Code UCD,Libelle"))
    assert bom.encoding == "utf-8" and [s.reason for s in bom.skipped] == ["link"]  # the label is no code


def test_the_header_names_the_columns_when_none_are_given():
    table = parse_ucd(f"Code UCD 7;Code UCD 13;Code CIP 13\n9910001;{FURO_UCD};{FURO_CIP}\n".encode())
    assert _pairs(table) == [(2, FURO_UCD, FURO_CIP, None)]  # « UCD 13 » preferred to « UCD 7 »
    cis = parse_ucd(f"ucd_code\tprécision\tCIS\n{FURO_UCD}\tx\t61000001\n".encode())
    assert _pairs(cis) == [(2, FURO_UCD, None, "61000001")]  # « précision » is no CIS column


def test_a_header_that_does_not_name_one_column_of_each_is_an_error_naming_its_line():
    with pytest.raises(UcdFileError) as two:
        parse_ucd(SAMPLE.read_bytes())  # « Code UCD » and « Libellé UCD »
    assert two.value.problem == "no_ucd_column"
    assert two.value.params == {"line": 1, "header": "Code UCD | Libellé UCD | Code CIP13"}
    with pytest.raises(UcdFileError) as none:
        parse_ucd(b"UCD;pack\n3400899100015;3400991000015\n")
    assert none.value.problem == "no_link_column"


def test_a_named_column_missing_from_the_header_is_named():
    with pytest.raises(UcdFileError) as caught:
        parse_ucd(SAMPLE.read_bytes(), parse_columns("Code UCD,CIP"))
    assert caught.value.problem == "column_missing"
    assert caught.value.params == {"column": "CIP", "line": 1, "header": "Code UCD | Libellé UCD | Code CIP13"}


def test_an_empty_file_is_an_error():
    for data in (b"", b"\n \n\r\n"):
        with pytest.raises(UcdFileError) as caught:
            parse_ucd(data)
        assert caught.value.problem == "empty"


def test_the_sample_reads_as_its_readme_says():
    table = parse_ucd(SAMPLE.read_bytes(), parse_columns("Code UCD,Code CIP13"))
    assert table.encoding == "utf-8" and table.header and table.separator == ";"
    assert [x.line for x in table.links] == [2, 3, 4, 5, 6, 9, 10, 11]
    assert table.links[2].ucd13 == ucd13_from_ucd7("9910003")
    assert [(s.line, s.reason) for s in table.skipped] == [(7, "ucd_check_digit"), (8, "link_check_digit")]


@pytest.mark.parametrize("text", ["1", "0,2", ",", "a,", "a,b,c", ""])
def test_a_bad_column_list_is_refused(text):
    with pytest.raises(UcdFileError) as caught:
        parse_columns(text)
    assert caught.value.problem == "columns" and caught.value.params == {"value": text}


def test_a_column_list_mixes_names_and_numbers():
    assert parse_columns(" Code UCD , 3 ") == UcdColumns("Code UCD", 3)


@given(ucd7s=st.lists(st.from_regex(r"[0-9]{7}", fullmatch=True), min_size=1, max_size=20),
       sep=st.sampled_from(SEPARATORS), header=st.booleans(), as_13=st.booleans(), encoding=st.sampled_from(
           ["utf-8", "cp1252"]))
def test_written_codes_read_back(ucd7s, sep, header, as_13, encoding):
    rows = [f"{ucd13_from_ucd7(u) if as_13 else u}{sep}{cip13_from_cip7(u)}{sep}É" for u in ucd7s]
    text = "\n".join(([sep.join(["UCD", "CIP13", "Libellé"])] if header else []) + rows)
    table = parse_ucd(text.encode(encoding), UcdColumns(1, 2))
    assert [x.ucd13 for x in table.links] == [ucd13_from_ucd7(u) for u in ucd7s]
    assert [x.cip13 for x in table.links] == [cip13_from_cip7(u) for u in ucd7s]
    assert table.header is header and not table.skipped and table.encoding == encoding


@given(data=st.binary(max_size=300), columns=st.sampled_from([None, UcdColumns(1, 2), UcdColumns("ucd", 2)]))
def test_any_bytes_give_a_table_or_a_typed_error(data, columns):
    try:
        table = parse_ucd(data, columns)
    except UcdFileError as exc:
        assert exc.problem in {"empty", "unnamed_columns", "no_header", "column_missing", "no_ucd_column",
                               "no_link_column"}
    else:
        assert all(len(x.ucd13) == 13 for x in table.links)


def test_a_line_csv_cannot_read_is_skipped_not_fatal():
    data = f'UCD;CIP13\n"{"1" * 200_000}";2\n{FURO_UCD};{FURO_CIP}\n'.encode()  # over csv's field size limit
    table = parse_ucd(data)
    assert [(s.line, s.reason) for s in table.skipped] == [(2, "unreadable")] and len(table.links) == 1
