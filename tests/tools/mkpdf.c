/* mkpdf: write the PDF that a pdfgen description (tests/tools/pdfgen.h)
 * on standard input or in FILE describes to standard output.  For the
 * tests; not installed.  Exit status 2 on a line it cannot read. */
#include <stdio.h>
#include <stdlib.h>

#include "brief/base/util.h"
#include "pdfgen.h"

int main(int argc, char **argv)
{
	struct err e = {{0}};
	struct buf pdf;
	size_t n;
	char *spec = argc > 1 ? file_read(argv[1], &n, &e)
			      : file_read_fd(0, "-", NULL, &n, &e);

	if (spec == NULL) {
		fprintf(stderr, "mkpdf: %s\n", e.text);
		return 2;
	}
	if (pdfgen_build(spec, &pdf) != 0) {
		fprintf(stderr, "mkpdf: cannot read the description\n");
		free(spec);
		return 2;
	}
	fwrite(pdf.data, 1, pdf.len, stdout);
	buf_free(&pdf);
	free(spec);
	return fflush(stdout) == 0 ? 0 : 1;
}
