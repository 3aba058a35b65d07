/* export_json: the selectors, strings and output the W3C and Hypothesis
 * exports share (jansson writes the JSON). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export_priv.h"
#include "brief/base/utf8.h"

json_t *export_jstr(const char *s, size_t n)
{
	json_t *j = json_stringn(s, n);
	size_t len;
	char *clean;

	if (j)
		return j;
	clean = utf8_sanitize(s, n, &len);
	j = json_stringn(clean, len);
	free(clean);
	return j;
}

const char *export_source(const struct article *a)
{
	return a->url && a->url[0] ? a->url : a->path;
}

/* A JSON string of s (NULL: ""). */
static json_t *jstr_z(const char *s)
{
	return export_jstr(s ? s : "", s ? strlen(s) : 0);
}

/* The characters (code points, an invalid byte one U+FFFD) of
 * t[0, off). */
static size_t chars_before(const char *t, size_t off)
{
	size_t i = 0, n = 0;
	uint32_t cp;

	while (i < off) {
		i += utf8_decode(t + i, off - i, &cp);
		n++;
	}
	return n;
}

json_t *export_selectors(const struct anchor *an, const struct library *lib,
			 const struct placed *p)
{
	json_t *v = json_array(), *q = json_object();

	json_object_set_new(q, "type", json_string("TextQuoteSelector"));
	if (p->article >= 0 && p->fit != ANCHOR_ORPHAN) {
		const struct article *a = lib->items[p->article];
		struct anchor now;
		json_t *pos = json_object();

		/* the passage whole, its context as the text has it now */
		anchor_make(&now, a, p->start, p->end);
		json_object_set_new(q, "exact", export_jstr(a->text + p->start,
							    p->end - p->start));
		json_object_set_new(q, "prefix", jstr_z(now.prefix));
		json_object_set_new(q, "suffix", jstr_z(now.suffix));
		anchor_clear(&now);
		json_array_append_new(v, q);
		json_object_set_new(pos, "type",
				    json_string("TextPositionSelector"));
		json_object_set_new(pos, "start", json_integer((json_int_t)
				    chars_before(a->text, p->start)));
		json_object_set_new(pos, "end", json_integer((json_int_t)
				    chars_before(a->text, p->end)));
		json_array_append_new(v, pos);
		return v;
	}
	json_object_set_new(q, "exact", jstr_z(an->quote));
	json_object_set_new(q, "prefix", jstr_z(an->prefix));
	json_object_set_new(q, "suffix", jstr_z(an->suffix));
	json_array_append_new(v, q);
	return v;
}

int export_json_write(FILE *f, json_t *root)
{
	int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	json_decref(root);
	if (rc == 0 && fputc('\n', f) == EOF)
		rc = -1;
	return rc == 0 && fflush(f) == 0 ? 0 : -1;
}
