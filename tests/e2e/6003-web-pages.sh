# Every page of the web application answers, with the figures of the
# seeds: the start page's traffic lights, the goals with value entry (the
# verdict changes when a value is entered), the economy and control
# tables as the reports draw them, the meetings with their legal dates,
# the public anslagstavla, every register, every report in every format
# (a download is byte for byte what `styr report` writes).
. "$TOP/tests/e2e/lib.sh"
. "$TOP/tests/e2e/lib-web.sh"
DB=s.db
example_db $DB
web_users
web_start $DB
login jar admin

get() { # name path [status]
	http "$1" -b jar "$WEB$2"
	expect_status "$1" "${3:-200}"
}

# The start page: the verdicts of the latest follow-up as traffic lights.
get start /
expect_contains start.body '<span class="light uppfyllt">uppnådd</span>'
expect_contains start.body 'Målen – '

# Goals at Prognosrapport 1-2020: Servicedesk 43 % against a target of 45 %.
get mal "/mal?occasion=2020-04-30"
expect_contains mal.body 'Öka andelen ärenden som åtgärdas av Servicedesk (1st line)</a></th><td>45%</td><td>43%</td><td><span class="light delvis">delvis uppnådd</span>'
# The follow-up table of the report is on the page too.
expect_contains mal.body 'Som i rapporten'
get ind "/mal/indikator/2020-servicedesk?occasion=2020-04-30"
expect_contains ind.body 'name="outcome"'
# Entering 46 % (outcome and forecast, which is the value judged) makes it uppnådd; the change is a change set of admin.
http set -b jar --data-urlencode "csrf=$CSRF" --data-urlencode "outcome=46%" --data-urlencode "forecast=46%" \
	--data-urlencode "comment=Fler ärenden löses direkt." \
	"$WEB/mal/indikator/2020-servicedesk?occasion=2020-04-30"
expect_status set 303
get mal2 "/mal?occasion=2020-04-30"
expect_contains mal2.body '<td>45%</td><td>46%</td><td><span class="light uppfyllt">uppnådd</span>'
run_styr 0 log $DB
expect_contains out.txt "admin: POST /mal/indikator/2020-servicedesk"
# A verdict by hand needs a motivation: refused, nothing stored.
http bad -b jar --data-urlencode "csrf=$CSRF" --data-urlencode "verdict=ej uppnådd" \
	"$WEB/mal/indikator/2020-servicedesk?occasion=2020-04-30"
expect_status bad 422
expect_contains bad.body 'role="alert"'
# A value that does not fit the unit is refused with the CLI's message.
"$STYR" value set $DB 2020-servicedesk --occasion 2020-04-30 --outcome "många" >/dev/null 2>cli.txt || true
http bad2 -b jar --data-urlencode "csrf=$CSRF" --data-urlencode "outcome=många" \
	"$WEB/mal/indikator/2020-servicedesk?occasion=2020-04-30"
expect_status bad2 422
msg=$(sed 's/^styr: //' cli.txt | sed 's/"/\&quot;/g')
expect_contains bad2.body "$msg"

# Economy at Prognosrapport 1-2020, the report's tables.
get eko "/ekonomi?occasion=2020-04-30"
expect_contains eko.body 'Driftredovisning'
expect_contains eko.body 'Investeringsredovisning'
# Internal control 2020: the risk matrix and the plan.
get ik "/internkontroll?year=2020"
expect_contains ik.body 'class="matrix"'
expect_contains ik.body 'Internkontroll och uppdrag 2020'
# Meetings and their legal dates: anslag 2021-02-24, last day 2021-03-17.
get sam /sammantraden
expect_contains sam.body '<td>2021-02-24</td><td>2021-03-17</td>'
get prot /sammantraden/2021-02-10
expect_contains prot.body '<h1>Sammanträde 2021-02-10</h1>'

# The anslagstavla is public: on the board while posted, then archived.
http board "$WEB/anslagstavla"
expect_status board 200
expect_contains board.body '<a href="/anslagstavla/2021-02-10">Sammanträde 2021-02-10</a></th><td>uppgift saknas</td><td>2021-02-24</td><td>2021-03-17</td><td>2021-03-18</td>'
http pub "$WEB/anslagstavla/2021-02-10"
expect_status pub 200
http nopub "$WEB/anslagstavla/2019-01-01"
expect_status nopub 404

# Every register and the first record of each.
get regs /sections
for s in $(grep -o 'href="/sections/[a-z_]*"' regs.body | sed 's|.*/sections/||; s|"||'); do
	get "reg-$s" "/sections/$s"
	first=$(grep -o 'href="/sections/'"$s"'/[^"]*"' "reg-$s.body" | head -n 1 | sed 's|href="||; s|"||')
	[ -z "$first" ] || get "rec-$s" "$first"
done
get newform "/sections/persons?new=1"
expect_contains newform.body 'Lägg till'

# Reports: the list, each as a page, and downloads equal to the CLI's.
get reps /rapporter
get rep "/rapporter/prognos?occasion=2020-04-30"
expect_contains rep.body 'Ladda ned'
for f in pdf xlsx html text; do
	http "dl-$f" -b jar "$WEB/rapporter/prognos?occasion=2020-04-30&format=$f"
	cp "dl-$f.body" "web.$f"
	"$STYR" report prognos $DB --occasion 2020-04-30 --format $f -o "cli.$f"
	case $f in
	pdf) # the same pages; only the creation time may differ
		pdftotext -layout web.pdf web.pdf.txt && pdftotext -layout cli.pdf cli.pdf.txt
		expect_file cli.pdf.txt web.pdf.txt ;;
	xlsx) # the same sheets and strings; only the creation time may differ
		for part in xl/sharedStrings.xml xl/worksheets/sheet1.xml; do
			unzip -p web.xlsx $part >web.part; unzip -p cli.xlsx $part >cli.part
			[ -s cli.part ] && expect_file cli.part web.part
		done ;;
	*) cmp -s "web.$f" "cli.$f" || fail "the $f download differs from styr report" ;;
	esac
done
http dl-head -b jar -D dl.head -o /dev/null "$WEB/rapporter/internkontroll?year=2020&format=pdf"
expect_contains dl.head 'Content-Type: application/pdf'
expect_contains dl.head 'Content-Disposition: attachment; filename="internkontroll-2020.pdf"'
get badfmt "/rapporter/prognos?occasion=2020-04-30&format=doc" 400
get badrep "/rapporter/nosuch" 404
get badocc "/mal?occasion=1999-01-01" 404
# The API's list of sections names every register the pages list.
get api /api/v1
for s in $(grep -o 'href="/sections/[a-z_]*"' regs.body | sed 's|.*/sections/||; s|"||'); do
	expect_contains api.body "\"name\": \"$s\""
done
get log /log
expect_contains log.body 'POST /mal/indikator/2020-servicedesk'
web_stop
