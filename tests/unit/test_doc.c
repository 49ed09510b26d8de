/*
** test_doc.c — the document model: heading numbers, typed cells shown the
** Swedish way, tables and charts owned by the doc.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "report/doc.h"

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
	struct doc_riskmatrix *m = doc_riskmatrix(d, "Risker", "Sannolikhet", p, "Konsekvens", k);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_cells),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
