"""The Open Referral UK / HSDS 3.0 importer, on the real example files in tests/data."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import DATA

from vru_pathways.ages import AgeRange
from vru_pathways.framework import Framework
from vru_pathways.interchange.oruk import import_directory
from vru_pathways.loading import load

HSDS = DATA / "hsds-3.0" / "examples"
UK = DATA / "oruk-uk-profile-3.0" / "examples"
EXAMPLES = {
    "hsds-service": HSDS / "service_full.json",
    "hsds-list": HSDS / "service_list.json",
    "hsds-organization": HSDS / "organization_full.json",
    "uk-service": UK / "service_full.json",
    "uk-list": UK / "service_list.json",
}
# What the example files say (all five describe the same service).
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"
ORG_ID = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
AREA_NAME = (
    "The service is available to all residents of the MyCity area. We provide the "
    "service in our offices or via video conferencing to any who can provide "
    "evidence of their residency."
)
WITH_AREAS = {"hsds-service", "hsds-organization", "uk-service"}


def read(name: str) -> Any:
    return json.loads(EXAMPLES[name].read_text(encoding="utf-8"))


def the_service(data: Any) -> dict[str, Any]:
    if "contents" in data:
        return dict(data["contents"][0])
    if "services" in data:
        return dict(data["services"][0])
    return dict(data)


def load_text(text: str, tmp_path: Path) -> Framework:
    """Load the YAML through the project's loader; no errors allowed."""
    path = tmp_path / "directory.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load([str(path)])
    assert loaded.ok, [(f.rule, f.message) for f in loaded.findings]
    assert len(loaded.frameworks) == 1
    return loaded.frameworks[0]


def imported(
    data: object, tmp_path: Path, source: str = "x.json"
) -> tuple[str, list[str], Framework]:
    text, warnings = import_directory(data, source)
    return text, warnings, load_text(text, tmp_path)


# --- the real examples -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_loads_with_its_values(name: str, tmp_path: Path) -> None:
    data = read(name)
    raw = the_service(data)
    # The values the assertions below rely on, as the example file gives them.
    assert (raw["id"], raw["name"], raw["status"]) == (
        SERVICE_ID,
        "Community Counselling",
        "active",
    )
    assert (raw["minimum_age"], raw["maximum_age"]) == (12, 100)

    text, warnings, fw = imported(data, tmp_path, EXAMPLES[name].name)

    assert fw.root.model.id == EXAMPLES[name].stem.replace("_", "-")
    assert list(fw.services) == ["community-counselling"]
    service = fw.services["community-counselling"]
    assert service.name == "Community Counselling"
    assert service.status == "active"
    assert service.ages == AgeRange(12, 100)
    assert service.tier == "primary"
    assert service.addresses == []
    assert service.url == "http://example.com/counselling"
    assert service.description is not None
    assert service.description.startswith("Counselling Services provided by trained")

    assert list(fw.partners) == ["example-organization-inc"]
    assert fw.partners["example-organization-inc"].name == "Example Organization Inc."
    assert fw.partners["example-organization-inc"].sector is None
    assert service.provider == "example-organization-inc"

    if name in WITH_AREAS:
        assert [a.name for a in fw.areas.values()] == [AREA_NAME]
        assert service.areas == list(fw.areas)
    else:  # the list examples carry no service_areas
        assert fw.areas == {} and service.areas == []

    lines = text.splitlines()
    assert "    tier: primary  # TODO: check the prevention tier" in lines
    assert (
        "    addresses: []  # TODO: the risk and protective factors this service works on" in lines
    )
    assert f"  community-counselling:  # hsds id: {SERVICE_ID}" in lines
    assert f"  example-organization-inc:  # hsds id: {ORG_ID}" in lines
    header = "\n".join(line for line in lines if line.startswith("#"))
    assert EXAMPLES[name].name in header
    assert "2023-03-15" in header  # the records' last_modified: HSDS has no export date
    assert "tier" in header and "addresses" in header and "TODO" in header
    assert "temporarily closed -> paused" in header

    if name.endswith("list"):  # page 1 of 10 in both examples
        assert len(warnings) == 1 and "page 1 of 10" in warnings[0]
    else:
        assert warnings == []


def test_plain_list_of_services(tmp_path: Path) -> None:
    service = the_service(read("uk-service"))
    _, warnings, fw = imported([service], tmp_path)
    assert warnings == []
    assert fw.services["community-counselling"].provider == "example-organization-inc"


def test_output_is_plain_yaml_too() -> None:
    """Other YAML readers see the same values as the project's loader."""
    text, _ = import_directory(read("hsds-service"), "service_full.json")
    doc = yaml.safe_load(text)
    assert doc["format"] == "vru-pathways/1"
    assert doc["services"]["community-counselling"]["ages"] == "12-100"


# --- mapping -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hsds", "ours"),
    [
        ("active", "active"),
        ("inactive", "closed"),
        ("defunct", "closed"),
        ("temporarily closed", "paused"),
        ("Temporarily Closed", "paused"),
    ],
)
def test_status_mapping(hsds: str, ours: str, tmp_path: Path) -> None:
    service = dict(the_service(read("hsds-service")), status=hsds)
    _, warnings, fw = imported(service, tmp_path)
    assert warnings == []
    assert fw.services["community-counselling"].status == ours


@pytest.mark.parametrize("status", ["open", 3, None])
def test_unknown_or_missing_status_is_left_for_the_analyst(status: object, tmp_path: Path) -> None:
    service = dict(the_service(read("hsds-service")), status=status)
    text, warnings, fw = imported(service, tmp_path)
    assert len(warnings) == 1 and "status" in warnings[0]
    assert "    # TODO: status:" in text
    assert "    status:" not in text
    assert fw.services["community-counselling"].status == "active"  # the format's default


@pytest.mark.parametrize(
    ("low", "high", "ages"),
    [
        (10, 17, "10-17"),
        (18, None, "18+"),
        (None, 17, "0-17"),
        ("11", "16", "11-16"),
        (12.0, 18.0, "12-18"),
        (0, None, None),
        (None, None, None),
    ],
)
def test_ages(low: object, high: object, ages: str | None, tmp_path: Path) -> None:
    service = dict(the_service(read("uk-service")), minimum_age=low, maximum_age=high)
    _, warnings, fw = imported(service, tmp_path)
    assert warnings == []
    got = fw.services["community-counselling"].ages
    assert (str(got) if got else None) == ages


@pytest.mark.parametrize(
    ("low", "high"),
    [
        ("twelve", 17),
        (12.5, 17),
        (-1, 17),
        (18, 10),
        (True, 17),
        (10, 5000),
    ],
)
def test_unreadable_ages_warn(low: object, high: object, tmp_path: Path) -> None:
    service = dict(the_service(read("uk-service")), minimum_age=low, maximum_age=high)
    _, warnings, fw = imported(service, tmp_path)
    assert len(warnings) == 1 and "ages left out" in warnings[0]
    assert fw.services["community-counselling"].ages is None


def test_ages_from_an_older_eligibility_table(tmp_path: Path) -> None:
    service = the_service(read("uk-service"))
    del service["minimum_age"], service["maximum_age"]
    service["eligibilitys"] = [{"id": "e1", "minimum_age": 10, "maximum_age": 17}]
    _, _, fw = imported(service, tmp_path)
    assert str(fw.services["community-counselling"].ages) == "10-17"


def test_eligibility_text_alone_is_reported(tmp_path: Path) -> None:
    service = the_service(read("hsds-service"))
    del service["minimum_age"], service["maximum_age"]
    _, warnings, fw = imported(service, tmp_path)
    assert fw.services["community-counselling"].ages is None
    assert len(warnings) == 1 and "aged 12 and over" in warnings[0]


def test_ids_are_unique_and_organisations_shared(tmp_path: Path) -> None:
    base = the_service(read("hsds-service"))
    other_org = dict(base["organization"], id="another-org")
    services = [
        base,
        dict(base, id="s2"),  # same name, same organisation
        dict(base, id="s3", organization=other_org),  # same name, a different organisation
        dict(base, id="s4", name="Community  Counselling!"),  # slugs the same
    ]
    text, warnings, fw = imported(services, tmp_path)
    assert warnings == []
    assert list(fw.services) == [
        "community-counselling",
        "community-counselling-2",
        "community-counselling-3",
        "community-counselling-4",
    ]
    assert list(fw.partners) == ["example-organization-inc", "example-organization-inc-2"]
    assert [s.provider for s in fw.services.values()] == [
        "example-organization-inc",
        "example-organization-inc",
        "example-organization-inc-2",
        "example-organization-inc",
    ]
    assert len(fw.areas) == 1  # one area, shared by name
    assert "  community-counselling-3:  # hsds id: s3" in text.splitlines()


def test_organization_id_alone_finds_the_named_organisation(tmp_path: Path) -> None:
    named = the_service(read("uk-list"))
    bare = {"id": "s2", "name": "Youth club", "status": "active", "organization_id": ORG_ID}
    _, warnings, fw = imported({"contents": [bare, named]}, tmp_path)
    assert warnings == []
    assert fw.services["youth-club"].provider == "example-organization-inc"


def test_unknown_organisation_is_reported(tmp_path: Path) -> None:
    bare = {"id": "s2", "name": "Youth club", "status": "active", "organization_id": "o9"}
    _, warnings, fw = imported([bare], tmp_path)
    assert fw.services["youth-club"].provider is None and fw.partners == {}
    assert len(warnings) == 1 and "o9" in warnings[0]


def test_obvious_sectors(tmp_path: Path) -> None:
    orgs = {
        "Avon and Somerset Police": "police",
        "Bristol City Council": "local-authority",
        "NHS Bristol": "health",
        "Avon Fire and Rescue Service": "fire",
        "Youth Council": None,
    }
    services = [
        {
            "id": f"s{i}",
            "name": f"Service {i}",
            "status": "active",
            "organization": {"id": f"o{i}", "name": org},
        }
        for i, org in enumerate(orgs)
    ]
    _, _, fw = imported(services, tmp_path)
    assert {p.name: p.sector for p in fw.partners.values()} == orgs


def test_services_with_no_name(tmp_path: Path) -> None:
    base = the_service(read("hsds-service"))
    unnamed = dict(base, id="s2", name="  ")  # has an alternate_name in this example
    nameless = {k: v for k, v in base.items() if k not in ("name", "alternate_name")}
    nameless["id"] = "s3"
    _, warnings, fw = imported([unnamed, nameless], tmp_path)
    assert [s.name for s in fw.services.values()] == ["MyCity Counselling Services"]
    assert len(warnings) == 2
    assert "alternate_name" in warnings[0] and "s3" in warnings[1] and "skipped" in warnings[1]


def test_the_same_service_twice_is_kept_once(tmp_path: Path) -> None:
    service = the_service(read("hsds-service"))
    _, warnings, fw = imported([service, service], tmp_path)
    assert list(fw.services) == ["community-counselling"]
    assert len(warnings) == 1 and "again" in warnings[0]


def test_not_an_export() -> None:
    for data in ("text", 3, {"hello": "world"}):
        with pytest.raises(ValueError, match="not an HSDS export"):
            import_directory(data, "x.json")


def test_items_that_are_not_objects_are_skipped(tmp_path: Path) -> None:
    _, warnings, fw = imported([1, "a"], tmp_path)
    assert fw.services == {} and len(warnings) == 2


# --- safety and stability ----------------------------------------------------------------

HOSTILE = (
    'He said "stop": # not a comment\nnew line\r\n\ttab \\ back-slash 🎉 emoji '
    "'single' {a} [b] &x *y !t %z @q `b` --- ... - ? | > \u2028 \x85 \x7f \ufeff \x00 "
    "null ~ yes"
)


def test_hostile_text_survives(tmp_path: Path) -> None:
    service = the_service(read("hsds-service"))
    service.update(
        name=HOSTILE,
        description=HOSTILE,
        url=HOSTILE,
        organization=dict(service["organization"], name=HOSTILE),
        service_areas=[{"id": "a1", "name": 'Area: #1 "east"\n'}],
        id="id with\nnew line # and: colon",
    )
    text, warnings, fw = imported(service, tmp_path, source="evil\nname: x # .json")
    assert warnings == []
    (only,) = fw.services.values()
    assert only.name == only.description == only.url == HOSTILE
    (partner,) = fw.partners.values()
    assert partner.name == HOSTILE
    assert [a.name for a in fw.areas.values()] == ['Area: #1 "east"']
    assert fw.root.model.id == "evil-name-x"
    assert yaml.safe_load(text)["services"][only_id(fw)]["name"] == HOSTILE


def only_id(fw: Framework) -> str:
    (ident,) = fw.services
    return ident


def test_ids_that_yaml_reads_as_other_things(tmp_path: Path) -> None:
    services = [
        {"id": f"s{i}", "name": name, "status": "active"}
        for i, name in enumerate(["null", "Yes", "123", "~"])
    ]
    text, _, fw = imported(services, tmp_path)
    assert list(fw.services) == ["null", "yes", "123", "service"]
    assert set(yaml.safe_load(text)["services"]) == {"null", "yes", "123", "service"}


def test_deterministic(tmp_path: Path) -> None:
    data = read("hsds-organization")
    first = import_directory(data, "organization_full.json")
    second = import_directory(copy.deepcopy(data), "organization_full.json")
    assert first == second


@pytest.mark.parametrize("data", [[], {"contents": [], "total_items": 0, "empty": True}])
def test_empty_export_is_a_valid_document(data: object, tmp_path: Path) -> None:
    text, warnings, fw = imported(data, tmp_path, "empty.json")
    assert warnings == []
    assert fw.services == {} and fw.partners == {} and fw.areas == {}
    assert fw.root.model.id == "empty"
    assert "format: vru-pathways/1" in text
