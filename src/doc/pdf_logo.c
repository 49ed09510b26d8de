/*
** pdf_logo.c — the publisher's logo (doc.h, doc_set_identity) drawn with
** cairo: a PNG file through cairo's own reader, an SVG file through
** librsvg (Debian librsvg2), so a municipality's vector logo stays sharp
** in the PDF. The DOCX renderer gets a PNG of either (logo_png).
*/
#include <string.h>
#include <strings.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "base/strbuf.h"
#include "doc/pdf_layout.h"

static bool is_svg(const char *path)
{
	size_t n = strlen(path);
	return n > 4 && !strcasecmp(path + n - 4, ".svg");
}

/* The scale that fits w x h into maxw x maxh. */
static double fit(double w, double h, double maxw, double maxh)
{
	double kw = maxw / w, kh = maxh / h;
	return kw < kh ? kw : kh;
}

bool logo_draw(cairo_t *cr, const char *path, double x, double y, double maxw, double maxh,
               double *w, double *h)
{
	*w = *h = 0;
	if(is_svg(path)) {
		GError *e = NULL;
		RsvgHandle *svg = rsvg_handle_new_from_file(path, &e);
		gdouble iw = 0, ih = 0;
		if(!svg) {
			g_clear_error(&e);
			return false;
		}
		if(!rsvg_handle_get_intrinsic_size_in_pixels(svg, &iw, &ih) || iw <= 0 || ih <= 0) {
			/* no size of its own: a square as high as allowed */
			iw = ih = maxh;
		}
		double k = fit(iw, ih, maxw, maxh);
		RsvgRectangle vp = { x, y, iw * k, ih * k };
		bool ok = rsvg_handle_render_document(svg, cr, &vp, &e);
		g_clear_error(&e);
		g_object_unref(svg);
		if(ok) {
			*w = iw * k;
			*h = ih * k;
		}
		return ok;
	}
	cairo_surface_t *img = cairo_image_surface_create_from_png(path);
	bool ok = cairo_surface_status(img) == CAIRO_STATUS_SUCCESS;
	if(ok) {
		double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
		ok = iw > 0 && ih > 0;
		if(ok) {
			double k = fit(iw, ih, maxw, maxh);
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
