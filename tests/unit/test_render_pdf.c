/*
** test_render_pdf.c — the PDF renderer makes a valid PDF that carries the
** document's text and figures: qpdf --check passes, pdftotext finds the
** headings, å ä ö and the figures of Prognosrapport 1-2020, a long table
** runs over several pages with its header row on each, and the outline,
** metadata and page footer are there; renders on several threads at once
** give the same bytes as one alone (each render measures into a memo of
** its own), and the memo gives what a fresh layout gives; a chart as a
** PNG for the DOCX is a valid PNG; pdf_finish makes a file in qpdf's
** layout a PDF/A-2b and refuses one not of the shape it reads. Needs qpdf,
** poppler-utils and python3 (tests/e2e/pdfa_check.py).
*/
#include <pthread.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/strbuf.h"
#include "doc/doc.h"
#include "doc/pdf_layout.h"
#include "doc/render_pdf.h"
#include "testutil.h"

static char pdf_path[256], pdf2_path[256];
static struct strbuf pdf = STRBUF_INIT;

#define TKR(x) ((int64_t)(x) * 100000)

/* "Ekonomiskt resultat" of Prognosrapport 1-2020 (tkr): budget, outcome
** to 2020-04-30, full-year forecast, deviation. */
static const struct {
	const char *line;
	int budget, outcome, forecast, deviation;
} result_2020_04[] = {
	{ "Intäkter", -34559, -11539, -34611, 52 },
	{ "Personalkostnader", 12337, 3321, 11336, 1001 },
	{ "Datorer & basutrustning", 200, 16, 200, 0 },
	{ "Datakommunikation", 2380, 338, 2380, 0 },
	{ "Licenser & serviceavtal", 6000, 1037, 6400, -400 },
	{ "Övrigt tjänsteköp", 1015, 1041, 2276, -1261 },
	{ "Resor & kurser", 230, 67, 230, 0 },
	{ "Lokalhyror", 349, 126, 349, 0 },
	{ "Övriga kostnader", 320, 63, 320, 0 },
	{ "Kapitalkostnader", 11728, 3607, 11120, 608 },
};

/* The document: title page, TOC, headings, text, a list, the result table,
** a long table, a chart and a risk matrix. */
static struct doc *sample(void)
{
	struct doc *d = doc_new("Prognosrapport 1-2020");
	struct date date = { 2020, 5, 19 };
	static const char *const head[] = { "", "Budget", "Utfall 200430",
	                                    "Årsprognos", "Avvikelse" };
	static const char *const long_head[] = { "Löpnummer", "Konto",
	                                         "Beskrivning", "Belopp" };
	static const char *const years[] = { "2018", "2019", "2020" };
	static const char *const prob[] = { "Osannolik", "Mindre sannolik", "Möjlig", "Sannolik" };
	static const char *const cons[] = { "Försumbar", "Lindrig", "Kännbar", "Allvarlig" };
	const int64_t sick[] = { 504, 606, 672 };
	struct doc_riskmatrix *m;
	int64_t sum[4] = { 0 };

	doc_set_subtitle(d, "Sydnärkes IT-nämnd, per 2020-04-30");
	doc_set_committee(d, "Sydnärkes IT-nämnd");
	doc_set_date(d, date);
	d->title_page = true;
	d->toc = true;

	doc_heading(d, 1, "Inledning");
	doc_para(d, "Sydnärkes IT-förvaltning gör till och med 30 april ett "
	            "överskott på 1 923 tkr. Detta beror främst på att många "
	            "licenskostnader kommer senare under året samt att "
	            "kapitalkostnaderna är lägre för perioden.");
	doc_heading(d, 1, "Mål och indikatorer");
	doc_table_begin(d, "Indikatorer", 4);
	doc_header_row(d, (const char *const[]){ "Indikator", "Nuvärde", "Prognos", "Målvärde" });
	doc_row_begin(d, 0);
	doc_cell_text(d, "Sjukfrånvaro");
	doc_cell_percent(d, 672, 2);
	doc_cell_percent(d, 4, 0);
	doc_cell_text(d, "Minska från 5%");
	doc_row_begin(d, 0);
	doc_cell_text(d, "Nämnderna och styrelsen håller sin budgetram");
	doc_cell_tkr(d, TKR(1923));
	doc_cell_tkr(d, 0);
	doc_cell_verdict(d, DOC_VERDICT_MET, NULL);
	doc_table_end(d);
	doc_list_begin(d, false);
	doc_list_item(d, "Förändringsstopp i de tekniska miljöerna under våren.");
	doc_list_item(d, "Införande av e-tjänsteplattformen OpenE.");
	doc_chart_begin(d, DOC_CHART_LINE, "Sjukfrånvaro", "%", 2, years, 3);
	doc_chart_series(d, "Sjukfrånvaro", sick, NULL);
	doc_chart_series(d, "Målvärde", (const int64_t[]){ 0, 500, 400 },
	                 (const bool[]){ false, true, true }); /* a gap */

	doc_heading(d, 1, "Ekonomisk rapport");
	doc_heading(d, 2, "Ekonomiskt resultat");
	doc_table_begin(d, "Ekonomiskt resultat", 5);
	doc_table_note(d, "Belopp i tkr");
	doc_header_row(d, head);
	for(size_t i = 0; i < sizeof(result_2020_04) / sizeof(result_2020_04[0]); i++) {
		doc_row_begin(d, 0);
		doc_cell_text(d, result_2020_04[i].line);
		doc_cell_tkr(d, TKR(result_2020_04[i].budget));
		doc_cell_tkr(d, TKR(result_2020_04[i].outcome));
		doc_cell_tkr(d, TKR(result_2020_04[i].forecast));
		doc_cell_tkr(d, TKR(result_2020_04[i].deviation));
		sum[0] += result_2020_04[i].budget;
		sum[1] += result_2020_04[i].outcome;
		sum[2] += result_2020_04[i].forecast;
		sum[3] += result_2020_04[i].deviation;
	}
	doc_row_begin(d, DOC_ROW_TOTAL);
	doc_cell_text(d, "Summa");
	for(int k = 0; k < 4; k++)
		doc_cell_tkr(d, TKR(sum[k]));
	doc_table_end(d);

	/* A table long enough for three pages; the rows are numbered so the
	** test can tell where each page starts. */
	doc_heading(d, 2, "Huvudbok");
	doc_table_begin(d, "Verifikationer", 4);
	doc_header_row(d, long_head);
	for(int i = 1; i <= 150; i++) {
		doc_row_begin(d, 0);
		doc_cell_textf(d, "Ver %03d", i);
		doc_cell_int(d, 4000 + i, NULL);
		doc_cell_text(d, "Licenser och serviceavtal, årsavgift för kontorsprogram");
		doc_cell_tkr(d, TKR(i));
	}
	doc_table_end(d);

	doc_heading(d, 1, "Intern kontroll");
	m = doc_riskmatrix(d, "Riskbedömningsmatris", "Sannolikhet", prob, 4, "Konsekvens", cons, 4);
	for(int pi = 0; pi < 4; pi++)
		for(int ci = 0; ci < 4; ci++) {
			int v = (pi + 1) * (ci + 1);
			m->colour[pi][ci] = v <= 3 ? 0x4caf50 : v <= 8 ? 0xffeb3b : 0xe53935;
		}
	m->count[2][3] = 2;
	return d;
}

/* A document without title page or TOC, in the shape of a protocol:
** term/definition pairs, a numbered list, a long paragraph that has to
** break across pages, a table with two header rows, a span, a group row
** and every verdict level, and a bar chart with negative bars: the
** split of the 2020 deficit and the 2024 surplus among the members (tkr). */
static struct doc *sample2(void)
{
	struct doc *d = doc_new("Protokoll");
	struct date date = { 2021, 2, 10 };
	static const char *const members[] = { "Lekeberg", "Laxå", "Askersund", "Hallsberg" };
	const int64_t split2020[] = { 163, 113, 227, 320 };
	const int64_t split2024[] = { -177, -113, -233, -329 };
	struct strbuf long_text = STRBUF_INIT;

	doc_set_subtitle(d, "Sydnärkes IT-nämnd, sammanträde 2021-02-10");
	doc_set_committee(d, "Sydnärkes IT-nämnd");
	doc_set_date(d, date);
	doc_set_page_text(d, "Sydnärkes IT-nämnd", "Sydnärkes IT-nämnd – protokoll 2021-02-10");
	doc_deflist_begin(d);
	doc_deflist_item(d, "Tid", "13:00-13:45");
	doc_deflist_item(d, "Plats", "Kommunhuset, Hallsberg/Digitalt");
	doc_deflist_item(d, "Beslutande ledamöter",
	                 "Magnus Andersson (S) (ordförande)\nBo Rudolfsson (KD) (vice ordförande)\n"
	                 "Caroline Dieker (M)\nJohan Niklasson (C)");
	doc_heading_plain(d, 1, "Ärendelista");
	doc_list_begin(d, true);
	doc_list_item(d, "Val av justerare");
	doc_list_item(d, "Förvaltningschefen informerar");
	doc_list_item(d, "Årsredovisning 2020 för Sydnärkes IT-nämnd");
	doc_heading_plain(d, 1, "§3 Årsredovisning 2020 för Sydnärkes IT-nämnd");
	for(int i = 0; i < 40; i++)
		strbuf_addstr(&long_text, "Årets resultat för Sydnärkes IT-nämnd visar ett "
		              "underskott med 823 tkr vilket främst beror på ett "
		              "avgångsvederlag vilket minskat det tidigare överskottet på "
		              "personalkostnaderna. ");
	strbuf_addstr(&long_text, "Slut.");
	doc_para(d, long_text.buf);
	/* Numbers with group spaces, at every position of a line end. */
	strbuf_reset(&long_text);
	for(int i = 0; i < 120; i++)
		strbuf_addstr(&long_text, i % 7 ? "1 923 tkr, " : "6,72 % och ");
	doc_para(d, long_text.buf);

	doc_table_begin(d, "Fördelning av över-/underskott", 3);
	doc_row_begin(d, DOC_ROW_HEADER);
	doc_cell_text(d, "Kommun");
	doc_cell_text(d, "Andel av resultatet");
	doc_cell_span(d, 2);
	doc_row_begin(d, DOC_ROW_HEADER);
	doc_cell_empty(d);
	doc_cell_text(d, "2020");
	doc_cell_text(d, "2024");
	doc_row_begin(d, DOC_ROW_GROUP);
	doc_cell_text(d, "Medlemskommuner");
	doc_cell_span(d, 3);
	for(int i = 0; i < 4; i++) {
		doc_row_begin(d, 0);
		doc_cell_text(d, members[i]);
		doc_cell_tkr(d, TKR(split2020[i]));
		doc_cell_tkr(d, TKR(split2024[i]));
	}
	doc_row_begin(d, DOC_ROW_TOTAL);
	doc_cell_text(d, "Summa");
	doc_cell_tkr(d, TKR(823));
	doc_cell_tkr(d, TKR(-852));
	doc_table_end(d);

	/* Too wide for the page at body size: set small, numbers whole. */
	doc_table_begin(d, "Utfall per månad", 13);
	doc_row_begin(d, DOC_ROW_HEADER);
	doc_cell_text(d, "Rad");
	for(int m = 1; m <= 12; m++)
		doc_cell_textf(d, "Månad %d", m);
	doc_row_begin(d, 0);
	doc_cell_text(d, "Intäkter");
	for(int m = 1; m <= 12; m++)
		doc_cell_tkr(d, TKR(-34559));
	doc_table_end(d);

	/* Weights that would squeeze a date below its width. */
	doc_table_begin(d, "Uppföljning", 4);
	doc_table_weights(d, (const unsigned[]){ 3, 1, 1, 8 });
	doc_header_row(d, (const char *const[]){ "Uppföljning", "Slutdatum", "Status", "Kommentar" });
	doc_row_begin(d, 0);
	doc_cell_text(d, "Sammanställning tillfälle 1");
	doc_cell_date(d, (struct date){ 2020, 4, 30 });
	doc_cell_verdict(d, DOC_VERDICT_MET, "Inga avvikelser");
	doc_cell_text(d, "Vid uppföljningstillfället fanns fem pågående uppdrag och ett avslutat uppdrag.");
	doc_table_end(d);

	/* A row taller than a page: its text goes on over two page breaks. */
	doc_table_begin(d, "Kommentarer", 3);
	doc_header_row(d, (const char *const[]){ "Risk", "Kommentar", "Värde" });
	doc_row_begin(d, 0);
	doc_cell_text(d, "Inköp enligt ramavtal följs inte");
	strbuf_reset(&long_text);
	for(int i = 0; i < 150; i++)
		strbuf_addstr(&long_text, "Fem leverantörsfakturor är slumpmässigt utvalda och "
		              "avstämda mot avtal. ");
	strbuf_addstr(&long_text, "Slut på cellen.");
	doc_cell_text(d, long_text.buf);
	doc_cell_int(d, 8, NULL);
	doc_table_end(d);

	doc_table_begin(d, "Bedömningar", 2);
	doc_header_row(d, (const char *const[]){ "Nivå", "Bedömning" });
	for(int v = DOC_VERDICT_NONE; v <= DOC_VERDICT_NOT_MET; v++) {
		doc_row_begin(d, 0);
		doc_cell_int(d, v, NULL);
		doc_cell_verdict(d, (enum doc_verdict)v, NULL);
	}
	doc_table_end(d);
	strbuf_release(&long_text);
	doc_pagebreak(d);
	doc_chart_begin(d, DOC_CHART_BAR, "Fördelning per kommun", "tkr", 0, members, 4);
	doc_chart_series(d, "2020", split2020, NULL);
	doc_chart_series(d, "2024", split2024, NULL);
	return d;
}

/* Render d, appending to buf, and write what was appended to path. */
static int write_pdf(struct doc *d, const char *path, struct strbuf *buf)
{
	size_t start = buf->len;
	struct styr_error err;
	FILE *f;
	if(render_pdf(d, buf, &err) != STYR_OK) {
		fprintf(stderr, "render_pdf: %s\n", err.msg);
		doc_free(d);
		return -1;
	}
	doc_free(d);
	f = fopen(path, "wb");
	if(!f)
		return -1;
	fwrite(buf->buf + start, 1, buf->len - start, f);
	return fclose(f);
}

/* Run a shell command; its standard output into out (may be NULL). */
static int run(const char *cmd, struct strbuf *out)
{
	FILE *f = popen(cmd, "r");
	char buf[4096];
	size_t n;
	assert_non_null(f);
	while((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if(out)
			strbuf_add(out, buf, n);
	return pclose(f);
}

static void file_page_text(const char *path, int page, struct strbuf *out)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "pdftotext -layout -f %d -l %d %s -", page, page, path);
	strbuf_reset(out);
	assert_int_equal(run(cmd, out), 0);
}

static void page_text(int page, struct strbuf *out)
{
	file_page_text(pdf_path, page, out);
}

static int setup(void **state)
{
	struct strbuf buf2 = STRBUF_INIT;
	int rc;
	if(testutil_setup(state))
		return -1;
	snprintf(pdf_path, sizeof(pdf_path), "%s/sample.pdf", testutil_dir);
	snprintf(pdf2_path, sizeof(pdf2_path), "%s/protokoll.pdf", testutil_dir);
	/* Appended after other bytes: the renderer appends, never assumes
	** an empty buffer. */
	strbuf_addstr(&buf2, "prefix");
	rc = write_pdf(sample(), pdf_path, &pdf);
	if(!rc)
		rc = write_pdf(sample2(), pdf2_path, &buf2);
	strbuf_release(&buf2);
	return rc;
}

static int teardown(void **state)
{
	strbuf_release(&pdf);
	if(getenv("STYR_KEEP_PDF"))
		return 0; /* for looking at it: pdftoppm -png -r 60 */
	return testutil_teardown(state);
}

/* pdfinfo's output has the line "key:   value". */
static bool info_is(const struct strbuf *info, const char *key, const char *value)
{
	size_t kn = strlen(key);
	for(const char *s = info->buf; s && *s; s = strchr(s, '\n'), s = s ? s + 1 : s) {
		if(strncmp(s, key, kn) || s[kn] != ':')
			continue;
		s += kn + 1;
		s += strspn(s, " ");
		return !strncmp(s, value, strlen(value)) && s[strlen(value)] == '\n';
	}
	return false;
}

static void test_valid_pdf(void **state)
{
	char cmd[512];
	(void)state;
	assert_true(pdf.len > 1000);
	assert_memory_equal(pdf.buf, "%PDF-", 5);
	snprintf(cmd, sizeof(cmd), "qpdf --check %s >/dev/null 2>&1", pdf_path);
	assert_int_equal(system(cmd), 0);
}

static void test_text_and_figures(void **state)
{
	struct strbuf out = STRBUF_INIT;
	char cmd[512];
	(void)state;
	snprintf(cmd, sizeof(cmd), "pdftotext %s -", pdf_path);
	assert_int_equal(run(cmd, &out), 0);
	assert_non_null(strstr(out.buf, "Prognosrapport 1-2020"));
	assert_non_null(strstr(out.buf, "1 923"));
	assert_non_null(strstr(out.buf, "Sjukfrånvaro"));
	assert_non_null(strstr(out.buf, "6,72 %"));
	assert_non_null(strstr(out.buf, "Målvärde"));  /* chart legend */
	assert_non_null(strstr(out.buf, "överskott"));
	assert_non_null(strstr(out.buf, "Övrigt tjänsteköp"));
	assert_non_null(strstr(out.buf, "Årsprognos"));
	assert_non_null(strstr(out.buf, "-34 559"));  /* Intäkter, budget */
	assert_non_null(strstr(out.buf, "-1 923"));   /* Summa, utfall */
	assert_non_null(strstr(out.buf, "3.2 Huvudbok")); /* numbered heading */
	assert_non_null(strstr(out.buf, "Uppnådd"));
	assert_non_null(strstr(out.buf, "Möjlig"));   /* risk matrix axis */
	assert_non_null(strstr(out.buf, "2 st"));     /* risks in one cell */
	assert_non_null(strstr(out.buf, "Innehåll"));
	strbuf_release(&out);
}

/* Every page the long table runs onto starts with its header row, and the
** table spans at least three pages. */
static void test_header_repeated(void **state)
{
	struct strbuf out = STRBUF_INIT, info = STRBUF_INIT;
	char cmd[512];
	const char *s;
	int pages, table_pages = 0;
	(void)state;
	snprintf(cmd, sizeof(cmd), "pdfinfo %s", pdf_path);
	assert_int_equal(run(cmd, &info), 0);
	s = strstr(info.buf, "Pages:");
	assert_non_null(s);
	pages = atoi(s + 6);
	assert_true(pages > 2);
	for(int pg = 1; pg <= pages; pg++) {
		page_text(pg, &out);
		if(!strstr(out.buf, "Ver "))
			continue;
		table_pages++;
		s = strstr(out.buf, "Löpnummer");
		assert_non_null(s);
		assert_true(s < strstr(out.buf, "Ver ")); /* above the rows */
	}
	assert_true(table_pages >= 3);
	strbuf_release(&out);
	strbuf_release(&info);
}

/* Footer "Sida N av M" with the right M, header with the committee, and
** the table of contents gives the page where a heading really is. */
static void test_page_furniture(void **state)
{
	struct strbuf out = STRBUF_INIT, info = STRBUF_INIT, want = STRBUF_INIT;
	char cmd[512];
	const char *s;
	int pages, toc_page = 0, real_page = 0;
	(void)state;
	snprintf(cmd, sizeof(cmd), "pdfinfo %s", pdf_path);
	assert_int_equal(run(cmd, &info), 0);
	pages = atoi(strstr(info.buf, "Pages:") + 6);
	assert_true(info_is(&info, "Title", "Prognosrapport 1-2020"));
	assert_true(info_is(&info, "Author", "Sydnärkes IT-nämnd"));
	assert_true(info_is(&info, "Creator", "styr"));
	assert_true(info_is(&info, "Tagged", "yes"));

	page_text(2, &out);
	strbuf_addf(&want, "Sida 2 av %d", pages);
	assert_non_null(strstr(out.buf, want.buf));
	assert_non_null(strstr(out.buf, "Sydnärkes IT-nämnd"));
	assert_non_null(strstr(out.buf, "2020-05-19"));
	/* TOC line "4 Intern kontroll ..... N" */
	s = strstr(out.buf, "4 Intern kontroll");
	assert_non_null(s);
	s += strlen("4 Intern kontroll");
	toc_page = (int)strtol(s + strspn(s, " ."), NULL, 10);
	for(int pg = 3; pg <= pages; pg++) {
		page_text(pg, &out);
		if(strstr(out.buf, "4 Intern kontroll")) {
			real_page = pg;
			break;
		}
	}
	assert_int_equal(toc_page, real_page);

	page_text(pages, &out);
	strbuf_reset(&want);
	strbuf_addf(&want, "Sida %d av %d", pages, pages);
	assert_non_null(strstr(out.buf, want.buf));
	strbuf_release(&out);
	strbuf_release(&info);
	strbuf_release(&want);
}

/* The outline (bookmarks) holds the headings; the TOC links to them. */
static void test_outline(void **state)
{
	struct strbuf out = STRBUF_INIT;
	char cmd[512];
	(void)state;
	snprintf(cmd, sizeof(cmd), "qpdf --json --json-key=outlines %s", pdf_path);
	assert_int_equal(run(cmd, &out), 0);
	assert_non_null(strstr(out.buf, "1  Inledning"));
	assert_non_null(strstr(out.buf, "3.1  Ekonomiskt resultat"));
	/* Each of the six entries of the table of contents is a link. */
	strbuf_reset(&out);
	snprintf(cmd, sizeof(cmd),
	         "qpdf --qdf --object-streams=disable %s - | grep -a -c '/Subtype /Link'", pdf_path);
	run(cmd, &out);
	assert_int_equal(atoi(out.buf), 6);
	strbuf_release(&out);
}

/* Every word of path lies inside the page margins, and no body text
** runs into the footer (pdftotext -bbox gives each word's box). */
static void check_inside(const char *path)
{
	struct strbuf out = STRBUF_INIT;
	char cmd[512];
	const double W = 595.276, margin = 56.693, body_bot = 841.89 - 22 * 72 / 25.4,
	             foot_top = 841.89 - 16 * 72 / 25.4, tol = 2.0;
	int words = 0;
	snprintf(cmd, sizeof(cmd), "pdftotext -bbox %s -", path);
	assert_int_equal(run(cmd, &out), 0);
	for(const char *s = out.buf; (s = strstr(s, "<word xMin=\"")) != NULL; s++) {
		double x0, y0, x1, y1;
		assert_int_equal(sscanf(s, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
		                        &x0, &y0, &x1, &y1), 4);
		if(x0 < margin - tol || x1 > W - margin + tol ||
		   (y1 > body_bot + tol && y0 < foot_top - tol))
			fail_msg("%s: word outside the text area: %.60s", path, s);
		words++;
	}
	assert_true(words > 100);
	strbuf_release(&out);
}

static void test_inside_margins(void **state)
{
	(void)state;
	check_inside(pdf_path);
	check_inside(pdf2_path);
}

/* The protocol-shaped document: valid, tagged, everything in its text,
** the long paragraph whole across the page break, the chart's figures. */
static void test_without_title_page(void **state)
{
	struct strbuf out = STRBUF_INIT, info = STRBUF_INIT;
	char cmd[512];
	int pages;
	(void)state;
	snprintf(cmd, sizeof(cmd), "qpdf --check %s >/dev/null 2>&1", pdf2_path);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof(cmd), "pdfinfo %s", pdf2_path);
	assert_int_equal(run(cmd, &info), 0);
	assert_true(info_is(&info, "Tagged", "yes"));
	pages = atoi(strstr(info.buf, "Pages:") + 6);
	assert_true(pages >= 3);

	file_page_text(pdf2_path, 1, &out);
	assert_non_null(strstr(out.buf, "Protokoll"));
	assert_non_null(strstr(out.buf, "Beslutande ledamöter"));
	assert_non_null(strstr(out.buf, "Johan Niklasson (C)"));
	assert_non_null(strstr(out.buf, "1. Val av justerare"));
	assert_non_null(strstr(out.buf, "Sida 1 av"));
	assert_non_null(strstr(out.buf, "2021-02-10"));

	snprintf(cmd, sizeof(cmd), "pdftotext %s -", pdf2_path);
	strbuf_reset(&out);
	assert_int_equal(run(cmd, &out), 0);
	assert_non_null(strstr(out.buf, "personalkostnaderna. Slut."));
	/* A number never breaks at its group space or before its "%". */
	assert_non_null(strstr(out.buf, "1 923 tkr"));
	assert_null(strstr(out.buf, " 1\n923"));
	assert_null(strstr(out.buf, "6,72\n%"));
	assert_non_null(strstr(out.buf, "Andel av resultatet"));
	assert_non_null(strstr(out.buf, "Medlemskommuner"));
	assert_non_null(strstr(out.buf, "-852"));
	assert_non_null(strstr(out.buf, "Utfall per månad"));
	assert_non_null(strstr(out.buf, "2020-04-30")); /* weights yield to a date */
	assert_non_null(strstr(out.buf, "Slut på cellen."));   /* a split row */
	assert_non_null(strstr(out.buf, "-34 559"));
	assert_non_null(strstr(out.buf, "Delvis uppnådd"));
	assert_non_null(strstr(out.buf, "Ej uppnådd"));
	assert_non_null(strstr(out.buf, "Saknar värde"));

	/* The chart is alone on the last page (page break before it). */
	file_page_text(pdf2_path, pages, &out);
	assert_non_null(strstr(out.buf, "Fördelning per kommun"));
	assert_non_null(strstr(out.buf, "-329"));
	assert_non_null(strstr(out.buf, "320"));
	assert_non_null(strstr(out.buf, "Hallsberg"));
	assert_null(strstr(out.buf, "Bedömning"));
	strbuf_release(&out);
	strbuf_release(&info);
}


/* Crowded value labels: none overlaps another (pdftotext -bbox), and the
** ones dropped are said in a values table under the chart. */
static void test_chart_labels(void **state)
{
	char path[300], cmd[600];
	struct strbuf buf = STRBUF_INIT, out = STRBUF_INIT;
	const char *labels[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L" };
	int64_t s1[12], s2[12], s3[12];
	(void)state;
	for(int i = 0; i < 12; i++) {
		s1[i] = 13373 + i;
		s2[i] = 13365 + i;
		s3[i] = 13370 - i;
	}
	struct doc *d = doc_new("Diagram");
	doc_chart_begin(d, DOC_CHART_BAR, "Trångt", "tkr", 0, labels, 12);
	doc_chart_series(d, "Ett", s1, NULL);
	doc_chart_series(d, "Två", s2, NULL);
	doc_chart_series(d, "Tre", s3, NULL);
	snprintf(path, sizeof(path), "%s/labels.pdf", testutil_dir);
	assert_int_equal(write_pdf(d, path, &buf), 0);
	snprintf(cmd, sizeof(cmd), "pdftotext %s -", path);
	assert_int_equal(run(cmd, &out), 0);
	assert_non_null(strstr(out.buf, "Diagrammets värden"));
	assert_non_null(strstr(out.buf, "13 384"));   /* Ett, L */
	/* no two words of the first page overlap */
	strbuf_reset(&out);
	snprintf(cmd, sizeof(cmd),
	         "pdftotext -bbox -f 1 -l 1 %s - | awk -F'\"' '/<word / { x0[n] = $2; y0[n] = $4; "
	         "x1[n] = $6; y1[n] = $8; n++ } END { for(i = 0; i < n; i++) for(j = i + 1; j < n; j++) "
	         "if(x0[i] < x1[j] - 0.5 && x0[j] < x1[i] - 0.5 && y0[i] < y1[j] - 0.5 && "
	         "y0[j] < y1[i] - 0.5) bad++; print bad + 0 }'", path);
	assert_int_equal(run(cmd, &out), 0);
	assert_int_equal(atoi(out.buf), 0);
	strbuf_release(&out);
	strbuf_release(&buf);
}

/* Renders of the same document on four threads at once: the bytes of a
** render alone. The layout memo is per render, so nothing one render
** measures can reach another. */
struct render_job {
	struct doc *d;
	struct strbuf out;
	enum styr_rc rc;
};

static void *render_thread(void *arg)
{
	struct render_job *j = arg;
	struct styr_error err = { 0 };
	for(int i = 0; i < 2 && !j->rc; i++) {
		strbuf_reset(&j->out);
		j->rc = render_pdf(j->d, &j->out, &err);
	}
	return NULL;
}

static void test_threads_same_bytes(void **state)
{
	struct render_job job[4];
	pthread_t th[4];
	(void)state;
	for(int i = 0; i < 4; i++) {
		job[i].d = i % 2 ? sample2() : sample();
		strbuf_init(&job[i].out);
		job[i].rc = STYR_OK;
		assert_int_equal(pthread_create(&th[i], NULL, render_thread, &job[i]), 0);
	}
	for(int i = 0; i < 4; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	for(int i = 0; i < 4; i++) {
		assert_int_equal(job[i].rc, STYR_OK);
		if(i % 2 == 0) {
			assert_int_equal(job[i].out.len, pdf.len);
			assert_memory_equal(job[i].out.buf, pdf.buf, pdf.len);
		} else {
			assert_int_equal(job[i].out.len, job[1].out.len);
			assert_memory_equal(job[i].out.buf, job[1].out.buf, job[1].out.len);
		}
	}
	for(int i = 0; i < 4; i++) {
		doc_free(job[i].d);
		strbuf_release(&job[i].out);
	}
}

/* The memo hands out one layout per text, style, width, alignment and
** options, and measures what a layout of its own measures. */
static void test_memo(void **state)
{
	PangoFontMap *fonts = pango_cairo_font_map_new();
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	struct pdf_memo *memo = pdf_memo_new(fonts, s);
	struct pdf p, q;
	PangoLayout *a, *b, *c, *e, *f;
	double w;
	(void)state;

	pdf_init(&p, s, NULL, PDF_PASS_MEASURE, memo);
	pdf_init(&q, s, fonts, PDF_PASS_MEASURE, NULL);
	a = pdf_text(&p, "Årsprognos 1 923 tkr", PDF_BODY, 80, PANGO_ALIGN_LEFT);
	b = pdf_text(&p, "Årsprognos 1 923 tkr", PDF_BODY, 80, PANGO_ALIGN_LEFT);
	c = pdf_text(&p, "Årsprognos 1 923 tkr", PDF_BODY, 81, PANGO_ALIGN_LEFT);
	e = pdf_text_ex(&p, "Årsprognos 1 923 tkr", PDF_BODY, 80, PANGO_ALIGN_LEFT,
	                PDF_TEXT_SPACED);
	assert_ptr_equal(a, b);
	assert_ptr_not_equal(a, c);
	assert_ptr_not_equal(a, e);
	assert_int_equal(pango_layout_get_spacing(a), 0);
	assert_int_equal(pango_layout_get_spacing(e), 2 * PANGO_SCALE);
	/* a width is what a layout of the text on one line measures */
	f = pdf_text(&q, "Licenser & serviceavtal", PDF_BOLD, -1, PANGO_ALIGN_LEFT);
	pdf_text_size(f, &w, NULL);
	assert_true(w > 50);
	assert_true(pdf_text_width(&p, "Licenser & serviceavtal", PDF_BOLD) == w);
	assert_true(pdf_text_width(&p, "Licenser & serviceavtal", PDF_BOLD) == w);
	assert_true(pdf_text_width(&q, "Licenser & serviceavtal", PDF_BOLD) == w);
	assert_true(pdf_text_width(&p, "Licenser & serviceavtal", PDF_BODY) < w);
	/* a word with hyphenation points has pieces narrower than itself; a
	** word of five letters is never hyphenated (PDF_HYPHEN_MIN) */
	assert_true(pdf_piece_width(&p, "serviceavtal", PDF_BODY) <
	            pdf_text_width(&p, "serviceavtal", PDF_BODY));
	assert_true(pdf_piece_width(&p, "serviceavtal", PDF_BODY) ==
	            pdf_piece_width(&q, "serviceavtal", PDF_BODY));
	assert_true(pdf_piece_width(&p, "avtal", PDF_BODY) ==
	            pdf_text_width(&p, "avtal", PDF_BODY));
	g_object_unref(a);
	g_object_unref(b);
	g_object_unref(c);
	g_object_unref(e);
	g_object_unref(f);
	pdf_release(&p);
	pdf_release(&q);
	pdf_memo_free(memo);
	cairo_surface_destroy(s);
	g_object_unref(fonts);
}

/* A chart as a PNG for the DOCX (pdf_chart_png, a PNG writer of its
** own): a valid PNG (libpng checks every chunk's CRC and the deflate
** stream when cairo reads it back) of the size asked for, white where
** nothing is drawn, with the bars' colours where they are. */
struct png_reader {
	const struct strbuf *png;
	size_t at;
};

static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int len)
{
	struct png_reader *r = closure;
	if(r->at + len > r->png->len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->png->buf + r->at, len);
	r->at += len;
	return CAIRO_STATUS_SUCCESS;
}

static void test_chart_png(void **state)
{
	static const char *const members[] = { "Askersund", "Hallsberg", "Laxå", "Lekeberg" };
	struct doc *d = doc_new("Diagram");
	struct strbuf png = STRBUF_INIT;
	struct png_reader r = { &png, 0 };
	cairo_surface_t *img;
	const struct doc_chart *c;
	double w, h;
	size_t coloured = 0;
	(void)state;

	doc_chart_begin(d, DOC_CHART_BAR, "Fördelning per kommun", "tkr", 0, members, 4);
	doc_chart_series(d, "2020", (const int64_t[]){ 227, 189, 98, 121 }, NULL);
	c = &d->blocks[d->nblocks - 1].u.chart;
	assert_true(pdf_chart_png(c, 2.0, &png, &w, &h));
	assert_memory_equal(png.buf, "\x89PNG\r\n\x1a\n", 8);
	img = cairo_image_surface_create_from_png_stream(read_png, &r);
	assert_int_equal(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
	assert_int_equal(r.at, png.len); /* nothing after IEND */
	assert_int_equal(cairo_image_surface_get_width(img), (int)(w * 2.0) + 1);
	assert_int_equal(cairo_image_surface_get_height(img), (int)(h * 2.0) + 1);
	{
		const unsigned char *px = cairo_image_surface_get_data(img);
		int stride = cairo_image_surface_get_stride(img);
		int iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
		/* the top left corner is background */
		assert_int_equal(((const uint32_t *)px)[0] & 0xffffff, 0xffffff);
		for(int y = 0; y < ih; y++)
			for(int x = 0; x < iw; x++) {
				uint32_t v = ((const uint32_t *)(px + (size_t)y * (size_t)stride))[x];
				int rr = (v >> 16) & 0xff, gg = (v >> 8) & 0xff, bb = v & 0xff;
				coloured += abs(rr - gg) > 40 || abs(gg - bb) > 40;
			}
	}
	assert_true(coloured > 1000); /* the bars */
	cairo_surface_destroy(img);
	strbuf_release(&png);
	doc_free(d);
}

/* A PDF in qpdf's layout of the objects objs (object k + 1 is objs[k]),
** its trailer with extra's entries after /Size, into sb. */
static void hand_made(struct strbuf *sb, const char *const *objs, size_t n, const char *extra)
{
	size_t off[16], xref, base = sb->len;
	assert_true(n < 16);
	strbuf_addstr(sb, "%PDF-1.5\n%\xbf\xf7\xa2\xfe\n");
	for(size_t k = 0; k < n; k++) {
		off[k] = sb->len - base;
		strbuf_addf(sb, "%zu 0 obj\n%s\nendobj\n", k + 1, objs[k]);
	}
	xref = sb->len - base;
	strbuf_addf(sb, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for(size_t k = 0; k < n; k++)
		strbuf_addf(sb, "%010zu 00000 n \n", off[k]);
	strbuf_addf(sb, "trailer << /Size %zu %s >>\nstartxref\n%zu\n%%%%EOF\n", n + 1, extra, xref);
}

static const char *const small_pdf[] = {
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Count 1 /Kids [ 3 0 R ] /Type /Pages >>",
	"<< /Annots [ 4 0 R 5 0 R ] /Contents 6 0 R /MediaBox [ 0 0 200 200 ] /Parent 2 0 R "
	"/Resources << >> /Type /Page >>",
	"<< /Border [ 0 0 0 ] /F 0 /Rect [ 0 0 10 10 ] /Subtype /Link /Type /Annot >>",
	"<< /F 4 /Rect [ 10 10 20 20 ] /Subtype /Link /Type /Annot >>",
	"<< /Length 0 >>\nstream\n\nendstream",
	/* PDFDocEncoding with escapes, UTF-16BE in hex, dates with and without "D:" */
	"<< /CreationDate (D:20210210000000) /ModDate (20210218120000) /Producer <FEFF0073007400790072> "
	"/Subject (R\\344ksm\\366rg\\345s \\222) /Title (Protokoll \\(justerat\\)) >>",
};
#define SMALL_TRAILER "/Info 7 0 R /Root 1 0 R /ID [<00112233445566778899aabbccddeeff>" \
                      "<00112233445566778899aabbccddeeff>]"

/* Whether what sb holds after byte from contains s (the update holds a
** deflated profile: bytes, not a string). */
/* Write file[start..] to NAME in the test folder (its path in path) and
** check it with qpdf and tests/e2e/pdfa_check.py. */
static void write_checked(const char *name, const struct strbuf *file, size_t start,
                          char *path, size_t pathsize)
{
	char cmd[1536];
	FILE *f;

	snprintf(path, pathsize, "%s/%s", testutil_dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(file->buf + start, 1, file->len - start, f);
	assert_int_equal(fclose(f), 0);
	snprintf(cmd, sizeof(cmd), "qpdf --check %s >/dev/null 2>&1 && python3 "
	         STYR_SOURCE_ROOT "/tests/e2e/pdfa_check.py %s", path, path);
	assert_int_equal(system(cmd), 0);
}

static bool appended(const struct strbuf *sb, size_t from, const char *s)
{
	size_t n = strlen(s);
	for(size_t i = from; i + n <= sb->len; i++)
		if(!memcmp(sb->buf + i, s, n))
			return true;
	return false;
}

/* pdf_finish on a PDF in qpdf's layout (a joined file's): the annotation
** that is not printable made so, the one that is left, the dates in PDF
** form, the title and the subject (PDFDocEncoding, escapes) carried into
** the XMP, the file's own
** first /ID kept; the whole passes qpdf --check and the PDF/A checks of
** e2e 5500, and the same bytes in give the same bytes out. */
static void test_finish_qpdf_layout(void **state)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	struct styr_error err;
	char path[256];
	size_t before;
	(void)state;

	strbuf_addstr(&a, "prefix");
	hand_made(&a, small_pdf, sizeof(small_pdf) / sizeof(*small_pdf), SMALL_TRAILER);
	strbuf_add(&b, a.buf, a.len);
	before = a.len;
	if(pdf_finish(&a, 6, "sv", &err))
		fail_msg("%s", err.msg);
	assert_int_equal(pdf_finish(&b, 6, "sv", &err), STYR_OK);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	assert_true(a.len > before);
	assert_true(appended(&a, before, "4 0 obj\n<< /Border [ 0 0 0 ] /Rect [ 0 0 10 10 ] "
	                                 "/Subtype /Link /Type /Annot /F 4 >>"));
	assert_false(appended(&a, before, "\n5 0 obj"));
	assert_true(appended(&a, before, "/CreationDate (D:20210210000000Z) "
	                                 "/ModDate (D:20210218120000Z)"));
	assert_true(appended(&a, before, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">"
	                                 "R\xc3\xa4ksm\xc3\xb6rg\xc3\xa5s \xe2\x84\xa2<"));
	assert_true(appended(&a, before, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
	                                 "Protokoll (justerat)<"));
	assert_true(appended(&a, before, "/ID [<00112233445566778899aabbccddeeff><"));

	write_checked("small.pdf", &a, 6, path, sizeof(path));
	strbuf_release(&a);
	strbuf_release(&b);
}

/* pdf_finish on f: fails with STYR_EIO, a message starting with
** "pdf: " and holding what, and the bytes unchanged. */
static void refused(const struct strbuf *f, const char *what)
{
	struct strbuf b = STRBUF_INIT;
	struct styr_error err;
	strbuf_addstr(&b, "prefix");
	strbuf_add(&b, f->buf, f->len);
	if(pdf_finish(&b, 6, "sv", &err) != STYR_EIO)
		fail_msg("finished, not refused: %s", what);
	if(strncmp(err.msg, "pdf: ", 5) || !strstr(err.msg, what))
		fail_msg("\"%s\" does not say \"%s\"", err.msg, what);
	assert_int_equal(b.len, f->len + 6);
	assert_memory_equal(b.buf + 6, f->buf, f->len);
	strbuf_release(&b);
}

/* A file that is not of the shape pdf_finish reads is refused with a
** message, never finished into a corrupt file: not a PDF, one finished
** already (an earlier update), a catalog that has a key it adds, an
** object not in the cross-reference table, an annotation inside the
** page's array, a startxref that points elsewhere; and every cut and
** every byte changed of a small PDF is either finished or refused. */
static void test_finish_refuses(void **state)
{
	struct strbuf f = STRBUF_INIT, g = STRBUF_INIT;
	struct styr_error err;
	const size_t n = sizeof(small_pdf) / sizeof(*small_pdf);
	const char *objs[16];
	char icc[512];
	(void)state;

	strbuf_addstr(&f, "Hello, this is not a PDF file at all.\n");
	refused(&f, "%%EOF");

	strbuf_reset(&f);
	hand_made(&f, small_pdf, n, SMALL_TRAILER);
	assert_int_equal(pdf_finish(&f, 0, "sv", &err), STYR_OK);
	refused(&f, "/Prev");

	memcpy(objs, small_pdf, sizeof(small_pdf));
	objs[0] = "<< /Type /Catalog /Pages 2 0 R /Lang (en) >>";
	strbuf_reset(&f);
	hand_made(&f, objs, n, SMALL_TRAILER);
	refused(&f, "the catalog already has /Lang");

	strbuf_reset(&f);
	hand_made(&f, small_pdf, n, "/Info 7 0 R /Root 9 0 R");
	refused(&f, "object 9 0 R is not in the cross-reference table");

	memcpy(objs, small_pdf, sizeof(small_pdf));
	objs[2] = "<< /Annots [ << /Subtype /Link /Rect [ 0 0 1 1 ] >> ] /MediaBox [ 0 0 200 200 ] "
	          "/Parent 2 0 R /Resources << >> /Type /Page >>";
	strbuf_reset(&f);
	hand_made(&f, objs, n, SMALL_TRAILER);
	refused(&f, "not an object of its own");

	strbuf_reset(&f);
	hand_made(&f, small_pdf, n, SMALL_TRAILER);
	strbuf_add(&g, f.buf, f.len);
	memcpy(strstr(g.buf, "startxref\n") + 10, "1", 1);
	refused(&g, "cross-reference table");

	/* every cut and every byte changed: finished or refused, the bytes
	** before untouched (a profile of a few bytes, to be quick) */
	snprintf(icc, sizeof(icc), "%s/tiny.icc", testutil_dir);
	FILE *p = fopen(icc, "wb");
	assert_non_null(p);
	fputs("not a profile", p);
	assert_int_equal(fclose(p), 0);
	setenv("STYR_SRGB_ICC", icc, 1);
	for(size_t cut = 0; cut <= f.len; cut++) {
		strbuf_reset(&g);
		strbuf_add(&g, f.buf, cut);
		if(pdf_finish(&g, 0, "sv", &err) == STYR_EIO)
			assert_int_equal(g.len, cut);
	}
	for(size_t at = 0; at < f.len; at++) {
		static const char bytes[] = { '\0', ' ', '0', '9', '<', '>', '(', ')', '/', '[', ']', 'R', '%', '\\' };
		for(size_t k = 0; k < sizeof(bytes); k++) {
			enum styr_rc rc;
			strbuf_reset(&g);
			strbuf_add(&g, f.buf, f.len);
			g.buf[at] = bytes[k];
			rc = pdf_finish(&g, 0, "sv", &err);
			assert_true(rc == STYR_OK || rc == STYR_EIO);
			assert_memory_equal(g.buf, f.buf, at);
			if(rc)
				assert_int_equal(g.len, f.len);
		}
	}
	unsetenv("STYR_SRGB_ICC");
	strbuf_release(&f);
	strbuf_release(&g);
}

/* pdf_join joins a document with a PDF whose annotation is inside its
** page's array and tagged (/StructParent), as other programs write them:
** the join makes it an object of its own without the tag, with a
** bookmark on the appended page, and pdf_finish finishes the whole as a
** PDF/A (what pdf_append does through the modules). */
static void test_join_finished(void **state)
{
	struct strbuf out = STRBUF_INIT, att = STRBUF_INIT, json = STRBUF_INIT;
	struct pdf_attachment a = { .title = "Bilaga 1" };
	const char *objs[16];
	struct styr_error err;
	struct doc *d = sample2();
	char path[256], cmd[1536];
	(void)state;

	memcpy(objs, small_pdf, sizeof(small_pdf));
	objs[2] = "<< /Annots [ << /F 2 /Rect [ 0 0 9 9 ] /StructParent 0 /Subtype /Link >> 4 0 R ] "
	          "/MediaBox [ 0 0 200 200 ] /Parent 2 0 R /Resources << >> /StructParents 1 "
	          "/Type /Page >>";
	hand_made(&att, objs, sizeof(small_pdf) / sizeof(*small_pdf), SMALL_TRAILER);
	a.data = att.buf;
	a.len = att.len;
	strbuf_addstr(&out, "prefix");
	assert_int_equal(render_pdf_raw(d, &out, &err), STYR_OK);
	if(pdf_join(&out, 6, &a, 1, &err) || pdf_finish(&out, 6, "sv", &err))
		fail_msg("%s", err.msg);
	write_checked("joined.pdf", &out, 6, path, sizeof(path));
	snprintf(cmd, sizeof(cmd), "qpdf --json=2 --json-key=outlines --json-key=qpdf %s", path);
	assert_int_equal(run(cmd, &json), 0);
	assert_non_null(strstr(json.buf, "\"title\": \"Bilaga 1\""));
	assert_null(strstr(json.buf, "/StructParent\": 0"));
	doc_free(d);
	strbuf_release(&out);
	strbuf_release(&att);
	strbuf_release(&json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_pdf),
		cmocka_unit_test(test_text_and_figures),
		cmocka_unit_test(test_header_repeated),
		cmocka_unit_test(test_page_furniture),
		cmocka_unit_test(test_outline),
		cmocka_unit_test(test_without_title_page),
		cmocka_unit_test(test_inside_margins),
		cmocka_unit_test(test_chart_labels),
		cmocka_unit_test(test_threads_same_bytes),
		cmocka_unit_test(test_memo),
		cmocka_unit_test(test_chart_png),
		cmocka_unit_test(test_finish_qpdf_layout),
		cmocka_unit_test(test_finish_refuses),
		cmocka_unit_test(test_join_finished),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
