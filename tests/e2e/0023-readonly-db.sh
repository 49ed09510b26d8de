# A read-only copy of a database (an archive: file and folder not
# store: sqlite only (read-only, WAL and half-made database files)
# writable) can be read by every reading command; a writing command is
# refused with a message that says so; a damaged file is reported with the
# SQLite error. All were "not a styr database (the file is not an SQLite
# database)": migrate.c threw the driver's error away, and SQLite cannot
# read a WAL database whose folder is not writable without help.
. "$TOP/tests/e2e/lib.sh"
if [ "$(id -u)" -eq 0 ]; then
	# root writes anything: run as nobody to see the permissions
	command -v setpriv >/dev/null || fail "setpriv (util-linux) is missing"
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	as_user() { "$@"; }
fi
arch=$(mktemp -d /tmp/styr-readonly.XXXXXX)
trap 'chmod -R u+w "$arch"; rm -rf "$arch"' EXIT
chmod 755 "$arch"
example_db "$arch/a.db"
ls "$arch" > files.txt
[ "$(cat files.txt)" = a.db ] || fail "the closed database left files: $(cat files.txt)"
chmod 444 "$arch/a.db"
chmod 555 "$arch"
run_as() { # EXPECTED ARGS... — as_user styr ARGS, its exit status EXPECTED
	want_status=$1
	shift
	set +e
	as_user "$STYR" "$@" >out.txt 2>err.txt
	got=$?
	set -e
	[ "$got" -eq "$want_status" ] || { cat out.txt err.txt; fail "styr $*: exit $got, expected $want_status"; }
}
run_as 0 org "$arch/a.db"
expect_contains out.txt 'Sydnärkes IT-nämnd (Syd-IT)'
run_as 0 report arsredovisning "$arch/a.db" --year 2024 --format text -o -
expect_contains out.txt 'Årsredovisning'
run_as 1 check "$arch/a.db"
run_as 2 case new "$arch/a.db" --title x --year 2024
expect_contains err.txt "a.db: cannot open the database for writing"
[ "$(ls "$arch")" = a.db ] || fail "reading left files beside the archive: $(ls "$arch")"

# A writable file in a folder that is not: writing needs the folder too.
chmod 755 "$arch"; chmod 666 "$arch/a.db"; chmod 555 "$arch"
run_as 2 case new "$arch/a.db" --title x --year 2024
expect_contains err.txt "a.db: cannot open the database for writing: attempt to write a readonly database (the file or its folder is not writable for this user"

# A copy taken with changes still in its write-ahead log cannot be read
# from the file alone: refused with the reason, never read stale.
chmod 755 "$arch"; rm -f "$arch/a.db"
example_db "$arch/b.db"
{ echo "PRAGMA wal_autocheckpoint=0; UPDATE committee SET name = 'Ny nämnd';"; sleep 3; } | sqlite3 "$arch/b.db" &
writer=$!
i=0
while [ ! -s "$arch/b.db-wal" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.3
cp "$arch/b.db" "$arch/c.db"; cp "$arch/b.db-wal" "$arch/c.db-wal"
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
rm -f "$arch"/b.db*
chmod 444 "$arch"/c.db*; chmod 555 "$arch"
run_as 2 org "$arch/c.db"
expect_contains err.txt "c.db: cannot read the database"
expect_contains err.txt "its write-ahead log $arch/c.db-wal holds changes and its folder is not writable"

# Damaged files name SQLite's error.
chmod 755 "$arch"
example_db d.db
head -c 50000 d.db > cut.db
run_styr 2 case list cut.db
expect_contains err.txt "cut.db: cannot read the database: database disk image is malformed"
echo "Protokoll 2021-02-10" > notes.txt
run_styr 2 org notes.txt
expect_contains err.txt "notes.txt: not a styr database (the file is not an SQLite database)"
