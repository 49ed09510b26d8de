/*
** test_doc.c — the document model: heading numbers, typed cells shown the
** Swedish way, tables and charts owned by the doc; hyphenation at the
** points libhyphen finds with the same patterns.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hyphen.h>

#include "doc/doc.h"
#include "reports/report.h"

static void test_headings(void **state)
{
	(void)state;
	struct doc *d = doc_new("Delårsrapport 2020");
	assert_string_equal(doc_heading(d, 1, "Inledning")->number, "1");
	assert_string_equal(doc_heading(d, 1, "Mål")->number, "2");
	assert_string_equal(doc_heading(d, 2, "Nämndmål")->number, "2.1");
	assert_string_equal(doc_heading(d, 3, "Indikator")->number, "2.1.1");
	assert_string_equal(doc_heading(d, 2, "Nästa")->number, "2.2");
	assert_string_equal(doc_heading(d, 1, "Ekonomi")->id, "h-3");
	struct doc_heading *p = doc_heading_plain(d, 2, "§ 1");
	assert_null(p->number);
	assert_string_equal(doc_heading(d, 2, "Drift")->number, "3.1");
	doc_free(d);
}

static const char *fmt(const struct doc_cell *c, struct strbuf *sb)
{
	strbuf_reset(sb);
	doc_cell_format(c, sb);
	return sb->buf;
}

static void test_cells(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	struct doc *d = doc_new("t");
	const char *hdr[] = { "Projekt", "Budget", "Utfall", "%", "Datum", "Bedömning", "Antal" };
	struct doc_table *t = doc_table_begin(d, "Investeringar", 7);
	doc_header_row(d, hdr);
	doc_row_begin(d, 0);
	doc_cell_text(d, "Nätverk");
	doc_cell_tkr(d, -85200000);           /* -852 tkr */
	doc_cell_source(d, "konto %d", 3000);
	doc_cell_tkr(d, 192250000);           /* 1 922,5 tkr -> 1 923 */
	doc_cell_percent(d, 723, 1);
	doc_cell_date(d, (struct date){ 2021, 2, 24 });
	doc_cell_verdict(d, DOC_VERDICT_PARTLY, NULL);
	doc_cell_decimal(d, 7113, 2, "st");
	doc_row_begin(d, DOC_ROW_TOTAL);
	doc_cell_text(d, "Summa");
	doc_cell_span(d, 6);
	doc_cell_empty(d);
	doc_table_end(d);

	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->rows[0].flags, DOC_ROW_HEADER);
	const struct doc_cell *c = t->rows[1].cells;
	assert_string_equal(fmt(&c[1], &sb), "-852");
	assert_string_equal(c[1].source, "konto 3000");
	assert_string_equal(fmt(&c[2], &sb), "1 923");
	assert_string_equal(fmt(&c[3], &sb), "72,3 %");
	assert_string_equal(fmt(&c[4], &sb), "2021-02-24");
	assert_string_equal(fmt(&c[5], &sb), "Delvis uppnådd");
	assert_string_equal(fmt(&c[6], &sb), "71,13 st");
	assert_true(doc_cell_is_numeric(&c[1]));
	assert_false(doc_cell_is_numeric(&c[0]));
	assert_int_equal(t->rows[2].cells[0].colspan, 6);
	assert_string_equal(fmt(&t->rows[2].cells[1], &sb), "");

	const char *years[] = { "2018", "2019", "2020" };
	int64_t v[] = { 7113, 7250, 0 };
	bool present[] = { true, true, false };
	struct doc_chart *ch = doc_chart_begin(d, DOC_CHART_LINE, "Nöjdhet", "%", 2, years, 3);
	doc_chart_series(d, "Utfall", v, present);
	assert_int_equal(ch->nseries, 1);
	assert_false(ch->series[0].present[2]);

	const char *p[] = { "Osannolik", "Mindre sannolik", "Möjlig", "Sannolik" };
	const char *k[] = { "Försumbar", "Lindrig", "Kännbar", "Allvarlig" };
	struct doc_riskmatrix *m = doc_riskmatrix(d, "Risker", "Sannolikhet", p, 4, "Konsekvens", k, 4);
	m->count[3][3] = 2;
	m->colour[3][3] = 0xd32f2f;
	m->level[3][3] = xstrdup("Hög");
	doc_list_begin(d, false);
	doc_list_item(d, "ett");
	doc_deflist_begin(d);
	for(int i = 0; i < 20; i++)
		doc_deflist_item(d, "Plats och tid", "Hallsberg\n13.00");
	assert_int_equal(d->blocks[d->nblocks - 1].u.deflist.n, 20);
	doc_free(d);
	strbuf_release(&sb);
}

/* The light text form of report_texts.h becomes paragraphs, lists and
** plain sub-headings; nothing else is interpreted. */
static void test_light_text(void **state)
{
	(void)state;
	struct doc *d = doc_new("t");
	doc_add_text(d, "### Drift och support\n\nEtt stycke\nmed radbrytning.\n\n"
	                   "- ett\n- två\n\n1. Administration\n2. Ekonomi\n\n"
	                   "- blandat\ninte lista\n\n<b>&amp;</b>\n\n\n", 2);
	assert_int_equal(d->nblocks, 6);
	assert_int_equal(d->blocks[0].type, DOC_HEADING);
	assert_null(d->blocks[0].u.heading.number);
	assert_int_equal(d->blocks[0].u.heading.level, 2);
	assert_string_equal(d->blocks[0].u.heading.text, "Drift och support");
	assert_string_equal(d->blocks[1].u.para, "Ett stycke\nmed radbrytning.");
	assert_int_equal(d->blocks[2].type, DOC_LIST);
	assert_false(d->blocks[2].u.list.ordered);
	assert_int_equal(d->blocks[2].u.list.nitems, 2);
	assert_string_equal(d->blocks[2].u.list.items[1], "två");
	assert_true(d->blocks[3].u.list.ordered);
	assert_string_equal(d->blocks[3].u.list.items[0], "Administration");
	assert_int_equal(d->blocks[4].type, DOC_PARA);
	assert_string_equal(d->blocks[5].u.para, "<b>&amp;</b>");
	doc_free(d);
}

/* A mark taken before a section and rewound takes back its blocks and
** its heading numbers. */
static void test_rewind(void **state)
{
	(void)state;
	struct doc *d = doc_new("t");
	doc_heading(d, 1, "Inledning");
	struct doc_mark m = doc_mark(d);
	doc_heading(d, 1, "Mål");
	doc_heading(d, 2, "Nämndmål");
	doc_table_begin(d, "x", 1);
	doc_row_begin(d, 0);
	doc_cell_text(d, "y");
	doc_rewind(d, m);
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(doc_heading(d, 1, "Ekonomi")->number, "2");
	doc_free(d);
}

/* Every renderer takes a document with every kind of block. */
static void test_all_renderers(void **state)
{
	(void)state;
	struct doc *d = doc_new("Årsredovisning 2024");
	doc_set_subtitle(d, "Sydnärkes IT-nämnd");
	doc_set_committee(d, "Sydnärkes IT-nämnd");
	doc_set_date(d, (struct date){ 2025, 1, 23 });
	doc_set_page_text(d, "Sydnärkes IT-nämnd", "Årsredovisning 2024");
	d->toc = true;
	doc_heading(d, 1, "Verksamheter");
	doc_heading(d, 2, "Ekonomi");
	doc_para(d, "Årets resultat visar ett underskott med -852 tkr.");
	doc_list_begin(d, false);
	doc_list_item(d, "Lekeberg: -177 tkr");
	doc_deflist_begin(d);
	doc_deflist_item(d, "Tid", "13:00-13:45");
	doc_table_begin(d, "Driftredovisning med en mycket lång rubrik över 31 tecken", 3);
	const char *hdr[] = { "", "Budget 2024", "Utfall 2024" };
	doc_header_row(d, hdr);
	doc_row_begin(d, 0);
	doc_cell_text(d, "Personalkostnader");
	doc_cell_tkr(d, 1210600000);
	doc_cell_tkr(d, 1135200000);
	doc_cell_source(d, "konto 5000–5999");
	doc_row_begin(d, DOC_ROW_TOTAL);
	doc_cell_text(d, "NETTORESULTAT");
	doc_cell_percent(d, 723, 1);
	doc_cell_verdict(d, DOC_VERDICT_NOT_MET, NULL);
	doc_table_begin(d, "Driftredovisning med en mycket lång rubrik över 31 tecken", 2);
	doc_row_begin(d, DOC_ROW_HEADER);
	doc_cell_text(d, "Spann");
	doc_cell_span(d, 2);
	doc_row_begin(d, 0);
	doc_cell_date(d, (struct date){ 2021, 2, 24 });
	doc_cell_int(d, 8756, "st");
	const char *labels[] = { "2020-04-30", "2020-07-31", "2020-12-31" };
	int64_t v[] = { 672, 606, 658 };
	bool present[] = { true, false, true };
	doc_chart_begin(d, DOC_CHART_LINE, "Sjukfrånvaro", "%", 2, labels, 3);
	doc_chart_series(d, "Sjukfrånvaro", v, present);
	doc_chart_begin(d, DOC_CHART_BAR, "Budget", "tkr", 0, labels, 3);
	doc_chart_series(d, "Budget", v, NULL);
	doc_chart_series(d, "Utfall", v, present);
	const char *p[] = { "Osannolik", "Mindre sannolik", "Möjlig", "Sannolik" };
	const char *k[] = { "Försumbar", "Lindrig", "Kännbar", "Allvarlig" };
	struct doc_riskmatrix *m = doc_riskmatrix(d, "Risker", "Sannolikhet", p, 4, "Konsekvens", k, 4);
	m->count[1][3] = 2;
	m->colour[1][3] = 0xffc107;
	doc_pagebreak(d);

	struct strbuf out = STRBUF_INIT;
	assert_int_equal(render_html(d, &out, NULL), STYR_OK);
	assert_non_null(strstr(out.buf, "<polyline"));
	assert_non_null(strstr(out.buf, "<rect"));
	assert_non_null(strstr(out.buf, "Riskvärde 8: 2 risker"));
	assert_non_null(strstr(out.buf, "<nav class=\"toc\""));
	strbuf_reset(&out);
	assert_int_equal(render_text(d, &out, NULL), STYR_OK);
	assert_non_null(strstr(out.buf, "Personalkostnader       12 106       11 352"));
	assert_non_null(strstr(out.buf, "72,3 %"));
	strbuf_reset(&out);
	struct styr_error err;
	styr_error_init(&err);
	assert_int_equal(render_xlsx(d, &out, &err), STYR_OK);
	assert_true(out.len > 1000);
	assert_memory_equal(out.buf, "PK", 2);
	strbuf_release(&out);
	doc_free(d);
}

/* Axis ticks are round (1, 2, 2,5, 5 × 10^k) and cover zero and every value. */
static void test_chart_ticks(void **state)
{
	(void)state;
	struct doc *d = doc_new("T");
	const char *lab[] = { "a", "b" };
	const int64_t v1[] = { 12337, 9252 }, v2[] = { -310, 45 }, v3[] = { 672, 0 };
	struct doc_ticks t;

	const struct doc_chart *c = doc_chart_begin(d, DOC_CHART_BAR, "x", "tkr", 0, lab, 2);
	doc_chart_series(d, "s", v1, NULL);
	doc_chart_ticks(c, &t);
	assert_true(t.step == 2500 && t.lo == 0 && t.hi == 12500 && t.n == 5);
	assert_int_equal(t.decimals, 0);

	doc_chart_begin(d, DOC_CHART_BAR, "y", "%", 1, lab, 2);
	doc_chart_series(d, "s", v2, NULL);          /* -31,0 .. 4,5 */
	doc_chart_ticks(&d->blocks[d->nblocks - 1].u.chart, &t);
	assert_true(t.step == 10 && t.lo == -40 && t.hi == 10 && t.n == 5);
	assert_true(doc_chart_tick(&t, 4) == 0);

	doc_chart_begin(d, DOC_CHART_LINE, "z", "%", 2, lab, 2);
	doc_chart_series(d, "s", v3, NULL);          /* 0 .. 6,72 */
	doc_chart_ticks(&d->blocks[d->nblocks - 1].u.chart, &t);
	assert_true(t.step == 2 && t.hi == 8 && t.n == 4);
	doc_free(d);
}


/* A table of n body rows under one header row, each of height 20. */
static struct doc *rows_table(size_t n, const struct doc_table **t)
{
	struct doc *d = doc_new("t");
	*t = doc_table_begin(d, "T", 1);
	const char *hdr[] = { "Rad" };
	doc_header_row(d, hdr);
	for(size_t i = 0; i < n; i++) {
		doc_row_begin(d, 0);
		doc_cell_int(d, (int64_t)i, NULL);
	}
	return d;
}

/* The layout rules: a short table moves whole, a long one breaks with
** three rows or more on each side. */
static void test_table_breaks(void **state)
{
	(void)state;
	const struct doc_table *t;
	double h[64];
	bool brk[64];
	for(size_t i = 0; i < 64; i++)
		h[i] = 20;

	/* 11 rows, room for 7: the whole table goes to the next page */
	struct doc *d = rows_table(11, &t);
	doc_table_breaks(t, h, 7 * 20, 40 * 20, false, brk);
	assert_true(brk[1]);
	for(size_t r = 2; r < t->nrows; r++)
		assert_false(brk[r]);
	/* ... unless it fits where it is */
	doc_table_breaks(t, h, 11 * 20, 40 * 20, false, brk);
	for(size_t r = 0; r < t->nrows; r++)
		assert_false(brk[r]);
	doc_free(d);

	/* 20 rows, room for 18: not 18 + 2, but 17 + 3 */
	d = rows_table(20, &t);
	doc_table_breaks(t, h, 18 * 20, 40 * 20, false, brk);
	for(size_t r = 0; r < t->nrows; r++)
		assert_int_equal(brk[r], r == 1 + 17);
	/* room for 2 only: not 2 + 18, the table starts on the next page */
	doc_table_breaks(t, h, 2 * 20, 40 * 20, false, brk);
	assert_true(brk[1]);
	/* 40 rows over pages of 15: every page three rows or more */
	doc_free(d);
	d = rows_table(40, &t);
	doc_table_breaks(t, h, 5 * 20, 15 * 20, false, brk);
	size_t run = 0;
	for(size_t r = 1; r <= t->nrows; r++) {
		if(r == t->nrows || (brk[r] && r > 1)) {
			assert_true(run >= DOC_TABLE_MIN_SPLIT);
			run = 0;
		}
		if(r < t->nrows)
			run++;
	}
	doc_free(d);
}

/* Column widths from content: a long text column gets the room, short
** ones keep their width; hyphenation only where a long word needs it. */
static void test_table_widths(void **state)
{
	(void)state;
	struct doc *d = doc_new("t");
	struct doc_table *t = doc_table_begin(d, NULL, 3);
	doc_row_begin(d, 0);
	doc_cell_text(d, "Sammanställning");
	doc_cell_date(d, (struct date){ 2020, 4, 30 });
	doc_cell_text(d, "En lång kommentar");
	double nat[] = { 120, 60, 3000 }, min[] = { 80, 60, 70 }, w[3];
	assert_true(doc_table_widths(t, nat, min, NULL, 480, w));
	assert_true(w[0] >= 80 - 0.01 && w[0] <= 120 + 0.01);
	assert_float_equal(w[1], 60, 0.01);        /* a date never narrower */
	assert_true(w[2] > 480 / 2);               /* the comments get the room */
	assert_float_equal(w[0] + w[1] + w[2], 480, 0.5);
	/* minimums too wide: only the column with a long word breaks */
	double nat2[] = { 300, 60, 300 }, min2[] = { 250, 60, 120 }, minh2[] = { 90, 60, 100 };
	assert_true(doc_table_widths(t, nat2, min2, minh2, 400, w));
	assert_true(w[0] < 250);                   /* hyphenated */
	assert_true(w[2] >= 120 - 0.01);           /* kept whole */
	doc_free(d);
}

static void test_hyphenate(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	/* false: the patterns of hyphen-sv are missing (make deps) */
	assert_true(doc_hyphenate("Utgångsvärde", 6, false, NULL, &sb));
	assert_string_equal(sb.buf, "Ut\u00adgångs\u00advärde");
	strbuf_reset(&sb);
	doc_hyphenate("högst 20 st, 1 579 tkr och 6,72 % MSB", 6, true, "_", &sb);
	assert_string_equal(sb.buf, "högst 20_st, 1_579_tkr och 6,72_% MSB");
	strbuf_reset(&sb);
	doc_hyphenate("IT-förvaltningen", 6, false, NULL, &sb);
	assert_string_equal(sb.buf, "IT-för\u00advalt\u00adningen");
	assert_true(doc_space_joins("samtal % efter", 6));
	assert_false(doc_space_joins("20 respektive", 2));
	strbuf_release(&sb);
}

/* A word of letters hyphenated as doc_hyph.c did with libhyphen itself
** (hnj_hyphen_hyphenate2), before it applied the patterns on its own: the
** reference for test_hyphenate_as_libhyphen. */
static void libhyphen_word(HyphenDict *hd, const char *w, struct strbuf *sb)
{
	unsigned char lat[65];
	size_t off[65], n = 0, upper = 0, len = strlen(w), i = 0;
	char hy[72];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;

	while(i < len && n < 64) {
		const unsigned char *c = (const unsigned char *)w + i;
		off[n] = i;
		if(*c >= 'A' && *c <= 'Z') {
			lat[n++] = (unsigned char)(*c + 32);
			upper++;
			i++;
		} else if(*c == 0xc3) {
			unsigned char l = (unsigned char)(0xc0 + (c[1] - 0x80));
			lat[n++] = l >= 0xc0 && l <= 0xde ? (unsigned char)(l + 32) : l;
			i += 2;
		} else {
			lat[n++] = *c;
			i++;
		}
	}
	lat[n] = '\0';
	if(i != len || (upper == n && n <= 6) || n < 5 ||
	   hnj_hyphen_hyphenate2(hd, (char *)lat, (int)n, hy, NULL, &rep, &pos, &cut)) {
		strbuf_addstr(sb, w);
	} else {
		for(i = 0; i < n; i++) {
			strbuf_add(sb, w + off[i], (i + 1 < n ? off[i + 1] : len) - off[i]);
			if((hy[i] & 1) && i + 1 >= 2 && n - i - 1 >= 3 && !(rep && rep[i]))
				strbuf_addstr(sb, "\u00ad");
		}
	}
	if(rep) {
		for(i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
}

/* Every word gets the points libhyphen gives it with the same patterns:
** the letters of every pattern of hyph_sv_SE.dic as words, the words of
** the example data, and 30 000 made-up words of Swedish letters. */
static void test_hyphenate_as_libhyphen(void **state)
{
	static const char *const letters[] = {
		"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p",
		"q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "å", "ä", "ö", "é", "ü", "a",
		"e", "i", "o", "r", "s", "t", "n", "l",
	};
	static const char *const examples[] = {
		"00-organisation.json", "10-goals.json", "20-economy.json", "30-assignments.json",
		"31-internal-control.json", "40-meeting-2021-02-10.json", "60-report-texts.json",
	};
	const char *path = getenv("STYR_HYPHEN_DIC");
	HyphenDict *hd;
	struct strbuf words = STRBUF_INIT, file = STRBUF_INIT, word = STRBUF_INIT;
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
	size_t nwords = 0, hyphenated = 0, wrong = 0;
	uint32_t seed = 20210210;
	char buf[4096];
	FILE *f;
	(void)state;

	path = path && *path ? path : "/usr/share/hyphen/hyph_sv_SE.dic";
	hd = hnj_hyphen_load(path);
	assert_non_null(hd); /* the patterns of hyphen-sv are missing (make deps) */

	/* the patterns' letters (Latin-1) as UTF-8 words, dots left out */
	f = fopen(path, "rb");
	assert_non_null(f);
	while(fgets(buf, sizeof(buf), f)) {
		if(buf[0] == '%' || (buf[0] >= 'A' && buf[0] <= 'Z'))
			continue;
		strbuf_reset(&word);
		for(const unsigned char *c = (const unsigned char *)buf; *c > ' '; c++)
			if(*c >= 0x80) {
				strbuf_addch(&word, 0xc3);
				strbuf_addch(&word, *c - 0x40);
			} else if(*c >= 'a' && *c <= 'z') {
				strbuf_addch(&word, *c);
			}
		if(word.len) {
			strbuf_add(&words, word.buf, word.len + 1);
			nwords++;
		}
	}
	fclose(f);
	/* the example data's words: runs of ASCII letters and Ã-led letters */
	for(size_t k = 0; k < sizeof(examples) / sizeof(*examples); k++) {
		char p[512];
		size_t n;
		snprintf(p, sizeof(p), "%s/examples/sydnarke/%s", STYR_SOURCE_ROOT, examples[k]);
		f = fopen(p, "rb");
		assert_non_null(f);
		strbuf_reset(&file);
		while((n = fread(buf, 1, sizeof(buf), f)) > 0)
			strbuf_add(&file, buf, n);
		fclose(f);
		for(const unsigned char *c = (const unsigned char *)file.buf; *c;) {
			strbuf_reset(&word);
			while((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			      (*c == 0xc3 && c[1] >= 0x80 && c[1] <= 0xbf && c[1] != 0x97 && c[1] != 0xb7)) {
				size_t k2 = *c == 0xc3 ? 2 : 1;
				strbuf_add(&word, c, k2);
				c += k2;
			}
			if(word.len) {
				strbuf_add(&words, word.buf, word.len + 1);
				nwords++;
			} else {
				c++;
			}
		}
	}
	/* made-up words, some capitalised */
	for(int k = 0; k < 30000; k++) {
		int n;
		strbuf_reset(&word);
		seed = seed * 1103515245u + 12345u;
		n = 5 + (int)((seed >> 16) % 20);
		for(int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			strbuf_addstr(&word, letters[(seed >> 16) % (sizeof(letters) / sizeof(*letters))]);
		}
		if(k % 7 == 0)
			word.buf[0] = (char)(word.buf[0] - 32 * (word.buf[0] >= 'a' && word.buf[0] <= 'z'));
		strbuf_add(&words, word.buf, word.len + 1);
		nwords++;
	}

	for(const char *w = words.buf; w < words.buf + words.len; w += strlen(w) + 1) {
		strbuf_reset(&want);
		strbuf_reset(&got);
		libhyphen_word(hd, w, &want);
		assert_true(doc_hyphenate(w, 1, false, NULL, &got));
		hyphenated += want.len > strlen(w);
		if(strcmp(want.buf, got.buf) && wrong++ < 10)
			print_message("%s: libhyphen %s, styr %s\n", w, want.buf, got.buf);
	}
	assert_int_equal(wrong, 0);
	assert_true(nwords > 50000);
	assert_true(hyphenated > nwords / 2);
	hnj_hyphen_free(hd);
	strbuf_release(&words);
	strbuf_release(&file);
	strbuf_release(&word);
	strbuf_release(&want);
	strbuf_release(&got);
}

/* Narrative text refers to a figure; a typed figure that contradicts one
** is found. */
static void test_figures(void **state)
{
	(void)state;
	struct doc *d = doc_new("Delårsrapport 2020");
	struct strbuf un = STRBUF_INIT, out = STRBUF_INIT;
	doc_para(d, "Ett överskott på {{resultat.utfall|abs}}. Okänt: {{x.y}}.");
	doc_para(d, "Ett överskott på 1564 tkr, 1 537 tkr och 1 000 tkr.");
	doc_table_begin(d, NULL, 2);
	doc_row_begin(d, DOC_ROW_TOTAL);
	doc_cell_text(d, "Summa");
	doc_cell_tkr(d, -157900000);
	doc_figure_last_cell(d, "drift", "Summa", "utfall", "Summa, utfall");
	doc_row_begin(d, 0);
	doc_cell_text(d, "Personalkostnader");
	doc_cell_tkr(d, 153700000);
	doc_figure_last_cell(d, "drift", "Personalkostnader", "avvikelse", "Personal");
	doc_figure_alias(d, "resultat.utfall", "drift.summa.utfall");
	assert_non_null(doc_figure_find(d, "drift.personalkostnader.avvikelse"));
	assert_int_equal(doc_check_prose(d, "delår", &out), 1);
	assert_non_null(strstr(out.buf, "\"1564 tkr\""));
	assert_non_null(strstr(out.buf, "1 579 tkr"));
	assert_int_equal(doc_resolve_figures(d, &un), 1);
	assert_string_equal(d->blocks[0].u.para, "Ett överskott på 1 579 tkr. Okänt: {{x.y}}.");
	assert_string_equal(un.buf, "x.y\n");
	strbuf_release(&un);
	strbuf_release(&out);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_light_text),
		cmocka_unit_test(test_rewind),
		cmocka_unit_test(test_all_renderers),
		cmocka_unit_test(test_chart_ticks),
		cmocka_unit_test(test_table_breaks),
		cmocka_unit_test(test_table_widths),
		cmocka_unit_test(test_hyphenate),
		cmocka_unit_test(test_hyphenate_as_libhyphen),
		cmocka_unit_test(test_figures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
