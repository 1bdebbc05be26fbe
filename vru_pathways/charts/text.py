"""Dates, amounts and names as a chart shows them: English month names whatever the
locale, pounds with thousands separators, names shortened to the width they have."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from ..escaping import one_line
from ..render.diagram import clip

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ELLIPSIS = "…"


def month(day: dt.date) -> str:
    """The month in words.

    >>> month(dt.date(2026, 10, 1))
    'October 2026'
    """
    return f"{MONTHS[day.month - 1]} {day.year}"


def short_month(day: dt.date) -> str:
    """The month, short, as an axis or a bar's label shows it.

    >>> short_month(dt.date(2027, 3, 31))
    'Mar 2027'
    """
    return f"{MONTHS[day.month - 1][:3]} {day.year}"


def short_date(day: dt.date) -> str:
    """A day, its month short.

    >>> short_date(dt.date(2027, 4, 1))
    '1 Apr 2027'
    """
    return f"{day.day} {short_month(day)}"


def long_date(day: dt.date) -> str:
    """A day in words.

    >>> long_date(dt.date(2026, 10, 1))
    '1 October 2026'
    """
    return f"{day.day} {month(day)}"


def pounds(amount: Decimal | None) -> str:
    """An amount in pounds, pence only when there are some; ``""`` when none is known.

    >>> pounds(Decimal("1650000")), pounds(Decimal("99.5")), pounds(None)
    ('£1,650,000', '£99.50', '')
    """
    if amount is None:
        return ""
    places = 0 if amount == amount.to_integral_value() else 2
    return f"£{amount:,.{places}f}"


def safe(text: str) -> str:
    r"""Text from the input as one printable line: control characters shown as escapes,
    and cut, as a diagram's box cuts it, before anything measures it.

    >>> safe("a\nb\x1b")
    'a\\nb\\x1b'
    >>> len(safe("x" * 10_000)) < 300
    True
    """
    return one_line(clip(text))


def shorten(text: str, fits: Callable[[str], bool]) -> str:
    """``text``, or as much of it as ``fits`` with an ellipsis, cut at a word if it can.

    >>> shorten("Northbrook early help base budget", lambda s: len(s) <= 20)
    'Northbrook early…'
    """
    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + ELLIPSIS):
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    word = cut.rsplit(" ", 1)[0] if " " in cut and len(cut.rsplit(" ", 1)[0]) > low // 2 else cut
    return word.rstrip(" ,;:·–-") + ELLIPSIS


def wrap(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text`` in lines that each fit, broken between words (a word too long alone is
    shortened).

    >>> wrap("one two three four", lambda s: len(s) <= 9)
    ['one two', 'three', 'four']
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word if fits(word) else shorten(word, fits)
    if current:
        lines.append(current)
    return lines


def short_names(titles: list[str]) -> tuple[list[str], str]:
    """Several titles without the words they all end with, and those words: a region's
    models told apart by what differs.

    >>> short_names(["Northbrook violence model 2026", "Southmere violence model 2026"])
    (['Northbrook', 'Southmere'], 'violence model 2026')
    >>> short_names(["North", "North"]), short_names(["A plan"])
    ((['North', 'North'], ''), (['A plan'], ''))
    """
    words = [t.split() for t in titles]
    n = 0
    while (
        len(words) > 1
        and all(len(w) > n + 1 for w in words)
        and len({w[-n - 1] for w in words}) == 1
    ):
        n += 1
    if n == 0:
        return list(titles), ""
    return [" ".join(w[:-n]) for w in words], " ".join(words[0][-n:])


def listed(names: list[str]) -> str:
    """Names in a sentence.

    >>> listed(["a"]), listed(["a", "b", "c"])
    ('a', 'a, b and c')
    """
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
