#!/bin/sh
# Install the node packages of the browser test (tests/browser: axe-core and
# playwright-core, pinned by the committed package-lock.json) when they are
# missing or older than the lock file. node and npm come with the machine.
set -e
dir=$(cd "$(dirname "$0")/.." && pwd)/tests/browser
[ -f "$dir/node_modules/.package-lock.json" ] &&
	[ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ] && exit 0
command -v npm >/dev/null || { echo "deps: npm is missing (needed by tests/browser)" >&2; exit 1; }
echo "deps: npm ci in tests/browser"
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
