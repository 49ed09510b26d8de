#!/bin/sh
# Install the node packages of the browser test (tests/browser: axe-core and
# playwright-core, pinned by the committed package-lock.json) when they are
# missing or older than the lock file. When the machine has no npm, Debian's
# npm package (with its nodejs) is installed first, as root or through sudo.
# Only make check needs this: make demo runs no browser.
set -e
dir=$(cd "$(dirname "$0")/.." && pwd)/tests/browser
[ -f "$dir/node_modules/.package-lock.json" ] &&
	[ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ] && exit 0
if ! command -v npm >/dev/null; then
	echo "deps: installing npm (Debian's package, for tests/browser)"
	if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo -n"; fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends npm ca-certificates
fi
echo "deps: npm ci in tests/browser"
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
