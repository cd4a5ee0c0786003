"""A scripted LSP client for the tests (Python 3 standard library only).

Client(cmd) starts the server with pipes; send()/request()/notify() write framed
messages, recv() reads one (with a timeout), wait_for() reads until a message matches,
keeping the others in a queue. raw() writes bytes as they are, for framing tests."""
import json
import os
import select
import subprocess
import time


class Timeout(Exception):
    pass


class Client:
    def __init__(self, cmd, cwd=None, env=None):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.buf = b""
        self.queue = []
        self.next_id = 0
        self.log = []          # every message received, in order

    # ---- writing
    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params if params is not None else {}})

    def request(self, method, params=None, timeout=10):
        """Send a request and return its response (the whole message)."""
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params if params is not None else {}})
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)

    # ---- reading
    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise Timeout("no message in time")
        r, _, _ = select.select([self.p.stdout], [], [], left)
        if not r:
            raise Timeout("no message in time")
        chunk = os.read(self.p.stdout.fileno(), 65536)
        if not chunk:
            raise EOFError("the server closed its output")
        self.buf += chunk

    def _read(self, deadline):
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                head = self.buf[:end].decode("ascii")
                n = None
                for line in head.split("\r\n"):
                    k, _, v = line.partition(":")
                    if k.strip().lower() == "content-length":
                        n = int(v.strip())
                assert n is not None, "a header without Content-Length: %r" % head
                if len(self.buf) >= end + 4 + n:
                    body = self.buf[end + 4:end + 4 + n]
                    self.buf = self.buf[end + 4 + n:]
                    msg = json.loads(body.decode("utf-8"))
                    self.log.append(msg)
                    return msg
            self._fill(deadline)

    def recv(self, timeout=10):
        if self.queue:
            return self.queue.pop(0)
        return self._read(time.monotonic() + timeout)

    def wait_for(self, pred, timeout=10):
        for i, m in enumerate(self.queue):
            if pred(m):
                return self.queue.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            m = self._read(deadline)
            if pred(m):
                return m
            self.queue.append(m)

    def diagnostics(self, uri, timeout=10, version=None):
        """The next publishDiagnostics for uri (of that version, when given)."""
        def ok(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            return version is None or m["params"].get("version") == version
        return self.wait_for(ok, timeout)["params"]["diagnostics"]

    # ---- ending
    def close(self, timeout=10):
        """Close the server's input and wait for it; its exit status."""
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            raise

    def stderr(self):
        return self.p.stderr.read().decode("utf-8", "replace")


def initialize(c, root=None, encodings=None, extra=None, options=None):
    caps = {"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                             "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                             "publishDiagnostics": {"relatedInformation": True}}}
    if encodings:
        caps["general"] = {"positionEncodings": encodings}
    if extra:
        caps.update(extra)
    params = {"processId": os.getpid(), "rootUri": ("file://" + root) if root else None, "capabilities": caps}
    if options is not None:
        params["initializationOptions"] = options
    r = c.request("initialize", params)
    c.notify("initialized", {})
    return r
