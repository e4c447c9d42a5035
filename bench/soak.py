#!/usr/bin/env python3
"""Soak run of the console: the demo province for an hour, used as a control room would use it.

Starts `hntt-console --headless --demo` in a folder of its own and, for --minutes (default 60):
  - polls GET /state once a second, as a wall display would;
  - keeps a WebSocket on /api/v1/events subscribed to levels, reading everything;
  - records, restarting the recording every --record-every minutes (default 10);
  - makes a few sites drop (their source pointed at an address nobody answers) and return, one
    every 30 s;
and prints at every --report-every minutes (default 10): resident memory, descriptors, threads,
and the program clock's skipped and late ticks since the previous report. At the end it compares
with the goals: RSS growth under 5 % after the first report, descriptors and threads flat, no
skipped ticks (on an idle machine). Exit 0 when every goal holds, 1 otherwise.

Not part of the test suite: it takes an hour. Build the release tree first
(cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build/release)
and run:  bench/soak.py --console build/release/app/hntt-console
"""

import argparse
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    def __init__(self, port, token):
        self.base = f"http://127.0.0.1:{port}/api/v1"
        self.token = token

    def call(self, method, path, body=None, timeout=10):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                text = r.read()
                return r.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            return e.code, None


class LevelsClient(threading.Thread):
    """A minimal RFC 6455 client: handshake, one subscribe frame, then reads frames until told."""

    def __init__(self, port, token):
        super().__init__(daemon=True)
        self.port, self.token = port, token
        self.messages = 0
        self.levels = 0
        self.stop = threading.Event()
        self.error = None

    def _recv_exact(self, sock, n):
        out = b""
        while len(out) < n:
            chunk = sock.recv(n - len(out))
            if not chunk:
                raise ConnectionError("closed")
            out += chunk
        return out

    def run(self):
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
            key = base64.b64encode(os.urandom(16)).decode()
            sock.sendall((f"GET /api/v1/events?token={self.token} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                          f"Sec-WebSocket-Version: 13\r\n\r\n").encode())
            head = b""
            while b"\r\n\r\n" not in head:
                head += sock.recv(1)
            if b" 101 " not in head.split(b"\r\n")[0]:
                raise ConnectionError(head.decode(errors="replace"))
            payload = b'{"subscribe":["levels"]}'
            mask = os.urandom(4)
            frame = bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            sock.sendall(frame)
            message = b""  # a text message may come in several frames (continuations: opcode 0)
            while not self.stop.is_set():
                b0, b1 = self._recv_exact(sock, 2)
                n = b1 & 0x7F
                if n == 126:
                    n = int.from_bytes(self._recv_exact(sock, 2), "big")
                elif n == 127:
                    n = int.from_bytes(self._recv_exact(sock, 8), "big")
                data = self._recv_exact(sock, n)
                opcode = b0 & 0x0F
                if opcode == 0x9:  # ping: answer with a masked pong
                    mask = os.urandom(4)
                    sock.sendall(bytes([0x8A, 0x80 | len(data)]) + mask +
                                 bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
                elif opcode in (0x0, 0x1):
                    message += data
                    if b0 & 0x80:  # FIN: the message is whole
                        self.messages += 1
                        if b'"site.levels"' in message:
                            self.levels += 1
                        message = b""
                elif opcode == 0x8:
                    raise ConnectionError("closed by the console")
        except Exception as e:  # the report says it; the soak goes on without levels
            self.error = str(e)


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            fields[k] = v.strip()
    rss_mb = int(fields["VmRSS"].split()[0]) / 1024
    return rss_mb, int(fields["Threads"]), len(os.listdir(f"/proc/{pid}/fd"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--console", default="build/release/app/hntt-console")
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--report-every", type=float, default=10)
    ap.add_argument("--record-every", type=float, default=10)
    ap.add_argument("--keep", action="store_true", help="keep the data folder")
    args = ap.parse_args()

    data = tempfile.mkdtemp(prefix="hntt-soak-")
    port = free_port()
    log = open(os.path.join(data, "console.log"), "w")
    console = subprocess.Popen([args.console, "--headless", "--demo", "--data-dir", data, "--api-listen",
                                f"127.0.0.1:{port}", "--sip-listen", "off", "--web-listen", "off"],
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        token_path = os.path.join(data, "api-token")
        deadline = time.time() + 120
        api = None
        while time.time() < deadline:
            if os.path.exists(token_path):
                api = Api(port, open(token_path).read().strip())
                try:
                    if api.call("GET", "/health")[0] == 200:
                        break
                except OSError:
                    pass
            time.sleep(0.5)
        else:
            print("the console did not start; see", log.name)
            return 1

        _, sites = api.call("GET", "/sites")
        communes = [s for s in sites if s.get("level") == "commune" and s.get("source_url")]
        levels = LevelsClient(port, api.token)
        levels.start()

        def clock():
            _, state = api.call("GET", "/state")
            c = state["clock"]
            return c["ticks"], c["skipped"], c["late"]

        start = time.time()
        recording = None
        next_record = start
        next_drop = start + 30
        dropped = []
        next_report = start + args.report_every * 60
        reports = []
        last_clock = clock()
        polls = failures = 0
        print(f"soak: {len(sites)} sites, {args.minutes:g} min, report every {args.report_every:g} min", flush=True)
        print(f"{'min':>5} {'RSS MB':>8} {'fds':>5} {'threads':>7} {'ticks':>7} {'skipped':>7} {'late':>6} "
              f"{'levels/s':>8}", flush=True)
        last_levels, last_report_time = levels.levels, start
        while time.time() - start < args.minutes * 60:
            now = time.time()
            polls += 1
            try:
                if api.call("GET", "/state")[0] != 200:
                    failures += 1
            except OSError:
                failures += 1
            if now >= next_record:
                if recording is not None:
                    api.call("POST", f"/recordings/{recording}/stop", {}, timeout=60)
                status, rec = api.call("POST", "/recordings", {"title": f"Soak {int((now - start) / 60)}"})
                recording = rec["id"] if status in (200, 201) and rec else None
                next_record = now + args.record_every * 60
            if now >= next_drop and communes:
                # One commune drops (its source points nowhere), the one dropped earliest returns.
                site = communes[len(dropped) % len(communes)]
                api.call("PATCH", f"/sites/{site['id']}", {"source_url": "srt://192.0.2.1:9000?mode=caller"})
                dropped.append(site)
                if len(dropped) > 3:
                    back = dropped.pop(0)
                    api.call("PATCH", f"/sites/{back['id']}", {"source_url": back["source_url"]})
                next_drop = now + 30
            if now >= next_report:
                rss, threads, fds = proc_status(console.pid)
                ticks, skipped, late = clock()
                rate = (levels.levels - last_levels) / max(now - last_report_time, 1)
                row = dict(minute=round((now - start) / 60), rss=rss, fds=fds, threads=threads,
                           ticks=ticks - last_clock[0], skipped=skipped - last_clock[1], late=late - last_clock[2])
                reports.append(row)
                print(f"{row['minute']:>5} {rss:>8.0f} {fds:>5} {threads:>7} {row['ticks']:>7} {row['skipped']:>7} "
                      f"{row['late']:>6} {rate:>8.1f}", flush=True)
                last_clock, last_levels, last_report_time = (ticks, skipped, late), levels.levels, now
                next_report = now + args.report_every * 60
            time.sleep(1)
        if recording is not None:
            api.call("POST", f"/recordings/{recording}/stop", {}, timeout=60)

        ok = True
        if len(reports) >= 2:
            base = reports[0]
            growth = (reports[-1]["rss"] - base["rss"]) / base["rss"] * 100
            fd_range = max(r["fds"] for r in reports[1:]) - min(r["fds"] for r in reports[1:])
            thread_range = max(r["threads"] for r in reports[1:]) - min(r["threads"] for r in reports[1:])
            skipped = sum(r["skipped"] for r in reports)
            checks = [(f"RSS growth after the first report {growth:+.1f} % (goal < 5 %)", growth < 5),
                      (f"descriptors vary by {fd_range} after the first report (goal: flat, within 8)", fd_range <= 8),
                      (f"threads vary by {thread_range} after the first report (goal: flat, within 4)",
                       thread_range <= 4),
                      (f"skipped ticks {skipped} (goal 0 on an idle machine)", skipped == 0),
                      (f"state polls {polls}, failed {failures}", failures == 0),
                      (f"levels stream {'ok' if not levels.error else levels.error}", levels.error is None)]
            for text, good in checks:
                print(("PASS " if good else "FAIL ") + text)
                ok = ok and good
        else:
            print("too short for a verdict: fewer than two reports")
        return 0 if ok else 1
    finally:
        console.send_signal(signal.SIGTERM)
        try:
            console.wait(60)
        except subprocess.TimeoutExpired:
            console.kill()
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)
        else:
            print("data kept in", data)


if __name__ == "__main__":
    sys.exit(main())
