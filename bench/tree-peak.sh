#!/usr/bin/env bash
# Runs a command and samples the resident memory of its whole process tree every 0.2 s (the
# generator and the Pagefind runs it starts beside its render), appending the peak of the sum, in
# KB, to $TREE_PEAK_LOG (default /tmp/tree-peak.log). GNU time's peak is the largest one process's.
#   bench/tree-peak.sh COMMAND...
# Only bash's builtins run while it samples: a sampler that started pgrep, awk and sleep five
# times a second added its own CPU time to the build it measured (GNU time counts the whole tree).
"$@" &
root=$!
peak=0
exec {nap}<> <(:) # a pipe nobody writes to: read -t on it waits without starting a process
rss() { # KB resident of process $1 and of everything under it, added to $sum
  local k v _ t c
  if [ -r "/proc/$1/status" ]; then
    while read -r k v _; do [ "$k" = VmRSS: ] && { sum=$((sum + v)); break; }; done < "/proc/$1/status"
  fi
  for t in /proc/"$1"/task/*/children; do
    [ -r "$t" ] || continue
    read -r -a c < "$t" || true
    for k in "${c[@]}"; do rss "$k"; done
  done
}
while kill -0 "$root" 2>/dev/null; do
  sum=0
  rss "$root"
  [ "$sum" -gt "$peak" ] && peak=$sum
  read -r -t 0.2 -u "$nap" || true
done
wait "$root"
code=$?
echo "$peak" >> "${TREE_PEAK_LOG:-/tmp/tree-peak.log}"
exit $code
