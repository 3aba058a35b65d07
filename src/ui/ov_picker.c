/* ov_picker: the article picker -- which loaded article the focused pane
 * shows: each with its date, source, title and file (and its format when
 * not all are plain text), filtered as
 * one types; a long title gives way so that the file name stays in
 * view. */
#include "brief/ui/overlay.h"

#include <stdio.h>
#include <string.h>

/* The widest source and title columns. */
#define SOURCE_COLS 24
#define TITLE_COLS 60

static const char *source_of(const struct article *a)
{
	return a->source ? a->source : "unknown source";
}

/* lead, then source and title in their columns (on a narrow screen the
 * title gives way first, then the source), then the file. */
static struct olist_row *add_row(struct olist *o, struct buf *b,
				 const char *lead, const char *source,
				 size_t source_cols, const char *title,
				 size_t title_cols, const char *file,
				 int heading)
{
	struct olist_row *r;
	size_t s_at, t_at, f_at;

	b->len = 0;
	buf_printf(b, "%s ", lead);
	s_at = b->len;
	olist_pad(b, source, source_cols);
	buf_addc(b, ' ');
	t_at = b->len;
	olist_pad(b, title, title_cols);
	buf_addc(b, ' ');
	f_at = b->len;
	buf_adds(b, file);
	r = olist_add(o, b->data, heading);
	olist_row_cut_at(r, t_at, f_at - 1);
	olist_row_cut_at(r, s_at, t_at - 1);
	return r;
}

static int picker_open(struct overlay *ov, struct ui *u)
{
	size_t i, here = reader_shown(u, reader_focus(u)), nd = reader_ndocs(u);
	size_t source_cols = 6, title_cols = 5;
	int formats = 0;                /* not all are text: say each format */
	struct buf b = {0};
	struct olist_row *r;

	/* articles the idle time has not reached yet: their heads now */
	reader_heads(u, 50);
	for (i = 0; i < nd; i++) {
		const struct article *a = reader_doc(u, i)->a;

		source_cols = olist_widest(source_cols, source_of(a), SOURCE_COLS);
		formats |= a->format && strcmp(a->format, "text") != 0;
		title_cols = olist_widest(title_cols, a->title, TITLE_COLS);
	}
	ov->list = olist_new("Show which article in this pane? (type to "
			     "filter)", 1);
	add_row(ov->list, &b, formats ? "  format date      " : "  date      ",
		"source", source_cols, "title", title_cols, "file", 1);
	for (i = 0; i < nd; i++) {
		const struct article *a = reader_doc(u, i)->a;
		char lead[48];

		snprintf(lead, sizeof lead, "%s%-*s%-10s", i == here ? "* " : "  ",
			 formats ? 7 : 0,
			 formats ? (a->format ? a->format : "text") : "",
			 a->date ? a->date : "no date");
		r = add_row(ov->list, &b, lead, source_of(a), source_cols,
			    a->title, title_cols, a->path, 0);
		r->doc = i;
	}
	buf_free(&b);
	olist_refilter(ov->list);
	ov->list->cur = here + 1;
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
