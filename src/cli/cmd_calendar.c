/*
** cmd_calendar.c — `styr calendar SUBCOMMAND`: the Swedish calendar.
**
**   styr calendar holidays YEAR [--json]
**   styr calendar workdays FROM TO [--off DATE]... [--json]
**   styr calendar next DATE [--off DATE]... [--json]
**
** Each subcommand is a `struct cli_command` of its own (name "calendar X"
** so that usage errors name it), listed in the table `subcommands` below.
** Another module adds a subcommand with one line in that table and the
** descriptor in its own file. No database is needed: the calendar is rules.
*/

#include "cli/cli.h"
#include "base/calendar.h"

static const char *const weekday_names[] = {
	"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"
};

#define MAX_OFF 366

/* The weekday name of d padded to eight characters (not bytes: "måndag"
** has a two-byte å) so that the text columns line up. */
static void put_weekday(FILE *out, struct date d)
{
	cli_put_left(out, weekday_names[date_weekday(d) - 1], 8);
}

/* Parse the --off dates into days[]; 0 to go on, or 2 after a usage error. */
static int parse_off(struct cli_ctx *ctx, const struct cli_command *cmd,
                     const char **text, int n, struct date *days,
                     struct days_off *off)
{
	for(int i = 0; i < n; i++)
		if(!date_parse_iso(text[i], &days[i]))
			return cli_usage_error(ctx, cmd,
			    "--off: expected a date YYYY-MM-DD " DATE_RANGE_TEXT ", found '%s'", text[i]);
	off->days = days;
	off->count = (size_t)n;
	return 0;
}

static int parse_date_arg(struct cli_ctx *ctx, const struct cli_command *cmd,
                          const char *what, const char *s, struct date *d)
{
	if(date_parse_iso(s, d))
		return 0;
	return cli_usage_error(ctx, cmd, "%s: expected a date YYYY-MM-DD " DATE_RANGE_TEXT ", found '%s'",
	                       what, s);
}

/* Why a date is not a working day: a holiday's name, "Söndag", "Lördag",
** or "Ledig dag" for an organisation's own day off; NULL on a working day. */
static const char *reason_off(struct date d, const struct days_off *off)
{
	const char *name;
	if(calendar_is_workday(d, off))
		return NULL;
	name = calendar_holiday_name(d);
	if(name)
		return name;
	return date_weekday(d) == 6 ? "Lördag" : "Ledig dag";
}

/* --- holidays ----------------------------------------------------------- */

extern const struct cli_command cmd_calendar_holidays;

static int run_holidays(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, year, r;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };
	struct holiday h[CALENDAR_MAX_HOLIDAYS];
	size_t n;

	r = cli_parse(ctx, &cmd_calendar_holidays, argc, argv, opts, pos, 1, 1, &npos);
	if(r)
		return r;
	if(!cli_parse_year(pos[0], &year))
		return cli_usage_error(ctx, &cmd_calendar_holidays,
		                       "expected a year from 1900 to 2199, found '%s'", pos[0]);
	n = calendar_holidays(year, h);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_int(&w, "year", year);
		jsonw_key(&w, "holidays");
		jsonw_array_begin(&w);
		for(size_t i = 0; i < n; i++) {
			char d[11];
			date_format_iso(h[i].date, d);
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "date", d);
			jsonw_kv_string(&w, "weekday", weekday_names[date_weekday(h[i].date) - 1]);
			jsonw_kv_string(&w, "name", h[i].name);
			jsonw_kv_string(&w, "kind", h[i].kind == HOLIDAY_PUBLIC ? "public" : "eve");
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		return 0;
	}
	fprintf(ctx->out, "Helgdagar %d (lag 1989:253) och helgaftnar\n", year);
	for(size_t i = 0; i < n; i++) {
		char d[11];
		date_format_iso(h[i].date, d);
		fprintf(ctx->out, "%s  ", d);
		put_weekday(ctx->out, h[i].date);
		fprintf(ctx->out, " %s%s\n", h[i].name,
		        h[i].kind == HOLIDAY_EVE ? " (helgafton)" : "");
	}
	return 0;
}

const struct cli_command cmd_calendar_holidays = {
	"calendar holidays", "the public holidays and eves of a year",
	"usage: styr calendar holidays YEAR [--json]\n\n"
	"List the public holidays of YEAR (lag 1989:253) with their Swedish names,\n"
	"and the eves treated as holidays for working time (midsommarafton,\n"
	"julafton, nyårsafton). Ordinary Sundays are not listed.\n",
	run_holidays
};

/* --- workdays ----------------------------------------------------------- */

extern const struct cli_command cmd_calendar_workdays;

static int run_workdays(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	const char *offtext[MAX_OFF];
	struct date offdays[MAX_OFF];
	int npos, noff = 0, r;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "--json", .flag = &json },
		{ "--off", .values = offtext, .nvalues = &noff, .max = MAX_OFF },
		{ NULL }
	};
	const struct cli_command *cmd = &cmd_calendar_workdays;
	struct days_off off = { NULL, 0 };
	struct date from, to;
	char f[11], t[11];
	int32_t ndays;
	int nwork;

	r = cli_parse(ctx, cmd, argc, argv, opts, pos, 2, 2, &npos);
	if(!r)
		r = parse_date_arg(ctx, cmd, "FROM", pos[0], &from);
	if(!r)
		r = parse_date_arg(ctx, cmd, "TO", pos[1], &to);
	if(!r)
		r = parse_off(ctx, cmd, offtext, noff, offdays, &off);
	if(r)
		return r;
	if(date_cmp(from, to) > 0)
		return cli_usage_error(ctx, cmd, "FROM %s is after TO %s", pos[0], pos[1]);
	ndays = date_diff_days(from, to) + 1;
	nwork = calendar_count_workdays(from, to, &off);
	date_format_iso(from, f);
	date_format_iso(to, t);

	/* The weekdays (Monday–Friday) that are not working days: the reason
	** the count is lower than the plain count of weekdays. */
	struct jsonw w;
	if(json) {
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "from", f);
		jsonw_kv_string(&w, "to", t);
		jsonw_kv_int(&w, "days", ndays);
		jsonw_kv_int(&w, "workdays", nwork);
		jsonw_key(&w, "weekdays_off");
		jsonw_array_begin(&w);
	} else {
		fprintf(ctx->out, "%s – %s: %d arbetsdagar av %d dagar\n", f, t, nwork,
		        (int)ndays);
	}
	bool header = false;
	for(struct date d = from; date_cmp(d, to) <= 0; d = date_add_days(d, 1)) {
		const char *why;
		char s[11];
		if(date_weekday(d) > 5 || !(why = reason_off(d, &off)))
			continue;
		date_format_iso(d, s);
		if(json) {
			jsonw_object_begin(&w);
			jsonw_kv_string(&w, "date", s);
			jsonw_kv_string(&w, "weekday", weekday_names[date_weekday(d) - 1]);
			jsonw_kv_string(&w, "reason", why);
			jsonw_object_end(&w);
			continue;
		}
		if(!header)
			fputs("Lediga vardagar:\n", ctx->out);
		header = true;
		fprintf(ctx->out, "%s  ", s);
		put_weekday(ctx->out, d);
		fprintf(ctx->out, " %s\n", why);
	}
	if(json) {
		jsonw_array_end(&w);
		jsonw_object_end(&w);
		jsonw_finish(&w);
	}
	return 0;
}

const struct cli_command cmd_calendar_workdays = {
	"calendar workdays", "the number of working days in a range",
	"usage: styr calendar workdays FROM TO [--off DATE]... [--json]\n\n"
	"Count the working days from FROM to TO, both included: days that are not\n"
	"a Saturday, a Sunday, a public holiday, midsommarafton, julafton or\n"
	"nyårsafton. Each --off DATE adds a day off of the organisation's own\n"
	"(klämdag). The weekdays that are not working days are listed with the\n"
	"reason.\n",
	run_workdays
};

/* --- next --------------------------------------------------------------- */

extern const struct cli_command cmd_calendar_next;

static int run_next(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	const char *offtext[MAX_OFF];
	struct date offdays[MAX_OFF];
	int npos, noff = 0, r;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "--json", .flag = &json },
		{ "--off", .values = offtext, .nvalues = &noff, .max = MAX_OFF },
		{ NULL }
	};
	const struct cli_command *cmd = &cmd_calendar_next;
	struct days_off off = { NULL, 0 };
	struct date d, next;
	char ds[11], ns[11];
	const char *why;

	r = cli_parse(ctx, cmd, argc, argv, opts, pos, 1, 1, &npos);
	if(!r)
		r = parse_date_arg(ctx, cmd, "DATE", pos[0], &d);
	if(!r)
		r = parse_off(ctx, cmd, offtext, noff, offdays, &off);
	if(r)
		return r;
	next = calendar_next_workday(d, &off);
	why = reason_off(d, &off);
	date_format_iso(d, ds);
	date_format_iso(next, ns);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "date", ds);
		jsonw_kv_bool(&w, "workday", why == NULL);
		if(why)
			jsonw_kv_string(&w, "reason", why);
		jsonw_kv_string(&w, "next_workday", ns);
		jsonw_object_end(&w);
		jsonw_finish(&w);
	} else if(!why) {
		fprintf(ctx->out, "%s (%s) är en arbetsdag\n", ds,
		        weekday_names[date_weekday(d) - 1]);
	} else {
		fprintf(ctx->out, "%s (%s) är inte en arbetsdag: %s; nästa arbetsdag %s (%s)\n",
		        ds, weekday_names[date_weekday(d) - 1], why, ns,
		        weekday_names[date_weekday(next) - 1]);
	}
	return 0;
}

const struct cli_command cmd_calendar_next = {
	"calendar next", "the date itself or the next working day",
	"usage: styr calendar next DATE [--off DATE]... [--json]\n\n"
	"Show DATE when it is a working day, otherwise the next working day: the\n"
	"rule of lag 1930:173 for a deadline that ends on a Saturday, a Sunday, a\n"
	"public holiday, midsommarafton, julafton or nyårsafton. Each --off DATE\n"
	"adds a day off of the organisation's own.\n",
	run_next
};

/* --- dispatch ----------------------------------------------------------- */

extern const struct cli_command cmd_calendar_appeal; /* cmd_calendar_appeal.c */

const struct cli_command cmd_calendar = {
	"calendar", "the Swedish calendar: holidays, working days, deadlines",
	"usage: styr calendar SUBCOMMAND [arguments] [--json]\n\n"
	"The Swedish calendar of lag 1989:253 (public holidays) and lag 1930:173\n"
	"(deadlines moved to the next working day), computed from rules for the\n"
	"years 1900-2199. Run 'styr calendar --help' for the subcommands.\n",
	.subs = (const struct cli_command *const[]){ &cmd_calendar_holidays,
		&cmd_calendar_workdays, &cmd_calendar_next, &cmd_calendar_appeal, NULL },
};
