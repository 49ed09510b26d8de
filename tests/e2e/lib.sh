# Helpers for end-to-end tests. Each test runs in a fresh empty directory
# with $STYR (the binary), $TOP (the source tree) and $BUILD set.
set -eu

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run_styr EXPECTED_STATUS ARGS... — run styr, keep stdout in out.txt and
# stderr in err.txt, and fail unless it exits with EXPECTED_STATUS.
run_styr() {
	want=$1
	shift
	set +e
	"$STYR" "$@" >out.txt 2>err.txt
	got=$?
	set -e
	if [ "$got" -ne "$want" ]; then
		echo "--- stdout"; cat out.txt
		echo "--- stderr"; cat err.txt
		fail "styr $* exited $got, expected $want"
	fi
}

# expect_file EXPECTED ACTUAL — the two files are identical.
expect_file() {
	if ! cmp -s "$1" "$2"; then
		diff -u "$1" "$2" | head -n 80
		fail "$2 differs from $1"
	fi
}

# expect_contains FILE TEXT — FILE contains the fixed string TEXT.
expect_contains() {
	grep -qF -- "$2" "$1" || { cat "$1"; fail "$1 does not contain: $2"; }
}

# example_db NAME — a database loaded with the Sydnärke example data.
example_db() {
	"$STYR" init "$1" >/dev/null
	"$STYR" load "$1" "$TOP/examples/sydnarke" >/dev/null
}
