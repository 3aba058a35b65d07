/* Fuzz target: bytes to a page's blocks and metadata (the HTML parse,
 * charset, extraction, JSON-LD), and the sniffing of them. */
#include <string.h>

#include "brief/text/html.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct extract_rules *rules;
	struct xdoc *d;
	struct err e;
	size_t i;

	if (rules == NULL &&
	    (rules = extract_rules_load("data/extract.yaml", &e)) == NULL)
		abort();
	html_sniff((const char *)data, size);
	d = html_extract((const char *)data, size, "fuzz.html", rules, &e);
	if (d == NULL)
		return 0;
	/* every block is text: never empty, no line breaks */
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].text[0] == '\0' ||
		    strchr(d->blocks[i].text, '\n'))
			abort();
	xdoc_free(d);
	return 0;
}
