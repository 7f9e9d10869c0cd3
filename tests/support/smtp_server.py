#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for icetrack's tests (Debian's python3-aiosmtpd).

Binds an ephemeral port and writes it to --port-file once it accepts
connections. Every message received is appended to --out as one JSON line:
{"mail_from", "rcpt_tos", "data", "auth": [{"mechanism", "login", "tls"}], "tls"}
where "tls" says whether the connection was encrypted at that moment.
With --cert/--key the server offers STARTTLS (and requires it with
--require-starttls); with --user/--password it requires AUTH, which aiosmtpd
accepts only over TLS. Runs until killed.
"""
import argparse
import asyncio
import json
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--require-starttls", action="store_true")
    p.add_argument("--user")
    p.add_argument("--password")
    args = p.parse_args()

    tls = None
    if args.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)

    auths = {}  # per session

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        auths.setdefault(id(session), []).append(
            {"mechanism": mechanism, "login": auth_data.login.decode() if isinstance(auth_data, LoginPassword) else "",
             "ok": ok, "tls": session.ssl is not None})
        return AuthResult(success=ok, handled=False)

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            record = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                      "data": envelope.content.decode("utf-8", "replace"),
                      "auth": auths.get(id(session), []), "tls": session.ssl is not None}
            with open(args.out, "a") as out:
                out.write(json.dumps(record) + "\n")
            return "250 OK"

    def factory():
        return SMTP(Handler(), hostname="localhost", tls_context=tls, require_starttls=args.require_starttls,
                    auth_required=bool(args.user), auth_require_tls=True,
                    authenticator=authenticator if args.user else None)

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", 0))
    port = server.sockets[0].getsockname()[1]
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(port))
    import os
    os.rename(args.port_file + ".tmp", args.port_file)
    loop.run_forever()


if __name__ == "__main__":
    main()
