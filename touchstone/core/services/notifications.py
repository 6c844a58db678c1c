"""Notifications: one per key, shown in the app and sent by email once."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from touchstone.core.models import Notification, Upload, User


def _email(notification_id: int) -> None:
    notification = Notification.objects.select_related("recipient", "attachment").get(
        pk=notification_id
    )
    if not notification.recipient.email or notification.emailed_at:
        return
    link = f"\n\n{settings.TOUCHSTONE_BASE_URL}{notification.url}" if notification.url else ""
    message = EmailMessage(
        subject=notification.subject,
        body=notification.body + link,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient.email],
    )
    attachment = notification.attachment
    if attachment is not None:
        with attachment.file.open("rb") as stored:
            message.attach(attachment.original_name, stored.read(), attachment.content_type)
    message.send()
    Notification.objects.filter(pk=notification_id).update(emailed_at=timezone.now())


def notify(
    *,
    recipient: User,
    key: str,
    subject: str,
    body: str,
    url: str = "",
    attachment: Upload | None = None,
) -> Notification | None:
    """Create the notification for `key` unless it exists; email it after commit, with
    `attachment` (a stored file, such as a letter) attached under its original name.

    Returns None when a notification with this key was already sent, which is what makes
    sweeps safe to run twice.
    """
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                key=key,
                subject=subject[:300],
                body=body,
                url=url,
                attachment=attachment,
            )
    except IntegrityError:
        return None
    transaction.on_commit(lambda: _email(notification.pk))
    return notification


@transaction.atomic
def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
