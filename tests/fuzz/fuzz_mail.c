/* Fuzz target: bytes to e-mail parts (an .eml or an mbox: GMime, the
 * charsets, the plain-text and HTML bodies) and to feed items (libxml2,
 * the item byte ranges), and the sniffing of both. */
#include <string.h>

#include "brief/text/formats.h"
#include "brief/text/html.h"
#include "fuzz.h"

/* Check every part (a document of clean blocks, or an error; a byte
 * range inside the input, in order) and free them. */
static void check(struct xpart *p, size_t n, size_t size)
{
	size_t i, j, last = 0;

	for (i = 0; i < n; i++) {
		if ((p[i].doc == NULL) == (p[i].error == NULL) ||
		    p[i].start > p[i].end || p[i].end > size ||
		    p[i].start < last)
			abort();
		last = p[i].end;
		for (j = 0; p[i].doc && j < p[i].doc->nblocks; j++)
			if (p[i].doc->blocks[j].text[0] == '\0' ||
			    strchr(p[i].doc->blocks[j].text, '\n'))
				abort();
		xdoc_free(p[i].doc);
		free(p[i].error);
	}
	free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct extract_rules *rules;
	const char *b = (const char *)data;
	struct xpart *p;
	struct err e;
	size_t n;

	if (rules == NULL &&
	    (rules = extract_rules_load("data/extract.yaml", &e)) == NULL)
		abort();
	mail_sniff(b, size);
	feed_sniff(b, size);
	if (mail_extract(b, size, "fuzz.eml", rules, &p, &n, &e) == 0)
		check(p, n, size);
	else if (p != NULL || n != 0)
		abort();
	if (feed_extract(b, size, "fuzz.xml", rules, &p, &n, &e) == 0)
		check(p, n, size);
	else if (p != NULL || n != 0)
		abort();
	return 0;
}
