"""The time the server spent on each request, in a ``Server-Timing`` header (``app;dur=3.2``, milliseconds).

Measured from the moment the application receives the request to the moment its response starts:
the routing, the parameters' validation, the queries and the serialisation, but not the time the
request waited for the event loop or the network. A load test reads it to tell the server's own cost
from the queueing of concurrent clients on a busy machine (benchmarks/bench_serve.py); browsers show
it in their developer tools. What inner layers add (the response cache's ``cache;desc=hit``) follows
in the same header: ``app;dur=0.31, cache;desc=hit``.
"""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ServerTiming:
    """ASGI middleware adding ``Server-Timing: app;dur=MS`` to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - began) * 1000
                # one header, the application's time first, then what inner layers said (cache;desc=hit)
                headers = [h for h in message.get("headers", ()) if h[0] != b"server-timing"]
                inner = [v for n, v in message.get("headers", ()) if n == b"server-timing"]
                message["headers"] = [*headers, (b"server-timing", b", ".join([f"app;dur={took:.2f}".encode(), *inner]))]
            await send(message)

        await self.app(scope, receive, timed)
