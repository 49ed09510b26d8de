/*
** testutil.c — set-up shared by the unit tests (see testutil.h).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "import/load.h"
#include "store/store.h"
#include "testutil.h"

char testutil_dir[] = "/tmp/styr-unit-XXXXXX";

int testutil_setup(void **state)
{
	(void)state;
	return mkdtemp(testutil_dir) ? 0 : -1;
}

int testutil_teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", testutil_dir);
	return system(cmd);
}

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
