/* doc: one article as the reader shows it -- its mentions, computed
 * section by section (visible sections first, the rest in idle time), its
 * display rows at the current width (wrapped lazily, per section), and a
 * reading position.  Cost depends on what is visible, not on the size of
 * the article.  No curses. */
#ifndef BRIEF_DOC_H
#define BRIEF_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "brief/text/article.h"
#include "brief/mark/highlight.h"

#define DOC_CACHE 16

struct highlight_pool;

struct doc {
	struct article *a;       /* not owned */
	struct mentions m;       /* sections [0, done) in order */
	size_t done;             /* sections highlighted in order */
	size_t *sec_first;       /* first mention of each done section */
	struct hl_state *st;
	unsigned jobs;           /* threads for the complete pass (0, 1:
				  * this one) */
	struct highlight_pool *pool; /* its workers, while it runs */
	struct {
		size_t sec;
		int used;
		struct mentions m;
	} cache[DOC_CACHE];
	unsigned cache_clock;

	int width;               /* text columns */
	uint32_t *rows;          /* rows of each section at width, 0 unknown */
	size_t nsec_cap;         /* room in sec_first, rows and hidden */
	unsigned char *hidden;   /* sections left out by a topic filter */
	int filtered;            /* some sections are hidden */
	int fold;                /* boilerplate folded to one row */

	size_t top_sec;          /* reading position: first visible row */
	size_t top_row;          /* row within top_sec */
	int told_changed;        /* the reader said the file changed */
	int gutter;              /* columns left of the text, as drawn */
	size_t cursor;           /* the text cursor: a byte offset (kept on
				  * a shown row before each drawing) */
	size_t show_at;          /* 1 + an offset to put at the top once the
				  * width is known (reopening), else 0 */
};

struct doc *doc_new(struct article *a);
void doc_free(struct doc *d);

/* Parse about budget more bytes of the article; 1 when it is complete. */
int doc_parse(struct doc *d, size_t budget);
/* Highlight up to n more sections in order; returns 1 when all are.
 * Once the article is parsed whole, with d->jobs above 1, the sections
 * are highlighted ahead on worker threads and each call takes the next
 * round of them instead (merged in order: the same mentions); the
 * workers are joined when all are done, or by doc_invalidate and
 * doc_free. */
int doc_work(struct doc *d, struct highlighter *h, size_t n);
int doc_complete(const struct doc *d);
/* Forget the mentions (the complete pass, its count and the cache of
 * sections): they are made again, with the corrections as they are now,
 * when next asked for.  The text, its rows and the position stay. */
void doc_invalidate(struct doc *d);

/* The mentions of section sec (from the complete pass, or computed now
 * and cached).  *n gets the count.  h NULL (the engine not open yet):
 * none, and nothing cached. */
const struct mention *doc_mentions(struct doc *d, struct highlighter *h,
				   size_t sec, size_t *n,
				   const struct figure **figs);

/* Set the text width (invalidates the wrap cache). */
void doc_set_width(struct doc *d, int width);
void doc_set_fold(struct doc *d, int fold);
/* Rows section sec takes, including the blank row after it. */
size_t doc_rows(struct doc *d, size_t sec);
/* Show only the sections whose flag is set in keep (NULL: all). */
void doc_filter(struct doc *d, const unsigned char *keep);
int doc_hidden(const struct doc *d, size_t sec);
/* Is section sec shown folded (one row)? */
int doc_folded(const struct doc *d, size_t sec);
/* Line starts of section sec at the width: writes up to max offsets. */
size_t doc_lines(const struct doc *d, size_t sec, size_t *starts,
		 size_t max);

/* Move the position by delta rows (clamped to the text). */
void doc_scroll(struct doc *d, long delta);
void doc_top(struct doc *d);
/* The last position that still fills `visible` rows. */
void doc_bottom(struct doc *d, size_t visible);
/* Pull the position back so the text still fills `visible` rows (paging
 * stops at the end with the last page full, as in less); only once the
 * whole article is parsed. */
void doc_clamp_end(struct doc *d, size_t visible);
/* What the last of `visible` rows shows: its section (*last_sec) and the
 * byte offset just after it (*off); 1 when that is the end of the text. */
int doc_view_end(struct doc *d, size_t visible, size_t *last_sec,
		 size_t *off);
/* Put the row holding byte offset off at row `at` of the view (or as
 * close as the text allows). */
void doc_show_offset(struct doc *d, size_t off, size_t at);
/* Byte offset at the start of the top row (for search and percent). */
size_t doc_top_offset(struct doc *d);
/* Position as a percentage of the text (by bytes). */
/* The position as less -M gives it: the sections shown (1-based, "+"
 * while the article is still being read), then the percent of the text
 * above the bottom row, or END when the end is shown. */
void doc_position(struct doc *d, size_t visible, char *out, size_t n);
/* Is the byte offset within the `visible` rows from the top?  If so and
 * row is not NULL, *row gets its row. */
int doc_offset_visible(struct doc *d, size_t off, size_t visible,
		       size_t *row);

#endif
