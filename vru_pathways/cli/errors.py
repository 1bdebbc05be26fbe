"""The one table from what a command can end in to its exit code, and the one boundary
every command goes through.

A command's body returns the :class:`~vru_pathways.diagnostics.ExitCode` its result
calls for; :func:`run` calls it, and anything it raises ends here: input that cannot be
used is a one-line message and exit 2, an interrupt is one line, and anything else is
a bug, exit 3, with the traceback only under ``--debug``.
"""

from __future__ import annotations

import io
import os
import select
import sys
import traceback
from collections.abc import Callable
from typing import NoReturn, TextIO

import typer

from ..diagnostics import ExitCode, InputError
from ..escaping import json_text, printable
from .progress import Progress

EXIT_CODES: tuple[tuple[type[BaseException], ExitCode, str], ...] = (
    (InputError, ExitCode.INPUT, "{exc}"),
    (KeyboardInterrupt, ExitCode.INTERRUPTED, "interrupted"),
)
"""What a command can end in, its exit code, and the line it prints; the first class
that matches wins. Anything not listed is an internal error (exit 3)."""


class Settings:
    """What the top-level options set for every command, and whether the run has said
    how it ended."""

    debug = False
    progress = Progress(enabled=False)
    ended = False


def say(line: str) -> None:
    """A line on standard error. A standard error that cannot be written to (a full
    disk, a closed pipe) loses the line, never the run: nothing is left to say it on."""
    try:
        typer.echo(line, err=True)
    except (OSError, ValueError):
        sys.stderr = io.StringIO()  # the rest is dropped too, and nothing fails at exit


def fail(message: str, code: ExitCode) -> NoReturn:
    Settings.progress.done()
    Settings.ended = True
    say(f"vru-pathways: {printable(message)}")
    raise typer.Exit(int(code))


def _internal(exc: BaseException) -> NoReturn:
    Settings.progress.done()
    if Settings.debug:
        traceback.print_exc()
    hint = "" if Settings.debug else " (run with --debug for the traceback)"
    fail(f"internal error: {type(exc).__name__}: {exc}{hint}", ExitCode.INTERNAL)


def run(body: Callable[[], ExitCode]) -> NoReturn:
    """Run a command's body and exit with the code it returns, or the code :data:`EXIT_CODES`
    gives what it raised."""
    try:
        _check_working_folder()
        code = body()
    except typer.Exit:
        raise
    except BaseException as exc:  # the one boundary: every command ends here
        for kind, code, line in EXIT_CODES:
            if isinstance(exc, kind):
                fail(line.format(exc=exc), code)
        if not isinstance(exc, Exception):
            raise
        _internal(exc)
    Settings.progress.done()
    raise typer.Exit(int(code))


def _check_working_folder() -> None:
    try:
        os.getcwd()
    except FileNotFoundError:
        raise InputError(
            "the working folder no longer exists (it was deleted or moved): change into a "
            "folder and run the command again"
        ) from None


def write_out(text: str, stream: str = "text") -> None:
    """Text for standard output, made safe for a terminal or a CI log: ``text`` and
    ``json`` as :mod:`..escaping` says; ``commands`` as given (the GitHub reporter)."""
    safe = (
        json_text(text) if stream == "json" else text if stream == "commands" else printable(text)
    )
    out = sys.stdout
    if out is None:
        raise InputError("standard output is closed: write to a file with -o, or open it")
    try:
        _write_all(out, safe)
    except OSError as exc:
        raise InputError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _write_all(out: TextIO, text: str) -> None:
    """Every byte of ``text`` written, or :class:`OSError`: straight to the file
    descriptor where there is one, since a buffered stream may drop a short write (a
    disk that fills part-way) without a word."""
    try:
        fd = out.fileno()
    except (OSError, ValueError, AttributeError):  # a stream in memory (tests, embedding)
        out.write(text)
        out.flush()
        return
    out.flush()
    encoding = getattr(out, "encoding", None) or "utf-8"
    view = memoryview(text.encode(encoding, errors="backslashreplace"))
    while view:
        try:
            view = view[os.write(fd, view) :]
        except BlockingIOError:  # a pipe left non-blocking by whoever opened it
            select.select([], [fd], [])


def warn(message: str) -> None:
    """A warning on standard error, one line."""
    say(f"vru-pathways: warning: {printable(message)}")


def note(message: str) -> None:
    """What the command did, on standard error."""
    say(printable(message))
