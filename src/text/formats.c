/* formats: which format a file is in, decided by its content (or named
 * by --as), and freeing the parts an extractor gives. */
#include "brief/text/formats.h"

#include <stdlib.h>
#include <string.h>

#include "brief/text/article.h"
#include "brief/text/html.h"

static const char *const names[] = {"text", "html", "pdf", "email", "feed"};

const char *article_format(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i]) == 0)
			return names[i];
	return NULL;
}

const char *article_sniff(const char *bytes, size_t len)
{
	if (pdf_sniff(bytes, len))
		return "pdf";
	if (feed_sniff(bytes, len))
		return "feed";
	if (mail_sniff(bytes, len))
		return "email";
	if (html_sniff(bytes, len))
		return "html";
	return "text";
}

void xparts_free(struct xpart *parts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		xdoc_free(parts[i].doc);
		free(parts[i].error);
	}
	free(parts);
}
