# Ledger imports from the browser: an SIE file uploaded with the form
# (multipart/form-data) is read by the importer of `styr import sie` and
# the page shows what was read; a broken file shows file:line:column and
# stores nothing; only an editor of ekonomi or an administrator may.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=s.db
example_db $DB
web_users
web_start $DB
sie=$TOP/tests/e2e/ledger.se
[ -f "$sie" ] || fail "no SIE test file"
want=$(awk '$1 == "#TRANS" { n++ } END { print n + 0 }' "$sie")

login jar ekonomi
http form -b jar "$WEB/ekonomi/import"
expect_status form 200
expect_contains form.body 'enctype="multipart/form-data"'
http up -b jar -F "csrf=$CSRF" -F "file=@$sie;filename=bok.se" "$WEB/ekonomi/import"
expect_status up 200
expect_contains up.body 'Filen är inläst.'
expect_contains up.body "&quot;#TRANS&quot;: $want"
[ "$(sqlite3 $DB 'SELECT count(*) FROM ledger_import')" = 1 ] || fail "not stored"
run_styr 0 log $DB
expect_contains out.txt "ekonomi: POST /ekonomi/import"

# A broken file: the line and column, named by the upload; nothing stored.
printf '#FLAGGA 0\n#SIETYP 4\n#FNAMN "Test"\n#RAR 0 20240101 20241231\n#UB -1 1930 100\n' >bad.se
http bad -b jar -F "csrf=$CSRF" -F "file=@bad.se" "$WEB/ekonomi/import"
expect_status bad 422
expect_contains bad.body 'bad.se:5:5: #UB: expected a year index declared by #RAR, found -1 — inget lästes in.'
[ "$(sqlite3 $DB 'SELECT count(*) FROM ledger_import')" = 1 ] || fail "a broken file stored something"
# No file, no CSRF token, a broken multipart body, a role without ekonomi.
http none -b jar -F "csrf=$CSRF" "$WEB/ekonomi/import"
expect_status none 400
http nocsrf -b jar -F "file=@$sie" "$WEB/ekonomi/import"
expect_status nocsrf 403
http broken -b jar -H 'Content-Type: multipart/form-data; boundary=XYZ' \
	--data-binary "--XYZ\r\nnonsense" "$WEB/ekonomi/import"
expect_status broken 400
login jar2 mal
http mal -b jar2 -F "csrf=$CSRF" -F "file=@$sie" "$WEB/ekonomi/import"
expect_status mal 403
web_stop
