# Every command and every subcommand answers -h and --help with its usage
# on standard output and exit status 0 (one dispatcher, one frame).
. "$TOP/tests/e2e/lib.sh"
run_styr 0 help
cmds=$(sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p' out.txt)
[ "$(echo $cmds | wc -w)" -ge 15 ] || fail "styr help lists too few commands: $cmds"
n=0
for c in $cmds; do
	for h in -h --help; do
		run_styr 0 $c $h
		[ -s out.txt ] || fail "styr $c $h printed no usage"
		[ ! -s err.txt ] || fail "styr $c $h wrote to stderr"
		expect_contains out.txt "usage: styr $c"
		n=$((n + 1))
	done
	subs=$(sed -n '/^Subcommands:/,/^$/s/^  \([a-z]*\) .*/\1/p' out.txt)
	for s in $subs; do
		for h in -h --help; do
			run_styr 0 $c $s $h
			expect_contains out.txt "usage: styr $c $s"
			n=$((n + 1))
		done
	done
done
[ "$n" -ge 60 ] || fail "only $n help screens"
# With no subcommand the usage goes to stderr and the status is 2.
run_styr 2 meeting
expect_contains err.txt "Subcommands:"
