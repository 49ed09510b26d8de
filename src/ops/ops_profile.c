/*
** ops_profile.c — sources, fields, vocabularies and profile lookups (see
** ops_profile.h). Pure.
*/
#include "ops/ops_profile.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "ops/ops_rules.h"

const char *const ops_source_names[] = {
	"tickets", "ticket-history", "calls", "availability", "assets", "invoices",
	"backup-jobs", NULL
};

const char *const ops_vocab_names[] = {
	"type", "priority", "status", "field", "visibility", "call-result", "outage",
	"asset-type", "asset-status", "backup-result", NULL
};

#define REQ true
#define OPT false

static const struct ops_field_def tickets[] = {
	{ "id", REQ, OPS_FK_TEXT, 0, "the ticket's number" },
	{ "type", REQ, OPS_FK_WORD, OPS_VOC_TYPE, "incident, request, change or order" },
	{ "priority", REQ, OPS_FK_WORD, OPS_VOC_PRIORITY, "the priority as exported (current)" },
	{ "created", REQ, OPS_FK_STAMP, 0, "when it was registered" },
	{ "status", OPT, OPS_FK_WORD, OPS_VOC_STATUS, "the status as exported (current)" },
	{ "resolved", OPT, OPS_FK_STAMP, 0, "when it was resolved" },
	{ "closed", OPT, OPS_FK_STAMP, 0, "when it was closed" },
	{ "group", OPT, OPS_FK_TEXT, 0, "the assignment group as exported" },
	{ "solution", OPT, OPS_FK_TEXT, 0, "the solution text (slutrapport)" },
	{ "delivered", OPT, OPS_FK_STAMP, 0, "orders: when it was delivered" },
};

static const struct ops_field_def history[] = {
	{ "ticket", REQ, OPS_FK_TEXT, 0, "the ticket's number" },
	{ "at", REQ, OPS_FK_STAMP, 0, "when the change was made" },
	{ "field", REQ, OPS_FK_WORD, OPS_VOC_FIELD, "what changed: status, priority, group, assignee, reply" },
	{ "new", OPT, OPS_FK_TEXT, 0, "the new value" },
	{ "old", OPT, OPS_FK_TEXT, 0, "the value before" },
	{ "visibility", OPT, OPS_FK_WORD, OPS_VOC_VISIBILITY, "replies: public (to the customer) or internal" },
};

static const struct ops_field_def calls[] = {
	{ "at", REQ, OPS_FK_STAMP, 0, "when the call was offered to the queue" },
	{ "wait", REQ, OPS_FK_SECONDS, 0, "seconds waited until answered or abandoned" },
	{ "result", REQ, OPS_FK_WORD, OPS_VOC_CALL, "answered or abandoned" },
	{ "queue", OPT, OPS_FK_TEXT, 0, "the queue" },
	{ "id", OPT, OPS_FK_TEXT, 0, "the call's id" },
};

static const struct ops_field_def availability[] = {
	{ "service", REQ, OPS_FK_TEXT, 0, "the monitored service or device" },
	{ "start", REQ, OPS_FK_STAMP, 0, "when the state began" },
	{ "end", REQ, OPS_FK_STAMP, 0, "when it ended" },
	{ "kind", REQ, OPS_FK_WORD, OPS_VOC_OUTAGE, "down, maintenance (announced) or nodata" },
	{ "category", OPT, OPS_FK_TEXT, 0, "servers, access points, Microsoft 365 ..." },
};

static const struct ops_field_def assets[] = {
	{ "name", REQ, OPS_FK_TEXT, 0, "the computer's name" },
	{ "serial", OPT, OPS_FK_TEXT, 0, "serial number" },
	{ "type", OPT, OPS_FK_WORD, OPS_VOC_ASSET_TYPE, "computer or other" },
	{ "status", OPT, OPS_FK_WORD, OPS_VOC_ASSET_STATUS, "active or retired" },
};

static const struct ops_field_def invoices[] = {
	{ "number", REQ, OPS_FK_TEXT, 0, "the invoice number" },
	{ "supplier", REQ, OPS_FK_TEXT, 0, "the supplier" },
	{ "date", REQ, OPS_FK_DATE, 0, "the invoice date" },
	{ "amount", OPT, OPS_FK_MONEY, 0, "the amount in kronor" },
	{ "text", OPT, OPS_FK_TEXT, 0, "what it is for" },
};

static const struct ops_field_def backup[] = {
	{ "job", REQ, OPS_FK_TEXT, 0, "the backup job" },
	{ "start", REQ, OPS_FK_STAMP, 0, "when the run started" },
	{ "end", OPT, OPS_FK_STAMP, 0, "when it ended" },
	{ "result", REQ, OPS_FK_WORD, OPS_VOC_BACKUP, "success, warning or failed" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const struct ops_field_def *f;
	size_t n;
} sources[OPS_NSOURCES] = {
	{ tickets, N(tickets) }, { history, N(history) }, { calls, N(calls) },
	{ availability, N(availability) }, { assets, N(assets) }, { invoices, N(invoices) },
	{ backup, N(backup) },
};

const char *const ops_all_field_names[] = {
	"id", "type", "priority", "created", "status", "resolved", "closed", "group",
	"solution", "delivered", "ticket", "at", "field", "new", "old", "visibility",
	"wait", "result", "queue", "service", "start", "end", "kind", "category", "name",
	"serial", "number", "supplier", "date", "amount", "text", "job", NULL
};

const struct ops_field_def *ops_source_fields(enum ops_source src, size_t *n)
{
	*n = sources[src].n;
	return sources[src].f;
}

int ops_field_index(enum ops_source src, const char *name)
{
	for(size_t i = 0; i < sources[src].n; i++)
		if(!strcmp(sources[src].f[i].name, name))
			return (int)i;
	return -1;
}

static const char *const m_type[] = { "incident", "request", "change", "order", "other", "ignore", NULL };
static const int c_type[] = { OPS_INCIDENT, OPS_REQUEST, OPS_CHANGE, OPS_ORDER, OPS_OTHER, 0 };
static const char *const m_prio[] = { "critical", "high", "normal", "low", NULL };
static const int c_prio[] = { OPS_CRITICAL, OPS_HIGH, OPS_NORMAL, OPS_LOW };
static const char *const m_status[] = {
	"new", "active", "paused", "resolved", "closed", "cancelled", NULL
};
static const int c_status[] = { OPS_NEW, OPS_ACTIVE, OPS_PAUSED, OPS_RESOLVED, OPS_CLOSED,
                                 OPS_CANCELLED };
static const char *const m_field[] = {
	"status", "priority", "group", "assignee", "reply", "ignore", NULL
};
static const int c_field[] = { OPS_EV_STATUS, OPS_EV_PRIORITY, OPS_EV_GROUP, OPS_EV_ASSIGNEE,
                               OPS_EV_REPLY, 0 };
static const char *const m_vis[] = { "public", "internal", NULL };
static const int c_vis[] = { OPS_VIS_PUBLIC, OPS_VIS_INTERNAL };
static const char *const m_call[] = { "answered", "abandoned", "ignore", NULL };
static const int c_call[] = { OPS_CALL_ANSWERED, OPS_CALL_ABANDONED, 0 };
static const char *const m_outage[] = { "down", "maintenance", "nodata", "up", NULL };
static const int c_outage[] = { OPS_DOWN, OPS_MAINTENANCE, OPS_NODATA, 0 };
static const char *const m_atype[] = { "computer", "other", NULL };
static const int c_atype[] = { OPS_ASSET_COMPUTER, OPS_ASSET_OTHER };
static const char *const m_astatus[] = { "active", "retired", NULL };
static const int c_astatus[] = { OPS_ASSET_ACTIVE, OPS_ASSET_RETIRED };
static const char *const m_backup[] = { "success", "warning", "failed", NULL };
static const int c_backup[] = { 1, 2, 3 };

static const struct {
	const char *const *m;
	const int *c;
} vocabs[OPS_NVOCABS] = {
	{ m_type, c_type }, { m_prio, c_prio }, { m_status, c_status }, { m_field, c_field },
	{ m_vis, c_vis }, { m_call, c_call }, { m_outage, c_outage }, { m_atype, c_atype },
	{ m_astatus, c_astatus }, { m_backup, c_backup },
};

const char *const *ops_vocab_meanings(enum ops_vocab v, const int **codes)
{
	if(codes)
		*codes = vocabs[v].c;
	return vocabs[v].m;
}

bool ops_vocab_code(enum ops_vocab v, const char *m, int *code)
{
	for(int i = 0; vocabs[v].m[i]; i++)
		if(!strcmp(vocabs[v].m[i], m)) {
			*code = vocabs[v].c[i];
			return true;
		}
	return false;
}

void ops_profile_init(struct ops_profile *p)
{
	memset(p, 0, sizeof(*p));
}

void ops_profile_release(struct ops_profile *p)
{
	free(p->name);
	free(p->system);
	for(int s = 0; s < OPS_NSOURCES; s++)
		for(int f = 0; f < OPS_MAX_FIELDS; f++)
			free(p->column[s][f]);
	for(int v = 0; v < OPS_NVOCABS; v++) {
		for(size_t i = 0; i < p->nwords[v]; i++) {
			free(p->words[v][i].value);
			free(p->words[v][i].written);
		}
		free(p->words[v]);
	}
	memset(p, 0, sizeof(*p));
}

void ops_profile_column(struct ops_profile *p, enum ops_source src, int field,
                        const char *heading)
{
	free(p->column[src][field]);
	p->column[src][field] = xstrdup(heading);
}

/* Lower-case s[0..len) into o: ASCII letters and the capitals of
** Latin-1 (Å, Ä, Ö, É, ...: UTF-8 C3 80 to C3 9E but not ×). */
static void fold(const char *s, size_t len, char *o)
{
	for(size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if(c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		else if(i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
			c = (unsigned char)(c + 0x20);
		o[i] = (char)c;
	}
	o[len] = '\0';
}

/* Trimmed and lower-cased (fold) into a new string. */
static char *normal(const char *s, size_t len)
{
	while(len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while(len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	char *o = xmalloc(len + 1);
	fold(s, len, o);
	return o;
}

static int cmp_word(const void *a, const void *b)
{
	return strcmp(((const struct ops_word *)a)->value, ((const struct ops_word *)b)->value);
}

bool ops_profile_word(struct ops_profile *p, enum ops_vocab v, const char *value,
                      const char *meaning)
{
	int code;
	if(!ops_vocab_code(v, meaning, &code))
		return false;
	char *n = normal(value, strlen(value));
	for(size_t i = 0; i < p->nwords[v]; i++)
		if(!strcmp(p->words[v][i].value, n)) {
			p->words[v][i].code = code;
			free(n);
			return true;
		}
	p->words[v] = xrealloc(p->words[v], (p->nwords[v] + 1) * sizeof(*p->words[v]));
	p->words[v][p->nwords[v]++] = (struct ops_word){ n, xstrdup(value), code };
	qsort(p->words[v], p->nwords[v], sizeof(*p->words[v]), cmp_word);
	return true;
}

bool ops_profile_lookup(const struct ops_profile *p, enum ops_vocab v, const char *value,
                        int *code)
{
	char buf[128];
	size_t len = strlen(value);
	while(len && (*value == ' ' || *value == '\t')) {
		value++;
		len--;
	}
	while(len && (value[len - 1] == ' ' || value[len - 1] == '\t'))
		len--;
	if(len >= sizeof(buf))
		return false;
	fold(value, len, buf);
	struct ops_word key = { buf, NULL, 0 };
	const struct ops_word *w = bsearch(&key, p->words[v], p->nwords[v], sizeof(key), cmp_word);
	if(!w)
		return false;
	*code = w->code;
	return true;
}

void ops_profile_known(const struct ops_profile *p, enum ops_vocab v, char *buf, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	for(size_t i = 0; i < p->nwords[v]; i++)
		strbuf_addf(&sb, "%s\"%s\"", i ? ", " : "", p->words[v][i].written);
	if(!p->nwords[v])
		strbuf_addstr(&sb, "none (the profile has no words for it)");
	str_copy(buf, n, sb.buf);
	strbuf_release(&sb);
}

bool ops_heading_equal(const char *heading, const char *cell)
{
	if(!strncmp(cell, "\xEF\xBB\xBF", 3))
		cell += 3;
	char *a = normal(heading, strlen(heading)), *b = normal(cell, strlen(cell));
	bool eq = !strcmp(a, b);
	free(a);
	free(b);
	return eq;
}
