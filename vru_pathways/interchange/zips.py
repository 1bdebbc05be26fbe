"""Zip archives made the same twice: the workbook, the Word paper and the deck are each a
zip whose writers stamp every entry with the time of writing; :func:`restamped` gives
them all one fixed time, so that the same input gives the same bytes.

Nothing else lives here, so that a writer of Word or PowerPoint files stamps its zip
without loading openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

FIXED_TIME = dt.datetime(2000, 1, 1)
"""The workbook's created and modified times, and every zip entry's: same input, same bytes."""
FIXED_UTC = FIXED_TIME.replace(tzinfo=dt.UTC)
"""The same time where a format asks for one with its zone (Word's and PowerPoint's
created, modified and printed times)."""


def restamped(data: bytes) -> bytes:
    """The zip with every entry stamped :data:`FIXED_TIME` (openpyxl stamps each with the
    time of writing), compressed and permissioned alike."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()
