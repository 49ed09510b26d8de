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

# expect_text FILE TEXT — FILE contains TEXT, reading line breaks and runs
# of spaces as one space (a paragraph the text renderer wrapped).
expect_text() {
	tr '\n' ' ' <"$1" | tr -s ' ' | grep -qF -- "$2" || { cat "$1"; fail "$1 does not contain: $2"; }
}

# expect_row FILE CELL... — FILE has a line holding the cells in order,
# apart by two spaces or more: a row of a text table (of a cell that wraps,
# its first line).
expect_row() {
	file=$1
	shift
	re=
	for cell in "$@"; do
		cell=$(printf '%s' "$cell" | sed 's/[][\.*^$()+?{}|]/\\&/g')
		re="$re${re:+  +}$cell"
	done
	grep -qE -- "$re" "$file" || { cat "$file"; fail "$file has no row: $*"; }
}
