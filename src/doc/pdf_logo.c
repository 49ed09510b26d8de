/*
** pdf_logo.c — the publisher's logo (doc.h, doc_set_identity) drawn with
** cairo: a PNG file through cairo's own reader, an SVG file through
** librsvg (Debian librsvg2) in the module styr-svg.so (pdf_svg.c), so a
** municipality's vector logo stays sharp in the PDF. The DOCX renderer
** gets a PNG of an SVG (logo_png); a PNG it takes as it is.
*/
#include <string.h>
#include <strings.h>

#include <cairo.h>

#include "base/loadable.h"
#include "base/strbuf.h"
#include "doc/doc.h"
#include "doc/pdf_layout.h"

static bool is_svg(const char *path)
{
	size_t n = strlen(path);
	return n > 4 && !strcasecmp(path + n - 4, ".svg");
}

bool logo_draw(cairo_t *cr, const char *path, double x, double y, double maxw, double maxh,
               double *w, double *h)
{
	*w = *h = 0;
	if(is_svg(path)) {
		/* an SVG that cannot be drawn (or a styr without styr-svg.so)
		** leaves no logo, as a file that cannot be read does */
		struct styr_error err;
		const struct pdf_svg_module *m = loadable_symbol("styr-svg.so", "styr_svg_module", &err);
		return m && m->draw(cr, path, x, y, maxw, maxh, w, h);
	}
	cairo_surface_t *img = cairo_image_surface_create_from_png(path);
	bool ok = cairo_surface_status(img) == CAIRO_STATUS_SUCCESS;
	if(ok) {
		double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
		ok = iw > 0 && ih > 0;
		if(ok) {
			double k = doc_fit_scale(iw, ih, maxw, maxh);
			cairo_save(cr);
			cairo_translate(cr, x, y);
			cairo_scale(cr, k, k);
			cairo_set_source_surface(cr, img, 0, 0);
			cairo_paint(cr);
			cairo_restore(cr);
			*w = iw * k;
			*h = ih * k;
		}
	}
	cairo_surface_destroy(img);
	return ok;
}

static cairo_status_t to_strbuf(void *closure, const unsigned char *data, unsigned int len)
{
	strbuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

bool logo_png(const char *path, double maxw, double maxh, double scale, struct strbuf *png,
              double *w, double *h)
{
	/* measure on a 1 x 1 surface, then draw at scale */
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
	cairo_t *cr = cairo_create(s);
	bool ok = logo_draw(cr, path, 0, 0, maxw, maxh, w, h);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	if(!ok)
		return false;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(*w * scale) + 1,
	                               (int)(*h * scale) + 1);
	cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	ok = logo_draw(cr, path, 0, 0, maxw, maxh, w, h);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	ok = ok && cairo_surface_write_to_png_stream(s, to_strbuf, png) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	return ok;
}
