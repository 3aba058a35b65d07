/* hl_weapon: the rules on weapons: designation patterns, ships by class and by
 * name, unknown designations before a weapon, weapons side by side. */
#include "hl_priv.h"

#include <string.h>

/* A designation pattern matched [s, e): its entity, or (each_match) an
 * entity of its own named by the text, of the same category and kind. */
void hl_pattern_found(struct highlighter *h, struct hl_state *st,
		      const char *t, size_t s, size_t e, uint32_t v,
		      int each)
{
	const struct entity *en = entities_get(h->reg, v);
	enum category cat = en->cat;
	const char *kind = en->kind; /* en may move when a name is interned */
	size_t k;

	if (each)
		v = hl_intern_as(h, t, s, e, cat, kind);
	hl_cand_add(h, s, e, v, cat, PRI_LEXICON);
	if (!each || kind == NULL ||
	    (strcmp(kind, "ship") != 0 && strcmp(kind, "vessel") != 0))
		return;
	/* a ship named again without its prefix ("the MV Sea Lark" ...
	 * "the Sea Lark") or by its last word ("the USS Mason" ... "the
	 * Mason") */
	for (k = s; k < e && t[k] != ' '; k++)
		;
	if (k + 1 < e && memchr(t + k + 1, ' ', e - k - 1) != NULL)
		hl_state_add(st, t + k + 1, e - k - 1, v);
	for (k = e; k > s && t[k - 1] != ' '; k--)
		;
	if (k > s && e - k >= 3 && t[k] >= 'A' && t[k] <= 'Z' &&
	    t[e - 1] != '.')
		hl_state_add(st, t + k, e - k, v);
}

/* "the destroyer Chokai": a capitalised name after a class of warship
 * names a ship, a weapon of its own. */
void hl_rule_ship(struct highlighter *h, const char *t, size_t e,
		  size_t p, size_t q)
{
	size_t ms, ne, we;

	if (trie_size(h->ship_classes) == 0 || h->name_re == NULL ||
	    !hl_is_word_in(h->ship_classes, t, p, q) || q + 2 >= e ||
	    t[q] != ' ' || !hl_upper_at(t, e, q + 1) ||
	    !rx_find(h->name_re, h->md, t, e, q + 1, PCRE2_ANCHORED, &ms, &ne))
		return;
	ne = hl_before_possessive(t, q + 1, ne);
	for (we = q + 1; we < ne && t[we] != ' '; we++)
		;
	if (hl_is_word_in(h->not_names, t, q + 1, we) ||
	    hl_is_word_in(h->openers, t, q + 1, we) ||
	    hl_lexicon_exact(h, t, q + 1, ne) != ENTITY_NONE)
		return;
	hl_cand_add(h, q + 1, ne, hl_intern_as(h, t, q + 1, ne, CAT_WEAPON, "ship"),
		 CAT_WEAPON, PRI_RULE);
}

/* "KF-21 fighter jets", "Type 055 destroyers": a designation the
 * lexicon does not know (it begins with a capital), just before a
 * weapon, names it; the mention
 * grows to take it in (a figure read inside it, "055", goes).  v is in
 * text order; returns its new length. */
size_t hl_rule_designations(struct highlighter *h, const char *t,
			    size_t s, struct mention *v, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++) {
		struct mention m = v[i];
		unsigned char c = (unsigned char)t[m.start];
		size_t end = m.start - 1, b, ms, me;

		if (h->designation_re != NULL && m.cat == CAT_WEAPON &&
		    m.start >= s + 3 && t[end] == ' ' &&
		    !((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			for (b = end > s + 16 ? end - 16 : s; b + 1 < end; b++) {
				if (t[b] < 'A' || t[b] > 'Z' ||
				    !trie_word_start(t, b, end) ||
				    !rx_find(h->designation_re, h->md, t, end, b,
					     PCRE2_ANCHORED, &ms, &me) ||
				    me != end)
					continue;
				/* what the lexicon or a rule marked there
				 * stays; a figure read in it goes */
				if (w > 0 && v[w - 1].end > b &&
				    (v[w - 1].cat != CAT_FIGURE ||
				     v[w - 1].start < b))
					break;
				if (w > 0 && v[w - 1].end > b)
					w--;
				m.start = (uint32_t)b;
				m.entity = hl_intern_as(h, t, b, end, CAT_WEAPON,
						     "designation");
				break;
			}
		v[w++] = m;
	}
	return w;
}

/* Weapons side by side name one weapon: "THAAD interceptors", "KN-24
 * ballistic missiles", "missile defense interceptors".  The entity is
 * the named one (written with a capital or a digit) when the phrase
 * begins with a name, else the last, the head noun.  v is in text order;
 * returns its new length. */
size_t hl_join_weapons(const char *t, struct mention *v, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++) {
		struct mention *prev = w > 0 ? &v[w - 1] : NULL;

		unsigned char c = prev ? (unsigned char)t[prev->start] : 0,
			      c2 = (unsigned char)t[v[i].start];

		/* not "destroyer Chokai": a class, then a name */
		if (prev != NULL && prev->cat == CAT_WEAPON &&
		    v[i].cat == CAT_WEAPON && v[i].start == prev->end + 1 &&
		    (t[prev->end] == ' ' || t[prev->end] == '\n') &&
		    !(c2 >= 'A' && c2 <= 'Z' && !(c >= 'A' && c <= 'Z') &&
		      !(c >= '0' && c <= '9'))) {

			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
				prev->entity = v[i].entity;
			prev->end = v[i].end;
			continue;
		}
		v[w++] = v[i];
	}
	return w;
}
