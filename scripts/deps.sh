#!/bin/sh
# Install the Debian packages styr needs that are not there yet.
# Every package is listed with its reason in README.md ("Dependencies").
# Runs as root or through sudo; does nothing when all are installed.
# fonts-dejavu-core: DejaVu Sans, the PDF renderer's font (å ä ö, embedded).
# libhyphen-dev, hyphen-sv: Swedish hyphenation points for every renderer.
# libminizip-dev: the zip writer of the DOCX renderer (libxlsxwriter's own).
# colord-data: the sRGB ICC profile of the PDF/A output intent.
# librsvg2-dev: a committee's SVG logo on covers.
# libreoffice-writer-nogui, python3-docx: the DOCX test opens every .docx (e2e 5503).
# postgresql: the server the e2e tests run on a second time (tests/run-pg).
# chromium: headless browser for the axe-core accessibility test (tests/e2e/5800).
# libmicrohttpd-dev: the HTTP server of `styr serve`; libsodium-dev: its
# password hashes (argon2id), session ids and tokens; curl: the web tests.
set -e

PACKAGES="
meson ninja-build pkg-config gcc
libsqlite3-dev sqlite3
libpq-dev postgresql
libcmocka-dev
zlib1g-dev
libcairo2-dev libpango1.0-dev
libxlsxwriter-dev libminizip-dev
libhyphen-dev hyphen-sv librsvg2-dev
qpdf libqpdf-dev poppler-utils colord-data
libreoffice-writer-nogui python3-docx
fonts-dejavu-core
chromium
libmicrohttpd-dev libsodium-dev curl
"

missing=""
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
