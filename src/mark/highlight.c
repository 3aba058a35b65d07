/* highlight: candidates from every matcher, longest match wins. */
#include "brief/mark/highlight.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include "brief/base/rx.h"
#include "brief/yaml/rx_node.h"
#include "brief/base/trie.h"
#include "brief/base/utf8.h"
#include "brief/yaml/yamlio.h"

/* Priorities on equal length: the lexicon first, then rules, then
 * figures. */
/* ties of length: an acronym the article defines, then the lexicon */
enum { PRI_DEFINED, PRI_LEXICON, PRI_RULE, PRI_FIGURE };

/* A candidate is small, for sorting: a figure's reading waits in
 * cfigs, at index fig. */
struct cand {
	uint32_t start, end;
	uint32_t entity;
	uint32_t fig;
	uint8_t cat, pri;
};

/* What a word's key (trie_key) tells: the matchers that may start
 * there, and the aliases' trie nodes after the key's bytes. */
struct keyslot {
	uint64_t key;             /* 0 = empty */
	uint32_t exact_node;      /* after raw, among the exact aliases */
	uint32_t fold_node;       /* after the key, among the folded */
	uint32_t raw;             /* the exact aliases' bytes for the key */
	unsigned char mask;       /* PM_* */
	unsigned char exact_mixed; /* exact aliases differ in case there */
};

struct highlighter {
	struct lexicon *lx;
	struct entities *reg;
	struct trie *titles;      /* words before a person's name */
	pcre2_code *name_re;      /* the name after a title (anchored) */
	pcre2_code *designation_re; /* "KF-21": names the weapon after it */
	struct trie *suffixes;    /* last words of organisation names */
	struct trie *heads;       /* first words: "Ministry of ..." */
	struct trie *joiners;     /* "of", "and" inside names */
	struct trie *openers;     /* sentence words, not part of names */
	struct trie *inner;       /* joiners inside a name before a suffix */
	struct trie *institutions; /* "navy", "air force" after a state */
	int max_words;
	int acronyms;
	struct trie *not_names;
	struct trie *departments; /* "Minister for Foreign Affairs ..." */
	struct trie *place_words; /* "in", "at": a place follows */
	struct trie *acronym_joiners; /* "in": inside a long form */
	struct trie *ship_classes; /* "destroyer": a ship's name may follow */
	struct trie *speakers;    /* "said": a quoted person's name follows */
	struct trie *place_names; /* "Square": a name before it is a place's */
	struct trie *aside_stops; /* "in which": no title's aside after it */
	struct trie *weapon_words; /* "System": a long form that is a weapon */
	struct figrules *fig;
	struct keyslot *keymap;   /* word key -> which matchers (PM_*) */
	size_t kslots;
	pcre2_match_data *md;
	struct cand *c;
	size_t nc, ccap;
	struct figure *cfigs;
	size_t ncfigs, cfigcap;
	unsigned char *taken;
	size_t taken_cap;
};

/* What an article has taught the highlighter: surnames and full names of
 * titled persons, acronyms defined in its text. */
struct hl_state {
	struct trie *learnt;
	uint64_t *keys;           /* trie_key of every learnt entry: a set,
				   * asked first at each word */
	size_t nkeys, kslots;
};

struct hl_state *hl_state_new(void)
{
	struct hl_state *st = xcalloc(1, sizeof *st);

	st->learnt = trie_new();
	return st;
}

void hl_state_free(struct hl_state *st)
{
	if (st == NULL)
		return;
	trie_free(st->learnt);
	free(st->keys);
	free(st);
}

/* Where a word key's slot search begins in a table of slots (a power
 * of two). */
static size_t key_hash(uint64_t key, size_t slots)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) & (slots - 1);
}

static size_t learnt_slot(const struct hl_state *st, uint64_t key)
{
	size_t i = key_hash(key, st->kslots);

	while (st->keys[i] && st->keys[i] != key)
		i = (i + 1) & (st->kslots - 1);
	return i;
}

/* May a learnt entry start at a word with this key? */
static int learnt_may(const struct hl_state *st, uint64_t key)
{
	return st->nkeys && st->keys[learnt_slot(st, key)] == key;
}

static void state_add(struct hl_state *st, const char *s, size_t n,
		      uint32_t entity)
{
	uint64_t key;

	if (!trie_add(st->learnt, s, n, entity, 0))
		return;
	key = trie_key(s, n, 0);
	if ((st->nkeys + 1) * 2 > st->kslots) {
		uint64_t *old = st->keys;
		size_t i, oslots = st->kslots;

		st->kslots = oslots ? oslots * 2 : 64;
		st->keys = xcalloc(st->kslots, sizeof *st->keys);
		for (i = 0; i < oslots; i++)
			if (old[i])
				st->keys[learnt_slot(st, old[i])] = old[i];
		free(old);
	}
	if (st->keys[learnt_slot(st, key)] != key) {
		st->keys[learnt_slot(st, key)] = key;
		st->nkeys++;
	}
}

static int word_list_as(const char *name, const struct ynode *l,
			const char *key, struct trie *t, int fold,
			struct err *e);

static int word_list(const char *name, const struct ynode *l,
		     const char *key, struct trie *t, struct err *e)
{
	return word_list_as(name, l, key, t, 0, e);
}

static int word_list_as(const char *name, const struct ynode *l,
			const char *key, struct trie *t, int fold,
			struct err *e)
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
		trie_add(t, l->kids[i]->str, l->kids[i]->len, 0, fold);
	}
	return 0;
}

static int load_rules(struct highlighter *h, const char *name,
		      const struct ynode *root, struct err *e)
{
	const struct ynode *pe = ynode_get(root, "persons"),
			   *org = ynode_get(root, "organisations"),
			   *ac = ynode_get(root, "acronyms"), *mw;

	if ((pe && pe->type != YNODE_MAP) || (org && org->type != YNODE_MAP)) {
		ynode_err(e, name, pe && pe->type != YNODE_MAP ? pe : org,
			  "'persons' and 'organisations' must be mappings");
		return -1;
	}
	if (word_list(name, ynode_get(pe, "titles"), "titles", h->titles,
		      e) != 0 ||
	    word_list(name, ynode_get(org, "suffixes"), "suffixes",
		      h->suffixes, e) != 0 ||
	    word_list(name, ynode_get(org, "heads"), "heads", h->heads, e) !=
		    0 ||
	    word_list(name, ynode_get(org, "joiners"), "joiners", h->joiners,
		      e) != 0 ||
	    word_list(name, ynode_get(org, "openers"), "openers", h->openers,
		      e) != 0 ||
	    word_list(name, ynode_get(org, "inner"), "inner", h->inner, e) !=
		    0 ||
	    word_list_as(name, ynode_get(org, "institutions"), "institutions",
			 h->institutions, 1, e) != 0 ||
	    word_list(name, ynode_get(root, "not_names"), "not_names",
		      h->not_names, e) != 0 ||
	    word_list_as(name, ynode_get(root, "place_words"), "place_words",
			 h->place_words, 1, e) != 0 ||
	    word_list(name, ynode_get(pe, "departments"), "departments",
		      h->departments, e) != 0 ||
	    word_list(name, ynode_get(root, "acronym_joiners"),
		      "acronym_joiners", h->acronym_joiners, e) != 0 ||
	    word_list_as(name, ynode_get(root, "ship_classes"), "ship_classes",
			 h->ship_classes, 1, e) != 0 ||
	    word_list_as(name, ynode_get(pe, "speakers"), "speakers",
			 h->speakers, 0, e) != 0 ||
	    word_list_as(name, ynode_get(root, "place_names"), "place_names",
			 h->place_names, 0, e) != 0 ||
	    word_list_as(name, ynode_get(pe, "aside_stops"), "aside_stops",
			 h->aside_stops, 1, e) != 0 ||
	    word_list_as(name, ynode_get(root, "acronym_weapons"),
			 "acronym_weapons", h->weapon_words, 0, e) != 0)
		return -1;
	if (ynode_get(pe, "name")) {
		h->name_re = rx_compile_node(name, ynode_get(pe, "name"),
					     PCRE2_ANCHORED, e);
		if (h->name_re == NULL)
			return -1;
	}
	if (ynode_get(root, "designation")) {
		h->designation_re = rx_compile_node(
			name, ynode_get(root, "designation"), PCRE2_ANCHORED, e);
		if (h->designation_re == NULL)
			return -1;
	}
	h->max_words = 5;
	mw = ynode_get(org, "max_words");
	if (mw) {
		if (mw->type != YNODE_SCALAR || atoi(mw->str) < 1 ||
		    atoi(mw->str) > 12) {
			ynode_err(e, name, mw, "max_words must be 1 to 12");
			return -1;
		}
		h->max_words = atoi(mw->str);
	}
	h->acronyms = ac && ac->type == YNODE_SCALAR &&
		      strcmp(ac->str, "true") == 0;
	return 0;
}

char *highlighter_default_rules(void)
{
	char *user = xdg_path("config", "highlight.yaml");

	if (access(user, F_OK) == 0)
		return user;
	free(user);
	return xasprintf("%s/highlight.yaml", datadir());
}

/* Which matchers a word starting with bytes (a, b) may concern: one
 * table lookup per word instead of one per matcher. */
enum {
	PM_ALIAS = 1,
	PM_TITLE = 2,
	PM_SUFFIX = 4,
	PM_HEAD = 8,
	PM_FIGURE = 16,
	PM_ALIAS_FOLDED = 32,
	PM_SPEAKER = 64
};

static size_t key_slot(const struct highlighter *h, uint64_t key)
{
	size_t i = key_hash(key, h->kslots);

	while (h->keymap[i].key && h->keymap[i].key != key)
		i = (i + 1) & (h->kslots - 1);
	return i;
}

/* One lookup per word: which matchers may start at a word with this
 * key, and where the aliases' walks go on after it. */
static void build_keymap(struct highlighter *h)
{
	const struct trie *tries[6] = {h->lx->aliases, h->titles, h->suffixes,
				       h->heads, figrules_starters(h->fig),
				       h->speakers};
	const uint32_t *raw = trie_raw_keys(h->lx->aliases);
	size_t k, i, n, total = 0;
	int fold;

	for (k = 0; k < 6; k++)
		for (fold = 0; fold < 2; fold++) {
			trie_keys(tries[k], fold, &n);
			total += n;
		}
	h->kslots = 64;
	while (h->kslots < total * 2)
		h->kslots *= 2;
	h->keymap = xcalloc(h->kslots, sizeof *h->keymap);
	for (k = 0; k < 6; k++)
		for (fold = 0; fold < 2; fold++) {
			const uint64_t *keys = trie_keys(tries[k], fold, &n);
			/* the aliases' two kinds apart: one walk, not two */
			unsigned bit = k == 0 && fold ? PM_ALIAS_FOLDED
				       : k == 5	      ? PM_SPEAKER
						      : 1u << k;

			for (i = 0; i < n; i++) {
				struct keyslot *ks =
					&h->keymap[key_slot(h, keys[i])];
				size_t kn = (size_t)(keys[i] >> 32) - 1;

				ks->key = keys[i];
				ks->mask |= (unsigned char)bit;
				if (k != 0)
					continue;
				if (fold) {
					ks->fold_node = trie_node_after(
						tries[0], 1, (uint32_t)keys[i],
						kn);
				} else if (!ks->exact_mixed &&
					   ks->exact_node == 0) {
					ks->raw = raw[i];
					ks->exact_node = trie_node_after(
						tries[0], 0, raw[i], kn);
				} else if (ks->raw != raw[i]) {
					/* "US" and "Us": walk from the root */
					ks->exact_mixed = 1;
				}
			}
		}
}

/* The aliases that start at word p, whose key is ks: the longest, from
 * the nodes its key leads to (the exact ones only when the word's bytes
 * are theirs). */
static size_t alias_at(const struct highlighter *h, const struct keyslot *ks,
		       const char *t, size_t e, size_t p, uint32_t *v)
{
	size_t kn = (size_t)(ks->key >> 32) - 1, x = 0, f = 0;
	uint32_t vx = 0, vf = 0;

	if (ks->mask & PM_ALIAS) {
		if (ks->exact_mixed)
			x = trie_match_in(h->lx->aliases, t, e, p, TRIE_EXACT,
					  &vx);
		else if (ks->exact_node && trie_raw(t + p, kn + 1) == ks->raw)
			x = trie_match_from(h->lx->aliases, 0, ks->exact_node,
					    t, e, p + kn, &vx);
	}
	if ((ks->mask & PM_ALIAS_FOLDED) && ks->fold_node)
		f = trie_match_from(h->lx->aliases, 1, ks->fold_node, t, e,
				    p + kn, &vf);
	if (f > x) {
		*v = vf;
		return f;
	}
	if (x)
		*v = vx;
	return x;
}

struct highlighter *highlighter_new(struct lexicon *lx, const char *rules,
				    struct err *e)
{
	struct highlighter *h = xcalloc(1, sizeof *h);
	struct ynode *root;
	int ok;

	h->lx = lx;
	h->reg = lx->reg;
	h->md = pcre2_match_data_create(16, NULL);
	h->titles = trie_new();
	h->suffixes = trie_new();
	h->heads = trie_new();
	h->joiners = trie_new();
	h->openers = trie_new();
	h->inner = trie_new();
	h->institutions = trie_new();
	h->not_names = trie_new();
	h->place_words = trie_new();
	h->departments = trie_new();
	h->acronym_joiners = trie_new();
	h->ship_classes = trie_new();
	h->speakers = trie_new();
	h->place_names = trie_new();
	h->aside_stops = trie_new();
	h->weapon_words = trie_new();
	root = yamlio_parse_file(rules, &ok, e);
	if (!ok)
		goto fail;
	if (root == NULL || root->type != YNODE_MAP) {
		ynode_err(e, rules, root, "the rules file must be a mapping");
		goto fail_root;
	}
	if (load_rules(h, rules, root, e) != 0)
		goto fail_root;
	h->fig = figrules_load(root, rules, e);
	if (h->fig == NULL)
		goto fail_root;
	ynode_free(root);
	build_keymap(h);
	return h;
fail_root:
	ynode_free(root);
fail:
	highlighter_free(h);
	return NULL;
}

void highlighter_free(struct highlighter *h)
{
	if (h == NULL)
		return;
	trie_free(h->titles);
	trie_free(h->suffixes);
	trie_free(h->heads);
	trie_free(h->joiners);
	trie_free(h->openers);
	trie_free(h->inner);
	trie_free(h->institutions);
	trie_free(h->not_names);
	trie_free(h->place_words);
	trie_free(h->departments);
	trie_free(h->acronym_joiners);
	trie_free(h->ship_classes);
	trie_free(h->speakers);
	trie_free(h->place_names);
	trie_free(h->aside_stops);
	trie_free(h->weapon_words);
	rx_free(h->name_re);
	rx_free(h->designation_re);
	figrules_free(h->fig);
	free(h->keymap);
	pcre2_match_data_free(h->md);
	free(h->c);
	free(h->cfigs);
	free(h->taken);
	free(h);
}


static struct cand *cand_add(struct highlighter *h, size_t s, size_t e,
			     uint32_t entity, int cat, int pri)
{
	struct cand *c;

	h->c = xgrow(h->c, &h->ccap, h->nc + 1, sizeof *h->c);
	c = &h->c[h->nc++];
	c->start = (uint32_t)s;
	c->end = (uint32_t)e;
	c->entity = entity;
	c->fig = 0;
	c->cat = (uint8_t)cat;
	c->pri = (uint8_t)pri;
	return c;
}

/* The lexicon entity whose alias is exactly text[s, e), or NONE. */
static uint32_t lexicon_exact(const struct highlighter *h, const char *t,
			      size_t s, size_t e)
{
	uint32_t v;

	if (trie_match(h->lx->aliases, t, e, s, &v) == e)
		return v;
	return ENTITY_NONE;
}

/* Intern a rule-found name, collapsing white space; a leading "the" is
 * dropped. */
static uint32_t intern_as(struct highlighter *h, const char *t, size_t s,
			  size_t e, enum category cat, const char *kind);

static uint32_t intern_name(struct highlighter *h, const char *t, size_t s,
			    size_t e, const char *kind)
{
	return intern_as(h, t, s, e, CAT_ACTOR, kind);
}

/* A designation pattern matched [s, e): its entity, or (each_match) an
 * entity of its own named by the text, of the same category and kind. */
static void pattern_found(struct highlighter *h, struct hl_state *st,
			  const char *t, size_t s, size_t e, uint32_t v,
			  int each)
{
	const struct entity *en = entities_get(h->reg, v);
	enum category cat = en->cat;
	const char *kind = en->kind; /* en may move when a name is interned */
	size_t k;

	if (each)
		v = intern_as(h, t, s, e, cat, kind);
	cand_add(h, s, e, v, cat, PRI_LEXICON);
	/* a ship named again by its last word: "the USS Mason" ... "the
	 * Mason" */
	if (each && kind != NULL && strcmp(kind, "ship") == 0) {
		for (k = e; k > s && t[k - 1] != ' '; k--)
			;
		if (k > s && e - k >= 3 && t[k] >= 'A' && t[k] <= 'Z' &&
		    t[e - 1] != '.')
			state_add(st, t + k, e - k, v);
	}
}

static uint32_t intern_as(struct highlighter *h, const char *t, size_t s,
			  size_t e, enum category cat, const char *kind)
{
	struct buf b = {0};
	uint32_t id;
	size_t i;
	int sp = 0;

	if (e - s > 4 && (memcmp(t + s, "The ", 4) == 0 ||
			  memcmp(t + s, "the ", 4) == 0))
		s += 4;
	for (i = s; i < e; i++) {
		char c = t[i];

		if (c == ' ' || c == '\n' || c == '\t') {
			sp = 1;
			continue;
		}
		if (sp && b.len)
			buf_addc(&b, ' ');
		sp = 0;
		/* curly apostrophes read as straight ones in names */
		if ((unsigned char)c == 0xE2 && i + 2 < e &&
		    (unsigned char)t[i + 1] == 0x80 &&
		    (unsigned char)t[i + 2] == 0x99) {
			buf_addc(&b, '\'');
			i += 2;
			continue;
		}
		buf_addc(&b, c);
	}
	id = entities_intern(h->reg, b.data ? b.data : "", b.len, cat, kind,
			     1);
	buf_free(&b);
	return id;
}

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

static int upper_at(const char *t, size_t len, size_t p)
{
	uint32_t cp;

	if (p >= len)
		return 0;
	if ((unsigned char)t[p] < 0x80)
		return t[p] >= 'A' && t[p] <= 'Z';
	utf8_decode(t + p, len - p, &cp);
	return iswupper((wint_t)cp) != 0;
}

/* The word that ends just before the single space (or line break) before
 * pos: [*ws, *we).  0 when there is none. */
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

static int word_before(const char *t, size_t s, size_t pos, size_t *ws,
		       size_t *we)
{
	size_t p = pos;

	if (p <= s || (t[p - 1] != ' ' && t[p - 1] != '\n'))
		return 0;
	p--;
	*we = p;
	while (p > s && (trie_word_before(t, p) || t[p - 1] == '-' ||
			 t[p - 1] == '.' || t[p - 1] == '\'' ||
			 ((unsigned char)t[p - 1] == 0x99 && p >= s + 3 &&
			  (unsigned char)t[p - 3] == 0xE2))) {
		if ((unsigned char)t[p - 1] == 0x99 &&
		    (unsigned char)t[p - 3] == 0xE2)
			p -= 3;
		else
			p--;
		while (p > s && ((unsigned char)t[p] & 0xC0) == 0x80)
			p--; /* a whole character: "Mendonça" */
	}
	*ws = p;
	return *ws < *we;
}

static int is_word_in(const struct trie *tr, const char *t, size_t ws,
		      size_t we)
{
	uint32_t v;

	return trie_match(tr, t, we, ws, &v) == we;
}

/* A person after a title ending at q: the name, its entity, and what the
 * article learns from it (full name and surname). */
static void person_found(struct highlighter *h, struct hl_state *st,
			 const char *t, size_t g, size_t ne);

/* "Andriy Yusov, a spokesman for …": a capitalised name of two or three
 * words before ", a TITLE" or ", the TITLE". */
static void rule_apposition(struct highlighter *h, struct hl_state *st,
			    const char *t, size_t s, size_t p)
{
	size_t b = p, w, ws, we, first;
	int words = 1, between = 0;

	/* up to three words between the article and the title: "Tom
	 * Fletcher, the U.N. humanitarian chief" */
	while (between < 3 && b >= s + 6 &&
	       !(memcmp(t + b - 3, " a ", 3) == 0 ||
		 memcmp(t + b - 4, " an ", 4) == 0 ||
		 memcmp(t + b - 5, " the ", 5) == 0) &&
	       word_before(t, s, b, &ws, &we) && we + 1 == b &&
	       t[we] == ' ' && ws >= s + 2 && t[ws - 1] == ' ' &&
	       t[ws - 2] != ',') {
		b = ws;
		between++;
	}
	/* the first word after the comma: "Daniel Reyes, assistant
	 * director", "Uhuru Kenyatta, Kenya’s former president" */
	if (word_before(t, s, b, &ws, &we) && we + 1 == b && ws >= s + 2 &&
	    t[ws - 1] == ' ' && t[ws - 2] == ',' &&
	    !is_word_in(h->aside_stops, t, ws, we))
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
	b--; /* the name ends at the comma */
	w = char_word_start(t, s, b);
	if (w == b || !upper_at(t, b, w))
		return;
	first = w;
	while (words < 3 && word_before(t, s, first, &ws, &we) &&
	       upper_at(t, we, ws) && !is_word_in(h->not_names, t, ws, we) &&
	       !is_word_in(h->openers, t, ws, we) &&
	       !is_word_in(h->titles, t, ws, we) &&
	       !(t[we - 1] == '.' && we - ws > 2)) { /* a sentence's end,
							* not an initial */
		first = ws;
		words++;
	}
	if (words < 2)
		return;
	/* "North Korea, the leader of ...": a state, not a person */
	{
		uint32_t id = lexicon_exact(h, t, first, b);
		const struct entity *en =
			id == ENTITY_NONE ? NULL : entities_get(h->reg, id);

		if (en && (en->kind == NULL || strcmp(en->kind, "person") != 0))
			return;
	}
	person_found(h, st, t, first, b);
}

/* A name ends with a possessive word: "President Joe Biden's Meeting"
 * (a headline's capitals) names Joe Biden.  The end of [g, ne) before
 * the first "'s" or "’s" that ends a word. */
/* The length of a possessive "'s" or "’s" at t[p] that ends a word
 * (before e, or before a character that is not a letter or digit), or
 * 0: the one test of a possessive the rules share. */
static size_t possessive_len(const char *t, size_t e, size_t p)
{
	size_t n;

	if (p + 2 <= e && t[p] == '\'' && t[p + 1] == 's')
		n = 2;
	else if (p + 4 <= e && memcmp(t + p, "\xE2\x80\x99s", 4) == 0)
		n = 4;
	else
		return 0;
	return p + n == e || !trie_word_at(t, e, p + n) ? n : 0;
}

static size_t before_possessive(const char *t, size_t g, size_t ne)
{
	size_t k, n;

	for (k = g + 1; k < ne; k++)
		if ((n = possessive_len(t, ne, k)) != 0 &&
		    (k + n == ne || t[k + n] == ' '))
			return k;
	return ne;
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

/* Does the name [g, ne) end with an organisation's last word ("General
 * Assembly", "Vantage Security Group")? */
static int ends_with_suffix(const struct highlighter *h, const char *t,
			    size_t g, size_t ne)
{
	size_t lw = ne;
	uint32_t v;

	while (lw > g && t[lw - 1] != ' ')
		lw--;
	return trie_match(h->suffixes, t, ne, lw, &v) == ne;
}

static void rule_person(struct highlighter *h, struct hl_state *st,
			const char *t, size_t e, size_t q)
{
	size_t g, ms, ne;
	int comma = 0;

	/* "Minister for Foreign Affairs Penny Wong" */
	g = q = after_department(h, t, e, q);
	if (h->name_re == NULL || g + 1 >= e)
		return;
	if (t[g] == ',' && t[g + 1] == ' ') /* "prime minister, Donald Tusk," */
		comma = 1, g++;
	else if (t[g] != ' ')
		return;
	g++;
	if (!upper_at(t, e, g) ||
	    !rx_find(h->name_re, h->md, t, e, g, PCRE2_ANCHORED, &ms, &ne))
		return;
	if (comma && (ne >= e || (t[ne] != ',' && t[ne] != '.') ||
		      !memchr(t + g, ' ', ne - g)))
		return; /* an aside of two words or more, closed by a comma
			 * or the sentence's end */
	ne = before_possessive(t, g, ne);
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
		    ends_with_suffix(h, t, g, ne))
			return;
	}
	if (is_word_in(h->not_names, t, g,
		       memchr(t + g, ' ', ne - g)
			       ? (size_t)((const char *)memchr(t + g, ' ',
								ne - g) -
					  t)
			       : ne))
		return;
	person_found(h, st, t, g, ne);
}

/* A person's name at [g, ne): its entity, and what the article learns
 * from it (the full name and the surname). */
static void person_found(struct highlighter *h, struct hl_state *st,
			 const char *t, size_t g, size_t ne)
{
	size_t ss, se, ls, le;
	uint32_t id;

	id = lexicon_exact(h, t, g, ne);
	if (id == ENTITY_NONE)
		id = intern_name(h, t, g, ne, "person");
	cand_add(h, g, ne, id, CAT_ACTOR, PRI_RULE);
	state_add(st, t + g, ne - g, id);
	surname(t, g, ne, &ss, &se, &ls, &le);
	if (se > ss && lexicon_exact(h, t, ss, se) == ENTITY_NONE &&
	    !is_word_in(h->not_names, t, ss, se))
		state_add(st, t + ss, se - ss, id);
	if (le > ls && lexicon_exact(h, t, ls, le) == ENTITY_NONE &&
	    !is_word_in(h->not_names, t, ls, le))
		state_add(st, t + ls, le - ls, id);
}

/* The length of a possessive "'s" or "’s" at t[p], before a space; 0 when
 * there is none. */
static size_t possessive_at(const char *t, size_t e, size_t p)
{
	size_t n = possessive_len(t, e, p);

	return n && p + n < e && t[p + n] == ' ' ? n : 0;
}

/* An organisation whose last word (a suffix) spans [p, q): capitalised
 * words before it, joiners allowed between them. */
/* Does the word [ws, we) end with "'s" or "’s"? */
static int ends_possessive(const char *t, size_t ws, size_t we)
{
	return (we >= ws + 3 && possessive_len(t, we, we - 2) == 2) ||
	       (we >= ws + 5 && possessive_len(t, we, we - 4) == 4);
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
		    upper_at(t, we, ws))
			return 1;
	return 0;
}

static void rule_org_suffix(struct highlighter *h, const char *t, size_t s,
			    size_t e, size_t p, size_t q)
{
	size_t pos = p, ws, we, first_cap = p;
	int words = 0;
	uint32_t id, v;

	/* "Coalition Strikes": the suffix is not the name's last word */
	if (q + 1 < e && t[q] == ' ' && upper_at(t, e, q + 1))
		return;
	while (words < h->max_words && word_before(t, s, pos, &ws, &we)) {
		if (ends_possessive(t, ws, we) || not_in_name(t, ws, we))
			break; /* "Armenia's Defense Ministry" */
		if (upper_at(t, we, ws)) {
			if (is_word_in(h->openers, t, ws, we) ||
			    trie_match(h->titles, t, we, ws, &v) == we)
				break;
			first_cap = ws;
		} else if (words == 0 || !is_word_in(h->inner, t, ws, we)) {
			break;
		}
		pos = ws;
		words++;
	}
	if (first_cap >= p)
		return;
	/* "Iran's Islamic Revolutionary Guard Corps": after a possessive,
	 * a name the lexicon knows is that entity, not a new one */
	for (pos = first_cap; pos + 3 < p; pos++) {
		size_t k = possessive_at(t, p, pos), y = pos + k + 1;

		if (k && trie_match(h->lx->aliases, t, q, y, &v) == q &&
		    memchr(t + y, ' ', q - y) != NULL)
			return;
	}
	id = lexicon_exact(h, t, first_cap, q);
	if (id == ENTITY_NONE)
		id = intern_name(h, t, first_cap, q, "organisation");
	cand_add(h, first_cap, q, id, CAT_ACTOR, PRI_RULE);
}

/* May the capitalised word [ws, we) open an organisation's name before
 * its head word?  Not a sentence's opener, a title, a possessive, nor a
 * word ending in a full stop. */
static int may_open_name(const struct highlighter *h, const char *t,
			 size_t ws, size_t we)
{
	return upper_at(t, we, ws) && !ends_possessive(t, ws, we) &&
	       !not_in_name(t, ws, we) && t[we - 1] != '.' &&
	       !is_word_in(h->openers, t, ws, we) &&
	       !is_word_in(h->not_names, t, ws, we) &&
	       !is_word_in(h->titles, t, ws, we);
}

/* "Ministry of National Defense": a head word, "of", capitalised words. */
static void rule_org_head(struct highlighter *h, const char *t, size_t s,
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
		if (upper_at(t, e, ws)) {
			/* "the Council on December 1": a date, no name */
			if (figrules_month_at(h->fig, t, e, ws) != 0)
				break;
			caps++;
			end = we;
		} else if (!is_word_in(h->joiners, t, ws, we) ||
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
	for (words = 0; words < 2 && word_before(t, s, p, &ws, &we) &&
			may_open_name(h, t, ws, we);
	     words++)
		p = ws;
	id = lexicon_exact(h, t, p, end);
	if (id == ENTITY_NONE)
		id = intern_name(h, t, p, end, "organisation");
	cand_add(h, p, end, id, CAT_ACTOR, PRI_RULE);
}

/* "(NCG)" at p after "Nuclear Consultative Group". */
static void rule_acronym(struct highlighter *h, struct hl_state *st,
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
	while (words < 8 && word_before(t, s, pos, &ws, &we)) {
		if (words == 0)
			long_e = we;
		if (upper_at(t, we, ws)) {
			if (t[ws] == t[as])
				long_s = ws;
		} else if (!is_word_in(h->joiners, t, ws, we) &&
			   !is_word_in(h->acronym_joiners, t, ws, we)) {
			break;
		}
		pos = ws;
		words++;
	}
	if (long_s == 0 && long_e && t[s] == t[as] && upper_at(t, e, s))
		long_s = s;
	if (long_s == 0 || long_e <= long_s ||
	    memchr(t + long_s, ' ', long_e - long_s) == NULL) {
		/* "National Liberation Army (ELN)": initials of another
		 * language; the organisation just before names it */
		for (i = h->nc; long_e && i-- > 0;)
			if (h->c[i].end == long_e && h->c[i].cat == CAT_ACTOR &&
			    h->c[i].entity != ENTITY_NONE) {
				cand_add(h, as, ae, h->c[i].entity, CAT_ACTOR,
					 PRI_RULE);
				state_add(st, t + as, ae - as, h->c[i].entity);
				break;
			}
		return;
	}
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
		id = lexicon_exact(h, t, long_s, long_e);
	if (id == ENTITY_NONE)
		id = lexicon_exact(h, t, as, ae);
	if (id == ENTITY_NONE) {
		/* "Navy-Marine Expeditionary Ship Interdiction System
		 * (NMESIS)": a weapon by its last word */
		for (ws = long_e; ws > long_s && t[ws - 1] != ' '; ws--)
			;
		if (is_word_in(h->weapon_words, t, ws, long_e)) {
			cat = CAT_WEAPON;
			id = intern_as(h, t, long_s, long_e, CAT_WEAPON,
				       "weapon");
		} else {
			id = intern_name(h, t, long_s, long_e, "organisation");
		}
	} else {
		cat = entities_get(h->reg, id)->cat;
	}
	cand_add(h, long_s, long_e, id, cat, PRI_RULE);
	cand_add(h, as, ae, id, cat, PRI_RULE);
	state_add(st, t + as, ae - as, id);
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	size_t lx = x->end - x->start, ly = y->end - y->start;

	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (x->pri != y->pri)
		return x->pri < y->pri ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

static int ment_cmp(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* What a figure counts: the entity that ends its counted phrase, else the
 * phrase's head word in lower case, else a name for its kind. */
static uint32_t counts_entity(struct highlighter *h, const char *t,
			      const struct figure *f, const struct mention *m,
			      size_t nm)
{
	const char *k;
	size_t i, hs;
	char word[64];
	size_t n = 0;

	if (f->counts_end > f->counts_start) {
		for (i = 0; i < nm; i++)
			if (m[i].end == f->counts_end &&
			    m[i].start >= f->counts_start &&
			    m[i].cat == CAT_WEAPON)
				return entities_intern(
					h->reg,
					entities_get(h->reg, m[i].entity)->name,
					strlen(entities_get(h->reg, m[i].entity)
						       ->name),
					CAT_FIGURE, NULL, 1);
		hs = f->counts_end;
		while (hs > f->counts_start && t[hs - 1] != ' ' &&
		       t[hs - 1] != '\n' && t[hs - 1] != '-')
			hs--;
		if (f->unit == NULL || f->counts_end - hs > 0) {
			for (i = hs; i < f->counts_end && n < sizeof word - 1;
			     i++)
				word[n++] = (t[i] >= 'A' && t[i] <= 'Z')
						    ? (char)(t[i] + 32)
						    : t[i];
			return entities_intern(h->reg, word, n, CAT_FIGURE,
					       NULL, 1);
		}
	}
	k = figure_kind_counts(f);
	if (k == NULL)
		return ENTITY_NONE;
	return entities_intern(h->reg, k, strlen(k), CAT_FIGURE, NULL, 1);
}

static int span_free(const unsigned char *taken, size_t base, size_t s,
		     size_t e)
{
	size_t i;

	for (i = s; i < e; i++)
		if (taken[i - base])
			return 0;
	return 1;
}

static void span_take(unsigned char *taken, size_t base, size_t s, size_t e)
{
	memset(taken + (s - base), 1, e - s);
}

/* "Pakistan's air force", "Chinese navy": a state (its name, demonym or
 * capital, [p, q)) and one of its institutions is an actor of its own,
 * "Pakistan air force". */
static void rule_institution(struct highlighter *h, const char *t, size_t e,
			     size_t p, size_t q, uint32_t state)
{
	const struct entity *en = entities_get(h->reg, state);
	size_t g = q, k, i;
	struct buf b = {0};
	uint32_t v, id;

	/* at_word calls it for a state's mention only */
	if (trie_size(h->institutions) == 0)
		return;
	g += possessive_at(t, e, g);
	if (g + 1 >= e || t[g] != ' ')
		return;
	g++;
	if ((k = trie_match(h->institutions, t, e, g, &v)) == 0)
		return;
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
		cand_add(h, p, k, id, CAT_ACTOR, PRI_RULE);
	else if (upper_at(t, k, g))
		cand_add(h, g, k, id, CAT_ACTOR, PRI_LEXICON);
}

/* "KF-21 fighter jets", "Type 055 destroyers": a designation the
 * lexicon does not know (it begins with a capital), just before a
 * weapon, names it; the mention
 * grows to take it in (a figure read inside it, "055", goes).  v is in
 * text order; returns its new length. */
static size_t rule_designations(struct highlighter *h, const char *t,
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
				m.entity = intern_as(h, t, b, end, CAT_WEAPON,
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
static size_t join_weapons(const char *t, struct mention *v, size_t n)
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

/* A seat of government after "in", "at", "a visit to", ... names a
 * place, not the state: "talks in Vienna", but "Moscow said". */
static int seat_as_place(const struct highlighter *h, const char *t,
			 size_t s, size_t e, size_t p, size_t q)
{
	size_t ws, we, ws2, we2;
	uint32_t v;
	int k;

	if (trie_size(h->lx->seats) == 0 || !word_before(t, s, p, &ws, &we))
		return 0;
	/* the second of two places: "in Tel Aviv and Jerusalem" */
	if (we - ws == 3 && memcmp(t + ws, "and", 3) == 0) {
		size_t first = ws;

		for (k = 0; k < 3 && word_before(t, s, first, &ws2, &we2) &&
			    upper_at(t, we2, ws2);
		     k++)
			first = ws2;
		if (first == ws || !word_before(t, s, first, &ws, &we))
			return 0;
	}
	/* one word ("in Vienna") or two ("a visit to Nairobi") */
	if (!is_word_in(h->place_words, t, ws, we) &&
	    !(word_before(t, s, ws, &ws2, &we2) &&
	      is_word_in(h->place_words, t, ws2, we)))
		return 0;
	return trie_match(h->lx->seats, t, e, p, &v) == q;
}

/* "Kim Il Sung Square", "Kennedy Airport": a name that a place word
 * ends is the place's (no actor). */
static int before_place_word(const struct highlighter *h, const char *t,
			     size_t e, size_t q)
{
	uint32_t v;

	return q + 1 < e && t[q] == ' ' && upper_at(t, e, q + 1) &&
	       trie_match(h->place_names, t, e, q + 1, &v) != 0;
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
		k = possessive_len(t, q, i);
		if (k == 0 || t[i + k] != ' ' || !upper_at(t, q, i + k + 1) ||
		    trie_match(h->lx->aliases, t, i, p, &owner) != i)
			continue;
		cand_add(h, p, i, owner, entities_get(h->reg, owner)->cat,
			 PRI_LEXICON);
		cand_add(h, i + k + 1, q, v, cat, PRI_LEXICON);
		return 1;
	}
	return 0;
}

/* "the destroyer Chokai": a capitalised name after a class of warship
 * names a ship, a weapon of its own. */
static void rule_ship(struct highlighter *h, const char *t, size_t e,
		      size_t p, size_t q)
{
	size_t ms, ne, we;

	if (trie_size(h->ship_classes) == 0 || h->name_re == NULL ||
	    !is_word_in(h->ship_classes, t, p, q) || q + 2 >= e ||
	    t[q] != ' ' || !upper_at(t, e, q + 1) ||
	    !rx_find(h->name_re, h->md, t, e, q + 1, PCRE2_ANCHORED, &ms, &ne))
		return;
	ne = before_possessive(t, q + 1, ne);
	for (we = q + 1; we < ne && t[we] != ' '; we++)
		;
	if (is_word_in(h->not_names, t, q + 1, we) ||
	    is_word_in(h->openers, t, q + 1, we) ||
	    lexicon_exact(h, t, q + 1, ne) != ENTITY_NONE)
		return;
	cand_add(h, q + 1, ne, intern_as(h, t, q + 1, ne, CAT_WEAPON, "ship"),
		 CAT_WEAPON, PRI_RULE);
}

/* "…,” said Amina Saide, who walked": after a word of speaking, two or
 * three capitalised words the lexicon does not know, closed by a comma or
 * the sentence's end, are the person quoted. */
static void rule_speaker(struct highlighter *h, struct hl_state *st,
			 const char *t, size_t e, size_t q)
{
	size_t g = q + 1, ms, ne, sp;
	uint32_t v;

	if (h->name_re == NULL || q + 1 >= e || t[q] != ' ' ||
	    !upper_at(t, e, g) ||
	    !rx_find(h->name_re, h->md, t, e, g, PCRE2_ANCHORED, &ms, &ne) ||
	    ne >= e || (t[ne] != ',' && t[ne] != '.'))
		return;
	if (memchr(t + g, ' ', ne - g) == NULL)
		return; /* one word: "said Reuters." */
	sp = (size_t)((const char *)memchr(t + g, ' ', ne - g) - t);
	if (is_word_in(h->not_names, t, g, sp) ||
	    is_word_in(h->openers, t, g, sp) ||
	    trie_match(h->titles, t, e, g, &v) != 0 ||
	    trie_match(h->lx->aliases, t, e, g, &v) != 0)
		return;
	/* nor an organisation: "said Vantage Security Group." */
	if (ends_with_suffix(h, t, g, ne))
		return;
	person_found(h, st, t, g, ne);
}

/* Is [s, e) capital letters only ("SDF")? */
static int all_caps(const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		if (t[s] < 'A' || t[s] > 'Z')
			return 0;
	return 1;
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
	if (learnt_may(st, key) &&
	    (ql = trie_match_in(st->learnt, t, e, p, TRIE_EXACT, &vl)) != 0)
		cand_add(h, p, ql, vl, entities_get(h->reg, vl)->cat,
			 all_caps(t, p, ql) ? PRI_DEFINED : PRI_RULE);
	if ((m & (PM_ALIAS | PM_ALIAS_FOLDED)) &&
	    (q = alias_at(h, ks, t, e, p, &v)) != 0) {
		/* no pointer into the registry kept: rules intern names */
		const struct entity *en = entities_get(h->reg, v);
		int state = en->kind != NULL && strcmp(en->kind, "state") == 0;
		int cat = en->cat;

		if (!(state && seat_as_place(h, t, s, e, p, q)) &&
		    !before_place_word(h, t, e, q) &&
		    !(q + 1 < e && t[q] == '-' && t[q + 1] >= '0' &&
		      t[q + 1] <= '9') && /* "Palestine-2": a name */
		    !split_possessive(h, t, p, q, v, cat)) {
			cand_add(h, p, q, v, cat, PRI_LEXICON);
			if (state)
				rule_institution(h, t, e, p, q, v);
			if (cat == CAT_WEAPON)
				rule_ship(h, t, e, p, q);
		}
	}
	if ((m & PM_TITLE) && (q = trie_match(h->titles, t, e, p, &v)) != 0) {
		rule_person(h, st, t, e, q);
		rule_apposition(h, st, t, s, p);
	}
	if ((m & PM_SUFFIX) &&
	    (q = trie_match(h->suffixes, t, e, p, &v)) != 0)
		rule_org_suffix(h, t, s, e, p, q);
	if ((m & PM_HEAD) && (q = trie_match(h->heads, t, e, p, &v)) != 0)
		rule_org_head(h, t, s, e, p, q);
	if ((m & PM_SPEAKER) &&
	    (q = trie_match(h->speakers, t, e, p, &v)) != 0)
		rule_speaker(h, st, t, e, q);
}

static void add_figure(struct highlighter *h, const char *t, size_t e,
		       size_t p)
{
	struct figure f;
	size_t q;

	q = figure_at(h->fig, t, e, p, &f);
	if (q == 0)
		return;
	h->cfigs = xgrow(h->cfigs, &h->cfigcap, h->ncfigs + 1,
			 sizeof *h->cfigs);
	h->cfigs[h->ncfigs] = f;
	cand_add(h, p, q, ENTITY_NONE, CAT_FIGURE, PRI_FIGURE)->fig =
		(uint32_t)h->ncfigs++;
}

void highlight_section(struct highlighter *h, struct hl_state *st,
		       const struct article *a, size_t sec,
		       struct mentions *out)
{
	const struct section *se = &a->sections[sec];
	const char *t = a->text;
	size_t s = se->start, e = se->end, p, i, first = out->n, ms, me;
	int prevw, each;
	uint32_t v;

	if (se->kind == SECTION_BOILERPLATE || e <= s)
		return;
	h->nc = 0;
	h->ncfigs = 0;
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
		if (w && !prevw) {
			uint64_t key = trie_key(t, e, p);
			const struct keyslot *ks = &h->keymap[key_slot(h, key)];
			unsigned m = ks->mask;

			at_word(h, st, t, s, e, p, key, ks);
			if (h->lx->patterns_gated &&
			    lexicon_pattern_may(h->lx, t, e, p) &&
			    lexicon_pattern_at(h->lx, h->md, t, e, p, &me, &v,
					       &each))
				pattern_found(h, st, t, p, me, v, each);
			if ((m & PM_FIGURE) || (c >= '0' && c <= '9'))
				if (figure_may_start(h->fig, t, e, p))
					add_figure(h, t, e, p);
			/* nothing starts inside a word: on to its last
			 * ASCII letter or digit */
			while (p + clen < e &&
			       utf8_ascii_word[(unsigned char)t[p + clen]])
				p++;
		} else if (!w) {
			if (c == '(' && h->acronyms)
				rule_acronym(h, st, t, s, e, p);
			else if (c != ' ' && figure_may_start(h->fig, t, e, p))
				add_figure(h, t, e, p);
		}
		prevw = w;
		p += clen;
	}
	for (p = s; !h->lx->patterns_gated &&
		    lexicon_next_pattern(h->lx, h->md, t, e, p, &ms, &me, &v,
					 &each);
	     p = me)
		pattern_found(h, st, t, ms, me, v, each);

	/* longest first; then keep what does not overlap */
	xqsort(h->c, h->nc, sizeof *h->c, cand_cmp);
	h->taken = xgrow(h->taken, &h->taken_cap, e - s + 1, 1);
	memset(h->taken, 0, e - s);
	for (i = 0; i < h->nc; i++) {
		struct cand *c = &h->c[i];
		struct mention *m;

		if (!span_free(h->taken, s, c->start, c->end))
			continue;
		/* a dateline's place and agency are metadata; its date is
		 * a figure */
		if (c->cat != CAT_FIGURE && c->start < a->dateline.end &&
		    c->end > a->dateline.start)
			continue;
		span_take(h->taken, s, c->start, c->end);
		out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		m = &out->v[out->n++];
		m->start = (uint32_t)c->start;
		m->end = (uint32_t)c->end;
		m->entity = c->entity;
		m->cat = c->cat & 3u;
		m->aux = (uint32_t)sec & MENTION_AUX_MAX;
		if (c->cat == CAT_FIGURE) {
			out->figs = xgrow(out->figs, &out->figcap,
					  out->nfigs + 1, sizeof *out->figs);
			out->figs[out->nfigs] = h->cfigs[c->fig];
			out->figs[out->nfigs].section = (uint32_t)sec;
			m->aux = (uint32_t)out->nfigs++ & MENTION_AUX_MAX;
		}
	}
	xqsort(out->v + first, out->n - first, sizeof *out->v, ment_cmp);
	out->n = first + rule_designations(h, t, s, out->v + first,
					   out->n - first);
	out->n = first + join_weapons(t, out->v + first, out->n - first);
	/* what each figure counts, now that the entities stand */
	for (i = first; i < out->n; i++)
		if (out->v[i].cat == CAT_FIGURE)
			out->v[i].entity = counts_entity(
				h, t, &out->figs[out->v[i].aux],
				out->v + first, out->n - first);
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
