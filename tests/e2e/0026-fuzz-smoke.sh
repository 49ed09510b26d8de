# Every libFuzzer harness of tests/fuzz runs a few seconds on its seed
# corpus without a finding: a smoke test that the harnesses build and that
# no seed crashes (make fuzz FUZZ_SECONDS=N runs them for real). The
# harnesses are built with clang into out/fuzz/build, the first time in a
# minute or two. FUZZ_SMOKE_SECONDS sets the time per harness (2).
. "$TOP/tests/e2e/lib.sh"
if ! command -v clang >/dev/null; then
	echo "SKIP: clang is missing, so the fuzz harnesses cannot be built (make deps installs clang)"
	exit 0
fi
set +e
"$TOP/scripts/fuzz.sh" --smoke "${FUZZ_SMOKE_SECONDS:-2}" >fuzz.txt 2>&1
status=$?
set -e
cat fuzz.txt
[ "$status" -eq 0 ] || fail "a fuzz harness found a crash or did not build (status $status)"
for h in json money date csv target casenum sie_token sie_import ledger_csv ops_import pdf_finish; do
	grep -q "^fuzz_$h: [0-9]* runs in [0-9]* s, no finding$" fuzz.txt || fail "fuzz_$h did not run"
done
