#!/bin/sh
# make demo: load the Sydnärke example data into a fresh database and run
# the main job on it. Each module adds its step below.
set -eu
styr=$1
db=$2
example=$3
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
"$styr" init "$db"
"$styr" load "$db" "$example"
"$styr" org "$db"

# calendar
# goals and indicators
# economy
# ledger import
# cases, assignments, internal control
# meetings and protocols
# reports

"$styr" check "$db" || true
echo
echo "demo database: $db (try: $styr help)"
