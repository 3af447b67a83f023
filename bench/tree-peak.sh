#!/usr/bin/env bash
# Runs a command and samples the resident memory of its whole process tree every 0.2 s (the
# generator and the Pagefind runs it starts beside its render), appending the peak of the sum, in
# KB, to $TREE_PEAK_LOG (default /tmp/tree-peak.log). GNU time's peak is the largest one process's.
#   bench/tree-peak.sh COMMAND...
"$@" &
root=$!
peak=0
tree() { local p; for p in $(pgrep -P "$1"); do echo "$p"; tree "$p"; done; }
while kill -0 "$root" 2>/dev/null; do
  sum=0
  for p in $root $(tree "$root"); do
    r=$(awk '/^VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null)
    sum=$((sum + ${r:-0}))
  done
  [ "$sum" -gt "$peak" ] && peak=$sum
  sleep 0.2
done
wait "$root"
code=$?
echo "$peak" >> "${TREE_PEAK_LOG:-/tmp/tree-peak.log}"
exit $code
