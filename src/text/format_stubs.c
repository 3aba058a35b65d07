/* format_stubs: stand-ins for the PDF, e-mail and feed extractors until
 * they are merged (this file is deleted then).  The sniffers check the
 * plain magic; the extractors say the format cannot be read yet. */
#include "brief/text/formats.h"

#include <string.h>

int pdf_sniff(const char *bytes, size_t len)
{
	size_t n = len < 1024 ? len : 1024;

	return n >= 5 && memmem(bytes, n, "%PDF-", 5) != NULL;
}

struct xdoc *pdf_extract(const char *bytes, size_t len, const char *name,
			 const struct pdf_opts *o, struct err *e)
{
	(void)bytes;
	(void)len;
	(void)o;
	err_set(e, "%s: PDF files cannot be read by this build", name);
	return NULL;
}
