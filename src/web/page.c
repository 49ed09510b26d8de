/*
** page.c — the skeleton of every page and its style sheet.
**
** Pages are Swedish, server-rendered and work without JavaScript: a skip
** link, a header with the navigation (a list of links; logging out is a
** form, since it changes something), one <main>, a footer. The style sheet
** is a file of its own (/static/styr.css) so the Content-Security-Policy
** can refuse every inline style and script. Colours meet WCAG 2.1 AA
** contrast; the layout is one column on a phone and wider on a desktop.
*/
#include "web/web.h"

#include "base/clock.h"
#include "doc/html.h"

#include <pthread.h>
#include <string.h>

const char page_css[] =
"*{box-sizing:border-box}"
"body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1a1a1a;background:#fff}"
".skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem;z-index:2}"
".skip:focus{left:.5rem}"
"header.site{background:#1f4e79;color:#fff}"
"header.site .bar{max-width:70rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}"
"header.site .brand{font-weight:700;font-size:1.2rem;color:#fff;text-decoration:none}"
"header.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}"
"header.site a{color:#fff}"
"header.site form{margin:0}"
"header.site button{background:none;border:1px solid #fff;color:#fff;padding:.2rem .6rem;border-radius:3px;font:inherit;cursor:pointer}"
"header.site .who{margin-left:auto;display:flex;gap:.8rem;align-items:center}"
"main{max-width:70rem;margin:0 auto;padding:1rem}"
"h1{font-size:1.7rem;color:#1f4e79;margin:.5rem 0 1rem}"
"h2{font-size:1.3rem;color:#1f4e79;margin:1.5rem 0 .5rem}"
"a{color:#0b57a4}"
"a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0b400;outline-offset:1px}"
".table-wrap{overflow-x:auto;margin:.5rem 0 1rem}"
"table{border-collapse:collapse;font-size:.92rem}"
"caption{text-align:left;font-weight:700;padding:.3rem 0}"
"th,td{border-bottom:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}"
"th{background:#eef3f8}"
".msg{padding:.6rem .8rem;border-left:5px solid;margin:1rem 0;max-width:46rem}"
".msg.error{border-color:#b00020;background:#fdecee}"
".msg.ok{border-color:#1b6e20;background:#eaf6ea}"
"form.edit{max-width:40rem}form.edit button{display:block}form.edit textarea{display:block}"
"form.edit label{display:block;font-weight:600;margin-top:.8rem}"
"form.edit .help{display:block;font-weight:400;font-size:.88rem;color:#444}"
"input,select,textarea{font:inherit;padding:.35rem;border:1px solid #6b6b6b;border-radius:3px;width:100%;max-width:30rem}"
"textarea{min-height:6rem}"
"button.primary,input[type=submit]{margin-top:1rem;background:#1f4e79;color:#fff;border:0;padding:.5rem 1rem;border-radius:3px;font:inherit;cursor:pointer;width:auto}"
"button.danger{background:#b00020;color:#fff;border:0;padding:.5rem 1rem;border-radius:3px;font:inherit;cursor:pointer}"
"ul.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}"
"ul.cards>li{border:1px solid #c8c8c8;border-radius:4px;padding:.8rem}ul.cards h3{margin:0 0 .4rem}ul.cards ul{padding-left:1.2rem;margin:0}"
".light{display:inline-block;min-width:6.5rem;padding:.1rem .5rem;border-radius:3px;font-weight:600}"
".light.uppfyllt{background:#1b6e20;color:#fff}"
".light.delvis{background:#f0b400;color:#1a1a1a}"
".light.ej{background:#b00020;color:#fff}"
".light.saknas{background:#e0e0e0;color:#1a1a1a}"
"footer.site{max-width:70rem;margin:2rem auto 1rem;padding:0 1rem;color:#444;font-size:.88rem}"
"ul.inline{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}"
"a[aria-current]{font-weight:700;text-decoration:none;color:#1a1a1a}"
".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
"td form{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center;margin:0}td form select,td form input{width:auto}"
"@media (max-width:40rem){header.site .who{margin-left:0}h1{font-size:1.4rem}}";

/* The frame of every page is the same but for the title, whether someone
** is logged in, their name and the form's CSRF token. It is written with
** the HTML writer once, in pieces between those parts (the writer moves on
** from one piece's buffer to the next), and copied for each page: writing
** it element by element took a tenth of the start page's time. */
enum frame_piece {
	FRAME_HEAD,        /* ... <title> */
	FRAME_BAR,         /* </title> ... the menu's first entry */
	FRAME_MENU,        /* the menu for someone logged in */
	FRAME_PUBLIC,      /* the notice board's entry ... <div class="who"> */
	FRAME_LOGIN,       /* the link to log in */
	FRAME_WHO,         /* <span> before the name */
	FRAME_LOGOUT,      /* </span> and the logout form up to its token */
	FRAME_LOGOUT_END,  /* the button and the end of the form */
	FRAME_MAIN,        /* the end of the header ... <h1> */
	FRAME_PIECES
};
static struct strbuf frame[FRAME_PIECES];
static struct html frame_open; /* the writer's open elements after <h1> */
static pthread_once_t frame_once = PTHREAD_ONCE_INIT;

static void frame_make(void)
{
	static const char *const links[][2] = {
		{ "/", "Start" }, { "/mal", "Mål" }, { "/ekonomi", "Ekonomi" },
		{ "/internkontroll", "Internkontroll" }, { "/sammantraden", "Sammanträden" },
		{ "/rapporter", "Rapporter" }, { "/sections", "Register" },
		{ "/log", "Ändringslogg" },
	};
	struct html *h = &frame_open;

	for(int i = 0; i < FRAME_PIECES; i++)
		strbuf_init(&frame[i]);
	html_init(h, &frame[FRAME_HEAD]);
	html_raw(h, "<!DOCTYPE html>\n");
	html_open(h, "html", "lang", "sv", NULL);
	html_open(h, "head", NULL);
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_void(h, "meta", "name", "viewport", "content", "width=device-width, initial-scale=1", NULL);
	html_open(h, "title", NULL);
	h->out = &frame[FRAME_BAR];
	html_text(h, " – styr");
	html_close(h);
	html_void(h, "link", "rel", "stylesheet", "href", "/static/styr.css", NULL);
	html_close(h);
	html_open(h, "body", NULL);
	html_elem_text(h, "a", "Hoppa till innehållet", "class", "skip", "href", "#main", NULL);
	html_open(h, "header", "class", "site", NULL);
	html_open(h, "div", "class", "bar", NULL);
	html_elem_text(h, "a", "styr", "class", "brand", "href", "/", NULL);
	html_open(h, "nav", "aria-label", "Huvudmeny", NULL);
	html_open(h, "ul", NULL);
	h->out = &frame[FRAME_MENU];
	for(size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		html_open(h, "li", NULL);
		html_elem_text(h, "a", links[i][1], "href", links[i][0], NULL);
		html_close(h);
	}
	h->out = &frame[FRAME_PUBLIC];
	html_open(h, "li", NULL);
	html_elem_text(h, "a", "Anslagstavla", "href", "/anslagstavla", NULL);
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "div", "class", "who", NULL);
	h->out = &frame[FRAME_LOGIN];
	html_elem_text(h, "a", "Logga in", "href", "/login", NULL);
	h->out = &frame[FRAME_WHO];
	html_open(h, "span", NULL);
	h->out = &frame[FRAME_LOGOUT];
	html_close(h);
	html_open(h, "form", "method", "post", "action", "/logout", NULL);
	h->out = &frame[FRAME_LOGOUT_END];
	html_elem_text(h, "button", "Logga ut", "type", "submit", NULL);
	html_close(h);
	h->out = &frame[FRAME_MAIN];
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "main", "id", "main", NULL);
	html_raw(h, "<h1>");   /* the page's title and </h1> follow */
	h->out = NULL;
}

static void piece(struct strbuf *out, enum frame_piece p)
{
	strbuf_add(out, frame[p].buf, frame[p].len);
}

void page_begin(struct web_req *r, struct html *h, const char *title)
{
	struct strbuf *out = &r->out;

	pthread_once(&frame_once, frame_make);
	r->type = "text/html; charset=utf-8";
	*h = frame_open;
	h->out = out;
	piece(out, FRAME_HEAD);
	html_text(h, title);
	piece(out, FRAME_BAR);
	if(r->user.id)
		piece(out, FRAME_MENU);
	piece(out, FRAME_PUBLIC);
	if(r->user.id) {
		piece(out, FRAME_WHO);
		html_text(h, r->user.name);
		piece(out, FRAME_LOGOUT);
		page_csrf(r, h);
		piece(out, FRAME_LOGOUT_END);
	} else
		piece(out, FRAME_LOGIN);
	piece(out, FRAME_MAIN);
	html_text(h, title);
	strbuf_addstr(out, "</h1>");
}

void page_end(struct web_req *r, struct html *h)
{
	(void)r;
	html_close_to(h, 2);   /* html, body */
	html_open(h, "footer", "class", "site", NULL);
	html_elem_text(h, "p", "styr – styrning och uppföljning för kommunala nämnder", NULL);
	html_close_to(h, 0);
	html_raw(h, "\n");
}

void page_csrf(struct web_req *r, struct html *h)
{
	if(r->csrf[0])
		html_void(h, "input", "type", "hidden", "name", "csrf", "value", r->csrf, NULL);
}

void page_message(struct html *h, const char *kind, const char *text)
{
	html_open(h, "div", "class", kind[0] == 'e' ? "msg error" : "msg ok",
	          "role", kind[0] == 'e' ? "alert" : "status", NULL);
	html_text(h, text);
	html_close(h);
}

void web_time(struct html *h, const char *stamp)
{
	char local[CLOCK_LOCAL_SIZE];
	if(clock_local_time(stamp, local))
		html_elem_text(h, "time", local, "datetime", stamp, NULL);
	else
		html_text(h, stamp);
}
