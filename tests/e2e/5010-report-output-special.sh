# styr report -o FILE: a regular file is replaced whole (a temporary file
# in its real folder, then renamed); anything else is written through,
# never replaced. 'report … -o /dev/null' run as root replaced /dev/null
# with a regular file (written to /dev/null.tmp and renamed over it), and
# a link was replaced by a file in the link's folder. The device here is
# a copy of /dev/null made with mknod, so that a regression cannot break
# the machine's own.
. "$TOP/tests/e2e/lib.sh"
example_db s.db
rep() { run_styr "$1" report arsredovisning s.db --year 2024 --format text -o "$2"; }
rep 0 want.txt
size=$(wc -c < want.txt)

# character devices: a null device, and a full one where the write fails
if [ "$(id -u)" -eq 0 ] && mknod -m 666 null c 1 3 2>/dev/null && mknod -m 666 full c 1 7; then
	rep 0 null
	[ -c null ] || fail "the device was replaced: $(ls -l null)"
	rep 2 full
	expect_contains err.txt 'full: write failed: No space left on device'
	[ -c full ] || fail "the full device was replaced"
	[ "$(ls -A | grep -c 'null\|full')" = 2 ] || fail "temporary files left: $(ls -A)"
else
	echo "not root: the device cases are skipped (mknod needs root); the FIFO case runs"
fi
# /dev/stdout (a link to the pipe of this shell) and a FIFO
run_styr 0 report arsredovisning s.db --year 2024 --format text -o /dev/stdout
expect_file want.txt out.txt
mkfifo fifo
cat fifo > from-fifo.txt &
reader=$!
rep 0 fifo
wait "$reader"
[ -p fifo ] || fail "the FIFO was replaced"
expect_file want.txt from-fifo.txt

# a link into another folder: the file it points to is replaced, in that
# folder; the link stays a link
mkdir links real
echo old > real/r.txt
chmod 640 real/r.txt
ln -s ../real/r.txt links/r.txt
rep 0 links/r.txt
[ -L links/r.txt ] || fail "the link was replaced by a file"
expect_file want.txt real/r.txt
[ "$(stat -c %a real/r.txt)" = 640 ] || fail "the file's mode changed: $(stat -c %a real/r.txt)"
[ "$(ls -A links)" = r.txt ] && [ "$(ls -A real)" = r.txt ] || fail "temporary files left: $(ls -A links real)"
# a link to a file not there yet: made where the link points
ln -s ../real/new.txt links/new.txt
rep 0 links/new.txt
[ -L links/new.txt ] && [ -f real/new.txt ] || fail "the dangling link was not followed"
expect_file want.txt real/new.txt

# a regular file: replaced whole (a new inode), never truncated in place
echo old > plain.txt
inode=$(stat -c %i plain.txt)
rep 0 plain.txt
expect_file want.txt plain.txt
[ "$(stat -c %i plain.txt)" != "$inode" ] || fail "plain.txt was written in place"
# a folder is refused
rep 2 real
expect_contains err.txt 'real: is a folder; -o names a file'
[ "$(ls -A | grep -v '^\.pg-names$' | grep -c '^\.')" = 0 ] || fail "temporary files left: $(ls -A)"
