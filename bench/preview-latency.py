#!/usr/bin/env python3
"""Time from saving an article to the preview's reload event and to the rewritten page being served.

Usage: bench/preview-latency.py PROJECT_DIR ARTICLE_FILE [runs]
Runs the Release build of the generator (dotnet build -c Release first) in preview mode on a free
port, connects to its event stream like a browser would, adds a marker to ARTICLE_FILE's title `runs` times
and prints each latency and the median.
"""
import json, os, re, signal, socket, statistics, subprocess, sys, threading, time, urllib.request

project, article = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
dll = os.path.join(repo, "bin", "Release", "net10.0", "Site.dll")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
proc = subprocess.Popen(["dotnet", dll, "preview", "--verbose", "--port", str(port), "--root", project],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
log = []
for line in proc.stdout:
    log.append(line.rstrip())
    if line.startswith("Serving on"): break
threading.Thread(target=lambda: [log.append(l.rstrip()) for l in proc.stdout], daemon=True).start()
events, cond = [], threading.Condition()
def listen():
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__case-record/events") as r:
        name = None
        for raw in r:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "): name = line[7:]
            elif line.startswith("data: ") and name:
                with cond: events.append((name, time.perf_counter(), json.loads(line[6:]))); cond.notify_all()
threading.Thread(target=listen, daemon=True).start()
# As an editor reads the first build before the first save (the session rehearses an edit meanwhile).
time.sleep(3)
path = os.path.join(project, article)
slug = os.path.splitext(os.path.basename(article))[0]
original = open(path, encoding="utf-8").read()
to_event, to_page = [], []
try:
    for i in range(runs):
        seen = len(events)
        marker = f"Latency run {i} {time.time_ns()}"
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            # The marker is added to the title rather than replacing it, so every save is the same kind
            # of edit: a new title can move the article in the record's order (date, then title),
            # which changes more pages, and only the first save would pay for it.
            f.write(re.sub(r"^(title: .*)$", lambda m: m.group(1) + f" ({marker})", original, count=1, flags=re.M))
        with cond:
            cond.wait_for(lambda: any(e[0] in ("reload", "failed") for e in events[seen:]), timeout=120)
        ev = next(e for e in events[seen:] if e[0] in ("reload", "failed"))
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/articles/{slug}/index.html").read().decode()
        t2 = time.perf_counter()
        assert marker in page, "served page does not show the edit"
        to_event.append((ev[1] - t0) * 1000); to_page.append((t2 - t0) * 1000)
        print(f"run {i}: reload event after {to_event[-1]:.0f} ms, page served after {to_page[-1]:.0f} ms")
        time.sleep(0.5)
finally:
    open(path, "w", encoding="utf-8").write(original)
    proc.send_signal(signal.SIGINT); proc.wait(10)
print(f"median: reload event {statistics.median(to_event):.0f} ms, page {statistics.median(to_page):.0f} ms (includes the watcher's 100 ms debounce)")
print("\n".join(l for l in log if "changed:" in l or " ms · " in l)[-1200:])
