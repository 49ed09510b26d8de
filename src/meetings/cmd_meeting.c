/*
** cmd_meeting.c — `styr meeting SUBCOMMAND DB …`: meetings and protocols.
**
**   styr meeting list DB
**   styr meeting new DB DATE [--start HH:MM] [--end HH:MM] [--place TEXT] [--remote]
**                            [--chair PERSON] [--secretary PERSON]
**   styr meeting attend DB DATE PERSON --role ROLE [--for PERSON] [--title T] [--remote]
**   styr meeting agenda DB DATE [--standard] [--item "TITLE (CASE)"]...
**   styr meeting decide DB DATE § --decision TEXT [--proposal T] [--description T] [--basis DOC]...
**   styr meeting justera DB DATE --date DATE --justerare PERSON...
**   styr meeting anslag DB DATE --municipality M --date DATE [--until DATE]
**                            [--place TEXT] [--by PERSON]
**   styr meeting show DB DATE [--json]     (cmd_meeting_show.c)
**   styr meeting dates DB DATE [--json]    (cmd_meeting_show.c)
**
** Each subcommand is a descriptor named "meeting X" so that usage errors
** name it. Changes print what was stored and warn (on stderr) about dates
** that break a deadline; refusals name the meeting and the paragraph.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "control/casenum.h"
#include "control/control.h"
#include "base/strbuf.h"
#include "meetings/meetings.h"
#include "db/store.h"

extern const struct cli_command cmd_meeting_show, cmd_meeting_dates;
extern const struct cli_command cmd_meeting_list, cmd_meeting_new, cmd_meeting_attend,
	cmd_meeting_agenda, cmd_meeting_decide, cmd_meeting_justera, cmd_meeting_anslag;

#define MAX_LIST 100

/* Run fn on the command's database; print warnings; the exit status. */
static int with_store(struct cli_ctx *ctx,
                      enum styr_rc (*fn)(struct store *s, void *arg, struct findings *warn,
                                         struct styr_error *err),
                      void *arg)
{
	struct store *s;
	struct styr_error err;
	struct findings warn = FINDINGS_INIT;
	s = ctx->store;
	enum styr_rc rc = fn(s, arg, &warn, &err);
	for(size_t i = 0; i < warn.count; i++)
		fprintf(ctx->err, "styr: warning: %s\n", warn.lines[i]);
	findings_release(&warn);
	return rc ? cli_fail(ctx, &err) : 0;
}

/* --- list --------------------------------------------------------------- */

static int run_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, r;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };
	struct store *s;
	struct styr_error err;
	struct date *dates = NULL;
	size_t n = 0;

	r = cli_parse(ctx, &cmd_meeting_list, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	s = ctx->store;
	enum styr_rc rc = meeting_dates_list(s, &dates, &n, &err);
	if(rc)
		return cli_fail(ctx, &err);
	struct jsonw w;
	if(json) {
		cli_json_init(ctx, &w);
		jsonw_array_begin(&w);
	}
	for(size_t i = 0; i < n; i++) {
		char iso[11];
		date_format_iso(dates[i], iso);
		if(json)
			jsonw_string(&w, iso);
		else
			fprintf(ctx->out, "%s\n", iso);
	}
	if(json) {
		jsonw_array_end(&w);
		jsonw_finish(&w);
	}
	free(dates);
	return 0;
}

const struct cli_command cmd_meeting_list = {
	"meeting list", "the meetings, by date",
	"usage: styr meeting list DB [--json]\n\nThe dates of the meetings held in DB.\n",
	run_list, CLI_DB_READ
};

/* --- new ---------------------------------------------------------------- */

static enum styr_rc do_new(struct store *s, void *arg, struct findings *warn,
                           struct styr_error *err)
{
	(void)warn;
	return meeting_create(s, arg, err);
}

static int run_new(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	struct meeting_new m = { 0 };
	const struct cli_opt opts[] = {
		{ "--start", .value = &m.start }, { "--end", .value = &m.end },
		{ "--place", .value = &m.place }, { "--remote", .flag = &m.remote },
		{ "--chair", .value = &m.chair }, { "--secretary", .value = &m.secretary },
		{ NULL }
	};
	r = cli_parse(ctx, &cmd_meeting_new, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	m.date = pos[1];
	r = with_store(ctx, do_new, &m);
	if(!r)
		fprintf(ctx->out, "meeting %s created\n", m.date);
	return r;
}

const struct cli_command cmd_meeting_new = {
	"meeting new", "create a meeting",
	"usage: styr meeting new DB DATE [--start HH:MM] [--end HH:MM] [--place TEXT]\n"
	"                        [--remote] [--chair PERSON] [--secretary PERSON]\n\n"
	"Create the meeting on DATE (which names it). PERSON is a key of the\n"
	"persons section.\n",
	run_new, CLI_DB_WRITE
};

/* --- attend ------------------------------------------------------------- */

struct attend_arg {
	const char *date;
	struct meeting_attend a;
};

static enum styr_rc do_attend(struct store *s, void *arg, struct findings *warn,
                              struct styr_error *err)
{
	struct attend_arg *x = arg;
	(void)warn;
	return meeting_attend(s, x->date, &x->a, err);
}

static int run_attend(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[3];
	int npos, r;
	struct attend_arg x = { 0 };
	const struct cli_opt opts[] = {
		{ "--role", .value = &x.a.role }, { "--for", .value = &x.a.serving_for },
		{ "--title", .value = &x.a.title }, { "--remote", .flag = &x.a.remote },
		{ NULL }
	};
	r = cli_parse(ctx, &cmd_meeting_attend, argc, argv, opts, pos, 3, 3, &npos);
	if(r)
		return r;
	x.date = pos[1];
	x.a.person = pos[2];
	r = with_store(ctx, do_attend, &x);
	if(!r)
		fprintf(ctx->out, "meeting %s: %s present as %s\n", x.date, x.a.person, x.a.role);
	return r;
}

const struct cli_command cmd_meeting_attend = {
	"meeting attend", "record a person present at a meeting",
	"usage: styr meeting attend DB DATE PERSON --role ROLE [--for PERSON]\n"
	"                           [--title TEXT] [--remote]\n\n"
	"ROLE is ordinarie, tjänstgörande ersättare (with --for the member served\n"
	"for), ersättare (present, not serving) or tjänsteperson (Övriga).\n"
	"--remote records participation at a distance (Distans).\n",
	run_attend, CLI_DB_WRITE
};

/* --- agenda ------------------------------------------------------------- */

/* The standing items (meeting_standard_items) around the matters: at most
** MAX_STANDING in all. */
#define MAX_STANDING 40

struct agenda_arg {
	const char *date;
	const char *titles[MAX_LIST + MAX_STANDING];
	const char *cases[MAX_LIST + MAX_STANDING];
	size_t n;
	int first;
};

static enum styr_rc do_agenda(struct store *s, void *arg, struct findings *warn,
                              struct styr_error *err)
{
	struct agenda_arg *x = arg;
	(void)warn;
	return meeting_add_items(s, x->date, x->titles, x->cases, x->n, &x->first, err);
}

static int print_agenda(struct cli_ctx *ctx, const char *date)
{
	struct store *s;
	struct styr_error err;
	struct protocol p;
	s = ctx->store;
	enum styr_rc rc = meeting_protocol(s, date, &p, &err);
	if(rc)
		return cli_fail(ctx, &err);
	fprintf(ctx->out, "Ärendelista %s\n", date);
	for(size_t i = 0; i < p.nitems; i++) {
		fprintf(ctx->out, "- §%d %s", p.items[i].number, p.items[i].title);
		if(p.items[i].case_number)
			fprintf(ctx->out, " (%s)", p.items[i].case_number);
		fputc('\n', ctx->out);
	}
	protocol_release(&p);
	return 0;
}

static int run_agenda(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	const char *items[MAX_LIST];
	int npos, nitems = 0, r;
	bool standard = false;
	struct agenda_arg *x;
	struct strbuf *split;
	const struct cli_opt opts[] = {
		{ "--item", .values = items, .nvalues = &nitems, .max = MAX_LIST },
		{ "--standard", .flag = &standard },
		{ NULL }
	};
	r = cli_parse(ctx, &cmd_meeting_agenda, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	if(!nitems && !standard)
		return print_agenda(ctx, pos[1]);
	struct case_style style;
	struct styr_error err;
	char **before = NULL, **after = NULL;
	size_t nbefore = 0, nafter = 0;
	if(control_case_style(ctx->store, &style, &err))
		return cli_fail(ctx, &err);
	if(standard && meeting_standard_items(ctx->store, &before, &nbefore, &after, &nafter, &err)) {
		case_style_release(&style);
		return cli_fail(ctx, &err);
	}
	if(nbefore + nafter > MAX_STANDING)
		nafter = nbefore > MAX_STANDING ? 0 : MAX_STANDING - nbefore;
	if(nbefore > MAX_STANDING)
		nbefore = MAX_STANDING;
	x = xcalloc(1, sizeof(*x));
	split = xcalloc((size_t)nitems + 1, sizeof(*split));
	x->date = pos[1];
	for(size_t i = 0; i < nbefore; i++)
		x->titles[x->n++] = before[i];
	for(int i = 0; i < nitems; i++) {
		/* "Title (Syd-IT 21-1)": a trailing case number in parentheses. */
		const char *t = items[i], *open = strrchr(t, '(');
		size_t len = strlen(t);
		struct casenum c;
		x->titles[x->n] = t;
		if(open && len && t[len - 1] == ')' && open > t) {
			struct strbuf num = STRBUF_INIT;
			strbuf_add(&num, open + 1, (size_t)(t + len - 1 - (open + 1)));
			if(case_style_parse(&style, num.buf, &c)
			   || casenum_parse(num.buf, NULL, CASENUM_ANY, &c)) {
				const char *end = open;
				while(end > t && end[-1] == ' ')
					end--;
				strbuf_add(&split[i], t, (size_t)(end - t));
				x->titles[x->n] = split[i].buf;
				x->cases[x->n] = strbuf_detach(&num);
				casenum_release(&c);
			}
			strbuf_release(&num);
		}
		x->n++;
	}
	for(size_t i = 0; i < nafter; i++)
		x->titles[x->n++] = after[i];
	r = with_store(ctx, do_agenda, x);
	if(!r && x->n == 1)
		fprintf(ctx->out, "meeting %s: §%d added\n", x->date, x->first);
	else if(!r)
		fprintf(ctx->out, "meeting %s: §§%d-%d added\n", x->date, x->first,
		        x->first + (int)x->n - 1);
	if(!r)
		r = print_agenda(ctx, pos[1]);
	for(size_t i = 0; i < x->n; i++)
		free((char *)x->cases[i]);
	for(int i = 0; i < nitems; i++)
		strbuf_release(&split[i]);
	free(split);
	free(x);
	case_style_release(&style);
	for(char **v = before; v && *v; v++)
		free(*v);
	for(char **v = after; v && *v; v++)
		free(*v);
	free(before);
	free(after);
	return r;
}

const struct cli_command cmd_meeting_agenda = {
	"meeting agenda", "show or extend the agenda (ärendelista) of a meeting",
	"usage: styr meeting agenda DB DATE [--standard] [--item \"TITLE (CASE)\"]...\n\n"
	"Without options, print the agenda. Each --item appends an item; a case\n"
	"number in parentheses at the end of the title (\"Årsredovisning 2020\n"
	"(Syd-IT 21-1)\") is stored as the item's case number. --standard puts\n"
	"the standing items around them: the committee's standard_items, or Val\n"
	"av justerare, Förvaltningschefen informerar, …, Redovisning av\n"
	"delegeringsbeslut, Meddelanden för kännedom, Övriga frågor. § numbers are assigned now, running on from\n"
	"the year's last § before the meeting (from 1 at the year's first\n"
	"meeting); numbers that would collide with a later meeting are refused.\n",
	run_agenda, CLI_DB_WRITE
};

/* --- decide ------------------------------------------------------------- */

struct decide_arg {
	const char *date;
	int number;
	struct meeting_decision d;
};

static enum styr_rc do_decide(struct store *s, void *arg, struct findings *warn,
                              struct styr_error *err)
{
	struct decide_arg *x = arg;
	(void)warn;
	return meeting_decide(s, x->date, x->number, &x->d, err);
}

static int run_decide(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[3];
	const char *basis[MAX_LIST];
	int npos, nbasis = 0, r;
	struct decide_arg x = { 0 };
	const struct cli_opt opts[] = {
		{ "--decision", .value = &x.d.decision }, { "--proposal", .value = &x.d.proposal },
		{ "--description", .value = &x.d.description },
		{ "--basis", .values = basis, .nvalues = &nbasis, .max = MAX_LIST },
		{ NULL }
	};
	r = cli_parse(ctx, &cmd_meeting_decide, argc, argv, opts, pos, 3, 3, &npos);
	if(r)
		return r;
	const char *num = pos[2];
	if(!strncmp(num, "§", strlen("§")))
		num += strlen("§");
	char *end;
	long n = strtol(num, &end, 10);
	if(!*num || *end || n < 1 || n > 100000)
		return cli_usage_error(ctx, &cmd_meeting_decide, "§: expected a paragraph number "
		                       "such as 3 or §3, found '%s'", pos[2]);
	if(!x.d.decision && !x.d.proposal && !x.d.description && !nbasis)
		return cli_usage_error(ctx, &cmd_meeting_decide, "nothing to record: give --decision, "
		                       "--proposal, --description or --basis");
	x.date = pos[1];
	x.number = (int)n;
	x.d.basis = basis;
	x.d.nbasis = (size_t)nbasis;
	r = with_store(ctx, do_decide, &x);
	if(!r)
		fprintf(ctx->out, "meeting %s: §%d recorded\n", x.date, x.number);
	return r;
}

const struct cli_command cmd_meeting_decide = {
	"meeting decide", "record the decision (and proposal, description) of a §",
	"usage: styr meeting decide DB DATE § [--decision TEXT] [--proposal TEXT]\n"
	"                           [--description TEXT] [--basis DOCUMENT]...\n\n"
	"Record what was decided on paragraph § (\"3\" or \"§3\") of the meeting on\n"
	"DATE; fields not given are left as they are, --basis appends a basis\n"
	"document (beslutsunderlag). A § the meeting does not have is refused.\n",
	run_decide, CLI_DB_WRITE
};

/* --- justera ------------------------------------------------------------ */

struct justera_arg {
	const char *date, *justering;
	const char *persons[MAX_LIST];
	int n;
};

static enum styr_rc do_justera(struct store *s, void *arg, struct findings *warn,
                               struct styr_error *err)
{
	struct justera_arg *x = arg;
	return meeting_justera(s, x->date, x->justering, x->persons, (size_t)x->n, warn, err);
}

static int run_justera(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	struct justera_arg x = { 0 };
	const struct cli_opt opts[] = {
		{ "--date", .value = &x.justering },
		{ "--justerare", .values = x.persons, .nvalues = &x.n, .max = MAX_LIST },
		{ NULL }
	};
	r = cli_parse(ctx, &cmd_meeting_justera, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	if(!x.justering)
		return cli_usage_error(ctx, &cmd_meeting_justera, "--date: expected the justering date");
	x.date = pos[1];
	r = with_store(ctx, do_justera, &x);
	if(!r)
		fprintf(ctx->out, "meeting %s: justerat %s\n", x.date, x.justering);
	return r;
}

const struct cli_command cmd_meeting_justera = {
	"meeting justera", "record the justering of a protocol and its justerare",
	"usage: styr meeting justera DB DATE --date DATE [--justerare PERSON]...\n\n"
	"Record the day the protocol of the meeting on DATE was justerat, and the\n"
	"justerare (members or substitutes present at the meeting). A justering\n"
	"later than 14 days after the meeting is warned about; one after a\n"
	"recorded anslag is refused.\n",
	run_justera, CLI_DB_WRITE
};

/* --- anslag ------------------------------------------------------------- */

struct anslag_arg {
	const char *date;
	struct meeting_anslag a;
};

static enum styr_rc do_anslag(struct store *s, void *arg, struct findings *warn,
                              struct styr_error *err)
{
	struct anslag_arg *x = arg;
	return meeting_set_anslag(s, x->date, &x->a, warn, err);
}

static int run_anslag(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	struct anslag_arg x = { 0 };
	const struct cli_opt opts[] = {
		{ "--municipality", .value = &x.a.municipality }, { "--date", .value = &x.a.date },
		{ "--until", .value = &x.a.until }, { "--place", .value = &x.a.storage_place },
		{ "--by", .value = &x.a.posted_by },
		{ NULL }
	};
	r = cli_parse(ctx, &cmd_meeting_anslag, argc, argv, opts, pos, 2, 2, &npos);
	if(r)
		return r;
	if(!x.a.municipality || !x.a.date)
		return cli_usage_error(ctx, &cmd_meeting_anslag, "expected --municipality and --date");
	x.date = pos[1];
	r = with_store(ctx, do_anslag, &x);
	if(!r)
		fprintf(ctx->out, "meeting %s: anslag %s in %s recorded\n", x.date, x.a.date,
		        x.a.municipality);
	return r;
}

const struct cli_command cmd_meeting_anslag = {
	"meeting anslag", "record the anslag of a protocol in a member municipality",
	"usage: styr meeting anslag DB DATE --municipality M --date DATE [--until DATE]\n"
	"                           [--place TEXT] [--by PERSON]\n\n"
	"Record (or replace) the day the justering of the meeting on DATE was\n"
	"announced on the notice board of municipality M (code or name). --until\n"
	"is the \"till och med\" date printed on the anslag, --place the\n"
	"Förvaringsplats för protokollet, --by who posted it. An anslag before\n"
	"the justering is refused; one later than 2 days after it is warned\n"
	"about. See 'styr meeting dates' for the appeal period.\n",
	run_anslag, CLI_DB_WRITE
};

/* --- dispatch ----------------------------------------------------------- */

const struct cli_command cmd_meeting = {
	"meeting", "meetings and protocols: agenda, decisions, justering, anslag, dates",
	"usage: styr meeting SUBCOMMAND DB [arguments]\n\n"
	"Meetings of the committee, named by their date: attendance, the agenda\n"
	"with § numbers running through the year, decisions, justering, anslag\n"
	"per member municipality, the protocol as text and its legal dates.\n",
	.subs = (const struct cli_command *const[]){
		&cmd_meeting_list, &cmd_meeting_new, &cmd_meeting_attend, &cmd_meeting_agenda,
		&cmd_meeting_decide, &cmd_meeting_justera, &cmd_meeting_anslag, &cmd_meeting_show,
		&cmd_meeting_dates, NULL },
};
