/* pdf_priv: what the PDF extractor's modules share.  pdf_run runs
 * poppler's pdftotext in a child process with limits; pdf_xml reads its
 * -bbox-layout output into pages, blocks and lines with coordinates;
 * pdf_roles decides what each block is (running headers and footers,
 * page numbers, headline, headings); pdf_para rebuilds paragraphs;
 * pdf.c ties them together.  No curses, no printing. */
#ifndef BRIEF_PDF_PRIV_H
#define BRIEF_PDF_PRIV_H

#include <stddef.h>

#include "brief/text/formats.h"

/* Running a tool (pdf_run.c). */

/* What a run of a tool gave: its standard output (NUL-terminated; the
 * caller frees it), the start of its standard error, and how it ended. */
struct pdf_run {
	char *out;
	size_t outlen;
	char err[2048];
	int status;        /* waitpid's status (when it ran and was reaped) */
	int timed_out;     /* killed at the wall-clock deadline */
	int too_big;       /* killed: its output passed the cap */
	int exec_errno;    /* it could not be started: errno of exec */
};

/* Run tool (a path, or a name found in PATH) with argv (argv[0] first,
 * NULL-terminated), standard input from in_fd, in its own process group,
 * with an address-space limit of mem_mb MiB, a CPU limit and a wall-clock
 * deadline of timeout_s seconds (the group is killed at the deadline)
 * and at most cap bytes of output.  0 when it ran (whatever it exited
 * with: see r), -1 and e ("reason") when it could not be started (then
 * r->exec_errno may tell why).  Free r->out with free. */
int pdf_run_tool(const char *tool, char *const argv[], int in_fd,
		 unsigned timeout_s, unsigned long mem_mb, size_t cap,
		 struct pdf_run *r, struct err *e);

/* The layout pdftotext gives (pdf_xml.c). */

/* One line of text: its words joined by single spaces, its box (points,
 * y from the top of the page) and its height (about the font size). */
struct pdf_line {
	char *text;
	float x0, y0, x1, y1;
};

/* What pdf_layout decides a block is. */
enum pdf_role {
	PR_BODY,
	PR_HEADLINE,
	PR_HEADING,
	PR_RUNNING,     /* a running header or footer */
	PR_PAGENUM,     /* a page number */
	PR_BEFORE       /* above the headline on its page */
};

/* A block of lines as pdftotext groups them, in its reading order. */
struct pdf_block {
	size_t line, nlines;   /* lines [line, line + nlines) */
	float x0, y0, x1, y1;
	int page;              /* 1-based */
	enum pdf_role role;
};

struct pdf_page {
	float width, height;
	size_t words;
};

/* The whole document: pages, blocks and lines in reading order, and the
 * metadata of the output's head (NULL when not given). */
struct pdf_doc {
	struct pdf_page *pages;
	size_t npages;
	struct pdf_block *blocks;
	size_t nblocks;
	struct pdf_line *lines;
	size_t nlines;
	char *title, *author, *subject, *created;
};

/* Read pdftotext -bbox-layout's XHTML (len bytes).  0, or -1 when it
 * cannot be read.  Free with pdf_doc_free. */
int pdf_doc_read(const char *xml, size_t len, struct pdf_doc *d);
void pdf_doc_free(struct pdf_doc *d);

/* What each block is (pdf_roles.c). */

/* The height of a line, about its font size. */
float pdf_line_size(const struct pdf_line *l);
/* Set each block's role: running headers and footers, page numbers, the
 * headline, headings and the blocks above the headline. */
void pdf_roles(struct pdf_doc *d);

/* Paragraphs (pdf_para.c). */

/* Append the document's paragraphs to x: each block split into
 * paragraphs, lines joined (end-of-line hyphens resolved), a paragraph
 * cut by a page or column break joined again; the headline first, the
 * first body paragraph the lead. */
void pdf_paragraphs(const struct pdf_doc *d, struct xdoc *x);

#endif
