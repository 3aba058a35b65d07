/* wordlist: a YAML list of words into a trie. */
#include "brief/yaml/wordlist.h"

int wordlist_load(struct trie *t, const char *name, const struct ynode *l,
		  const char *key, int fold, uint32_t first, struct err *e)
{
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ) {
		ynode_err(e, name, l, "'%s' must be a list of words", key);
		return -1;
	}
	for (i = 0; i < l->nkids; i++) {
		if (l->kids[i]->type != YNODE_SCALAR || l->kids[i]->len == 0) {
			ynode_err(e, name, l->kids[i], "a word is expected");
			return -1;
		}
		trie_add(t, l->kids[i]->str, l->kids[i]->len,
			 first + (uint32_t)i, fold);
	}
	return 0;
}
