# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A local HTTP server (127.0.0.1, free port, daemon thread) standing in for
an SMS provider in tests. Subclasses verify the request like the provider
does and answer like it: ``handle(request)`` returns (HTTP status, JSON)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


class FakeRequest:
    def __init__(self, method, path, headers, body):
        self.method = method
        self.path = urlsplit(path).path
        self.raw_query = urlsplit(path).query
        self.query = dict(parse_qsl(self.raw_query, keep_blank_values=True))
        self.headers = {name.lower(): value for name, value in headers.items()}
        self.body = body
        self.form = {}
        self.json = None
        content_type = self.headers.get("content-type", "")
        if content_type.startswith("application/x-www-form-urlencoded"):
            self.form = dict(parse_qsl(body.decode(), keep_blank_values=True))
        elif content_type.startswith("application/json") and body:
            self.json = json.loads(body)
        # filled by the fake after verification
        self.action = None
        self.account = None
        self.params = {}
        self.answer = None


class FakeProviderServer:
    def __init__(self):
        self.requests = []
        self.delay = 0  # seconds to wait before answering (timeouts)
        self.lock = threading.Lock()
        self.httpd = None
        self.url = None

    def handle(self, request):
        raise NotImplementedError

    def start(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                request = FakeRequest(self.command, self.path, self.headers, body)
                with fake.lock:
                    status, answer = fake.handle(request)
                    request.answer = answer
                    fake.requests.append(request)
                    delay = fake.delay
                if delay:
                    time.sleep(delay)
                data = json.dumps(answer, ensure_ascii=False).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json;charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    return  # the client gave up (timeout)

            def log_message(self, *args):
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        return self

    def stop(self):
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()

    def reset(self):
        with self.lock:
            self.requests = []
            self.delay = 0

    def actions(self, action):
        return [r for r in self.requests if r.action == action]
