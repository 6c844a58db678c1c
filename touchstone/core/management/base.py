"""The base of every `touchstone` command: an organisation named by --organisation SLUG (or the
only one there is), a request id for the audit trail, and import problems as one line each."""

import json
import sys
from datetime import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from touchstone.core.imports import ImportRejected
from touchstone.core.models import Organisation, OrganisationKind
from touchstone.core.request_context import request_id_scope
from touchstone.core.rules.checked_json import MalformedInput

MALFORMED = 2  # a check's input was not what it reads; any verdict on good input exits 0


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=1)


def _malformed(message: str) -> CommandError:
    return CommandError(message, returncode=MALFORMED)


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


class TouchstoneCommand(BaseCommand):
    """Subclasses set `organisation_kind` (None for any kind) and `organisation_noun` ("the
    regulator"), add the option with `add_organisation_argument`, and call
    `self.organisation(slug)`; they read import files with `self.import_file(...)`.

    Everything the command does runs in one request id scope, so its audit events share an id.
    An `ImportRejected` raised anywhere becomes its messages on standard error, one a line, and
    exit status 1; a service's `ValidationError` becomes its messages and exit status 1."""

    organisation_kind: str | None = None
    organisation_noun = "organisation"

    def execute(self, *args, **options):
        with request_id_scope():
            try:
                return super().execute(*args, **options)
            except ImportRejected as exc:
                raise self.rejected(exc, "the input") from exc
            except ValidationError as exc:  # a service refused: its messages, exit 1
                raise _fail("; ".join(exc.messages)) from exc

    def add_organisation_argument(self, parser, help_text: str | None = None) -> None:
        parser.add_argument(
            "--organisation",
            help=help_text
            or f"The {self.organisation_noun}'s slug (needed only when there are several).",
        )

    def organisation(self, slug: str | None) -> Organisation:
        """The organisation with this slug, or the only one of the kind when no slug is given."""
        noun = self.organisation_noun
        candidates = Organisation.objects.all()
        if self.organisation_kind:
            candidates = candidates.filter(kind=self.organisation_kind)
        if slug:
            found = candidates.filter(slug=slug).first()
            if found is None:
                raise _fail(f'no {noun} "{slug}"')
            return found
        found = list(candidates.order_by("slug")[:2])
        if not found:
            kind = self.organisation_kind or "|".join(OrganisationKind.values)
            raise _fail(
                f"there is no {noun} yet: add one with "
                f'"touchstone organisations add SLUG NAME --kind {kind}" '
                f"(--organisation SLUG is optional while there is only one)"
            )
        if len(found) > 1:
            raise _fail(f"name the {noun} with --organisation SLUG")
        return found[0]

    def schedule_daily(self, *, name: str, task_path: str, run_at: time, what: str) -> None:
        """Put the daily schedule `name` in place (idempotently) and say when it runs: a
        running `touchstone db_worker` enqueues the task each day, and a missed day at once."""
        from touchstone.core.services import schedule_enable

        schedule = schedule_enable(acting_user=None, name=name, task_path=task_path, run_at=run_at)
        self.stdout.write(
            f"daily {what} scheduled at {schedule.run_at:%H:%M}: the task worker enqueues it "
            "(a missed run at its next check)"
        )

    def import_file(self, path_text: str, importer, **kwargs):
        """Run `importer(filename=..., data=<the open file>, size=..., **kwargs)` on a file,
        streamed from disk; a rejected file is reported row by row and exits 1."""
        path = self.existing_file(path_text)
        with path.open("rb") as file:
            try:
                return importer(filename=path.name, data=file, size=path.stat().st_size, **kwargs)
            except ImportRejected as exc:
                raise self.rejected(exc, path.name) from exc

    def existing_file(self, path_text: str) -> Path:
        """The path, if it names a file (check before anything else the command needs)."""
        path = Path(path_text)
        if not path.is_file():
            raise _fail(f"no such file: {path}")
        return path

    def rejected(self, exc: ImportRejected, what: str) -> CommandError:
        for error in exc.errors:
            self.stderr.write(error)
        return _fail(f"{what} was not imported: {exc.count} problem(s); nothing was written")

    def print_check(self, check, file: str) -> None:
        """Run a pure check on the JSON document in `file` (or standard input for "-") and print
        its verdict as JSON. A document that is not JSON, or that the check finds malformed
        (`MalformedInput`), is one line on standard error and exit status 2."""
        data = self.read_json(file)
        try:
            result = check(data)
        except MalformedInput as exc:
            raise _malformed(str(exc)) from exc
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))

    def read_json(self, file: str):
        """The decoded JSON document in `file` ("-": standard input); exit 2 when it is not."""
        where = "standard input" if file == "-" else Path(file).name
        text = sys.stdin.read() if file == "-" else self._text(Path(file))
        try:
            return json.loads(text, parse_constant=_refuse_constant)
        except json.JSONDecodeError as exc:
            raise _malformed(
                f"{where} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
            ) from exc
        except (ValueError, RecursionError) as exc:
            raise _malformed(f"{where} is not JSON: {exc}") from exc

    @staticmethod
    def _text(path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise _malformed(f"no such file: {path}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise _malformed(f"{path} cannot be read as UTF-8 text") from exc
