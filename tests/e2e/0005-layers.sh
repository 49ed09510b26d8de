# The layers of src/ hold: no #include crosses a forbidden line
# (scripts/check-layers.sh), and the check does fail on planted ones.
. "$TOP/tests/e2e/lib.sh"
"$TOP/scripts/check-layers.sh" "$TOP/src" >out.txt 2>&1 || { cat out.txt; fail "check-layers on src/"; }
expect_contains out.txt "check-layers: ok"

# An upward include in the database layer, a module reaching a module it
# did not declare, a rule file reaching the command frame, and a
# dependency declared below the module are each refused.
cp -r "$TOP/src" planted
sed -i '1i #include "goals/goals.h"' planted/db/store.c
sed -i '1i #include "meetings/meetings.h"' planted/goals/sec_goals.c
sed -i '1i #include "cli/cli.h"' planted/goals/assess.c
sed -i 's/"control", NULL/"reports", NULL/' planted/meetings/module_meetings.c
set +e
"$TOP/scripts/check-layers.sh" planted >out.txt 2>&1
status=$?
set -e
[ "$status" -eq 1 ] || { cat out.txt; fail "check-layers exited $status on planted includes, expected 1"; }
expect_contains out.txt "src/db/store.c:1: includes goals/goals.h (allowed: base db)"
expect_contains out.txt "src/goals/sec_goals.c:1: includes meetings/meetings.h"
expect_contains out.txt "src/goals/assess.c:1: includes cli/cli.h"
expect_contains out.txt "src/meetings/module_meetings.c: depends on reports, which is not above meetings"
