/*
** testutil_store.c — the example database of the unit tests (see
** testutil.h); only tests that link every module use it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "db/load.h"
#include "db/store.h"
#include "org/org.h"
#include "testutil.h"

struct store *testutil_example(void)
{
	char p[256];
	struct store *s;
	struct styr_error err;
	struct load_stats stats;
	static int n;
	snprintf(p, sizeof(p), "%s/%d.db", testutil_dir, n++);
	assert_int_equal(store_open(p, STORE_CREATE, &s, &err), STYR_OK);
	if(load_path(s, STYR_SOURCE_ROOT "/examples/sydnarke", &stats, &err))
		fail_msg("%s", err.msg);
	return s;
}

const struct occasion *testutil_occasion(struct store *s, const char *name)
{
	static struct occasion ring[8];
	static unsigned next;
	struct occasion *o = &ring[next++ % 8];
	struct occasion_query q = { name, 0, 0 };
	struct styr_error err;
	occasion_release(o);
	if(org_occasion_resolve(s, &q, o, &err))
		fail_msg("%s", err.msg);
	return o;
}
