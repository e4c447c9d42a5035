#!/usr/bin/env python3
"""The demo province with the console's window open, as an operator runs it, measured.

For each console binary given (the one under test with --console, a peer to compare with --vs,
e.g. a build of an earlier commit), in turn and --rounds times alternately:
  - starts a virtual display (Xvfb, --size, default 1920x1080) with a window manager (openbox);
  - starts `hntt-console --demo` on it in a fresh folder, its window maximised by the window
    manager (171 simulated sites, multiview, preview and program monitors, audio desk);
  - after --settle seconds starts a recording (171 isolated tracks) through the API, waits
    --settle seconds more, and measures for --seconds: the program clock's ticks, late and skipped
    ticks (GET /state), the console's CPU seconds per second and each thread group's share
    (/proc), and peak resident memory.
Prints a row per run, the medians per binary and, with --vs, the ratios of the medians.
The goal (the console in a live meeting): skipped share <= 2 % with the window open.

Needs Xvfb and openbox (both in scripts/debian-packages.txt).
Run on an otherwise idle machine:  bench/demo_window.py --console build/release/app/hntt-console
"""

import argparse
import collections
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_display():
    for n in range(90, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            return n
    raise RuntimeError("no free X display number")


def api(port, token, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1{path}", data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=10) as r:
        text = r.read()
        return json.loads(text) if text else None


def cpu_ticks(pid):
    """Per-thread-group CPU jiffies and the process's total."""
    groups = collections.Counter()
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                s = f.read()
        except OSError:
            continue
        name = s[s.index("(") + 1:s.rindex(")")]
        fields = s[s.rindex(")") + 2:].split()
        groups[name] += int(fields[11]) + int(fields[12])
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
    fields = s[s.rindex(")") + 2:].split()
    return groups, int(fields[11]) + int(fields[12])


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_once(binary, args):
    hz = os.sysconf("SC_CLK_TCK")
    display = free_display()
    env = dict(os.environ, DISPLAY=f":{display}")
    env.pop("QT_QPA_PLATFORM", None)
    folder = tempfile.mkdtemp(prefix="hntt-demo-window-")
    procs = []
    try:
        procs.append(subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{args.size}x24", "-nolisten", "tcp"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1)
        procs.append(subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1)
        port = free_port()
        console = subprocess.Popen([binary, "--demo", "--data-dir", folder, "--api-listen", f"127.0.0.1:{port}",
                                    "--sip-listen", "off", "--web-listen", "off", "--janus", "off", "--lang", "vi"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(console)
        token_file = os.path.join(folder, "api-token")
        for _ in range(60):
            if os.path.exists(token_file):
                break
            time.sleep(1)
        with open(token_file) as f:
            token = f.read().strip()
        time.sleep(args.settle)
        api(port, token, "POST", "/recordings", {"title": "bench"})
        time.sleep(args.settle)
        c0 = api(port, token, "GET", "/state")["clock"]
        g0, t0 = cpu_ticks(console.pid)
        w0 = time.monotonic()
        time.sleep(args.seconds)
        c1 = api(port, token, "GET", "/state")["clock"]
        g1, t1 = cpu_ticks(console.pid)
        wall = time.monotonic() - w0
        ticks, late, skipped = (c1[k] - c0[k] for k in ("ticks", "late", "skipped"))
        groups = {name: (g1[name] - g0.get(name, 0)) / hz / wall for name in g1}
        return {
            "ticks": ticks,
            "late": late,
            "skipped": skipped,
            "skipped_pct": 100.0 * skipped / max(1, ticks + skipped),
            "cpu": (t1 - t0) / hz / wall,
            "rss": peak_rss_mib(console.pid),
            "groups": groups,
        }
    finally:
        for p in reversed(procs):
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(folder, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--console", required=True, help="the console binary under test")
    ap.add_argument("--vs", help="a peer console binary to run side by side")
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--settle", type=int, default=15)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--size", default="1920x1080")
    args = ap.parse_args()
    for tool in ("Xvfb", "openbox"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (scripts/debian-packages.txt lists it)")
    binaries = [("console", args.console)] + ([("vs", args.vs)] if args.vs else [])
    results = collections.defaultdict(list)
    print(f"{'binary':8} {'ticks':>6} {'late':>5} {'skipped':>7} {'skipped %':>9} {'CPU-s/s':>7} {'RSS MiB':>7}  top threads")
    for _ in range(args.rounds):
        for label, binary in binaries:
            r = run_once(binary, args)
            results[label].append(r)
            top = sorted(r["groups"].items(), key=lambda kv: -kv[1])[:4]
            print(f"{label:8} {r['ticks']:6d} {r['late']:5d} {r['skipped']:7d} {r['skipped_pct']:8.1f}% "
                  f"{r['cpu']:7.2f} {r['rss']:7.0f}  " + ", ".join(f"{n} {v:.2f}" for n, v in top), flush=True)
    med = {label: {k: statistics.median(r[k] for r in rs) for k in ("skipped_pct", "cpu", "rss")}
           for label, rs in results.items()}
    for label, m in med.items():
        print(f"median {label}: skipped {m['skipped_pct']:.1f} %, {m['cpu']:.2f} CPU-s/s, {m['rss']:.0f} MiB")
    if args.vs:
        a, b = med["console"], med["vs"]
        ratio = lambda x, y: f"{x / y:.2f}" if y else "-"
        print(f"ratio console/vs: skipped {ratio(a['skipped_pct'], b['skipped_pct'])}, "
              f"CPU {ratio(a['cpu'], b['cpu'])}, RSS {ratio(a['rss'], b['rss'])}")
    return 0 if med["console"]["skipped_pct"] <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
