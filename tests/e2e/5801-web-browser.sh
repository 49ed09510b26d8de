# The web application in Debian's headless Chromium, as a person uses it
# (tests/browser/web.mjs): the public anslagstavla, log in, enter an
# indicator value and see the verdict change, mark a report part klar,
# download a PDF; then
# axe-core finds no WCAG 2.1 A/AA violation on any page, and every page is
# photographed at 390 and 1280 px into $TOP/out/web/ to be looked at.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing: run make deps"
[ -d "$TOP/tests/browser/node_modules/playwright-core" ] ||
	fail "tests/browser/node_modules missing: run make deps"
DB=s.db
example_db $DB
web_users
web_start $DB
shots=${WEB_SHOTS:-$TOP/out/web}
mkdir -p "$shots"
rm -f "$shots"/web-*.png
set +e
node "$TOP/tests/browser/web.mjs" "$WEB" mal "$PASSWORD" "$shots" >web.txt 2>&1
status=$?
set -e
cat web.txt
[ "$status" -eq 0 ] || fail "the browser test failed (status $status)"
grep -q '^ok: at 46 % Servicedesk is uppnådd' web.txt || fail "the verdict did not change"
grep -q '^ok: the part mal is klar' web.txt || fail "the part was not marked klar"
[ "$(grep -c ': 0 violations, [1-9][0-9]* passes' web.txt)" -eq 19 ] || fail "not every page was checked"
for f in start mal anslagstavla login; do
	[ -s "$shots/web-$f-phone.png" ] && [ -s "$shots/web-$f-desktop.png" ] || fail "no screenshots of $f"
done
web_stop
