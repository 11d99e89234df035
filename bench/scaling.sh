#!/usr/bin/env bash
# Scaling curve: the benchmark at 10k, 100k, 1M and 10M rows (median of REPEAT runs, one
# run at 10M), one table line per size for `run` (rows/s and peak RSS, -Xmx256m), and the
# same run through bin/exchange-reports (the faster start).
#
#   bench/scaling.sh [REPEAT]        (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${1:-3}
printf '%10s %9s %11s %13s %12s %11s %13s\n' rows "run s" "rows/s" "peak RSS MB" "launcher s" "rows/s" "peak RSS MB"
for rows in 10000 100000 1000000 10000000; do
	repeat=$REPEAT
	[ "$rows" -ge 10000000 ] && repeat=1
	result=$(bench/benchmark.sh "$rows" "$repeat")
	set -- $(awk '$1 == "run"' <<<"$result") $(awk '$1 == "launcher"' <<<"$result")
	printf '%10s %9s %11s %13s %12s %11s %13s\n' "$rows" "$2" "$3" "$4" "$7" "$8" "$9"
done
