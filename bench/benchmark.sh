#!/usr/bin/env bash
# Benchmark: generate N rows with the project's generator, then time the floor program
# (a single pass with the same CSV parser), `validate` and `run` into a fresh store, each
# the whole process with -Xmx256m, taking turns for REPEAT rounds; the median of each.
# Prints rows, wall seconds, rows/s, peak RSS and the ratio to the floor. A fourth step,
# `launcher`, is the same `run` through bin/exchange-reports (the faster start), its cache
# prepared once before the rounds.
#
#   bench/benchmark.sh [ROWS] [REPEAT]        (defaults: 1000000 3)
#   FILES=4 bench/benchmark.sh 1000000        (4 files of 250,000 rows, seeds 1 to 4: their
#                                             record ids overlap, so later files replace
#                                             records of earlier ones)
#   JAR=/elsewhere/exchange-reports.jar bench/benchmark.sh
#                                             (another build, such as an older one, timed
#                                             the same way, with the same floor program)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
REPEAT=${2:-3}
FILES=${FILES:-1}
HEAP=${HEAP:--Xmx256m}
JAR=${JAR:-target/exchange-reports.jar}
WORK=${BENCH_DIR:-target/bench}
[ -f "$JAR" ] || [ "$JAR" != target/exchange-reports.jar ] || mvn -B -q -DskipTests package
[ -f "$JAR" ] || { echo "no jar: $JAR" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

input="$WORK/input-$ROWS-$FILES"
if [ ! -d "$input" ]; then
	mkdir -p "$input"
	per=$((ROWS / FILES))
	for i in $(seq 1 "$FILES"); do
		java -jar "$JAR" generate --rows "$per" --seed "$i" --invalid-share 0.005 \
			--output "$input/part-$i.csv" >/dev/null
	done
fi
bytes=$(du -cb "$input"/*.csv | tail -1 | cut -f1)

# The floor program, bench/FloorReader.java, is not in the jar: it is compiled here against
# the jar's own OpenCSV and run through the jar's launcher with its class added, so it
# parses with the jar's parser and starts as the jar does, whichever jar is measured.
floor_dir="$WORK/floor"
rm -rf "$floor_dir" && mkdir -p "$floor_dir/lib" "$floor_dir/classes"
opencsv=$(jar tf "$JAR" | grep -m1 '^BOOT-INF/lib/opencsv-.*\.jar$')
jar_path=$(realpath "$JAR")
(cd "$floor_dir/lib" && jar xf "$jar_path" "$opencsv")
javac -d "$floor_dir/classes" -cp "$floor_dir/lib/$opencsv" bench/FloorReader.java

# once NAME CMD...: wall seconds and peak RSS (KB) of one run into a fresh store, or "0 0"
# when it failed
once() {
	local name=$1; shift
	rm -rf "$WORK/db" "$WORK/reports"
	if /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; then
		cat "$WORK/time.txt"
	else
		echo "$name failed: $(grep -m1 '^error' "$WORK/$name.err")" >&2
		echo "0 0"
	fi
}

# median: of "seconds KB" lines, the run of median time ("0 0" if any failed)
median() {
	local runs
	runs=$(sort -n)
	if grep -q '^0 0$' <<<"$runs"; then echo "0 0"; else sed -n "$(((REPEAT + 1) / 2))p" <<<"$runs"; fi
}

# the launcher's cache: made once (its one-time cost is printed), then used by every round
export EXCHANGE_CACHE="$WORK/cache" EXCHANGE_JAR="$JAR"
rm -rf "$EXCHANGE_CACHE"
prepare=$(/usr/bin/time -f "%e" bin/exchange-reports --version 2>&1 >/dev/null | tail -1)

# The steps take turns, round by round: on a shared machine whose speed drifts, a drift
# then moves them all alike instead of skewing the ratio to the floor.
floor_runs="" validate_runs="" run_runs="" launcher_runs=""
for _ in $(seq 1 "$REPEAT"); do
	floor_runs+=$(once floor java $HEAP -cp "$JAR" -Dloader.path="$floor_dir/classes" \
		-Dloader.main=org.coordination.exchange.bench.FloorReader \
		org.springframework.boot.loader.launch.PropertiesLauncher "$input/part-1.csv")$'\n'
	validate_runs+=$(once validate java $HEAP -jar "$JAR" validate --input "$input" --output "$WORK/reports")$'\n'
	run_runs+=$(once run java $HEAP -jar "$JAR" run --input "$input" --db "$WORK/db/exchanges" \
		--output "$WORK/reports" --max-rejects "$ROWS")$'\n'
	launcher_runs+=$(JAVA_OPTS=$HEAP once launcher bin/exchange-reports run --input "$input" --db "$WORK/db/exchanges" \
		--output "$WORK/reports" --max-rejects "$ROWS")$'\n'
done
floor=$(printf '%s' "$floor_runs" | median)
if [ "$FILES" -gt 1 ]; then
	# the floor reads one file; scale it to all of them
	floor=$(echo "$floor" | awk -v f="$FILES" '{printf "%.2f %d", $1 * f, $2}')
fi
validate=$(printf '%s' "$validate_runs" | median)
run=$(printf '%s' "$run_runs" | median)
launcher=$(printf '%s' "$launcher_runs" | median)

floor_s=${floor% *}
printf '%s rows in %s file(s), %s MB, heap %s, median of %s\n' "$ROWS" "$FILES" $((bytes / 1000000)) "$HEAP" "$REPEAT"
printf '%-9s %9s %11s %13s %9s\n' step "wall s" "rows/s" "peak RSS MB" "x floor"
for row in "floor $floor" "validate $validate" "run $run" "launcher $launcher"; do
	set -- $row
	awk -v n="$1" -v s="$2" -v kb="$3" -v rows="$ROWS" -v f="$floor_s" \
		'BEGIN { if (s == 0) { printf "%-9s %9s\n", n, "failed"; exit }
			printf "%-9s %9.2f %11d %13d %9.1f\n", n, s, rows / s, kb / 1024, s / f }'
done
printf 'launcher: bin/exchange-reports, its cache prepared once before the rounds in %s s\n' "$prepare"
