#!/usr/bin/env bash
# Measures Pagefind's own process during a build with the search index, which /usr/bin/time on the
# build does not see (the Node API starts it and ends it with TERM):
#   PAGEFIND_EXTENDED_BINARY_PATH=$PWD/bench/pagefind-time.sh dotnet APP/Site.dll build --root SITE
# appends "wall, peak RSS, user, system" to $PAGEFIND_TIME_LOG (default /tmp/pagefind.time). TERM
# is ignored, so the service ends when the API closes its stdin and GNU time can report.
trap '' TERM
repo=$(cd "$(dirname "$0")/.." && pwd)
exec /usr/bin/time -f "pagefind wall=%e s, peak=%M KB, user=%U s, system=%S s" -a -o "${PAGEFIND_TIME_LOG:-/tmp/pagefind.time}" \
  "$repo/node_modules/@pagefind/linux-x64/bin/pagefind_extended" "$@"
