/*
** test_goals.c — the store's goal calls on the Sydnärke example data:
** goals_year (the call reports use) gives the 2024 and 2020 verdicts of
** the annual reports, and goals_value_set refuses bad values atomically.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "goals/goals.h"
#include "goals/goals_doc.h"
#include "db/store.h"
#include "testutil.h"

static struct store *db;

static int setup(void **state)
{
	if(testutil_setup(state))
		return -1;
	db = testutil_example();
	return 0;
}

static int teardown(void **state)
{
	store_close(db);
	return testutil_teardown(state);
}

static const struct goal_indicator *find(const struct goal_year *y, const char *key)
{
	for(size_t i = 0; i < y->nind; i++)
		if(!strcmp(y->ind[i].key, key))
			return &y->ind[i];
	fail_msg("no indicator %s", key);
	return NULL;
}

/* Årsredovisning 2024: both nämndmål uppnås delvis. */
static void test_2024(void **state)
{
	(void)state;
	struct goal_year y;
	struct styr_error err;
	assert_int_equal(goals_year(db, 2024, NULL, &y, &err), STYR_OK);
	assert_string_equal(y.occasion.key, "2024-12-31");
	assert_int_equal(y.nind, 14);
	assert_int_equal(y.ngoals, 2);
	assert_int_equal(y.goals[0].verdict, GOAL_PARTLY);
	assert_int_equal(y.goals[1].verdict, GOAL_PARTLY);
	assert_int_equal(y.goals[0].nindicators, 7);
	assert_int_equal(y.overall, GOAL_PARTLY);
	assert_string_equal(find(&y, "2024-nki")->target, "7,5");
	assert_int_equal(find(&y, "2024-nki")->verdict, VERDICT_NO_VALUE);
	assert_string_equal(find(&y, "2024-sjukfranvaro")->used, "2,81 %");
	assert_string_equal(y.summary, "2 st av 2 bedöms uppnås delvis, vilket gör att "
	                               "nämndmålen uppnås delvis");
	goal_year_release(&y);
}

/* Årsredovisning 2020: 4 delvis uppnådda, nämndmålen uppnås delvis; the
** delårsrapport is judged on its forecast. */
static void test_2020(void **state)
{
	(void)state;
	struct goal_year y;
	struct styr_error err;
	assert_int_equal(goals_year(db, 2020, testutil_occasion(db, "2020-12-31"), &y, &err), STYR_OK);
	assert_int_equal(y.counts[VERDICT_PARTLY], 4);
	assert_int_equal(y.overall, GOAL_PARTLY);
	const struct goal_indicator *hme = find(&y, "2020-hme");
	assert_true(hme->manual);
	assert_int_equal(hme->verdict, VERDICT_PARTLY);
	assert_int_equal(hme->computed, VERDICT_NOT);
	assert_non_null(y.stated_summary);
	goal_year_release(&y);

	assert_int_equal(goals_year(db, 2020, testutil_occasion(db, "2020-07-31"), &y, &err), STYR_OK);
	assert_string_equal(find(&y, "2020-budgetram")->used, "420 tkr");
	assert_string_equal(find(&y, "2020-sjukfranvaro")->used, "4%");
	goal_year_release(&y);

	assert_int_equal(goals_year(db, 2020, testutil_occasion(db, "2024-12-31"), &y, &err), STYR_EINVAL);
	assert_int_equal(goals_year(db, 2019, NULL, &y, &err), STYR_ENOTFOUND);
}

static void test_value_set(void **state)
{
	(void)state;
	struct styr_error err;
	struct goal_year y;
	struct value_change bad = { "Ja", NULL, NULL, NULL, NULL };
	struct value_change good = { "2,5 %", NULL, "efter åtgärder", NULL, NULL };
	assert_int_equal(goals_value_set(db, "2024-sjukfranvaro", testutil_occasion(db, "2024-12-31"), &bad, &err),
	                 STYR_EINVAL);
	assert_non_null(strstr(err.msg, "2024-sjukfranvaro"));
	struct occasion_query q = { "2024-13-31", 0, 0 };
	struct occasion none;
	assert_int_equal(org_occasion_resolve(db, &q, &none, &err), STYR_ENOTFOUND);
	assert_non_null(strstr(err.msg, "no report occasion '2024-13-31' (known: "));
	assert_int_equal(goals_year(db, 2024, NULL, &y, &err), STYR_OK);
	assert_string_equal(find(&y, "2024-sjukfranvaro")->outcome, "2,81 %");
	goal_year_release(&y);
	assert_int_equal(goals_value_set(db, "2024-sjukfranvaro", testutil_occasion(db, "2024-12-31"), &good, &err),
	                 STYR_OK);
	assert_int_equal(goals_year(db, 2024, NULL, &y, &err), STYR_OK);
	assert_string_equal(find(&y, "2024-sjukfranvaro")->outcome, "2,5 %");
	assert_string_equal(find(&y, "2024-sjukfranvaro")->comment, "efter åtgärder");
	goal_year_release(&y);
}

/* The follow-up table of Prognosrapport 1-2020 groups its rows under the
** host municipality's name, whole however long (it was cut to 63 bytes,
** which here left half an "å": invalid UTF-8). */
static void test_host_row(void **state)
{
	(void)state;
	struct store *s = testutil_example();
	struct strbuf name = STRBUF_INIT;
	struct store_stmt *st;
	struct styr_error err;
	bool found = false, row;

	strbuf_addstr(&name, "Värdkommunen ");   /* 14 bytes: the 63rd byte starts an "å" */
	for(int i = 0; i < 20; i++)
		strbuf_addstr(&name, "åäö");
	assert_int_equal(store_prepare(s, "UPDATE municipality SET name = ? WHERE code = '1814'",
	                               &st, &err), STYR_OK);
	stmt_bind_text(st, 1, name.buf);
	assert_int_equal(stmt_step(st, &row, &err), STYR_OK);
	stmt_finalize(st);
	struct doc *d = doc_new("t");
	assert_int_equal(goals_doc_followup(d, s, testutil_occasion(s, "2020-04-30"), NULL, &found,
	                                    &err), STYR_OK);
	assert_true(found);
	const struct doc_table *t = &d->blocks[0].u.table;
	assert_int_equal(d->blocks[0].type, DOC_TABLE);
	assert_true(t->rows[1].flags & DOC_ROW_GROUP);
	assert_string_equal(t->rows[1].cells[0].text, name.buf);
	doc_free(d);
	strbuf_release(&name);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_2024),
		cmocka_unit_test(test_2020),
		cmocka_unit_test(test_value_set),
		cmocka_unit_test(test_host_row),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
