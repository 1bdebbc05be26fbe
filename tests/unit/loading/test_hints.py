"""What the usual slips are said as: a comma in a flow mapping, a key that lines up with
no mapping, a ``uses`` entry that names no file."""

from __future__ import annotations

from pathlib import Path

from vru_pathways.loading import load_texts
from vru_pathways.loading import yaml_source as yamlpos
from vru_pathways.loading.files import DiskFiles, MemoryFiles
from vru_pathways.loading.uses_hint import meant
from vru_pathways.loading.yaml_hints import comma_cuts

HEAD = "format: vru-pathways/1\n"


def test_a_comma_cuts_only_a_plain_value_in_braces() -> None:
    text = "a: {name: A, b, c, level: x, d: [e], f}\ng: {name: 'A', h}\ni: {j, k: l}\n"
    cut = 'name: "A, b, c"'
    assert comma_cuts(text) == {("a", "b"): cut, ("a", "c"): cut}


def test_a_comma_cut_in_a_list_of_mappings_and_a_value_with_quotes() -> None:
    text = 'a:\n  - {name: Say "hi", there}\n'
    assert comma_cuts(text) == {("a", 0, "there"): "name: 'Say \"hi\", there'"}


def test_a_key_with_an_empty_value_is_no_comma_slip() -> None:
    assert comma_cuts("a: {name: A, b: }\n") == {}


def _syntax(text: str) -> str:
    (problem,) = yamlpos.parse(text).problems
    return problem.message


def test_a_key_between_two_columns_is_told_both() -> None:
    message = _syntax("a:\n  b:\n      c: 1\n    d: 2\n")
    assert "indent it to column 7 to line up with 'c' (line 3)" in message
    assert "or to column 3 to line up with 'b' (line 2)" in message


def test_a_key_under_a_key_with_a_value_is_told_the_column() -> None:
    message = _syntax("a:\n  b: 1\n    c: 2\n")
    assert message.startswith("'c' is indented more than 'b' on the line above")
    assert message.endswith("indent 'c' to column 3, as 'b' is")


def test_a_colon_in_a_value_is_told_to_quote_it() -> None:
    message = _syntax("a:\n  name: Knife crime: youth\n")
    assert message.endswith('put the value in quotes, name: "Knife crime: youth"')


def test_other_syntax_errors_keep_libyaml_words() -> None:
    assert _syntax("a: [b\n").startswith("while parsing a flow sequence")


def test_a_uses_entry_is_told_the_climb_and_the_name_meant() -> None:
    files = MemoryFiles({"frameworks/knife-uk.yaml": HEAD, "models/north/model.yaml": HEAD})
    by = files.start("models/north/model.yaml")[0]
    assert meant(files, by, "../frameworks/knife-uk.yaml", "/") == "../../frameworks/knife-uk.yaml"
    assert meant(files, by, "../../frameworks/knife.yaml", "/") == "../../frameworks/knife-uk.yaml"
    assert meant(files, by, "../../frameworks/nothing-like-it.yaml", "/") is None


def test_no_unknown_id_follows_a_missing_uses_file_but_other_errors_do() -> None:
    model = HEAD + "uses: [gone.yaml]\nservices:\n  s: {name: S, tier: primary, addresses: [x]}\n"
    loaded = load_texts({"model.yaml": model}, ["model.yaml"])
    assert [f.rule for f in loaded.findings] == ["missing-file"]
    typo = model.replace("tier:", "teir:")
    loaded = load_texts({"model.yaml": typo}, ["model.yaml"])
    assert [f.rule for f in loaded.findings] == ["missing-file", "missing-key", "unknown-key"]


def test_a_harm_where_a_factor_is_wanted_names_its_factors() -> None:
    model = HEAD + (
        "harms:\n  k: {name: K}\n"
        "risk_factors:\n  f: {name: F, level: individual, harms: [k]}\n"
        "services:\n  s: {name: S, tier: primary, addresses: [k]}\n"
    )
    (finding,) = load_texts({"model.yaml": model}, ["model.yaml"]).findings
    assert "'k' is a harm, not a factor" in finding.message
    assert finding.message.endswith("such as 'f'")


def test_a_uses_entry_one_climb_too_far_is_told_the_one_inside(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "models" / "north").mkdir(parents=True)
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "knife-uk.yaml").write_text(HEAD)
    files = DiskFiles(str(root))
    by, boundary = files.start(str(root / "models" / "north" / "model.yaml"))
    assert meant(files, by, "../../frameworks/knife-uk.yaml", boundary) is None
    (root / "frameworks").mkdir()
    (root / "frameworks" / "knife-uk.yaml").write_text(HEAD)
    entry = "../../../frameworks/knife-uk.yaml"
    assert meant(files, by, entry, boundary) == "../../frameworks/knife-uk.yaml"
