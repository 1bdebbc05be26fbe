"""JUnit XML, for CI systems that show test results.

One test suite per model (and one for problems in the input files), one test case per
rule: a rule with findings at or above ``--fail-on`` fails, listing them; findings below
the threshold are kept in the case's output, so nothing is hidden.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..diagnostics import Finding
from ..escaping import printable
from ..results import CheckReport
from ..rulebook import FINDING_RULES, RULES


def _suite(name: str, rules: list[str], findings: list[Finding], report: CheckReport) -> ET.Element:
    suite = ET.Element("testsuite", name=name)
    failures = 0
    for rule in rules:
        mine = [f for f in findings if f.rule == rule]
        case = ET.SubElement(suite, "testcase", classname=f"vru-pathways.{name}", name=rule)
        failing = [f for f in mine if report.fail_on is not None and f.severity >= report.fail_on]
        if failing:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                type=rule,
                message=f"{len(failing)} finding(s): {RULES[rule].summary}",
            )
            failure.text = printable("\n".join(f.line() for f in failing))
        rest = [f for f in mine if f not in failing]
        if rest:
            ET.SubElement(case, "system-out").text = printable("\n".join(f.line() for f in rest))
    suite.set("tests", str(len(rules)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    return suite


def render(report: CheckReport) -> str:
    root = ET.Element("testsuites", name=f"vru-pathways {report.command}")
    inputs = [f for f in report.shown if RULES[f.rule].kind == "input"]
    if inputs:
        rules = list(dict.fromkeys(f.rule for f in inputs))
        root.append(_suite("input", rules, inputs, report))
    if report.analysable:
        checked = (
            FINDING_RULES
            if report.command != "validate"
            else tuple(r for r in FINDING_RULES if RULES[r].kind == "hygiene")
        )
        for model in report.models:
            mine = [f for f in report.shown if model in f.models]
            root.append(_suite(model, list(checked), mine, report))
    for attr in ("tests", "failures", "errors"):
        root.set(attr, str(sum(int(s.get(attr, "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
