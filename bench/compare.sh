#!/usr/bin/env bash
# Two jars side by side: the same commands with an OLD and a NEW jar, taking turns round by
# round (a drift of the shared machine then moves both alike), each the whole process with
# -Xmx256m into a fresh store. Prints the median wall seconds and peak RSS of each, and
# NEW / OLD. Scenarios: ROWS rows in one file, ROWS rows in four files (seeds 1 to 4: their
# record ids overlap, so later files replace records of earlier ones), and the shipped
# input/. Steps: `validate` and `run` with java -jar, and `run` through bin/exchange-reports
# (the faster start, its cache made once per jar before the rounds).
#
#   bench/compare.sh OLD.jar NEW.jar [ROWS] [REPEAT]     (defaults: 1000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1")
NEW=$(realpath "$2")
ROWS=${3:-1000000}
REPEAT=${4:-3}
HEAP=${HEAP:--Xmx256m}
WORK=${BENCH_DIR:-target/compare}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p "$WORK"

# the inputs, made by the old jar's generator
one="$WORK/input-$ROWS-1" four="$WORK/input-$ROWS-4"
[ -d "$one" ] || { mkdir -p "$one"; java -jar "$OLD" generate --rows "$ROWS" --seed 1 --invalid-share 0.005 \
	--output "$one/part-1.csv" >/dev/null; }
if [ ! -d "$four" ]; then
	mkdir -p "$four"
	for i in 1 2 3 4; do
		java -jar "$OLD" generate --rows $((ROWS / 4)) --seed "$i" --invalid-share 0.005 \
			--output "$four/part-$i.csv" >/dev/null
	done
fi

# once JAR STEP INPUT: "seconds KB" of one command into a fresh store, or "0 0" when it failed
once() {
	local jar=$1 step=$2 input=$3 cmd
	rm -rf "$WORK/db" "$WORK/reports"
	case $step in
		validate) cmd=(java $HEAP -jar "$jar" validate --input "$input" --output "$WORK/reports") ;;
		run) cmd=(java $HEAP -jar "$jar" run --input "$input" --db "$WORK/db/exchanges" --output "$WORK/reports"
			--max-rejects "$ROWS") ;;
		launcher) cmd=(env EXCHANGE_JAR="$jar" EXCHANGE_CACHE="$WORK/cache-$(basename "$(dirname "$jar")")-$(basename "$jar")"
			JAVA_OPTS="$HEAP" bin/exchange-reports run --input "$input" --db "$WORK/db/exchanges"
			--output "$WORK/reports" --max-rejects "$ROWS") ;;
	esac
	if /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "${cmd[@]}" >"$WORK/out.txt" 2>"$WORK/err.txt"; then
		cat "$WORK/time.txt"
	else
		echo "$step failed with $jar: $(grep -m1 '^error' "$WORK/err.txt")" >&2
		echo "0 0"
	fi
}

median() {
	local runs
	runs=$(sort -n)
	if grep -q '^0 0$' <<<"$runs"; then echo "0 0"; else sed -n "$(((REPEAT + 1) / 2))p" <<<"$runs"; fi
}

for jar in "$OLD" "$NEW"; do
	# the launcher's cache, once per jar
	EXCHANGE_JAR="$jar" EXCHANGE_CACHE="$WORK/cache-$(basename "$(dirname "$jar")")-$(basename "$jar")" \
		bin/exchange-reports --version >/dev/null 2>&1
done

printf '%s rows, heap %s, median of %s, old %s, new %s\n' "$ROWS" "$HEAP" "$REPEAT" "$OLD" "$NEW"
printf '%-28s %9s %9s %8s %9s %9s\n' "scenario" "old s" "new s" "new/old" "old MB" "new MB"
for scenario in "1 file:$one" "4 files:$four" "input/:input"; do
	name=${scenario%%:*} input=${scenario#*:}
	for step in validate run launcher; do
		old_runs="" new_runs=""
		for _ in $(seq 1 "$REPEAT"); do
			old_runs+=$(once "$OLD" $step "$input")$'\n'
			new_runs+=$(once "$NEW" $step "$input")$'\n'
		done
		old=$(printf '%s' "$old_runs" | median) new=$(printf '%s' "$new_runs" | median)
		set -- $old $new
		awk -v n="$name, $step" -v os="$1" -v ok="$2" -v ns="$3" -v nk="$4" 'BEGIN {
			printf "%-28s %9.2f %9.2f %8s %9d %9d\n", n, os, ns, (os > 0 && ns > 0) ? sprintf("%.2f", ns / os) : "-",
				ok / 1024, nk / 1024 }'
	done
done
