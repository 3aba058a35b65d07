/* hl_rules: loading the highlighter's rules file (data/highlight.yaml):
 * its word lists, each into a trie of struct highlighter named in one
 * table, the name and designation patterns, and the figure rules. */
#include "hl_priv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/paths.h"
#include "brief/yaml/rx_node.h"
#include "brief/yaml/wordlist.h"
#include "brief/yaml/yamlio.h"

/* The word lists: where each is in the rules file (a mapping, or the top
 * level), whether its words match in any case, and its trie.  Loaded in
 * this order (the first bad one is reported). */
static const struct word_list {
	const char *in;      /* "persons", "organisations", NULL: top level */
	const char *key;
	int fold;
	size_t trie;         /* offset of its struct trie * */
} word_lists[] = {
	{"persons", "titles", 0, offsetof(struct highlighter, titles)},
	{"organisations", "suffixes", 0, offsetof(struct highlighter, suffixes)},
	{"organisations", "heads", 0, offsetof(struct highlighter, heads)},
	{"organisations", "joiners", 0, offsetof(struct highlighter, joiners)},
	{"organisations", "openers", 0, offsetof(struct highlighter, openers)},
	{"organisations", "inner", 0, offsetof(struct highlighter, inner)},
	{"organisations", "institutions", 1,
	 offsetof(struct highlighter, institutions)},
	{NULL, "not_names", 0, offsetof(struct highlighter, not_names)},
	{NULL, "place_words", 1, offsetof(struct highlighter, place_words)},
	{"persons", "departments", 0, offsetof(struct highlighter, departments)},
	{NULL, "acronym_joiners", 0,
	 offsetof(struct highlighter, acronym_joiners)},
	{NULL, "ship_classes", 1, offsetof(struct highlighter, ship_classes)},
	{"persons", "speakers", 0, offsetof(struct highlighter, speakers)},
	{NULL, "place_names", 0, offsetof(struct highlighter, place_names)},
	{"persons", "aside_stops", 1, offsetof(struct highlighter, aside_stops)},
	{NULL, "acronym_weapons", 0, offsetof(struct highlighter, weapon_words)},
	{NULL, "place_leads", 0, offsetof(struct highlighter, place_leads)},
	{NULL, "place_shapes", 1, offsetof(struct highlighter, place_shapes)},
	{"persons", "given_names", 0, offsetof(struct highlighter, given)},
	{"persons", "label_roles", 1,
	 offsetof(struct highlighter, label_roles)},
	{"persons", "address_leads", 1,
	 offsetof(struct highlighter, address_leads)},
	{NULL, "documents", 0, offsetof(struct highlighter, documents)},
	{NULL, "population_nouns", 1,
	 offsetof(struct highlighter, populations)},
	{NULL, "designation_prefixes", 0,
	 offsetof(struct highlighter, prefixes)},
	{NULL, "modifier_heads", 1, offsetof(struct highlighter, modifiers)},
	{NULL, "modifier_words", 1,
	 offsetof(struct highlighter, modifier_words)},
	{"organisations", "entity_leads", 1,
	 offsetof(struct highlighter, entity_leads)},
	{"organisations", "verbs", 0, offsetof(struct highlighter, org_verbs)},
	{"organisations", "company_nouns", 0,
	 offsetof(struct highlighter, company_nouns)},
	{NULL, "mission_weapons", 1, offsetof(struct highlighter, missions)},
	{NULL, "mission_heads", 1,
	 offsetof(struct highlighter, mission_heads)},
	{NULL, "not_marks", 1, offsetof(struct highlighter, not_marks)},
	{NULL, "event_heads", 0, offsetof(struct highlighter, event_heads)},
	{"generic_weapons", "words", 1, offsetof(struct highlighter, generics)},
	{"generic_weapons", "listed", 1, offsetof(struct highlighter, listed)},
	{"generic_weapons", "qualifiers", 1,
	 offsetof(struct highlighter, qualifiers)},
	{"generic_weapons", "civil", 1, offsetof(struct highlighter, civil)},
	{"genres", "days_are_figures", 1,
	 offsetof(struct highlighter, days_genres)},
	{"genres", "generic_weapons_marked", 1,
	 offsetof(struct highlighter, weapons_genres)},
	{"genres", "weekdays", 0, offsetof(struct highlighter, weekdays)},
	{"genres", "generic_nouns", 1, offsetof(struct highlighter, genre_nouns)},
	{"genres", "generic_not_before", 1,
	 offsetof(struct highlighter, genre_not_before)},
	{NULL, NULL, 1, offsetof(struct highlighter, caps)},
};

#define NLISTS (sizeof word_lists / sizeof *word_lists)

/* The trie of word list i in h. */
static struct trie **list_trie(struct highlighter *h, size_t i)
{
	return (struct trie **)(void *)((char *)h + word_lists[i].trie);
}

static int load_rules(struct highlighter *h, const char *name,
		      const struct ynode *root, struct err *e)
{
	const struct ynode *pe = ynode_get(root, "persons"),
			   *org = ynode_get(root, "organisations"),
			   *gw = ynode_get(root, "generic_weapons"),
			   *ge = ynode_get(root, "genres"),
			   *ac = ynode_get(root, "acronyms"), *mw;
	size_t i;

	if ((pe && pe->type != YNODE_MAP) || (org && org->type != YNODE_MAP) ||
	    (gw && gw->type != YNODE_MAP)) {
		ynode_err(e, name,
			  pe && pe->type != YNODE_MAP	 ? pe
			  : org && org->type != YNODE_MAP ? org
							  : gw,
			  "'persons', 'organisations' and 'generic_weapons' "
			  "must be mappings");
		return -1;
	}
	if (ge && ge->type != YNODE_MAP) {
		ynode_err(e, name, ge, "'genres' must be a mapping");
		return -1;
	}
	for (i = 0; i < NLISTS; i++) {
		const struct word_list *w = &word_lists[i];
		const struct ynode *in = w->in ? ynode_get(root, w->in) : root;

		if (w->key == NULL)
			continue; /* built, not read */
		if (wordlist_load(*list_trie(h, i), name,
				  ynode_get(in, w->key), w->key, w->fold, 0,
				  e) != 0)
			return -1;
	}
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

/* The lexicon's aliases that hold a small letter, folded, for lines in
 * capitals ("THE WHITE HOUSE", "JOSEPH R. BIDEN JR."): acronyms match
 * there already, and short words ("Us") would read common ones. */
static void build_caps(struct highlighter *h)
{
	size_t i, n = lexicon_alias_count(h->lx);

	for (i = 0; i < n; i++) {
		uint32_t id;
		const char *a = lexicon_alias(h->lx, i, &id);
		size_t k, len = strlen(a);
		int small = 0;

		for (k = 0; k < len; k++)
			small |= a[k] >= 'a' && a[k] <= 'z';
		if (small && len >= 4)
			trie_add(h->caps, a, len, id, 1);
	}
}

char *highlighter_default_rules(void)
{
	return paths_config_file("highlight.yaml");
}

/* A highlighter tied to lx, with nothing loaded yet. */
static struct highlighter *hl_alloc(struct lexicon *lx)
{
	struct highlighter *h = xcalloc(1, sizeof *h);

	h->lx = lx;
	h->reg = lexicon_registry(lx);
	h->aliases = lexicon_aliases(lx);
	h->seats = lexicon_seats(lx);
	h->patterns_gated = lexicon_patterns_gated(lx);
	h->md = pcre2_match_data_create(16, NULL);
	return h;
}

void highlighter_save(const struct highlighter *h, struct buf *b)
{
	size_t i;

	for (i = 0; i < NLISTS; i++)
		trie_save(*list_trie((struct highlighter *)(uintptr_t)h, i), b);
	rx_save(h->name_re, b);
	rx_save(h->designation_re, b);
	ser_u32(b, (uint32_t)h->max_words);
	ser_u32(b, (uint32_t)h->acronyms);
	figrules_save(h->fig, b);
	hl_keymap_save(h, b);
}

struct highlighter *highlighter_load_saved(struct deser *d,
					   struct lexicon *lx)
{
	struct highlighter *h = hl_alloc(lx);
	size_t i;

	for (i = 0; i < NLISTS; i++)
		if ((*list_trie(h, i) = trie_load(d)) == NULL)
			d->bad = 1;
	h->name_re = rx_load(d, 1);
	h->designation_re = rx_load(d, 1);
	h->max_words = (int)deser_u32(d);
	h->acronyms = deser_u32(d) != 0;
	deser_check(d, h->max_words >= 1 && h->max_words <= 12);
	/* the caps trie's values are the lexicon's entities */
	deser_check(d, h->caps == NULL ||
			       trie_values_below(h->caps, (uint32_t)entities_count(
								  h->reg)));
	if (!d->bad)
		h->fig = figrules_load_saved(d);
	if (d->bad || h->fig == NULL || hl_keymap_load(h, d) != 0) {
		d->bad = 1;
		highlighter_free(h);
		return NULL;
	}
	return h;
}

struct highlighter *highlighter_new(struct lexicon *lx, const char *rules,
				    struct err *e)
{
	struct highlighter *h = hl_alloc(lx);
	struct ynode *root;
	size_t i;
	int ok;

	for (i = 0; i < NLISTS; i++)
		*list_trie(h, i) = trie_new();
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
	build_caps(h);
	hl_build_keymap(h);
	return h;
fail_root:
	ynode_free(root);
fail:
	highlighter_free(h);
	return NULL;
}

void highlighter_free(struct highlighter *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < NLISTS; i++)
		trie_free(*list_trie(h, i));
	rx_free(h->name_re);
	rx_free(h->designation_re);
	figrules_free(h->fig);
	if (!h->keymap_lent) {
		free(h->keymap);
		free(h->keybits);
	}
	pcre2_match_data_free(h->md);
	free(h->c);
	free(h->cfigs);
	free(h->taken);
	free(h);
}
