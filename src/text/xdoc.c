/* xdoc: a document of another format as blocks and metadata. */
#include "brief/text/xdoc.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

struct xdoc *xdoc_new(void)
{
	return xcalloc(1, sizeof(struct xdoc));
}

void xdoc_add(struct xdoc *d, enum xblock_kind kind, const char *text,
	      int page)
{
	struct xblock *b;

	if (text == NULL || *text == '\0')
		return;
	d->blocks = xrealloc(d->blocks, (d->nblocks + 1) * sizeof *d->blocks);
	b = &d->blocks[d->nblocks++];
	b->kind = kind;
	b->text = xstrdup(text);
	b->page = page;
}

void xdoc_free(struct xdoc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nblocks; i++)
		free(d->blocks[i].text);
	free(d->blocks);
	free(d->meta.title);
	free(d->meta.date);
	free(d->meta.date_raw);
	free(d->meta.author);
	free(d->meta.source);
	free(d->meta.url);
	free(d->meta.lang);
	free(d->meta.charset);
	free(d);
}

const char *xblock_kind_name(enum xblock_kind k)
{
	switch (k) {
	case XB_HEADLINE:
		return "headline";
	case XB_LEAD:
		return "lead";
	case XB_BODY:
		return "body";
	case XB_HEADING:
		return "heading";
	case XB_BOILERPLATE:
		return "boilerplate";
	}
	return "body";
}
