/* article_rules: the loader's data-driven rules (metadata patterns,
 * boilerplate patterns, abbreviations, month names), read from YAML. */
#include "article_rules.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "brief/base/cachefile.h"
#include "brief/base/paths.h"
#include "brief/base/ser.h"

/* The rules' cache: changed whenever what is saved changes. */
#define RULES_FORMAT 2
#define RULES_MAGIC "BRIEFAR1"
/* The options rx_compile_node compiles a rule's pattern with (for its
 * literal gate when it is read back). */
#define RULE_RX_OPTIONS PCRE2_UCP

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int flag(const struct ynode *m, const char *key)
{
	const struct ynode *v = ynode_get(m, key);

	return v && v->type == YNODE_SCALAR &&
	       (strcmp(v->str, "true") == 0 || strcmp(v->str, "yes") == 0);
}

/* The optional key max_length of rule m: 0 and *out untouched when it is
 * absent, -1 and e when it is not a positive number. */
static int max_length(const char *name, const struct ynode *m, size_t *out,
		      struct err *e)
{
	const struct ynode *ml = ynode_get(m, "max_length");
	char *end;
	long v;

	if (ml == NULL)
		return 0;
	v = ml->type == YNODE_SCALAR ? strtol(ml->str, &end, 10) : -1;
	if (ml->type != YNODE_SCALAR || *end || v <= 0) {
		ynode_err(e, name, ml, "max_length must be a positive number");
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

static int load_meta(struct article_rules *r, const char *name,
		     const struct ynode *list, struct err *e)
{
	size_t i;

	if (list == NULL)
		return 0;
	if (list->type != YNODE_SEQ) {
		ynode_err(e, name, list, "'metadata' must be a list");
		return -1;
	}
	r->meta = xcalloc(list->nkids, sizeof *r->meta);
	for (i = 0; i < list->nkids; i++) {
		const struct ynode *m = list->kids[i], *w, *p;
		struct meta_rule *mr = &r->meta[r->nmeta];

		if (m->type != YNODE_MAP) {
			ynode_err(e, name, m, "a metadata rule must be a mapping");
			return -1;
		}
		w = ynode_get(m, "where");
		p = ynode_get(m, "pattern");
		if (p == NULL) {
			ynode_err(e, name, m, "metadata rule without 'pattern'");
			return -1;
		}
		if (w == NULL || w->type != YNODE_SCALAR) {
			ynode_err(e, name, m, "metadata rule without 'where'");
			return -1;
		}
		if (strcmp(w->str, "start") == 0)
			mr->where = META_START;
		else if (strcmp(w->str, "lead") == 0)
			mr->where = META_LEAD;
		else if (strcmp(w->str, "paragraph") == 0)
			mr->where = META_PARAGRAPH;
		else if (strcmp(w->str, "name") == 0)
			mr->where = META_NAME;
		else if (strcmp(w->str, "head") == 0)
			mr->where = META_HEAD;
		else {
			ynode_err(e, name, w,
				  "'where' must be start, head, lead, paragraph "
				  "or name");
			return -1;
		}
		mr->re = rx_compile_node(name, p, 0, e);
		if (mr->re == NULL)
			return -1;
		mr->src = xstrndup(p->str, p->len);
		mr->srclen = p->len;
		r->nmeta++;
		mr->marker = flag(m, "marker");
		mr->boilerplate = flag(m, "boilerplate");
		if (max_length(name, m, &mr->max_length, e) != 0)
			return -1;
	}
	return 0;
}

static int load_boiler(struct article_rules *r, const char *name,
		       const struct ynode *list, struct err *e)
{
	size_t i;

	if (list == NULL)
		return 0;
	if (list->type != YNODE_SEQ) {
		ynode_err(e, name, list, "'boilerplate' must be a list");
		return -1;
	}
	r->boiler = xcalloc(list->nkids, sizeof *r->boiler);
	for (i = 0; i < list->nkids; i++) {
		const struct ynode *m = list->kids[i], *p;
		struct boiler_rule *br = &r->boiler[r->nboiler];

		if (m->type != YNODE_MAP) {
			ynode_err(e, name, m,
				  "a boilerplate rule must be a mapping");
			return -1;
		}
		p = ynode_get(m, "pattern");
		if (p == NULL) {
			ynode_err(e, name, m, "boilerplate rule without 'pattern'");
			return -1;
		}
		br->re = rx_compile_node(name, p, 0, e);
		if (br->re == NULL)
			return -1;
		br->src = xstrndup(p->str, p->len);
		br->srclen = p->len;
		r->nboiler++;
		br->max_length = 400;
		br->end = flag(m, "end");
		if (max_length(name, m, &br->max_length, e) != 0)
			return -1;
	}
	return 0;
}

static int load_strings(const char *name, const struct ynode *list,
			const char *what, char ***out, size_t *n,
			struct err *e)
{
	size_t i;

	if (list == NULL)
		return 0;
	if (list->type != YNODE_SEQ) {
		ynode_err(e, name, list, "'%s' must be a list", what);
		return -1;
	}
	*out = xcalloc(list->nkids, sizeof **out);
	for (i = 0; i < list->nkids; i++) {
		if (list->kids[i]->type != YNODE_SCALAR) {
			ynode_err(e, name, list->kids[i],
				  "'%s' entries must be strings", what);
			return -1;
		}
		(*out)[(*n)++] = xstrdup(list->kids[i]->str);
	}
	return 0;
}

/* genres: a list of {name, pattern}, tried in order. */
static int load_genres(struct article_rules *r, const char *name,
		       const struct ynode *list, struct err *e)
{
	size_t i;

	if (list == NULL)
		return 0;
	if (list->type != YNODE_SEQ) {
		ynode_err(e, name, list, "'genres' must be a list");
		return -1;
	}
	r->genres = xcalloc(list->nkids + 1, sizeof *r->genres);
	for (i = 0; i < list->nkids; i++) {
		const struct ynode *g = list->kids[i], *n, *p;
		struct genre_rule *gr = &r->genres[r->ngenres];

		n = g->type == YNODE_MAP ? ynode_get(g, "name") : NULL;
		p = g->type == YNODE_MAP ? ynode_get(g, "pattern") : NULL;
		if (n == NULL || n->type != YNODE_SCALAR || n->str[0] == '\0' ||
		    p == NULL) {
			ynode_err(e, name, g,
				  "a genre must be a mapping with 'name' and "
				  "'pattern'");
			return -1;
		}
		gr->re = rx_compile_node(name, p, 0, e);
		if (gr->re == NULL)
			return -1;
		gr->name = xstrdup(n->str);
		gr->src = xstrndup(p->str, p->len);
		gr->srclen = p->len;
		r->ngenres++;
	}
	return 0;
}

static int load_sources(struct article_rules *r, const char *name,
			const struct ynode *map, struct err *e)
{
	size_t i;

	if (map == NULL)
		return 0;
	if (map->type != YNODE_MAP) {
		ynode_err(e, name, map, "'sources' must be a mapping");
		return -1;
	}
	r->sources = xcalloc(map->nkids + 1, sizeof *r->sources);
	for (i = 0; i + 1 < map->nkids; i += 2) {
		if (map->kids[i]->type != YNODE_SCALAR ||
		    map->kids[i + 1]->type != YNODE_SCALAR) {
			ynode_err(e, name, map->kids[i],
				  "'sources' maps a short form to a name");
			return -1;
		}
		r->sources[r->nsources++] = xstrdup(map->kids[i]->str);
		r->sources[r->nsources++] = xstrdup(map->kids[i + 1]->str);
	}
	return 0;
}

static int load_months(struct article_rules *r, const char *name,
		       const struct ynode *map, struct err *e)
{
	size_t i;

	if (map == NULL)
		return 0;
	if (map->type != YNODE_MAP) {
		ynode_err(e, name, map, "'months' must be a mapping");
		return -1;
	}
	r->months = xcalloc(map->nkids / 2 + 1, sizeof *r->months);
	for (i = 0; i + 1 < map->nkids; i += 2) {
		const struct ynode *k = map->kids[i], *v = map->kids[i + 1];
		char *end;
		long m = v->type == YNODE_SCALAR ? strtol(v->str, &end, 10) : 0;

		if (k->type != YNODE_SCALAR || v->type != YNODE_SCALAR ||
		    *end || m < 1 || m > 12) {
			ynode_err(e, name, k,
				  "'months' maps a month's name to 1 to 12");
			return -1;
		}
		r->months[r->nmonths].name = xstrdup(k->str);
		r->months[r->nmonths++].month = (int)m;
	}
	return 0;
}

struct article_rules *article_rules_load(const char *path, struct err *e)
{
	struct article_rules *r;
	struct ynode *root;
	int ok;

	root = yamlio_parse_file(path, &ok, e);
	if (!ok)
		return NULL;
	r = xcalloc(1, sizeof *r);
	if (root && root->type != YNODE_MAP) {
		ynode_err(e, path, root, "the rules file must be a mapping");
		goto fail;
	}
	if (load_meta(r, path, ynode_get(root, "metadata"), e) != 0 ||
	    load_boiler(r, path, ynode_get(root, "boilerplate"), e) != 0 ||
	    load_sources(r, path, ynode_get(root, "sources"), e) != 0 ||
	    load_months(r, path, ynode_get(root, "months"), e) != 0 ||
	    load_genres(r, path, ynode_get(root, "genres"), e) != 0 ||
	    load_strings(path, ynode_get(root, "abbreviations"),
			 "abbreviations", &r->abbrev, &r->nabbrev, e) != 0)
		goto fail;
	xqsort(r->abbrev, r->nabbrev, sizeof *r->abbrev, cmp_str);
	ynode_free(root);
	return r;
fail:
	ynode_free(root);
	article_rules_free(r);
	return NULL;
}

/* A pattern of the rules' cache: compiled (PCRE2's serialised form)
 * and its source, for its literal gate. */
static void save_rx(struct buf *b, const pcre2_code *re, const char *src,
		    size_t len)
{
	rx_save(re, b);
	ser_bytes(b, src, len);
}

static pcre2_code *load_rx(struct deser *d, char **src, size_t *len)
{
	pcre2_code *re = rx_load(d, 1);
	const void *p = deser_bytes(d, len, 0);

	*src = NULL;
	if (re == NULL || d->bad) {
		rx_free(re);
		d->bad = 1;
		return NULL;
	}
	*src = xstrndup(p ? (const char *)p : "", *len);
	rx_gate_attach(re, *src, *len, RULE_RX_OPTIONS);
	return re;
}

static void rules_save(const struct article_rules *r, struct buf *b)
{
	size_t i;

	ser_u64(b, r->nmeta);
	for (i = 0; i < r->nmeta; i++) {
		ser_u32(b, (uint32_t)r->meta[i].where);
		ser_u32(b, (uint32_t)r->meta[i].marker);
		ser_u32(b, (uint32_t)r->meta[i].boilerplate);
		ser_u64(b, r->meta[i].max_length);
		save_rx(b, r->meta[i].re, r->meta[i].src, r->meta[i].srclen);
	}
	ser_u64(b, r->nboiler);
	for (i = 0; i < r->nboiler; i++) {
		ser_u64(b, r->boiler[i].max_length);
		ser_u32(b, (uint32_t)r->boiler[i].end);
		save_rx(b, r->boiler[i].re, r->boiler[i].src,
			r->boiler[i].srclen);
	}
	ser_strs(b, r->abbrev, r->nabbrev);
	ser_strs(b, r->sources, r->nsources);
	ser_u64(b, r->nmonths);
	for (i = 0; i < r->nmonths; i++) {
		ser_str(b, r->months[i].name);
		ser_u32(b, (uint32_t)r->months[i].month);
	}
	ser_u64(b, r->ngenres);
	for (i = 0; i < r->ngenres; i++) {
		ser_str(b, r->genres[i].name);
		save_rx(b, r->genres[i].re, r->genres[i].src,
			r->genres[i].srclen);
	}
}

/* The rules read back from a cache's payload, checked, or NULL. */
static struct article_rules *rules_load_saved(const void *p, size_t len)
{
	struct article_rules *r = xcalloc(1, sizeof *r);
	struct deser d;
	uint64_t n;
	size_t i;

	deser_init(&d, p, len);
	/* every rule takes at least 40 bytes */
	n = deser_u64(&d);
	if (deser_check(&d, n <= (d.n - d.at) / 40))
		r->meta = xcalloc((size_t)n + 1, sizeof *r->meta);
	for (i = 0; i < n && !d.bad; i++) {
		struct meta_rule *mr = &r->meta[i];

		mr->where = (enum meta_where)deser_u32(&d);
		mr->marker = deser_u32(&d) != 0;
		mr->boilerplate = deser_u32(&d) != 0;
		mr->max_length = (size_t)deser_u64(&d);
		deser_check(&d, mr->where <= META_HEAD);
		if (!d.bad && (mr->re = load_rx(&d, &mr->src, &mr->srclen)))
			r->nmeta++;
	}
	n = deser_u64(&d);
	if (deser_check(&d, n <= (d.n - d.at) / 40))
		r->boiler = xcalloc((size_t)n + 1, sizeof *r->boiler);
	for (i = 0; i < n && !d.bad; i++) {
		struct boiler_rule *br = &r->boiler[i];

		br->max_length = (size_t)deser_u64(&d);
		br->end = deser_u32(&d) != 0;
		if (!d.bad && (br->re = load_rx(&d, &br->src, &br->srclen)))
			r->nboiler++;
	}
	r->abbrev = deser_strs(&d, &r->nabbrev);
	for (i = 1; i < r->nabbrev && !d.bad; i++) /* looked up by halves */
		deser_check(&d, strcmp(r->abbrev[i - 1], r->abbrev[i]) <= 0);
	r->sources = deser_strs(&d, &r->nsources);
	deser_check(&d, r->nsources % 2 == 0);
	n = deser_u64(&d);
	if (deser_check(&d, n <= (d.n - d.at) / 12))
		r->months = xcalloc((size_t)n + 1, sizeof *r->months);
	for (i = 0; i < n && !d.bad; i++) {
		r->months[i].name = deser_str(&d);
		r->months[i].month = (int)deser_u32(&d);
		if (deser_check(&d, r->months[i].name != NULL &&
					    r->months[i].month >= 1 &&
					    r->months[i].month <= 12))
			r->nmonths++;
		else
			free(r->months[i].name);
	}
	n = deser_u64(&d);
	if (deser_check(&d, n <= (d.n - d.at) / 40))
		r->genres = xcalloc((size_t)n + 1, sizeof *r->genres);
	for (i = 0; i < n && !d.bad; i++) {
		struct genre_rule *gr = &r->genres[i];

		gr->name = deser_str(&d);
		if (!deser_check(&d, gr->name != NULL && gr->name[0] != '\0'))
			break;
		if ((gr->re = load_rx(&d, &gr->src, &gr->srclen)) != NULL)
			r->ngenres++;
	}
	if (r->genres && r->ngenres < n) {
		/* the one read last, and left out */
		free(r->genres[r->ngenres].name);
		free(r->genres[r->ngenres].src);
	}
	if (d.bad || !deser_check(&d, d.at == d.n)) {
		article_rules_free(r);
		return NULL;
	}
	return r;
}

struct article_rules *article_rules_default(struct err *e)
{
	char *path = paths_config_file("article.yaml");
	char *cache = paths_cache_file("article.cache");
	char *files[1];
	uint64_t version = cachefile_version("article rules", RULES_FORMAT);
	struct article_rules *r = NULL;
	struct cachefile cf;

	files[0] = path;
	/* the compiled rules kept, keyed by the file's content: no YAML
	 * and no pattern compiled at a start */
	if (cache && cachefile_open(&cf, cache, RULES_MAGIC, version, files,
				    1) == 0) {
		r = rules_load_saved(cf.payload, cf.len);
		if (r)
			cachefile_refresh(&cf, cache, RULES_MAGIC, version,
					  files, 1);
		cachefile_close(&cf);
	}
	if (r == NULL) {
		r = article_rules_load(path, e);
		if (r && cache) {
			struct buf b = {0};

			/* a cache that cannot be written is only slower */
			rules_save(r, &b);
			cachefile_write(cache, RULES_MAGIC, version, files, 1,
					b.data, b.len);
			buf_free(&b);
		}
	}
	free(cache);
	free(path);
	return r;
}

void article_rules_free(struct article_rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nmeta; i++) {
		rx_free(r->meta[i].re);
		free(r->meta[i].src);
	}
	for (i = 0; i < r->nboiler; i++) {
		rx_free(r->boiler[i].re);
		free(r->boiler[i].src);
	}
	for (i = 0; i < r->nabbrev; i++)
		free(r->abbrev[i]);
	for (i = 0; i < r->nsources; i++)
		free(r->sources[i]);
	for (i = 0; i < r->nmonths; i++)
		free(r->months[i].name);
	free(r->months);
	for (i = 0; i < r->ngenres; i++) {
		free(r->genres[i].name);
		rx_free(r->genres[i].re);
		free(r->genres[i].src);
	}
	free(r->genres);
	free(r->meta);
	free(r->boiler);
	free(r->abbrev);
	free(r->sources);
	free(r);
}

int article_rules_is_abbrev(const struct article_rules *r, const char *tok,
			    size_t n)
{
	size_t lo = 0, hi = r->nabbrev;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(r->abbrev[mid], tok, n);

		if (c == 0 && r->abbrev[mid][n] != '\0')
			c = 1;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

const char *article_rules_source(const struct article_rules *r,
				 const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < r->nsources; i += 2)
		if (strlen(r->sources[i]) == n &&
		    memcmp(r->sources[i], s, n) == 0)
			return r->sources[i + 1];
	return NULL;
}

int article_rules_month(const struct article_rules *r, const char *s,
			size_t n)
{
	size_t i;

	for (i = 0; i < r->nmonths; i++)
		if (strlen(r->months[i].name) == n &&
		    strncasecmp(r->months[i].name, s, n) == 0)
			return r->months[i].month;
	return 0;
}

const char *article_rules_genre(const struct article_rules *r,
				pcre2_match_data *md, const char *text,
				size_t len)
{
	size_t i, ms, me;

	for (i = 0; r && i < r->ngenres; i++)
		if (rx_find(r->genres[i].re, md, text, len, 0, 0, &ms, &me))
			return r->genres[i].name;
	return "wire";
}
