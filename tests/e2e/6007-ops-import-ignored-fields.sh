# styr ops import names the history fields the profile does not use by
# their whole headings' values: they were cut to 47 bytes (inside an Å,
# two long ones then read as one) and the list to 255 bytes, both
# printed and in --json as text that is not UTF-8. A list that does not
# fit ends with "…" after the last whole label.
. "$TOP/tests/e2e/lib.sh"
"$STYR" init o.db >/dev/null
"$STYR" load o.db "$TOP/data/ops-profiles" >/dev/null
utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null || fail "$1 is not UTF-8"; }
a=ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ
b=${a}ÅÅÅÅÅ
{
	echo 'Ärende-ID;Tidpunkt;Attribut;Nytt värde;Gammalt värde;Synlighet'
	echo "INC-1;2024-01-08 09:10;$a;x;;"
	echo "INC-1;2024-01-08 09:11;$b;x;;"
	echo "INC-1;2024-01-08 09:12;$b;y;;"
} > two.csv
run_styr 0 ops import o.db two.csv --source ticket-history --profile efecte
utf8 out.txt
expect_contains out.txt "Händelser som inte används: 3 (okända fält: $a (1), $b (2))"
run_styr 0 ops import o.db two.csv --source ticket-history --profile efecte --json
utf8 out.txt
expect_contains out.txt "\"ignored_fields\": \"$a (1), $b (2)\""

# nine labels, more than the list keeps: eight and "…"
{
	echo 'Ärende-ID;Tidpunkt;Attribut;Nytt värde;Gammalt värde;Synlighet'
	for i in 1 2 3 4 5 6 7 8 9; do echo "INC-2;2024-02-0$i 09:00;Fält $i;x;;"; done
} > nine.csv
run_styr 0 ops import o.db nine.csv --source ticket-history --profile efecte
expect_contains out.txt "(okända fält: Fält 1 (1), Fält 2 (1), Fält 3 (1), Fält 4 (1), Fält 5 (1), Fält 6 (1), Fält 7 (1), Fält 8 (1), …)"

# labels that fill the list: whole ones, then "…"
{
	echo 'Ärende-ID;Tidpunkt;Attribut;Nytt värde;Gammalt värde;Synlighet'
	for i in 1 2 3 4 5; do echo "INC-3;2024-03-0$i 09:00;${a}$i;x;;"; done
} > long.csv
run_styr 0 ops import o.db long.csv --source ticket-history --profile efecte
utf8 out.txt
expect_contains out.txt "(okända fält: ${a}1 (1), ${a}2 (1), ${a}3 (1), …)"
