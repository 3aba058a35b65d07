/* pdf_xml: pdftotext -bbox-layout's XHTML read into pages, blocks and
 * lines with their boxes, with libxml2's streaming reader (the tree of a
 * long report is never built; never the network, no DTD loaded). */
#include "pdf_priv.h"

#include <stdlib.h>
#include <string.h>

#include "xml_lib.h"

#include "brief/base/util.h"

/* The reader's state: the line being gathered. */
struct reading {
	struct pdf_doc *d;
	size_t cap_pages, cap_blocks, cap_lines;
	struct buf line;
	int in_line;
	float lx0, ly0, lx1, ly1;
};

static float attr_num(xmlTextReaderPtr r, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	float f = 0;

	if (v) {
		f = strtof((const char *)v, NULL);
		xmlFree(v);
	}
	return f;
}

static char *attr_str(xmlTextReaderPtr r, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	char *s = NULL;

	if (v) {
		s = xstrdup((const char *)v);
		xmlFree(v);
	}
	return s;
}

/* The ligatures that some fonts map to one character, spelt out. */
static const struct {
	const char *lig, *plain;
} ligatures[] = {
	{"\xEF\xAC\x80", "ff"}, {"\xEF\xAC\x81", "fi"}, {"\xEF\xAC\x82", "fl"},
	{"\xEF\xAC\x83", "ffi"}, {"\xEF\xAC\x84", "ffl"},
};

/* Append a word to the line, spaces inside it collapsed away. */
static void add_word(struct buf *b, const char *w)
{
	size_t i;

	if (b->len)
		buf_addc(b, ' ');
	while (*w) {
		for (i = 0; i < sizeof ligatures / sizeof *ligatures; i++)
			if (strncmp(w, ligatures[i].lig, 3) == 0)
				break;
		if (i < sizeof ligatures / sizeof *ligatures) {
			buf_adds(b, ligatures[i].plain);
			w += 3;
		} else {
			if ((unsigned char)*w > ' ')
				buf_addc(b, *w);
			w++;
		}
	}
}

static void start_page(struct reading *g, xmlTextReaderPtr r)
{
	struct pdf_doc *d = g->d;
	struct pdf_page *p;

	d->pages = xgrow(d->pages, &g->cap_pages, d->npages + 1,
			 sizeof *d->pages);
	p = &d->pages[d->npages++];
	p->width = attr_num(r, "width");
	p->height = attr_num(r, "height");
	p->words = 0;
}

static void start_block(struct reading *g, xmlTextReaderPtr r)
{
	struct pdf_doc *d = g->d;
	struct pdf_block *b;

	d->blocks = xgrow(d->blocks, &g->cap_blocks, d->nblocks + 1,
			  sizeof *d->blocks);
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->line = d->nlines;
	b->x0 = attr_num(r, "xMin");
	b->y0 = attr_num(r, "yMin");
	b->x1 = attr_num(r, "xMax");
	b->y1 = attr_num(r, "yMax");
	b->page = (int)d->npages;
	b->role = PR_BODY;
}

/* The line ends: keep it when it holds a word. */
static void end_line(struct reading *g)
{
	struct pdf_doc *d = g->d;
	struct pdf_line *l;

	g->in_line = 0;
	if (g->line.len == 0 || d->nblocks == 0)
		return;
	d->lines = xgrow(d->lines, &g->cap_lines, d->nlines + 1,
			 sizeof *d->lines);
	l = &d->lines[d->nlines++];
	l->text = buf_take(&g->line);
	l->x0 = g->lx0;
	l->y0 = g->ly0;
	l->x1 = g->lx1;
	l->y1 = g->ly1;
	d->blocks[d->nblocks - 1].nlines++;
}

/* The text of the element the reader is on (a word, the title). */
static char *element_text(xmlTextReaderPtr r)
{
	xmlChar *v = xmlTextReaderReadString(r);
	char *s = xstrdup(v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

/* <meta name=N content=C>: the fields the extractor uses. */
static void read_meta(struct pdf_doc *d, xmlTextReaderPtr r)
{
	char *name = attr_str(r, "name");
	char **slot = NULL;

	if (name == NULL)
		return;
	if (strcmp(name, "Author") == 0)
		slot = &d->author;
	else if (strcmp(name, "Subject") == 0)
		slot = &d->subject;
	else if (strcmp(name, "CreationDate") == 0)
		slot = &d->created;
	if (slot && *slot == NULL)
		*slot = attr_str(r, "content");
	free(name);
}

static void on_element(struct reading *g, xmlTextReaderPtr r,
		       const char *name)
{
	struct pdf_doc *d = g->d;

	if (strcmp(name, "word") == 0) {
		char *w;

		if (!g->in_line || d->npages == 0)
			return;
		w = element_text(r);
		if (*w) {
			add_word(&g->line, w);
			d->pages[d->npages - 1].words++;
		}
		free(w);
	} else if (strcmp(name, "line") == 0) {
		if (d->nblocks == 0)
			return;
		if (g->in_line)
			end_line(g);
		g->in_line = 1;
		g->lx0 = attr_num(r, "xMin");
		g->ly0 = attr_num(r, "yMin");
		g->lx1 = attr_num(r, "xMax");
		g->ly1 = attr_num(r, "yMax");
	} else if (strcmp(name, "block") == 0) {
		if (d->npages)
			start_block(g, r);
	} else if (strcmp(name, "page") == 0) {
		start_page(g, r);
	} else if (strcmp(name, "title") == 0 && d->title == NULL) {
		d->title = element_text(r);
	} else if (strcmp(name, "meta") == 0) {
		read_meta(d, r);
	}
}

int pdf_doc_read(const char *xml, size_t len, struct pdf_doc *d)
{
	struct reading g = {0};
	xmlTextReaderPtr r;
	int rc;

	memset(d, 0, sizeof *d);
	if (len > (size_t)0x7fffffff || xml_lib_load(NULL, NULL) != 0)
		return -1;
	g.d = d;
	r = xmlReaderForMemory(xml, (int)len, NULL, "UTF-8",
			       XML_PARSE_NONET | XML_PARSE_NOERROR |
			       XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
	if (r == NULL)
		return -1;
	while ((rc = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		const char *name = (const char *)xmlTextReaderConstLocalName(r);

		if (name == NULL)
			continue;
		if (type == XML_READER_TYPE_ELEMENT)
			on_element(&g, r, name);
		else if (type == XML_READER_TYPE_END_ELEMENT &&
			 strcmp(name, "line") == 0 && g.in_line)
			end_line(&g);
	}
	xmlFreeTextReader(r);
	buf_free(&g.line);
	if (rc != 0) {
		pdf_doc_free(d);
		return -1;
	}
	return 0;
}

void pdf_doc_free(struct pdf_doc *d)
{
	size_t i;

	for (i = 0; i < d->nlines; i++)
		free(d->lines[i].text);
	free(d->lines);
	free(d->blocks);
	free(d->pages);
	free(d->title);
	free(d->author);
	free(d->subject);
	free(d->created);
	memset(d, 0, sizeof *d);
}
