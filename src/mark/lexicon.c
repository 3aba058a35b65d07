/* lexicon: YAML entity definitions into the registry and matchers. */
#include "brief/mark/lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/base/paths.h"
#include "brief/base/utf8.h"
#include "brief/yaml/yamlio.h"

struct lexicon {
	struct entities *reg;    /* shared; not owned */
	struct trie *aliases;    /* alias -> entity id */
	struct trie *seats;      /* the aliases that name a seat of
				  * government ("Vienna"): the state, except
				  * where the text names a place ("in
				  * Vienna") */
	pcre2_code *designations; /* all patterns, each alternative marked
				   * with its index */
	pcre2_code *designations_at; /* the same, anchored: tried only at
				      * word starts that may begin one */
	unsigned char pattern_first[256]; /* bytes a pattern begins with:
					   * 1 = any second byte, 2 = see
					   * pattern_pair */
	unsigned char pattern_pair[8192]; /* bit (a << 8 | b): a pattern
					   * begins with the bytes a, b */
	int patterns_gated;      /* every pattern begins with a literal
				  * letter or digit (designations_at) */
	uint32_t *pattern_entity; /* index -> entity id */
	unsigned char *pattern_each; /* index -> each match is an entity of
				      * its own (named ships: each_match) */
	size_t npatterns;
	struct buf combined;     /* the combined pattern's text */
	char **alias_text;       /* every literal alias, in file order */
	uint32_t *alias_entity;
	size_t naliases, alias_cap;
};

struct pending {
	uint32_t *entity;
	unsigned char *each;
	size_t n, cap, each_cap;
};

static int is_lower_only(const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			return 0;
	return 1;
}

static void add_alias(struct lexicon *lx, const char *s, size_t n,
		      uint32_t id)
{
	char *tmp = xstrndup(s, n);

	if (trie_add(lx->aliases, s, n, id, is_lower_only(tmp))) {
		lx->alias_text = xgrow(lx->alias_text, &lx->alias_cap,
				       lx->naliases + 1, sizeof *lx->alias_text);
		lx->alias_entity = xrealloc(lx->alias_entity,
					    lx->alias_cap *
						    sizeof *lx->alias_entity);
		lx->alias_text[lx->naliases] = tmp;
		lx->alias_entity[lx->naliases++] = id;
		return;
	}
	free(tmp);
}

static int scalar(const char *name, const struct ynode *n, const char *what,
		  struct err *e)
{
	if (n == NULL || n->type != YNODE_SCALAR || n->len == 0) {
		ynode_err(e, name, n, "%s must be a non-empty string", what);
		return -1;
	}
	return 0;
}

/* A pattern that begins with a literal letter or digit (not made
 * optional) can only match at a word start beginning with it, and with
 * its second byte too when that is a literal one: note them, or note
 * that the patterns must be scanned for. */
static void gate_pattern(struct lexicon *lx, const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0], d = n > 1 ? (unsigned char)s[1]
							  : 0;
	unsigned k = (unsigned)c << 8 | d;

	if (c >= 0x80 || !utf8_ascii_word[c] || (n > 1 && strchr("?*{", d))) {
		lx->patterns_gated = 0;
		return;
	}
	if (d < 0x20 || d >= 0x80 || strchr("\\.^$|?*+()[]{}", d) ||
	    (n > 2 && strchr("?*{", s[2])) || lx->pattern_first[c] == 1) {
		lx->pattern_first[c] = 1; /* any second byte */
		return;
	}
	lx->pattern_first[c] = 2;
	lx->pattern_pair[k >> 3] |= (unsigned char)(1u << (k & 7));
}

static int add_pattern(struct lexicon *lx, const char *name,
		       const struct ynode *p, uint32_t id, int each,
		       struct pending *pend, struct err *e)
{
	/* checked alone first, so that an error points at this line */
	if (rx_check_node(name, p, 0, e) != 0)
		return -1;
	gate_pattern(lx, p->str, p->len);
	if (lx->combined.len)
		buf_addc(&lx->combined, '|');
	buf_printf(&lx->combined, "(?:%s)(*MARK:%zu)", p->str, pend->n);
	pend->entity = xgrow(pend->entity, &pend->cap, pend->n + 1,
			     sizeof *pend->entity);
	pend->each = xgrow(pend->each, &pend->each_cap, pend->n + 1, 1);
	pend->entity[pend->n] = id;
	pend->each[pend->n] = (unsigned char)each;
	pend->n++;
	return 0;
}

static int load_entity(struct lexicon *lx, const char *name,
		       const struct ynode *m, struct pending *pend,
		       struct err *e)
{
	const struct ynode *nm = ynode_get(m, "name"),
			   *cat = ynode_get(m, "category"),
			   *kind = ynode_get(m, "kind"),
			   *al = ynode_get(m, "aliases"),
			   *seats = ynode_get(m, "seats"),
			   *pats = ynode_get(m, "patterns"),
			   *each = ynode_get(m, "each_match");
	enum category c;
	int own = 0;
	uint32_t id;
	size_t i;

	if (m->type != YNODE_MAP) {
		ynode_err(e, name, m, "an entity must be a mapping");
		return -1;
	}
	if (scalar(name, nm ? nm : m, "an entity's 'name'", e) != 0 ||
	    scalar(name, cat ? cat : m, "an entity's 'category'", e) != 0)
		return -1;
	if (strcmp(cat->str, "actor") == 0)
		c = CAT_ACTOR;
	else if (strcmp(cat->str, "weapon") == 0)
		c = CAT_WEAPON;
	else if (strcmp(cat->str, "place") == 0)
		c = CAT_PLACE;
	else {
		ynode_err(e, name, cat,
			  "category must be actor, weapon or place");
		return -1;
	}
	if (kind && scalar(name, kind, "'kind'", e) != 0)
		return -1;
	if (each) {
		if (each->type != YNODE_SCALAR ||
		    (strcmp(each->str, "true") != 0 &&
		     strcmp(each->str, "false") != 0)) {
			ynode_err(e, name, each, "'each_match' must be true or "
				  "false");
			return -1;
		}
		own = strcmp(each->str, "true") == 0;
	}
	id = entities_intern(lx->reg, nm->str, nm->len, c,
			     kind ? kind->str : NULL, 0);
	add_alias(lx, nm->str, nm->len, id);
	if (al) {
		if (al->type != YNODE_SEQ) {
			ynode_err(e, name, al, "'aliases' must be a list");
			return -1;
		}
		for (i = 0; i < al->nkids; i++) {
			if (scalar(name, al->kids[i], "an alias", e) != 0)
				return -1;
			add_alias(lx, al->kids[i]->str, al->kids[i]->len, id);
		}
	}
	if (seats) {
		if (seats->type != YNODE_SEQ) {
			ynode_err(e, name, seats, "'seats' must be a list");
			return -1;
		}
		for (i = 0; i < seats->nkids; i++) {
			const struct ynode *k = seats->kids[i];

			if (scalar(name, k, "a seat", e) != 0)
				return -1;
			add_alias(lx, k->str, k->len, id);
			trie_add(lx->seats, k->str, k->len, id, 0);
		}
	}
	if (pats) {
		if (pats->type != YNODE_SEQ) {
			ynode_err(e, name, pats, "'patterns' must be a list");
			return -1;
		}
		for (i = 0; i < pats->nkids; i++)
			if (add_pattern(lx, name, pats->kids[i], id, own, pend,
					e) != 0)
				return -1;
	}
	return 0;
}

static int load_file(struct lexicon *lx, const char *path,
		     struct pending *pend, struct err *e)
{
	struct ynode *root;
	const struct ynode *list;
	size_t i;
	int ok, rc = 0;

	root = yamlio_parse_file(path, &ok, e);
	if (!ok)
		return -1;
	if (root == NULL)
		return 0;
	if (root->type != YNODE_MAP) {
		ynode_err(e, path, root, "a lexicon must be a mapping with "
			  "an 'entities' list");
		ynode_free(root);
		return -1;
	}
	list = ynode_get(root, "entities");
	if (list && list->type != YNODE_SEQ) {
		ynode_err(e, path, list, "'entities' must be a list");
		rc = -1;
	}
	for (i = 0; rc == 0 && list && i < list->nkids; i++)
		rc = load_entity(lx, path, list->kids[i], pend, e);
	ynode_free(root);
	return rc;
}

struct lexicon *lexicon_load(char *const *paths, size_t n,
			     struct entities *reg, struct err *e)
{
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	struct pending pend = {0};
	struct err sub;
	size_t i;

	lx->reg = reg;
	lx->aliases = trie_new();
	lx->seats = trie_new();
	lx->patterns_gated = 1;
	for (i = 0; i < n; i++)
		if (load_file(lx, paths[i], &pend, e) != 0)
			goto fail;
	lx->pattern_entity = pend.entity;
	lx->pattern_each = pend.each;
	lx->npatterns = pend.n;
	pend.entity = NULL;
	pend.each = NULL;
	if (lx->npatterns) {
		lx->designations = rx_compile(lx->combined.data,
					      lx->combined.len, 0, &sub);
		if (lx->designations == NULL) {
			err_set(e, "%s: the patterns together: %s", paths[0],
				sub.text);
			goto fail;
		}
		if (lx->patterns_gated)
			lx->designations_at =
				rx_compile(lx->combined.data, lx->combined.len,
					   PCRE2_ANCHORED, &sub);
		if (lx->designations_at == NULL)
			lx->patterns_gated = 0;
	} else {
		lx->patterns_gated = 0;
	}
	return lx;
fail:
	free(pend.entity);
	free(pend.each);
	lexicon_free(lx);
	return NULL;
}

void lexicon_free(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	trie_free(lx->aliases);
	trie_free(lx->seats);
	for (size_t i = 0; i < lx->naliases; i++)
		free(lx->alias_text[i]);
	free(lx->alias_text);
	free(lx->alias_entity);
	rx_free(lx->designations);
	rx_free(lx->designations_at);
	free(lx->pattern_entity);
	free(lx->pattern_each);
	buf_free(&lx->combined);
	free(lx);
}

char **lexicon_default_paths(char *const *given, size_t ngiven)
{
	char **out = xcalloc(ngiven + 3, sizeof *out);
	size_t i, n = 0;
	char *user;

	if (ngiven) {
		for (i = 0; i < ngiven; i++)
			out[n++] = xstrdup(given[i]);
		return out;
	}
	out[n++] = xasprintf("%s/lexicon.yaml", datadir());
	user = xdg_path("config", "lexicon.yaml");
	if (access(user, F_OK) == 0)
		out[n++] = user;
	else
		free(user);
	return out;
}

void lexicon_paths_free(char **paths)
{
	size_t i;

	for (i = 0; paths && paths[i]; i++)
		free(paths[i]);
	free(paths);
}

/* The entity of the pattern whose mark the last match passed. */
static uint32_t marked_entity(const struct lexicon *lx,
			      pcre2_match_data *md, int *each)
{
	PCRE2_SPTR mark = pcre2_get_mark(md);
	size_t idx = mark ? (size_t)strtoul((const char *)mark, NULL, 10) : 0;

	if (idx >= lx->npatterns) {
		*each = 0;
		return ENTITY_NONE;
	}
	*each = lx->pattern_each[idx];
	return lx->pattern_entity[idx];
}

int lexicon_pattern_at(const struct lexicon *lx, pcre2_match_data *md,
		       const char *text, size_t len, size_t pos, size_t *me,
		       uint32_t *entity, int *each)
{
	size_t ms;

	if (!lx->patterns_gated ||
	    !rx_find(lx->designations_at, md, text, len, pos, 0, &ms, me) ||
	    *me == ms || trie_inside_word(text, len, *me))
		return 0;
	*entity = marked_entity(lx, md, each);
	return 1;
}

int lexicon_next_pattern(const struct lexicon *lx, pcre2_match_data *md,
			 const char *text, size_t len, size_t start,
			 size_t *ms, size_t *me, uint32_t *entity, int *each)
{
	if (lx->designations == NULL)
		return 0;
	while (start < len) {
		if (!rx_find(lx->designations, md, text, len, start, 0, ms,
			     me))
			return 0;
		if (*me == *ms) {
			start = *ms + 1;
			continue;
		}
		/* whole words only */
		if (trie_inside_word(text, len, *ms) ||
		    trie_inside_word(text, len, *me)) {
			start = *ms + 1;
			while (start < len &&
			       ((unsigned char)text[start] & 0xC0) == 0x80)
				start++;
			continue;
		}
		*entity = marked_entity(lx, md, each);
		return 1;
	}
	return 0;
}

int lexicon_pattern_may(const struct lexicon *lx, const char *text,
			size_t len, size_t pos)
{
	unsigned a = (unsigned char)text[pos], b, k;

	if (lx->pattern_first[a] != 2)
		return lx->pattern_first[a];
	b = pos + 1 < len ? (unsigned char)text[pos + 1] : 0;
	k = a << 8 | b;
	return lx->pattern_pair[k >> 3] >> (k & 7) & 1;
}

struct entities *lexicon_registry(const struct lexicon *lx)
{
	return lx->reg;
}

const struct trie *lexicon_aliases(const struct lexicon *lx)
{
	return lx->aliases;
}

const struct trie *lexicon_seats(const struct lexicon *lx)
{
	return lx->seats;
}

int lexicon_patterns_gated(const struct lexicon *lx)
{
	return lx->patterns_gated;
}

size_t lexicon_alias_count(const struct lexicon *lx)
{
	return lx->naliases;
}

const char *lexicon_alias(const struct lexicon *lx, size_t i,
			  uint32_t *entity)
{
	*entity = lx->alias_entity[i];
	return lx->alias_text[i];
}

void lexicon_save(const struct lexicon *lx, struct buf *b)
{
	size_t i;

	trie_save(lx->aliases, b);
	trie_save(lx->seats, b);
	rx_save(lx->designations, b);
	rx_save(lx->designations_at, b);
	ser_bytes(b, lx->pattern_first, sizeof lx->pattern_first);
	ser_bytes(b, lx->pattern_pair, sizeof lx->pattern_pair);
	ser_u32(b, (uint32_t)lx->patterns_gated);
	ser_u64(b, lx->npatterns);
	ser_bytes(b, lx->pattern_entity,
		  lx->npatterns * sizeof *lx->pattern_entity);
	ser_bytes(b, lx->pattern_each, lx->npatterns);
	ser_u64(b, lx->naliases);
	for (i = 0; i < lx->naliases; i++)
		ser_str(b, lx->alias_text[i]);
	ser_bytes(b, lx->alias_entity, lx->naliases * sizeof *lx->alias_entity);
}

/* Copy exactly n bytes saved by ser_bytes into out. */
static void load_fixed(struct deser *d, void *out, size_t n)
{
	size_t got;
	const void *p = deser_bytes(d, &got, 0);

	if (deser_check(d, got == n))
		memcpy(out, p, n);
}

struct lexicon *lexicon_load_saved(struct deser *d, struct entities *reg)
{
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	size_t i, nent = entities_count(reg);
	uint64_t n;

	lx->reg = reg;
	lx->aliases = trie_load(d);
	lx->seats = trie_load(d);
	lx->designations = rx_load(d, 1);
	lx->designations_at = rx_load(d, 1);
	load_fixed(d, lx->pattern_first, sizeof lx->pattern_first);
	load_fixed(d, lx->pattern_pair, sizeof lx->pattern_pair);
	lx->patterns_gated = (int)deser_u32(d);
	n = deser_u64(d);
	deser_check(d, n <= d->n - d->at);
	lx->npatterns = (size_t)n;
	lx->pattern_entity = deser_array(d, lx->npatterns,
					 sizeof *lx->pattern_entity);
	lx->pattern_each = deser_array(d, lx->npatterns, 1);
	n = deser_u64(d);
	deser_check(d, n <= (d->n - d->at) / 8);
	for (i = 0; i < n && !d->bad; i++) {
		char *s = deser_str(d);

		if (!deser_check(d, s != NULL))
			break;
		lx->alias_text = xgrow(lx->alias_text, &lx->alias_cap, i + 1,
				       sizeof *lx->alias_text);
		lx->alias_text[lx->naliases++] = s;
	}
	lx->alias_entity = deser_array(d, lx->naliases,
				       sizeof *lx->alias_entity);
	for (i = 0; !d->bad && i < lx->naliases; i++)
		deser_check(d, lx->alias_entity[i] < nent);
	for (i = 0; !d->bad && i < lx->npatterns; i++)
		deser_check(d, lx->pattern_entity[i] < nent);
	if (d->bad || lx->aliases == NULL || lx->seats == NULL ||
	    !deser_check(d, trie_values_below(lx->aliases, (uint32_t)nent) &&
				    trie_values_below(lx->seats, (uint32_t)nent) &&
				    (lx->npatterns == 0 ||
				     lx->designations != NULL) &&
				    (!lx->patterns_gated ||
				     lx->designations_at != NULL))) {
		d->bad = 1;
		lexicon_free(lx);
		return NULL;
	}
	return lx;
}
