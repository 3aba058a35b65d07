/* compare_key: the key under which an entity's name is matched across
 * reports. */
#include "brief/compare/compare.h"
#include "brief/compare/names.h"

#include <stdlib.h>
#include <string.h>

/* Drop every initial inside a name ("antony j. blinken" is "antony
 * blinken"): a letter and a full stop between two words. */
static void drop_initials(char *k)
{
	char *r = k, *w = k;

	while (*r) {
		if (r > k && r[-1] == ' ' && r[0] >= 'a' && r[0] <= 'z' &&
		    r[1] == '.' && r[2] == ' ' && r[3] != '\0') {
			r += 3;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* Write the accented Latin letters of k (U+00C0..U+00FF, two bytes in
 * UTF-8) as their plain letters in lower case, so that "Cuyuní" and
 * "Cuyuni", "José Andrés" and "Jose Andres" are one name. */
static void drop_accents(char *k)
{
	/* U+00C0..U+00FF, by the second byte's low six bits; '\0' where
	 * the character is no letter to fold (×, ÷) */
	static const char plain[65] =
		"aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
		"aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
	char *r = k, *w = k;

	while (*r) {
		unsigned char c1 = (unsigned char)r[1];

		if ((unsigned char)r[0] == 0xc3 && c1 >= 0x80 && c1 <= 0xbf &&
		    plain[c1 & 0x3f] != '\0') {
			*w++ = plain[c1 & 0x3f];
			r += 2;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

char *compare_entity_key(const struct compare_rules *r, const char *name)
{
	char *k = xstrdup(name), *out;
	const char *rest = k, *canon = NULL;
	size_t i, j, best = 0;

	for (i = 0; k[i]; i++)
		if (k[i] >= 'A' && k[i] <= 'Z')
			k[i] = (char)(k[i] - 'A' + 'a');
	names_drop_possessives(k);
	drop_initials(k);
	drop_accents(k);
	if (strncmp(rest, "the ", 4) == 0)
		rest += 4;
	for (i = 0; i < r->nsame; i++)
		for (j = 0; j < r->nsame_len[i]; j++) {
			size_t n = strlen(r->same[i][j]);

			if (n > best && strncmp(rest, r->same[i][j], n) == 0 &&
			    (rest[n] == ' ' || rest[n] == '\0')) {
				best = n;
				canon = r->same[i][0];
			}
		}
	if (canon == NULL)
		out = xstrdup(rest);
	else {
		out = xmalloc(strlen(canon) + strlen(rest + best) + 1);
		strcpy(out, canon);
		strcat(out, rest + best);
	}
	free(k);
	return out;
}
