#!/bin/sh
# Install the Debian packages styr needs that are not there yet.
#
#   scripts/deps.sh build   what building and running styr needs (make demo)
#   scripts/deps.sh test    that, and what the tests need (make check)
#
# Every package is listed with its reason in README.md ("Dependencies").
# Runs as root or through sudo; does nothing when all are installed. The
# browser test's node packages are scripts/deps-node.sh's (npm), so that
# make demo needs no npm.
set -e

# fonts-dejavu-core: DejaVu Sans, the PDF renderer's font (å ä ö, embedded);
# libfontconfig-dev: styr's own font configuration of it (pdf_fonts.c).
# libglib2.0-dev: UTF-16 and MD5 of the PDF/A finisher (pdf_finish.c).
# libcmocka-dev: the unit tests, which meson configures with the program.
# hyphen-sv: the Swedish hyphenation patterns of every renderer; libhyphen-dev:
# the unit test that checks styr's use of them against libhyphen's.
# libminizip-dev: the zip writer of the DOCX renderer (libxlsxwriter's own);
# libdeflate-dev: the PNG of a chart in a DOCX.
# libqpdf-dev: joining a protocol with its attachments; colord-data: the
# sRGB ICC profile of the PDF/A output intent. librsvg2-dev: a committee's
# SVG logo on covers.
# libmicrohttpd-dev: the HTTP server of `styr serve`; libsodium-dev: its
# password hashes (argon2id), session ids and tokens.
BUILD="
meson ninja-build pkg-config gcc
libsqlite3-dev libpq-dev
libcmocka-dev
zlib1g-dev libdeflate-dev
libcairo2-dev libpango1.0-dev libfontconfig-dev libglib2.0-dev
libxlsxwriter-dev libminizip-dev
libhyphen-dev hyphen-sv librsvg2-dev
libqpdf-dev colord-data
fonts-dejavu-core
libmicrohttpd-dev libsodium-dev
"
# sqlite3: the shell the tests read databases with. qpdf, poppler-utils:
# check and read back PDFs. python3, unzip: read back XLSX.
# libreoffice-writer-nogui, python3-docx: the DOCX test opens every .docx
# (e2e 5503). chromium: the axe-core browser test (tests/e2e/5800). clang,
# libclang-rt-dev: the libFuzzer harnesses (tests/e2e/0026, make fuzz).
# ca-certificates: npm fetches the browser test's packages over https.
# curl: the web tests. postgresql: the server the e2e tests run on a
# second time (tests/run-pg).
TEST="
sqlite3
qpdf poppler-utils
python3 unzip
libreoffice-writer-nogui python3-docx
chromium
clang libclang-rt-dev
ca-certificates
curl
postgresql
"

case ${1:-test} in
build) PACKAGES=$BUILD ;;
test) PACKAGES="$BUILD $TEST" ;;
*) echo "usage: scripts/deps.sh build|test" >&2; exit 2 ;;
esac

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
