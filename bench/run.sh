#!/usr/bin/env bash
# Builds the same synthetic record with this generator and with Hugo, in turns, and prints the
# median wall time and peak memory of each and their ratios. Hugo builds two sites from the same
# texts: "hugo" makes a page per article (and per speaker), as the issue's benchmark asks;
# "hugo-pages" also makes a page per key figure, as ours does, so it writes as many pages as we do;
# "hugo-simple" makes the same pages with the simplest templates that show the same facts (a
# figure's page: its paragraph and article link, no data-file look-ups).
#   [FIGURES=11] bench/run.sh [ARTICLES=10000] [RUNS=3]
# "cold" builds into an empty output folder; "warm" rebuilds an unchanged project over its last
# output with --force (everything is rendered again; only changed files are written); "no-op" is
# the plain build of an unchanged project, which finds the output up to date and leaves it. These
# skip the search index, which Hugo's sites do not have; "search" is a cold build with it, as the
# default build and the Pages workflow make it (Node and the repository's node_modules needed).
# Then one cold build's published size, its largest file and the warnings it printed.
# Needs Debian's hugo and GNU time: apt-get install hugo time.
# CPU time is printed beside wall time: on a machine whose disk is shared, the system time of
# creating 250,000 files and folders varies by a factor of two from run to run, user time much less.
set -euo pipefail
articles=${1:-10000}
runs=${2:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$repo/bench/out/$articles}

command -v hugo >/dev/null || { echo "hugo is not installed: apt-get install hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed: apt-get install time" >&2; exit 2; }

# The compiled app as it would be shipped: Release, ReadyToRun (no JIT at start-up).
app=$work/app
dotnet publish "$repo/Site.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$app" -v q -nologo >/dev/null
# FIGURES=N: key figures an article (1-11, default 11; the issue's corpus had 3).
figures=${FIGURES:-11}
if [ ! -f "$work/.made-simple-$figures" ]; then
  rm -f "$work"/.made-simple*
  dotnet run -c Release --project "$repo/bench/Corpus" -- --articles "$articles" --figures "$figures" --out "$work/site" --hugo "$work/hugo" --hugo-pages "$work/hugo-pages" --hugo-simple "$work/hugo-simple"
  touch "$work/.made-simple-$figures"
fi

measure() { # label, command...
  local label=$1; shift
  local log
  log=$(mktemp)
  # The last build's pages still being written back to disk are not this build's to pay for.
  sync
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  local wall rss user sys
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  user=$(sed -n 's/.*User time (seconds): //p' "$log")
  sys=$(sed -n 's/.*System time (seconds): //p' "$log")
  rm -f "$log"
  echo "$label $wall $rss $user $sys"
}

# Last output folders are moved aside, not deleted, before a cold build (ours and Hugo's alike),
# and deleted once all runs are done. ext4 without a journal (this machine's disk) will not reuse
# an inode freed in the last 60-300 s, and checks each candidate: a build right after deleting the
# 254,000 files and folders of the last output took 20-45 s of system time instead of 10.
trash=$work/trash
mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT
aside() { for f in "$@"; do if [ -e "$f" ]; then mv "$f" "$trash/$(date +%s%N)"; fi; done; }
ours() { local label=$1; shift; measure "$label" dotnet "$app/Site.dll" build --root "$work/site" -s SearchIndex=false "$@"; }
cold() { aside "$work/site/output" "$work/site/.output.spare" "$work/site/.output.case-record"; ours cold; }
# With the search index: run from the repository, whose node_modules hold Pagefind.
# The search build's memory is also summed over its process tree (the generator and Pagefind beside it).
tree_log=$work/tree-peak.log
rm -f "$tree_log"
search() { aside "$work/site/output" "$work/site/.output.spare" "$work/site/.output.case-record"; (cd "$repo" && TREE_PEAK_LOG=$tree_log measure search "$repo/bench/tree-peak.sh" dotnet "$app/Site.dll" build --root "$work/site"); }
hugo_site() { aside "$work/$1/public"; measure "$1" hugo --quiet --source "$work/$1" --destination "$work/$1/public"; }
theirs() { hugo_site hugo; }

echo "warm-up" >&2
cold >/dev/null; theirs >/dev/null
results=$(for i in $(seq "$runs"); do cold; ours warm --force; ours no-op; search; theirs; hugo_site hugo-pages; hugo_site hugo-simple; done)
# The same texts make different sites: say how many pages and files each build writes.
count() { find "$1" -name '*.html' -type f | wc -l; }
files() { find "$1" -type f | wc -l; }
echo "pages (HTML files): case-record $(count "$work/site/output") in $(files "$work/site/output") files; hugo $(count "$work/hugo/public") in $(files "$work/hugo/public") files; hugo-pages $(count "$work/hugo-pages/public") in $(files "$work/hugo-pages/public") files; hugo-simple $(count "$work/hugo-simple/public") in $(files "$work/hugo-simple/public") files"
# The last build was the one with search: what a host receives.
echo "published (with search): $(du -sb "$work/site/output" | cut -f1) bytes; largest file: $(find "$work/site/output" -type f -printf '%s %P\n' | sort -n | tail -1)"
echo "warnings printed by a build: $( (cd "$repo" && dotnet "$app/Site.dll" build --root "$work/site" --force -s SearchIndex=false 2>&1 >/dev/null) | grep -c 'warning' || true) lines"
echo "search build's peak with Pagefind's processes summed: $(sort -n "$tree_log" | awk '{ a[NR] = $1 } END { printf "%.0f MB (median of %d)", a[int((NR + 1) / 2)] / 1024, NR }')"
echo "$results" | awk -v n="$articles" '
  { wall[$1] = wall[$1] " " $2; rss[$1] = rss[$1] " " $3; usr[$1] = usr[$1] " " $4; sys[$1] = sys[$1] " " $5 }
  function median(s,   a, k, i, j, t) { k = split(s, a, " "); for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }; return a[int((k + 1) / 2)] }
  END {
    hw = median(wall["hugo"]); hm = median(rss["hugo"]); pw = median(wall["hugo-pages"]); pm = median(rss["hugo-pages"]); sw = median(wall["hugo-simple"]); sm = median(rss["hugo-simple"])
    printf "%d articles, median of %d:\n", n, split(wall["hugo"], x, " ")
    printf "  hugo                %7.2f s  %6.0f MB peak  (CPU: user %6.2f s, system %6.2f s)\n", hw, hm / 1024, median(usr["hugo"]), median(sys["hugo"])
    printf "  hugo-pages          %7.2f s  %6.0f MB peak  (CPU: user %6.2f s, system %6.2f s)\n", pw, pm / 1024, median(usr["hugo-pages"]), median(sys["hugo-pages"])
    printf "  hugo-simple         %7.2f s  %6.0f MB peak  (CPU: user %6.2f s, system %6.2f s)\n", sw, sm / 1024, median(usr["hugo-simple"]), median(sys["hugo-simple"])
    for (k = 1; k <= 4; k++) {
      l = (k == 1) ? "cold" : (k == 2) ? "warm" : (k == 3) ? "no-op" : "search"
      w = median(wall[l]); m = median(rss[l])
      printf "  case-record %-7s %7.2f s  %6.0f MB peak  (CPU: user %6.2f s, system %6.2f s)   against hugo: time %5.2f, memory %4.2f; against hugo-pages: time %5.2f, memory %4.2f; against hugo-simple: time %5.2f, memory %4.2f\n", l, w, m / 1024, median(usr[l]), median(sys[l]), w / hw, m / hm, w / pw, m / pm, w / sw, m / sm
    }
    printf "  search costs        %5.2f × the cold build without it\n", median(wall["search"]) / median(wall["cold"])
  }'
