/*
** rt_protokoll.c — the protocol of a meeting (`styr report protokoll DB
** --meeting 2021-02-10`): the meetings module's protocol document
** (meetings_doc.h) as a report type.
*/
#include "reports/report.h"

#include "meetings/meetings.h"
#include "meetings/meetings_doc.h"

static enum styr_rc build(struct store *s, const struct report_args *a, struct doc **out,
                          struct styr_error *err)
{
	struct protocol p;
	enum styr_rc rc;

	*out = NULL;
	if(!a->meeting)
		return styr_error_set(err, STYR_EINVAL, "report protokoll needs --meeting YYYY-MM-DD");
	rc = meeting_protocol(s, a->meeting, &p, err);
	if(rc)
		return rc;
	*out = meetings_doc_protocol(&p);
	/* the decided documents go with the protocol (beslutsunderlag) */
	for(size_t i = 0; i < p.nitems; i++)
		for(size_t k = 0; k < p.items[i].nbasis; k++)
			if(p.items[i].basis_file[k] || p.items[i].basis_report[k]) {
				struct strbuf t = STRBUF_INIT;
				strbuf_addf(&t, "§%d %s", p.items[i].number, p.items[i].basis[k]);
				doc_attach(*out, t.buf, p.items[i].basis_file[k], p.items[i].basis_report[k]);
				strbuf_release(&t);
			}
	protocol_release(&p);
	rc = report_identity(*out, s, err);
	if(rc) {
		doc_free(*out);
		*out = NULL;
	}
	return rc;
}

const struct report_type rt_protokoll = {
	"protokoll", "protokoll från ett sammanträde med anslag och alla paragrafer",
	REPORT_BY_MEETING, build
};
