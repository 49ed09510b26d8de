# Every report type of the example data as HTML and as text: the seeds'
# figures (tkr, percentages, verdicts, dates) appear, computed where the
# seed's own figure is wrong; the HTML is one self-contained Swedish page
# with table headers, captions and sources in title attributes.
. "$TOP/tests/e2e/lib.sh"
example_db s.db

render() {
	name=$1
	shift
	run_styr 0 report "$@" --format html -o "$name.html"
	run_styr 0 report "$@" --format text -o "$name.txt"
	expect_contains "$name.html" '<html lang="sv">'
	expect_contains "$name.html" '<meta name="viewport"'
	expect_contains "$name.html" '</html>'
	if grep -qiE '<(script|link|img)|src=|https?://[^"]*\.(css|js)' "$name.html"; then
		fail "$name.html is not self-contained"
	fi
	# Long words in table cells carry soft hyphens (U+00AD) at their
	# Swedish hyphenation points, only between letters (\p{L}: å ä ö
	# too); the figures and words below are read without them. The
	# pattern is read as UTF-8 whatever the caller's locale.
	if LC_ALL=C.UTF-8 grep -qP '(^|\P{L})\x{ad}|\x{ad}($|\P{L})' "$name.html"; then
		fail "$name.html has a soft hyphen outside a word"
	fi
	sed -i 's/\xc2\xad//g' "$name.html"
}

# Prognosrapport 1-2020 (seed 000)
render prognos prognos s.db --occasion 2020-04-30
for f in prognos.txt prognos.html; do
	expect_contains $f "Prognosrapport 1-2020"
	expect_contains $f "Politiskt fattade beslut"
	expect_contains $f "Utfall 200430"
	expect_contains $f "-34 559"      # Intäkter, budget
	expect_contains $f "-11 539"      # Intäkter, utfall
	expect_contains $f "1 001"        # Personalkostnader, avvikelse
	expect_contains $f "-1 923"       # Summa utfall
	expect_contains $f "10 769"       # investeringar, summa budget
	expect_contains $f "30,7"         # IT INVEST ASKERSUND, procent förbrukning
	expect_contains $f "Öka från 71,13"
	expect_contains $f "Pågår"
done
# the total's percent is total outcome / total budget (2 261 / 10 769), not
# the seed's mean of the rows (17,14)
grep -q "21,0" prognos.txt || fail "investment total percent is not 21,0"
if grep -q "17,14" prognos.txt; then fail "the seed's wrong total percent is shown"; fi
expect_contains prognos.html '<th scope="col">Årsprognos</th>'
expect_contains prognos.html '<caption id="tab-'
expect_contains prognos.html 'title="Intäkter, utfall enligt huvudbok (2020-04-30)"'

# Delårsrapport 2020 (seed 002)
render delar delar s.db --year 2020
for f in delar.txt delar.html; do
	expect_contains $f "Delårsrapport 2020"
	expect_contains $f "Verksamhetsberättelse"
	expect_contains $f "-20 222"
	expect_contains $f "1 537"
	expect_contains $f "-1 795"
	expect_contains $f "5 227"
done

# Årsredovisning 2024 (seed 003): driftredovisning, split, investments
render ar2024 arsredovisning s.db --year 2024
for f in ar2024.txt ar2024.html; do
	expect_contains $f "Måluppfyllelse"
	expect_contains $f "NETTORESULTAT"
	expect_contains $f "-43 752"
	expect_contains $f "-852"
	expect_contains $f "2 628"
	expect_contains $f "-177"          # Lekeberg
	expect_contains $f "-329"          # Hallsberg
	expect_contains $f "12 486"
	expect_contains $f "72,25 %"
	expect_contains $f "högst 15 st"
	# the summary once, as the narrative (and the seed) words it
	expect_contains $f "2st av 2 bedöms uppnås delvis"
	[ "$(grep -c 'av 2 bedöms uppnås delvis' $f)" -eq 1 ] || fail "$f: the 2024 summary is printed twice"
done
grep -E "^Lekeberg +8 756 +-177$" ar2024.txt >/dev/null || fail "split row of Lekeberg"
expect_contains ar2024.html 'class="v v-partly">Delvis uppnådd</span>'

# Årsredovisning 2020 (bilaga to § 3 of the protocol 2021-02-10)
render ar2020 arsredovisning s.db --occasion 2020-12-31
for f in ar2020.txt ar2020.html; do
	expect_contains $f "TOTALT KOSTNADER"
	expect_contains $f "35 486"
	expect_contains $f "11 227"
	expect_contains $f "Ökad samverkan över kommungränserna"
done
grep -E "^Askersund +11 313 +227$" ar2020.txt >/dev/null || fail "split row of Askersund 2020"
grep -E "^Hallsberg +15 954 +320$" ar2020.txt >/dev/null || fail "split row of Hallsberg 2020"

# MER-plan 2023 (seed 001): capital costs 519 and 322 tkr computed
render mer mer-plan s.db --year 2023
for f in mer.txt mer.html; do
	expect_contains $f "MER-Plan 2023"
	expect_contains $f "Mål och indikatorer"
	expect_contains $f "Attraktiv kommun - Lekebergs kommun"
	expect_contains $f "Målvärde 2025"
	expect_contains $f "41 391"
	expect_contains $f "-2 379"
	expect_contains $f "12 095"
	expect_contains $f "1 764"
	expect_contains $f "1,25 %"
done
grep -E "^Gemensam IT-invest +3 000 +519 " mer.txt >/dev/null || fail "capital cost 519"
grep -E "^IT-invest Askersund +2 452 +322 " mer.txt >/dev/null || fail "capital cost 322"

# Internal control 2020 (in the protocol 2021-02-10, § 4)
render ik internkontroll s.db --year 2020
for f in ik.txt ik.html; do
	expect_contains $f "Riskbedömningsmatris"
	expect_contains $f "Inköp enligt ramavtal följs inte"
	expect_contains $f "Större avvikelser"
	expect_contains $f "Slutsatser av uppföljning"
done
expect_contains ik.html '<table class="matrix"'
expect_contains ik.html 'title="Riskvärde 8, Medium: 2 risker"'

# Protocol 2021-02-10 (seed 004) and the extract of § 3
render prot protokoll s.db --meeting 2021-02-10
for f in prot.txt prot.html; do
	expect_contains $f "ANSLAG/BEVIS"
	expect_contains $f "Datum då anslaget sätts upp"
	expect_contains $f "Sista dag för överklagande"
	expect_contains $f "2021-03-17"
	expect_contains $f "Datum då anslaget tas ned"
	expect_contains $f "§3 - Årsredovisning 2020 för Sydnärkes IT-nämnd"
	expect_contains $f "Syd-IT 20-6-11"
	expect_contains $f "Bo Rudolfsson (KD)"
done
render utdrag utdrag s.db --meeting 2021-02-10 --paragraph 3
expect_contains utdrag.txt "Sydnärkes IT-nämnd godkänner årsredovisningen för 2020."
if grep -q "Val av justerare" utdrag.txt; then fail "utdrag holds another §"; fi

# -o - writes to standard output
run_styr 0 report prognos s.db --occasion 2020-04-30 --format text -o -
expect_contains out.txt "Prognosrapport 1-2020"

# Charts: inline SVG with a text alternative (title, desc with every value)
# and the values as a table; the source in the figure's title attribute.
expect_contains ar2020.html '<svg xmlns="http://www.w3.org/2000/svg"'
expect_contains ar2020.html 'role="img" aria-labelledby="fig-'
expect_contains ar2020.html 'Sjukfrånvaro: 2020-04-30 6,72 %, 2020-07-31 6,06 %, 2020-12-31 6,58 %'
expect_contains ar2020.html '<figure title="indikatorernas utfall vid årets rapporttillfällen">'
expect_contains ar2024.html 'Utfall 2024, KAPITALKOSTNADER: 11 631 tkr'

# The hyphenation patterns are built into styr (src/doc/hyph_patterns.h);
# STYR_HYPHEN_DIC reads another file at run time: the same file gives the
# same points, one that is not there none.
shy=$(printf '\302\255')
run_styr 0 report arsredovisning s.db --year 2020 --format html -o built-in.html
grep -q "$shy" built-in.html || fail "built-in.html has no soft hyphens"
STYR_HYPHEN_DIC=/usr/share/hyphen/hyph_sv_SE.dic \
	run_styr 0 report arsredovisning s.db --year 2020 --format html -o read.html
cmp -s built-in.html read.html || fail "the patterns read at run time hyphenate otherwise"
STYR_HYPHEN_DIC=$PWD/none.dic run_styr 0 report arsredovisning s.db --year 2020 --format html -o none.html
grep -q "$shy" none.html && fail "none.html has soft hyphens without patterns"
true
