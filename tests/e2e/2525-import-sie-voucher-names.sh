# A voucher's series and number are kept whole: they were cut to 31 bytes
# for the list of unbalanced vouchers, inside a UTF-8 character when the
# file's text is CP437 (found by fuzz_sie_import: the audit log then held
# a summary that is not UTF-8).
. "$TOP/tests/e2e/lib.sh"
"$STYR" init l.db >/dev/null
series=$(head -c 40 /dev/zero | tr '\0' '\216')   # 40 × Ä in CP437
printf '#FLAGGA 0\n#FORMAT PC8\n#RAR 0 20240101 20241231\n#VER %s 123456789012345678901234567890123 20240105 "x"\n{\n#TRANS 1930 {} 1\n}\n' "$series" > long.se
run_styr 0 import sie l.db long.se
want=$(head -c 40 /dev/zero | tr '\0' 'x' | sed 's/x/Ä/g')
expect_contains out.txt "rad 4: serie $want nr 123456789012345678901234567890123, summa 1,00 kr"
sqlite3 l.db "SELECT new_value FROM audit_log WHERE tbl = 'ledger_import'" > audit.json
iconv -f UTF-8 -t UTF-8 audit.json >/dev/null || fail "the audit log's summary is not UTF-8"
expect_contains audit.json "\"series\":\"$want\""
