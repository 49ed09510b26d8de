/*
** sec_meetings.c — the protocol of a meeting as a document, in the
** structure and wording of the seed: the front page (tid, plats,
** beslutande, ersättare, övriga, the paragraphs, ordförande, justerare,
** sekreterare), an ANSLAG/BEVIS per municipality with the day posted,
** the last day of appeal and the day it is taken down,
** the ärendelista and each § with ärendebeskrivning, förslag till beslut,
** beslut and its lists. The front page ends in the signature lines of the
** chair, the adjusters and the secretary, and every page but the first
** has the template's boxes for the adjusters' and the certifier's
** initials ("Justerare signatur", "Utdragsbestyrande"). The one protocol renderer: the report and `styr
** meeting show` draw this document.
*/
#include "meetings/meetings_doc.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "meetings/meetings.h"

/* "Hallsbergs kommun", "Laxå kommun": a name ending in a vowel or in s, x
** or z takes no genitive s. */
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

/* Append s in upper case: ASCII letters and the Latin-1 letters of
** UTF-8 (å ä ö é ...); everything else as it is. */
static void add_upper(struct strbuf *sb, const char *s)
{
	for(const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if(*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
			strbuf_addch(sb, 0xC3);
			strbuf_addch(sb, (char)(p[1] - 0x20));
			p++;
		} else {
			strbuf_addch(sb, *p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		}
	}
}

/* A person as the seed's front page writes them: a member "Magnus
** Andersson (S) (ordförande) (Hallsbergs kommun (Distans))", one serving
** for another "... (tjänstgör för Caroline Dieker) ...", an official
** "Marcus Cederberg (Förvaltningschef (Distans))". */
static void person_line(struct strbuf *sb, const struct attendee *a)
{
	strbuf_addstr(sb, a->name);
	if(a->role == ROLE_OFFICIAL) {
		if(a->title)
			strbuf_addf(sb, " (%s%s)", a->title, a->remote ? " (Distans)" : "");
		else if(a->remote)
			strbuf_addstr(sb, " (Distans)");
		return;
	}
	if(a->party)
		strbuf_addf(sb, " (%s)", a->party);
	if(a->title)
		strbuf_addf(sb, " (%s)", a->title);
	if(a->serving_for)
		strbuf_addf(sb, " (tjänstgör för %s)", a->serving_for);
	if(a->municipality) {
		strbuf_addstr(sb, " (");
		municipality_genitive(sb, a->municipality);
		strbuf_addf(sb, "%s)", a->remote ? " (Distans)" : "");
	} else if(a->remote) {
		strbuf_addstr(sb, " (Distans)");
	}
}

/* The people of the given roles (ROLE_BIT()s) in protocol order under
** term; nothing when there are none. */
static void people(struct doc *d, const struct protocol *p, unsigned roles, const char *term)
{
	struct strbuf sb = STRBUF_INIT;
	for(size_t i = 0; i < p->npeople; i++) {
		if(!(roles & ROLE_BIT(p->people[i].role)))
			continue;
		if(sb.len)
			strbuf_addch(&sb, '\n');
		person_line(&sb, &p->people[i]);
	}
	if(sb.len)
		doc_deflist_item(d, term, sb.buf);
	strbuf_release(&sb);
}

/* Take back the term/definition list begun at m when it got no item. */
static void drop_empty_deflist(struct doc *d, struct doc_mark m)
{
	if(!d->blocks[d->nblocks - 1].u.deflist.n)
		doc_rewind(d, m);
}

/* "§3 - Årsredovisning 2020 för Sydnärkes IT-nämnd (Syd-IT 21-1)", as the
** seed heads a §. */
static void item_title(struct strbuf *sb, const struct agenda_entry *e)
{
	strbuf_addf(sb, "§%d - %s", e->number, e->heading ? e->heading : e->title);
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
		/* said once: not again when the description states the period */
		if(!e->description || !strstr(e->description, a) || !strstr(e->description, b))
			doc_paraf(d, "Redovisningen omfattar beslut fattade under perioden %s till och "
			          "med %s.", a, b);
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

/* ANSLAG/BEVIS: a bevis per municipality where the protocol was posted,
** under its name as the letterhead ("LEKEBERGS KOMMUN"), with the day the
** notice was posted, the last day of appeal (three weeks from the latest
** anslag, moved by lag 1930:173) and the day it is taken down, each under
** its own label: the seed's "Datum för överklagan … till och med" printed
** the day it comes down, a day after the last day of appeal. The law's
** dates are printed, whatever a stored document stated (styr check names
** the difference). Then the anslag of all members in a table, for a
** joint committee; nothing before any anslag is recorded. */
static void anslag(struct doc *d, const struct protocol *p)
{
	struct meeting_deadlines dl;
	char iso[11];

	if(!p->nanslag)
		return;
	meeting_deadlines(p, p->nanslag, &dl, NULL);
	for(size_t i = 0; i < p->nanslag; i++) {
		const struct anslag_entry *a = &p->anslag[i];
		struct strbuf sb = STRBUF_INIT, head = STRBUF_INIT;
		municipality_genitive(&sb, a->municipality);
		add_upper(&head, sb.buf);
		doc_para(d, head.buf);
		strbuf_release(&head);
		strbuf_release(&sb);
		doc_heading_plain(d, 1, "ANSLAG/BEVIS");
		doc_para(d, "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.");
		doc_deflist_begin(d);
		doc_deflist_item(d, "Styrelse/Nämnd", p->committee);
		date_format_iso(p->date, iso);
		doc_deflist_item(d, "Sammanträdesdatum", iso);
		date_format_iso(a->date, iso);
		doc_deflist_item(d, "Datum då anslaget sätts upp", iso);
		date_format_iso(dl.appeal.last_day, iso);
		doc_deflist_item(d, "Sista dag för överklagande", iso);
		date_format_iso(dl.appeal.removal, iso);
		doc_deflist_item(d, "Datum då anslaget tas ned", iso);
		if(a->storage_place)
			doc_deflist_item(d, "Förvaringsplats för protokollet", a->storage_place);
		if(a->posted_by)
			doc_deflist_item(d, "Underskrift/anslaget av", a->posted_by);
	}
	if(p->nmembers < 2 && p->nanslag < 2)
		return;   /* one municipality: its bevis says it all */
	doc_table_begin(d, "Anslag i medlemskommunerna", 4);
	doc_table_source(d, "anslag per kommun; sista dag för överklagande enligt KL 13 kap. och lag 1930:173");
	const char *hdr[] = { "Kommun", "Anslaget", "Sista dag för överklagande", "Tas ned" };
	doc_header_row(d, hdr);
	date_format_iso(dl.appeal.anslag, iso);
	for(size_t i = 0; i < p->nanslag; i++) {
		const struct anslag_entry *a = &p->anslag[i];
		doc_row_begin(d, 0);
		doc_cell_text(d, a->municipality);
		doc_cell_date(d, a->date);
		doc_cell_source(d, "anslag %s, %s", a->municipality, a->code);
		doc_cell_date(d, dl.appeal.last_day);
		doc_cell_source(d, "%s + 21 dagar, flyttad till närmaste vardag (lag 1930:173)", iso);
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
	static const char *const boxes[] = { "Justerare signatur", "Utdragsbestyrande" };
	doc_set_sign_boxes(d, boxes, 2);

	struct doc_mark m = doc_mark(d);
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
	people(d, &p, ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_SERVING_SUBSTITUTE),
	       "Beslutande ledamöter");
	people(d, &p, ROLE_BIT(ROLE_SUBSTITUTE), "Ej tjänstgörande ersättare");
	people(d, &p, ROLE_BIT(ROLE_OFFICIAL), "Övriga");
	drop_empty_deflist(d, m);
	if(p.nitems == 1)
		doc_paraf(d, "Protokollet innehåller paragrafen §%d", p.items[0].number);
	else if(p.nitems)
		doc_paraf(d, "Protokollet innehåller paragraferna §§%d-%d", p.items[0].number,
		          p.items[p.nitems - 1].number);
	if(p.justering.year) {
		doc_deflist_begin(d);
		date_format_iso(p.justering, iso);
		doc_deflist_item(d, "Justeringsdatum", iso);
	}
	/* The signatures in the seed's order: the chair, the adjusters and the
	** secretary, each with a line to sign on over the name. */
	if(p.secretary || p.chair || p.njusterare) {
		doc_signatures_begin(d, NULL);
		if(p.chair)
			doc_signature(d, "Ordförande", p.chair);
		for(size_t i = 0; i < p.njusterare; i++)
			doc_signature(d, "Justerare", p.justerare[i]);
		if(p.secretary)
			doc_signature(d, "Sekreterare", p.secretary);
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
