/* parallel: an article's sections highlighted on worker threads, the
 * result byte for byte that of highlight_section in order.
 *
 * A round cuts the next sections into one chunk per worker.  Each worker
 * highlights its chunk with the state and registry as they stood at the
 * round's start (read only for the round) plus what its own chunk taught
 * it, noting the learnt keys each section asked for, the names it taught
 * and the new entities it made.  The merge then takes the sections in
 * order: a section is taken as it is when none of the keys it asked for
 * was taught by anything its worker could not see (keys in the set X) and
 * its new entities are what the registry would have made; its names and
 * entities are then replayed on the true state and registry.  Otherwise
 * the section is done again with the true state.  Memory: one round of
 * chunks (up to CHUNK_MAX of text each) at a time. */
#include "brief/mark/parallel.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/fatal.h"
#include "brief/mark/correct.h"
#include "hl_priv.h"

/* A chunk's text: an eighth of the article's share per worker, so that
 * rounds stay many and small, within these bounds. */
#define CHUNK_MIN (4u << 10)
#define CHUNK_MAX (1u << 20)

/* What a worker made of one section. */
struct sec_out {
	struct mentions m;
	size_t reads_end, adds_end, calls_end; /* in the worker's logs */
};

struct chunk {
	const struct article *a;
	size_t first, last;      /* sections [first, last) */
	struct highlighter w;    /* a copy with its own scratch */
	struct entities *ov;
	struct hl_state *st;
	struct sec_out *out;
	uint32_t *map;           /* overlay id - nbase -> true id */
	size_t nmap;
};

/* A set of word keys (0 is never a key: it counts its letters). */
struct keyset {
	uint64_t *v;
	size_t n, slots;
};

static size_t keyset_slot(const struct keyset *s, uint64_t k)
{
	size_t i = (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 32) &
		   (s->slots - 1);

	while (s->v[i] && s->v[i] != k)
		i = (i + 1) & (s->slots - 1);
	return i;
}

static int keyset_has(const struct keyset *s, uint64_t k)
{
	return s->n && s->v[keyset_slot(s, k)] == k;
}

static void keyset_add(struct keyset *s, uint64_t k)
{
	size_t i;

	if ((s->n + 1) * 2 > s->slots) {
		struct keyset o = *s;

		s->slots = o.slots ? o.slots * 2 : 256;
		s->v = xcalloc(s->slots, sizeof *s->v);
		s->n = 0;
		for (i = 0; i < o.slots; i++)
			if (o.v[i])
				keyset_add(s, o.v[i]);
		free(o.v);
	}
	i = keyset_slot(s, k);
	if (s->v[i] == 0) {
		s->v[i] = k;
		s->n++;
	}
}

/* What a worker could not see: the names the true state learnt
 * meanwhile, and those a section the merge did again taught it in vain
 * or taught afresh; their keys for a quick test first. */
struct diff {
	struct keyset keys;
	struct trie *names;
};

static void diff_add(struct diff *d, const char *s, size_t n)
{
	keyset_add(&d->keys, trie_key(s, n, 0));
	trie_add(d->names, s, n, 0, 0);
}

/* Could the names in d have changed what the lookup r found? */
static int diff_hits(const struct diff *d, const char *text,
		     const struct hl_read *r)
{
	uint32_t v;

	return keyset_has(&d->keys, r->key) &&
	       (r->pos == HL_NO_POS ||
		trie_match_in(d->names, text, r->end, r->pos, TRIE_EXACT,
			      &v) != 0);
}

static void *chunk_run(void *arg)
{
	struct chunk *c = arg;
	size_t i;

	for (i = c->first; i < c->last; i++) {
		struct sec_out *o = &c->out[i - c->first];
		const struct entities_call *v;

		hl_scan_section(&c->w, c->st, c->a, i, &o->m);
		o->reads_end = c->st->nreads;
		o->adds_end = c->st->nadds;
		o->calls_end = entities_overlay_calls(c->ov, &v);
	}
	return NULL;
}

static void chunk_open(struct chunk *c, struct highlighter *h,
		       struct hl_state *st, const struct article *a,
		       size_t first, size_t last)
{
	c->a = a;
	c->first = first;
	c->last = last;
	c->w = *h;
	c->ov = entities_overlay_new(h->reg);
	c->w.reg = c->ov;
	c->w.md = pcre2_match_data_create(16, NULL);
	if (c->w.md == NULL)
		fatal("out of memory (match data)");
	c->w.c = NULL;
	c->w.nc = c->w.ccap = 0;
	c->w.cfigs = NULL;
	c->w.ncfigs = c->w.cfigcap = 0;
	c->w.taken = NULL;
	c->w.taken_cap = 0;
	c->w.corr = NULL;
	c->st = hl_state_new();
	c->st->base = st;
	c->st->logging = 1;
	c->st->text = a->text;
	c->out = xcalloc(last - first, sizeof *c->out);
	c->map = NULL;
	c->nmap = 0;
}

static void chunk_close(struct chunk *c)
{
	size_t i;

	for (i = 0; i < c->last - c->first; i++)
		mentions_free(&c->out[i].m);
	free(c->out);
	free(c->map);
	free(c->w.c);
	free(c->w.cfigs);
	free(c->w.taken);
	pcre2_match_data_free(c->w.md);
	hl_state_free(c->st);
	entities_free(c->ov);
}

static int same_kind(const char *x, const char *y)
{
	return x == y || (x && y && strcmp(x, y) == 0);
}

/* The true id of a worker's id (ENTITY_NONE when not known yet). */
static uint32_t true_id(const struct chunk *c, size_t nbase, uint32_t id)
{
	if (id == ENTITY_NONE || id < nbase)
		return id;
	return id - nbase < c->nmap ? c->map[id - nbase] : ENTITY_NONE;
}

/* Can the worker's section i (index k in its chunk) be taken as it is? */
static int section_holds(const struct chunk *c, size_t k, size_t nbase,
			 const struct diff *x, struct entities *reg)
{
	const struct sec_out *o = &c->out[k];
	size_t r0 = k ? c->out[k - 1].reads_end : 0;
	size_t a0 = k ? c->out[k - 1].adds_end : 0;
	size_t c0 = k ? c->out[k - 1].calls_end : 0;
	const struct entities_call *calls;
	size_t i;

	entities_overlay_calls(c->ov, &calls);
	for (i = r0; x->keys.n && i < o->reads_end; i++)
		if (diff_hits(x, c->a->text, &c->st->reads[i]))
			return 0;
	for (i = c0; i < o->calls_end; i++) {
		const struct entity *w = entities_get(c->ov, calls[i].id);
		uint32_t id = entities_find(reg, w->name, strlen(w->name));
		const struct entity *t = id != ENTITY_NONE
						 ? entities_get(reg, id)
						 : NULL;

		if (t ? t->cat != w->cat || !same_kind(t->kind, w->kind) ||
				t->from_rule != w->from_rule
		      : calls[i].cat != w->cat ||
				!same_kind(calls[i].kind, w->kind) ||
				calls[i].from_rule != w->from_rule)
			return 0;
	}
	/* every new entity it names was made by this section or is known */
	for (i = 0; i < o->m.n; i++) {
		uint32_t id = o->m.v[i].entity;
		size_t j;

		if (id == ENTITY_NONE || id < nbase ||
		    true_id(c, nbase, id) != ENTITY_NONE)
			continue;
		for (j = c0; j < o->calls_end && calls[j].id != id; j++)
			;
		if (j == o->calls_end)
			return 0;
	}
	for (i = a0; i < o->adds_end; i++) {
		uint32_t id = c->st->adds[i].entity;
		size_t j;

		if (id == ENTITY_NONE || id < nbase ||
		    true_id(c, nbase, id) != ENTITY_NONE)
			continue;
		for (j = c0; j < o->calls_end && calls[j].id != id; j++)
			;
		if (j == o->calls_end)
			return 0;
	}
	return 1;
}

/* The names the true state learnt from a chunk's sections, for the
 * chunks after it. */
struct pending {
	struct hl_learn *v;
	size_t n, cap;
};

/* Take the worker's section k: its entities and names on the true
 * registry and state; the keys it taught into pending. */
static void section_take(struct chunk *c, size_t k, size_t nbase,
			 struct entities *reg, struct hl_state *st,
			 struct pending *pend)
{
	struct sec_out *o = &c->out[k];
	size_t a0 = k ? c->out[k - 1].adds_end : 0;
	size_t c0 = k ? c->out[k - 1].calls_end : 0;
	const struct entities_call *calls;
	size_t i;

	entities_overlay_calls(c->ov, &calls);
	for (i = c0; i < o->calls_end; i++) {
		const struct entity *w = entities_get(c->ov, calls[i].id);
		uint32_t id = entities_intern(reg, w->name, strlen(w->name),
					      calls[i].cat, calls[i].kind,
					      calls[i].from_rule);
		size_t at = calls[i].id - nbase;

		if (at >= c->nmap) {
			size_t n = c->nmap;

			c->map = xgrow(c->map, &c->nmap, at + 1,
				       sizeof *c->map);
			while (n < c->nmap)
				c->map[n++] = ENTITY_NONE;
		}
		c->map[at] = id;
	}
	for (i = a0; i < o->adds_end; i++) {
		const struct hl_learn *l = &c->st->adds[i];

		if (hl_state_add(st, l->s, l->n,
				 true_id(c, nbase, l->entity))) {
			pend->v = xgrow(pend->v, &pend->cap, pend->n + 1,
					sizeof *pend->v);
			pend->v[pend->n++] = *l;
		}
	}
	for (i = 0; i < o->m.n; i++)
		o->m.v[i].entity = true_id(c, nbase, o->m.v[i].entity);
}

/* Section i again, with the true state; what it and the worker taught
 * into x. */
static void section_redo(struct highlighter *h, struct hl_state *st,
			 struct chunk *c, size_t k, struct diff *x,
			 struct mentions *m)
{
	size_t a0 = k ? c->out[k - 1].adds_end : 0, i;

	for (i = a0; i < c->out[k].adds_end; i++)
		if (c->st->adds[i].fresh)
			diff_add(x, c->st->adds[i].s, c->st->adds[i].n);
	st->logging = 1;
	st->nadds = 0;
	hl_scan_section(h, st, c->a, c->first + k, m);
	for (i = 0; i < st->nadds; i++)
		if (st->adds[i].fresh)
			diff_add(x, st->adds[i].s, st->adds[i].n);
	st->logging = 0;
	st->nadds = 0;
	st->nreads = 0;
}

/* Merge one round of chunks in order, calling emit for each section. */
static int round_merge(struct highlighter *h, struct hl_state *st,
		       struct chunk *cs, size_t nc, size_t nbase,
		       hl_emit_fn emit, void *arg)
{
	struct diff x = {{0}, NULL};
	struct pending pend = {0};
	size_t ci, k, i;
	int rc = 0;

	x.names = trie_new();
	for (ci = 0; ci < nc && rc == 0; ci++) {
		struct chunk *c = &cs[ci];

		for (k = 0; k < c->last - c->first && rc == 0; k++) {
			struct mentions *m = &c->out[k].m;
			size_t sec = c->first + k;

			if (section_holds(c, k, nbase, &x, h->reg)) {
				section_take(c, k, nbase, h->reg, st, &pend);
			} else {
				mentions_free(m);
				section_redo(h, st, c, k, &x, m);
			}
			if (h->corr)
				corrections_apply(h->corr, h->reg, c->a, sec,
						  m, 0);
			rc = emit(arg, sec, m);
			mentions_free(m);
		}
		for (i = 0; i < pend.n; i++)
			diff_add(&x, pend.v[i].s, pend.v[i].n);
		pend.n = 0;
	}
	free(x.keys.v);
	trie_free(x.names);
	free(pend.v);
	return rc;
}

unsigned highlight_jobs_default(unsigned cores)
{
	return cores < 1 ? 1 : cores > HL_JOBS_MAX ? HL_JOBS_MAX : cores;
}

int highlight_article_jobs(struct highlighter *h, const struct article *a,
			   unsigned jobs, hl_emit_fn emit, void *arg)
{
	struct hl_state *st = hl_state_new();
	struct chunk cs[HL_JOBS_MAX];
	pthread_t th[HL_JOBS_MAX];
	int started[HL_JOBS_MAX];
	size_t next = 0, nc, i, chunk_bytes;
	int rc = 0;

	if (jobs > HL_JOBS_MAX)
		jobs = HL_JOBS_MAX;
	/* the analyst's corrections change entities as they go: in order */
	if (h->corr) {
		size_t ncorr;

		corrections_all(h->corr, &ncorr);
		if (ncorr)
			jobs = 1;
	}
	chunk_bytes = a->len / ((size_t)jobs * 8);
	chunk_bytes = chunk_bytes < CHUNK_MIN   ? CHUNK_MIN
		      : chunk_bytes > CHUNK_MAX ? CHUNK_MAX
						: chunk_bytes;
	while (next < a->nsections && rc == 0) {
		size_t nbase = entities_count(h->reg);

		if (jobs <= 1) {
			struct mentions m = {0};

			highlight_section(h, st, a, next, &m);
			rc = emit(arg, next, &m);
			mentions_free(&m);
			next++;
			continue;
		}
		for (nc = 0; nc < jobs && next < a->nsections; nc++) {
			size_t first = next, bytes = 0;

			while (next < a->nsections && bytes < chunk_bytes) {
				bytes += a->sections[next].end -
					 a->sections[next].start + 1;
				next++;
			}
			chunk_open(&cs[nc], h, st, a, first, next);
		}
		if (nc > 1)
			rx_jit_now();
		for (i = 1; i < nc; i++)
			started[i] = pthread_create(&th[i], NULL, chunk_run,
						    &cs[i]) == 0;
		chunk_run(&cs[0]);
		for (i = 1; i < nc; i++) {
			if (started[i])
				pthread_join(th[i], NULL);
			else
				chunk_run(&cs[i]);
		}
		rc = round_merge(h, st, cs, nc, nbase, emit, arg);
		for (i = 0; i < nc; i++)
			chunk_close(&cs[i]);
	}
	hl_state_free(st);
	return rc;
}

/* emit for highlight_article_par: append to the article's mentions. */
static int append(void *arg, size_t sec, struct mentions *m)
{
	struct mentions *out = arg;
	size_t i;

	(void)sec;
	out->v = xgrow(out->v, &out->cap, out->n + m->n, sizeof *out->v);
	for (i = 0; i < m->n; i++) {
		struct mention mn = m->v[i];

		if (mn.cat == CAT_FIGURE) {
			out->figs = xgrow(out->figs, &out->figcap,
					  out->nfigs + 1, sizeof *out->figs);
			out->figs[out->nfigs] = m->figs[mn.aux];
			mn.aux = (uint32_t)out->nfigs++ & MENTION_AUX_MAX;
		}
		out->v[out->n++] = mn;
	}
	return 0;
}

void highlight_article_par(struct highlighter *h, const struct article *a,
			   unsigned jobs, struct mentions *out)
{
	highlight_article_jobs(h, a, jobs, append, out);
}
