/*
** rt_tjansteskrivelse.c — the officer's report to the committee on an
** agenda item (`styr report tjansteskrivelse DB --meeting 2021-02-10
** --paragraph 3`), built from the item's data as the seed's
** tjänsteskrivelser read: the publisher's letterhead, the ärende with its
** case number, the ärendebeskrivning, the beslutsunderlag (the documents
** the committee decides on, the tjänsteskrivelse itself left out), the
** förslag till beslut worded "Att ...", the ekonomiska konsekvenser when
** recorded, and the signatures of the förvaltningschef and the officer
** (handläggare) who prepared it.
*/
#include "reports/report.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "meetings/meetings.h"

/* "Sydnärkes IT-nämnd godkänner ..." as the tjänsteskrivelse proposes it:
** "Att Sydnärkes IT-nämnd godkänner ...", without the final full stop. */
static void att_proposal(struct strbuf *sb, const char *proposal)
{
	size_t n = strlen(proposal);
	while(n && (proposal[n - 1] == '.' || proposal[n - 1] == ' ' || proposal[n - 1] == '\n'))
		n--;
	if(strncasecmp(proposal, "att ", 4))
		strbuf_addstr(sb, "Att ");
	strbuf_add(sb, proposal, n);
}

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	struct protocol p;
	struct strbuf sb = STRBUF_INIT;
	const struct agenda_entry *e = NULL;
	char *chief = NULL, iso[11];
	enum styr_rc rc;

	*out = NULL;
	if(!a->meeting || a->paragraph <= 0)
		return styr_error_set(err, STYR_EINVAL,
		    "report tjansteskrivelse needs --meeting YYYY-MM-DD and --paragraph N (the §)");
	rc = meeting_protocol(s, a->meeting, &p, err);
	if(rc)
		return rc;
	for(size_t i = 0; i < p.nitems; i++)
		if(p.items[i].number == a->paragraph)
			e = &p.items[i];
	if(!e) {
		rc = styr_error_set(err, STYR_ENOTFOUND, "meeting %s: no §%d (the meeting has §§%d-%d)",
		    a->meeting, a->paragraph, p.nitems ? p.items[0].number : 0,
		    p.nitems ? p.items[p.nitems - 1].number : 0);
		protocol_release(&p);
		return rc;
	}
	rc = org_role_holder(s, "förvaltningschef", p.date, &chief, err);
	if(rc) {
		protocol_release(&p);
		return rc;
	}

	struct doc *d = doc_new("Tjänsteskrivelse");
	doc_set_committee(d, p.committee);
	date_format_iso(p.date, iso);
	strbuf_addf(&sb, "%s, till sammanträdet %s", p.committee, iso);
	doc_set_subtitle(d, sb.buf);
	doc_set_date(d, p.date);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Tjänsteskrivelse – %s", e->title);
	doc_set_page_text(d, p.committee, sb.buf);

	doc_heading_plain(d, 1, e->heading ? e->heading : e->title);
	doc_deflist_begin(d);
	doc_deflist_item(d, "Ärende", e->title);
	if(e->case_number)
		doc_deflist_item(d, "Diarienummer", e->case_number);
	doc_deflist_item(d, "Till", p.committee);
	if(e->description) {
		doc_heading_plain(d, 2, "Ärendebeskrivning");
		doc_add_text(d, e->description, 3);
	}
	/* the documents decided on, without this one */
	struct doc_mark m = doc_mark(d);
	doc_heading_plain(d, 2, "Beslutsunderlag");
	doc_list_begin(d, false);
	size_t listed = 0;
	for(size_t i = 0; i < e->nbasis; i++)
		if(strncasecmp(e->basis[i], "Tjänsteskrivelse", strlen("Tjänsteskrivelse"))) {
			doc_list_item(d, e->basis[i]);
			listed++;
		}
	if(!listed)
		doc_rewind(d, m);
	if(e->proposal) {
		doc_heading_plain(d, 2, "Förslag till beslut");
		strbuf_reset(&sb);
		att_proposal(&sb, e->proposal);
		doc_para(d, sb.buf);
	}
	if(e->consequences) {
		doc_heading_plain(d, 2, "Ekonomiska konsekvenser");
		doc_add_text(d, e->consequences, 3);
	}
	if(chief || e->officer) {
		doc_signatures_begin(d, NULL);
		if(chief)
			doc_signature(d, "Förvaltningschef", chief);
		doc_signature(d, "Handläggare", e->officer ? e->officer : chief);
	}
	free(chief);
	protocol_release(&p);
	strbuf_release(&sb);
	rc = report_identity(d, s, err);
	if(rc) {
		doc_free(d);
		return rc;
	}
	*out = d;
	return STYR_OK;
}

const struct report_type rt_tjansteskrivelse = {
	"tjansteskrivelse", "tjänsteskrivelse till nämnden om ett ärende på ett sammanträde",
	REPORT_BY_MEETING, build
};
