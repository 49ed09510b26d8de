/*
** cmd_report.c — `styr report TYPE DB (--year Y | --occasion O | --meeting
** D [--paragraph N]) --format html|pdf|docx|xlsx|text -o FILE`: build the
** report's document (reports/rt_*.c) and render it. `-o -` writes to
** standard output.
**
** The report is rendered into memory first. A regular file (or one not
** there yet) is written whole or not at all: to a temporary file beside
** it, in its real folder (after following symbolic links), then renamed
** over it. Anything else given to -o — a device such as /dev/null, a
** FIFO, a terminal — is written through, never replaced; a link is
** followed, never replaced by a file.
**
** The temporary file is not synced (fsync) before the rename. A report is
** made from the database and can be made again by running the command
** again, so the rename is there for readers — a reader sees the old file
** or the new one, never half of one — not for power failures: after a
** crash before the system has written it out, the file may be the old
** one, empty or short (filesystem-dependent), and the cure is the same
** command. A sync per file cost more than half of the wall time of a
** report on a virtual machine's disk (bench/report).
*/
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/strbuf.h"
#include "reports/report.h"
#include "db/store.h"

/* Follow the symbolic links of path into out: the file a write reaches.
** *exists says whether it is there, *st is its status when it is. */
static enum styr_rc resolve(const char *path, struct strbuf *out, bool *exists,
                            struct stat *st, struct styr_error *err)
{
	strbuf_reset(out);
	strbuf_addstr(out, path);
	for(int hops = 0; hops < 40; hops++) {
		char target[PATH_MAX];
		ssize_t n;
		if(lstat(out->buf, st)) {
			if(errno != ENOENT)
				return styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
			*exists = false;
			return STYR_OK;
		}
		if(!S_ISLNK(st->st_mode)) {
			*exists = true;
			return STYR_OK;
		}
		n = readlink(out->buf, target, sizeof(target) - 1);
		if(n < 0)
			return styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
		target[n] = '\0';
		if(target[0] != '/') {
			/* relative to the folder of the link */
			char *slash = strrchr(out->buf, '/');
			out->len = slash ? (size_t)(slash - out->buf) + 1 : 0;
			out->buf[out->len] = '\0';
		} else {
			strbuf_reset(out);
		}
		strbuf_addstr(out, target);
	}
	return styr_error_set(err, STYR_EIO, "%s: too many levels of symbolic links", path);
}

/* Write all of data to fd; false with errno set on failure. */
static bool write_all(int fd, const char *data, size_t n)
{
	while(n) {
		ssize_t w = write(fd, data, n);
		if(w < 0 && errno == EINTR)
			continue;
		if(w <= 0)
			return false;
		data += w;
		n -= (size_t)w;
	}
	return true;
}

/* A device, FIFO or socket: written through, as `cat > FILE` would. */
static enum styr_rc write_through(const char *path, const char *file,
                                  const struct strbuf *sb, struct styr_error *err)
{
	int fd = open(file, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if(fd < 0)
		return styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
	bool ok = write_all(fd, sb->buf, sb->len);
	int saved = errno;
	if(close(fd) && ok) {
		ok = false;
		saved = errno;
	}
	if(!ok)
		return styr_error_set(err, STYR_EIO, "%s: write failed: %s", path, strerror(saved));
	return STYR_OK;
}

/* A regular file, or one not there yet: a temporary file in the same
** folder (not synced: see the head of this file), given the mode the file has (or a new file would get),
** then renamed over it. On failure the file is as it was. */
static enum styr_rc write_replace(const char *path, const char *file, bool exists,
                                  const struct stat *old, const struct strbuf *sb,
                                  struct styr_error *err)
{
	struct strbuf tmp = STRBUF_INIT;
	const char *slash = strrchr(file, '/');
	enum styr_rc rc = STYR_OK;
	mode_t mode;
	int fd;

	if(slash)
		strbuf_add(&tmp, file, (size_t)(slash - file) + 1);
	strbuf_addf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : file);
	fd = mkstemp(tmp.buf);
	if(fd < 0) {
		rc = styr_error_set(err, STYR_EIO, "%s: cannot write in its folder: %s", path,
		                    strerror(errno));
		strbuf_release(&tmp);
		return rc;
	}
	if(exists) {
		mode = old->st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if(!write_all(fd, sb->buf, sb->len) || fchmod(fd, mode))
		rc = styr_error_set(err, STYR_EIO, "%s: write failed: %s", path, strerror(errno));
	if(close(fd) && !rc)
		rc = styr_error_set(err, STYR_EIO, "%s: write failed: %s", path, strerror(errno));
	if(!rc && rename(tmp.buf, file))
		rc = styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
	if(rc)
		unlink(tmp.buf);
	strbuf_release(&tmp);
	return rc;
}

static enum styr_rc write_out(struct cli_ctx *ctx, const char *path, const struct strbuf *sb,
                              struct styr_error *err)
{
	struct strbuf file = STRBUF_INIT;
	struct stat st;
	bool exists;
	enum styr_rc rc;
	char *real;

	if(!strcmp(path, "-")) {
		if(fwrite(sb->buf, 1, sb->len, ctx->out) != sb->len || fflush(ctx->out))
			return styr_error_set(err, STYR_EIO, "standard output: write failed");
		return STYR_OK;
	}
	if(!stat(path, &st)) {
		if(S_ISDIR(st.st_mode))
			return styr_error_set(err, STYR_EIO, "%s: is a folder; -o names a file", path);
		if(!S_ISREG(st.st_mode)) /* a device, a FIFO, /dev/stdout … */
			return write_through(path, path, sb, err);
		if(!(real = realpath(path, NULL)))
			return styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
		rc = write_replace(path, real, true, &st, sb, err);
		free(real);
		return rc;
	}
	if(errno != ENOENT)
		return styr_error_set(err, STYR_EIO, "%s: %s", path, strerror(errno));
	/* Not there yet, or a link to a file not there yet: created where the
	** link points. */
	rc = resolve(path, &file, &exists, &st, err);
	if(!rc && exists)
		rc = styr_error_set(err, STYR_EIO, "%s: cannot follow its links", path);
	if(!rc)
		rc = write_replace(path, file.buf, false, &st, sb, err);
	strbuf_release(&file);
	return rc;
}

extern const struct cli_command cmd_report;

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *year = NULL, *occasion = NULL, *meeting = NULL, *paragraph = NULL;
	const char *format = NULL, *output = NULL;
	const struct cli_opt opts[] = {
		{ "--year", .value = &year },
		{ "--occasion", .value = &occasion },
		{ "--meeting", .value = &meeting },
		{ "--paragraph", .value = &paragraph },
		{ "--format", .value = &format },
		{ "-o", .value = &output },
		{ NULL }
	};
	const char *pos[2];
	int npos, r;
	struct report_args a = { 0 };
	struct styr_error err;

	styr_error_init(&err);
	r = cli_parse(ctx, &cmd_report, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r == CLI_HELP_SHOWN ? 0 : r;
	const struct report_type *t = report_type_find(pos[0]);
	if(!t) {
		size_t n;
		const struct report_type *const *all = report_types(&n);
		struct strbuf names = STRBUF_INIT;
		for(size_t i = 0; i < n; i++)
			strbuf_addf(&names, "%s%s", i ? ", " : "", all[i]->name);
		r = cli_usage_error(ctx, &cmd_report, "unknown report type \"%s\" (expected one of %s)",
		                    pos[0], names.buf);
		strbuf_release(&names);
		return r;
	}
	if(!format)
		return cli_usage_error(ctx, &cmd_report, "--format is required (html, pdf, docx, xlsx or text)");
	doc_renderer render = doc_renderer_find(format);
	if(!render)
		return cli_usage_error(ctx, &cmd_report,
		                       "unknown --format \"%s\" (expected html, pdf, docx, xlsx or text)", format);
	if(!output)
		return cli_usage_error(ctx, &cmd_report, "-o FILE is required (- for standard output)");
	int nsel = (year != NULL) + (occasion != NULL) + (meeting != NULL);
	if(nsel != 1)
		return cli_usage_error(ctx, &cmd_report,
		                       "give exactly one of --year, --occasion and --meeting");
	if(year && !cli_parse_year(year, &a.year))
		return cli_usage_error(ctx, &cmd_report, "--year: expected a year such as 2020, found \"%s\"", year);
	if(paragraph) {
		char *end;
		long v = strtol(paragraph, &end, 10);
		if(*end || v <= 0 || v > 100000)
			return cli_usage_error(ctx, &cmd_report,
			                       "--paragraph: expected a § number such as 3, found \"%s\"", paragraph);
		a.paragraph = (int)v;
	}
	a.occasion = occasion;
	a.meeting = meeting;
	unsigned sel = year ? REPORT_BY_YEAR : occasion ? REPORT_BY_OCCASION : REPORT_BY_MEETING;
	if(!(t->selectors & sel))
		return cli_usage_error(ctx, &cmd_report, "report %s is chosen by %s", t->name,
		                       (t->selectors & REPORT_BY_MEETING) ? "--meeting DATE"
		                                                          : "--year Y or --occasion DATE");

	struct store *s;
	s = ctx->store;
	struct doc *d = NULL;
	struct strbuf out = STRBUF_INIT;
	enum styr_rc rc = report_build(t, s, &a, &d, &err);
	/* a protocol's decided documents follow its pages in the PDF */
	if(!rc)
		rc = report_render(s, d, render, &out, &err);
	if(!rc)
		rc = write_out(ctx, output, &out, &err);
	doc_free(d);
	strbuf_release(&out);
	return rc ? cli_fail(ctx, &err) : 0;
}

const struct cli_command cmd_report = {
	"report", "render a report (MER-plan, prognos, delår, årsredovisning, protokoll …)",
	"usage: styr report TYPE DB (--year Y | --occasion DATE | --meeting DATE [--paragraph N])\n"
	"                   --format html|pdf|docx|xlsx|text -o FILE\n"
	"\n"
	"Types: mer-plan (--year), prognos and delar (--occasion or --year),\n"
	"arsredovisning and internkontroll (--year), protokoll (--meeting),\n"
	"utdrag (--meeting and --paragraph), tjansteskrivelse (--meeting and\n"
	"--paragraph). -o - writes to standard output. A protocol's PDF has the\n"
	"documents its items decided on appended, each with a bookmark.\n",
	run, CLI_DB_READ, 1
};
