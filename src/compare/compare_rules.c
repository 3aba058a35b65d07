/* compare_rules: the comparison's rules (data/compare.yaml and the
 * figure and topic rules beside it), loaded and freed. */
#include "brief/compare/compare.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/paths.h"
#include "brief/yaml/wordlist.h"
#include "brief/yaml/yamlio.h"

/* same_names: a list of lists; the first word of each names them all. */
static int load_same_names(struct compare_rules *r, const struct ynode *root,
			   const char *p, struct err *e)
{
	const struct ynode *l = ynode_get(root, "same_names");
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ) {
		ynode_err(e, p, l, "'same_names' must be a list of lists of "
			  "names");
		return -1;
	}
	r->same = xcalloc(l->nkids + 1, sizeof *r->same);
	r->nsame_len = xcalloc(l->nkids + 1, sizeof *r->nsame_len);
	for (i = 0; i < l->nkids; i++) {
		if (wordlist_strings(p, l->kids[i], "same_names", 1,
				     &r->same[i], &r->nsame_len[i], e) != 0)
			return -1;
		r->nsame++;
		if (r->nsame_len[i] == 0) {
			ynode_err(e, p, l->kids[i], "'same_names': a group "
				  "holds a name at least");
			return -1;
		}
	}
	return 0;
}

/* contextual_names: a list of {form, means, when: [names]}. */
static int load_contextual(struct compare_rules *r, const struct ynode *root,
			   const char *p, struct err *e)
{
	const struct ynode *l = ynode_get(root, "contextual_names");
	size_t i;

	if (l == NULL)
		return 0;
	if (l->type != YNODE_SEQ) {
		ynode_err(e, p, l, "'contextual_names' must be a list of "
			  "{form, means, when}");
		return -1;
	}
	r->ctx = xcalloc(l->nkids + 1, sizeof *r->ctx);
	for (i = 0; i < l->nkids; i++) {
		const struct ynode *f = ynode_get(l->kids[i], "form");
		const struct ynode *m = ynode_get(l->kids[i], "means");
		struct ctx_name *cn = &r->ctx[r->nctx];

		if (l->kids[i]->type != YNODE_MAP || f == NULL ||
		    f->type != YNODE_SCALAR || !f->str[0] || m == NULL ||
		    m->type != YNODE_SCALAR || !m->str[0]) {
			ynode_err(e, p, l->kids[i], "'contextual_names': an "
				  "entry needs a 'form' and a 'means'");
			return -1;
		}
		cn->form = xstrdup(f->str);
		cn->means = xstrdup(m->str);
		r->nctx++;
		if (wordlist_strings(p, ynode_get(l->kids[i], "when"),
				     "when", 0, &cn->when, &cn->nwhen, e) != 0)
			return -1;
	}
	return 0;
}

/* The figure rules beside the comparison rules given, else the
 * defaults. */
static struct figrules_align *load_figures(const char *path, struct err *e)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	struct figrules_align *fr;
	char *fp;
	int n;

	if (path == NULL)
		return figalign_rules_load(NULL, e);
	n = slash ? (int)(slash - path + 1) : 0;
	fp = xcalloc((size_t)n + sizeof "figures.yaml", 1);
	memcpy(fp, path, (size_t)n);
	strcpy(fp + n, "figures.yaml");
	fr = figalign_rules_load(fp, e);
	free(fp);
	return fr;
}

struct compare_rules *compare_rules_load(const char *path,
					 const char *topics_path,
					 struct err *e)
{
	struct compare_rules *r = xcalloc(1, sizeof *r);
	char *p = path ? xstrdup(path) : paths_config_file("compare.yaml");
	char *tp;
	struct ynode *root = NULL;
	const struct ynode *v;
	int ok;

	tp = topics_path ? xstrdup(topics_path) : topics_default_path();
	root = yamlio_parse_file(p, &ok, e);
	if (!ok)
		goto fail;
	if (root == NULL || root->type != YNODE_MAP) {
		ynode_err(e, p, root, "the comparison rules must be a mapping");
		goto fail;
	}
	r->share_factor = 2.5;
	r->min_mentions = 3;
	if ((v = ynode_get(root, "share_factor")) && v->type == YNODE_SCALAR)
		r->share_factor = atof(v->str);
	if ((v = ynode_get(root, "min_mentions")) && v->type == YNODE_SCALAR)
		r->min_mentions = atoi(v->str);
	if (load_same_names(r, root, p, e) != 0 ||
	    load_contextual(r, root, p, e) != 0 ||
	    wordlist_strings(p, ynode_get(root, "name_stops"), "name_stops",
			     1, &r->names.stops, &r->names.nstops, e) != 0 ||
	    wordlist_strings(p, ynode_get(root, "name_connectors"),
			     "name_connectors", 1, &r->names.connectors,
			     &r->names.nconnectors, e) != 0 ||
	    wordlist_strings(p, ynode_get(root, "name_tails"), "name_tails",
			     1, &r->names.tails, &r->names.ntails, e) != 0 ||
	    wordlist_strings(p, ynode_get(root, "name_titles"), "name_titles",
			     1, &r->names.titles, &r->names.ntitles, e) != 0)
		goto fail;
	names_sort_list(r->names.stops, r->names.nstops);
	names_sort_list(r->names.connectors, r->names.nconnectors);
	names_sort_list(r->names.tails, r->names.ntails);
	names_sort_list(r->names.titles, r->names.ntitles);
	r->q = quoterules_load(root, p, e);
	if (r->q == NULL)
		goto fail;
	r->tl = tlrules_load(root, p, e);
	if (r->tl == NULL)
		goto fail;
	r->topics = topics_load(tp, e);
	if (r->topics == NULL)
		goto fail;
	r->figs = load_figures(path, e);
	if (r->figs == NULL)
		goto fail;
	ynode_free(root);
	free(p);
	free(tp);
	return r;
fail:
	ynode_free(root);
	free(p);
	free(tp);
	compare_rules_free(r);
	return NULL;
}

static void free_words(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void compare_rules_free(struct compare_rules *r)
{
	size_t i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->nsame; i++) {
		for (k = 0; k < r->nsame_len[i]; k++)
			free(r->same[i][k]);
		free(r->same[i]);
	}
	free(r->same);
	free(r->nsame_len);
	for (i = 0; i < r->nctx; i++) {
		free(r->ctx[i].form);
		free(r->ctx[i].means);
		for (k = 0; k < r->ctx[i].nwhen; k++)
			free(r->ctx[i].when[k]);
		free(r->ctx[i].when);
	}
	free(r->ctx);
	free_words(r->names.stops, r->names.nstops);
	free_words(r->names.connectors, r->names.nconnectors);
	free_words(r->names.tails, r->names.ntails);
	free_words(r->names.titles, r->names.ntitles);
	quoterules_free(r->q);
	tlrules_free(r->tl);
	topics_free(r->topics);
	figalign_rules_free(r->figs);
	free(r);
}
