"""A local SMTP server that accepts every message and appends one JSON line per recipient.

usage: python bench/smtp_sink.py PORT OUTFILE    (stop it with SIGTERM; start it again later)
"""

import json
import signal
import sys
import threading
from email import message_from_bytes

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        subject = message_from_bytes(envelope.content).get("Subject", "")
        with self.lock, open(self.path, "a") as out:
            for recipient in envelope.rcpt_tos:
                out.write(json.dumps({"to": recipient, "subject": subject}) + "\n")
        return "250 OK"


def main(port, path):
    controller = Controller(Recorder(path), hostname="127.0.0.1", port=int(port))
    controller.start()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    stopped.wait()
    controller.stop()


if __name__ == "__main__":
    main(*sys.argv[1:3])
