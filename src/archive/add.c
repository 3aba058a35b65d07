/* add: files into the archive (see archive_add_paths in archive.h).
 *
 * The files go in batches.  For each file of a batch this thread looks
 * at its state (size and mtime, then the hash of its bytes) against the
 * archive and parses it when it changed; worker threads then highlight
 * the batch's articles, each article on its own copy of the highlighter
 * (the engine's registry as it stands, plus what the article itself
 * names), so that an article's mentions never depend on the order or the
 * thread it went in; this thread then writes the files in order, one
 * transaction each (SQLite has one writer).  With the analyst's
 * corrections (they change the registry as they go) the articles are
 * highlighted in order on the engine's own highlighter. */
#include "brief/archive/archive.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "brief/base/fileread.h"
#include "brief/base/hash.h"
#include "brief/base/rx.h"
#include "brief/mark/correct.h"
#include "brief/mark/parallel.h"

/* Files a batch holds, per worker. */
#define BATCH_PER_JOB 16

/* One file of a batch. */
struct item {
	char abs[PATH_MAX];
	struct archive_file f;
	int todo;                 /* parsed: to be written */
	struct article **arts;
	size_t n;
	struct mentions *ms;
	struct highlighter **hl;  /* each article's copy, or NULL */
};

struct batch {
	struct item *v;
	size_t n;
	size_t next;              /* the next article to highlight */
	size_t total;             /* articles in the batch */
	pthread_mutex_t lock;
	struct highlighter *h;
};

static void say(const struct archive_adder *ad, const char *msg)
{
	if (ad->say)
		ad->say(ad->arg, msg);
}

/* The file's state on disk: size, mtime and its absolute path. */
static int file_state(const char *path, struct item *it, struct err *e)
{
	struct stat sb;

	if (realpath(path, it->abs) == NULL || stat(it->abs, &sb) != 0) {
		err_set(e, "%s: cannot read: no such file", path);
		return -1;
	}
	it->f.path = it->abs;
	it->f.size = (long long)sb.st_size;
	it->f.mtime = (long long)sb.st_mtim.tv_sec * 1000000000LL +
		      sb.st_mtim.tv_nsec;
	it->f.hash[0] = '\0';
	return 0;
}

/* Look at one file and parse it when it changed: 0 (it->todo set when
 * it is to be written), 1 when it could not be read (said), -1 when the
 * archive failed. */
static int look(struct archive *ar, const struct archive_adder *ad,
		const char *path, struct item *it,
		struct archive_add_count *c, struct err *e)
{
	char **broken = NULL;
	size_t nb = 0, i, len;
	char *bytes;
	int rc;

	rc = archive_file_same(ar, &it->f, e);
	if (rc != 0) {
		c->unchanged += rc == 1;
		return rc < 0 ? -1 : 0;
	}
	bytes = file_read(path, &len, e);
	if (bytes == NULL) {
		say(ad, e->text);
		return 1;
	}
	hash_hex(hash_bytes(bytes, len), it->f.hash);
	free(bytes);
	rc = archive_file_same_bytes(ar, &it->f, c, e);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (article_open_all(path, ad->rules, ad->formats, 0, &it->arts, &it->n,
			     &broken, &nb, e) != 0) {
		say(ad, e->text);
		return 1;
	}
	for (i = 0; i < nb; i++) {
		say(ad, broken[i]);
		free(broken[i]);
	}
	free(broken);
	it->ms = xcalloc(it->n ? it->n : 1, sizeof *it->ms);
	it->hl = xcalloc(it->n ? it->n : 1, sizeof *it->hl);
	it->todo = 1;
	return 0;
}

/* The k-th article of the batch's files to be written. */
static void batch_article(struct batch *b, size_t k, struct item **it,
			  size_t *a)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (!b->v[i].todo)
			continue;
		if (k < b->v[i].n) {
			*it = &b->v[i];
			*a = k;
			return;
		}
		k -= b->v[i].n;
	}
	*it = NULL;
}

static void highlight_one(struct batch *b, struct item *it, size_t a)
{
	it->hl[a] = highlighter_copy(b->h);
	highlight_article(it->hl[a], it->arts[a], &it->ms[a]);
}

static void *worker(void *arg)
{
	struct batch *b = arg;

	for (;;) {
		struct item *it = NULL;
		size_t k, a = 0;

		pthread_mutex_lock(&b->lock);
		k = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (k >= b->total)
			return NULL;
		batch_article(b, k, &it, &a);
		if (it != NULL)
			highlight_one(b, it, a);
	}
}

/* Highlight the batch's articles on up to jobs threads. */
static void batch_highlight(struct batch *b, unsigned jobs)
{
	pthread_t th[HL_JOBS_MAX];
	int started[HL_JOBS_MAX];
	unsigned i;

	if (jobs > HL_JOBS_MAX)
		jobs = HL_JOBS_MAX;
	if (jobs > b->total)
		jobs = (unsigned)(b->total ? b->total : 1);
	b->next = 0;
	if (jobs > 1)
		rx_jit_now();
	for (i = 1; i < jobs; i++)
		started[i] = pthread_create(&th[i], NULL, worker, b) == 0;
	worker(b);
	for (i = 1; i < jobs; i++)
		if (started[i])
			pthread_join(th[i], NULL);
}

static void item_clear(struct item *it)
{
	size_t i;

	for (i = 0; i < it->n; i++) {
		mentions_free(&it->ms[i]);
		highlighter_copy_free(it->hl[i]);
		article_free(it->arts[i]);
	}
	free(it->ms);
	free(it->hl);
	free(it->arts);
	it->arts = NULL;
	it->ms = NULL;
	it->hl = NULL;
	it->n = 0;
	it->todo = 0;
}

/* Write one file: its articles' mentions name the entities of each
 * article's copy of the highlighter (or the engine's registry). */
static int write_item(struct archive *ar, const struct archive_adder *ad,
		      struct item *it, struct archive_add_count *c,
		      struct err *e)
{
	const struct entities **regs;
	size_t i;
	int rc;

	regs = xcalloc(it->n ? it->n : 1, sizeof *regs);
	for (i = 0; i < it->n; i++)
		regs[i] = it->hl[i] ? highlighter_copy_entities(it->hl[i])
				    : ad->en->reg;
	rc = archive_add_articles(ar, &it->f, it->arts, it->ms, it->n, regs,
				  c, e);
	free(regs);
	return rc;
}

/* With corrections, the articles in order on the engine's highlighter. */
static int in_order(const struct archive_adder *ad)
{
	size_t n = 0;

	if (ad->en->corr)
		corrections_all(ad->en->corr, &n);
	return n > 0;
}

int archive_add_paths(struct archive *ar, const struct archive_adder *ad,
		      char *const *paths, size_t n, struct archive_seen *seen,
		      struct archive_add_count *c, struct err *e)
{
	unsigned jobs = ad->jobs ? ad->jobs : 1;
	int ordered = in_order(ad), rc = 0;
	size_t cap = (size_t)jobs * BATCH_PER_JOB, i = 0, k;
	struct batch b;

	if (ordered)
		jobs = 1;
	memset(&b, 0, sizeof b);
	b.v = xcalloc(cap, sizeof *b.v);
	b.h = ad->en->hl;
	pthread_mutex_init(&b.lock, NULL);
	seen->v = xcalloc(n ? n : 1, sizeof *seen->v);
	seen->n = 0;
	seen->bad = 0;
	while (i < n && rc >= 0) {
		b.n = 0;
		b.total = 0;
		for (; i < n && b.n < cap && rc >= 0; i++) {
			struct item *it = &b.v[b.n];

			if (ad->progress)
				ad->progress(ad->arg, i);
			memset(it, 0, sizeof *it);
			if (file_state(paths[i], it, e) != 0) {
				say(ad, e->text);
				seen->bad = 1;
				continue;
			}
			seen->v[seen->n++] = xstrdup(it->abs);
			rc = look(ar, ad, paths[i], it, c, e);
			if (rc == 1)
				seen->bad = 1;
			if (it->todo)
				b.total += it->n;
			b.n++;
		}
		if (ordered) {
			for (k = 0; k < b.n; k++) {
				size_t a;

				for (a = 0; b.v[k].todo && a < b.v[k].n; a++)
					highlight_article(ad->en->hl,
							  b.v[k].arts[a],
							  &b.v[k].ms[a]);
			}
		} else {
			batch_highlight(&b, jobs);
		}
		for (k = 0; k < b.n; k++) {
			if (b.v[k].todo && rc >= 0)
				rc = write_item(ar, ad, &b.v[k], c, e);
			item_clear(&b.v[k]);
		}
	}
	pthread_mutex_destroy(&b.lock);
	free(b.v);
	return rc < 0 ? -1 : 0;
}

void archive_seen_free(struct archive_seen *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}
