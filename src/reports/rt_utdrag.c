/*
** rt_utdrag.c — an extract (protokollsutdrag) of one § of a protocol:
** `styr report utdrag DB --meeting 2021-02-10 --paragraph 3`. The §
** itself is drawn as in the full protocol (meetings_doc_item()).
*/
#include "reports/report.h"

#include "meetings/meetings.h"
#include "meetings/meetings_doc.h"

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	struct protocol p;
	struct strbuf sb = STRBUF_INIT;
	char iso[11];
	enum styr_rc rc;

	*out = NULL;
	if(!a->meeting || a->paragraph <= 0)
		return styr_error_set(err, STYR_EINVAL,
		    "report utdrag needs --meeting YYYY-MM-DD and --paragraph N (the §)");
	rc = meeting_protocol(s, a->meeting, &p, err);
	if(rc)
		return rc;
	const struct agenda_entry *e = NULL;
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
	date_format_iso(p.date, iso);
	struct doc *d = doc_new("Protokollsutdrag");
	doc_set_committee(d, p.committee);
	strbuf_addf(&sb, "%s, sammanträde %s, §%d", p.committee, iso, e->number);
	doc_set_subtitle(d, sb.buf);
	doc_set_date(d, p.date);
	doc_set_page_text(d, p.committee, sb.buf);
	static const char *const boxes[] = { "Justerare signatur", "Utdragsbestyrande" };
	doc_set_sign_boxes(d, boxes, 2);
	meetings_doc_item(d, e);
	struct doc_mark m = doc_mark(d);
	doc_deflist_begin(d);
	if(p.justering.year) {
		date_format_iso(p.justering, iso);
		doc_deflist_item(d, "Justeringsdatum", iso);
	}
	strbuf_reset(&sb);
	for(size_t i = 0; i < p.njusterare; i++)
		strbuf_addf(&sb, "%s%s", i ? "\n" : "", p.justerare[i]);
	if(sb.len)
		doc_deflist_item(d, "Justerare", sb.buf);
	if(d->blocks[d->nblocks - 1].u.deflist.n == 0)
		doc_rewind(d, m);   /* nothing to attest: no empty list */
	/* The certification of the extract, signed by the certifier (the
	** secretary, utdragsbestyrande) under the words the template prints. */
	doc_signatures_begin(d, NULL);
	doc_signature(d, "Rätt utdraget intygar", p.secretary ? p.secretary : "");
	if(!p.secretary) {
		doc_para(d, "Utdragsbestyrande: ingen sekreterare är registrerad för sammanträdet.");
	}
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

const struct report_type rt_utdrag = {
	"utdrag", "utdrag av en paragraf ur ett protokoll", REPORT_BY_MEETING, build
};
