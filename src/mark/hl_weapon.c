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
 * names a ship, a weapon of its own; not after a class word written with
 * a capital, part of a title ("the Submarine Industrial Base"; "Navy
 * ship Cheonan" ends in a small word). */
void hl_rule_ship(struct highlighter *h, const char *t, size_t e,
		  size_t p, size_t q)
{
	size_t ms, ne, we, lw = q;

	while (lw > p && t[lw - 1] != ' ')
		lw--;
	if (hl_upper_at(t, q, lw))
		return;
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

/* Is t[p] a letter or a digit (ASCII)? */
static int alnum_at(const char *t, size_t e, size_t p)
{
	unsigned char c = p < e ? (unsigned char)t[p] : 0;

	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* The end of a capitalised word at p ("Sentinel", "Super"), with the
 * parts a hyphen joins to it ("Anti-Radiation", "Air-to-Air"), or p. */
static size_t cap_word(const char *t, size_t e, size_t p)
{
	size_t q = p;

	if (q >= e || t[q] < 'A' || t[q] > 'Z')
		return p;
	for (q++; q < e && t[q] >= 'a' && t[q] <= 'z'; q++)
		;
	while (q + 1 < e && t[q] == '-' && q - p >= 2 &&
	       ((t[q + 1] >= 'a' && t[q + 1] <= 'z') ||
		(t[q + 1] >= 'A' && t[q + 1] <= 'Z')))
		for (q += 2; q < e && t[q] >= 'a' && t[q] <= 'z'; q++)
			;
	return q - p >= 3 && !alnum_at(t, e, q) && t[q] != '-' ? q : p;
}

/* A popular name of one to four capitalised words after a designation
 * ending at d: its end, or d.  Words that open a sentence or a name of
 * an organisation ("Group", "Command") are none, and a weapon's word
 * ("Missile") ends it. */
static size_t popular_name(const struct highlighter *h, const char *t,
			   size_t e, size_t d)
{
	size_t ne = d, k, we;
	int n;

	for (n = 0; n < 4 && ne + 1 < e && t[ne] == ' '; n++) {
		we = cap_word(t, e, ne + 1);
		if (we == ne + 1 || hl_is_word_in(h->not_names, t, ne + 1, we) ||
		    hl_is_word_in(h->openers, t, ne + 1, we) ||
		    hl_is_word_in(h->suffixes, t, ne + 1, we) ||
		    hl_is_word_in(h->heads, t, ne + 1, we) ||
		    hl_is_word_in(h->weapon_words, t, ne + 1, we))
			break; /* "... Guided Missile": the weapon's word joins */
		ne = we;
	}
	/* a roman numeral ends it ("Lightning II"), and a block's number
	 * ("Block 70") */
	if (ne > d && ne + 3 < e && t[ne] == ' ' && t[ne + 1] == 'I') {
		for (k = ne + 1; k < e && (t[k] == 'I' || t[k] == 'V'); k++)
			;
		if (k - ne - 1 <= 3 && !alnum_at(t, e, k))
			ne = k;
	} else if (ne >= d + 6 && ne + 2 < e && t[ne] == ' ' &&
		   memcmp(t + ne - 5, "Block", 5) == 0 && t[ne - 6] == ' ') {
		for (k = ne + 1; k < e && k < ne + 4 && t[k] >= '0' &&
				 t[k] <= '9';
		     k++)
			;
		if (k > ne + 1 && !alnum_at(t, e, k))
			ne = k;
	}
	return ne;
}

/* The designation [p, d) has a known prefix and the shape of one alone:
 * "CVN-81", "C-208B", "A-29", not "A-1". */
static int prefixed(const struct highlighter *h, const char *t, size_t p,
		    size_t d)
{
	size_t hy = p, k, digits = 0;

	while (hy < d && t[hy] != '-')
		hy++;
	if (hy == d || hy == p || !hl_is_word_in(h->prefixes, t, p, hy))
		return 0;
	for (k = hy + 1; k < d && t[k] >= '0' && t[k] <= '9'; k++)
		digits++;
	return digits > 0 && (hy - p > 1 || digits >= 2 || k < d);
}

void hl_rule_designation_at(struct highlighter *h, const char *t, size_t e,
			    size_t p)
{
	size_t ms, d, ne;
	uint32_t v;

	if (h->designation_re == NULL ||
	    !rx_find(h->designation_re, h->md, t, e, p, PCRE2_ANCHORED, &ms,
		     &d) ||
	    alnum_at(t, e, d) || memchr(t + p, '-', d - p) == NULL ||
	    ((v = hl_lexicon_exact(h, t, p, d)) != ENTITY_NONE &&
	     entities_get(h->reg, v)->cat != CAT_WEAPON))
		return;
	ne = popular_name(h, t, e, d);
	if (ne == d && !prefixed(h, t, p, d))
		return;
	hl_cand_add(h, p, ne,
		    hl_intern_as(h, t, p, ne, CAT_WEAPON, "designation"),
		    CAT_WEAPON, PRI_RULE);
}

/* Between the weapons of a list: ", ", " and ", ", and ", " or ". */
static const char *const gaps[] = {", ", " and ", ", and ", " or ", ", or ",
				   "/"};
#define NGAPS (sizeof gaps / sizeof *gaps)

static int list_gap(const char *t, size_t a, size_t b)
{
	size_t i;

	for (i = 0; i < NGAPS; i++)
		if (b - a == strlen(gaps[i]) && memcmp(t + a, gaps[i], b - a) == 0)
			return 1;
	return 0;
}

/* Is a weapon of the lexicon listed just before [p, ...) ("aircraft and
 * ships") or just after q ("ships and aircraft", "public vessels, or
 * aircraft")? */
static int listed_with_weapon(const struct highlighter *h, const char *t,
			      size_t s, size_t e, size_t p, size_t q)
{
	size_t i, g, a, ws, we;
	uint32_t v;
	int n;

	for (i = 0; i < NGAPS; i++) {
		g = strlen(gaps[i]);
		if (q + g < e && memcmp(t + q, gaps[i], g) == 0 &&
		    (a = trie_match(h->aliases, t, e, q + g, &v)) != 0 &&
		    !alnum_at(t, e, a) &&
		    entities_get(h->reg, v)->cat == CAT_WEAPON)
			return 1;
		if (p < s + g + 1 || memcmp(t + p - g, gaps[i], g) != 0)
			continue;
		/* the last word before the gap, or the last two */
		for (we = p - g, ws = we, n = 0; n < 2 && ws > s; n++) {
			if (n == 1 && t[--ws] != ' ')
				break;
			while (ws > s &&
			       (alnum_at(t, e, ws - 1) || t[ws - 1] == '-'))
				ws--;
			if (ws < we &&
			    (v = hl_lexicon_exact(h, t, ws, we)) != ENTITY_NONE &&
			    entities_get(h->reg, v)->cat == CAT_WEAPON)
				return 1;
		}
	}
	return 0;
}

void hl_rule_generic(struct highlighter *h, const char *t, size_t s,
		     size_t e, size_t p, size_t q)
{
	size_t ws, we;
	int before = hl_word_before(t, s, p, &ws, &we);

	if (alnum_at(t, e, q) || t[q] == '-' ||
	    (before && hl_is_word_in(h->civil, t, ws, we)))
		return;
	if (before && hl_is_word_in(h->qualifiers, t, ws, we)) {
		hl_cand_add(h, ws, q,
			    hl_intern_as(h, t, ws, q, CAT_WEAPON, "generic"),
			    CAT_WEAPON, PRI_RULE);
		hl_rule_ship(h, t, e, ws, q);
	} else if (hl_is_word_in(h->listed, t, p, q) &&
		   listed_with_weapon(h, t, s, e, p, q)) {
		hl_cand_add(h, p, q,
			    hl_intern_as(h, t, p, q, CAT_WEAPON, "generic"),
			    CAT_WEAPON, PRI_RULE);
	}
}

/* After a class ending at q, the weapon it is a class of, within three
 * words ("-class patrol gunboats"): the end of that weapon, or q. */
static size_t class_end(const struct highlighter *h, const char *t,
			size_t e, size_t q)
{
	size_t k = q, a;
	uint32_t v;
	int n;

	for (n = 0; n < 3 && k + 1 < e && t[k] == ' ' && t[k + 1] >= 'a' &&
		    t[k + 1] <= 'z';
	     n++) {
		a = trie_match(h->aliases, t, e, k + 1, &v);
		if (a != 0 && entities_get(h->reg, v)->cat == CAT_WEAPON)
			return a;
		for (k++; k < e && (alnum_at(t, e, k) || t[k] == '-'); k++)
			;
	}
	return q;
}

void hl_rule_class(struct highlighter *h, const char *t, size_t e, size_t p)
{
	size_t q = p, we;
	int n;

	for (n = 0; n < 3 && q < e && t[q] >= 'A' && t[q] <= 'Z'; n++) {
		for (we = q; we < e && (alnum_at(t, e, we) || t[we] == '-'); we++)
			;
		/* "Israeli-made Acero-class": only the last word is joined */
		if (memchr(t + q, '-', we - q) != NULL &&
		    (we - q <= 6 || memcmp(t + we - 6, "-class", 6) != 0))
			return;
		/* "Russian Karakurt-class": the class starts after a name */
		if (n == 0 && (hl_is_word_in(h->not_names, t, q, we) ||
			       hl_is_word_in(h->openers, t, q, we) ||
			       hl_lexicon_exact(h, t, q, we) != ENTITY_NONE))
			return;
		if (we - q > 6 && memcmp(t + we - 6, "-class", 6) == 0) {
			size_t ce = class_end(h, t, e, we);
			uint32_t v;

			/* the lexicon's class ("Virginia-class submarines") */
			if (trie_match(h->aliases, t, e, p, &v) >= ce &&
			    entities_get(h->reg, v)->cat == CAT_WEAPON)
				return;
			hl_cand_add(h, p, ce,
				    hl_intern_as(h, t, p, we, CAT_WEAPON,
						 "class"),
				    CAT_WEAPON, PRI_DEFINED);
			return;
		}
		if (we + 1 >= e || t[we] != ' ')
			return;
		q = we + 1;
	}
}


/* Is the weapon [s, q) written with a capital part of the name of a law
 * or a treaty: capitalised words (and small joining words) after it up to
 * a word of documents ("Chemical and Biological Weapons Control and
 * Warfare Elimination Act")? */
static int in_document(const struct highlighter *h, const char *t,
		       size_t e, size_t s, size_t q)
{
	size_t ws, we;
	int n;

	if (!hl_upper_at(t, e, s))
		return 0;
	for (n = 0, we = q; n < 8 && we + 1 < e && t[we] == ' '; n++) {
		ws = we + 1;
		for (we = ws; we < e && t[we] != ' ' && t[we] != '\n' &&
			      t[we] != ',' && t[we] != ')';
		     we++)
			;
		if (hl_is_word_in(h->documents, t, ws, we))
			return 1;
		if (!hl_upper_at(t, we, ws) &&
		    !hl_is_word_in(h->acronym_joiners, t, ws, we) &&
		    !(we - ws == 3 && memcmp(t + ws, "and", 3) == 0) &&
		    !(we - ws == 2 && memcmp(t + ws, "of", 2) == 0))
			return 0;
	}
	return 0;
}

/* Is the weapon ending at q a modifier: before one of modifier_heads
 * that ends the phrase ("munitions storage,"; not "rocket and drone
 * storage sites"), or one of modifier_words wherever the phrase ends
 * ("missile defense policy", "anti-submarine warfare exercises")? */
static int modifier_after(const struct highlighter *h, const char *t,
			  size_t e, size_t q)
{
	size_t m;
	uint32_t x;

	if (q + 1 >= e || t[q] != ' ')
		return 0;
	if ((m = trie_match(h->modifier_words, t, e, q + 1, &x)) != 0)
		return 1;
	m = trie_match(h->modifiers, t, e, q + 1, &x);
	return m != 0 && (m == e || (t[m] != ' ' && t[m] != '\n'));
}

/* Does the weapon m end with one of mission_weapons ("Iron Dome
 * missile defense")? */
static int ends_in_mission(const struct highlighter *h, const char *t,
			   const struct mention *m)
{
	size_t ws;
	uint32_t x;

	for (ws = m->start; ws < m->end; ws++)
		if ((ws == m->start || t[ws - 1] == ' ') &&
		    trie_match(h->missions, t, m->end, ws, &x) == m->end)
			return 1;
	return 0;
}

/* The start of m's last word. */
static size_t mission_last(const char *t, const struct mention *m)
{
	size_t p = m->end;

	while (p > m->start && t[p - 1] != ' ')
		p--;
	return p;
}

/* A mission's weapon m stays one when its phrase, up to four small
 * words on, reaches one of mission_heads; one right after it joins it
 * ("missile defense shield").  0: it names the mission, no weapon. */
static int mission_system(const struct highlighter *h, const char *t,
			  size_t e, struct mention *m)
{
	size_t ws, we = m->end, hq;
	int n, title = hl_upper_at(t, e, mission_last(t, m));
	uint32_t x;

	for (n = 0; n < 4 && we + 1 < e && t[we] == ' '; n++) {
		ws = we + 1;
		/* words in the case of the mission's ("Missile Defense
		 * Shield" in a title) */
		if (!hl_upper_at(t, e, ws) != !title ||
		    !((t[ws] | 0x20) >= 'a' && (t[ws] | 0x20) <= 'z'))
			return 0;
		for (we = ws + 1; we < e && ((t[we] >= 'a' && t[we] <= 'z') ||
					     t[we] == '-');
		     we++)
			;
		hq = trie_match(h->mission_heads, t, e, ws, &x);
		if (hq == we) {
			if (n == 0)
				m->end = we;
			return 1;
		}
	}
	return 0;
}

size_t hl_drop_modifiers(const struct highlighter *h, const char *t,
			 size_t e, struct mention *v, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++) {
		if (v[i].cat == CAT_WEAPON &&
		    in_document(h, t, e, v[i].start, v[i].end))
			continue;
		if (v[i].cat == CAT_WEAPON && ends_in_mission(h, t, &v[i]) &&
		    !mission_system(h, t, e, &v[i]))
			continue;
		if (v[i].cat == CAT_WEAPON && modifier_after(h, t, e, v[i].end)) {
			/* and the weapons listed before it */
			while (w > 0 && v[w - 1].cat == CAT_WEAPON &&
			       list_gap(t, v[w - 1].end, v[i].start)) {
				v[i].start = v[w - 1].start;
				w--;
			}
			continue;
		}
		v[w++] = v[i];
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
