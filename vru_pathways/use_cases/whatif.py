"""``whatif``: what a scenario would do, and which funding sources matter most.

Loaded and parsed once; see :mod:`vru_pathways.outlook` for how each is judged.
"""

from __future__ import annotations

import datetime as dt

from ..analysis.scenarios import Change
from ..loading import load
from ..outlook import asked, judged, rank_funding
from ..results import WhatIf, checked


def whatif(
    paths: list[str],
    scenario: str | None = None,
    adhoc: Change | None = None,
    as_of: dt.date | None = None,
    each_funding: bool = False,
    root: str | None = None,
) -> WhatIf:
    """The changes each asked-for scenario makes to each model, against the unchanged
    model on the same date: the scenario's ``as_of``, else ``as_of``, else the model's
    own; or, with ``each_funding``, every funding source ranked by what its ending alone
    would do."""
    loaded = load(paths, root)
    report = checked("whatif", loaded)
    if not loaded.ok:
        return WhatIf(report)
    if each_funding:
        ranking = [r for fw in loaded.frameworks for r in rank_funding(fw, as_of)]
        return WhatIf(report, ranking=tuple(ranking))
    changes = asked(loaded.frameworks, scenario, adhoc)
    results = [judged(fw, change, as_of) for fw in loaded.frameworks for change in changes[fw.id]]
    return WhatIf(report, scenarios=tuple(results))
