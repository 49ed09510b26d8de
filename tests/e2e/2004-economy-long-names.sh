# A report line name longer than the 96 bytes the economy's result structs
# once held, ending in "åäö", comes out whole and as valid UTF-8 in
# `styr economy drift` (text and JSON), `styr economy ledger`, and the
# prognos report as text, XLSX and PDF. Cut at 95 bytes it would end in
# "å" and the first byte of "ä".
. "$TOP/tests/e2e/lib.sh"
"$STYR" init a.db >/dev/null
run_styr 0 load a.db "$TOP/examples/sydnarke/00-organisation.json"

name="Licenser och serviceavtal for skolor, forvaltningar, bolag och forbund i de fyra kommunerna åäö"
[ "$(printf '%s' "$name" | wc -c)" -eq 98 ] || fail "the name should be 98 bytes"

cat > long.json <<JSON
{
  "line_mappings": [ { "mapping": "kommun-bas", "line": "$name", "from": 6000, "to": 6999 } ],
  "drift_lines": [
    { "occasion": "2020-04-30", "position": 1, "name": "Intäkter", "kind": "revenue", "budget": -6000000, "outcome": -2000000, "forecast": -6000000 },
    { "occasion": "2020-04-30", "position": 2, "name": "$name", "kind": "cost", "budget": 6000000, "outcome": 1037000, "forecast": 6400000, "mapping": "kommun-bas" }
  ],
  "drift_totals": [
    { "occasion": "2020-04-30", "position": 3, "name": "Summa", "kind": "net", "budget": 0, "outcome": -963000, "forecast": 400000 }
  ]
}
JSON
run_styr 0 load a.db long.json

valid_utf8() { # FILE
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 || fail "$1 is not valid UTF-8"
}

# cell FILE FIRST — the first cell of the table row whose first line
# starts with FIRST, the lines the text renderer wrapped it onto joined
# with a space (a continuation line holds the cell's text alone; a rule
# or a row with other cells ends it).
cell() {
	awk -v first="$2" '
		found && (/  / || $0 == "" || /^[-=]+$/) { exit }
		found { printf " %s", $0; next }
		index($0, first) == 1 { found = 1; sub(/  .*/, ""); printf "%s", $0 }
	' "$1"
}

expect_cell() { # FILE
	got=$(cell "$1" "Licenser och serviceavtal")
	[ "$got" = "$name" ] || { cat "$1"; fail "$1: the line reads '$got'"; }
}

run_styr 0 economy drift a.db --occasion 2020-04-30
valid_utf8 out.txt
expect_cell out.txt

run_styr 0 economy drift a.db --occasion 2020-04-30 --json
valid_utf8 out.txt
expect_contains out.txt "\"name\": \"$name\""

run_styr 0 report prognos a.db --occasion 2020-04-30 --format text -o r.txt
valid_utf8 r.txt
expect_cell r.txt

run_styr 0 report prognos a.db --occasion 2020-04-30 --format xlsx -o r.xlsx
unzip -p r.xlsx >x.xml
valid_utf8 x.xml
expect_contains x.xml "$name"

run_styr 0 report prognos a.db --occasion 2020-04-30 --format pdf -o r.pdf
pdftotext r.pdf p.txt
valid_utf8 p.txt
expect_contains p.txt "kommunerna åäö"

# The ledger's report line is the same name: summed from the file,
# beside the outcome stored for 2020-04-30.
cat > l.se <<'S'
#FLAGGA 0
#SIETYP 4
#RAR 0 20200101 20201231
#KONTO 1930 "Bank"
#KONTO 6110 "Licenser"
#VER A 1 20200331 "Mars"
{
   #TRANS 6110 {} 1037000.00
   #TRANS 1930 {} -1037000.00
}
S
run_styr 0 import sie a.db l.se
run_styr 0 economy ledger a.db --year 2020 --until 2020-04-30
valid_utf8 out.txt
expect_contains out.txt "$name"
expect_contains out.txt "Jämfört med lagrat utfall vid tillfälle 2020-04-30"
run_styr 0 economy ledger a.db --year 2020 --until 2020-04-30 --json
valid_utf8 out.txt
expect_contains out.txt "\"line\": \"$name\""
expect_contains out.txt '"stated": 1037000'
