/* hl_org: the rules that find organisations: by their last word ("... Party"),
 * by their head ("Ministry of ..."), by an acronym defined in the text,
 * and a state's institution ("Chinese navy"). */
#include "hl_priv.h"

#include <string.h>

/* Does the word [ws, we) end with "'s" or "’s"? */
static int ends_possessive(const char *t, size_t ws, size_t we)
{
	return (we >= ws + 3 && hl_possessive_len(t, we, we - 2) == 2) ||
	       (we >= ws + 5 && hl_possessive_len(t, we, we - 4) == 4);
}

/* A word that cannot be inside a name before it: one that ends a
 * sentence ("Maputo. Rwanda Defence Force"; not "U.S.") or says who
 * backs or leads ("U.N.-backed Gang Suppression Force"). */
static int not_in_name(const char *t, size_t ws, size_t we)
{
	size_t i;

	if (we - ws > 3 && t[we - 1] == '.' && t[we - 2] >= 'a' &&
	    t[we - 2] <= 'z' && memchr(t + ws, '.', we - 1 - ws) == NULL)
		return 1;
	for (i = ws + 1; i + 1 < we; i++)
		if (t[i] == '-' && t[i + 1] >= 'a' && t[i + 1] <= 'z' &&
		    hl_upper_at(t, we, ws))
			return 1;
	return 0;
}

/* An organisation whose last word (a suffix) spans [p, q): capitalised
 * words before it, joiners allowed between them. */
/* Does a document word open or end the name [s, e) ("Authorization for
 * Use of Military Force", "Immigration and Nationality Act")?  A law,
 * treaty or order, no actor. */
static int document(const struct highlighter *h, const char *t, size_t s,
		    size_t e)
{
	size_t ws = e, we = s;
	uint32_t v;

	while (ws > s && t[ws - 1] != ' ' && t[ws - 1] != '\n')
		ws--;
	while (we < e && t[we] != ' ' && t[we] != '\n')
		we++;
	return hl_is_word_in(h->documents, t, ws, e) ||
	       trie_match(h->documents, t, we, s, &v) == we;
}

/* Is the word [p, q) a force's ("Navy") that qualifies the generic
 * weapon after it ("United Kingdom Navy vessels": the state, then the
 * weapon "Navy vessels", no navy)?  Not before a ship's name ("the
 * Republic of Korea Navy ship Cheonan": the navy's ship). */
static int qualifies_weapon(const struct highlighter *h, const char *t,
			    size_t e, size_t p, size_t q)
{
	size_t g;
	uint32_t v;

	if (q + 1 >= e || t[q] != ' ' ||
	    trie_match(h->qualifiers, t, e, p, &v) != q ||
	    (g = trie_match(h->generics, t, e, q + 1, &v)) == 0)
		return 0;
	return !(g + 1 < e && t[g] == ' ' && hl_upper_at(t, e, g + 1));
}

/* The end of a unit's name at q with its number ("Task Force 58",
 * "Carrier Strike Group 12"): a number of one to four digits after it,
 * which ends there; else q. */
static size_t unit_number(const char *t, size_t e, size_t q)
{
	size_t d = q + 1;

	if (q + 1 >= e || t[q] != ' ')
		return q;
	while (d < e && d < q + 6 && t[d] >= '0' && t[d] <= '9')
		d++;
	if (d == q + 1 || d == q + 6)
		return q;
	/* not "Force 1,200" nor "Group 3-4" nor "Group 5th" */
	if (d < e && (t[d] == '-' || (unsigned char)t[d] >= 0x80 ||
		      ((t[d] | 0x20) >= 'a' && (t[d] | 0x20) <= 'z') ||
		      (t[d] == ',' && d + 1 < e && t[d + 1] >= '0' &&
		       t[d + 1] <= '9')))
		return q;
	return d;
}

void hl_rule_org_suffix(struct highlighter *h, const char *t, size_t s,
			size_t e, size_t p, size_t q)
{
	size_t pos = p, ws, we, first_cap = p;
	int words = 0;
	uint32_t id, v;

	/* "Coalition Strikes": the suffix is not the name's last word */
	if ((q + 1 < e && t[q] == ' ' && hl_upper_at(t, e, q + 1)) ||
	    qualifies_weapon(h, t, e, p, q))
		return;
	while (words < h->max_words && hl_word_before(t, s, pos, &ws, &we)) {
		if (ends_possessive(t, ws, we) || not_in_name(t, ws, we))
			break; /* "Armenia's Defense Ministry" */
		if (hl_upper_at(t, we, ws)) {
			if (hl_is_word_in(h->openers, t, ws, we) ||
			    trie_match(h->titles, t, we, ws, &v) == we)
				break;
			first_cap = ws;
		} else if (words == 0 || !hl_is_word_in(h->inner, t, ws, we)) {
			break;
		}
		pos = ws;
		words++;
	}
	if (first_cap >= p || document(h, t, first_cap, q))
		return;
	/* "Iran's Islamic Revolutionary Guard Corps": after a possessive,
	 * a name the lexicon knows is that entity, not a new one */
	for (pos = first_cap; pos + 3 < p; pos++) {
		size_t k = hl_possessive_at(t, p, pos), y = pos + k + 1;

		if (k && trie_match(h->aliases, t, q, y, &v) == q &&
		    memchr(t + y, ' ', q - y) != NULL)
			return;
	}
	q = unit_number(t, e, q);
	id = hl_lexicon_exact(h, t, first_cap, q);
	if (id == ENTITY_NONE)
		id = hl_intern_name(h, t, first_cap, q, "organisation");
	hl_cand_add(h, first_cap, q, id, CAT_ACTOR, PRI_RULE);
}

/* May the capitalised word [ws, we) open an organisation's name before
 * its head word?  Not a sentence's opener, a title, a possessive, nor a
 * word ending in a full stop. */
static int may_open_name(const struct highlighter *h, const char *t,
			 size_t ws, size_t we)
{
	return hl_upper_at(t, we, ws) && !ends_possessive(t, ws, we) &&
	       !not_in_name(t, ws, we) && t[we - 1] != '.' &&
	       !hl_is_word_in(h->openers, t, ws, we) &&
	       !hl_is_word_in(h->not_names, t, ws, we) &&
	       !hl_is_word_in(h->titles, t, ws, we);
}

/* "Ministry of National Defense": a head word, "of", capitalised words. */
void hl_rule_org_head(struct highlighter *h, const char *t, size_t s,
		      size_t e, size_t p, size_t q)
{
	size_t pos = q, end = q, ws, we;
	int words = 0, caps = 0;
	uint32_t id;

	while (words < h->max_words && pos < e && t[pos] == ' ') {
		ws = pos + 1;
		we = ws;
		while (we < e && (trie_word_at(t, e, we) || t[we] == '-'))
			we++;
		if (we == ws)
			break;
		if (hl_upper_at(t, e, ws)) {
			/* "the Council on December 1": a date, no name;
			 * "Security Council Resolutions": a head goes on
			 * with its own words only after "of" or "for" */
			if (figrules_month_at(h->fig, t, e, ws) != 0 ||
			    words == 0)
				break;
			caps++;
			end = we;
		} else if (!hl_is_word_in(h->joiners, t, ws, we) ||
			   (words == 0 && !(we - ws == 2 && t[ws] == 'o') &&
			    !(we - ws == 3 && t[ws] == 'f')) ||
			   /* "the" only right after "of": "Ministry of the
			    * Interior", not "… Affairs and the Navy" */
			   (we - ws == 3 && memcmp(t + ws, "the", 3) == 0 &&
			    words != 1)) {
			break;
		}
		pos = we;
		words++;
	}
	if (caps == 0)
		return;
	/* capitalised words before the head: "Canadian Centre for Cyber
	 * Security" */
	for (words = 0; words < 2 && hl_word_before(t, s, p, &ws, &we) &&
			may_open_name(h, t, ws, we);
	     words++)
		p = ws;
	id = hl_lexicon_exact(h, t, p, end);
	if (id == ENTITY_NONE)
		id = hl_intern_name(h, t, p, end, "organisation");
	hl_cand_add(h, p, end, id, CAT_ACTOR, PRI_RULE);
}

/* "(NCG)" at p after "Nuclear Consultative Group". */
/* "Iran's Islamic Revolutionary Guards Corps (IRGC)": a long form that
 * opens with a possessive of a name the lexicon knows, whose next word
 * has the acronym's letter too, is the owner (a mention of its own) and
 * the name after it.  The long form's start. */
static size_t owner_apart(struct highlighter *h, const char *t,
			  size_t long_s, size_t long_e, char letter)
{
	size_t q, k;
	uint32_t owner;

	if (long_s == 0)
		return 0;
	q = trie_match(h->aliases, t, long_e, long_s, &owner);
	if (q == 0 || (k = hl_possessive_at(t, long_e, q)) == 0 ||
	    q + k + 1 >= long_e || t[q + k + 1] != letter)
		return long_s;
	hl_cand_add(h, long_s, q, owner, entities_get(h->reg, owner)->cat,
		    PRI_LEXICON);
	return q + k + 1;
}

void hl_rule_acronym(struct highlighter *h, struct hl_state *st,
		     const char *t, size_t s, size_t e, size_t p)
{
	size_t as = p + 1, ae = as, ws, we, pos = p, long_s = 0, long_e = 0, i;
	int words = 0, cat = CAT_ACTOR;
	uint32_t id;

	while (ae < e && ae - as < 8 &&
	       ((t[ae] >= 'A' && t[ae] <= 'Z') || t[ae] == '&' || t[ae] == '-'))
		ae++;
	if (ae - as < 2 || ae >= e)
		return;
	if (t[ae] == 's' && ae + 1 < e && t[ae + 1] == ')')
		ae++;
	if (t[ae] != ')')
		return;
	while (words < 8 && hl_word_before(t, s, pos, &ws, &we)) {
		if (words == 0)
			long_e = we;
		if (hl_upper_at(t, we, ws)) {
			if (t[ws] == t[as])
				long_s = ws;
		} else if (!hl_is_word_in(h->joiners, t, ws, we) &&
			   !hl_is_word_in(h->acronym_joiners, t, ws, we)) {
			break;
		}
		pos = ws;
		words++;
	}
	if (long_s == 0 && long_e && t[s] == t[as] && hl_upper_at(t, e, s))
		long_s = s;
	long_s = owner_apart(h, t, long_s, long_e, t[as]);
	if (long_s == 0 || long_e <= long_s ||
	    memchr(t + long_s, ' ', long_e - long_s) == NULL) {
		/* "National Liberation Army (ELN)": initials of another
		 * language; the organisation just before names it */
		for (i = h->nc; long_e && i-- > 0;)
			if (h->c[i].end == long_e && h->c[i].cat == CAT_ACTOR &&
			    h->c[i].entity != ENTITY_NONE) {
				hl_cand_add(h, as, ae, h->c[i].entity, CAT_ACTOR,
					 PRI_RULE);
				hl_state_add(st, t + as, ae - as, h->c[i].entity);
				break;
			}
		return;
	}
	/* "International Emergency Economic Powers Act (IEEPA)": a law's
	 * name is no actor, nor its short form */
	if (document(h, t, long_s, long_e))
		return;
	/* "Single Channel Ground and Airborne Radio System (SINCGARS)": a
	 * long form that is no mark, nor its short form */
	if (trie_match(h->not_marks, t, long_e, long_s, &id) == long_e)
		return;
	/* what the long form was marked as ("South Korea's Joint Chiefs of
	 * Staff (JCS)": that JCS), else the long form in the lexicon:
	 * "Syrian Democratic Forces (SDF)" is not Japan's SDF */
	id = ENTITY_NONE;
	for (i = 0; i < h->nc; i++) /* the first: the longest alias's */
		if (h->c[i].start == long_s && h->c[i].end == long_e &&
		    h->c[i].cat == CAT_ACTOR && h->c[i].pri == PRI_LEXICON) {
			id = h->c[i].entity;
			break;
		}
	if (id == ENTITY_NONE)
		id = hl_lexicon_exact(h, t, long_s, long_e);
	if (id == ENTITY_NONE)
		id = hl_lexicon_exact(h, t, as, ae);
	if (id == ENTITY_NONE) {
		/* "Navy-Marine Expeditionary Ship Interdiction System
		 * (NMESIS)": a weapon by its last word */
		for (ws = long_e; ws > long_s && t[ws - 1] != ' '; ws--)
			;
		if (hl_is_word_in(h->weapon_words, t, ws, long_e)) {
			cat = CAT_WEAPON;
			id = hl_intern_as(h, t, long_s, long_e, CAT_WEAPON,
				       "weapon");
		} else {
			id = hl_intern_name(h, t, long_s, long_e, "organisation");
		}
	} else {
		cat = entities_get(h->reg, id)->cat;
	}
	hl_cand_add(h, long_s, long_e, id, cat, PRI_RULE);
	hl_cand_add(h, as, ae, id, cat, PRI_RULE);
	hl_state_add(st, t + as, ae - as, id);
}

/* "Pakistan's air force", "Chinese navy": a state (its name, demonym or
 * capital, [p, q)) and one of its institutions is an actor of its own,
 * "Pakistan air force". */
void hl_rule_institution(struct highlighter *h, const char *t, size_t e,
			 size_t p, size_t q, uint32_t state)
{
	const struct entity *en = entities_get(h->reg, state);
	size_t g = q, k, i;
	struct buf b = {0};
	uint32_t v, id;

	/* at_word calls it for a state's mention only */
	if (trie_size(h->institutions) == 0)
		return;
	g += hl_possessive_at(t, e, g);
	if (g + 1 >= e || t[g] != ' ')
		return;
	g++;
	if ((k = trie_match(h->institutions, t, e, g, &v)) == 0)
		return;
	if (qualifies_weapon(h, t, e, g, k))
		return; /* the state, then a weapon */
	buf_adds(&b, en->name);
	buf_addc(&b, ' ');
	for (i = g; i < k; i++)
		buf_addc(&b, (t[i] >= 'A' && t[i] <= 'Z') ? (char)(t[i] + 32)
							  : t[i] == '\n' ? ' '
									 : t[i]);
	id = entities_intern(h->reg, b.data, b.len, CAT_ACTOR, "institution",
			     1);
	buf_free(&b);
	/* "Chinese navy": one mark; "Russia's Defence Ministry": two, the
	 * state and its ministry, as analysts mark them; "Russia's
	 * embassy": the state alone */
	if (g == q + 1)
		hl_cand_add(h, p, k, id, CAT_ACTOR, PRI_RULE);
	else if (hl_upper_at(t, k, g))
		hl_cand_add(h, g, k, id, CAT_ACTOR, PRI_LEXICON);
}

/* The capitalised words [ws, we) of at least two words, none an opener
 * nor a known name's, as an organisation the lexicon may know. */
static void entity_name(struct highlighter *h, const char *t, size_t ws,
			size_t we)
{
	uint32_t id = hl_lexicon_exact(h, t, ws, we);

	if (id == ENTITY_NONE)
		id = hl_intern_name(h, t, ws, we, "organisation");
	hl_cand_add(h, ws, we, id, CAT_ACTOR, PRI_RULE);
}

/* Is [ws, we) "a", "an" or "the"? */
static int determiner(const char *t, size_t ws, size_t we)
{
	return (we - ws == 1 && t[ws] == 'a') ||
	       (we - ws == 2 && memcmp(t + ws, "an", 2) == 0) ||
	       (we - ws == 3 && memcmp(t + ws, "the", 3) == 0);
}

/* Does the predicate at p (" is ...") tell of a company: one of
 * org_verbs ("is controlled by"), or "is", a determiner or a
 * possessive, up to three small words and one of company_nouns ("is
 * Sudan's largest defense enterprise", "is a front company")? */
static int company_predicate(const struct highlighter *h, const char *t,
			     size_t e, size_t p, size_t q)
{
	size_t w = q, we;
	int n;
	uint32_t v;

	if (q > p + 2)
		return 1; /* one of org_verbs, longer than "is" */
	for (n = 0; n < 5 && w + 1 < e && t[w] == ' '; n++) {
		w++;
		if (trie_match(h->company_nouns, t, e, w, &v) != 0)
			return n > 0;
		for (we = w; we < e && t[we] != ' ' && t[we] != '\n' &&
			     t[we] != ',' && t[we] != '.';
		     we++)
			;
		/* first a determiner or a possessive ("Sudan's") */
		if (we == w || (n > 0 && !(t[w] >= 'a' && t[w] <= 'z')) ||
		    (n == 0 && !determiner(t, w, we) &&
		     !ends_possessive(t, w, we)))
			return 0;
		w = we;
	}
	return 0;
}

void hl_rule_org_predicate(struct highlighter *h, const char *t, size_t s,
			   size_t e, size_t p, size_t q)
{
	size_t pos = p, ws, we, first = p, last = 0;
	int words = 0;

	if (!company_predicate(h, t, e, p, q))
		return;
	while (words < h->max_words && hl_word_before(t, s, pos, &ws, &we) &&
	       may_open_name(h, t, ws, we)) {
		if (words == 0)
			last = we;
		first = ws;
		pos = ws;
		words++;
	}
	if (words >= 2)
		entity_name(h, t, first, last);
}

void hl_rule_entity_lead(struct highlighter *h, const char *t, size_t e,
			 size_t q)
{
	size_t p = q, ws, we, fe;
	int words;

	/* "designating", "the following entities:" then names, one by
	 * one, joined by commas, "and", semicolons or list lines */
	for (;;) {
		while (p < e && (t[p] == ' ' || t[p] == ':' || t[p] == '\n' ||
				 t[p] == '-' || t[p] == ',' || t[p] == ';'))
			p++;
		if (p + 4 < e && memcmp(t + p, "and ", 4) == 0)
			p += 4;
		for (ws = we = fe = p, words = 0;
		     p < e && hl_upper_at(t, e, p) && words < h->max_words;
		     words++) {
			while (p < e && t[p] != ' ' && t[p] != ',' &&
			       t[p] != ';' && t[p] != '\n' &&
			       !(t[p] == '.' && (p + 1 >= e || t[p + 1] == ' ')))
				p++;
			we = p;
			if (words == 0)
				fe = p;
			if (p + 1 < e && t[p] == ' ' && hl_upper_at(t, e, p + 1))
				p++;
			else
				break;
		}
		if (we == ws)
			return;
		if (fe < we && may_open_name(h, t, ws, fe))
			entity_name(h, t, ws, we);
		p = we;
		if (p >= e || (t[p] != ',' && t[p] != ';' && t[p] != '\n' &&
			       !(p + 5 < e && memcmp(t + p, " and ", 5) == 0)))
			return;
	}
}
