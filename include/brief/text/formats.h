/* formats: the extractors of formats other than plain text, each giving
 * xdocs (include/brief/text/xdoc.h). */
#ifndef BRIEF_FORMATS_H
#define BRIEF_FORMATS_H

#include <stddef.h>

#include "brief/base/util.h"
#include "brief/text/xdoc.h"

/* What the PDF extractor needs: the pdftotext program to run (a path or
 * a name looked up in PATH by the caller), and its limits. */
struct pdf_opts {
	const char *pdftotext;
	unsigned timeout_s;       /* 0: 30 s */
	unsigned long mem_mb;     /* 0: 1024 MiB */
};

/* One document read from a file that may hold several (an mbox, a
 * feed): its xdoc, and the byte range of the file it came from (its
 * article id is the hash of those bytes). */
struct xpart {
	struct xdoc *doc;         /* NULL when this part is broken: */
	char *error;              /* then "FILE: message N: reason" */
	size_t start, end;
};

/* Is it a PDF / an e-mail or mbox / an RSS or Atom feed?  1 or 0. */
int pdf_sniff(const char *bytes, size_t len);
int mail_sniff(const char *bytes, size_t len);
int feed_sniff(const char *bytes, size_t len);

/* A PDF: NULL and e ("NAME: reason": encrypted, no text layer (scanned),
 * not a PDF / damaged, empty, the tool failed or took too long). */
struct xdoc *pdf_extract(const char *bytes, size_t len, const char *name,
			 const struct pdf_opts *o, struct err *e);
/* An .eml (one part) or an mbox (one part per message), or a feed (one
 * part per item): 0 and *parts (an array of *n, free with
 * xparts_free) when at least one part is good; -1 and e when none is.
 * HTML bodies go through html_extract with rules. */
struct extract_rules;
int mail_extract(const char *bytes, size_t len, const char *name,
		 const struct extract_rules *rules, struct xpart **parts,
		 size_t *n, struct err *e);
int feed_extract(const char *bytes, size_t len, const char *name,
		 const struct extract_rules *rules, struct xpart **parts,
		 size_t *n, struct err *e);
void xparts_free(struct xpart *parts, size_t n);

#endif
