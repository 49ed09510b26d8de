# Shared by the e2e shims: the PostgreSQL URL of a database file name.
# $STYR_TEST_PG is the server's base URL (postgresql:///styr?host=DIR&user=styr).

# pg_url NAME.db — the URL of NAME.db in this test directory; the schema
# is made when missing.
pg_url() {
	schema=s_$(printf '%s/%s' "$PWD" "$1" | md5sum | cut -c1-20)
	psql -XAtq -d "$STYR_TEST_PG" -c "CREATE SCHEMA IF NOT EXISTS $schema" >/dev/null 2>&1 ||
		{ echo "tests/pg: cannot reach the test server at $STYR_TEST_PG" >&2; return 1; }
	url=$(printf '%s&options=-csearch_path%%3D%s' "$STYR_TEST_PG" "$schema")
	# Every name given in this directory, for the way back (a copied log
	# names the source's URL).
	grep -qsF "$1 $url" .pg-names || printf '%s %s\n' "$1" "$url" >>.pg-names
	printf '%s\n' "$url"
}

