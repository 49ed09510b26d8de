/*
** cmd_calendar_appeal.c — `styr calendar appeal --anslag DATE...`: the
** last day of appeal of a protocol (KL 13 kap.) from the anslag dates of
** the member municipalities, and the day the anslag may come down.
** Listed in the subcommand table of cmd_calendar.c.
*/
#include "cli/cli.h"
#include "base/legaldates.h"

#define MAX_ANSLAG 64

static const char *const weekday[] = {
	"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"
};

extern const struct cli_command cmd_calendar_appeal;

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *text[MAX_ANSLAG];
	struct date posted[MAX_ANSLAG];
	const char *pos[1];
	int n = 0, npos, r;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "--json", .flag = &json },
		{ "--anslag", .values = text, .nvalues = &n, .max = MAX_ANSLAG },
		{ NULL }
	};
	const struct cli_command *cmd = &cmd_calendar_appeal;
	struct appeal_dates a;
	char from[11], nominal[11], last[11], removal[11];

	r = cli_parse(ctx, cmd, argc, argv, opts, pos, 0, 0, &npos);
	if(r)
		return r;
	if(!n)
		return cli_usage_error(ctx, cmd, "--anslag: expected at least one date YYYY-MM-DD");
	for(int i = 0; i < n; i++)
		if(!date_parse_iso(text[i], &posted[i]))
			return cli_usage_error(ctx, cmd, "--anslag: expected a date YYYY-MM-DD " DATE_RANGE_TEXT ", found '%s'",
			                       text[i]);
	legal_appeal(posted, (size_t)n, NULL, &a);
	date_format_iso(a.anslag, from);
	date_format_iso(a.nominal, nominal);
	date_format_iso(a.last_day, last);
	date_format_iso(a.removal, removal);
	if(json) {
		struct jsonw w;
		cli_json_init(ctx, &w);
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "anslag", from);
		jsonw_kv_string(&w, "three_weeks", nominal);
		jsonw_kv_bool(&w, "moved", a.moved);
		jsonw_kv_string(&w, "last_day", last);
		jsonw_kv_string(&w, "anslag_removal", removal);
		jsonw_object_end(&w);
		jsonw_finish(&w);
		return 0;
	}
	if(n > 1)
		fprintf(ctx->out, "Senaste anslag bland medlemskommunerna: %s\n", from);
	else
		fprintf(ctx->out, "Anslag: %s\n", from);
	fprintf(ctx->out, "Tre veckor från anslaget: %s (%s)\n", nominal,
	        weekday[date_weekday(a.nominal) - 1]);
	if(a.moved) {
		const char *why = calendar_holiday_name(a.nominal);
		fprintf(ctx->out, "Flyttas till nästa arbetsdag (lag 1930:173): %s\n",
		        why ? why : "lördag");
	}
	fprintf(ctx->out, "Anslaget tas ned: %s\n", removal);
	fprintf(ctx->out, "Sista dag för överklagande:\n%s\n", last);
	return 0;
}

const struct cli_command cmd_calendar_appeal = {
	"calendar appeal", "the last day of appeal of a protocol from its anslag dates",
	"usage: styr calendar appeal --anslag DATE [--anslag DATE]... [--json]\n\n"
	"The appeal period (laglighetsprövning, KL 13 kap.) is three weeks from\n"
	"the day of anslag; for a joint committee from the latest anslag among\n"
	"the member municipalities (give one --anslag per municipality). A last\n"
	"day on a Saturday, Sunday, public holiday, midsommarafton, julafton or\n"
	"nyårsafton moves to the next working day (lag 1930:173). The anslag\n"
	"stays up until the day after. The last line is the last day of appeal\n"
	"alone; with --json it is the field last_day.\n",
	run
};
