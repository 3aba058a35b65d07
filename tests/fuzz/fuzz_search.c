/* Fuzz target: what a user types at the / prompt. */
#include <string.h>

#include "brief/text/search.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct article_rules *rules;
	static struct article *art;
	struct search s = {0};
	struct err e;
	char *pat;
	size_t ms, me;

	if (rules == NULL) {
		rules = article_rules_load("data/article.yaml", &e);
		art = rules ? article_load("articles/001_ac23be4cfe9d2cdd.txt",
					   rules, &e)
			    : NULL;
		if (art == NULL)
			abort();
	}
	pat = xmalloc(size + 1);
	memcpy(pat, data, size);
	pat[size] = '\0';
	if (strlen(pat) == size && search_set(&s, pat, &e) == 0) {
		search_find(&s, art, 0, 1, 1, &ms, &me);
		search_find(&s, art, art->len / 2, -1, 0, &ms, &me);
		search_clear(&s);
	}
	free(pat);
	return 0;
}
