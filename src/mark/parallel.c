/* parallel: an article's sections highlighted on worker threads, the
 * result byte for byte that of highlight_section in order.
 *
 * A round cuts the next sections into one chunk per worker.  Each worker
 * highlights its chunk with a view of the state and registry (read only
 * for the round) plus what its own chunk taught it, noting the names it
 * taught, the new entities it made and the keys of the names it looked up
 * outside the text.  The merge then takes the sections in order: a
 * section is taken as it is when none of the names its worker could not
 * see (learnt by the true state meanwhile, or taught by a section done
 * again) matches in it where a lookup could start, and its new
 * entities are what the registry would have made; its names and entities
 * are then replayed on the true state and registry.  Otherwise the
 * section is done again with the true state.
 *
 * On a large article the workers do not wait for the merge: their view
 * is a copy one round behind, brought up to date between rounds, and the
 * names the merge learnt in the round before count among those they could
 * not see.  Chunks are small (CHUNK_MAX) since what a round learns makes
 * the next round's sections that write it be done again; the worker
 * threads are kept for the article.  Memory: two rounds of chunks at a
 * time. */
#include "brief/mark/parallel.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/fatal.h"
#include "brief/mark/correct.h"
#include "hl_priv.h"

/* A chunk's text: an eighth of the article's share per worker, so that
 * rounds stay many and small, within these bounds. */
#define CHUNK_MIN (4u << 10)
#define CHUNK_MAX (64u << 10)
/* From this size on, an article's rounds overlap its merges (the copy of
 * the registry that takes is small beside the work). */
#define LAG_MIN (256u << 10)

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
 * or taught afresh.  A lookup of learnt names in the text could have
 * found otherwise only where one of them matches (as the learnt names'
 * trie matches: apostrophes and white space alike); one outside the
 * text (a rule's copy) only when its key is theirs. */
struct diff {
	struct keyset keys;
	struct trie *names;
	size_t n;
	int blank_start;          /* a name begins with white space */
};

static int ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int blank(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static void diff_add(struct diff *d, const char *s, size_t n)
{
	keyset_add(&d->keys, trie_key(s, n, 0));
	trie_add(d->names, s, n, 0, 0);
	d->n++;
	if (n && blank((unsigned char)s[0]))
		d->blank_start = 1;
}

/* Does one of d's names match in t[s, e) where a lookup could be made
 * (anywhere but inside a word of ASCII letters and digits, and at white
 * space only when a name begins with it)? */
static int diff_in_text(const struct diff *d, const char *t, size_t s,
			size_t e)
{
	size_t p;
	uint32_t v;

	for (p = s; p < e; p++) {
		unsigned char c = (unsigned char)t[p];

		if ((blank(c) && !d->blank_start) ||
		    (p > s && ascii_alnum(c) &&
		     ascii_alnum((unsigned char)t[p - 1])))
			continue;
		if (trie_match_in(d->names, t, e, p, TRIE_EXACT, &v) != 0)
			return 1;
	}
	return 0;
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

/* w: h's rules and lexicon with its own scratch, naming into reg. */
static void copy_init(struct highlighter *w, const struct highlighter *h,
		      struct entities *reg)
{
	*w = *h;
	w->reg = reg;
	w->md = pcre2_match_data_create(16, NULL);
	if (w->md == NULL)
		fatal("out of memory (match data)");
	w->c = NULL;
	w->nc = w->ccap = 0;
	w->cfigs = NULL;
	w->ncfigs = w->cfigcap = 0;
	w->taken = NULL;
	w->taken_cap = 0;
	w->corr = NULL;
}

static void copy_clear(struct highlighter *w)
{
	free(w->c);
	free(w->cfigs);
	free(w->taken);
	pcre2_match_data_free(w->md);
}

struct highlighter *highlighter_copy(const struct highlighter *h)
{
	struct highlighter *w = xcalloc(1, sizeof *w);

	copy_init(w, h, entities_overlay_new(h->reg));
	return w;
}

void highlighter_copy_free(struct highlighter *w)
{
	if (w == NULL)
		return;
	entities_free(w->reg);
	copy_clear(w);
	free(w);
}

const struct entities *highlighter_copy_entities(const struct highlighter *w)
{
	return w->reg;
}

static void chunk_open(struct chunk *c, const struct highlighter *h,
		       const struct hl_state *st, const struct entities *reg,
		       const struct article *a, size_t first, size_t last)
{
	c->a = a;
	c->first = first;
	c->last = last;
	c->ov = entities_overlay_new(reg);
	copy_init(&c->w, h, c->ov);
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
	copy_clear(&c->w);
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
	if (x->n) {
		const struct section *se = &c->a->sections[c->first + k];

		for (i = r0; i < o->reads_end; i++)
			if (keyset_has(&x->keys, c->st->reads[i]))
				return 0;
		if (diff_in_text(x, c->a->text, se->start, se->end))
			return 0;
	}
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

/* A list of names taught. */
struct names {
	struct hl_learn *v;
	size_t n, cap;
};

static void names_add(struct names *l, const char *s, size_t n,
		      uint32_t entity)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n].s = s;
	l->v[l->n].n = n;
	l->v[l->n].entity = entity;
	l->v[l->n++].fresh = 1;
}

/* Take the worker's section k: its entities and names on the true
 * registry and state; the names the state learnt into pend (for the
 * chunks after this one) and fresh (for the next round). */
static void section_take(struct chunk *c, size_t k, size_t nbase,
			 struct entities *reg, struct hl_state *st,
			 struct names *pend, struct names *fresh)
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

		uint32_t id = true_id(c, nbase, l->entity);

		if (hl_state_add(st, l->s, l->n, id)) {
			names_add(pend, l->s, l->n, id);
			names_add(fresh, l->s, l->n, id);
		}
	}
	for (i = 0; i < o->m.n; i++)
		o->m.v[i].entity = true_id(c, nbase, o->m.v[i].entity);
}

/* Section i again, with the true state; what it and the worker taught
 * into x, what the state learnt into fresh. */
static void section_redo(struct highlighter *h, struct hl_state *st,
			 struct chunk *c, size_t k, struct diff *x,
			 struct names *fresh, struct mentions *m)
{
	size_t a0 = k ? c->out[k - 1].adds_end : 0, i;

	for (i = a0; i < c->out[k].adds_end; i++)
		if (c->st->adds[i].fresh)
			diff_add(x, c->st->adds[i].s, c->st->adds[i].n);
	st->logging = 1;
	st->nadds = 0;
	hl_scan_section(h, st, c->a, c->first + k, m);
	for (i = 0; i < st->nadds; i++)
		if (st->adds[i].fresh) {
			diff_add(x, st->adds[i].s, st->adds[i].n);
			names_add(fresh, st->adds[i].s, st->adds[i].n,
				  st->adds[i].entity);
		}
	st->logging = 0;
	st->nadds = 0;
	st->nreads = 0;
}

/* A worker thread, kept for the article: it runs the chunks it is
 * given one at a time. */
struct worker {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct chunk *task;      /* to run; NULL when done */
	int quit, running;
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->task == NULL && !w->quit)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->task == NULL)
			break;
		pthread_mutex_unlock(&w->mu);
		chunk_run(w->task);
		pthread_mutex_lock(&w->mu);
		w->task = NULL;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

/* The workers take no signal but a fault of their own (SIGBUS in a
 * mapped file that shrank, say): the thread that waits for keys gets the
 * others, as without workers. */
static void workers_start(struct worker *ws, unsigned n)
{
	sigset_t all, old;
	unsigned i;

	rx_jit_now();
	sigfillset(&all);
	sigdelset(&all, SIGBUS);
	sigdelset(&all, SIGSEGV);
	sigdelset(&all, SIGFPE);
	sigdelset(&all, SIGILL);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < n; i++) {
		pthread_mutex_init(&ws[i].mu, NULL);
		pthread_cond_init(&ws[i].cv, NULL);
		ws[i].task = NULL;
		ws[i].quit = 0;
		ws[i].running = pthread_create(&ws[i].th, NULL, worker_main,
					       &ws[i]) == 0;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static void workers_stop(struct worker *ws, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		if (ws[i].running) {
			pthread_mutex_lock(&ws[i].mu);
			ws[i].quit = 1;
			pthread_cond_broadcast(&ws[i].cv);
			pthread_mutex_unlock(&ws[i].mu);
			pthread_join(ws[i].th, NULL);
		}
		pthread_mutex_destroy(&ws[i].mu);
		pthread_cond_destroy(&ws[i].cv);
	}
}

/* One round: a chunk of the sections to come per worker. */
struct round {
	struct chunk cs[HL_JOBS_MAX];
	size_t nc, nbase;
};

/* Cut the next sections (from *next) into chunks that see st and reg,
 * and give them to the workers (one that did not start: later, in this
 * thread). */
static void round_start(struct round *rd, struct worker *ws,
			const struct highlighter *h,
			const struct hl_state *st, const struct entities *reg,
			const struct article *a, unsigned jobs,
			size_t chunk_bytes, size_t *next)
{
	size_t i;

	rd->nbase = entities_count(reg);
	for (rd->nc = 0; rd->nc < jobs && *next < a->nsections; rd->nc++) {
		size_t first = *next, bytes = 0;

		while (*next < a->nsections && bytes < chunk_bytes) {
			bytes += a->sections[*next].end -
				 a->sections[*next].start + 1;
			(*next)++;
		}
		chunk_open(&rd->cs[rd->nc], h, st, reg, a, first, *next);
	}
	for (i = 0; i < rd->nc; i++) {
		if (!ws[i].running)
			continue;
		pthread_mutex_lock(&ws[i].mu);
		ws[i].task = &rd->cs[i];
		pthread_cond_broadcast(&ws[i].cv);
		pthread_mutex_unlock(&ws[i].mu);
	}
}

/* Wait for the round's chunks to be done. */
static void round_join(struct round *rd, struct worker *ws)
{
	size_t i;

	for (i = 0; i < rd->nc; i++) {
		if (!ws[i].running) {
			chunk_run(&rd->cs[i]);
			continue;
		}
		pthread_mutex_lock(&ws[i].mu);
		while (ws[i].task != NULL)
			pthread_cond_wait(&ws[i].cv, &ws[i].mu);
		pthread_mutex_unlock(&ws[i].mu);
	}
}

static void round_close(struct round *rd)
{
	size_t i;

	for (i = 0; i < rd->nc; i++)
		chunk_close(&rd->cs[i]);
	rd->nc = 0;
}

/* Merge one round of chunks in order, calling emit for each section.
 * unseen: the names the true state learnt since the workers' view of it
 * was taken (NULL: none); the names it learns now are added to fresh. */
static int round_merge(struct highlighter *h, struct hl_state *st,
		       struct round *rd, const struct names *unseen,
		       struct names *fresh, hl_emit_fn emit, void *arg)
{
	struct diff *x = xcalloc(1, sizeof *x);
	struct names pend = {0};
	size_t ci, k, i;
	int rc = 0;

	x->names = trie_new();
	for (i = 0; unseen && i < unseen->n; i++)
		diff_add(x, unseen->v[i].s, unseen->v[i].n);
	for (ci = 0; ci < rd->nc && rc == 0; ci++) {
		struct chunk *c = &rd->cs[ci];

		for (k = 0; k < c->last - c->first && rc == 0; k++) {
			struct mentions *m = &c->out[k].m;
			size_t sec = c->first + k;

			if (section_holds(c, k, rd->nbase, x, h->reg)) {
				section_take(c, k, rd->nbase, h->reg, st,
					     &pend, fresh);
			} else {
				mentions_free(m);
				section_redo(h, st, c, k, x, fresh, m);
			}
			if (h->corr)
				corrections_apply(h->corr, h->reg, c->a, sec,
						  m, 0);
			rc = emit(arg, sec, m);
			mentions_free(m);
		}
		for (i = 0; i < pend.n; i++)
			diff_add(x, pend.v[i].s, pend.v[i].n);
		pend.n = 0;
	}
	free(x->keys.v);
	trie_free(x->names);
	free(x);
	free(pend.v);
	return rc;
}

/* The entities reg has and lag has not yet, in order (the same ids). */
static void registry_catch_up(struct entities *lag, const struct entities *reg)
{
	size_t id;

	for (id = entities_count(lag); id < entities_count(reg); id++) {
		const struct entity *en = entities_get(reg, (uint32_t)id);

		entities_intern(lag, en->name, strlen(en->name), en->cat,
				en->kind, en->from_rule);
	}
}

unsigned highlight_jobs_default(unsigned cores)
{
	return cores < 1 ? 1 : cores > HL_JOBS_MAX ? HL_JOBS_MAX : cores;
}

/* The analyst's corrections change entities as they go: in order. */
static int corrected(const struct highlighter *h)
{
	size_t ncorr = 0;

	if (h->corr)
		corrections_all(h->corr, &ncorr);
	return ncorr != 0;
}

/* The text of a chunk for an article on this many workers. */
static size_t chunk_size(const struct article *a, unsigned jobs)
{
	size_t n = a->len / ((size_t)(jobs ? jobs : 1) * 8);

	return n < CHUNK_MIN ? CHUNK_MIN : n > CHUNK_MAX ? CHUNK_MAX : n;
}

/* Sections one by one in this thread. */
static int article_serial(struct highlighter *h, const struct article *a,
			  hl_emit_fn emit, void *arg)
{
	struct hl_state *st = hl_state_new();
	size_t i;
	int rc = 0;

	for (i = 0; i < a->nsections && rc == 0; i++) {
		struct mentions m = {0};

		highlight_section(h, st, a, i, &m);
		rc = emit(arg, i, &m);
		mentions_free(&m);
	}
	hl_state_free(st);
	return rc;
}

int highlight_article_jobs(struct highlighter *h, const struct article *a,
			   unsigned jobs, hl_emit_fn emit, void *arg)
{
	struct worker ws[HL_JOBS_MAX];
	struct round *rd, *cur, *nxt, *t;
	struct hl_state *st, *view;
	struct entities *view_reg;
	struct names prev = {0}, fresh = {0}, tn;
	size_t next = 0, i, chunk_bytes;
	int rc = 0, lag, more;

	if (jobs > HL_JOBS_MAX)
		jobs = HL_JOBS_MAX;
	if (corrected(h))
		jobs = 1;
	chunk_bytes = chunk_size(a, jobs);
	/* one chunk's worth: no threads to start */
	if (jobs <= 1 || a->len <= chunk_bytes)
		return article_serial(h, a, emit, arg);
	/* a large article: the workers go on with the next round while
	 * this thread merges, on a view of the state and registry one round
	 * behind (a copy, brought up to date between rounds) */
	lag = a->len >= LAG_MIN && a->len > 2 * (size_t)jobs * chunk_bytes;
	st = hl_state_new();
	st->text = a->text;
	view = st;
	view_reg = h->reg;
	if (lag) {
		view = hl_state_new();
		view_reg = entities_new();
		registry_catch_up(view_reg, h->reg);
	}
	rd = xcalloc(2, sizeof *rd);
	cur = &rd[0];
	nxt = &rd[1];
	workers_start(ws, jobs);
	round_start(cur, ws, h, view, view_reg, a, jobs, chunk_bytes, &next);
	for (;;) {
		round_join(cur, ws);
		more = 0;
		if (lag) {
			for (i = 0; i < prev.n; i++)
				hl_state_add(view, prev.v[i].s, prev.v[i].n,
					     prev.v[i].entity);
			registry_catch_up(view_reg, h->reg);
			if (next < a->nsections) {
				round_start(nxt, ws, h, view, view_reg, a,
					    jobs, chunk_bytes, &next);
				more = 1;
			}
		}
		fresh.n = 0;
		rc = round_merge(h, st, cur, lag ? &prev : NULL, &fresh, emit,
				 arg);
		round_close(cur);
		if (!lag && rc == 0 && next < a->nsections) {
			round_start(nxt, ws, h, view, view_reg, a, jobs,
				    chunk_bytes, &next);
			more = 1;
		}
		tn = prev;
		prev = fresh;
		fresh = tn;
		t = cur;
		cur = nxt;
		nxt = t;
		if (!more)
			break;
		if (rc != 0) {
			round_join(cur, ws);
			round_close(cur);
			break;
		}
	}
	workers_stop(ws, jobs);
	free(rd);
	free(prev.v);
	free(fresh.v);
	if (lag) {
		hl_state_free(view);
		entities_free(view_reg);
	}
	hl_state_free(st);
	return rc;
}

void mentions_append(struct mentions *out, const struct mentions *m)
{
	size_t i;

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
}

/* emit for highlight_article_par: append to the article's mentions. */
static int append(void *arg, size_t sec, struct mentions *m)
{
	(void)sec;
	mentions_append(arg, m);
	return 0;
}

void highlight_article_par(struct highlighter *h, const struct article *a,
			   unsigned jobs, struct mentions *out)
{
	highlight_article_jobs(h, a, jobs, append, out);
}

/* A pool: the rounds of highlight_article_jobs on a large article, run
 * one merge at a time.  The workers always see a view of the state and
 * registry (copies one round behind), so this thread may highlight other
 * sections (growing the registry) between steps. */
struct highlight_pool {
	struct highlighter *h;
	const struct article *a;
	unsigned jobs;
	size_t chunk_bytes, next;
	struct worker ws[HL_JOBS_MAX];
	struct round rd[2], *cur;  /* cur: given to the workers */
	struct hl_state *st, *view;
	struct entities *view_reg;
	struct names prev, fresh;
	int busy;                  /* cur has chunks */
};

struct highlight_pool *highlight_pool_new(struct highlighter *h,
					  const struct article *a,
					  unsigned jobs)
{
	struct highlight_pool *p;

	if (jobs > HL_JOBS_MAX)
		jobs = HL_JOBS_MAX;
	if (jobs <= 1 || corrected(h) || a->len <= chunk_size(a, jobs))
		return NULL;
	p = xcalloc(1, sizeof *p);
	p->h = h;
	p->a = a;
	p->jobs = jobs;
	p->chunk_bytes = chunk_size(a, jobs);
	p->st = hl_state_new();
	p->st->text = a->text;
	p->view = hl_state_new();
	p->view_reg = entities_new();
	registry_catch_up(p->view_reg, h->reg);
	workers_start(p->ws, jobs);
	p->cur = &p->rd[0];
	round_start(p->cur, p->ws, h, p->view, p->view_reg, a, jobs,
		    p->chunk_bytes, &p->next);
	p->busy = p->cur->nc > 0;
	return p;
}

int highlight_pool_step(struct highlight_pool *p, hl_emit_fn emit, void *arg)
{
	struct round *cur = p->cur, *nxt = cur == &p->rd[0] ? &p->rd[1]
							   : &p->rd[0];
	struct names t;
	size_t i;
	int rc;

	if (!p->busy)
		return 1;
	round_join(cur, p->ws);
	/* the view catches up with what the last merge learnt, and the
	 * workers go on while this round is merged */
	for (i = 0; i < p->prev.n; i++)
		hl_state_add(p->view, p->prev.v[i].s, p->prev.v[i].n,
			     p->prev.v[i].entity);
	registry_catch_up(p->view_reg, p->h->reg);
	if (p->next < p->a->nsections)
		round_start(nxt, p->ws, p->h, p->view, p->view_reg, p->a,
			    p->jobs, p->chunk_bytes, &p->next);
	p->fresh.n = 0;
	rc = round_merge(p->h, p->st, cur, &p->prev, &p->fresh, emit, arg);
	round_close(cur);
	t = p->prev;
	p->prev = p->fresh;
	p->fresh = t;
	p->cur = nxt;
	p->busy = nxt->nc > 0;
	if (rc != 0 && p->busy) {
		round_join(nxt, p->ws);
		round_close(nxt);
		p->busy = 0;
	}
	return !p->busy;
}

void highlight_pool_free(struct highlight_pool *p)
{
	if (p == NULL)
		return;
	if (p->busy) {
		round_join(p->cur, p->ws);
		round_close(p->cur);
	}
	workers_stop(p->ws, p->jobs);
	free(p->prev.v);
	free(p->fresh.v);
	hl_state_free(p->view);
	hl_state_free(p->st);
	entities_free(p->view_reg);
	free(p);
}
