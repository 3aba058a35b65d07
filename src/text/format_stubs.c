/* format_stubs: stand-ins for the PDF, e-mail and feed extractors until
 * they are merged (this file is deleted then).  The sniffers check the
 * plain magic; the extractors say the format cannot be read yet. */
#include "brief/text/formats.h"

#include <string.h>

/* s[0, len) begins with the prefix p. */
static int starts(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);

	return len >= n && memcmp(s, p, n) == 0;
}

/* The first non-blank byte of s[0, len), skipping a UTF-8 BOM. */
static size_t skip_blank(const char *s, size_t len)
{
	size_t i = starts(s, len, "\xEF\xBB\xBF") ? 3 : 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
			   s[i] == '\n'))
		i++;
	return i;
}

int pdf_sniff(const char *bytes, size_t len)
{
	size_t n = len < 1024 ? len : 1024;

	return n >= 5 && memmem(bytes, n, "%PDF-", 5) != NULL;
}

int mail_sniff(const char *bytes, size_t len)
{
	size_t n = len < 4096 ? len : 4096;

	if (starts(bytes, len, "From "))
		return 1;
	/* a header block: the first line is a header, and From: is one */
	return (starts(bytes, len, "From:") || starts(bytes, len, "Received:") ||
		starts(bytes, len, "Return-Path:") ||
		starts(bytes, len, "MIME-Version:")) &&
	       memmem(bytes, n, "\nSubject:", 9) != NULL;
}

int feed_sniff(const char *bytes, size_t len)
{
	size_t i = skip_blank(bytes, len), n = len < 2048 ? len : 2048;

	if (i >= n || bytes[i] != '<')
		return 0;
	if (!starts(bytes + i, len - i, "<?xml") &&
	    !starts(bytes + i, len - i, "<rss") &&
	    !starts(bytes + i, len - i, "<feed"))
		return 0;
	return memmem(bytes, n, "<rss", 4) != NULL ||
	       memmem(bytes, n, "<feed", 5) != NULL;
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

int mail_extract(const char *bytes, size_t len, const char *name,
		 const struct extract_rules *rules, struct xpart **parts,
		 size_t *n, struct err *e)
{
	(void)bytes;
	(void)len;
	(void)rules;
	*parts = NULL;
	*n = 0;
	err_set(e, "%s: e-mail cannot be read by this build", name);
	return -1;
}

int feed_extract(const char *bytes, size_t len, const char *name,
		 const struct extract_rules *rules, struct xpart **parts,
		 size_t *n, struct err *e)
{
	(void)bytes;
	(void)len;
	(void)rules;
	*parts = NULL;
	*n = 0;
	err_set(e, "%s: feeds cannot be read by this build", name);
	return -1;
}
