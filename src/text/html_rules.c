/* html_rules: the extractor's weights, hints, stop words and boilerplate
 * phrases, read from YAML (data/extract.yaml). */
#include "html_rules.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/paths.h"
#include "brief/yaml/rx_node.h"
#include "brief/yaml/wordlist.h"
#include "brief/yaml/yamlio.h"

/* The weights, by their name in the data file. */
static const struct {
	const char *name;
	size_t off;
} weights[] = {
	{"min_chars", offsetof(struct extract_rules, min_chars)},
	{"base_score", offsetof(struct extract_rules, base_score)},
	{"comma_score", offsetof(struct extract_rules, comma_score)},
	{"chars_per_point", offsetof(struct extract_rules, chars_per_point)},
	{"max_length_points",
	 offsetof(struct extract_rules, max_length_points)},
	{"class_weight", offsetof(struct extract_rules, class_weight)},
	{"positive_itemprop",
	 offsetof(struct extract_rules, positive_itemprop)},
	{"sibling_ratio", offsetof(struct extract_rules, sibling_ratio)},
	{"sibling_min", offsetof(struct extract_rules, sibling_min)},
	{"sibling_para_chars",
	 offsetof(struct extract_rules, sibling_para_chars)},
	{"max_link_density", offsetof(struct extract_rules, max_link_density)},
	{"short_chars", offsetof(struct extract_rules, short_chars)},
	{"min_stop_share", offsetof(struct extract_rules, min_stop_share)},
	{"parent_share", offsetof(struct extract_rules, parent_share)},
	{"ancestor_divisor", offsetof(struct extract_rules, ancestor_divisor)},
	{"ancestor_levels", offsetof(struct extract_rules, ancestor_levels)},
	{"heading_max_chars",
	 offsetof(struct extract_rules, heading_max_chars)},
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int html_rules_has(char *const *l, size_t n, const char *s)
{
	return n && bsearch(&s, l, n, sizeof *l, cmp_str) != NULL;
}

int html_rules_phrase(const struct extract_rules *r, const char *t)
{
	size_t i, ms, me, n = strlen(t);
	pcre2_match_data *md;
	int hit = 0;

	if (r->nphrases == 0)
		return 0;
	md = pcre2_match_data_create(4, NULL);
	for (i = 0; i < r->nphrases && !hit; i++)
		hit = rx_find(r->phrases[i], md, t, n, 0, 0, &ms, &me);
	pcre2_match_data_free(md);
	return hit;
}

/* Does token t (n bytes) match hint h? */
static int hint_token(const char *h, const char *t, size_t n)
{
	size_t hl;

	if (*h == '=') {
		h++;
		hl = strlen(h);
		return hl == n && memcmp(h, t, n) == 0;
	}
	hl = strlen(h);
	while (n >= hl) {
		if (memcmp(t, h, hl) == 0)
			return 1;
		t++;
		n--;
	}
	return 0;
}

int html_hints_match(const struct hints *h, const char *classid)
{
	const char *p = classid;

	while (*p) {
		const char *t;
		size_t i;

		while (*p && isspace((unsigned char)*p))
			p++;
		t = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (p == t)
			continue;
		for (i = 0; i < h->n; i++)
			if (hint_token(h->words[i], t, (size_t)(p - t)))
				return 1;
	}
	return 0;
}

/* A list of words (lower case) under key; sorted when sort. */
static int load_words(const char *name, const struct ynode *root,
		      const char *key, char ***out, size_t *n, int sort,
		      struct err *e)
{
	if (wordlist_strings(name, ynode_get(root, key), key, 1, out, n, e))
		return -1;
	if (sort)
		xqsort(*out, *n, sizeof **out, cmp_str);
	return 0;
}

static int load_weights(struct extract_rules *r, const char *name,
			const struct ynode *m, struct err *e)
{
	size_t i, k;

	if (m == NULL) {
		err_set(e, "%s: 'weights' is missing", name);
		return -1;
	}
	if (m->type != YNODE_MAP) {
		ynode_err(e, name, m, "'weights' must be a mapping");
		return -1;
	}
	for (i = 0; i + 1 < m->nkids; i += 2) {
		const struct ynode *key = m->kids[i], *v = m->kids[i + 1];
		char *end;
		double d;

		for (k = 0; k < sizeof weights / sizeof *weights; k++)
			if (key->str && strcmp(key->str, weights[k].name) == 0)
				break;
		if (k == sizeof weights / sizeof *weights) {
			ynode_err(e, name, key, "unknown weight '%s'",
				  key->str ? key->str : "");
			return -1;
		}
		if (v->type != YNODE_SCALAR ||
		    (d = strtod(v->str, &end), end == v->str || *end) ||
		    d != d || d < -1e6 || d > 1e6) {
			ynode_err(e, name, v, "a number is expected");
			return -1;
		}
		*(double *)((char *)r + weights[k].off) = d;
	}
	return 0;
}

static int load_tags(struct extract_rules *r, const char *name,
		     const struct ynode *m, struct err *e)
{
	size_t i;

	if (m == NULL)
		return 0;
	if (m->type != YNODE_MAP) {
		ynode_err(e, name, m, "'tag_scores' must be a mapping");
		return -1;
	}
	r->tags = xcalloc(m->nkids / 2 + 1, sizeof *r->tags);
	for (i = 0; i + 1 < m->nkids; i += 2) {
		const struct ynode *v = m->kids[i + 1];
		char *end;
		double d;

		if (v->type != YNODE_SCALAR ||
		    (d = strtod(v->str, &end), end == v->str || *end) ||
		    d != d || d < -1e6 || d > 1e6) {
			ynode_err(e, name, v, "a number is expected");
			return -1;
		}
		r->tags[r->ntags].tag = xstrdup(m->kids[i]->str);
		r->tags[r->ntags++].score = d;
	}
	return 0;
}

static int load_phrases(struct extract_rules *r, const char *name,
			const struct ynode *l, struct err *e)
{
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ) {
		ynode_err(e, name, l,
			  "'boilerplate_phrases' must be a list of patterns");
		return -1;
	}
	r->phrases = xcalloc(l->nkids + 1, sizeof *r->phrases);
	for (i = 0; i < l->nkids; i++) {
		r->phrases[r->nphrases] = rx_compile_node(name, l->kids[i],
							  PCRE2_CASELESS, e);
		if (r->phrases[r->nphrases] == NULL)
			return -1;
		r->nphrases++;
	}
	return 0;
}

struct extract_rules *extract_rules_load(const char *path, struct err *e)
{
	struct extract_rules *r;
	struct ynode *root;
	int ok;

	root = yamlio_parse_file(path, &ok, e);
	if (!ok)
		return NULL;
	r = xcalloc(1, sizeof *r);
	r->stop = trie_new();
	if (root == NULL || root->type != YNODE_MAP) {
		if (root)
			ynode_err(e, path, root,
				  "the extraction rules must be a mapping");
		else
			err_set(e, "%s: the extraction rules are empty", path);
		goto fail;
	}
	if (load_weights(r, path, ynode_get(root, "weights"), e) != 0 ||
	    load_tags(r, path, ynode_get(root, "tag_scores"), e) != 0 ||
	    load_words(path, root, "drop_tags", &r->drop_tags, &r->ndrop_tags,
		       1, e) != 0 ||
	    load_words(path, root, "drop_roles", &r->drop_roles,
		       &r->ndrop_roles, 1, e) != 0 ||
	    load_words(path, root, "drop_hints", &r->drop.words, &r->drop.n,
		       0, e) != 0 ||
	    load_words(path, root, "boilerplate_hints", &r->boiler.words,
		       &r->boiler.n, 0, e) != 0 ||
	    load_words(path, root, "positive_hints", &r->positive.words,
		       &r->positive.n, 0, e) != 0 ||
	    load_words(path, root, "negative_hints", &r->negative.words,
		       &r->negative.n, 0, e) != 0 ||
	    load_words(path, root, "keep_hints", &r->keep.words, &r->keep.n,
		       0, e) != 0 ||
	    wordlist_load(r->stop, path, ynode_get(root, "stop_words"),
			  "stop_words", 1, 0, e) != 0 ||
	    load_phrases(r, path, ynode_get(root, "boilerplate_phrases"),
			 e) != 0)
		goto fail;
	ynode_free(root);
	return r;
fail:
	ynode_free(root);
	extract_rules_free(r);
	return NULL;
}

struct extract_rules *extract_rules_default(struct err *e)
{
	char *path = paths_config_file("extract.yaml");
	struct extract_rules *r = extract_rules_load(path, e);

	free(path);
	return r;
}

const struct extract_rules *extract_rules_shared(struct err *e)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static struct extract_rules *shared;
	const struct extract_rules *r;

	pthread_mutex_lock(&lock);
	if (shared == NULL)
		shared = extract_rules_default(e);
	r = shared;
	pthread_mutex_unlock(&lock);
	return r;
}

static void free_words(char **w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

void extract_rules_free(struct extract_rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	free_words(r->drop_tags, r->ndrop_tags);
	free_words(r->drop_roles, r->ndrop_roles);
	free_words(r->drop.words, r->drop.n);
	free_words(r->boiler.words, r->boiler.n);
	free_words(r->positive.words, r->positive.n);
	free_words(r->negative.words, r->negative.n);
	free_words(r->keep.words, r->keep.n);
	for (i = 0; i < r->ntags; i++)
		free(r->tags[i].tag);
	free(r->tags);
	for (i = 0; i < r->nphrases; i++)
		rx_free(r->phrases[i]);
	free(r->phrases);
	trie_free(r->stop);
	free(r);
}
