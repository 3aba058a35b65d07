/* parallel: highlighting an article's sections on worker threads (-j N);
 * the mentions are those of highlight_section called in order, byte for
 * byte, whatever the number of workers. */
#ifndef BRIEF_PARALLEL_H
#define BRIEF_PARALLEL_H

#include <stddef.h>

#include "brief/mark/highlight.h"

#define HL_JOBS_MAX 64

/* Called with each section's mentions in order (entity ids final in the
 * highlighter's registry); m is the callee's for the call only.  Non-zero
 * stops the article. */
typedef int (*hl_emit_fn)(void *arg, size_t sec, struct mentions *m);

/* The number of workers for a machine with this many cores. */
unsigned highlight_jobs_default(unsigned cores);

/* Highlight every section of a with up to jobs threads (1: in this
 * thread, as highlight_section does), emitting them in order.  Returns
 * the first non-zero emit result, else 0. */
int highlight_article_jobs(struct highlighter *h, const struct article *a,
			   unsigned jobs, hl_emit_fn emit, void *arg);

/* All sections of a appended to out, with up to jobs threads. */
void highlight_article_par(struct highlighter *h, const struct article *a,
			   unsigned jobs, struct mentions *out);

/* Append m's mentions (and its figures) to out. */
void mentions_append(struct mentions *out, const struct mentions *m);

/* Worker threads highlighting an article's sections ahead of the thread
 * that owns h, which merges them a round (a chunk per worker) at a time,
 * in its own time (the reader's idle turns): the mentions are those of
 * highlight_section in order from a fresh state, byte for byte.  Memory:
 * two rounds at a time. */
struct highlight_pool;

/* Start on a, parsed whole (its sections and text must not change while
 * the pool lives), with jobs threads; NULL when one thread will do (jobs
 * 1, an article of one chunk, corrections in force): call
 * highlight_section in order then. */
struct highlight_pool *highlight_pool_new(struct highlighter *h,
					  const struct article *a,
					  unsigned jobs);
/* Wait for the next round, set the workers on the one after it, and
 * merge it: emit for each of its sections in order, entity ids final in
 * h's registry.  Between steps h may highlight other sections (its
 * registry grows) but its registry must not otherwise change.  1 when
 * every section has been emitted (or emit stopped), else 0. */
int highlight_pool_step(struct highlight_pool *p, hl_emit_fn emit,
			void *arg);
/* Finish the round the workers are on, join them and free p. */
void highlight_pool_free(struct highlight_pool *p);

/* A highlighter for one article on a worker thread: h's lexicon and
 * rules (shared, read only), its own scratch, and its own registry over
 * h's (an overlay: h's registry must not change while the copy lives),
 * without h's corrections.  highlight_article on it gives what h gives
 * with the registry as it stands now.  Free with highlighter_copy_free
 * (its registry too). */
struct highlighter *highlighter_copy(const struct highlighter *h);
void highlighter_copy_free(struct highlighter *w);
/* The registry the copy's mentions name. */
const struct entities *highlighter_copy_entities(const struct highlighter *w);

#endif
