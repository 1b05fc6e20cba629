"""``python -m api [--host 127.0.0.1] [--port 8502]``: serve the read-only API (uvicorn) on ``DATABASE_URL``.

OpenAPI at ``/openapi.json``, the interactive documentation at ``/docs``. Behind a proxy that
terminates TLS, pass ``--forwarded-allow-ips`` with the proxy's address.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8502)
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    parser.add_argument("--forwarded-allow-ips", default="127.0.0.1", help="proxies whose X-Forwarded-* are trusted")
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)

    import uvicorn

    from api.app import create_app
    from loaders import db

    app = create_app(db.get_engine(args.database_url))
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        server_header=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
