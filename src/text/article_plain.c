/* article_plain: the plain-text parser.  Its checks on the bytes (size,
 * NUL bytes in the first MiB, the slow path for CR and invalid UTF-8, a
 * BOM), its start (front matter, start markers) and article_parse, which
 * turns the text into paragraphs, sections and sentences a budget of
 * bytes at a time (article_para.c). */
#include "brief/text/article.h"

#include <stdlib.h>
#include <string.h>

#include "article_priv.h"
#include "brief/base/mapguard.h"

static int count_lines(const char *t, size_t s, size_t e)
{
	int n = 0;

	while (s < e) {
		const char *nl = memchr(t + s, '\n', e - s);

		if (nl == NULL)
			break;
		n++;
		s = (size_t)(nl - t) + 1;
	}
	return n;
}

/* Free or unmap an article's bytes. */
static void drop_bytes(char *data, int mapped, size_t map_len)
{
	if (mapped)
		mapguard_unmap(data, map_len);
	else
		free(data);
}

struct article *art_plain_begin(char *data, size_t len, int mapped,
				size_t map_len, const char *name,
				const struct article_rules *r, struct err *e)
{
	struct article *a;
	struct loader *l;
	struct scan sc;
	char *text = data;
	size_t start, probe, clean;

	if (len > ARTICLE_MAX) {
		err_set(e, "%s: %s", name, TOO_LARGE);
		drop_bytes(data, mapped, map_len);
		return NULL;
	}
	probe = len < BINARY_PROBE ? len : BINARY_PROBE;
	clean = art_scan_bytes(data, 0, probe, len, &sc);
	if (sc.nul || (clean < probe && memchr(data, 0, probe) != NULL)) {
		/* NUL bytes, or zeros where the file shrank */
		if (mapped && mapguard_changed(data))
			err_set(e, "%s: %s", name, CHANGED);
		else
			err_set(e, "%s: binary file", name);
		drop_bytes(data, mapped, map_len);
		return NULL;
	}
	a = xcalloc(1, sizeof *a);
	l = xcalloc(1, sizeof *l);
	a->priv = l;
	a->path = xstrdup(name);
	a->title = xstrdup("");
	l->raw_len = len;
	l->mapped = mapped;
	l->map = data;
	l->map_len = map_len;
	if (clean < probe) {
		/* the slow path: a normalised copy (the id is taken from
		 * the bytes as they were) */
		char *copy;

		(void)article_id(a);
		copy = art_normalised_copy(data, len, &len);
		l->changed = mapped && mapguard_changed(data);
		drop_bytes(data, mapped, map_len);
		l->mapped = 0;
		l->map = copy;
		text = copy;
		clean = len;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
		clean -= clean >= 3 ? 3 : clean;
	}
	l->clean = clean;
	a->text = text;
	a->len = len;
	l->a = a;
	l->r = r;
	l->e = e;
	l->md = pcre2_match_data_create(32, NULL);
	start = art_front_matter(l);
	if (start == (size_t)-1) {
		article_free(a);
		return NULL;
	}
	l->e = NULL;
	l->fm_title = a->title[0] != '\0';
	start = art_start_markers(l, start);
	art_take_genre(l, start);
	l->pos = start;
	l->line = 1 + count_lines(a->text, 0, start);
	return a;
}

int article_parse(struct article *a, size_t budget)
{
	struct loader *l = a->priv;
	size_t from, first = a->nsections, i;

	if (a->complete)
		return 1;
	from = l->pos;
	art_ensure_clean(l, budget < a->len - from ? from + budget : a->len);
	art_cut_if_shrank(l);
	while (l->pos - from < budget) {
		if (!art_parse_line(l)) {
			a->complete = 1;
			art_tail_date(l);
			break;
		}
	}
	a->parsed = l->pos;
	for (i = first; i < a->nsections; i++)
		a->sections[i].page = 0; /* plain text has no pages */
	if (!l->headline_done && (l->nstory >= 2 || a->complete)) {
		l->headline_done = 1;
		if (!l->fm_title) {
			free(a->title);
			a->title = NULL;
		}
		art_take_headline(l);
		art_make_title(a);
	}
	return a->complete;
}
