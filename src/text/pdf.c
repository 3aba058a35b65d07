/* pdf: a PDF's text with poppler's pdftotext tool (-bbox-layout: words
 * with their boxes, grouped in flows, blocks and lines in reading order,
 * and the document's Info metadata), run out of process with limits;
 * the layout read back into paragraphs, headline, headings and
 * boilerplate (pdf_roles.c, pdf_para.c).
 *
 * Why the tool and not poppler's library: a PDF is hostile input and
 * poppler a large C++ parser; in a child process a crash, a loop or a
 * blow-up of memory on a damaged or crafted file costs a message, never
 * brief itself (nor the user's unsaved notes), and the limits (address
 * space, CPU, a wall-clock deadline) are the kernel's, which no library
 * call can give.  brief links no C++ nor glib (poppler-glib) for it, and
 * pdftotext's -bbox-layout already does the reading order (columns into
 * flows) that the library would leave to us.  The cost, a process and
 * one pass over XHTML per file, is small beside the parse itself.
 * The bytes go to the tool through an unnamed temporary file (tmpfile:
 * nothing left behind, nothing read from the environment). */
#include "pdf_priv.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "brief/base/util.h"

#define DEFAULT_TIMEOUT_S 30
#define DEFAULT_MEM_MB 1024
/* pdftotext's XHTML takes about 100 bytes a word */
#define OUT_MAX ((size_t)512 << 20)

int pdf_sniff(const char *bytes, size_t len)
{
	size_t n = len < 1024 ? len : 1024;

	return n >= 5 && memmem(bytes, n, "%PDF-", 5) != NULL;
}

/* The bytes in an unnamed temporary file, at its start: its stream, or
 * NULL. */
static FILE *bytes_file(const char *bytes, size_t len)
{
	FILE *f = tmpfile();

	if (f == NULL)
		return NULL;
	if (fwrite(bytes, 1, len, f) != len || fflush(f) != 0 ||
	    lseek(fileno(f), 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	return f;
}

/* Does the tool's error output speak of memory? */
static int says_memory(const char *err)
{
	return strcasestr(err, "memory") || strstr(err, "bad_alloc") ||
	       strstr(err, "map segment");
}

/* The first line of the tool's error output, for a message. */
static void first_line(const char *err, char *out, size_t n)
{
	size_t l = strcspn(err, "\n");

	if (l >= n)
		l = n - 1;
	memcpy(out, err, l);
	out[l] = '\0';
}

/* Why the run gave no text, as "NAME: reason"; 0 when it did. */
static int run_failed(const struct pdf_run *r, const char *name,
		      unsigned timeout_s, unsigned long mem_mb, struct err *e)
{
	char line[256];
	int code;

	if (r->timed_out) {
		err_set(e, "%s: pdftotext took longer than %u s", name,
			timeout_s);
		return 1;
	}
	if (r->too_big) {
		err_set(e, "%s: pdftotext gave more than %zu MiB of text",
			name, OUT_MAX >> 20);
		return 1;
	}
	if (WIFSIGNALED(r->status)) {
		int sig = WTERMSIG(r->status);

		if (sig == SIGXCPU)
			err_set(e, "%s: pdftotext took longer than %u s", name,
				timeout_s);
		else if (sig == SIGKILL || sig == SIGABRT ||
			 says_memory(r->err))
			err_set(e, "%s: pdftotext ran out of memory (limit "
				"%lu MiB)", name, mem_mb);
		else
			err_set(e, "%s: pdftotext crashed (signal %d): "
				"damaged PDF?", name, sig);
		return 1;
	}
	code = WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1;
	if (code == 0)
		return 0;
	if (strcasestr(r->err, "password"))
		err_set(e, "%s: encrypted PDF (it needs a password)", name);
	else if (says_memory(r->err))
		err_set(e, "%s: pdftotext ran out of memory (limit %lu MiB)",
			name, mem_mb);
	else if (code == 3)
		err_set(e, "%s: encrypted PDF (copying its text is not "
			"allowed)", name);
	else if (code == 1)
		err_set(e, "%s: damaged PDF", name);
	else {
		first_line(r->err, line, sizeof line);
		err_set(e, "%s: pdftotext failed (exit %d)%s%s", name, code,
			*line ? ": " : "", line);
	}
	return 1;
}

/* A copy of s with white space collapsed and trimmed; NULL when that
 * leaves nothing. */
static char *collapse(const char *s)
{
	struct buf b = {0};
	int space = 0;

	if (s == NULL)
		return NULL;
	for (; *s; s++) {
		if (isspace((unsigned char)*s)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, *s);
	}
	return b.len ? buf_take(&b) : NULL;
}

/* A title that is really a file's name ("Microsoft Word - draft.docx",
 * "report.pdf") or "Untitled" says nothing. */
static int junk_title(const char *t)
{
	static const char *const ends[] = {
		".doc", ".docx", ".pdf", ".indd", ".rtf", ".odt", ".txt",
		".qxd", ".ppt", ".pptx", ".xls", ".xlsx"
	};
	size_t n = strlen(t), i;

	if (strncasecmp(t, "Microsoft ", 10) == 0 ||
	    strcasecmp(t, "untitled") == 0)
		return 1;
	for (i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t l = strlen(ends[i]);

		if (n > l && strcasecmp(t + n - l, ends[i]) == 0)
			return 1;
	}
	return 0;
}

static int digits(const char *p, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return 0;
	return 1;
}

/* "YYYY-MM-DD" from "2024-03-12T09:30:00Z" or "D:20240312093000", or
 * NULL. */
static char *iso_date(const char *raw)
{
	const char *p = raw;
	char out[16];
	int m, dd;

	if (strncmp(p, "D:", 2) == 0)
		p += 2;
	if (digits(p, 4) && p[4] == '-' && digits(p + 5, 2) && p[7] == '-' &&
	    digits(p + 8, 2))
		snprintf(out, sizeof out, "%.4s-%.2s-%.2s", p, p + 5, p + 8);
	else if (digits(p, 8))
		snprintf(out, sizeof out, "%.4s-%.2s-%.2s", p, p + 4, p + 6);
	else
		return NULL;
	m = atoi(out + 5);
	dd = atoi(out + 8);
	if (m < 1 || m > 12 || dd < 1 || dd > 31)
		return NULL;
	return xstrdup(out);
}

static void metadata(const struct pdf_doc *d, struct xdoc *x)
{
	char *title = collapse(d->title);

	if (title && junk_title(title)) {
		free(title);
		title = NULL;
	}
	if (title == NULL && x->nblocks && x->blocks[0].kind == XB_HEADLINE)
		title = xstrdup(x->blocks[0].text);
	x->meta.title = title;
	x->meta.author = collapse(d->author);
	x->meta.date_raw = collapse(d->created);
	if (x->meta.date_raw)
		x->meta.date = iso_date(x->meta.date_raw);
}

static size_t words(const struct pdf_doc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->npages; i++)
		n += d->pages[i].words;
	return n;
}

static int has_lead(const struct xdoc *x)
{
	size_t i;

	for (i = 0; i < x->nblocks; i++)
		if (x->blocks[i].kind == XB_LEAD)
			return 1;
	return 0;
}

/* Control characters, which some fonts map glyphs to, are not allowed
 * in XML: pdftotext writes them as they are, so they become spaces. */
static void drop_controls(char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\n' &&
		    s[i] != '\t' && s[i] != '\r')
			s[i] = ' ';
}

/* The text of pdftotext's output as an xdoc. */
static struct xdoc *from_layout(const char *xml, size_t len,
				const char *name, struct err *e)
{
	struct pdf_doc d;
	struct xdoc *x;

	if (pdf_doc_read(xml, len, &d) != 0) {
		err_set(e, "%s: cannot read the output of pdftotext", name);
		return NULL;
	}
	if (d.npages == 0) {
		pdf_doc_free(&d);
		err_set(e, "%s: damaged PDF (no pages)", name);
		return NULL;
	}
	if (words(&d) == 0) {
		pdf_doc_free(&d);
		err_set(e, "%s: no text layer (a scanned PDF?)", name);
		return NULL;
	}
	pdf_roles(&d);
	x = xdoc_new();
	pdf_paragraphs(&d, x);
	metadata(&d, x);
	pdf_doc_free(&d);
	if (!has_lead(x)) {
		xdoc_free(x);
		err_set(e, "%s: no text found but page headers, footers and "
			"numbers", name);
		return NULL;
	}
	return x;
}

struct xdoc *pdf_extract(const char *bytes, size_t len, const char *name,
			 const struct pdf_opts *o, struct err *e)
{
	static char a0[] = "pdftotext", a1[] = "-bbox-layout", a2[] = "-enc",
		    a3[] = "UTF-8", a4[] = "-", a5[] = "-";
	char *argv[] = {a0, a1, a2, a3, a4, a5, NULL};
	const char *tool = o && o->pdftotext ? o->pdftotext : "pdftotext";
	unsigned timeout_s = o && o->timeout_s ? o->timeout_s
					       : DEFAULT_TIMEOUT_S;
	unsigned long mem_mb = o && o->mem_mb ? o->mem_mb : DEFAULT_MEM_MB;
	struct pdf_run r;
	struct xdoc *x;
	struct err why;
	FILE *in;

	if (len == 0) {
		err_set(e, "%s: empty file", name);
		return NULL;
	}
	if (!pdf_sniff(bytes, len)) {
		err_set(e, "%s: not a PDF (no %%PDF- header)", name);
		return NULL;
	}
	in = bytes_file(bytes, len);
	if (in == NULL) {
		err_set(e, "%s: cannot make a temporary file: %s", name,
			strerror(errno));
		return NULL;
	}
	if (pdf_run_tool(tool, argv, fileno(in), timeout_s, mem_mb, OUT_MAX,
			 &r, &why) != 0) {
		fclose(in);
		/* a name looked up in PATH: execvp says EACCES when it met
		 * a folder of PATH it may not search and found the tool in
		 * none of the others */
		if (r.exec_errno == ENOENT || r.exec_errno == ENOTDIR ||
		    (r.exec_errno == EACCES && strchr(tool, '/') == NULL))
			err_set(e, "%s: pdftotext not found: install "
				"poppler-utils", name);
		else
			err_set(e, "%s: %s", name, why.text);
		return NULL;
	}
	fclose(in);
	if (run_failed(&r, name, timeout_s, mem_mb, e)) {
		free(r.out);
		return NULL;
	}
	drop_controls(r.out, r.outlen);
	x = from_layout(r.out, r.outlen, name, e);
	free(r.out);
	return x;
}
