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
