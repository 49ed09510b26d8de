#!/bin/sh
# make bench: run every benchmark under bench/ (each prints its own figures:
# styr, the peer measured in the same run, the ratio) and how long each
# took; the whole is meant to stay under 10 minutes.
set -eu
build=$1
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
