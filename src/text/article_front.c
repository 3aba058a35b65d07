/* article_front: YAML front matter ("---" lines around title, date,
 * source, url, tags) into the article's fields. */
#include "brief/text/article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_priv.h"
#include "brief/yaml/yamlio.h"

static int valid_date(const char *s)
{
	int y, m, d;
	char tail;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static int string_field(struct loader *l, const struct ynode *root,
			const char *key, char **field)
{
	const struct ynode *v = ynode_get(root, key);

	if (v == NULL || ynode_is_null(v))
		return 0;
	if (v->type != YNODE_SCALAR) {
		ynode_err(l->e, l->a->path, v, "'%s' must be a string", key);
		return -1;
	}
	art_set_field(field, v->str, v->len);
	return 0;
}

static int front_matter_fields(struct loader *l, const struct ynode *root)
{
	struct article *a = l->a;
	const struct ynode *tags, *date;
	size_t i;

	if (root == NULL)
		return 0;
	if (root->type != YNODE_MAP) {
		ynode_err(l->e, a->path, root,
			  "front matter must be a mapping of keys to values");
		return -1;
	}
	if (string_field(l, root, "title", &a->title) != 0 ||
	    string_field(l, root, "source", &a->source) != 0 ||
	    string_field(l, root, "url", &a->url) != 0)
		return -1;
	date = ynode_get(root, "date");
	if (date && !ynode_is_null(date)) {
		if (date->type != YNODE_SCALAR || !valid_date(date->str)) {
			ynode_err(l->e, a->path, date,
				  "date must be written YYYY-MM-DD");
			return -1;
		}
		art_set_field(&a->date, date->str, date->len);
	}
	tags = ynode_get(root, "tags");
	if (tags && !ynode_is_null(tags)) {
		if (tags->type == YNODE_SCALAR) {
			a->tags = xcalloc(1, sizeof *a->tags);
			a->tags[a->ntags++] = xstrdup(tags->str);
		} else if (tags->type == YNODE_SEQ) {
			a->tags = xcalloc(tags->nkids, sizeof *a->tags);
			for (i = 0; i < tags->nkids; i++) {
				if (tags->kids[i]->type != YNODE_SCALAR) {
					ynode_err(l->e, a->path, tags->kids[i],
						  "tags must be strings");
					return -1;
				}
				a->tags[a->ntags++] =
					xstrdup(tags->kids[i]->str);
			}
		} else {
			ynode_err(l->e, a->path, tags,
				  "tags must be a list of strings");
			return -1;
		}
	}
	return 0;
}

size_t art_front_matter(struct loader *l)
{
	const char *t = l->a->text;
	size_t n = l->a->len, p, line_start, body_end = 0, end = 0;
	struct ynode *root;
	int ok, closed = 0;

	if (n < 4 || memcmp(t, "---", 3) != 0)
		return 0;
	p = 3;
	while (p < n && (t[p] == ' ' || t[p] == '\t'))
		p++;
	if (p < n && t[p] != '\n')
		return 0;
	p++;
	line_start = p;
	while (line_start <= n && line_start < n) {
		const char *nl = memchr(t + line_start, '\n', n - line_start);
		size_t le = nl ? (size_t)(nl - t) : n, q = le;

		while (q > line_start && (t[q - 1] == ' ' || t[q - 1] == '\t'))
			q--;
		if (q - line_start == 3 &&
		    (memcmp(t + line_start, "---", 3) == 0 ||
		     memcmp(t + line_start, "...", 3) == 0)) {
			body_end = line_start;
			end = nl ? le + 1 : n;
			closed = 1;
			break;
		}
		line_start = nl ? le + 1 : n;
	}
	if (!closed) {
		err_set(l->e, "%s:1:1: front matter opened with '---' is "
			"never closed", l->a->path);
		return (size_t)-1;
	}
	art_ensure_clean(l, end);
	root = yamlio_parse(t + p, body_end - p, l->a->path, 1, &ok, l->e);
	if (!ok)
		return (size_t)-1;
	if (front_matter_fields(l, root) != 0) {
		ynode_free(root);
		return (size_t)-1;
	}
	ynode_free(root);
	art_add_marker(l, MARKER_FRONT_MATTER, 0, end);
	return end;
}
