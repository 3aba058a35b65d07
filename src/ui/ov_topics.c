/* ov_topics: the topic picker -- show only the paragraphs of one topic
 * (t again shows all, without this overlay). */
#include "brief/ui/overlay.h"

static int topics_open(struct overlay *ov, struct ui *u)
{
	struct compare_rules *cr = reader_compare_rules(u);
	size_t k;

	if (cr == NULL)
		return -1;
	reader_index(u);
	ov->list = olist_new("Show only the paragraphs of which topic? "
			     "(t again shows all)", 1);
	for (k = 0; k < topics_count(cr->topics); k++) {
		struct olist_row *r = olist_add(ov->list,
						topics_label(cr->topics, k), 0);

		r->key[0] = (long)k;
	}
	olist_refilter(ov->list);
	return 0;
}

static int topics_enter(struct ui *u, const struct olist_row *r)
{
	struct compare_rules *cr = reader_compare_rules(u);

	reader_set_topic(u, r->key[0]);
	reader_say(u, 0, "topic: %s (t shows all)",
		   topics_label(cr->topics, (size_t)r->key[0]));
	return OVERLAY_CLOSE;
}

static int topics_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	return overlay_list_key(ov, u, key, fn, topics_enter, NULL);
}

const struct overlay_ops topics_overlay = {
	"topics", topics_open, overlay_list_draw, topics_key,
	overlay_list_close, NULL,
};
