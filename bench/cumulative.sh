#!/usr/bin/env bash
# A scheduled run into a large store: a store of ROWS records (one generated file) is made
# once, then each round copies it and times, through bin/exchange-reports with -Xmx256m,
# a run of the shipped input/ into the copy (new records and corrections of stored ones)
# and a second run of the same input (nothing new: the reports only). Prints the median
# wall seconds and peak RSS of each, and what each run said it took.
#
#   bench/cumulative.sh [ROWS] [REPEAT]        (defaults: 1000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
REPEAT=${2:-3}
HEAP=${HEAP:--Xmx256m}
JAR=target/exchange-reports.jar
WORK=${BENCH_DIR:-target/bench}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
export EXCHANGE_CACHE="$WORK/cache" EXCHANGE_JAR="$JAR" JAVA_OPTS=$HEAP

input="$WORK/input-$ROWS-1"
if [ ! -d "$input" ]; then
	mkdir -p "$input"
	java -jar "$JAR" generate --rows "$ROWS" --seed 1 --invalid-share 0.005 --output "$input/part-1.csv" >/dev/null
fi
store="$WORK/store-$ROWS"
rm -rf "$store" "$WORK/cumulative"
bin/exchange-reports run --input "$input" --db "$store/exchanges" --output "$WORK/cumulative/reports" \
	--max-rejects "$ROWS" >/dev/null

# once NAME: one run of input/ into the copy; its wall seconds, peak RSS (KB) and the run's
# own seconds are added to NAME.runs. A failed run stops the benchmark with its error.
once() {
	if ! /usr/bin/time -f "%e %M" -o "$WORK/time.txt" bin/exchange-reports run --input input \
		--db "$WORK/cumulative/db/exchanges" --output "$WORK/cumulative/reports" >"$WORK/$1.out" 2>"$WORK/$1.err"; then
		echo "$1 failed: $(grep -m1 '^error' "$WORK/$1.err")" >&2
		exit 1
	fi
	echo "$(cat "$WORK/time.txt") $(grep -o 'Run completed in [0-9.]*' "$WORK/$1.out" | grep -o '[0-9.]*$')" \
		>>"$WORK/$1.runs"
}

rm -f "$WORK/new.runs" "$WORK/again.runs"
for _ in $(seq 1 "$REPEAT"); do
	rm -rf "$WORK/cumulative/db" && cp -r "$store" "$WORK/cumulative/db"
	once new
	once again
done
median() { sort -n "$1" | sed -n "$(((REPEAT + 1) / 2))p"; }
printf 'store of %s imported rows, heap %s, median of %s\n' "$ROWS" "$HEAP" "$REPEAT"
rows=$(($(cat input/*.csv | wc -l) - $(ls input/*.csv | wc -l)))
printf '%-34s %9s %13s %14s\n' "run of input/ ($rows rows)" "wall s" "peak RSS MB" "run's own s"
for row in "new records and corrections|$(median "$WORK/new.runs")" \
	"again, nothing new|$(median "$WORK/again.runs")"; do
	IFS='|' read -r name values <<<"$row"
	set -- $values
	awk -v n="$name" -v s="$1" -v kb="$2" -v own="$3" 'BEGIN { printf "%-34s %9.2f %13d %14s\n", n, s, kb / 1024, own }'
done
