/* Fuzz target: a notes file, re-anchoring its notes in an article, and
 * writing it back. */
#include <string.h>

#include "brief/notes/notes.h"
#include "fuzz.h"

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
		struct buf b = {0};

		for (i = 0; i < n; i++)
			for (k = 0; k < v[i].nanchors; k++)
				anchor_resolve(&v[i].anchor[k], art, &s, &en);
		notes_write_yaml(ns, &b);
		buf_free(&b);
		notes_free(ns);
	}
	unlink(path);
	return 0;
}
