/* notes_import: W3C Web Annotation JSON-LD or Hypothesis JSON read with
 * jansson, each annotation made a note on the given articles.  The whole
 * file is read and checked before the store changes. */
#include "brief/notes/notes_import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "notes_priv.h"
#include "brief/base/utf8.h"
#include "brief/notes/place.h"

/* One passage as the file gives it (strings point into the JSON). */
struct itarget {
	const char *source, *exact, *prefix, *suffix;
	json_int_t start;     /* in characters, or -1 */
};

/* One annotation as the file gives it. */
struct inote {
	const char *id;
	const char *created, *modified;
	struct buf text;
	const char **tags;
	size_t ntags;
	struct itarget t[NOTE_MAX_ANCHORS];
	size_t nt;
	const char *ref;      /* the annotation it answers (Hypothesis) */
	int merged;           /* became a passage of another note */
};

static const char *str_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The selectors of a target: a TextQuoteSelector (needed), a
 * TextPositionSelector (a hint).  0, or -1 when there is no quote. */
static int read_selectors(json_t *sel, struct itarget *t)
{
	size_t i, n = json_is_array(sel) ? json_array_size(sel) : 1;

	t->start = -1;
	for (i = 0; i < n; i++) {
		json_t *s = json_is_array(sel) ? json_array_get(sel, i) : sel;
		const char *type = str_of(s, "type");

		if (type == NULL)
			continue;
		if (strcmp(type, "TextQuoteSelector") == 0 &&
		    str_of(s, "exact") && str_of(s, "exact")[0]) {
			t->exact = str_of(s, "exact");
			t->prefix = str_of(s, "prefix");
			t->suffix = str_of(s, "suffix");
		} else if (strcmp(type, "TextPositionSelector") == 0 &&
			   json_is_integer(json_object_get(s, "start")) &&
			   json_integer_value(json_object_get(s, "start")) >=
				   0) {
			t->start = json_integer_value(json_object_get(s, "start"));
		}
	}
	return t->exact ? 0 : -1;
}

/* The targets (an object, or a list of them) with a quote, at most
 * NOTE_MAX_ANCHORS; the source of a target without one is the given
 * fallback. */
static void read_targets(json_t *tv, const char *fallback, struct inote *in)
{
	size_t i, n = json_is_array(tv) ? json_array_size(tv) : 1;

	for (i = 0; i < n && in->nt < NOTE_MAX_ANCHORS; i++) {
		json_t *t = json_is_array(tv) ? json_array_get(tv, i) : tv;
		struct itarget *it = &in->t[in->nt];

		if (!json_is_object(t))
			continue;
		memset(it, 0, sizeof *it);
		it->source = str_of(t, "source");
		if (it->source == NULL)
			it->source = fallback;
		if (it->source && read_selectors(json_object_get(t, "selector"),
						 it) == 0)
			in->nt++;
	}
}

static void add_tag(struct inote *in, const char *tag)
{
	in->tags = xrealloc(in->tags, (in->ntags + 1) * sizeof *in->tags);
	in->tags[in->ntags++] = tag;
}

/* A W3C annotation: bodies (or bodyValue) give the text and the tags. */
static void read_w3c(json_t *o, struct inote *in)
{
	json_t *bv = json_object_get(o, "body"), *b;
	size_t i, n = json_is_array(bv) ? json_array_size(bv) : 1;
	const char *id = str_of(o, "id");

	if (id && strncmp(id, NOTES_W3C_ID_PREFIX,
			  strlen(NOTES_W3C_ID_PREFIX)) == 0)
		id += strlen(NOTES_W3C_ID_PREFIX);
	in->id = id;
	in->created = str_of(o, "created");
	in->modified = str_of(o, "modified");
	if (str_of(o, "bodyValue"))
		buf_adds(&in->text, str_of(o, "bodyValue"));
	for (i = 0; bv && i < n; i++) {
		const char *purpose, *value;

		b = json_is_array(bv) ? json_array_get(bv, i) : bv;
		purpose = str_of(b, "purpose");
		value = str_of(b, "value");
		if (value == NULL)
			continue;
		if (purpose && strcmp(purpose, "tagging") == 0) {
			add_tag(in, value);
			continue;
		}
		if (in->text.len)
			buf_adds(&in->text, "\n\n");
		buf_adds(&in->text, value);
	}
	read_targets(json_object_get(o, "target"), NULL, in);
}

/* A Hypothesis annotation: text, tags, target, uri, references. */
static void read_hypothesis(json_t *o, struct inote *in)
{
	json_t *tags = json_object_get(o, "tags"), *refs, *v;
	size_t i;

	in->id = str_of(o, "id");
	in->created = str_of(o, "created");
	in->modified = str_of(o, "updated");
	if (str_of(o, "text"))
		buf_adds(&in->text, str_of(o, "text"));
	json_array_foreach(tags, i, v)
		if (json_is_string(v))
			add_tag(in, json_string_value(v));
	refs = json_object_get(o, "references");
	if (json_array_size(refs) > 0 &&
	    json_is_string(json_array_get(refs, json_array_size(refs) - 1)))
		in->ref = json_string_value(
			json_array_get(refs, json_array_size(refs) - 1));
	read_targets(json_object_get(o, "target"), str_of(o, "uri"), in);
}

/* The annotations of the document: a list, a W3C AnnotationCollection
 * or AnnotationPage, a Hypothesis search result (rows), or one
 * annotation. */
static json_t *annotations(json_t *root)
{
	json_t *first;

	if (json_is_array(root))
		return root;
	if (!json_is_object(root))
		return NULL;
	if (json_is_array(json_object_get(root, "rows")))
		return json_object_get(root, "rows");
	if (json_is_array(json_object_get(root, "items")))
		return json_object_get(root, "items");
	first = json_object_get(root, "first");
	if (json_is_array(json_object_get(first, "items")))
		return json_object_get(first, "items");
	return NULL;
}

static int is_w3c(json_t *o)
{
	const char *type = str_of(o, "type");

	return json_object_get(o, "@context") || json_object_get(o, "body") ||
	       json_object_get(o, "bodyValue") ||
	       (type && strcmp(type, "Annotation") == 0);
}

/* Read every annotation of the file into *out (count *n).  0, or -1
 * with e set. */
static int read_file(const char *path, json_t **root, json_t **listp,
		     struct inote **out, size_t *n, struct err *e)
{
	json_error_t je;
	json_t *list, *o;
	size_t i;

	*out = NULL;
	*n = 0;
	*root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	if (*root == NULL) {
		if (je.line > 0)
			err_set(e, "%s:%d:%d: %s", path, je.line, je.column,
				je.text);
		else
			err_set(e, "%s: %s", path, je.text);
		return -1;
	}
	list = annotations(*root);
	if (list) {
		json_incref(list);
	} else if (json_is_object(*root) && (is_w3c(*root) ||
					     str_of(*root, "uri"))) {
		list = json_array(); /* one annotation */
		json_array_append(list, *root);
	} else {
		err_set(e, "%s: neither W3C Web Annotations nor Hypothesis "
			"annotations", path);
		return -1;
	}
	*listp = list;
	*out = xcalloc(json_array_size(list) + 1, sizeof **out);
	json_array_foreach(list, i, o) {
		struct inote *in = &(*out)[(*n)++];

		if (!json_is_object(o)) {
			err_set(e, "%s: annotation %zu is not an object", path,
				i + 1);
			return -1;
		}
		if (is_w3c(o))
			read_w3c(o, in);
		else if (json_object_get(o, "uri") || json_object_get(o, "text"))
			read_hypothesis(o, in);
		else {
			err_set(e, "%s: annotation %zu is neither a W3C nor a "
				"Hypothesis annotation", path, i + 1);
			return -1;
		}
		if (in->text.len > NOTE_MAX_TEXT) {
			err_set(e, "%s: annotation %zu: a note holds at most "
				"%u KiB of text", path, i + 1,
				NOTE_MAX_TEXT >> 10);
			return -1;
		}
	}
	return 0;
}

/* Hypothesis: an annotation answering one with the same text, each with
 * one passage, is the second passage of a linked note. */
static void merge_links(struct inote *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (v[i].ref == NULL || v[i].nt != 1)
			continue;
		for (j = 0; j < n; j++)
			if (j != i && !v[j].merged && v[j].nt == 1 && v[j].id &&
			    strcmp(v[j].id, v[i].ref) == 0 &&
			    strcmp(v[j].text.data ? v[j].text.data : "",
				   v[i].text.data ? v[i].text.data : "") ==
				    0) {
				v[j].t[1] = v[i].t[0];
				v[j].nt = 2;
				v[i].merged = 1;
				break;
			}
	}
}

/* The article a target's source names: by URL, file, or file name. */
static long article_of(const char *src, struct article *const *v, size_t n)
{
	struct anchor probe;
	size_t i;

	if (strncmp(src, "file://", 7) == 0)
		src += 7;
	for (i = 0; i < n; i++)
		if (v[i]->url && strcmp(v[i]->url, src) == 0)
			return (long)i;
	memset(&probe, 0, sizeof probe);
	probe.file = (char *)src;
	for (i = 0; i < n; i++)
		if (anchor_for(&probe, v[i]))
			return (long)i;
	return -1;
}

/* The byte offset of character ch of a's text (a hint: 0 past the
 * end). */
static size_t byte_of(const struct article *a, json_int_t ch)
{
	size_t i = 0;
	uint32_t cp;

	while (ch > 0 && i < a->len) {
		i += utf8_decode(a->text + i, a->len - i, &cp);
		ch--;
	}
	return ch == 0 ? i : 0;
}

/* The anchor of target t: placed again in its article by brief's rules
 * (made afresh there), else kept as the file gave it, an orphan.
 * Returns 1 for an orphan. */
static int make_anchor(struct anchor *an, const struct itarget *t,
		       struct article *const *v, size_t n)
{
	long ai = article_of(t->source, v, n);
	size_t xl = strlen(t->exact), s, e;

	memset(an, 0, sizeof *an);
	an->quote = xstrdup(t->exact);
	if (xl > ANCHOR_MAX_QUOTE) {
		size_t cut = ANCHOR_MAX_QUOTE;

		while (cut > 0 && ((unsigned char)t->exact[cut] & 0xC0) == 0x80)
			cut--;
		an->quote[cut] = '\0';
		an->length = xl;
		hash_hex(hash_bytes(t->exact, xl), an->hash);
	}
	an->prefix = xstrdup(t->prefix ? t->prefix : "");
	an->suffix = xstrdup(t->suffix ? t->suffix : "");
	if (ai < 0) {
		an->file = xstrdup(t->source);
		return 1;
	}
	an->article = xstrdup(article_id(v[ai]));
	an->file = xstrdup(v[ai]->path);
	an->position = t->start >= 0 ? byte_of(v[ai], t->start) : 0;
	if (anchor_resolve(an, v[ai], &s, &e) == ANCHOR_ORPHAN)
		return 1;
	anchor_clear(an);
	anchor_make(an, v[ai], s, e);
	return 0;
}

/* Do x and y stand for the same passage of the articles? */
static int same_passage(const struct anchor *x, const struct anchor *y,
			struct article *const *v, size_t n)
{
	enum anchor_fit fx, fy;
	size_t sx, ex, sy, ey;
	long ax = place_find(x, v, n, &fx, &sx, &ex);
	long ay = place_find(y, v, n, &fy, &sy, &ey);

	if (ax >= 0 && fx != ANCHOR_ORPHAN)
		return ax == ay && fy != ANCHOR_ORPHAN && sx == sy && ex == ey;
	return ax == ay && fy == ANCHOR_ORPHAN && x->quote && y->quote &&
	       strcmp(x->quote, y->quote) == 0;
}

/* Does ns hold this note already: its id, or its text on its passage? */
static int known(struct notes *ns, const struct note *no,
		 struct article *const *v, size_t n)
{
	size_t k, count;
	struct note *all;

	if (notes_find(ns, no->id))
		return 1;
	all = notes_all(ns, &count);
	for (k = 0; k < count; k++)
		if (!all[k].deleted && all[k].nanchors == no->nanchors &&
		    strcmp(all[k].text, no->text) == 0 &&
		    same_passage(&all[k].anchor[0], &no->anchor[0], v, n))
			return 1;
	return 0;
}

/* The text, with each tag of the file that the text does not hold as a
 * #word added at its end. */
static void set_text(struct note *no, const struct inote *in)
{
	struct buf b = {0};
	size_t i, k;

	buf_adds(&b, in->text.data ? in->text.data : "");
	no->text = xstrdup(b.data ? b.data : "");
	note_set_tags(no);
	for (i = 0; i < in->ntags; i++) {
		const char *t = in->tags[i];
		int have = 0;

		for (k = 0; k < no->ntags && !have; k++)
			have = strcmp(no->tags[k], t) == 0;
		if (have || t[0] == '\0')
			continue;
		buf_adds(&b, b.len ? " #" : "#");
		for (; *t; t++)
			buf_addc(&b, *t == ' ' ? '-' : *t);
	}
	free(no->text);
	no->text = xstrdup(b.data ? b.data : "");
	note_set_tags(no);
	buf_free(&b);
}

/* Make in a note of ns (or count why not). */
static void add_one(struct notes *ns, const struct inote *in,
		    struct article *const *v, size_t n,
		    struct notes_import_count *c)
{
	struct note tmp, *no;
	size_t k, orphans = 0, here = 0;

	memset(&tmp, 0, sizeof tmp);
	for (k = 0; k < in->nt; k++) {
		orphans += make_anchor(&tmp.anchor[k], &in->t[k], v, n);
		here += tmp.anchor[k].article != NULL;
	}
	tmp.nanchors = in->nt;
	tmp.id = in->id && in->id[0] ? xstrdup(in->id) : store_new_id();
	set_text(&tmp, in);
	if (here == 0 || known(ns, &tmp, v, n)) {
		if (here == 0)
			c->elsewhere++;
		else
			c->known++;
		note_clear(&tmp);
		return;
	}
	tmp.created = in->created ? xstrdup(in->created) : NULL;
	tmp.modified = in->modified ? xstrdup(in->modified)
		       : in->created ? xstrdup(in->created) : NULL;
	if (tmp.created == NULL)
		tmp.created = store_now_iso();
	if (tmp.modified == NULL)
		tmp.modified = xstrdup(tmp.created);
	no = store_append(ns);
	*no = tmp;
	no->revision = 1;
	no->dirty = 1;
	store_index_last(ns);
	c->added++;
	c->orphans += orphans > 0;
}

int notes_import(struct notes *ns, const char *path, struct article *const *v,
		 size_t n, struct notes_import_count *c, struct err *e)
{
	json_t *root = NULL, *list = NULL;
	struct inote *in = NULL;
	size_t nin = 0, i;
	int rc = 0;

	memset(c, 0, sizeof *c);
	if (read_file(path, &root, &list, &in, &nin, e) != 0) {
		rc = -1;
	} else {
		merge_links(in, nin);
		for (i = 0; i < nin; i++)
			if (!in[i].merged && in[i].nt > 0)
				add_one(ns, &in[i], v, n, c);
			else if (!in[i].merged)
				c->elsewhere++;
		if (c->added > 0)
			rc = notes_save(ns, e);
	}
	for (i = 0; in && i < nin; i++) {
		buf_free(&in[i].text);
		free(in[i].tags);
	}
	free(in);
	json_decref(list);
	json_decref(root);
	return rc;
}
