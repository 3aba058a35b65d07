/* strtab: an index of strings by their text beside an array the caller
 * owns (note ids, a note's tags), so that looking one up stays linear in
 * the text however many there are. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "notes_priv.h"

size_t strtab_find(const struct strtab *t, const char *k, size_t kl,
		   strtab_key key, const void *arr)
{
	size_t i;

	if (t->cap == 0)
		return SIZE_MAX;
	for (i = (size_t)hash_bytes(k, kl) & (t->cap - 1); t->slot[i];
	     i = (i + 1) & (t->cap - 1)) {
		const char *s = key(arr, t->slot[i] - 1);

		if (strncmp(s, k, kl) == 0 && s[kl] == '\0')
			return t->slot[i] - 1;
	}
	return SIZE_MAX;
}

static void strtab_place(struct strtab *t, size_t at, const char *k)
{
	size_t i = (size_t)hash_bytes(k, strlen(k)) & (t->cap - 1);

	while (t->slot[i])
		i = (i + 1) & (t->cap - 1);
	t->slot[i] = at + 1;
}

void strtab_put(struct strtab *t, size_t at, strtab_key key, const void *arr)
{
	if (2 * (t->n + 1) > t->cap) {
		size_t old = t->cap, i, *was = t->slot;

		t->cap = old ? 2 * old : 16;
		t->slot = xcalloc(t->cap, sizeof *t->slot);
		for (i = 0; i < old; i++)
			if (was[i])
				strtab_place(t, was[i] - 1,
					     key(arr, was[i] - 1));
		free(was);
	}
	strtab_place(t, at, key(arr, at));
	t->n++;
}

void strtab_free(struct strtab *t)
{
	free(t->slot);
	memset(t, 0, sizeof *t);
}
