"""API tokens: each user creates and revokes their own (one at a time)."""

from django.db import transaction
from rest_framework.authtoken.models import Token

from touchstone.core.services.audit import AuditAction, audit_record


@transaction.atomic
def api_token_create(*, acting_user) -> str:
    """A new token for the signed-in user, replacing any they had (which stops working). The
    key is returned to be shown once; it is not shown again."""
    revoked = Token.objects.filter(user=acting_user).delete()[0] > 0
    token = Token.objects.create(user=acting_user)
    audit_record(
        actor=acting_user,
        action=AuditAction.CREATE_API_TOKEN,
        obj=acting_user,
        after={"created": token.created.isoformat(), "replaced": revoked},
    )
    return token.key


@transaction.atomic
def api_token_revoke(*, acting_user) -> bool:
    """Revoke the user's token; False when they had none."""
    revoked = Token.objects.filter(user=acting_user).delete()[0] > 0
    if revoked:
        audit_record(actor=acting_user, action=AuditAction.REVOKE_API_TOKEN, obj=acting_user)
    return revoked
