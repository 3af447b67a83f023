#!/usr/bin/env python3
"""Bytes of a built site by page kind: files, total and mean bytes, and how much of it is JSON-LD,
the <head>, and the header and footer chrome (issue 21: take bytes out where they repeat).
   bench/page-bytes.py OUTPUT_DIR [ARTICLES]"""
import os, re, sys

root = sys.argv[1]
articles = int(sys.argv[2]) if len(sys.argv) > 2 else None
LD = re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S)
HEAD = re.compile(rb'<head>.*?</head>', re.S)
CHROME = re.compile(rb'<header\b.*?</header>|<footer\b.*?</footer>|<nav class="site-nav".*?</nav>', re.S)

def kind(rel):
    parts = rel.split('/')
    if len(parts) == 1: return parts[0] if not parts[0].endswith('.html') else 'root pages'
    if parts[0] in ('articles', 'speakers', 'figures', 'organisations', 'timeline'):
        return parts[0] + (' (list pages)' if parts[1] in ('page', 'index.html') else '')
    return parts[0]

stats = {}
for dirpath, _, names in os.walk(root):
    for n in names:
        path = os.path.join(dirpath, n)
        rel = os.path.relpath(path, root)
        k = kind(rel)
        s = stats.setdefault(k, [0, 0, 0, 0, 0, 0])
        size = os.path.getsize(path)
        s[0] += 1; s[1] += size
        s[5] = max(s[5], size)
        if n.endswith('.html'):
            text = open(path, 'rb').read()
            s[2] += sum(len(m) for m in LD.findall(text))
            s[3] += sum(len(m) for m in HEAD.findall(text))
            s[4] += sum(len(m) for m in CHROME.findall(text))

total = sum(s[1] for s in stats.values())
print(f"{'kind':28} {'files':>7} {'MB':>9} {'mean B':>9} {'JSON-LD %':>9} {'head %':>7} {'chrome %':>8} {'largest B':>10}")
for k, (files, size, ld, head, chrome, largest) in sorted(stats.items(), key=lambda kv: -kv[1][1]):
    print(f"{k:28} {files:7} {size/1e6:9.2f} {size/files:9.0f} {100*ld/size:9.1f} {100*head/size:7.1f} {100*chrome/size:8.1f} {largest:10}")
print(f"{'all':28} {sum(s[0] for s in stats.values()):7} {total/1e6:9.2f}")
if articles: print(f"bytes per article: {total/articles:,.0f}")
