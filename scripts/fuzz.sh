#!/bin/sh
# Build every libFuzzer harness in tests/fuzz with clang and run each for
# the given number of seconds. The base sources are compiled in directly:
# they are pure C with no I/O, so a harness needs nothing else.
set -eu
seconds=${1:-60}
out=out/fuzz
mkdir -p "$out"
core=$(ls src/base/*.c)
for h in tests/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	clang -std=c17 -g -O1 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-o "$out/$name" "$h" $core -lm
	mkdir -p "$out/$name.corpus"
	echo "== $name for ${seconds}s"
	"$out/$name" -max_total_time="$seconds" -artifact_prefix="$out/$name-" \
		"$out/$name.corpus" tests/fuzz/corpus 2>&1 | tail -n 3
done
