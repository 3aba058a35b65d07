/* xdoc_article: an extracted document (a web page, a PDF, an e-mail, a
 * feed item) turned into an article.  The extractor decided what each
 * block is; here the blocks become the text (one paragraph each, a blank
 * line between), the sections (kinds and pages from the blocks, without
 * the plain-text boilerplate guesses), the sentences (split as usual) and
 * the metadata (the document's, and the dateline rules on the lead for
 * what it lacks). */
#include "brief/text/article.h"

#include <stdlib.h>
#include <string.h>

#include "article_priv.h"
#include "brief/base/utf8.h"

static enum section_kind section_kind_of(enum xblock_kind k)
{
	switch (k) {
	case XB_HEADLINE:
		return SECTION_HEADLINE;
	case XB_LEAD:
		return SECTION_LEAD;
	case XB_BOILERPLATE:
		return SECTION_BOILERPLATE;
	case XB_BODY:
	case XB_HEADING:
		break;
	}
	return SECTION_BODY;
}

/* Append a block's text to b as one line: line breaks and other control
 * bytes become spaces, invalid UTF-8 U+FFFD (the extractors promise
 * neither, the article's text must hold neither). */
static void add_text(struct buf *b, const char *t)
{
	size_t n = strlen(t), i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)t[i];
		uint32_t cp;
		size_t k;

		if (c < 0x20) {
			buf_addc(b, ' ');
			i++;
			continue;
		}
		if (c < 0x80) {
			buf_addc(b, (char)c);
			i++;
			continue;
		}
		k = utf8_decode(t + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1)
			buf_adds(b, "\xEF\xBF\xBD");
		else
			buf_add(b, t + i, k);
		i += k;
	}
}

static int is_story(enum xblock_kind k)
{
	return k == XB_LEAD || k == XB_BODY || k == XB_HEADING;
}

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

/* The sections over the text, one per block; lead is the block that
 * becomes the lead (the document's, else its first body paragraph). */
static void add_sections(struct loader *l, const struct xdoc *doc,
			 const size_t *starts, size_t lead)
{
	struct article *a = l->a;
	size_t i;

	a->sections = xcalloc(doc->nblocks, sizeof *a->sections);
	l->cap_sections = doc->nblocks;
	for (i = 0; i < doc->nblocks; i++) {
		struct section *sec = &a->sections[a->nsections];
		size_t s = starts[i], e = starts[i + 1];

		if (i + 1 < doc->nblocks)
			e -= 2; /* the blank line */
		art_trim(a->text, &s, &e);
		if (s >= e)
			continue; /* a block of white space alone */
		sec->kind = i == lead ? SECTION_LEAD
				      : section_kind_of(doc->blocks[i].kind);
		sec->start = s;
		sec->end = e;
		sec->line = 1 + 2 * (int)i;
		sec->page = doc->blocks[i].page;
		sec->first_sentence = a->nsentences;
		sec->nsentences = 0;
		if (sec->kind == SECTION_LEAD && !l->dateline_done)
			art_dateline(l, s, e);
		art_split_sentences(l, s, e);
		a->nsections++;
	}
}

struct article *article_from_xdoc(const struct xdoc *doc, const char *name,
				  const char *format, const char *id_bytes,
				  size_t id_len, const struct article_rules *r,
				  struct err *e)
{
	const struct xmeta *m = &doc->meta;
	struct buf b = {0};
	struct article *a;
	struct loader *l;
	size_t i, lead = (size_t)-1, first_body = (size_t)-1, *starts;
	int story = 0;

	for (i = 0; i < doc->nblocks; i++) {
		if (is_story(doc->blocks[i].kind))
			story = 1;
		if (doc->blocks[i].kind == XB_LEAD && lead == (size_t)-1)
			lead = i;
		if (doc->blocks[i].kind == XB_BODY && first_body == (size_t)-1)
			first_body = i;
	}
	if (!story) {
		err_set(e, "%s: no article text found", name);
		return NULL;
	}
	if (lead == (size_t)-1)
		lead = first_body; /* a story of headings alone has no lead */
	starts = xcalloc(doc->nblocks + 1, sizeof *starts);
	for (i = 0; i < doc->nblocks; i++) {
		if (i > 0)
			buf_adds(&b, "\n\n");
		starts[i] = b.len;
		add_text(&b, doc->blocks[i].text);
	}
	starts[doc->nblocks] = b.len;
	buf_add(&b, "", 1); /* the NUL, and never an empty buffer */

	a = xcalloc(1, sizeof *a);
	l = xcalloc(1, sizeof *l);
	a->priv = l;
	a->path = xstrdup(name);
	a->format = format;
	a->title = NULL;
	a->date = dup_or_null(m->date);
	a->source = dup_or_null(m->source);
	a->url = dup_or_null(m->url);
	a->author = dup_or_null(m->author);
	a->len = b.len - 1;
	a->text = buf_take(&b);
	l->a = a;
	l->r = r;
	l->map = a->text;
	l->raw_len = id_len;
	l->clean = a->len;
	l->md = pcre2_match_data_create(32, NULL);
	hash_hex(art_content_hash(id_bytes, id_len), l->id);

	art_first_date(l);
	art_take_genre(l, 0);
	add_sections(l, doc, starts, lead);
	free(starts);
	l->pos = a->len;
	a->parsed = a->len;
	a->complete = 1;
	l->headline_done = 1;

	if (m->title && *m->title) {
		a->title = xstrdup(m->title);
	} else {
		for (i = 0; i < a->nsections; i++)
			if (a->sections[i].kind == SECTION_HEADLINE) {
				const struct section *h = &a->sections[i];

				a->title = xstrndup(a->text + h->start,
						    h->end - h->start);
				break;
			}
	}
	art_make_title(a); /* (none yet: the lead's first sentence) */
	return a;
}
