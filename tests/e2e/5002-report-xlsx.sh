# Every report type as XLSX: a valid workbook with one sheet per table,
# numbers stored as numbers (whole tkr, percent as a fraction) with number
# formats, sheet names of at most 31 characters.
. "$TOP/tests/e2e/lib.sh"
example_db s.db

# cells NAME.xlsx — every cell as "sheet!ref=value", number cells as n:VALUE
cells() {
	python3 - "$1" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
shared = re.findall(r'<si>.*?</si>', z.read('xl/sharedStrings.xml').decode(), re.S) if 'xl/sharedStrings.xml' in z.namelist() else []
shared = [re.sub(r'<[^>]+>', '', s) for s in shared]
wb = z.read('xl/workbook.xml').decode()
names = re.findall(r'<sheet name="([^"]*)"', wb)
for i, name in enumerate(names, 1):
    assert len(name) <= 31, name
    xml = z.read('xl/worksheets/sheet%d.xml' % i).decode()
    for ref, attrs, body in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*?)(?<!/)>(.*?)</c>', xml):
        v = re.search(r'<v>(.*?)</v>', body)
        if not v:
            continue
        if 't="s"' in attrs:
            print('%s!%s=%s' % (name, ref, shared[int(v.group(1))]))
        else:
            print('%s!%s=n:%s' % (name, ref, v.group(1)))
assert len(set(n.lower() for n in names)) == len(names), 'duplicate sheet names'
PY
}

run_styr 0 report prognos s.db --occasion 2020-04-30 --format xlsx -o prognos.xlsx
cells prognos.xlsx >prognos.cells
expect_contains prognos.cells "Ekonomiskt resultat!A5=Intäkter"
expect_contains prognos.cells "Ekonomiskt resultat!B5=n:-34559"
expect_contains prognos.cells "Ekonomiskt resultat!C15=n:-1923"
expect_contains prognos.cells "=n:8508"
expect_contains prognos.cells "=n:30.7"
expect_contains prognos.cells "Mål!A4=Lekeberg"
expect_contains prognos.cells "Mål!G5=Uppnådd"
unzip -p prognos.xlsx xl/styles.xml | grep -q 'formatCode="#,##0"' ||
	fail "no thousands format in the workbook"

run_styr 0 report arsredovisning s.db --year 2024 --format xlsx -o ar.xlsx
cells ar.xlsx >ar.cells
expect_contains ar.cells "=n:-852"
expect_contains ar.cells "=n:-177"
expect_contains ar.cells "=n:2628"
expect_contains ar.cells "=n:8756"
expect_contains ar.cells "Nämndmål!C4=18 st"

run_styr 0 report mer-plan s.db --year 2023 --format xlsx -o mer.xlsx
cells mer.xlsx >mer.cells
expect_contains mer.cells "Investeringsbudget 2023!C5=n:519"
expect_contains mer.cells "Investeringsbudget 2023!E5=n:0.0125"
expect_contains mer.cells "=n:41391"

run_styr 0 report internkontroll s.db --year 2020 --format xlsx -o ik.xlsx
cells ik.xlsx >ik.cells
expect_contains ik.cells "Riskbedömningsmatris 2020!D6=n:2"
expect_contains ik.cells "Risker!E5=n:8"

for t in "delar --occasion 2020-07-31" "protokoll --meeting 2021-02-10" \
         "utdrag --meeting 2021-02-10 --paragraph 5"; do
	set -- $t
	run_styr 0 report $t s.db --format xlsx -o "$1.xlsx"
	cells "$1.xlsx" >"$1.cells"
done
expect_contains delar.cells "=n:5227"
expect_contains protokoll.cells "Anslag i medlemskommunerna!A4=Lekeberg"

# The workbook's creation time is the document's date (the prognosis was
# decided 2020-05-19), as in the PDF and the DOCX, so the same data gives
# the same bytes: libxlsxwriter took the system's time to the second.
run_styr 0 report prognos s.db --occasion 2020-04-30 --format xlsx -o again1.xlsx
sleep 1.1
run_styr 0 report prognos s.db --occasion 2020-04-30 --format xlsx -o again2.xlsx
cmp -s again1.xlsx again2.xlsx || fail "the XLSX is not reproducible"
python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode())' \
	again1.xlsx >core.xml
expect_contains core.xml '<dcterms:created xsi:type="dcterms:W3CDTF">2020-05-19T00:00:00Z</dcterms:created>'
