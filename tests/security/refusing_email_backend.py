"""An email backend whose server refuses the recipient, naming the address as real servers do."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        recipients = {
            r: (550, b"5.1.1 " + r.encode() + b" unknown") for m in email_messages for r in m.to
        }
        raise smtplib.SMTPRecipientsRefused(recipients)
