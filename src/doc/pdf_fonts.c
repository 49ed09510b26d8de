/*
** pdf_fonts.c — the fonts styr draws with: DejaVu Sans from its own
** folder (Debian fonts-dejavu-core), through a fontconfig configuration
** of styr's own rather than the machine's.
**
** Why not the machine's: fontconfig's system configuration is some
** thirty XML files of rules (aliases, language preferences, every font
** folder), parsed by every process that draws, about 2 ms of a report's
** 25 ms fixed cost; and with it a font another package installs could
** win a match or a fallback, so the same data would give other bytes on
** another machine. styr's configuration names the one folder, the
** system's caches of it (made when the font package was installed) and
** the hinting Debian sets (slight), which only the DOCX's chart pictures
** see. A character DejaVu Sans does not have is drawn as a missing-glyph
** box, as on a machine with no other fonts.
**
** When the folder holds no DejaVu Sans (another distribution, a
** STYR_FONT_DIR that points wrong), the system's configuration is kept,
** as before.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <fontconfig/fontconfig.h>

#include "doc/pdf_layout.h"

#ifndef STYR_FONT_DIR
#define STYR_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Does cfg find DejaVu Sans in its fonts? */
static bool has_dejavu(FcConfig *cfg)
{
	FcPattern *p = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, (char *)NULL);
	FcFontSet *fs;
	bool ok;

	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)"DejaVu Sans");
	fs = FcFontList(cfg, p, os);
	ok = fs && fs->nfont > 0;
	if(fs)
		FcFontSetDestroy(fs);
	FcObjectSetDestroy(os);
	FcPatternDestroy(p);
	return ok;
}

static void use_own_config(void)
{
	const char *dir = getenv("STYR_FONT_DIR");
	char xml[1024];
	FcConfig *cfg;

	if(!dir || !*dir)
		dir = STYR_FONT_DIR;
	snprintf(xml, sizeof(xml),
	         "<?xml version=\"1.0\"?><fontconfig>"
	         "<dir>%s</dir>"
	         "<cachedir>/var/cache/fontconfig</cachedir>"
	         "<cachedir prefix=\"xdg\">fontconfig</cachedir>"
	         "<match target=\"pattern\"><edit name=\"hintstyle\" mode=\"append\">"
	         "<const>hintslight</const></edit></match>"
	         "</fontconfig>", dir);
	cfg = FcConfigCreate();
	if(!cfg)
		return;
	if(FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)xml, FcFalse) &&
	   FcConfigBuildFonts(cfg) && has_dejavu(cfg))
		FcConfigSetCurrent(cfg); /* takes its own reference */
	FcConfigDestroy(cfg);
}

PangoFontMap *pdf_font_map(void)
{
	pthread_once(&once, use_own_config);
	return pango_cairo_font_map_get_default();
}
