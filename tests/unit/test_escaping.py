"""Text from the input made harmless: whatever a name holds, what is printed has no control
character but line feed and tab, no line a CI runner would run as a workflow command, and
JSON that reads back as the very text it was given."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vru_pathways.escaping import CSV_FORMULA, csv_cell, json_text, one_line, printable

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""What a terminal or a log viewer acts on: C0 and C1 controls, DEL, the separators."""
COMMAND_LINE = re.compile(r"^[ \t]*::", re.M)

TRICKY = [
    "\x1b]0;retitled\x07",
    "\x1b[2J\x1b[31mred",
    "\x9b31m",
    "a\rb",
    "a\u2028b\u2029c",
    "a\x85b",
    "::add-mask::secret",
    "::error::x",
    "  ::warning file=a::x",
    "\t::notice::x",
    "x ##[error]y",
    "##[group]x",
    "#\x23[",
    "\\x3a:",
    "\ufffe\uffff",
    "\ud800",
    "\x00",
]
texts = st.one_of(
    st.sampled_from(TRICKY),
    st.lists(st.one_of(st.sampled_from(TRICKY + [":", "#", "[", "\n", " "]), st.text())).map(
        "".join
    ),
)


def safe(text: str) -> bool:
    return not RAW.search(text) and not COMMAND_LINE.search(text) and "##[" not in text


@pytest.mark.parametrize("text", TRICKY)
def test_each_tricky_text_is_printed_harmlessly(text: str) -> None:
    assert safe(printable(text))
    assert safe(one_line(text)) and "\n" not in one_line(text)


@given(texts)
def test_printable_text_is_always_harmless(text: str) -> None:
    shown = printable(text)
    assert safe(shown)
    assert shown.count("\n") == text.count("\n")


@given(texts)
def test_printable_is_stable_once_applied(text: str) -> None:
    assert printable(printable(text)) == printable(text)


@given(texts)
def test_one_line_is_one_harmless_line(text: str) -> None:
    shown = one_line(text)
    assert safe(shown)
    assert "\n" not in shown and "\t" not in shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("\x9b", "\\x9b"),
        ("a\u2028b", "a\\u2028b"),
        ("::error::x", "\\x3a:error::x"),
        ("ok\n  ::warning::x", "ok\n  \\x3a:warning::x"),
        ("x ##[error]y", "x #\\x23[error]y"),
        ("plain words: a::b", "plain words: a::b"),
    ],
)
def test_escapes_are_shown_as_python_writes_them(text: str, shown: str) -> None:
    assert printable(text) == shown


@settings(max_examples=40)
@given(
    st.recursive(st.none() | texts, lambda inner: st.lists(inner) | st.dictionaries(texts, inner))
)
def test_json_text_reads_back_as_the_data_it_was_given(data: object) -> None:
    for indent in (None, 2):
        for ascii_only in (True, False):
            written = json_text(json.dumps(data, indent=indent, ensure_ascii=ascii_only))
            assert json.loads(written) == data
            assert safe(written)


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_start_a_formula_starts_with_a_quote(lead: str) -> None:
    formula = lead + 'HYPERLINK("http://x")'
    assert csv_cell(formula) == one_line("'" + formula)
    assert csv_cell("plain " + formula) == one_line("plain " + formula)


@given(texts)
def test_no_csv_cell_starts_a_formula_or_breaks_a_row(text: str) -> None:
    cell = csv_cell(text)
    assert not cell.startswith(CSV_FORMULA)
    assert safe(cell) and "\n" not in cell
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([cell, "next"])
    assert buffer.getvalue().count("\n") == 1
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == [cell, "next"]


@given(texts)
def test_printable_text_can_be_put_in_xml(text: str) -> None:
    element = ET.Element("a", name=printable(text))
    element.text = printable(text)
    ET.fromstring(ET.tostring(element))
