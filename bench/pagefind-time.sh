#!/usr/bin/env bash
# Measures Pagefind's own process during a build with the search index (the generator runs the
# program named by PAGEFIND_EXTENDED_BINARY_PATH in place of the npm package's):
#   PAGEFIND_EXTENDED_BINARY_PATH=$PWD/bench/pagefind-time.sh dotnet APP/Site.dll build --root SITE
# appends "wall, peak RSS, user, system" to $PAGEFIND_TIME_LOG (default /tmp/pagefind.time).
# TERM is ignored so that GNU time can still report if the run is stopped.
trap '' TERM
repo=$(cd "$(dirname "$0")/.." && pwd)
exec /usr/bin/time -f "pagefind wall=%e s, peak=%M KB, user=%U s, system=%S s" -a -o "${PAGEFIND_TIME_LOG:-/tmp/pagefind.time}" \
  "$repo/node_modules/@pagefind/linux-x64/bin/pagefind_extended" "$@"
