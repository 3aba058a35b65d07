/* hl_place: places by shape, beyond the lexicon's gazetteer: a capitalised
 * word after a place lead ("near Djibo", "the port of Hodeidah") and
 * capitalised words before a place shape ("Jeju Island", "Yeonpyeong
 * island", "Kherson region").  Each name is learnt by the article, so that
 * the place named again alone ("Djibo has been under blockade") is the
 * same place.  The leads and shapes are lists of data/highlight.yaml. */
#include "hl_priv.h"

#include <string.h>
#include <wctype.h>

#include "brief/base/utf8.h"

/* The end of the word that starts at p: letters and digits, a hyphen
 * between letters ("Ras-Isa"); p when there is none. */
static size_t word_end(const char *t, size_t e, size_t p)
{
	size_t q = p;

	while (q < e) {
		uint32_t cp;
		size_t n = utf8_decode(t + q, e - q, &cp);

		if (n == 0)
			break;
		if (iswalnum((wint_t)cp)) {
			q += n;
			continue;
		}
		if (cp == '-' && q > p && q + 1 < e && trie_word_at(t, e, q + 1)) {
			q++;
			continue;
		}
		break;
	}
	return q;
}

/* Does anything the rules know start at the word [ws, we): an alias of
 * the lexicon, a name the article learnt, a title, a word that opens
 * sentences? */
static int known_word(const struct highlighter *h, struct hl_state *st,
		      const char *t, size_t e, size_t ws, size_t we)
{
	uint32_t v;

	return trie_match(h->aliases, t, e, ws, &v) != 0 ||
	       hl_learnt_at(st, t, e, ws, &v) != 0 ||
	       trie_match(h->titles, t, e, ws, &v) != 0 ||
	       hl_is_word_in(h->not_names, t, ws, we) ||
	       hl_is_word_in(h->openers, t, ws, we);
}

/* Is [s, e) capital letters only ("ISIS")? */
static int capitals_only(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (t[s] < 'A' || t[s] > 'Z')
			return 0;
	return 1;
}

/* Does a hyphen before a lower-case letter say who holds or backs
 * ("Japanese-controlled", "Iran-backed")? */
static int lower_after_hyphen(const char *t, size_t ws, size_t we)
{
	size_t i;

	for (i = ws + 1; i + 1 < we; i++)
		if (t[i] == '-' && t[i + 1] >= 'a' && t[i + 1] <= 'z')
			return 1;
	return 0;
}

/* A place [ps, pe) named n_s..n_e: a candidate, and the name learnt. */
static void add_place(struct highlighter *h, struct hl_state *st,
		      const char *t, size_t ps, size_t pe, size_t ns,
		      size_t ne)
{
	uint32_t id = hl_intern_as(h, t, ns, ne, CAT_PLACE, "place");

	hl_cand_add(h, ps, pe, id, CAT_PLACE, PRI_RULE);
	hl_state_add(st, t + ns, ne - ns, id);
}

void hl_rule_place_lead(struct highlighter *h, struct hl_state *st,
			const char *t, size_t e, size_t q)
{
	size_t ws = q + 1, we;

	if (ws >= e || t[q] != ' ' || !hl_upper_at(t, e, ws))
		return;
	we = word_end(t, e, ws);
	/* one word: "near Camp Lemonnier" is not guessed */
	if (we - ws < 3 || capitals_only(t, ws, we) ||
	    (we + 1 < e && t[we] == ' ' && hl_upper_at(t, e, we + 1)) ||
	    known_word(h, st, t, e, ws, we))
		return;
	add_place(h, st, t, ws, we, ws, we);
}

/* "Gulf of Guinea", "Bay of Bengal", "Sea of Japan": a capitalised
 * shape, "of" and one to three capitalised words name one place (the
 * state in it is none).  1 when it found one. */
static int shape_of(struct highlighter *h, struct hl_state *st,
		    const char *t, size_t e, size_t p, size_t q)
{
	size_t w = q + 4, we = q;
	int n;

	if (!hl_upper_at(t, e, p) || q + 5 >= e ||
	    memcmp(t + q, " of ", 4) != 0)
		return 0;
	for (n = 0; n < 3 && hl_upper_at(t, e, w); n++) {
		we = word_end(t, e, w);
		if (we + 1 >= e || t[we] != ' ' || !hl_upper_at(t, e, we + 1))
			break;
		w = we + 1;
	}
	if (we == q)
		return 0;
	add_place(h, st, t, p, we, p, we);
	return 1;
}

void hl_rule_place_shape(struct highlighter *h, struct hl_state *st,
			 const char *t, size_t s, size_t e, size_t p, size_t q)
{
	size_t ws, we, first = p, ns, ne, bs, be;
	int words = 0;

	if (q < e && trie_word_at(t, e, q))
		return;
	if (shape_of(h, st, t, e, p, q))
		return;
	while (words < 2 && hl_word_before(t, s, first, &ws, &we) &&
	       hl_upper_at(t, we, ws) && we - ws >= 3 &&
	       !capitals_only(t, ws, we) && word_end(t, we, ws) == we &&
	       !lower_after_hyphen(t, ws, we) &&
	       !hl_is_word_in(h->not_names, t, ws, we) &&
	       !hl_is_word_in(h->openers, t, ws, we)) {
		/* a name the lexicon knows ("Senkaku Islands") is its own */
		if (hl_lexicon_exact(h, t, ws, q) != ENTITY_NONE)
			return;
		first = ws;
		words++;
	}
	if (words == 0)
		return;
	/* a headline's capitals ("Drones Hit Border Region") are no name:
	 * the word before the name is in lower case, or opens a sentence */
	if (hl_word_before(t, s, first, &bs, &be) && hl_upper_at(t, be, bs) &&
	    !hl_is_word_in(h->openers, t, bs, be) &&
	    !hl_is_word_in(h->not_names, t, bs, be))
		return;
	ns = first;
	ne = hl_upper_at(t, q, p) ? q : p - 1;
	/* a state's word before a shape is no place name ("Ukrainian
	 * region") */
	if (hl_lexicon_exact(h, t, ns, p - 1) != ENTITY_NONE)
		return;
	add_place(h, st, t, ns, q, ns, ne);
}
