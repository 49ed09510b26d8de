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
	protocol_release(&p);
	return STYR_OK;
}

const struct report_type rt_protokoll = {
	"protokoll", "protokoll från ett sammanträde med anslag och alla paragrafer",
	REPORT_BY_MEETING, build
};
