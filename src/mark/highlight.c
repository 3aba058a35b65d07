/* highlight: the scan of a section: at each word start, the matchers its key
 * allows (lexicon aliases and patterns, the language rules, figures);
 * then hl_choose decides. */
#include "hl_priv.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "brief/base/utf8.h"
#include "brief/mark/correct.h"

/* A seat of government after "in", "at", "a visit to", ... names a
 * place, not the state: "talks in Vienna", but "Moscow said". */
static int seat_as_place(const struct highlighter *h, const char *t,
			 size_t s, size_t e, size_t p, size_t q)
{
	size_t ws, we, ws2, we2;
	uint32_t v;
	int k;

	if (trie_size(h->seats) == 0 || trie_match(h->seats, t, e, p, &v) != q)
		return 0;
	/* "a Khartoum-based group", "Sudan's capital, Khartoum" */
	if ((q + 6 <= e && memcmp(t + q, "-based", 6) == 0) ||
	    (p >= s + 9 && memcmp(t + p - 9, "capital, ", 9) == 0))
		return 1;
	if (!hl_word_before(t, s, p, &ws, &we))
		return 0;
	/* the second of two places: "in Tel Aviv and Jerusalem" */
	if (we - ws == 3 && memcmp(t + ws, "and", 3) == 0) {
		size_t first = ws;

		for (k = 0; k < 3 && hl_word_before(t, s, first, &ws2, &we2) &&
			    hl_upper_at(t, we2, ws2);
		     k++)
			first = ws2;
		if (first == ws || !hl_word_before(t, s, first, &ws, &we))
			return 0;
	}
	/* one word ("in Vienna") or two ("a visit to Nairobi") */
	if (!hl_is_word_in(h->place_words, t, ws, we) &&
	    !(hl_word_before(t, s, ws, &ws2, &we2) &&
	      hl_is_word_in(h->place_words, t, ws2, we)))
		return 0;
	return 1;
}

/* "Berlin, Germany", "Port-au-Prince, Haiti", "Vientiane, Lao PDR": a
 * state [p, q) of name `name` just after one of its own seats and a comma
 * says where the seat is, a place; not a demonym (one word, not the name:
 * "In Belgrade, Serbian officials"), nor before a capitalised word. */
static int after_own_seat(const struct highlighter *h, const char *t,
			  size_t s, size_t e, size_t p, size_t q, uint32_t v,
			  const char *name)
{
	size_t c = p - 2, ws = c, we;
	uint32_t w;
	int k;

	if (trie_size(h->seats) == 0 || p < s + 4 || t[p - 1] != ' ' ||
	    t[c] != ',' ||
	    (q + 1 < e && t[q] == ' ' && hl_upper_at(t, e, q + 1)) ||
	    (!memchr(t + p, ' ', q - p) &&
	     !(strlen(name) == q - p && memcmp(name, t + p, q - p) == 0)))
		return 0;
	while (ws > s && (trie_word_before(t, ws) || t[ws - 1] == '-'))
		ws--;
	for (k = 0; k < 3 && ws < c; k++) {
		if (trie_match(h->seats, t, c, ws, &w) == c && w == v)
			return 1;
		if (!hl_word_before(t, s, ws, &ws, &we))
			break;
	}
	return 0;
}

/* "Kim Il Sung Square", "Kennedy Airport": a name that a place word
 * ends is the place's (no actor).  A seat of government may stand up to
 * two capitalised words before it ("a Washington NATO Summit",
 * "Georgetown University": no Guyana). */
static int before_place_word(const struct highlighter *h, const char *t,
			     size_t e, size_t p, size_t q, int state)
{
	uint32_t v;
	int n, seat = state && trie_size(h->seats) != 0 &&
		      trie_match(h->seats, t, e, p, &v) == q;

	for (n = 0; n <= 2 * seat; n++) {
		if (!(q + 1 < e && t[q] == ' ' && hl_upper_at(t, e, q + 1)))
			return 0;
		if (trie_match(h->place_names, t, e, q + 1, &v) != 0)
			return 1;
		for (q++; q < e && t[q] != ' ' && t[q] != '\n' && t[q] != ',' &&
			  t[q] != '.';
		     q++)
			;
	}
	return 0;
}

/* An alias that holds a possessive ("China's Foreign Ministry", "Russia's
 * Black Sea Fleet") is marked as analysts mark it: the owner an actor of
 * its own, the rest the alias's entity.  Returns 1 when split. */
static int split_possessive(struct highlighter *h, const char *t, size_t p,
			    size_t q, uint32_t v, int cat)
{
	size_t i, k;
	uint32_t owner;

	for (i = p + 1; i + 3 < q; i++) {
		if (t[i] != '\'' && (unsigned char)t[i] != 0xE2)
			continue;
		k = hl_possessive_len(t, q, i);
		if (k == 0 || t[i + k] != ' ' || !hl_upper_at(t, q, i + k + 1) ||
		    trie_match(h->aliases, t, i, p, &owner) != i)
			continue;
		hl_cand_add(h, p, i, owner, entities_get(h->reg, owner)->cat,
			 PRI_LEXICON);
		hl_cand_add(h, i + k + 1, q, v, cat, PRI_LEXICON);
		return 1;
	}
	return 0;
}

/* Is [s, e) capital letters only ("SDF")? */
static int all_caps(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (t[s] < 'A' || t[s] > 'Z')
			return 0;
	return 1;
}

/* Past the spaces and line breaks at g (a wrapped, indented line). */
static size_t skip_blanks(const char *t, size_t e, size_t g)
{
	while (g < e && (t[g] == ' ' || t[g] == '\n'))
		g++;
	return g;
}

/* An alias [ws, q) of entity v that the text goes on past, or that does
 * not name its entity there: "U.S." in "50 U.S.C." (a code), "American"
 * before "workers" or "goods" (a population, an origin).  en is v's
 * entity, state whether it is a state. */
static int cut_name(const struct highlighter *h, const char *t, size_t e,
		    size_t ws, size_t q, uint32_t v, const struct entity *en,
		    int state)
{
	size_t g = q;
	uint32_t w;

	if (t[q - 1] == '.' && q < e && hl_upper_at(t, e, q))
		return 1;
	/* a demonym: one word, not the state's name ("American", not
	 * "U.S." nor "Canada") */
	if (!state ||
	    memchr(t + ws, '.', q - ws) || memchr(t + ws, ' ', q - ws) ||
	    (strlen(en->name) == q - ws && memcmp(en->name, t + ws, q - ws) == 0))
		return 0;
	/* "harm Americans": a demonym's plural ("Russian" is an alias too)
	 * names a population, unless "the" stands before it ("the Russians
	 * bring helicopters") */
	if (q - ws > 3 && t[q - 1] == 's' &&
	    trie_match(h->aliases, t, q - 1, ws, &w) == q - 1 && w == v)
		return !(ws >= 4 && (memcmp(t + ws - 4, "the ", 4) == 0 ||
				     memcmp(t + ws - 4, "The ", 4) == 0));
	/* "American workers"; "American-made steel" (a product of the
	 * state's, where "Chinese-made drones" are the state's) */
	if (g + 1 < e && t[g] == '-') {
		while (g < e && t[g] != ' ' && t[g] != '\n')
			g++;
	}
	if (g + 1 >= e || (t[g] != ' ' && t[g] != '\n'))
		return 0;
	g = skip_blanks(t, e, g);
	/* "Israeli and Lebanese families": another demonym between */
	if (g + 4 < e && memcmp(t + g, "and ", 4) == 0 &&
	    hl_upper_at(t, e, g + 4)) {
		g += 4;
		while (g < e && t[g] != ' ' && t[g] != '\n')
			g++;
		g = skip_blanks(t, e, g);
	}
	return trie_match(h->populations, t, e, g, &w) != 0;
}

/* "Operation Midnight Hammer": the capitalised words after an event's
 * head [p, q) are its name, no actor. */
static void event_name(struct highlighter *h, const char *t, size_t e,
		       size_t p, size_t q)
{
	size_t ne = q, we;
	int n;

	for (n = 0; n < 4 && ne + 1 < e && t[ne] == ' ' &&
		    hl_upper_at(t, e, ne + 1);
	     n++) {
		for (we = ne + 1; we < e && t[we] != ' ' && t[we] != ',' &&
				  t[we] != '.' && t[we] != ';' && t[we] != '\n';
		     we++)
			;
		ne = we;
	}
	if (ne > q)
		hl_cand_add(h, p, ne, ENTITY_NONE, CAND_NONE, PRI_DEFINED);
}

/* May a designation with a hyphen start at the capital at p?  The
 * designation rule keeps only matches that hold a hyphen, and the
 * pattern's alternatives with one (data/highlight.yaml: "KF-21",
 * "Tu-22M3", "F/A-18") have letters (or "F/A") before it and a digit
 * after: a run of letters, digits, '/' or other than ASCII bytes of at
 * most 40 bytes, then "-" and a digit (or a byte of a character that
 * may be one).  Most capitalised words fail at once, without PCRE2. */
static int designation_may(const char *t, size_t e, size_t p)
{
	size_t i, end = e - p > 42 ? p + 42 : e;

	for (i = p + 1; i + 1 < end; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == '-')
			return (t[i + 1] >= '0' && t[i + 1] <= '9') ||
			       (unsigned char)t[i + 1] >= 0x80;
		if (!(c >= 0x80 || c == '/' || utf8_ascii_word[c]))
			return 0;
	}
	return 0;
}

/* The lexicon's alias [p, q) of entity v, as the text has it: cut, a
 * place, an owner's possessive, or the entity's mention. */
static void lexicon_mark(struct highlighter *h, struct hl_state *st,
			 const char *t, size_t s, size_t e, size_t p, size_t q,
			 uint32_t v)
{
	/* no pointer into the registry kept: rules intern names */
	const struct entity *en = entities_get(h->reg, v);
	int state = en->kind != NULL && strcmp(en->kind, "state") == 0;
	int cat = en->cat;

	if (cut_name(h, t, e, p, q, v, en, state))
		return;
	if (before_place_word(h, t, e, p, q, state))
		; /* the place's or the event's name */
	else if (state && seat_as_place(h, t, s, e, p, q))
		hl_cand_add(h, p, q, hl_intern_as(h, t, p, q, CAT_PLACE, "city"),
			    CAT_PLACE, PRI_LEXICON);
	else if (state && after_own_seat(h, t, s, e, p, q, v, en->name))
		hl_cand_add(h, p, q,
			    hl_intern_as(h, t, p, q, CAT_PLACE, "country"),
			    CAT_PLACE, PRI_LEXICON);
	else if (!(q + 1 < e && t[q] == '-' && t[q + 1] >= '0' &&
		   t[q + 1] <= '9') && /* "Palestine-2": a name */
		 !split_possessive(h, t, p, q, v, cat)) {
		hl_cand_add(h, p, q, v, cat, PRI_LEXICON);
		if (en->kind != NULL && strcmp(en->kind, "media") == 0)
			hl_rule_outlet(h, st, t, s, p);
		if (state)
			hl_rule_institution(h, t, e, p, q, v);
		if (cat == CAT_WEAPON)
			hl_rule_ship(h, t, e, p, q);
	}
}

/* Everything that may start at a word start p. */
static void at_word(struct highlighter *h, struct hl_state *st,
		    const char *t, size_t s, size_t e, size_t p, uint64_t key,
		    const struct keyslot *ks)
{
	unsigned m = ks->mask;
	size_t q, ql;
	uint32_t v, vl;

	/* an acronym the article defined outranks the lexicon's */
	if (hl_learnt_may(st, key) && (ql = hl_learnt_at(st, t, e, p, &vl)) != 0)
		hl_cand_add(h, p, ql, vl, entities_get(h->reg, vl)->cat,
			 all_caps(t, p, ql) ? PRI_DEFINED : PRI_RULE);
	q = (m & (PM_ALIAS | PM_ALIAS_FOLDED)) ? hl_alias_at(h, ks, t, e, p, &v)
						: 0;
	if (h->caps_line && (ql = trie_match_in(h->caps, t, e, p, TRIE_FOLDED,
						&vl)) > q) {
		q = ql;
		v = vl;
	}
	if (q != 0)
		lexicon_mark(h, st, t, s, e, p, q, v);
	if ((m & PM_TITLE) && (q = trie_match(h->titles, t, e, p, &v)) != 0) {
		hl_rule_person(h, st, t, s, e, p, q);
		hl_rule_apposition(h, st, t, s, p);
	}
	if ((m & PM_SUFFIX) &&
	    (q = trie_match(h->suffixes, t, e, p, &v)) != 0)
		hl_rule_org_suffix(h, t, s, e, p, q);
	if ((m & PM_HEAD) && (q = trie_match(h->heads, t, e, p, &v)) != 0)
		hl_rule_org_head(h, t, s, e, p, q);
	if ((m & PM_SPEAKER) &&
	    (q = trie_match(h->speakers, t, e, p, &v)) != 0)
		hl_rule_speaker(h, st, t, e, q);
	/* in lower case: not a title's "Designating Cartels And ..." */
	if ((m & PM_ENTITY_LEAD) && t[p] >= 'a' && t[p] <= 'z' &&
	    (q = trie_match(h->entity_leads, t, e, p, &v)) != 0)
		hl_rule_entity_lead(h, t, e, q);
	if ((m & PM_ORG_VERB) &&
	    (q = trie_match(h->org_verbs, t, e, p, &v)) != 0)
		hl_rule_org_predicate(h, t, s, e, p, q);
	if ((m & PM_NOT_MARK) &&
	    (q = trie_match(h->not_marks, t, e, p, &v)) != 0)
		hl_cand_add(h, p, q, ENTITY_NONE, CAND_NONE, PRI_DEFINED);
	if ((m & PM_EVENT) &&
	    (q = trie_match(h->event_heads, t, e, p, &v)) != 0)
		event_name(h, t, e, p, q);
	if ((m & PM_GENERIC) &&
	    (q = trie_match(h->generics, t, e, p, &v)) != 0)
		hl_rule_generic(h, t, s, e, p, q);
	if ((m & PM_PLACE) &&
	    (q = trie_match(h->place_leads, t, e, p, &v)) != 0)
		hl_rule_place_lead(h, st, t, e, q);
	if ((m & PM_PLACE_SHAPE) &&
	    (q = trie_match(h->place_shapes, t, e, p, &v)) != 0)
		hl_rule_place_shape(h, st, t, s, e, p, q);
}

/* The end of the line that starts at p (a section's text breaks lines
 * with '\n'); *caps_end: where the line's capitals end.  A line with
 * capital letters and no small ones ("THE WHITE HOUSE,", "JOSEPH R.
 * BIDEN JR.", "ZIMBABWE") is in capitals to its end, a heading in
 * capitals before a colon ("DEFEND THE UNITED STATES AGAINST MISSILE
 * ATTACK: Today, ...") to the colon; other lines not at all (p). */
static size_t line_of(const char *t, size_t e, size_t p, size_t *caps_end)
{
	size_t i, colon = p;
	int big = 0, small = 0, head = 0;

	for (i = p; i < e && t[i] != '\n'; i++) {
		if (t[i] == ':' && colon == p &&
		    (i + 1 >= e || t[i + 1] == ' ' || t[i + 1] == '\n')) {
			colon = i;
			head = big >= 3 && small == 0;
		}
		big += t[i] >= 'A' && t[i] <= 'Z';
		small += t[i] >= 'a' && t[i] <= 'z';
		if (small) {
			/* no line in capitals, and a colon after this one
			 * opens no heading: only the line's end is left */
			const char *nl = memchr(t + i, '\n', e - i);

			i = nl ? (size_t)(nl - t) : e;
			break;
		}
	}
	*caps_end = big >= 3 && small == 0 ? i : head ? colon : p;
	return i + 1;
}

void hl_add_figure(struct highlighter *h, size_t p, size_t q,
		   const struct figure *f)
{
	h->cfigs = xgrow(h->cfigs, &h->cfigcap, h->ncfigs + 1,
			 sizeof *h->cfigs);
	h->cfigs[h->ncfigs] = *f;
	hl_cand_add(h, p, q, ENTITY_NONE, CAT_FIGURE, PRI_FIGURE)->fig =
		(uint32_t)h->ncfigs++;
}

/* A figure read at p, a candidate. */
static void add_figure(struct highlighter *h, const char *t, size_t e,
		       size_t p)
{
	struct figure f;
	size_t q;

	q = figure_at(h->fig, t, e, p, &f);
	if (q != 0)
		hl_add_figure(h, p, q, &f);
}

/* The first byte at or after i, before e, that is no ASCII letter or
 * digit (e when there is none): 16 bytes at a time with SSE2. */
static size_t ascii_word_end(const char *t, size_t i, size_t e)
{
#ifdef __SSE2__
	/* letters (either case) and digits moved to the 26 and 10 lowest
	 * signed bytes, tested with one signed compare each */
	const __m128i la = _mm_set1_epi8((char)(0x80 - 'a'));
	const __m128i lz = _mm_set1_epi8((char)(0x80 + 26));
	const __m128i d0 = _mm_set1_epi8((char)(0x80 - '0'));
	const __m128i d9 = _mm_set1_epi8((char)(0x80 + 10));
	const __m128i lc = _mm_set1_epi8(0x20);

	for (; i + 16 <= e; i += 16) {
		__m128i b = _mm_loadu_si128((const __m128i *)(t + i));
		__m128i l = _mm_add_epi8(_mm_or_si128(b, lc), la);
		__m128i d = _mm_add_epi8(b, d0);
		__m128i w = _mm_or_si128(_mm_cmplt_epi8(l, lz),
					 _mm_cmplt_epi8(d, d9));
		unsigned m = ~(unsigned)_mm_movemask_epi8(w) & 0xFFFFu;

		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	while (i < e && utf8_ascii_word[(unsigned char)t[i]])
		i++;
	return i;
}

/* Boilerplate is not marked but for the lexicon's names on its lines in
 * capitals: a signature ("JOSEPH R. BIDEN JR.") or a header ("THE WHITE
 * HOUSE,"), as analysts mark them. */
static void boiler_names(struct highlighter *h, const char *t, size_t s,
			 size_t e)
{
	size_t p = s, line_end, caps_end, q;
	uint32_t v;

	while (p < e) {
		line_end = line_of(t, e, p, &caps_end);
		for (; p < caps_end; p++) {
			if (!trie_word_start(t, p, e))
				continue;
			q = trie_match_in(h->caps, t, e, p, TRIE_FOLDED, &v);
			if (q != 0 && entities_get(h->reg, v)->cat == CAT_ACTOR)
				hl_cand_add(h, p, q, v, CAT_ACTOR, PRI_LEXICON);
		}
		p = line_end;
	}
}

void highlight_section(struct highlighter *h, struct hl_state *st,
		       const struct article *a, size_t sec,
		       struct mentions *out)
{
	size_t n0 = out->n;

	hl_scan_section(h, st, a, sec, out);
	if (h->corr)
		corrections_apply(h->corr, h->reg, a, sec, out, n0);
}

void hl_scan_section(struct highlighter *h, struct hl_state *st,
		     const struct article *a, size_t sec,
		     struct mentions *out)
{
	const struct section *se = &a->sections[sec];
	const char *t = a->text;
	size_t s = se->start, e = se->end, p, ms, me, line_end = s;
	size_t next_class = s; /* where "-class" is next (e: nowhere) */
	size_t caps_end = s;
	int prevw, each;
	uint32_t v;

	if (e <= s)
		return;
	h->nc = 0;
	h->ncfigs = 0;
	hl_genre_begin(h, a);
	if (se->kind == SECTION_BOILERPLATE) {
		boiler_names(h, t, s, e);
		if (h->nc != 0)
			hl_choose(h, a, sec, out);
		return;
	}
	prevw = trie_word_before(t, s);
	for (p = s; p < e;) {
		unsigned char c = (unsigned char)t[p];
		size_t clen = 1;
		int w;

		if (c < 0x80) {
			w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9');
		} else {
			uint32_t cp;

			clen = utf8_decode(t + p, e - p, &cp);
			w = iswalnum((wint_t)cp) != 0;
		}
		if (p >= line_end) {
			line_end = line_of(t, e, p, &caps_end);
			/* a speaker's label ("MR. KIRBY:") opens a line
			 * that is not in capitals to its end */
			if (caps_end + 1 < line_end)
				hl_rule_label(h, st, t, e, p);
		}
		h->caps_line = p < caps_end;
		if (w && !prevw) {
			uint64_t key = trie_key(t, e, p);
			const struct keyslot *ks = hl_key_find(h, key);
			unsigned m = ks->mask;

			at_word(h, st, t, s, e, p, key, ks);
			if (c >= 'A' && c <= 'Z' && !h->caps_line) {
				if (m & PM_GIVEN)
					hl_rule_given(h, st, t, s, e, p);
				else if (p >= s + 4 && t[p - 1] == ' ' &&
					 t[p - 2] == ',')
					hl_rule_called_on(h, t, s, e, p);
				if (designation_may(t, e, p))
					hl_rule_designation_at(h, t, e, p);
				/* a class ends with "-class" after p */
				if (next_class < p) {
					const char *k = memmem(t + p, e - p,
							       "-class", 6);

					next_class = k ? (size_t)(k - t) : e;
				}
				if (next_class < e)
					hl_rule_class(h, t, e, p);
			}
			if (h->patterns_gated &&
			    lexicon_pattern_may(h->lx, t, e, p) &&
			    lexicon_pattern_at(h->lx, h->md, t, e, p, &me, &v,
					       &each))
				hl_pattern_found(h, st, t, p, me, v, each);
			/* a figure may start with a sign of letters joined
			 * to its number too: "P1 million" */
			if ((m & PM_FIGURE) || (c >= '0' && c <= '9') ||
			    (c >= 'A' && c <= 'Z' && p + 1 < e &&
			     t[p + 1] >= '0' && t[p + 1] <= '9'))
				if (figure_may_start(h->fig, t, e, p))
					add_figure(h, t, e, p);
			if (h->genre_days | h->genre_weapons)
				hl_rule_genre(h, t, e, p);
			/* nothing starts inside a word: on to its last
			 * ASCII letter or digit */
			p = ascii_word_end(t, p + clen, e) - clen;
		} else if (!w) {
			if (c == '(' && h->acronyms)
				hl_rule_acronym(h, st, t, s, e, p);
			else if (c != ' ' && figure_may_start(h->fig, t, e, p))
				add_figure(h, t, e, p);
		}
		prevw = w;
		p += clen;
	}
	for (p = s; !h->patterns_gated &&
		    lexicon_next_pattern(h->lx, h->md, t, e, p, &ms, &me, &v,
					 &each);
	     p = me)
		hl_pattern_found(h, st, t, ms, me, v, each);

	hl_choose(h, a, sec, out);
}

void highlighter_set_corrections(struct highlighter *h,
				 struct corrections *c)
{
	h->corr = c;
}

void highlight_article(struct highlighter *h, const struct article *a,
		       struct mentions *out)
{
	struct hl_state *st = hl_state_new();
	size_t i;

	for (i = 0; i < a->nsections; i++)
		highlight_section(h, st, a, i, out);
	hl_state_free(st);
}

void mentions_free(struct mentions *m)
{
	free(m->v);
	free(m->figs);
	memset(m, 0, sizeof *m);
}
