/* overlay: the registry of the open overlay.  It knows an overlay only
 * through its operations table. */
#include "brief/ui/overlay.h"

#include <curses.h>
#include <string.h>

int overlay_open(struct overlay *ov, const struct overlay_ops *ops,
		 struct ui *u)
{
	struct overlay fresh = {ops, NULL};

	if (ops->open(&fresh, u) != 0)
		return -1;
	overlay_close(ov);
	*ov = fresh;
	return 0;
}

void overlay_close(struct overlay *ov)
{
	if (ov->ops)
		ov->ops->close(ov);
	ov->ops = NULL;
	ov->list = NULL;
}

int overlay_is_open(const struct overlay *ov)
{
	return ov->ops != NULL;
}

void overlay_draw(struct overlay *ov)
{
	int h = LINES - 3, w = COLS - 4;

	if (ov->ops == NULL)
		return;
	if (w > 120)
		w = 120;
	ov->ops->draw(ov, 1, (COLS - w) / 2, h, w);
}

void overlay_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	if (ov->ops && ov->ops->key(ov, u, key, fn) == OVERLAY_CLOSE)
		overlay_close(ov);
}

void overlay_mouse(struct overlay *ov, struct ui *u, int y, int x,
		   enum olist_pointer what)
{
	if (ov->ops && ov->list &&
	    olist_mouse(ov->list, y, x, what) == OLIST_ENTER)
		overlay_key(ov, u, '\r', 0);
}

void overlay_refresh(struct overlay *ov, struct ui *u)
{
	if (ov->ops && ov->ops->notes_changed)
		ov->ops->notes_changed(ov, u);
}

void overlay_list_draw(struct overlay *ov, int y, int x, int h, int w)
{
	olist_draw(ov->list, y, x, h, w);
}

void overlay_list_close(struct overlay *ov)
{
	olist_free(ov->list);
	ov->list = NULL;
}

int overlay_list_key(struct overlay *ov, struct ui *u, int key, int fn,
		     int (*enter)(struct ui *u, const struct olist_row *r),
		     void (*tab)(struct overlay *ov, struct ui *u))
{
	int rc = olist_key(ov->list, key, fn, LINES - 5);
	struct olist_row *r;

	if (rc == OLIST_CLOSE || (!fn && key == 'q' && !ov->list->filterable))
		return OVERLAY_CLOSE;
	if (rc == OLIST_SORT && tab)
		tab(ov, u);
	if (rc == OLIST_ENTER && (r = olist_current(ov->list)) != NULL)
		return enter(u, r);
	return OVERLAY_STAY;
}

void overlay_list_replace(struct overlay *ov, struct olist *fresh,
			  int keep_cur)
{
	struct olist *old = ov->list;
	size_t cur = old->cur;

	memcpy(fresh->filter, old->filter, sizeof fresh->filter);
	olist_refilter(fresh);
	if (keep_cur && cur < fresh->nvis)
		fresh->cur = cur;
	olist_free(old);
	ov->list = fresh;
}
