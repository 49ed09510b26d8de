/*
** cmd_meeting_show.c — `styr meeting show DB DATE` (the whole protocol as
** text in the order of a printed protocol, or --json) and `styr meeting
** dates DB DATE` (its legal dates and the recorded dates that break them).
** Subcommands of cmd_meeting.c.
*/
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/strbuf.h"
#include "meetings/meetings.h"
#include "org/org.h"
#include "db/store.h"

extern const struct cli_command cmd_meeting_show, cmd_meeting_dates;

/* "Hallsbergs kommun", "Laxå kommun": names ending in a vowel or s, x, z
** take no genitive s. */
static void municipality_genitive(struct strbuf *sb, const char *name)
{
	static const char *const no_s[] = { "a", "e", "i", "o", "u", "y", "s", "x", "z",
	                                    "å", "ä", "ö", NULL };
	size_t len = strlen(name);
	bool add_s = true;
	for(size_t i = 0; no_s[i]; i++) {
		size_t k = strlen(no_s[i]);
		if(len >= k && !strcmp(name + len - k, no_s[i]))
			add_s = false;
	}
	strbuf_addf(sb, "%s%s kommun", name, add_s ? "s" : "");
}

/* Upper case for ASCII and å ä ö é (UTF-8). */
static void put_upper(FILE *out, const char *s)
{
	for(const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if(*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
			fputc(0xC3, out);
			fputc(p[1] - 0x20, out);
			p++;
		} else {
			fputc(*p >= 'a' && *p <= 'z' ? *p - 32 : *p, out);
		}
	}
}

static void put_person(FILE *out, const struct attendee *a)
{
	struct strbuf sb = STRBUF_INIT;
	bool official = a->role == ROLE_OFFICIAL;
	strbuf_addstr(&sb, a->name);
	if(a->party && !official)
		strbuf_addf(&sb, " (%s)", a->party);
	if(official) {
		if(a->title)
			strbuf_addf(&sb, " (%s%s)", a->title, a->remote ? " (Distans)" : "");
		else if(a->remote)
			strbuf_addstr(&sb, " (Distans)");
	} else {
		if(a->title)
			strbuf_addf(&sb, " (%s)", a->title);
		if(a->serving_for)
			strbuf_addf(&sb, " (tjänstgör för %s)", a->serving_for);
		if(a->municipality) {
			strbuf_addstr(&sb, " (");
			municipality_genitive(&sb, a->municipality);
			strbuf_addf(&sb, "%s)", a->remote ? " (Distans)" : "");
		} else if(a->remote) {
			strbuf_addstr(&sb, " (Distans)");
		}
	}
	fprintf(out, "%s\n", sb.buf);
	strbuf_release(&sb);
}

static void put_group(FILE *out, const struct protocol *p, const char *heading,
                      unsigned roles)
{
	bool any = false;
	for(size_t i = 0; i < p->npeople; i++) {
		if(!(roles & ROLE_BIT(p->people[i].role)))
			continue;
		if(!any)
			fprintf(out, "%s\n\n", heading);
		any = true;
		put_person(out, &p->people[i]);
	}
	if(any)
		fputc('\n', out);
}

static void put_range(FILE *out, const struct protocol *p)
{
	if(!p->nitems)
		fprintf(out, "Protokollet innehåller inga paragrafer\n\n");
	else if(p->nitems == 1)
		fprintf(out, "Protokollet innehåller paragrafen §%d\n\n", p->items[0].number);
	else
		fprintf(out, "Protokollet innehåller paragraferna §§%d-%d\n\n", p->items[0].number,
		        p->items[p->nitems - 1].number);
}

static void put_block(FILE *out, const char *label, const char *value)
{
	if(value)
		fprintf(out, "%s\n\n%s\n\n", label, value);
}

static void put_anslag(FILE *out, const struct protocol *p, const struct meeting_deadlines *dl)
{
	char md[11], ad[11], until[11];
	date_format_iso(p->date, md);
	for(size_t i = 0; i < p->nanslag; i++) {
		const struct anslag_entry *a = &p->anslag[i];
		struct strbuf head = STRBUF_INIT;
		municipality_genitive(&head, a->municipality);
		date_format_iso(a->date, ad);
		date_format_iso(a->stated_until.year ? a->stated_until : dl->appeal.removal, until);
		put_upper(out, head.buf);
		strbuf_release(&head);
		fprintf(out, "\n\nANSLAG/BEVIS\n\n"
		        "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.\n\n");
		put_block(out, "Styrelse/Nämnd", p->committee);
		put_block(out, "Sammanträdesdatum", md);
		fprintf(out, "Datum för överklagan\n\n%s\n\ntill och med %s\n\n", ad, until);
		put_block(out, "Förvaringsplats för protokollet", a->storage_place);
		put_block(out, "Underskrift/anslaget av", a->posted_by);
	}
}

static void put_list(FILE *out, const char *heading, char *const *v, size_t n)
{
	if(!n)
		return;
	fprintf(out, "%s\n\n", heading);
	for(size_t i = 0; i < n; i++)
		fprintf(out, "- %s\n", v[i]);
	fputc('\n', out);
}

static void put_item(FILE *out, const struct agenda_entry *it)
{
	fprintf(out, "§%d - %s", it->number, it->heading ? it->heading : it->title);
	if(it->case_number)
		fprintf(out, " (%s)", it->case_number);
	fputs("\n\n", out);
	put_block(out, "Ärendebeskrivning", it->description);
	if(it->ndelegations) {
		fprintf(out, "Delegeringsbeslut\n\n");
		for(size_t i = 0; i < it->ndelegations; i++) {
			const struct delegation_item *d = &it->delegations[i];
			fprintf(out, "- %s%s%s\n", d->case_number ? d->case_number : "",
			        d->case_number ? " - " : "", d->title);
		}
		fputc('\n', out);
	}
	put_list(out, "Anmälningar", it->messages, it->nmessages);
	put_block(out, "Förslag till beslut", it->proposal);
	put_block(out, "Beslut", it->decision);
	put_list(out, "Beslutsunderlag", it->basis, it->nbasis);
}

static void print_text(FILE *out, const struct protocol *p, const struct meeting_deadlines *dl)
{
	fprintf(out, "%s\n\n", p->committee ? p->committee : "");
	if(p->start) {
		fprintf(out, "Tid\n\n%s", p->start);
		if(p->end)
			fprintf(out, "-%s", p->end);
		fputs("\n\n", out);
	}
	put_block(out, "Plats", p->place);
	put_group(out, p, "Beslutande ledamöter",
	          ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_SERVING_SUBSTITUTE));
	put_group(out, p, "Ej tjänstgörande ersättare", ROLE_BIT(ROLE_SUBSTITUTE));
	put_group(out, p, "Övriga", ROLE_BIT(ROLE_OFFICIAL));
	put_range(out, p);
	put_block(out, "Ordförande", p->chair);
	for(size_t i = 0; i < p->njusterare; i++)
		put_block(out, "Justerare", p->justerare[i]);
	put_block(out, "Sekreterare", p->secretary);
	put_anslag(out, p, dl);
	fprintf(out, "Ärendelista\n\n");
	for(size_t i = 0; i < p->nitems; i++)
		fprintf(out, "- §%d %s\n", p->items[i].number, p->items[i].title);
	fputc('\n', out);
	for(size_t i = 0; i < p->nitems; i++)
		put_item(out, &p->items[i]);
}

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
		print_text(ctx->out, &p, &dl);
	if(!(dates && json))
		put_warnings(ctx, &warn);
	findings_release(&warn);
	protocol_release(&p);
	members_free(mem, nmem);
	return 0;
}

static int run_show(struct cli_ctx *ctx, int argc, char **argv)
{
	return run_meeting(ctx, &cmd_meeting_show, false, argc, argv);
}

const struct cli_command cmd_meeting_show = {
	"meeting show", "the whole protocol of a meeting",
	"usage: styr meeting show DB DATE [--json]\n\n"
	"Print the protocol of the meeting on DATE in the order of the printed\n"
	"protocol: header (Tid, Plats, Beslutande ledamöter, Ej tjänstgörande\n"
	"ersättare, Övriga), the paragraphs it holds, Ordförande, Justerare and\n"
	"Sekreterare, an ANSLAG/BEVIS block per recorded anslag, the\n"
	"Ärendelista, and each § with its description, proposal, decision and\n"
	"basis documents. Recorded dates that break a deadline are warned about.\n",
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
	for(size_t m = 0; m < nmem; m++) {
		bool have = false;
		for(size_t i = 0; i < p->nanslag; i++)
			have |= !strcmp(p->anslag[i].code, mem[m].code);
		if(!have)
			jsonw_string(&w, mem[m].code);
	}
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

static void dates_text(FILE *out, const struct protocol *p, const struct meeting_deadlines *dl,
                       const struct member *mem, size_t nmem)
{
	char a[11], b[11];
	date_format_iso(p->date, a);
	fprintf(out, "Sammanträde %s\n", a);
	date_format_iso(dl->justering_deadline, b);
	fprintf(out, "Justering senast:                  %s (sammanträdet + %d dagar)\n", b,
	        LEGAL_JUSTERING_DAYS);
	if(p->justering.year)
		date_format_iso(p->justering, a);
	fprintf(out, "Justering:                         %s\n", p->justering.year ? a : "ej registrerad");
	date_format_iso(dl->anslag_deadline, b);
	fprintf(out, "Anslag senast:                     %s (justeringen + %d dagar)\n", b,
	        LEGAL_ANSLAG_DAYS);
	for(size_t i = 0; i < p->nanslag; i++) {
		date_format_iso(p->anslag[i].date, a);
		fputs("Anslag ", out);
		cli_put_left(out, p->anslag[i].municipality, 27);
		fprintf(out, " %s\n", a);
	}
	struct strbuf missing = STRBUF_INIT;
	for(size_t m = 0; m < nmem; m++) {
		bool have = false;
		for(size_t i = 0; i < p->nanslag; i++)
			have |= !strcmp(p->anslag[i].code, mem[m].code);
		if(!have)
			strbuf_addf(&missing, "%s%s", missing.len ? ", " : "", mem[m].name);
	}
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
	fprintf(out, "Anslaget sitter uppe till och med: %s\n", a);
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
	"period: three weeks from the latest anslag, moved past Saturdays,\n"
	"Sundays, holidays and the eves of lag 1930:173; the anslag stays up\n"
	"until the day after the last day of appeal. Recorded dates that break\n"
	"a deadline are warned about.\n",
	run_dates, CLI_DB_READ
};
