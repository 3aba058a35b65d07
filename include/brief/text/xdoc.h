/* xdoc: a document of another format (a web page, a PDF, an e-mail, a
 * feed item) as its extractor gives it: metadata and paragraphs (blocks)
 * in reading order, each with what it is and the page it stands on.  The
 * loader turns an xdoc into an article.  No curses, no I/O. */
#ifndef BRIEF_XDOC_H
#define BRIEF_XDOC_H

#include <stddef.h>

/* What a block is: the headline above the story, its lead (the first
 * paragraph), body paragraphs, headings inside the story, and what is
 * near the story but not of it (captions, credits, promos, newsletter
 * boxes, "Read more", page headers and footers, quoted replies,
 * signatures), kept but never part of the story. */
enum xblock_kind {
	XB_HEADLINE,
	XB_LEAD,
	XB_BODY,
	XB_HEADING,
	XB_BOILERPLATE
};

/* One paragraph: UTF-8, white space collapsed to single spaces, no line
 * breaks, never empty.  page is 1-based (a PDF's page), 0 when the format
 * has no pages. */
struct xblock {
	enum xblock_kind kind;
	char *text;
	int page;
};

/* The document's metadata; any field may be NULL when it is not given.
 * Every string is UTF-8 with white space collapsed. */
struct xmeta {
	char *title;
	char *date;       /* "YYYY-MM-DD" when the raw date reads as one */
	char *date_raw;   /* the date as the document gave it */
	char *author;
	char *source;     /* the site, publisher or sender */
	char *url;        /* the canonical URL or link */
	char *lang;
	char *charset;    /* the charset the document was read in */
};

/* An extracted document.  Free with xdoc_free (it owns every string). */
struct xdoc {
	struct xmeta meta;
	struct xblock *blocks;
	size_t nblocks;
};

/* A new empty document; xdoc_add appends a block (text copied; an empty
 * text is not added). */
struct xdoc *xdoc_new(void);
void xdoc_add(struct xdoc *d, enum xblock_kind kind, const char *text,
	      int page);
void xdoc_free(struct xdoc *d);

/* "headline", "lead", "body", "heading" or "boilerplate". */
const char *xblock_kind_name(enum xblock_kind k);

#endif
