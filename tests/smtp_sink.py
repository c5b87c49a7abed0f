"""A real SMTP server for the integration tests (tests/services.sh starts it with /usr/bin/python3 and aiosmtpd).

STARTTLS is required before anything else, AUTH (LOGIN or PLAIN) is offered only over TLS and required before MAIL;
each accepted message is written atomically (temporary file, then rename) to MAILDIR/<ns>-<n>.eml, so a reader never
sees half a message. Stops on SIGTERM or SIGINT.

Usage: smtp_sink.py HOST PORT CERT KEY MAILDIR USER PASSWORD
"""
import itertools
import os
import signal
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    host, port, cert, key, maildir, user, password = sys.argv[1:8]
    os.makedirs(maildir, exist_ok=True)
    counter = itertools.count()

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            name = f"{time.time_ns()}-{next(counter)}"
            temporary = os.path.join(maildir, f".{name}.tmp")
            with open(temporary, "wb") as file:
                file.write(envelope.original_content or envelope.content)
            os.replace(temporary, os.path.join(maildir, f"{name}.eml"))
            return "250 Message accepted for delivery"

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    controller = Controller(
        Handler(), hostname=host, port=int(port), tls_context=context, require_starttls=True,
        authenticator=authenticate, auth_required=True, auth_require_tls=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    controller.start()
    print(f"smtp_sink listening on {host}:{port}, writing to {maildir}", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
