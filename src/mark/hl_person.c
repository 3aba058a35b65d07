/* hl_person: the rules that find persons: after a title, in an apposition
 * ("Andriy Yusov, a spokesman for"), after a word of speaking; and what an
 * article learns from a name (full name, surname). */
#include "hl_priv.h"

#include <string.h>

/* The surname of a rule-found full name: East Asian names of three parts
 * ("Yoon Suk Yeol") or with a hyphenated given name ("Lee Jae-myung")
 * put it first, others last. */
static void surname(const char *t, size_t s, size_t e, size_t *ss,
		    size_t *se, size_t *ls, size_t *le)
{
	size_t words[8], nw = 0, i = s, lastw;

	while (i < e && nw < 8) {
		while (i < e && (t[i] == ' ' || t[i] == '\n'))
			i++;
		if (i >= e)
			break;
		words[nw++] = i;
		while (i < e && t[i] != ' ' && t[i] != '\n')
			i++;
	}
	*ss = *se = *ls = *le = 0;
	if (nw < 2)
		return;
	lastw = words[nw - 1];
	{
		size_t w1e = words[1];
		int initial = 0, hyph = 0;

		for (i = 1; i < nw; i++) {
			size_t we = i + 1 < nw ? words[i + 1] - 1 : e;

			if (we - words[i] == 2 && t[words[i] + 1] == '.')
				initial = 1;
		}
		while (w1e < e && t[w1e] != ' ' && t[w1e] != '\n') {
			if (t[w1e] == '-')
				hyph = 1;
			w1e++;
		}
		if (!initial && ((nw == 3) || (nw == 2 && hyph))) {
			*ss = words[0];
			*se = words[1];
			while (*se > *ss && (t[*se - 1] == ' ' ||
					     t[*se - 1] == '\n'))
				(*se)--;
			if (nw == 3) {
				/* "Yoon Suk Yeol" or "Ama Kofi Mensah": which
				 * end is the family name is not known, so
				 * both are learnt */
				*ls = lastw;
				*le = e;
			}
			return;
		}
	}
	*ss = lastw;
	*se = e;
}

/* The given name of a full name of two words [g, ne) whose surname
 * starts at ss ("Courtney" of "Courtney Kube"): in a Q&A the person is
 * called by it ("Thanks, Courtney."), so the article learns it too; not
 * an initial, a particle, a title or a word the lexicon knows. */
static void given_learnt(struct highlighter *h, struct hl_state *st,
			 const char *t, size_t g, size_t ne, size_t ss,
			 uint32_t id)
{
	size_t we = g;
	uint32_t v;

	while (we < ne && t[we] != ' ')
		we++;
	if (we >= ne || ss != we + 1 || we - g < 3 ||
	    memchr(t + g, '.', we - g) || memchr(t + we + 1, ' ', ne - we - 1) ||
	    hl_is_word_in(h->not_names, t, g, we) ||
	    trie_match(h->titles, t, we, g, &v) == we ||
	    trie_match(h->aliases, t, we, g, &v) == we)
		return;
	hl_state_add(st, t + g, we - g, id);
}

/* A person's name at [g, ne): its entity, and what the article learns
 * from it (the full name and the surname). */
static void person_found(struct highlighter *h, struct hl_state *st,
			 const char *t, size_t g, size_t ne)
{
	size_t ss, se, ls, le;
	uint32_t id;

	id = hl_lexicon_exact(h, t, g, ne);
	if (id == ENTITY_NONE)
		id = hl_intern_name(h, t, g, ne, "person");
	hl_cand_add(h, g, ne, id, CAT_ACTOR, PRI_RULE);
	hl_state_add(st, t + g, ne - g, id);
	surname(t, g, ne, &ss, &se, &ls, &le);
	if (se > ss && hl_lexicon_exact(h, t, ss, se) == ENTITY_NONE &&
	    !hl_is_word_in(h->not_names, t, ss, se))
		hl_state_add(st, t + ss, se - ss, id);
	if (le > ls && hl_lexicon_exact(h, t, ls, le) == ENTITY_NONE &&
	    !hl_is_word_in(h->not_names, t, ls, le))
		hl_state_add(st, t + ls, le - ls, id);
	given_learnt(h, st, t, g, ne, ss, id);
}

/* Back from b over word characters, a whole character at a time
 * ("Mendonça"), and hyphens inside the word ("Pierre-Louis"): the start
 * of the word that ends at b. */
static size_t char_word_start(const char *t, size_t s, size_t b)
{
	while (b > s && (trie_word_before(t, b) ||
			 (t[b - 1] == '-' && b - 1 > s &&
			  trie_word_before(t, b - 1)))) {
		b--;
		while (b > s && ((unsigned char)t[b] & 0xC0) == 0x80)
			b--;
	}
	return b;
}

/* "Andriy Yusov, a spokesman for …": a capitalised name of two or three
 * words before ", a TITLE" or ", the TITLE". */
static void name_before(struct highlighter *h, struct hl_state *st,
			const char *t, size_t s, size_t b);
static int ends_with(const struct trie *tr, const char *t, size_t g,
		     size_t ne);

void hl_rule_apposition(struct highlighter *h, struct hl_state *st,
			const char *t, size_t s, size_t p)
{
	size_t b = p, ws, we;
	int between = 0;

	/* up to three words between the article and the title: "Tom
	 * Fletcher, the U.N. humanitarian chief" */
	while (between < 3 && b >= s + 6 &&
	       !(memcmp(t + b - 3, " a ", 3) == 0 ||
		 memcmp(t + b - 4, " an ", 4) == 0 ||
		 memcmp(t + b - 5, " the ", 5) == 0) &&
	       hl_word_before(t, s, b, &ws, &we) && we + 1 == b &&
	       t[we] == ' ' && ws >= s + 2 && t[ws - 1] == ' ' &&
	       t[ws - 2] != ',') {
		b = ws;
		between++;
	}
	/* the first word after the comma: "Daniel Reyes, assistant
	 * director", "Uhuru Kenyatta, Kenya’s former president" */
	if (hl_word_before(t, s, b, &ws, &we) && we + 1 == b && ws >= s + 2 &&
	    t[ws - 1] == ' ' && t[ws - 2] == ',' &&
	    !hl_is_word_in(h->aside_stops, t, ws, we))
		b = ws;
	if (b >= s + 4 && memcmp(t + b - 3, " a ", 3) == 0)
		b -= 3;
	else if (b >= s + 5 && memcmp(t + b - 4, " an ", 4) == 0)
		b -= 4;
	else if (b >= s + 6 && memcmp(t + b - 5, " the ", 5) == 0)
		b -= 5;
	else if (b >= s + 3 && t[b - 1] == ' ' && t[b - 2] == ',')
		b -= 1; /* "Celso Amorim, chief foreign policy adviser" */
	else
		return;
	if (b < s + 2 || t[b - 1] != ',')
		return;
	name_before(h, st, t, s, b - 1); /* the name ends at the comma */
}

/* The capitalised name of two or three words that ends at b, a person
 * unless the lexicon knows it as something else ("North Korea, the
 * leader of ..."). */
static void name_before(struct highlighter *h, struct hl_state *st,
			const char *t, size_t s, size_t b)
{
	size_t w, ws, we, first;
	int words = 1;

	w = char_word_start(t, s, b);
	if (w == b || !hl_upper_at(t, b, w))
		return;
	first = w;
	while (words < 3 && hl_word_before(t, s, first, &ws, &we) &&
	       hl_upper_at(t, we, ws) && !hl_is_word_in(h->not_names, t, ws, we) &&
	       !hl_is_word_in(h->openers, t, ws, we) &&
	       !hl_is_word_in(h->titles, t, ws, we) &&
	       !(t[we - 1] == '.' && we - ws > 2)) { /* a sentence's end,
							* not an initial */
		first = ws;
		words++;
	}
	if (words < 2 || ends_with(h->suffixes, t, first, b))
		return;
	/* "North Korea, the leader of ...": a state, not a person */
	{
		uint32_t id = hl_lexicon_exact(h, t, first, b);
		const struct entity *en =
			id == ENTITY_NONE ? NULL : entities_get(h->reg, id);

		if (en && (en->kind == NULL || strcmp(en->kind, "person") != 0))
			return;
	}
	person_found(h, st, t, first, b);
}

void hl_rule_outlet(struct highlighter *h, struct hl_state *st,
		    const char *t, size_t s, size_t p)
{
	static const char *const links[] = {", ", " of ", " with ", " from ",
					    " at "};
	size_t i, n;

	for (i = 0; i < sizeof links / sizeof *links; i++) {
		n = strlen(links[i]);
		if (p >= s + n + 2 && memcmp(t + p - n, links[i], n) == 0 &&
		    hl_upper_at(t, p, char_word_start(t, s, p - n))) {
			name_before(h, st, t, s, p - n);
			return;
		}
	}
}

/* After a title, "for Foreign Affairs" or "of Defence": the end of the
 * department's words, or q when none follow. */
static size_t after_department(const struct highlighter *h, const char *t,
			       size_t e, size_t q)
{
	size_t g, d = q;
	uint32_t v;

	if (q + 5 < e && memcmp(t + q, " for ", 5) == 0)
		g = q + 5;
	else if (q + 4 < e && memcmp(t + q, " of ", 4) == 0)
		g = q + 4;
	else
		return q;
	for (;;) {
		size_t k = trie_match(h->departments, t, e, g, &v);

		if (k == 0)
			break;
		d = k;
		if (k + 1 >= e || t[k] != ' ')
			break;
		g = k + 1;
	}
	return d;
}

/* "the Secretary of the Treasury", "the Director of National
 * Intelligence": a title of an office with its department, after "the"
 * and with no name after it, is the office, an actor (the office acts in
 * orders and letters). */
static void office(struct highlighter *h, const char *t, size_t s,
		   size_t p, size_t q)
{
	if (p < s + 4 || !hl_upper_at(t, q, p) ||
	    (memcmp(t + p - 4, "the ", 4) != 0 &&
	     memcmp(t + p - 4, "The ", 4) != 0) ||
	    memmem(t + p, q - p, " of ", 4) == NULL)
		return;
	hl_cand_add(h, p, q, hl_intern_name(h, t, p, q, "office"), CAT_ACTOR,
		    PRI_RULE);
}

/* Does the name [g, ne) end with a word of list tr: an organisation's
 * last word ("General Assembly", "Vantage Security Group"), a place's
 * ("Ben Gurion Airport")? */
static int ends_with(const struct trie *tr, const char *t, size_t g,
		     size_t ne)
{
	size_t lw = ne;
	uint32_t v;

	while (lw > g && t[lw - 1] != ' ')
		lw--;
	return trie_match(tr, t, ne, lw, &v) == ne;
}

/* A person after a title ending at q: "President Joe Biden", "Minister
 * for Foreign Affairs Penny Wong", "prime minister, Donald Tusk,". */
void hl_rule_person(struct highlighter *h, struct hl_state *st,
		    const char *t, size_t s, size_t e, size_t p, size_t q)
{
	size_t g, ms, ne;
	int comma = 0;

	/* "Minister for Foreign Affairs Penny Wong" */
	g = q = after_department(h, t, e, q);
	if (h->name_re == NULL || g + 1 >= e)
		return;
	if (!(t[g] == ' ' && hl_upper_at(t, e, g + 1)))
		office(h, t, s, p, q);
	if (t[g] == ',' && t[g + 1] == ' ') /* "prime minister, Donald Tusk," */
		comma = 1, g++;
	else if (t[g] != ' ')
		return;
	g++;
	if (!hl_upper_at(t, e, g) ||
	    !rx_find(h->name_re, h->md, t, e, g, PCRE2_ANCHORED, &ms, &ne))
		return;
	if (comma && (ne >= e || (t[ne] != ',' && t[ne] != '.') ||
		      !memchr(t + g, ' ', ne - g)))
		return; /* an aside of two words or more, closed by a comma
			 * or the sentence's end */
	ne = hl_before_possessive(t, g, ne);
	{
		uint32_t v;
		size_t tq = trie_match(h->titles, t, e, g, &v);

		if (tq && (tq >= ne || t[tq] == ' '))
			return;
	}
	/* a name does not run into an organisation ("President Biden
	 * Administration") nor end with one ("General Assembly") */
	{
		uint32_t v;

		if ((ne + 1 < e && t[ne] == ' ' &&
		     trie_match(h->suffixes, t, e, ne + 1, &v) != 0) ||
		    ends_with(h->suffixes, t, g, ne))
			return;
	}
	if (hl_is_word_in(h->not_names, t, g,
		       memchr(t + g, ' ', ne - g)
			       ? (size_t)((const char *)memchr(t + g, ' ',
								ne - g) -
					  t)
			       : ne))
		return;
	person_found(h, st, t, g, ne);
}

/* "…,” said Amina Saide, who walked": after a word of speaking, two or
 * three capitalised words the lexicon does not know, closed by a comma or
 * the sentence's end, are the person quoted. */
void hl_rule_speaker(struct highlighter *h, struct hl_state *st,
		     const char *t, size_t e, size_t q)
{
	size_t g = q + 1, ms, ne, sp;
	uint32_t v;

	if (h->name_re == NULL || q + 1 >= e || t[q] != ' ' ||
	    !hl_upper_at(t, e, g) ||
	    !rx_find(h->name_re, h->md, t, e, g, PCRE2_ANCHORED, &ms, &ne) ||
	    ne >= e || (t[ne] != ',' && t[ne] != '.'))
		return;
	if (memchr(t + g, ' ', ne - g) == NULL)
		return; /* one word: "said Reuters." */
	sp = (size_t)((const char *)memchr(t + g, ' ', ne - g) - t);
	if (hl_is_word_in(h->not_names, t, g, sp) ||
	    hl_is_word_in(h->openers, t, g, sp) ||
	    trie_match(h->titles, t, e, g, &v) != 0 ||
	    trie_match(h->aliases, t, e, g, &v) != 0)
		return;
	/* nor an organisation: "said Vantage Security Group." */
	if (ends_with(h->suffixes, t, g, ne))
		return;
	person_found(h, st, t, g, ne);
}

/* Is [ws, we) one word in capitals, dots, hyphens and apostrophes
 * ("KIRBY", "MR.", "O'BRIEN")? */
static int caps_word(const char *t, size_t ws, size_t we)
{
	size_t i;

	for (i = ws; i < we; i++)
		if (!((t[i] >= 'A' && t[i] <= 'Z') || t[i] == '.' ||
		      t[i] == '-' || t[i] == '\''))
			return 0;
	return we > ws;
}

/* The speaker's name read from a label word in capitals: "KIRBY" is the
 * person the article or the lexicon knows as "Kirby" ("John Kirby"),
 * else a person of that name. */
static uint32_t label_person(struct highlighter *h, struct hl_state *st,
			     const char *t, size_t ws, size_t we)
{
	char name[64];
	size_t i, n = we - ws;
	uint32_t v;

	if (n >= sizeof name)
		return ENTITY_NONE;
	for (i = 0; i < n; i++)
		name[i] = i > 0 && t[ws + i - 1] != '-' && t[ws + i - 1] != '\'' &&
				  t[ws + i] >= 'A' && t[ws + i] <= 'Z'
			  ? (char)(t[ws + i] + 32)
			  : t[ws + i];
	name[n] = 0;
	if (hl_learnt_at(st, name, n, 0, &v) == n ||
	    trie_match(h->aliases, name, n, 0, &v) == n) {
		const struct entity *en = entities_get(h->reg, v);

		return en->kind && strcmp(en->kind, "person") == 0
			       ? v
			       : ENTITY_NONE;
	}
	if (hl_is_word_in(h->titles, name, 0, n))
		return ENTITY_NONE; /* "THE PRESIDENT:" */
	return entities_intern(h->reg, name, n, CAT_ACTOR, "person", 1);
}

void hl_rule_label(struct highlighter *h, struct hl_state *st,
		   const char *t, size_t e, size_t p)
{
	size_t i = p, ws = p, we = p;
	int words = 0;
	uint32_t id;

	/* up to four words in capitals, then ':' */
	while (words < 4) {
		size_t b = i;

		while (i < e && t[i] != ' ' && t[i] != ':' && t[i] != '\n')
			i++;
		if (!caps_word(t, b, i))
			return;
		ws = b;
		we = i;
		words++;
		if (i < e && t[i] == ':')
			break;
		if (i >= e || t[i] != ' ')
			return;
		i++;
	}
	if (i >= e || t[i] != ':' || (we > ws && t[we - 1] == '.') ||
	    hl_is_word_in(h->label_roles, t, ws, we) ||
	    hl_is_word_in(h->label_roles, t, p, we))
		return;
	id = label_person(h, st, t, ws, we);
	if (id != ENTITY_NONE)
		hl_cand_add(h, ws, we, id, CAT_ACTOR, PRI_RULE);
}

/* Do the capitalised words from ne on (a space before each, three at
 * most) reach an organisation's or a place's last word ("George
 * Washington University", "James S. Brady Press Briefing Room")? */
static int runs_into(const struct highlighter *h, const char *t, size_t e,
		     size_t ne)
{
	size_t w = ne;
	int n;
	uint32_t v;

	for (n = 0; n < 3 && w + 1 < e && t[w] == ' ' &&
		    hl_upper_at(t, e, w + 1);
	     n++) {
		w++;
		if (trie_match(h->suffixes, t, e, w, &v) != 0 ||
		    trie_match(h->place_names, t, e, w, &v) != 0)
			return 1;
		while (w < e && t[w] != ' ' && t[w] != '\n')
			w++;
	}
	return 0;
}

/* "Go ahead, Selina.": one capitalised word at p after one of
 * address_leads and a comma, closed by '.', ',' or '?', that neither the
 * lexicon nor not_names knows, is a person called on. */
void hl_rule_called_on(struct highlighter *h, const char *t, size_t s,
		       size_t e, size_t p)
{
	size_t q = p, b, ws, we;
	uint32_t v;

	while (q < e && ((t[q] >= 'a' && t[q] <= 'z') ||
			 (t[q] >= 'A' && t[q] <= 'Z')))
		q++;
	if (q - p < 3 || q + 1 > e || (t[q] != '.' && t[q] != ',' &&
				       t[q] != '?') ||
	    (q + 1 < e && t[q + 1] != ' ' && t[q + 1] != '\n') ||
	    p < s + 4 || t[p - 1] != ' ' || t[p - 2] != ',' ||
	    hl_is_word_in(h->not_names, t, p, q) ||
	    hl_is_word_in(h->openers, t, p, q) ||
	    trie_match(h->aliases, t, e, p, &v) != 0 ||
	    trie_match(h->titles, t, e, p, &v) != 0)
		return;
	b = p - 2; /* the lead ends at the comma: one word or two */
	ws = char_word_start(t, s, b);
	if (ws == b)
		return;
	if (!hl_is_word_in(h->address_leads, t, ws, b) &&
	    !(hl_word_before(t, s, ws, &ws, &we) &&
	      hl_is_word_in(h->address_leads, t, ws, b)))
		return;
	if (ws > s && t[ws - 1] != ' ' && t[ws - 1] != '\n')
		return;
	hl_cand_add(h, p, q, hl_intern_name(h, t, p, q, "person"), CAT_ACTOR,
		    PRI_RULE);
}

/* Is the given name [p, q) the reporter a moderator calls on, "to" before
 * it and "with" or "from" and the outlet after it ("will go to Molly
 * with ABC", "goes to Steve from Reuters")? */
static int called_with_outlet(const char *t, size_t s, size_t e, size_t p,
			      size_t q)
{
	return p >= s + 3 && memcmp(t + p - 3, "to ", 3) == 0 &&
	       (p == s + 3 || t[p - 4] == ' ') && q + 6 < e &&
	       (memcmp(t + q, " with ", 6) == 0 ||
		memcmp(t + q, " from ", 6) == 0);
}

/* Is the given name [p, q) the one addressed: after a comma or at a
 * sentence's start, before a comma or the sentence's end ("Thanks,
 * Sean.", "Phil, you should", "No, David.")? */
static int addressed(const char *t, size_t s, size_t e, size_t p, size_t q)
{
	int before;

	if (called_with_outlet(t, s, e, p, q))
		return 1;
	before = p == s || t[p - 1] == '\n' ||
		     (p >= s + 2 && t[p - 1] == ' ' &&
		      (t[p - 2] == ',' || t[p - 2] == '.' || t[p - 2] == '?' ||
		       t[p - 2] == '!'));

	return before && q < e &&
	       (t[q] == ',' || t[q] == '.' || t[q] == '?' || t[q] == '!') &&
	       (q + 1 >= e || t[q + 1] == ' ' || t[q + 1] == '\n');
}

void hl_rule_given(struct highlighter *h, struct hl_state *st,
		   const char *t, size_t s, size_t e, size_t p)
{
	size_t q, ms, ne, sp;
	uint32_t v;

	if (h->name_re == NULL)
		return;
	if ((q = trie_match(h->given, t, e, p, &v)) == 0) {
		hl_rule_called_on(h, t, s, e, p);
		return;
	}
	if (trie_match(h->aliases, t, e, p, &v) >= q)
		return; /* "Jordan", "Georgia": the lexicon's */
	if (q + 1 < e && t[q] == ' ' && hl_upper_at(t, e, q + 1)) {
		if (!rx_find(h->name_re, h->md, t, e, p, PCRE2_ANCHORED, &ms,
			     &ne) ||
		    ne <= q + 1)
			return;
		ne = hl_before_possessive(t, p, ne);
		sp = q + 1;
		/* the surname is no state nor organisation ("Victoria
		 * Nuland" is a person, "Paul Tower" ...), and the name runs
		 * into no organisation or place ("George Washington
		 * University", "Kennedy Airport") */
		if (ne <= sp || hl_is_word_in(h->not_names, t, sp, ne) ||
		    (trie_match(h->aliases, t, e, sp, &v) != 0 &&
		     (entities_get(h->reg, v)->kind == NULL ||
		      strcmp(entities_get(h->reg, v)->kind, "person") != 0)) ||
		    ends_with(h->suffixes, t, p, ne) ||
		    ends_with(h->place_names, t, p, ne) ||
		    runs_into(h, t, e, ne))
			return;
		person_found(h, st, t, p, ne);
		hl_state_add(st, t + p, q - p,
			     h->c[h->nc - 1].entity); /* "Phil" again */
		return;
	}
	if (addressed(t, s, e, p, q))
		hl_cand_add(h, p, q, hl_intern_name(h, t, p, q, "person"),
			    CAT_ACTOR, PRI_RULE);
}
