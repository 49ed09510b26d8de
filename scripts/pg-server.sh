#!/bin/sh
# A throw-away PostgreSQL server for the tests: initdb into a directory,
# pg_ctl on a Unix socket in it (no TCP port), as an unprivileged user.
#
#   scripts/pg-server.sh start DIR   prints the base URL of database "styr"
#   scripts/pg-server.sh stop DIR    stops the server and removes DIR
#   scripts/pg-server.sh halt DIR    stops it at once, as a crash would (tests)
#   scripts/pg-server.sh resume DIR  starts it again after halt
#
# PostgreSQL refuses to run as root, and CI runs as root: then the server
# runs as "nobody" (runuser, no terminal or standard input needed) in a
# directory handed to it. Authentication is trust on the socket, which
# only this machine's users reach; one role "pwuser" with a password
# (scram) lets a test see a wrong password refused.
set -eu
cmd=${1:?usage: pg-server.sh start|stop DIR}
dir=${2:?usage: pg-server.sh start|stop DIR}

bindir=$(pg_config --bindir 2>/dev/null || true)
for d in "$bindir" /usr/lib/postgresql/15/bin; do
	[ -n "$d" ] && [ -x "$d/initdb" ] && { bindir=$d; break; }
done
[ -x "$bindir/initdb" ] || { echo "pg-server: initdb not found (Debian package postgresql)" >&2; exit 2; }

if [ "$(id -u)" -eq 0 ]; then
	as() { runuser -u nobody -- "$@" </dev/null; }
else
	as() { "$@" </dev/null; }
fi

pg_start() {
	as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null || { cat "$dir/server.log" >&2; exit 2; }
}

case $cmd in
halt)
	as "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
	;;
resume)
	pg_start
	;;
start)
	mkdir -p "$dir"
	[ "$(id -u)" -eq 0 ] && chown nobody "$dir"
	as "$bindir/initdb" -D "$dir/data" -U styr --no-locale -E UTF8 -A trust \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 2; }
	cat >"$dir/data/pg_hba.conf" <<HBA
local all pwuser scram-sha-256
local all all trust
HBA
	pg_start
	as "$bindir/psql" -XAtq -h "$dir" -U styr -d postgres \
		-c "CREATE DATABASE styr" \
		-c "CREATE ROLE pwuser LOGIN PASSWORD 'right'" >/dev/null
	echo "postgresql:///styr?host=$dir&user=styr"
	;;
stop)
	[ -d "$dir/data" ] && as "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: pg-server.sh start|stop DIR" >&2
	exit 2
	;;
esac
