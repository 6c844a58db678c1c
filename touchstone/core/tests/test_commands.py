import pytest
from django.core.management import CommandError, call_command

from touchstone.core.models import AuditEvent, Membership, Organisation, User
from touchstone.core.services import AuditAction


@pytest.mark.django_db
def test_add_organisation_user_and_grant_role(capsys):
    call_command("organisations", "add", "lo", "Legal Ombudsman", "--kind", "ombudsman")
    call_command("users", "add", "cw", "--no-password", "--email", "cw@example.test")
    call_command("users", "grant", "cw", "--organisation", "lo", "--role", "caseworker")
    membership = Membership.objects.get(user__username="cw")
    assert (membership.organisation.slug, membership.role) == ("lo", "caseworker")
    assert not User.objects.get(username="cw").has_usable_password()
    assert AuditEvent.objects.filter(action=AuditAction.GRANT_ROLE).count() == 1
    call_command("users", "list")
    assert "caseworker@lo" in capsys.readouterr().out


@pytest.mark.django_db
def test_bad_input_exits_1_and_writes_nothing():
    Organisation.objects.create(slug="lo", name="Legal Ombudsman", kind="ombudsman")
    with pytest.raises(CommandError) as error:
        call_command("organisations", "add", "lo", "Again", "--kind", "ombudsman")
    assert error.value.returncode == 1
    with pytest.raises(CommandError, match="no organisation"):
        call_command("users", "add", "x", "--no-password")
        call_command("users", "grant", "x", "--organisation", "nope", "--role", "officer")
    assert Organisation.objects.count() == 1
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_deadline_sweep_command_reports_counts(capsys):
    call_command("deadlines", "sweep", "--as-of", "2026-01-31")
    assert "as of 2026-01-31" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--as-of"):
        call_command("deadlines", "sweep", "--as-of", "31/01/2026")
