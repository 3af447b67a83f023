#!/usr/bin/env bash
# Builds the same synthetic record with this generator and with Hugo, in turns, and prints the
# median wall time and peak memory of each and their ratio.
#   bench/run.sh [ARTICLES=10000] [RUNS=3]
# Needs Debian's hugo (apt-get install hugo) and GNU time (/usr/bin/time).
set -euo pipefail
articles=${1:-10000}
runs=${2:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-$repo/bench/out/$articles}

command -v hugo >/dev/null || { echo "hugo is not installed: apt-get install hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed: apt-get install time" >&2; exit 2; }

dotnet build -c Release "$repo/Site.csproj" -v q -nologo >/dev/null
site_dll=$(ls "$repo"/bin/Release/net10.0/Site.dll)
if [ ! -f "$work/.made" ]; then
  dotnet run -c Release --project "$repo/bench/Corpus" -- --articles "$articles" --out "$work/site" --hugo "$work/hugo"
  touch "$work/.made"
fi

measure() { # label, command...
  local label=$1; shift
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  rm -f "$log"
  echo "$label $wall $rss"
}

ours() { measure ours dotnet "$site_dll" build --root "$work/site" -o "$work/site/output"; }
theirs() { measure hugo hugo --quiet --source "$work/hugo" --destination "$work/hugo/public" --cleanDestinationDir; }

echo "warm-up" >&2
ours >/dev/null; theirs >/dev/null
results=$(for i in $(seq "$runs"); do ours; theirs; done)
echo "$results" | awk -v n="$articles" '
  { wall[$1] = wall[$1] " " $2; rss[$1] = rss[$1] " " $3 }
  function median(s,   a, k, i, j, t) { k = split(s, a, " "); for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }; return a[int((k + 1) / 2)] }
  END {
    ow = median(wall["ours"]); hw = median(wall["hugo"]); om = median(rss["ours"]); hm = median(rss["hugo"])
    printf "%d articles: case-record %.2f s, %.0f MB peak; hugo %.2f s, %.0f MB peak; time ratio %.2f, memory ratio %.2f\n", n, ow, om / 1024, hw, hm / 1024, ow / hw, om / hm
  }'
