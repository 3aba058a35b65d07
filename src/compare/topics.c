/* topics: topic definitions and paragraph tagging. */
#include "brief/compare/topics.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/paths.h"
#include "brief/base/rx.h"
#include "brief/yaml/rx_node.h"
#include "brief/yaml/yamlio.h"

struct topic {
	char *name;
	pcre2_code **re;
	size_t nre;
	char **entities;
	size_t nent;
};

struct topics {
	struct topic v[TOPICS_MAX];
	size_t n;
	pcre2_match_data *md;
};

char *topics_default_path(void)
{
	return paths_config_file("topics.yaml");
}

static int has_upper(const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			continue;
		}
		if (*s >= 'A' && *s <= 'Z')
			return 1;
	}
	return 0;
}

static int load_topic(struct topics *ts, const char *path,
		      const struct ynode *m, struct err *e)
{
	const struct ynode *nm = ynode_get(m, "name"),
			   *pats = ynode_get(m, "patterns"),
			   *ents = ynode_get(m, "entities");
	struct topic *t = &ts->v[ts->n];
	size_t i;

	if (m->type != YNODE_MAP || nm == NULL || nm->type != YNODE_SCALAR) {
		ynode_err(e, path, m, "a topic needs a 'name'");
		return -1;
	}
	if ((pats && pats->type != YNODE_SEQ) ||
	    (ents && ents->type != YNODE_SEQ)) {
		ynode_err(e, path, pats && pats->type != YNODE_SEQ ? pats : ents,
			  "'patterns' and 'entities' must be lists");
		return -1;
	}
	memset(t, 0, sizeof *t);
	t->name = xstrdup(nm->str);
	ts->n++;
	t->re = xcalloc(pats ? pats->nkids + 1 : 1, sizeof *t->re);
	for (i = 0; pats && i < pats->nkids; i++) {
		const struct ynode *p = pats->kids[i];

		t->re[i] = rx_compile_node(path, p,
					   RX_ASCII_WORDS |
						   (p->type == YNODE_SCALAR &&
								   has_upper(p->str)
							   ? 0
							   : PCRE2_CASELESS),
					   e);
		if (t->re[i] == NULL)
			return -1;
		t->nre++;
	}
	t->entities = xcalloc(ents ? ents->nkids + 1 : 1, sizeof *t->entities);
	for (i = 0; ents && i < ents->nkids; i++) {
		if (ents->kids[i]->type != YNODE_SCALAR) {
			ynode_err(e, path, ents->kids[i],
				  "an entity name is expected");
			return -1;
		}
		t->entities[t->nent++] = xstrdup(ents->kids[i]->str);
	}
	return 0;
}

struct topics *topics_load(const char *path, struct err *e)
{
	struct topics *ts = xcalloc(1, sizeof *ts);
	struct ynode *root;
	const struct ynode *l;
	size_t i;
	int ok;

	ts->md = pcre2_match_data_create(4, NULL);
	root = yamlio_parse_file(path, &ok, e);
	if (!ok) {
		topics_free(ts);
		return NULL;
	}
	l = ynode_get(root, "topics");
	if (l == NULL || l->type != YNODE_SEQ) {
		ynode_err(e, path, l ? l : root, "a 'topics' list is expected");
		goto fail;
	}
	if (l->nkids > TOPICS_MAX) {
		ynode_err(e, path, l, "at most %d topics", TOPICS_MAX);
		goto fail;
	}
	for (i = 0; i < l->nkids; i++)
		if (load_topic(ts, path, l->kids[i], e) != 0)
			goto fail;
	ynode_free(root);
	return ts;
fail:
	ynode_free(root);
	topics_free(ts);
	return NULL;
}

void topics_free(struct topics *ts)
{
	size_t i, k;

	if (ts == NULL)
		return;
	for (i = 0; i < ts->n; i++) {
		free(ts->v[i].name);
		for (k = 0; k < ts->v[i].nre; k++)
			rx_free(ts->v[i].re[k]);
		free(ts->v[i].re);
		for (k = 0; k < ts->v[i].nent; k++)
			free(ts->v[i].entities[k]);
		free(ts->v[i].entities);
	}
	pcre2_match_data_free(ts->md);
	free(ts);
}

size_t topics_count(const struct topics *t)
{
	return t->n;
}

const char *topics_name(const struct topics *t, size_t i)
{
	return i < t->n ? t->v[i].name : "";
}

uint64_t topics_of(const struct topics *ts, const struct article *a,
		   size_t sec, const struct mention *m, size_t nm,
		   const struct entities *reg)
{
	const struct section *s = &a->sections[sec];
	uint64_t bits = 0;
	size_t i, k, j, ms, me;

	if (s->kind == SECTION_BOILERPLATE)
		return 0;
	for (i = 0; i < ts->n; i++) {
		const struct topic *t = &ts->v[i];
		int hit = 0;

		for (k = 0; k < t->nre && !hit; k++)
			hit = rx_find(t->re[k], ts->md, a->text + s->start,
				      s->end - s->start, 0, 0, &ms, &me);
		for (k = 0; k < t->nent && !hit; k++)
			for (j = 0; j < nm && !hit; j++) {
				const struct entity *en =
					entities_get(reg, m[j].entity);

				hit = en && en->cat != CAT_FIGURE &&
				      strcmp(en->name, t->entities[k]) == 0;
			}
		if (hit)
			bits |= 1ULL << i;
	}
	return bits;
}
