/* hl_genre: the conventions that follow from a report's genre (the
 * article's, read by the loader from its shape): the rules file's
 * genres.days_are_figures and genres.generic_weapons_marked name the
 * genres whose analysts mark a day of the week alone ("late on a
 * Friday") as a figure and a generic noun of weapons ("weapons", "arms",
 * "materiel") as a weapon; wire copy's analysts mark neither. */
#include "hl_priv.h"

#include <string.h>

/* Is the genre g one of the trie tr's? */
static int genre_in(const struct trie *tr, const char *g)
{
	return tr != NULL && hl_is_word_in(tr, g, 0, strlen(g));
}

void hl_genre_begin(struct highlighter *h, const struct article *a)
{
	const char *g = article_genre(a);

	h->genre_days = genre_in(h->days_genres, g);
	h->genre_weapons = genre_in(h->weapons_genres, g);
}

/* Is t[p] a letter, a digit or a hyphen (ASCII), so that a word goes on
 * there? */
static int goes_on(const char *t, size_t e, size_t p)
{
	unsigned char c = p < e ? (unsigned char)t[p] : 0;

	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

/* A day of the week at p, a figure (a date of no month): the day's
 * number (1 Monday to 7 Sunday) is its value. */
static void weekday(struct highlighter *h, const char *t, size_t e,
		    size_t p)
{
	struct figure f;
	size_t q, k;
	uint32_t v;

	if ((q = trie_match(h->weekdays, t, e, p, &v)) == 0 ||
	    goes_on(t, e, q) || v > 6)
		return;
	/* a figure read there already, or a date after it ("Friday, May
	 * 10", "Friday 10 May"): the day is the date's */
	if (h->nc > 0 && h->c[h->nc - 1].start == p &&
	    h->c[h->nc - 1].cat == CAT_FIGURE)
		return;
	k = q + (q < e && t[q] == ',');
	if (k + 1 < e && t[k] == ' ' &&
	    ((t[k + 1] >= '0' && t[k + 1] <= '9') ||
	     figrules_month_at(h->fig, t, e, k + 1) != 0))
		return;
	memset(&f, 0, sizeof f);
	f.kind = FIG_DATE;
	f.lo = f.hi = v + 1;
	hl_add_figure(h, p, q, &f);
}

/* A generic noun of weapons at p ("weapons", "military articles"), a
 * weapon, but not before a word that makes it a modifier of no weapon
 * ("arms control", "weapons proliferation"); a longer mark over it (the
 * lexicon's "nuclear weapons") wins in hl_choose. */
static void generic_noun(struct highlighter *h, const char *t, size_t e,
			 size_t p)
{
	size_t q, n;
	uint32_t v;

	if ((q = trie_match(h->genre_nouns, t, e, p, &v)) == 0 ||
	    goes_on(t, e, q))
		return;
	if (q + 1 < e && t[q] == ' ' &&
	    (n = trie_match(h->genre_not_before, t, e, q + 1, &v)) != 0 &&
	    !goes_on(t, e, n))
		return;
	hl_cand_add(h, p, q, hl_intern_as(h, t, p, q, CAT_WEAPON, "generic"),
		    CAT_WEAPON, PRI_RULE);
}

void hl_rule_genre(struct highlighter *h, const char *t, size_t e, size_t p)
{
	if (h->genre_days && t[p] >= 'A' && t[p] <= 'Z')
		weekday(h, t, e, p);
	if (h->genre_weapons)
		generic_noun(h, t, e, p);
}
