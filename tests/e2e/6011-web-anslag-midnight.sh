# The anslagstavla counts the days of Sweden, not of UTC: the protocol of
# 2021-02-10 (posted 2021-02-24, comes down 2021-03-18) is on the board
# until midnight in Stockholm ends the 18th, which is 23:00 UTC in
# winter, and in the archive from then on, whatever zone the server
# runs in.
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
example_db s.db

board() { # STYR_NOW: the board of that instant into board-NOW.body, .lines
	export STYR_NOW=$1
	web_start s.db
	http "board-$1" "$WEB/anslagstavla"
	expect_status "board-$1" 200
	web_stop
	# an element a line, for the tables to be told apart
	sed 's/></>\n</g' "board-$1.body" >"board-$1.lines"
	unset STYR_NOW
}
row='<a href="/anslagstavla/2021-02-10">Sammanträde 2021-02-10</a>'

# 23:30 in Stockholm on the 18th: the last day it is up
board 2021-03-18T22:30:00Z
expect_contains board-2021-03-18T22:30:00Z.body "I dag är det 2021-03-18."
sed -n '/Anslagna protokoll/,/<\/table>/p' board-2021-03-18T22:30:00Z.lines >up.html
grep -qF "$row" up.html || fail "on the 18th the protocol is not on the board"

# 00:30 in Stockholm on the 19th, still the 18th in UTC: archived
board 2021-03-18T23:30:00Z
expect_contains board-2021-03-18T23:30:00Z.body "I dag är det 2021-03-19."
sed -n '/Anslagna protokoll/,/<\/table>/p' board-2021-03-18T23:30:00Z.lines >up.html
if grep -qF "$row" up.html; then fail "after midnight in Stockholm the protocol is still up"; fi
sed -n '/>Arkiv</,$p' board-2021-03-18T23:30:00Z.lines | grep -qF "$row" ||
	fail "after midnight in Stockholm the protocol is not in the archive"
