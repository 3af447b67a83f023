#!/usr/bin/env python3
"""Checks answer-key.tsv against the seeds and front matter of this test site.

Run from anywhere: python3 tests/sites/attribution-corpus/check-key.py
Exits non-zero if any check fails; prints counts per expected kind, per article and per pattern.

Checks:
- every seed's paragraph rule (blank-line rule, or one paragraph per line when the file has no
  blank line at all), and 12-30 paragraphs per seed;
- every quotation span (typographic “…” or straight "…", continued into following paragraphs
  while unclosed, a re-opening mark at the start of a continued paragraph belonging to it) has
  exactly one key line, and every key line names exactly one span;
- a key line's match occurs exactly once in its seed, inside a quotation span, and its paragraph
  is the paragraph where that span opens; no span lies in an omitted paragraph;
- expected is a speaker slug with a file in input/speakers, or 'unnamed' or 'unattributed', and a
  slug is listed in the article's 'speakers';
- every speaker listed by an article has a file; every speaker whose name or alias occurs in a
  seed is listed by that article; sha256, omit and quotes overrides agree with the seed.
"""
import collections, hashlib, os, re, sys

try:
    import yaml
except ImportError:
    sys.exit("check-key.py needs PyYAML (pip install pyyaml)")

ROOT = os.path.dirname(os.path.abspath(__file__))
OPEN = {"“": "”", '"': '"'}
errors = []


def err(msg):
    errors.append(msg)


def front_matter(path):
    text = open(path, encoding="utf-8-sig").read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        err(f"{path}: no front matter")
        return {}
    return {k.lower(): v for k, v in (yaml.safe_load(m.group(1)) or {}).items()}


def paragraphs(text):
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if re.search(r"\n[ \t]*\n", text.strip("\n")):
        return "blank-line", [p for p in re.split(r"\n(?:[ \t]*\n)+", text.strip("\n"))]
    return "line", text.strip("\n").split("\n")


def spans(paras):
    """Quotation spans: dicts with opening paragraph (1-based) and [(para, start, end)] pieces."""
    out, cur = [], None
    for n, p in enumerate(paras, 1):
        i = 0
        if cur is not None:
            if p[:1] in OPEN:          # re-opened continuation
                i = 1
            cur["pieces"].append([n, i, None])
        while i < len(p):
            ch = p[i]
            if cur is None:
                if ch in OPEN:
                    cur = {"open": n, "close": OPEN[ch], "pieces": [[n, i + 1, None]]}
                elif ch == "”":
                    err(f"p{n}: closing mark with no quotation open: …{p[max(0, i - 30):i + 1]}")
            else:
                if ch == cur["close"]:
                    cur["pieces"][-1][2] = i
                    out.append(cur)
                    cur = None
                elif ch == "“":
                    err(f"p{n}: “ inside an open quotation: …{p[max(0, i - 30):i + 1]}")
            i += 1
        if cur is not None:
            cur["pieces"][-1][2] = len(p)
    if cur is not None:
        err(f"quotation opened in p{cur['open']} is never closed")
        out.append(cur)
    for s in out:
        s["text"] = "\n".join(paras[n - 1][a:b] for n, a, b in s["pieces"])
        s["paras"] = [n for n, _, _ in s["pieces"]]
    return out


def main():
    speakers_dir = os.path.join(ROOT, "input", "speakers")
    speaker_files = {f[:-3]: front_matter(os.path.join(speakers_dir, f))
                     for f in sorted(os.listdir(speakers_dir)) if f.endswith(".md")}
    articles_dir = os.path.join(ROOT, "input", "articles")
    articles = {}
    for f in sorted(os.listdir(articles_dir)):
        if f.endswith(".md"):
            articles[f[:-3]] = front_matter(os.path.join(articles_dir, f))

    # the key
    rows = []
    with open(os.path.join(ROOT, "answer-key.tsv"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["article-slug", "paragraph", "match", "expected", "comment"]:
            err(f"answer-key.tsv: unexpected header {header}")
        for ln, line in enumerate(fh, 2):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 5:
                err(f"answer-key.tsv:{ln}: {len(cols)} columns")
                continue
            rows.append((ln, *cols))

    by_article = collections.defaultdict(list)
    for r in rows:
        by_article[r[1]].append(r)
    for slug in by_article:
        if slug not in articles:
            err(f"answer-key.tsv: article '{slug}' has no input/articles/{slug}.md")

    rules = {}
    para_counts = {}
    for slug, fm in articles.items():
        where = f"input/articles/{slug}.md"
        for k in ("title", "source"):
            if k not in fm:
                err(f"{where}: missing {k}")
        src = os.path.join(ROOT, fm.get("source", ""))
        if not fm.get("source", "").startswith("seeds/") or not os.path.isfile(src):
            err(f"{where}: bad source {fm.get('source')}")
            continue
        raw = open(src, "rb").read()
        if "sha256" in fm and hashlib.sha256(raw).hexdigest() != fm["sha256"]:
            err(f"{where}: sha256 does not match {fm['source']}")
        text = raw.decode("utf-8")
        rule, paras = paragraphs(text)
        rules[slug] = rule
        para_counts[slug] = len(paras)
        if not 12 <= len(paras) <= 30:
            err(f"{fm['source']}: {len(paras)} paragraphs")
        omit = fm.get("omit") or []
        omitted = set()
        for o in omit:
            hits = [n for n, p in enumerate(paras, 1) if p == o]
            if not hits:
                err(f"{where}: omit '{o}' is no whole paragraph")
            omitted.update(hits)
        listed = fm.get("speakers") or []
        for s in listed:
            if s not in speaker_files:
                err(f"{where}: speaker '{s}' has no file")
        # every speaker whose name or alias occurs is listed
        for s, sfm in speaker_files.items():
            forms = [sfm["name"]] + list(sfm.get("aliases") or [])
            if any(re.search(r"(?<![\w’'])" + re.escape(f) + r"(?!\w)", text) for f in forms) and s not in listed:
                err(f"{where}: '{s}' is named in the seed but not listed in speakers")
        sp = spans(paras)
        for s in sp:
            if set(s["paras"]) & omitted:
                err(f"{fm['source']}: quotation in omitted paragraph p{s['open']}")
        # single opening marks outside double-quote spans would be single-quote quotations
        inside = collections.defaultdict(list)
        for s in sp:
            for n, a, b in s["pieces"]:
                inside[n].append((a, b))
        for n, p in enumerate(paras, 1):
            for m in re.finditer(r"‘|(?:(?<=\s)|^)'(?=\w)", p):
                if not any(a <= m.start() < b for a, b in inside[n]):
                    err(f"{fm['source']}: p{n}: single quote outside a double-quoted quotation: …{p[max(0, m.start() - 20):m.start() + 20]}")
        covered = collections.Counter()
        key_rows = by_article.get(slug, [])
        expected_of_span = {}
        for ln, _, para, match, expected, comment in key_rows:
            loc = f"answer-key.tsv:{ln}"
            if not match.strip():
                err(f"{loc}: empty match")
                continue
            count = text.count(match)
            if count != 1:
                err(f"{loc}: match '{match}' occurs {count} times in {fm['source']}")
            hits = [i for i, s in enumerate(sp) if match in s["text"]]
            if len(hits) != 1:
                err(f"{loc}: match '{match}' lies in {len(hits)} quotation spans")
                continue
            s = sp[hits[0]]
            covered[hits[0]] += 1
            expected_of_span[hits[0]] = expected
            if str(s["open"]) != para:
                err(f"{loc}: paragraph {para}, but the quotation containing '{match}' opens in p{s['open']}")
            if expected not in ("unnamed", "unattributed"):
                if expected not in speaker_files:
                    err(f"{loc}: speaker '{expected}' has no file")
                elif expected not in listed:
                    err(f"{loc}: speaker '{expected}' is not listed in {where}")
            if not re.match(r"^[a-z-]+(,[a-z-]+)*: ", comment):
                err(f"{loc}: comment does not start with 'tags: '")
        for i, s in enumerate(sp):
            if covered[i] == 0:
                err(f"{fm['source']}: quotation opening in p{s['open']} has no key line: {s['text'][:60]!r}")
            elif covered[i] > 1:
                err(f"{fm['source']}: quotation opening in p{s['open']} has {covered[i]} key lines")
        for o in fm.get("quotes") or []:
            hits = [i for i, s in enumerate(sp) if o["match"] in s["text"]]
            if len(hits) != 1:
                err(f"{where}: override '{o['match']}' lies in {len(hits)} quotations")
                continue
            want = o.get("speaker") or ("unnamed" if "unnamed" in o else None)
            want = {"none": "unattributed"}.get(want, want)
            if expected_of_span.get(hits[0]) != want:
                err(f"{where}: override '{o['match']}' says {want}, the key says {expected_of_span.get(hits[0])}")
        articles[slug]["_spans"] = len(sp)

    # counts
    kinds = collections.Counter()
    per_article = collections.Counter()
    tags = collections.Counter()
    for ln, slug, para, match, expected, comment in rows:
        kinds["speaker" if expected not in ("unnamed", "unattributed") else expected] += 1
        per_article[slug] += 1
        for t in comment.split(":", 1)[0].split(","):
            tags[t] += 1
    print(f"{len(rows)} key lines, {len(articles)} articles, {len(speaker_files)} speakers")
    print("per expected kind:", dict(kinds))
    print("per article:")
    for slug in articles:
        print(f"  {slug:32} {per_article[slug]:3} quotations  {para_counts.get(slug, 0):2} paragraphs  ({rules.get(slug)} rule)")
    print("per pattern tag:")
    for t, n in sorted(tags.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {t:18} {n}")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
