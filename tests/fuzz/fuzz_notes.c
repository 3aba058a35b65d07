/* Fuzz target: a notes file, re-anchoring its notes in an article, and
 * writing it back: whatever loads must load again, after it is written,
 * into the same notes (abort on any difference). */
#include <string.h>

#include "brief/notes/notes.h"
#include "brief/yaml/yamlio.h"
#include "fuzz.h"

static int same_str(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static int same_anchor(const struct anchor *a, const struct anchor *b)
{
	return same_str(a->article, b->article) && same_str(a->file, b->file) &&
	       same_str(a->quote, b->quote) && same_str(a->prefix, b->prefix) &&
	       same_str(a->suffix, b->suffix) && a->position == b->position &&
	       a->length == b->length && strcmp(a->hash, b->hash) == 0 &&
	       ynode_same(a->extra, b->extra);
}

static int same_note(const struct note *a, const struct note *b)
{
	size_t i;

	if (!same_str(a->id, b->id) || !same_str(a->created, b->created) ||
	    !same_str(a->modified, b->modified) || !same_str(a->text, b->text) ||
	    !same_str(a->conflict_of, b->conflict_of) ||
	    a->deleted != b->deleted || a->revision != b->revision ||
	    a->ntags != b->ntags || a->nanchors != b->nanchors ||
	    !ynode_same(a->extra, b->extra))
		return 0;
	for (i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], b->tags[i]) != 0)
			return 0;
	for (i = 0; i < a->nanchors; i++)
		if (!same_anchor(&a->anchor[i], &b->anchor[i]))
			return 0;
	return 1;
}

/* Write ns, load it again and compare. */
static void round_trip(struct notes *ns, const char *path)
{
	struct buf b = {0};
	struct notes *again;
	struct note *v, *w;
	size_t n, m, i;
	struct err e;
	FILE *f;

	notes_write_yaml(ns, &b);
	f = fopen(path, "wb");
	if (f == NULL)
		return;
	if (fwrite(b.data, 1, b.len, f) != b.len) {
		fclose(f);
		buf_free(&b);
		return;
	}
	fclose(f);
	again = notes_open(path, &e);
	if (again == NULL) {
		fprintf(stderr, "written, then refused: %s\n%s\n", e.text,
			b.data);
		abort();
	}
	v = notes_all(ns, &n);
	w = notes_all(again, &m);
	if (n != m)
		abort();
	for (i = 0; i < n; i++)
		if (!same_note(&v[i], &w[i])) {
			fprintf(stderr, "note %zu differs after a save\n%s\n",
				i, b.data);
			abort();
		}
	notes_free(again);
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct article_rules *rules;
	static struct article *art;
	struct err e;
	const char *path = fuzz_file(data, size, ".yaml");
	struct notes *ns;

	if (path == NULL)
		return 0;
	if (rules == NULL) {
		rules = article_rules_load("data/article.yaml", &e);
		art = rules ? article_load("articles/000_b6812c9593b6cfb0.txt",
					   rules, &e)
			    : NULL;
		if (art == NULL)
			abort();
	}
	ns = notes_open(path, &e);
	if (ns) {
		size_t n, i, k, s, en;
		struct note *v = notes_all(ns, &n);

		for (i = 0; i < n; i++)
			for (k = 0; k < v[i].nanchors; k++)
				anchor_resolve(&v[i].anchor[k], art, &s, &en);
		round_trip(ns, path);
		notes_free(ns);
	}
	unlink(path);
	return 0;
}
