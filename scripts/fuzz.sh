#!/bin/sh
# Build every libFuzzer harness of tests/fuzz and run each in turn on its
# seed corpus. The harnesses are built by meson in their own build
# directory, out/fuzz/build, with clang, AddressSanitizer,
# UndefinedBehaviorSanitizer and -fsanitize=fuzzer (meson option fuzz).
#
#   scripts/fuzz.sh SECONDS           run each harness SECONDS; new inputs
#                                     grow out/fuzz/NAME.corpus
#   scripts/fuzz.sh --smoke SECONDS   a check for make check: new inputs go
#                                     to a temporary directory
#   FUZZ_ONLY=fuzz_csv                run only the harnesses named (a list)
#   FUZZ_RUNS=10000000                stop a harness after that many runs
#
# Seeds: tests/fuzz/corpus/NAME, and for the SIE harnesses the real files
# of ../shared/testdata/sie when it is there. A crash stops that harness
# and keeps its input as out/fuzz/NAME-crash-…; the script then exits 1.
# Prints one line per harness: runs, seconds, and the result.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
smoke=false
if [ "${1:-}" = --smoke ]; then
	smoke=true
	shift
fi
seconds=${1:-60}
out=$top/out/fuzz
build=$out/build
harnesses="fuzz_json fuzz_money fuzz_date fuzz_csv fuzz_target fuzz_casenum fuzz_sie_token fuzz_sie_import fuzz_ledger_csv fuzz_ops_import fuzz_pdf_finish"
[ -n "${FUZZ_ONLY:-}" ] && harnesses=$FUZZ_ONLY

if ! command -v clang >/dev/null; then
	echo "fuzz: clang is missing (make deps installs it)" >&2
	exit 3
fi
mkdir -p "$out"
if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" "$top" --buildtype=debugoptimized -Dwerror=false \
		-Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined' >"$out/setup.log" 2>&1 ||
		{ cat "$out/setup.log" >&2; exit 2; }
fi
targets=""
for h in $harnesses; do targets="$targets tests/fuzz/$h"; done
ninja -C "$build" $targets >"$out/build.log" 2>&1 || { tail -n 40 "$out/build.log" >&2; exit 2; }

testdata=$top/../shared/testdata/sie
[ -d "$testdata" ] || testdata=/work/shared/testdata/sie
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for h in $harnesses; do
	seeds=$top/tests/fuzz/corpus/$h
	extra=""
	maxlen=""
	case $h in fuzz_sie_*) [ -d "$testdata" ] && extra=$testdata ;; esac
	# the importers write rows per line: keep their inputs (and the real
	# files used as seeds, cut to this) short enough to run fast
	case $h in fuzz_sie_*|fuzz_ledger_csv) maxlen=-max_len=4096 ;; esac
	if $smoke; then
		corpus=$scratch/$h
		prefix=$scratch/$h-
	else
		corpus=$out/$h.corpus
		prefix=$out/$h-
	fi
	mkdir -p "$corpus"
	runs=""
	[ -n "${FUZZ_RUNS:-}" ] && runs="-runs=$FUZZ_RUNS"
	set +e
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	"$build/tests/fuzz/$h" -max_total_time="$seconds" $runs $maxlen -print_final_stats=1 \
		-artifact_prefix="$prefix" "$corpus" "$seeds" $extra >"$scratch/$h.log" 2>&1
	rc=$?
	set -e
	n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$h.log" | tail -n 1)
	t=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$scratch/$h.log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		echo "$h: ${n:-?} runs in ${t:-$seconds} s, no finding"
	else
		status=1
		echo "$h: FINDING (exit $rc) after ${n:-?} runs"
		grep -E 'ERROR|runtime error|SUMMARY|Test unit written' "$scratch/$h.log" | head -n 20
		if $smoke; then
			for a in "$prefix"*; do [ -f "$a" ] && cp "$a" "$out/" && echo "kept $out/$(basename "$a")"; done
		fi
	fi
done
exit $status
