#!/bin/sh
# make bench: run every benchmark under bench/ (each prints its own figures).
set -eu
build=$1
for b in bench/*/run; do
	[ -x "$b" ] || continue
	echo "== $b"
	"$b" "$build"
done
