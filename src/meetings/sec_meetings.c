/*
** sec_meetings.c — the protocol of a meeting as a document, in the
** structure of the seed: the front page (tid, plats, beslutande,
** ersättare, övriga, ordförande, justerare, sekreterare), ANSLAG/BEVIS
** with the appeal period, the ärendelista and each § with
** ärendebeskrivning, förslag till beslut, beslut and its lists.
*/
#include "meetings/meetings_doc.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "meetings/meetings.h"

static void person_line(struct strbuf *sb, const struct attendee *a)
{
	strbuf_addstr(sb, a->name);
	if(a->party)
		strbuf_addf(sb, " (%s)", a->party);
	if(a->title)
		strbuf_addf(sb, " (%s)", a->title);
	if(a->serving_for)
		strbuf_addf(sb, " tjänstgör för %s", a->serving_for);
	if(a->municipality)
		strbuf_addf(sb, " (%s%s)", a->municipality, a->remote ? " (Distans)" : "");
	else if(a->remote)
		strbuf_addstr(sb, " (Distans)");
}

static void people(struct doc *d, const struct protocol *p, enum attendee_role role,
                   const char *term)
{
	struct strbuf sb = STRBUF_INIT;
	for(size_t i = 0; i < p->npeople; i++) {
		if(p->people[i].role != role)
			continue;
		if(sb.len)
			strbuf_addch(&sb, '\n');
		person_line(&sb, &p->people[i]);
	}
	if(sb.len)
		doc_deflist_item(d, term, sb.buf);
	strbuf_release(&sb);
}

static void item_title(struct strbuf *sb, const struct agenda_entry *e)
{
	strbuf_addf(sb, "§%d %s", e->number, e->heading ? e->heading : e->title);
	if(e->case_number && !(e->heading && strstr(e->heading, e->case_number)))
		strbuf_addf(sb, " (%s)", e->case_number);
}

void meetings_doc_item(struct doc *d, const struct agenda_entry *e)
{
	struct strbuf sb = STRBUF_INIT;
	char a[11], b[11];

	item_title(&sb, e);
	doc_heading_plain(d, 1, sb.buf);
	if(e->description) {
		doc_heading_plain(d, 2, "Ärendebeskrivning");
		doc_add_text(d, e->description, 3);
	}
	if(e->period_from.year && e->period_to.year) {
		date_format_iso(e->period_from, a);
		date_format_iso(e->period_to, b);
		doc_paraf(d, "Redovisningen omfattar beslut fattade under perioden %s till och med %s.", a, b);
	}
	if(e->ndelegations) {
		doc_heading_plain(d, 2, "Delegeringsbeslut");
		doc_list_begin(d, false);
		for(size_t i = 0; i < e->ndelegations; i++) {
			strbuf_reset(&sb);
			if(e->delegations[i].case_number)
				strbuf_addf(&sb, "%s - ", e->delegations[i].case_number);
			strbuf_addstr(&sb, e->delegations[i].title);
			doc_list_item(d, sb.buf);
		}
	}
	if(e->nmessages) {
		doc_heading_plain(d, 2, "Anmälningar");
		doc_list_begin(d, false);
		for(size_t i = 0; i < e->nmessages; i++)
			doc_list_item(d, e->messages[i]);
	}
	if(e->proposal) {
		doc_heading_plain(d, 2, "Förslag till beslut");
		doc_add_text(d, e->proposal, 3);
	}
	if(e->decision) {
		doc_heading_plain(d, 2, "Beslut");
		doc_add_text(d, e->decision, 3);
	}
	if(e->nbasis) {
		doc_heading_plain(d, 2, "Beslutsunderlag");
		doc_list_begin(d, false);
		for(size_t i = 0; i < e->nbasis; i++)
			doc_list_item(d, e->basis[i]);
	}
	strbuf_release(&sb);
}

/* ANSLAG/BEVIS: the anslag in each member municipality and the appeal
** period computed from the latest of them. */
static void anslag(struct doc *d, const struct protocol *p)
{
	struct meeting_deadlines dl;
	char iso[11], iso2[11];

	doc_heading_plain(d, 1, "ANSLAG/BEVIS");
	doc_para(d, "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.");
	meeting_deadlines(p, p->nanslag, &dl, NULL);
	doc_deflist_begin(d);
	doc_deflist_item(d, "Styrelse/Nämnd", p->committee);
	date_format_iso(p->date, iso);
	doc_deflist_item(d, "Sammanträdesdatum", iso);
	if(dl.has_appeal) {
		struct strbuf sb = STRBUF_INIT;
		date_format_iso(dl.appeal.anslag, iso);
		date_format_iso(dl.appeal.removal, iso2);
		strbuf_addf(&sb, "%s till och med %s", iso, iso2);
		doc_deflist_item(d, "Datum för överklagan", sb.buf);
		strbuf_release(&sb);
	}
	if(p->nanslag && p->anslag[0].storage_place)
		doc_deflist_item(d, "Förvaringsplats för protokollet", p->anslag[0].storage_place);
	if(p->nanslag && p->anslag[0].posted_by)
		doc_deflist_item(d, "Underskrift/anslaget av", p->anslag[0].posted_by);
	if(!p->nanslag)
		return;
	doc_table_begin(d, "Anslag i medlemskommunerna", 4);
	doc_table_source(d, "anslag per kommun; sista dag för överklagande enligt KL 13 kap. och lag 1930:173");
	const char *hdr[] = { "Kommun", "Anslaget", "Sista dag för överklagande", "Tas ned" };
	doc_header_row(d, hdr);
	for(size_t i = 0; i < p->nanslag; i++) {
		const struct anslag_entry *a = &p->anslag[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, a->municipality);
		doc_cell_date(d, a->date);
		doc_cell_source(d, "anslag %s, %s", a->municipality, a->code);
		doc_cell_date(d, dl.appeal.last_day);
		date_format_iso(dl.appeal.anslag, iso);
		doc_cell_source(d, "%s + 21 dagar, flyttad till närmaste vardag (lag 1930:173)", iso);
		if(a->stated_until.year)
			doc_cell_date(d, a->stated_until);
		else
			doc_cell_date(d, dl.appeal.removal);
	}
	doc_table_end(d);
}

struct doc *meetings_doc_protocol(const struct protocol *pp)
{
	const struct protocol p = *pp;
	struct strbuf sb = STRBUF_INIT;
	char iso[11];

	date_format_iso(p.date, iso);
	struct doc *d = doc_new("Protokoll");
	doc_set_committee(d, p.committee);
	strbuf_addf(&sb, "%s, sammanträde %s", p.committee, iso);
	doc_set_subtitle(d, sb.buf);
	doc_set_date(d, p.date);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s – protokoll %s", p.committee, iso);
	doc_set_page_text(d, p.committee, sb.buf);

	doc_deflist_begin(d);
	strbuf_reset(&sb);
	if(p.start)
		strbuf_addf(&sb, "%s%s%s", p.start, p.end ? "-" : "", p.end ? p.end : "");
	if(sb.len)
		doc_deflist_item(d, "Tid", sb.buf);
	strbuf_reset(&sb);
	if(p.place)
		strbuf_addstr(&sb, p.place);   /* as recorded, "Kommunhuset, Hallsberg/Digitalt" */
	if(sb.len)
		doc_deflist_item(d, "Plats", sb.buf);
	people(d, &p, ROLE_MEMBER, "Beslutande ledamöter");
	people(d, &p, ROLE_SERVING_SUBSTITUTE, "Tjänstgörande ersättare");
	people(d, &p, ROLE_SUBSTITUTE, "Ej tjänstgörande ersättare");
	people(d, &p, ROLE_OFFICIAL, "Övriga");
	if(p.nitems) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "§§%d-%d", p.items[0].number, p.items[p.nitems - 1].number);
		doc_deflist_item(d, "Protokollet innehåller paragraferna", sb.buf);
	}
	if(p.chair)
		doc_deflist_item(d, "Ordförande", p.chair);
	strbuf_reset(&sb);
	for(size_t i = 0; i < p.njusterare; i++)
		strbuf_addf(&sb, "%s%s", i ? "\n" : "", p.justerare[i]);
	if(sb.len)
		doc_deflist_item(d, "Justerare", sb.buf);
	if(p.secretary)
		doc_deflist_item(d, "Sekreterare", p.secretary);
	if(p.justering.year) {
		date_format_iso(p.justering, iso);
		doc_deflist_item(d, "Justeringsdatum", iso);
	}

	anslag(d, &p);

	doc_heading_plain(d, 1, "Ärendelista");
	doc_list_begin(d, false);
	for(size_t i = 0; i < p.nitems; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "§%d %s", p.items[i].number, p.items[i].title);
		doc_list_item(d, sb.buf);
	}
	for(size_t i = 0; i < p.nitems; i++) {
		doc_pagebreak(d);
		meetings_doc_item(d, &p.items[i]);
	}
	strbuf_release(&sb);
	return d;
}
