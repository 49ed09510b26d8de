/*
** cmd_meeting_show.c — `styr meeting show DB DATE` (the whole protocol:
** the meetings module's protocol document, the one `styr report
** protokoll` renders, as text; or --json) and `styr meeting dates DB
** DATE` (its legal dates and the recorded dates that break them).
** Subcommands of cmd_meeting.c.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/strbuf.h"
#include "meetings/meetings.h"
#include "meetings/meetings_doc.h"
#include "org/org.h"
#include "db/store.h"

extern const struct cli_command cmd_meeting_show, cmd_meeting_dates;

static void kv_date(struct jsonw *w, const char *key, struct date d)
{
	char iso[11];
	if(!d.year)
		return;
	date_format_iso(d, iso);
	jsonw_kv_string(w, key, iso);
}

static void kv_opt(struct jsonw *w, const char *key, const char *s)
{
	if(s)
		jsonw_kv_string(w, key, s);
}

static void strings(struct jsonw *w, const char *key, char *const *v, size_t n)
{
	jsonw_key(w, key);
	jsonw_array_begin(w);
	for(size_t i = 0; i < n; i++)
		jsonw_string(w, v[i]);
	jsonw_array_end(w);
}

static void print_json(struct cli_ctx *ctx, const struct protocol *p,
                       const struct meeting_deadlines *dl)
{
	struct jsonw w;
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	kv_opt(&w, "committee", p->committee);
	kv_date(&w, "date", p->date);
	kv_opt(&w, "start", p->start);
	kv_opt(&w, "end", p->end);
	kv_opt(&w, "place", p->place);
	jsonw_kv_bool(&w, "remote", p->remote);
	kv_opt(&w, "chair", p->chair);
	kv_opt(&w, "secretary", p->secretary);
	kv_date(&w, "justering", p->justering);
	strings(&w, "justerare", p->justerare, p->njusterare);
	jsonw_key(&w, "attendance");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < p->npeople; i++) {
		const struct attendee *a = &p->people[i];
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "person", a->key);
		jsonw_kv_string(&w, "name", a->name);
		jsonw_kv_string(&w, "role", attendee_role_names[a->role]);
		kv_opt(&w, "title", a->title);
		kv_opt(&w, "party", a->party);
		kv_opt(&w, "municipality", a->municipality);
		kv_opt(&w, "serving_for", a->serving_for);
		jsonw_kv_bool(&w, "remote", a->remote);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "items");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < p->nitems; i++) {
		const struct agenda_entry *it = &p->items[i];
		jsonw_object_begin(&w);
		jsonw_kv_int(&w, "paragraph", it->number);
		jsonw_kv_string(&w, "title", it->title);
		kv_opt(&w, "heading", it->heading);
		kv_opt(&w, "case", it->case_number);
		kv_opt(&w, "description", it->description);
		kv_opt(&w, "proposal", it->proposal);
		kv_opt(&w, "decision", it->decision);
		kv_date(&w, "period_from", it->period_from);
		kv_date(&w, "period_to", it->period_to);
		strings(&w, "basis_documents", it->basis, it->nbasis);
		jsonw_key(&w, "delegation_decisions");
		jsonw_array_begin(&w);
		for(size_t k = 0; k < it->ndelegations; k++) {
			jsonw_object_begin(&w);
			kv_opt(&w, "case", it->delegations[k].case_number);
			jsonw_kv_string(&w, "title", it->delegations[k].title);
			kv_date(&w, "date", it->delegations[k].date);
			jsonw_object_end(&w);
		}
		jsonw_array_end(&w);
		strings(&w, "messages", it->messages, it->nmessages);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "anslag");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < p->nanslag; i++) {
		const struct anslag_entry *a = &p->anslag[i];
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "municipality", a->code);
		jsonw_kv_string(&w, "name", a->municipality);
		kv_date(&w, "date", a->date);
		kv_date(&w, "until", a->stated_until);
		kv_opt(&w, "storage_place", a->storage_place);
		kv_opt(&w, "posted_by", a->posted_by);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "dates");
	jsonw_object_begin(&w);
	kv_date(&w, "justering_deadline", dl->justering_deadline);
	kv_date(&w, "anslag_deadline", dl->anslag_deadline);
	if(dl->has_appeal) {
		kv_date(&w, "appeal_from", dl->appeal.anslag);
		kv_date(&w, "last_day", dl->appeal.last_day);
		kv_date(&w, "anslag_removal", dl->appeal.removal);
	}
	jsonw_object_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

/* Read the protocol of DATE, its members and deadlines. */
static int load(struct cli_ctx *ctx, const char *date, struct protocol *p,
                struct member **mem, size_t *nmem, struct meeting_deadlines *dl,
                struct findings *warn)
{
	struct store *s;
	struct styr_error err;
	enum styr_rc rc;
	s = ctx->store;
	rc = meeting_protocol(s, date, p, &err);
	if(!rc) {
		rc = org_members(s, p->date, mem, nmem, &err);
		if(rc)
			protocol_release(p);
	}
	if(rc)
		return cli_fail(ctx, &err);
	meeting_deadlines(p, *nmem, dl, warn);
	return 0;
}

static void put_warnings(struct cli_ctx *ctx, const struct findings *warn)
{
	for(size_t i = 0; i < warn->count; i++)
		fprintf(ctx->err, "styr: warning: %s\n", warn->lines[i]);
}

static void dates_json(struct cli_ctx *ctx, const struct protocol *p,
                       const struct meeting_deadlines *dl, const struct member *mem,
                       size_t nmem, const struct findings *warn);
static void dates_text(FILE *out, const struct protocol *p, const struct meeting_deadlines *dl,
                       const struct member *mem, size_t nmem);

/* `meeting show` and `meeting dates`: parse DB DATE [--json], load the
** meeting and print the protocol (dates false) or its legal dates. */
static int run_meeting(struct cli_ctx *ctx, const struct cli_command *cmd, bool dates,
                       int argc, char **argv)
{
	const char *pos[2];
	int npos, r;
	bool json = false;
	const struct cli_opt opts[] = { { "--json", .flag = &json }, { NULL } };
	struct protocol p;
	struct member *mem = NULL;
	size_t nmem = 0;
	struct meeting_deadlines dl;
	struct findings warn = FINDINGS_INIT;

	r = cli_parse(ctx, cmd, argc, argv, opts, pos, 2, 2, &npos);
	if(!r)
		r = load(ctx, pos[1], &p, &mem, &nmem, &dl, &warn);
	if(r)
		return r;
	if(dates && json)
		dates_json(ctx, &p, &dl, mem, nmem, &warn); /* the warnings go in the JSON */
	else if(dates)
		dates_text(ctx->out, &p, &dl, mem, nmem);
	else if(json)
		print_json(ctx, &p, &dl);
	else
		r = cli_print_doc(ctx, meetings_doc_protocol(&p));
	if(!(dates && json))
		put_warnings(ctx, &warn);
	findings_release(&warn);
	protocol_release(&p);
	members_free(mem, nmem);
	return r;
}

static int run_show(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_meeting(ctx, &cmd_meeting_show, false, argc, argv);
}

const struct cli_command cmd_meeting_show = {
	"meeting show", "the whole protocol of a meeting",
	"usage: styr meeting show DB DATE [--json]\n\n"
	"Print the protocol of the meeting on DATE as `styr report protokoll`\n"
	"draws it, in the order of the printed protocol: Tid, Plats, Beslutande\n"
	"ledamöter, Ej tjänstgörande ersättare, Övriga, the paragraphs it holds,\n"
	"Ordförande, Justerare and Sekreterare, an ANSLAG/BEVIS per recorded\n"
	"anslag with the anslag of all members, the Ärendelista, and each § with\n"
	"its description, proposal, decision and lists. Recorded dates that\n"
	"break a deadline are warned about.\n",
	run_show, CLI_DB_READ
};

static void dates_json(struct cli_ctx *ctx, const struct protocol *p,
                       const struct meeting_deadlines *dl, const struct member *mem,
                       size_t nmem, const struct findings *warn)
{
	struct jsonw w;
	cli_json_init(ctx, &w);
	jsonw_object_begin(&w);
	kv_date(&w, "meeting", p->date);
	kv_date(&w, "justering_deadline", dl->justering_deadline);
	kv_date(&w, "justering", p->justering);
	kv_date(&w, "anslag_deadline", dl->anslag_deadline);
	jsonw_key(&w, "anslag");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < p->nanslag; i++) {
		jsonw_object_begin(&w);
		jsonw_kv_string(&w, "municipality", p->anslag[i].code);
		jsonw_kv_string(&w, "name", p->anslag[i].municipality);
		kv_date(&w, "date", p->anslag[i].date);
		kv_date(&w, "until", p->anslag[i].stated_until);
		jsonw_object_end(&w);
	}
	jsonw_array_end(&w);
	jsonw_key(&w, "anslag_missing");
	jsonw_array_begin(&w);
	for(size_t m = 0; m < nmem; m++)
		if(!protocol_anslag(p, mem[m].code))
			jsonw_string(&w, mem[m].code);
	jsonw_array_end(&w);
	if(dl->has_appeal) {
		kv_date(&w, "appeal_from", dl->appeal.anslag);
		kv_date(&w, "three_weeks", dl->appeal.nominal);
		jsonw_kv_bool(&w, "moved", dl->appeal.moved);
		kv_date(&w, "last_day", dl->appeal.last_day);
		kv_date(&w, "anslag_removal", dl->appeal.removal);
	}
	jsonw_key(&w, "warnings");
	jsonw_array_begin(&w);
	for(size_t i = 0; i < warn->count; i++)
		jsonw_string(&w, warn->lines[i]);
	jsonw_array_end(&w);
	jsonw_object_end(&w);
	jsonw_finish(&w);
}

/* What a line adds when lag 1930:173 moved the deadline. */
#define MOVED ", flyttad till nästa arbetsdag enligt lag 1930:173"

static void dates_text(FILE *out, const struct protocol *p, const struct meeting_deadlines *dl,
                       const struct member *mem, size_t nmem)
{
	char a[11], b[11];
	date_format_iso(p->date, a);
	fprintf(out, "Sammanträde %s\n", a);
	date_format_iso(dl->justering_deadline, b);
	fprintf(out, "Justering senast:                  %s (sammanträdet + %d dagar%s)\n", b,
	        LEGAL_JUSTERING_DAYS,
	        legal_moved(p->date, LEGAL_JUSTERING_DAYS, dl->justering_deadline) ? MOVED : "");
	if(p->justering.year)
		date_format_iso(p->justering, a);
	fprintf(out, "Justering:                         %s\n", p->justering.year ? a : "ej registrerad");
	date_format_iso(dl->anslag_deadline, b);
	fprintf(out, "Anslag senast:                     %s (justeringen + %d dagar%s)\n", b,
	        LEGAL_ANSLAG_DAYS,
	        legal_moved(p->justering.year ? p->justering : dl->justering_deadline,
	                    LEGAL_ANSLAG_DAYS, dl->anslag_deadline) ? MOVED : "");
	for(size_t i = 0; i < p->nanslag; i++) {
		date_format_iso(p->anslag[i].date, a);
		fputs("Anslag ", out);
		cli_put_left(out, p->anslag[i].municipality, 27);
		fprintf(out, " %s\n", a);
	}
	struct strbuf missing = STRBUF_INIT;
	for(size_t m = 0; m < nmem; m++)
		if(!protocol_anslag(p, mem[m].code))
			strbuf_addf(&missing, "%s%s", missing.len ? ", " : "", mem[m].name);
	if(missing.len)
		fprintf(out, "Anslag ej registrerat:             %s\n", missing.buf);
	strbuf_release(&missing);
	if(!dl->has_appeal) {
		fprintf(out, "Överklagandetiden:                 inget anslag registrerat\n");
		return;
	}
	date_format_iso(dl->appeal.anslag, a);
	fprintf(out, "Överklagandetiden räknas från:     %s (senaste anslaget)\n", a);
	date_format_iso(dl->appeal.nominal, a);
	date_format_iso(dl->appeal.last_day, b);
	if(dl->appeal.moved)
		fprintf(out, "Tre veckor:                        %s, flyttas till nästa arbetsdag\n", a);
	fprintf(out, "Sista dag för överklagande:        %s\n", b);
	date_format_iso(dl->appeal.removal, a);
	fprintf(out, "Anslaget tas ned:                  %s\n", a);
}

static int run_dates(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_meeting(ctx, &cmd_meeting_dates, true, argc, argv);
}

const struct cli_command cmd_meeting_dates = {
	"meeting dates", "the legal dates of a meeting's protocol",
	"usage: styr meeting dates DB DATE [--json]\n\n"
	"Justering deadline (meeting + 14 days), anslag deadline (justering + 2\n"
	"days), the anslag recorded per member municipality, and the appeal\n"
	"period: three weeks from the latest anslag. Each deadline moves past\n"
	"Saturdays, Sundays, holidays and the eves of lag 1930:173; the anslag\n"
	"stays up until the day after the last day of appeal. Recorded dates\n"
	"that break a deadline are warned about.\n",
	run_dates, CLI_DB_READ
};
