/* ov_picker: the article picker -- which loaded article the focused pane
 * shows. */
#include "brief/ui/overlay.h"

#include <stdio.h>

static int picker_open(struct overlay *ov, struct ui *u)
{
	size_t i, here = reader_shown(u, reader_focus(u));
	char line[512];

	ov->list = olist_new("Show which article in this pane?", 1);
	for (i = 0; i < reader_ndocs(u); i++) {
		const struct article *a = reader_doc(u, i)->a;
		struct olist_row *r;

		snprintf(line, sizeof line, "%s%-5s %-10s %s — %s — %s",
			 i == here ? "* " : "  ", a->format ? a->format : "text",
			 a->date ? a->date : "no date",
			 a->source ? a->source : "unknown source", a->title,
			 a->path);
		r = olist_add(ov->list, line, 0);
		r->doc = i;
	}
	olist_refilter(ov->list);
	ov->list->cur = here;
	return 0;
}

static int picker_enter(struct ui *u, const struct olist_row *r)
{
	reader_show_doc(u, r->doc);
	reader_say(u, 0, "%s", reader_doc(u, r->doc)->a->path);
	return OVERLAY_CLOSE;
}

static int picker_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	return overlay_list_key(ov, u, key, fn, picker_enter, NULL);
}

const struct overlay_ops picker_overlay = {
	"picker", picker_open, overlay_list_draw, picker_key,
	overlay_list_close, NULL,
};
