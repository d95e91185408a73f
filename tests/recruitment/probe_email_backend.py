"""An email backend for watching the sender: it records what it sends and where it was called
from, and runs a test's hook while the "mail server" is being asked."""

import threading

from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection


class EmailBackend(BaseEmailBackend):
    sent = []  # the messages, in order
    checks = []  # (in_atomic_block, autocommit) seen at each send
    hooks = []  # callables run inside send_messages, e.g. a second sender
    lock = threading.Lock()

    @classmethod
    def reset(cls, during_send=None):
        cls.sent, cls.checks = [], []
        cls.hooks = [during_send] if during_send else []

    def send_messages(self, email_messages):
        with self.lock:
            self.checks.append((connection.in_atomic_block, connection.get_autocommit()))
        for hook in type(self).hooks:
            hook()
        with self.lock:
            self.sent.extend(email_messages)
        return len(email_messages)
