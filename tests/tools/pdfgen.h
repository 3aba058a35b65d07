/* pdfgen: minimal valid PDFs for the tests, made from a small text
 * description (header only; used by tests/unit/test_pdf.c and by the
 * tool tests/tools/mkpdf.c).  One command a line:
 *
 *   title TEXT | author TEXT | date D:YYYYMMDDHHMMSS   the Info dictionary
 *   page                     a new page, 612 x 792 points (US Letter)
 *   text X Y SIZE TEXT       TEXT in Helvetica at (X, Y) from the bottom left
 *   bold X Y SIZE TEXT       the same in Helvetica-Bold
 *   image X Y W H            a grey 8 x 8 image scaled to W x H points
 *   # ...                    a comment; blank lines are skipped
 *
 * TEXT is Latin-1 (WinAnsi) bytes as written; ( ) and \ are escaped
 * here.  The xref table's offsets are computed, so poppler reads the file
 * without repairing it. */
#ifndef BRIEF_PDFGEN_H
#define BRIEF_PDFGEN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

/* The objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold,
 * 5 the image, 6 the Info dictionary, then for each page its page object
 * and its content stream. */
enum { PDFGEN_FIRST_PAGE_OBJ = 7 };

/* Append s to b as a PDF literal string's inside. */
static inline void pdfgen_str(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '(' || s[i] == ')' || s[i] == '\\')
			buf_addc(b, '\\');
		buf_addc(b, s[i]);
	}
}

/* The rest of line after the command word and n numbers, or NULL when
 * they are not there; nums gets the numbers. */
static inline const char *pdfgen_args(const char *line, size_t len,
				      double *nums, int n)
{
	char tmp[512];
	char *p, *end;
	int i;

	if (len >= sizeof tmp)
		return NULL;
	memcpy(tmp, line, len);
	tmp[len] = '\0';
	p = strchr(tmp, ' ');
	if (p == NULL)
		return n == 0 ? line + len : NULL;
	for (i = 0; i < n; i++) {
		nums[i] = strtod(p, &end);
		if (end == p)
			return NULL;
		p = end;
	}
	while (*p == ' ')
		p++;
	return line + (p - tmp);
}

/* Close the open page: its page object and its content stream. */
static inline void pdfgen_end_page(struct buf *out, struct buf *content,
				   size_t *offs, size_t *nobj)
{
	offs[*nobj] = out->len;
	buf_printf(out, "%zu 0 obj\n<< /Type /Page /Parent 2 0 R "
		   "/MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
		   "/F2 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents "
		   "%zu 0 R >>\nendobj\n", *nobj + 1, *nobj + 2);
	offs[*nobj + 1] = out->len;
	buf_printf(out, "%zu 0 obj\n<< /Length %zu >>\nstream\n", *nobj + 2,
		   content->len);
	buf_add(out, content->data ? content->data : "", content->len);
	buf_adds(out, "\nendstream\nendobj\n");
	*nobj += 2;
	buf_free(content);
}

/* Build the PDF that spec describes into out (binary; out->len is its
 * size).  Returns 0, or -1 on a line it cannot read (out is then
 * undefined). */
static inline int pdfgen_build(const char *spec, struct buf *out)
{
	size_t offs[2048];
	size_t nobj = PDFGEN_FIRST_PAGE_OBJ - 1, npages = 0, xref, i;
	struct buf content = {0}, info = {0};
	const char *p = spec;
	int open = 0;

	*out = (struct buf){0};
	buf_adds(out, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		double v[4];
		const char *rest;

		if (len == 0 || p[0] == '#') {
			/* skipped */
		} else if (len == 4 && memcmp(p, "page", 4) == 0) {
			if (open)
				pdfgen_end_page(out, &content, offs, &nobj);
			if (nobj + 2 >= sizeof offs / sizeof *offs)
				goto bad;
			open = 1;
			npages++;
			buf_adds(&content, "");
		} else if ((len > 5 && memcmp(p, "text ", 5) == 0) ||
			   (len > 5 && memcmp(p, "bold ", 5) == 0)) {
			rest = pdfgen_args(p, len, v, 3);
			if (rest == NULL || !open)
				goto bad;
			buf_printf(&content, "BT /%s %g Tf %g %g Td (",
				   p[0] == 'b' ? "F2" : "F1", v[2], v[0], v[1]);
			pdfgen_str(&content, rest, len - (size_t)(rest - p));
			buf_adds(&content, ") Tj ET\n");
		} else if (len > 6 && memcmp(p, "image ", 6) == 0) {
			rest = pdfgen_args(p, len, v, 4);
			if (rest == NULL || !open)
				goto bad;
			buf_printf(&content, "q %g 0 0 %g %g %g cm /Im1 Do Q\n",
				   v[2], v[3], v[0], v[1]);
		} else if ((len > 6 && memcmp(p, "title ", 6) == 0) ||
			   (len > 7 && memcmp(p, "author ", 7) == 0) ||
			   (len > 5 && memcmp(p, "date ", 5) == 0)) {
			size_t w = (size_t)(strchr(p, ' ') - p);

			buf_printf(&info, " /%s (", p[0] == 't' ? "Title" :
				   p[0] == 'a' ? "Author" : "CreationDate");
			pdfgen_str(&info, p + w + 1, len - w - 1);
			buf_addc(&info, ')');
		} else {
			goto bad;
		}
		p += len + (e != NULL);
	}
	if (open)
		pdfgen_end_page(out, &content, offs, &nobj);
	offs[0] = out->len;
	buf_adds(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	offs[1] = out->len;
	buf_adds(out, "2 0 obj\n<< /Type /Pages /Kids [");
	for (i = 0; i < npages; i++)
		buf_printf(out, " %zu 0 R", PDFGEN_FIRST_PAGE_OBJ + 2 * i);
	buf_printf(out, " ] /Count %zu >>\nendobj\n", npages);
	offs[2] = out->len;
	buf_adds(out, "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont "
		 "/Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
	offs[3] = out->len;
	buf_adds(out, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont "
		 "/Helvetica-Bold /Encoding /WinAnsiEncoding >>\nendobj\n");
	offs[4] = out->len;
	buf_adds(out, "5 0 obj\n<< /Type /XObject /Subtype /Image /Width 8 "
		 "/Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
		 "/Length 64 >>\nstream\n");
	for (i = 0; i < 64; i++)
		buf_addc(out, (char)(0x40 + (i * 7 % 0x80)));
	buf_adds(out, "\nendstream\nendobj\n");
	offs[5] = out->len;
	buf_printf(out, "6 0 obj\n<<%s >>\nendobj\n",
		   info.data ? info.data : "");
	buf_free(&info);
	xref = out->len;
	buf_printf(out, "xref\n0 %zu\n0000000000 65535 f \n", nobj + 1);
	for (i = 0; i < nobj; i++)
		buf_printf(out, "%010zu 00000 n \n", offs[i]);
	buf_printf(out, "trailer\n<< /Size %zu /Root 1 0 R /Info 6 0 R >>\n"
		   "startxref\n%zu\n%%%%EOF\n", nobj + 1, xref);
	return 0;
bad:
	buf_free(&content);
	buf_free(&info);
	return -1;
}

#endif
