/* wordlist: a YAML list of words into a trie or an array. */
#include "brief/yaml/wordlist.h"

#include <ctype.h>
#include <stdlib.h>

/* The one check of a word list: 1 when absent, 0 when good, -1 and e. */
static int check(const char *name, const struct ynode *l, const char *key,
		 struct err *e)
{
	size_t i;

	if (l == NULL)
		return 1;
	if (l->type != YNODE_SEQ) {
		ynode_err(e, name, l, "'%s' must be a list of words", key);
		return -1;
	}
	for (i = 0; i < l->nkids; i++)
		if (l->kids[i]->type != YNODE_SCALAR || l->kids[i]->len == 0) {
			ynode_err(e, name, l->kids[i], "a word is expected");
			return -1;
		}
	return 0;
}

int wordlist_load(struct trie *t, const char *name, const struct ynode *l,
		  const char *key, int fold, uint32_t first, struct err *e)
{
	size_t i;
	int rc = check(name, l, key, e);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	for (i = 0; i < l->nkids; i++)
		trie_add(t, l->kids[i]->str, l->kids[i]->len,
			 first + (uint32_t)i, fold);
	return 0;
}

int wordlist_strings(const char *name, const struct ynode *l,
		     const char *key, int lower, char ***out, size_t *n,
		     struct err *e)
{
	size_t i, j;
	int rc = check(name, l, key, e);

	*out = NULL;
	*n = 0;
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	*out = xcalloc(l->nkids + 1, sizeof **out);
	for (i = 0; i < l->nkids; i++) {
		char *w = xstrdup(l->kids[i]->str);

		for (j = 0; lower && w[j]; j++)
			w[j] = (char)tolower((unsigned char)w[j]);
		(*out)[(*n)++] = w;
	}
	return 0;
}
