#!/bin/sh
# make bench: run every benchmark under bench/ (each prints its own figures:
# styr, the peer measured in the same run, the ratio) and how long each
# took; the whole is meant to stay under 10 minutes on a 2-core machine.
#
# Three benchmarks run smaller here than on their own, where their peer
# alone would take most of the 10 minutes: bench/ops with 1 million
# tickets (10 million alone: DuckDB reading 45 million events took 594 s),
# bench/store with 10 committees (50 alone) and bench/web with 10 s per
# load (30 s alone). Each still prints styr, the peer and the ratio; set
# OPS_BENCH_TICKETS, STORE_BENCH_COMMITTEES or WEB_BENCH_SECONDS for other
# sizes. bench/sie and bench/ledger keep their 5 million #TRANS lines.
set -eu
build=$1
export OPS_BENCH_TICKETS="${OPS_BENCH_TICKETS:-1000000}"
export STORE_BENCH_COMMITTEES="${STORE_BENCH_COMMITTEES:-10}"
export WEB_BENCH_SECONDS="${WEB_BENCH_SECONDS:-10}"
echo "sizes: OPS_BENCH_TICKETS=$OPS_BENCH_TICKETS STORE_BENCH_COMMITTEES=$STORE_BENCH_COMMITTEES" \
     "WEB_BENCH_SECONDS=$WEB_BENCH_SECONDS"
start=$(date +%s)
for b in bench/*/run; do
	[ -x "$b" ] || continue
	echo "== $b"
	t0=$(date +%s)
	status=ok
	"$b" "$build" || status="FAILED (exit $?)"
	echo "   ($b: $status, $(( $(date +%s) - t0 )) s)"
done
echo "== all benchmarks took $(( $(date +%s) - start )) s"
