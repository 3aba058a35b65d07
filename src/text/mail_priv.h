/* mail_priv: what the e-mail (src/text/mail*.c) and feed
 * (src/text/feed*.c) extractors share: a plain-text body cut into
 * blocks, an HTML body through the HTML extractor, clean strings and
 * dates.  Private to those files. */
#ifndef BRIEF_MAIL_PRIV_H
#define BRIEF_MAIL_PRIV_H

#include <stddef.h>

#include "gmime_lib.h"

#include "brief/text/formats.h"
#include "brief/text/html.h"

/* Add the blocks of a plain-text body (UTF-8, len bytes) to d:
 * paragraphs split at blank lines, hard-wrapped lines joined; quoted
 * lines (">") and the "On ... wrote:" line above them, a signature
 * after "-- ", and paragraphs that match a boilerplate phrase of rules
 * (newsletter footers) are boilerplate; the first other paragraph is the
 * lead, the rest body.  Returns the number of lead and body blocks. */
size_t mailtext_blocks(struct xdoc *d, const char *text, size_t len,
		       const struct extract_rules *rules);

/* Add the blocks of an HTML body (UTF-8, len bytes) to d through
 * html_extract; fields of d->meta still NULL take the page's.  0, or -1
 * and e ("NAME: reason") when the page holds no text. */
int mailtext_html(struct xdoc *d, const char *html, size_t len,
		  const char *name, const struct extract_rules *rules,
		  struct err *e);

/* Load and initialise GMime, once for the process (thread-safe);
 * mail_extract and feed_extract call it before they use GMime.  Never
 * shut down.  0, or -1 with e set (for the file name). */
int mailtext_init(const char *name, struct err *e);

/* A fresh copy of s (n bytes) with invalid UTF-8 as U+FFFD, control
 * characters and runs of white space as one space, trimmed; NULL when
 * nothing is left.  The caller frees it. */
char *mailtext_clean(const char *s, size_t n);

/* Set m->date ("YYYY-MM-DD" of dt in its own time zone, when dt is not
 * NULL) and m->date_raw (raw, cleaned). */
void mailtext_date(struct xmeta *m, GDateTime *dt, const char *raw);

/* Append a part to *parts (*n of them, room for *cap): doc, or NULL and
 * the error "NAME: WHAT N: reason" (what: "message" or "item"). */
void mailtext_part(struct xpart **parts, size_t *n, size_t *cap,
		   struct xdoc *doc, size_t start, size_t end,
		   const char *name, const char *what, size_t num,
		   const char *reason);

/* 0 with *parts and *n when a part is good; else every part is freed
 * and e tells why (the single part's reason for one, else "NAME: no
 * WHAT could be read (WHAT 1: reason)"); -1. */
int mailtext_finish(struct xpart **parts, size_t *n, const char *name,
		    const char *what, struct err *e);

#endif
