"""An email backend whose server is down: the failure the outbox must survive."""

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("Connection refused (the test mail server is down)")
