/*
** pdf_svg.c — a committee's SVG logo drawn with librsvg: the module
** styr-svg.so (base/loadable.h), loaded by the PDF module the first time
** a logo is an SVG file. librsvg (and the libxml2, gio and ICU it brings)
** took 1.6 ms of every process that drew anything, though most logos are
** PNG files, which cairo reads itself (pdf_logo.c).
*/
#include <librsvg/rsvg.h>

#include "doc/doc.h"
#include "doc/pdf_layout.h"

/* The SVG at path drawn at (x, y), fitted into maxw x maxh (points) and
** its size in *w, *h; false (nothing drawn) when it cannot be read. */
static bool svg_draw(cairo_t *cr, const char *path, double x, double y, double maxw,
                     double maxh, double *w, double *h)
{
	GError *e = NULL;
	RsvgHandle *svg = rsvg_handle_new_from_file(path, &e);
	gdouble iw = 0, ih = 0;
	double k;
	bool ok;

	if(!svg) {
		g_clear_error(&e);
		return false;
	}
	if(!rsvg_handle_get_intrinsic_size_in_pixels(svg, &iw, &ih) || iw <= 0 || ih <= 0) {
		/* no size of its own: a square as high as allowed */
		iw = ih = maxh;
	}
	k = doc_fit_scale(iw, ih, maxw, maxh);
	RsvgRectangle vp = { x, y, iw * k, ih * k };
	ok = rsvg_handle_render_document(svg, cr, &vp, &e);
	g_clear_error(&e);
	g_object_unref(svg);
	if(ok) {
		*w = iw * k;
		*h = ih * k;
	}
	return ok;
}

/* The module's one entry (pdf_logo.c). */
const struct pdf_svg_module styr_svg_module = {
	.draw = svg_draw,
};
