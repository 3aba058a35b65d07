/* ov_search: the archive's hits for a query (S, Enter after ] offered
 * the archive, Enter in the entity view) -- one row per article: date,
 * title, source and the snippet with its first match emphasised.  Enter
 * opens the article in the focused pane (loaded as :open loads it) at
 * the hit's passage: the first mention of the query's entity, else the
 * first word the snippet marks, else the top. */
#include "brief/ui/overlay.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "brief/archive/archive.h"
#include "brief/base/utf8.h"

/* What the open list shows (one list is open at a time). */
static struct {
	struct archive_hits hits;
	size_t n;                 /* the hits shown: the first n */
	struct aq *q;
	char *query;
	int others;               /* the open reports left out */
} cur;

/* The most hits a list shows. */
#define SEARCH_LIMIT 500

static void forget(void)
{
	archive_hits_free(&cur.hits);
	aq_free(cur.q);
	free(cur.query);
	memset(&cur, 0, sizeof cur);
}

/* Put first in h the hits of reports that are not open (in their
 * order; the others after them): how many there are. */
static size_t not_open(struct ui *u, struct archive_hits *h)
{
	size_t i, k = 0;

	for (i = 0; i < h->n; i++)
		if (reader_find_file(u, h->v[i].file) < 0) {
			struct archive_hit t = h->v[i];

			memmove(&h->v[k + 1], &h->v[k], (i - k) * sizeof *h->v);
			h->v[k++] = t;
		}
	return k;
}

/* The hits of query into cur: 0, or -1 with the reason said. */
static int run(struct ui *u, const char *query, int others)
{
	struct err e = {{0}};
	struct archive *ar;
	struct aq *q = aq_parse(query, &e);

	if (q == NULL) {
		reader_say(u, 1, "%s", e.text);
		return -1;
	}
	ar = reader_archive(u, 0);
	if (ar == NULL) {
		aq_free(q);
		return -1;
	}
	forget();
	if (archive_search(ar, q, SEARCH_LIMIT, &cur.hits, &e) != 0) {
		reader_say(u, 1, "%s", e.text);
		aq_free(q);
		return -1;
	}
	cur.n = others ? not_open(u, &cur.hits) : cur.hits.n;
	cur.q = q;
	cur.query = xstrdup(query);
	cur.others = others;
	return 0;
}

/* The snippet without its '[' ']' marks into b; the bytes of the first
 * marked run in *from and *to (-1 when none). */
static void unmark(struct buf *b, const char *s, int *from, int *to)
{
	*from = *to = -1;
	for (; s && *s; s++) {
		if (*s == '[' && *from < 0) {
			*from = (int)b->len;
			continue;
		}
		if (*s == ']' && *from >= 0 && *to < 0) {
			*to = (int)b->len;
			continue;
		}
		if (*s == '[' || *s == ']')
			continue;
		buf_addc(b, *s == '\t' ? ' ' : *s);
	}
	if (*to < 0)
		*from = -1;
}

static struct olist *hits_list(void)
{
	char title[600];
	struct olist *o;
	size_t i, tw = 10, sw = 6;

	snprintf(title, sizeof title, "archive: %.400s — %zu %s%s%s",
		 cur.query, cur.n,
		 cur.others ? "more report" : "report",
		 cur.n == 1 ? "" : "s",
		 cur.hits.n == SEARCH_LIMIT ? " (the first)" : "");
	o = olist_new(title, 0);
	for (i = 0; i < cur.n; i++) {
		const struct archive_hit *h = &cur.hits.v[i];

		tw = olist_widest(tw, h->title ? h->title : h->file, 36);
		sw = olist_widest(sw, h->source ? h->source : "", 18);
	}
	for (i = 0; i < cur.n; i++) {
		const struct archive_hit *h = &cur.hits.v[i];
		struct buf b = {0}, snip = {0};
		struct olist_row *r;
		int hf, ht;

		buf_adds(&b, " ");
		olist_pad(&b, h->date ? h->date : "no date", 10);
		buf_adds(&b, "  ");
		olist_pad(&b, h->title && *h->title ? h->title : h->file, tw);
		buf_adds(&b, "  ");
		olist_pad(&b, h->source ? h->source : "", sw);
		buf_adds(&b, "  ");
		unmark(&snip, h->snippet, &hf, &ht);
		if (snip.data)
			buf_add(&b, snip.data, snip.len);
		r = olist_add(o, b.data ? b.data : "", 0);
		if (hf >= 0) {
			r->highlight_from = (int)(b.len - snip.len) + hf;
			r->highlight_to = (int)(b.len - snip.len) + ht;
		}
		r->doc = i;
		buf_free(&b);
		buf_free(&snip);
	}
	if (cur.n == 0)
		olist_add(o, cur.others ? "  (no other report mentions it)"
					: "  (no article matches)", 1);
	olist_set_footer(o, "Enter: open in the focused pane · q: close");
	olist_refilter(o);
	return o;
}

static int search_open(struct overlay *ov, struct ui *u)
{
	(void)u;
	ov->list = hits_list();
	return 0;
}

int overlay_search(struct overlay *ov, struct ui *u, const char *query,
		   int others)
{
	if (run(u, query, others) != 0)
		return -1;
	return overlay_open(ov, &search_overlay, u);
}

void overlay_query_value(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

long overlay_search_others(struct ui *u, const char *name)
{
	struct err e = {{0}};
	struct archive *ar = reader_archive(u, 1);
	struct archive_hits h;
	struct aq q = {AQ_ENTITY, NULL, NULL, CAT_COUNT, NULL, NULL};
	long n;

	if (ar == NULL)
		return -1;
	q.value = (char *)name;
	if (archive_search(ar, &q, (size_t)-1 >> 1, &h, &e) != 0)
		return -1;
	n = (long)not_open(u, &h);
	archive_hits_free(&h);
	return n;
}

/* The first entity the query asks for (not under a NOT), or NULL. */
static const char *query_entity(const struct aq *q)
{
	const char *s;

	if (q == NULL || q->kind == AQ_NOT)
		return NULL;
	if (q->kind == AQ_ENTITY)
		return q->value;
	s = query_entity(q->left);
	return s ? s : query_entity(q->right);
}

/* The first mention in doc di of the entity called name: 1 and it
 * selected. */
static int select_entity(struct ui *u, size_t di, const char *name)
{
	struct doc *d = reader_doc(u, di);
	const struct entities *reg = reader_entities(u);
	size_t s, i, n;

	for (s = 0; s < d->a->nsections; s++) {
		const struct figure *figs;
		const struct mention *m = doc_mentions(d, reader_highlighter(u),
						       s, &n, &figs);

		for (i = 0; i < n; i++) {
			const struct entity *en = entities_get(reg, m[i].entity);

			if (m[i].entity != ENTITY_NONE && en &&
			    strcasecmp(en->name, name) == 0) {
				reader_select(u, di, m[i].start, m[i].end,
					      m[i].entity);
				return 1;
			}
		}
	}
	return 0;
}

/* The first place in doc di of the word the snippet marks: 1 and it
 * selected. */
static int select_word(struct ui *u, size_t di, const char *snippet)
{
	struct doc *d = reader_doc(u, di);
	const char *a = snippet ? strchr(snippet, '[') : NULL, *b;
	size_t len, i;

	if (a == NULL || (b = strchr(a, ']')) == NULL || b == a + 1)
		return 0;
	a++;
	len = (size_t)(b - a);
	for (i = 0; i + len <= d->a->len; i++)
		if (strncasecmp(d->a->text + i, a, len) == 0) {
			reader_select(u, di, i, i + len, ENTITY_NONE);
			return 1;
		}
	return 0;
}

static int search_enter(struct ui *u, const struct olist_row *r)
{
	const struct archive_hit *h;
	const char *name;
	long di;

	if (r->doc >= cur.n)
		return OVERLAY_STAY;
	h = &cur.hits.v[r->doc];
	di = reader_open_file(u, h->file);
	if (di < 0)
		return OVERLAY_STAY; /* the reason is said */
	name = query_entity(cur.q);
	if (!(name && select_entity(u, (size_t)di, name)) &&
	    !select_word(u, (size_t)di, h->snippet))
		reader_show_at(u, (size_t)di, 0);
	return OVERLAY_CLOSE;
}

static int search_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	return overlay_list_key(ov, u, key, fn, search_enter, NULL);
}

static void search_close(struct overlay *ov)
{
	overlay_list_close(ov);
	forget();
}

const struct overlay_ops search_overlay = {
	"archive search", search_open, overlay_list_draw, search_key,
	search_close, NULL,
};
