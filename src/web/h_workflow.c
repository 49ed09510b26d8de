/*
** h_workflow.c — the report workflow of an occasion (schema_workflow.c).
**
**   GET  /rapporter/arbete?occasion=K      the parts of the report with who
**        is responsible and how far each has come, the progress, and the
**        decision: fastställd in § N of a meeting, or not yet
**   POST /rapporter/arbete/del?occasion=K  a part's status (an editor) and
**        responsible person (an administrator)
**   POST /rapporter/arbete/faststall?occasion=K   record the committee's
**        decision (meeting, §): the values and texts freeze (administrator)
**   POST /rapporter/arbete/ateroppna?occasion=K   reopen, with a reason
**        (administrator)
**
** Every change goes through the section layer as `styr set` would make
** it (edit.h), so the rules are the data's and each is a change set.
*/
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/date.h"
#include "db/section.h"
#include "db/store.h"
#include "doc/html.h"
#include "meetings/meetings.h"
#include "org/org.h"
#include "reports/report_texts.h"
#include "web/edit.h"

static const char *const statuses[] = { "ej påbörjad", "pågår", "klar" };

struct part_row {
	char status[32], responsible[64];
	bool found;
};

struct state {
	struct part_row parts[PART_NPARTS];
	bool decided;
	char decision_state[32], meeting[16], paragraph[16], reason[512];
	int64_t decision_version;
};

static void text_of(const struct json *row, const char *key, char *buf, size_t n)
{
	const struct json *v = json_get(row, key);
	buf[0] = 0;
	if(v && (v->type == JSON_STRING || v->type == JSON_NUMBER))
		str_copy(buf, n, v->text);
}

/* Read the parts and the decision of occasion o. */
static enum styr_rc read_state(struct web_req *r, const struct occasion *o, struct state *st,
                               struct styr_error *err)
{
	const struct section_desc *dp = store_section_find("report_parts");
	const struct section_desc *dd = store_section_find("report_decisions");
	struct strbuf key = STRBUF_INIT, img = STRBUF_INIT;
	int64_t id;
	bool found;
	enum styr_rc rc = STYR_OK;

	memset(st, 0, sizeof(*st));
	for(int p = 0; !rc && p < PART_NPARTS; p++) {
		strbuf_reset(&key);
		strbuf_reset(&img);
		strbuf_addf(&key, "%s/%s", o->key, report_part_names[p]);
		rc = store_row_find(r->store, dp, key.buf, &id, err);
		if(rc == STYR_ENOTFOUND) {
			rc = STYR_OK;
			continue;
		}
		if(!rc)
			rc = store_row_image(r->store, dp, id, &img, NULL, &found, err);
		if(!rc && found) {
			struct json *j = json_parse(img.buf, img.len, "row", err);
			if(j) {
				text_of(j, "status", st->parts[p].status, sizeof(st->parts[p].status));
				text_of(j, "responsible", st->parts[p].responsible,
				        sizeof(st->parts[p].responsible));
				st->parts[p].found = true;
				json_free(j);
			}
		}
	}
	if(!rc) {
		rc = store_row_find(r->store, dd, o->key, &id, err);
		if(rc == STYR_ENOTFOUND)
			rc = STYR_OK;
		else if(!rc) {
			struct row_version v = { 0 };
			strbuf_reset(&img);
			rc = store_row_image(r->store, dd, id, &img, NULL, &found, err);
			if(!rc)
				rc = store_row_version(r->store, dd, id, &v, err);
			if(!rc && found) {
				struct json *j = json_parse(img.buf, img.len, "row", err);
				if(j) {
					st->decided = true;
					text_of(j, "state", st->decision_state, sizeof(st->decision_state));
					text_of(j, "meeting", st->meeting, sizeof(st->meeting));
					text_of(j, "paragraph", st->paragraph, sizeof(st->paragraph));
					text_of(j, "reason", st->reason, sizeof(st->reason));
					st->decision_version = v.version;
					json_free(j);
				}
			}
			row_version_release(&v);
		}
	}
	strbuf_release(&key);
	strbuf_release(&img);
	return rc;
}

/* Progress of occasion o for the start page: parts klar of those that
** have a record, and whether the report is fastställd. false when the
** occasion's report has no parts recorded. */
bool web_workflow_progress(struct web_req *r, const struct occasion *o, int *klar, int *total,
                           bool *fixed)
{
	struct state st;
	struct styr_error err;
	styr_error_init(&err);
	*klar = *total = 0;
	*fixed = false;
	if(read_state(r, o, &st, &err))
		return false;
	for(int p = 0; p < PART_NPARTS; p++)
		if(st.parts[p].found) {
			(*total)++;
			*klar += !strcmp(st.parts[p].status, "klar");
		}
	*fixed = st.decided && !strcmp(st.decision_state, "fastställd");
	return *total > 0 || st.decided;
}

static void action(struct strbuf *sb, const char *what, const struct occasion *o)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "/rapporter/arbete/%s?occasion=%s", what, o->key);
}

static void page(struct web_req *r, const char *message, bool ok)
{
	struct occasion o = { 0 };
	struct state st;
	struct styr_error err;
	struct strbuf title = STRBUF_INIT, act = STRBUF_INIT;
	struct html h;
	bool fixed, editor = r->user.roles & ~WEB_ROLE_READER, admin = r->user.roles & WEB_ROLE_ADMIN;
	int klar = 0, total = 0;

	if(!web_occasion(r, OCC_FOLLOW_UP, &o))
		return;
	styr_error_init(&err);
	if(read_state(r, &o, &st, &err)) {
		web_fail(r, 500, NULL, "%s", err.msg);
		occasion_release(&o);
		return;
	}
	fixed = st.decided && !strcmp(st.decision_state, "fastställd");
	strbuf_addf(&title, "Rapportarbete – %s", o.title ? o.title : o.key);
	page_begin(r, &h, title.buf);
	if(message)
		page_message(&h, ok ? "ok" : "error", message);
	for(int p = 0; p < PART_NPARTS; p++)
		if(st.parts[p].found) {
			total++;
			klar += !strcmp(st.parts[p].status, "klar");
		}
	html_open(&h, "p", NULL);
	html_textf(&h, "%d av %d delar med ansvarig eller status är klara.", klar, total);
	if(fixed)
		html_textf(&h, " Rapporten är fastställd (§ %s, sammanträdet %s): värden och texter"
		           " är låsta.", st.paragraph, st.meeting);
	else if(st.decided)
		html_textf(&h, " Rapporten är återöppnad: %s", st.reason);
	html_close(&h);
	html_open(&h, "div", "class", "table-wrap", NULL);
	html_open(&h, "table", NULL);
	html_elem_text(&h, "caption", "Rapportens delar", NULL);
	html_open(&h, "thead", NULL);
	html_open(&h, "tr", NULL);
	html_elem_text(&h, "th", "Del", "scope", "col", NULL);
	html_elem_text(&h, "th", "Ansvarig", "scope", "col", NULL);
	html_elem_text(&h, "th", "Status", "scope", "col", NULL);
	if(editor && !fixed)
		html_elem_text(&h, "th", "Ändra", "scope", "col", NULL);
	html_close_to(&h, h.depth - 2);
	html_open(&h, "tbody", NULL);
	action(&act, "del", &o);
	for(int p = 0; p < PART_NPARTS; p++) {
		const struct part_row *pr = &st.parts[p];
		char sid[48], rid[48], label[96];
		html_open(&h, "tr", NULL);
		html_elem_text(&h, "th", report_part_names[p], "scope", "row", NULL);
		html_elem_text(&h, "td", pr->responsible[0] ? pr->responsible : "–", NULL);
		html_elem_text(&h, "td", pr->found ? pr->status : "ej påbörjad", NULL);
		if(editor && !fixed) {
			snprintf(sid, sizeof(sid), "s-%s", report_part_names[p]);
			snprintf(rid, sizeof(rid), "r-%s", report_part_names[p]);
			html_open(&h, "td", NULL);
			html_open(&h, "form", "method", "post", "action", act.buf, NULL);
			page_csrf(r, &h);
			html_void(&h, "input", "type", "hidden", "name", "part", "value",
			          report_part_names[p], NULL);
			snprintf(label, sizeof(label), "Status för %s", report_part_names[p]);
			html_elem_text(&h, "label", label, "for", sid, "class", "sr", NULL);
			html_open(&h, "select", "id", sid, "name", "status", NULL);
			for(size_t k = 0; k < 3; k++)
				html_elem_text(&h, "option", statuses[k], "value", statuses[k], "selected",
				               !strcmp(pr->found ? pr->status : "ej påbörjad", statuses[k])
				               ? "" : NULL, NULL);
			html_close(&h);
			if(admin) {
				snprintf(label, sizeof(label), "Ansvarig för %s", report_part_names[p]);
				html_elem_text(&h, "label", label, "for", rid, "class", "sr", NULL);
				html_void(&h, "input", "id", rid, "name", "responsible", "type", "text",
				          "value", pr->responsible, "placeholder", "personens nyckel", NULL);
			}
			snprintf(label, sizeof(label), "Spara %s", report_part_names[p]);
			html_elem_text(&h, "button", "Spara", "type", "submit", "aria-label", label, NULL);
			html_close_to(&h, h.depth - 2);
		}
		html_close(&h);
	}
	html_close_to(&h, h.depth - 3);
	if(admin && !fixed) {
		html_elem_text(&h, "h2", "Fastställ", NULL);
		html_elem_text(&h, "p", "När nämnden har beslutat om rapporten: ange paragrafen."
		               " Därefter är rapportens värden och texter låsta.", NULL);
		action(&act, "faststall", &o);
		html_open(&h, "form", "class", "edit", "method", "post", "action", act.buf, NULL);
		page_csrf(r, &h);
		html_elem_text(&h, "label", "Sammanträde (datum)", "for", "f-meeting", NULL);
		html_void(&h, "input", "id", "f-meeting", "name", "meeting", "type", "date",
		          "required", "", "value", st.meeting, NULL);
		html_elem_text(&h, "label", "Paragraf (§)", "for", "f-paragraph", NULL);
		html_void(&h, "input", "id", "f-paragraph", "name", "paragraph", "type", "text",
		          "inputmode", "numeric", "required", "", "value", st.paragraph, NULL);
		html_elem_text(&h, "button", "Fastställ rapporten", "class", "primary", "type", "submit",
		               NULL);
		html_close(&h);
	}
	if(admin && fixed) {
		html_elem_text(&h, "h2", "Återöppna", NULL);
		action(&act, "ateroppna", &o);
		html_open(&h, "form", "class", "edit", "method", "post", "action", act.buf, NULL);
		page_csrf(r, &h);
		html_elem_text(&h, "label", "Skäl (hamnar i ändringsloggen)", "for", "f-reason", NULL);
		html_open(&h, "textarea", "id", "f-reason", "name", "reason", "required", "", NULL);
		html_close(&h);
		html_elem_text(&h, "button", "Återöppna rapporten", "class", "danger", "type", "submit",
		               NULL);
		html_close(&h);
	}
	page_end(r, &h);
	occasion_release(&o);
	strbuf_release(&title);
	strbuf_release(&act);
}

static void get_page(struct web_req *r)
{
	page(r, web_param(r, "saved") ? "Sparat." : NULL, true);
}

/* Write the record of section name with key (NULL: new) from t, then
** answer: back to the page, or the page with the message. */
static void save(struct web_req *r, const char *section, const char *key, int64_t version,
                 const struct edit_text *t)
{
	const struct section_desc *d = store_section_find(section);
	struct styr_error err;
	const char *field;
	char unknown[64];
	int64_t id;
	enum styr_rc rc;

	styr_error_init(&err);
	rc = edit_row(r->store, d, key, version, t, NULL, &id, &field, unknown, &err);
	if(rc) {
		page(r, err.msg, false);
		r->status = web_status_for(rc);
	} else {
		struct strbuf loc = STRBUF_INIT;
		strbuf_addf(&loc, "/rapporter/arbete?occasion=%s&saved=1", web_param(r, "occasion"));
		web_redirect(r, loc.buf);
		strbuf_release(&loc);
	}
}

static bool occasion_given(struct web_req *r, struct occasion *o)
{
	if(!web_param(r, "occasion")) {
		web_fail(r, 400, "occasion", "the occasion is missing: ?occasion=KEY");
		return false;
	}
	return web_occasion(r, 0, o);
}

static void post_part(struct web_req *r)
{
	struct occasion o = { 0 };
	const char *part = web_param(r, "part"), *status = web_param(r, "status"),
	           *resp = web_param(r, "responsible");
	struct edit_text t = { .n = 0 };
	struct strbuf key = STRBUF_INIT;
	struct styr_error err;
	int64_t id;

	if(!occasion_given(r, &o))
		return;
	if(resp && !(r->user.roles & WEB_ROLE_ADMIN)) {
		web_fail(r, 403, "responsible", "only an administrator assigns who is responsible");
		goto out;
	}
	if(!part) {
		web_fail(r, 400, "part", "the part is missing");
		goto out;
	}
	strbuf_addf(&key, "%s/%s", o.key, part);
	if(status) {
		t.name[t.n] = "status";
		t.value[t.n++] = status;
	}
	if(resp) {
		t.name[t.n] = "responsible";
		t.value[t.n++] = resp;
	}
	styr_error_init(&err);
	if(store_row_find(r->store, store_section_find("report_parts"), key.buf, &id, &err)) {
		/* A new part record: its key fields too. */
		t.name[t.n] = "occasion";
		t.value[t.n++] = o.key;
		t.name[t.n] = "part";
		t.value[t.n++] = part;
		if(!status) {
			t.name[t.n] = "status";
			t.value[t.n++] = "ej påbörjad";
		}
		save(r, "report_parts", NULL, 0, &t);
	} else
		save(r, "report_parts", key.buf, 0, &t);
out:
	occasion_release(&o);
	strbuf_release(&key);
}

static void post_fix(struct web_req *r)
{
	struct occasion o = { 0 };
	struct edit_text t = { .n = 0 };
	struct styr_error err;
	int64_t id;

	if(!occasion_given(r, &o))
		return;
	t.name[t.n] = "meeting";
	t.value[t.n++] = web_param(r, "meeting") ? web_param(r, "meeting") : "";
	t.name[t.n] = "paragraph";
	t.value[t.n++] = web_param(r, "paragraph") ? web_param(r, "paragraph") : "";
	t.name[t.n] = "state";
	t.value[t.n++] = "fastställd";
	t.name[t.n] = "reason";
	t.value[t.n++] = "";
	styr_error_init(&err);
	if(store_row_find(r->store, store_section_find("report_decisions"), o.key, &id, &err)) {
		t.n--;  /* no reason on a new decision */
		t.name[t.n] = "occasion";
		t.value[t.n++] = o.key;
		save(r, "report_decisions", NULL, 0, &t);
	} else
		save(r, "report_decisions", o.key, 0, &t);
	occasion_release(&o);
}

static void post_reopen(struct web_req *r)
{
	struct occasion o = { 0 };
	struct edit_text t = { .n = 0 };

	if(!occasion_given(r, &o))
		return;
	t.name[t.n] = "state";
	t.value[t.n++] = "återöppnad";
	t.name[t.n] = "reason";
	t.value[t.n++] = web_param(r, "reason") ? web_param(r, "reason") : "";
	save(r, "report_decisions", o.key, 0, &t);
	occasion_release(&o);
}

const struct web_route route_workflow = {
	"GET", "/rapporter/arbete", WEB_LOGIN, true, get_page, "the report workflow of an occasion"
};
const struct web_route route_workflow_part = {
	"POST", "/rapporter/arbete/del", WEB_WRITE, true, post_part, "a part's status and responsible"
};
const struct web_route route_workflow_fix = {
	"POST", "/rapporter/arbete/faststall", WEB_ADMIN, true, post_fix, "fastställ a report"
};
const struct web_route route_workflow_reopen = {
	"POST", "/rapporter/arbete/ateroppna", WEB_ADMIN, true, post_reopen, "reopen a report"
};
