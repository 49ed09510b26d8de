/*
** fuzz_ops_import.c — libFuzzer harness for the ops module's import of a
** system's export through a shipped profile (ops_import_file) into an
** in-memory store holding data/ops-profiles, each input inside an outer
** transaction rolled back afterwards. The first byte chooses the source
** and the profile; the rest is the file. A failed import stores nothing;
** a successful one stores one import and as many rows as it reports (a
** ticket history: as many events, kept as one row per ticket), and the
** list of fields it did not use, written for people, is text.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/strbuf.h"
#include "db/load.h"
#include "db/store.h"
#include "ops/ops.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const profiles[] = {
	"efecte", "generic", "glpi", "jira", "sccm", "servicenow", "topdesk",
};
#define NPROFILES (sizeof(profiles) / sizeof(profiles[0]))

/* What an import has stored, counted as it counts its rows. */
static const char *const row_counts[] = {
	"SELECT count(*) FROM ops_ticket", "SELECT coalesce(sum(count), 0) FROM ops_history",
	"SELECT count(*) FROM ops_call", "SELECT count(*) FROM ops_outage",
	"SELECT count(*) FROM ops_asset", "SELECT count(*) FROM ops_invoice",
	"SELECT count(*) FROM ops_backup",
};

static struct store *db;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct styr_error err;
	struct load_stats st = { 0 };
	int fd;
	(void)argc;
	(void)argv;
	if(clock_init(&err) || store_open(":memory:", STORE_CREATE, &db, &err) ||
	   load_path(db, STYR_SOURCE_ROOT "/data/ops-profiles", &st, &err)) {
		fprintf(stderr, "fuzz_ops_import: %s\n", err.msg);
		abort();
	}
	snprintf(path, sizeof(path), "/tmp/fuzz_ops_import.XXXXXX");
	fd = mkstemp(path);
	if(fd < 0)
		abort();
	close(fd);
	return 0;
}

static int64_t query(const char *sql)
{
	struct styr_error err;
	int64_t n = -1;
	if(store_query_int(db, sql, &n, &err))
		abort();
	return n;
}

static int64_t stored_rows(void)
{
	int64_t n = 0;
	for(size_t i = 0; i < sizeof(row_counts) / sizeof(row_counts[0]); i++)
		n += query(row_counts[i]);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct styr_error err;
	struct ops_import_result r;
	struct ops_import_opts o = { 0 };
	FILE *f;
	if(size < 1)
		return 0;
	o.path = path;
	o.source = (enum ops_source)(data[0] % OPS_NSOURCES);
	o.profile = profiles[data[0] / OPS_NSOURCES % NPROFILES];
	f = fopen(path, "wb");
	if(!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f))
		abort();
	if(store_begin(db, &err))
		abort();
	memset(&r, 0, sizeof(r));
	enum styr_rc rc = ops_import_file(db, &o, &r, &err);
	if(rc) {
		if(query("SELECT count(*) FROM ops_import") != 0 || stored_rows() != 0)
			abort();
		if(!err.msg[0])
			abort();  /* a refusal says why */
	} else {
		if(query("SELECT count(*) FROM ops_import") != 1 || stored_rows() != r.rows)
			abort();
		if(!text_valid(r.ignored_fields, strlen(r.ignored_fields), NULL))
			abort();  /* a label cut inside a character */
	}
	store_rollback(db);
	return 0;
}
