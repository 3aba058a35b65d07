/* feed: RSS 2.0 (and RSS 1.0) and Atom files, each item one document,
 * read with libxml2 (never the network, entities not expanded, no DTD
 * loaded).  An item's title is its title and headline, its link the
 * URL, pubDate / dc:date / published / updated its date, author /
 * dc:creator / author name its author, the feed's title its source;
 * content:encoded or Atom content, else the description or summary, is
 * its text: HTML through the HTML extractor, plain text as paragraphs.
 * Each item's byte range is found by a scan of the raw bytes for the
 * item's tags (comments, CDATA and processing instructions skipped),
 * matched in document order with the parsed items: so it needs an
 * encoding in which '<' is the byte '<' (UTF-8, the ISO and windows
 * charsets), as every feed seen in practice. */
#include "mail_priv.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xml_lib.h"

/* Where an item's bytes start and end. */
struct range {
	size_t start, end;
};

int feed_sniff(const char *bytes, size_t len)
{
	size_t i = 0, lim = len < 8192 ? len : 8192;
	const char *p;

	if (lim >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < lim) {
		if (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' ||
		    bytes[i] == '\n') {
			i++;
			continue;
		}
		if (bytes[i] != '<' || i + 1 >= lim)
			return 0;
		if (bytes[i + 1] == '?' || bytes[i + 1] == '!') {
			/* the XML declaration, a comment, a doctype */
			p = memchr(bytes + i, '>', lim - i);
			if (p == NULL)
				return 0;
			i = (size_t)(p - bytes) + 1;
			continue;
		}
		p = bytes + i + 1;
		lim -= i + 1;
		return (lim > 4 && memcmp(p, "rss", 3) == 0 &&
			(p[3] == ' ' || p[3] == '>' || p[3] == '\n' ||
			 p[3] == '\t' || p[3] == '\r')) ||
		       (lim > 5 && memcmp(p, "feed", 4) == 0 &&
			(p[4] == ' ' || p[4] == '>' || p[4] == '\n' ||
			 p[4] == '\t' || p[4] == '\r')) ||
		       (lim > 8 && memcmp(p, "rdf:RDF", 7) == 0);
	}
	return 0;
}

/* Skip from at to just past the first occurrence of end (or to len). */
static size_t past(const char *b, size_t len, size_t at, const char *end)
{
	const char *p = memmem(b + at, len - at, end, strlen(end));

	return p ? (size_t)(p - b) + strlen(end) : len;
}

/* Just past the '>' of the tag that opens at at (quoted values may hold
 * '>'); *empty is 1 for a tag closed by "/>". */
static size_t tag_end(const char *b, size_t len, size_t at, int *empty)
{
	char q = 0;

	for (; at < len; at++) {
		if (q) {
			q = b[at] == q ? 0 : q;
		} else if (b[at] == '"' || b[at] == '\'') {
			q = b[at];
		} else if (b[at] == '>') {
			*empty = at > 0 && b[at - 1] == '/';
			return at + 1;
		}
	}
	*empty = 0;
	return len;
}

/* Just past a declaration (a doctype with its internal subset in
 * brackets) that opens at at. */
static size_t decl_end(const char *b, size_t len, size_t at)
{
	size_t depth = 0;
	char q = 0;

	for (; at < len; at++) {
		if (q)
			q = b[at] == q ? 0 : q;
		else if (b[at] == '"' || b[at] == '\'')
			q = b[at];
		else if (b[at] == '[')
			depth++;
		else if (b[at] == ']' && depth)
			depth--;
		else if (b[at] == '>' && depth == 0)
			return at + 1;
	}
	return len;
}

/* Is the tag name at b+at (up to white space, '/' or '>') the local
 * name want, whatever its prefix? */
static int tag_is(const char *b, size_t len, size_t at, const char *want)
{
	size_t s = at, n = strlen(want);

	while (at < len && b[at] != ' ' && b[at] != '>' && b[at] != '/' &&
	       b[at] != '\t' && b[at] != '\n' && b[at] != '\r') {
		if (b[at] == ':')
			s = at + 1;
		at++;
	}
	return at - s == n && memcmp(b + s, want, n) == 0;
}

/* The byte ranges of the elements of local name want, in the order of
 * their start tags.  Returns how many (*r allocated). */
static size_t scan_ranges(const char *b, size_t len, const char *want,
			  struct range **r)
{
	size_t i = 0, n = 0, cap = 0, depth = 0, scap = 0, *stack = NULL;
	int empty;
	const char *lt;

	*r = NULL;
	while (i < len && (lt = memchr(b + i, '<', len - i)) != NULL) {
		i = (size_t)(lt - b);
		if (len - i >= 4 && memcmp(lt, "<!--", 4) == 0) {
			i = past(b, len, i + 4, "-->");
		} else if (len - i >= 9 && memcmp(lt, "<![CDATA[", 9) == 0) {
			i = past(b, len, i + 9, "]]>");
		} else if (len - i >= 2 && lt[1] == '?') {
			i = past(b, len, i + 2, "?>");
		} else if (len - i >= 2 && lt[1] == '!') {
			i = decl_end(b, len, i + 2);
		} else if (len - i >= 2 && lt[1] == '/') {
			if (tag_is(b, len, i + 2, want) && depth > 0)
				(*r)[stack[--depth]].end =
					tag_end(b, len, i + 2, &empty);
			i = tag_end(b, len, i + 2, &empty);
		} else {
			int hit = tag_is(b, len, i + 1, want);
			size_t start = i;

			i = tag_end(b, len, i + 1, &empty);
			if (!hit)
				continue;
			*r = xgrow(*r, &cap, n + 1, sizeof **r);
			(*r)[n].start = start;
			(*r)[n].end = i;
			if (!empty) {
				stack = xgrow(stack, &scap, depth + 1,
					      sizeof *stack);
				stack[depth++] = n;
			}
			n++;
		}
	}
	free(stack);
	return n;
}

/* The next element after n in document order, within root; children of
 * entity references are not entered. */
static xmlNode *next_el(xmlNode *n, xmlNode *root)
{
	do {
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
		} else {
			while (n != root && n->next == NULL)
				n = n->parent;
			if (n == root)
				return NULL;
			n = n->next;
		}
	} while (n->type != XML_ELEMENT_NODE);
	return n;
}

static int named(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The first child element of local name name (any namespace) whose
 * text is not empty. */
static xmlNode *child(const xmlNode *p, const char *name)
{
	xmlNode *c;
	xmlChar *t;
	int ok;

	for (c = p ? p->children : NULL; c; c = c->next) {
		if (!named(c, name))
			continue;
		t = xmlNodeGetContent(c);
		ok = t && t[strspn((const char *)t, " \t\r\n")] != '\0';
		xmlFree(t);
		if (ok)
			return c;
	}
	return NULL;
}

/* The text of node n, cleaned; NULL for none. */
static char *text_of(const xmlNode *n)
{
	xmlChar *t;
	char *s;

	if (n == NULL)
		return NULL;
	t = xmlNodeGetContent(n);
	if (t == NULL)
		return NULL;
	s = mailtext_clean((const char *)t, strlen((const char *)t));
	xmlFree(t);
	return s;
}

static char *attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = NULL;

	if (v) {
		s = mailtext_clean((const char *)v, strlen((const char *)v));
		xmlFree(v);
	}
	return s;
}

/* An Atom link: rel="alternate" or no rel. */
static char *atom_link(const xmlNode *item)
{
	xmlNode *c;
	char *rel, *href;

	for (c = item->children; c; c = c->next) {
		if (!named(c, "link"))
			continue;
		rel = attr(c, "rel");
		href = (rel == NULL || strcmp(rel, "alternate") == 0)
			       ? attr(c, "href") : NULL;
		free(rel);
		if (href)
			return href;
	}
	return NULL;
}

/* The date of node n: RFC 822 (RSS) or RFC 3339 (Atom, dc:date). */
static void read_date(struct xmeta *m, const xmlNode *n)
{
	char *raw = text_of(n);
	GDateTime *dt = NULL;

	if (raw == NULL)
		return;
	dt = g_date_time_new_from_iso8601(raw, NULL);
	if (dt == NULL)
		dt = g_mime_utils_header_decode_date(raw);
	mailtext_date(m, dt, raw);
	if (dt)
		g_date_time_unref(dt);
	else if (strlen(raw) >= 10 && raw[4] == '-' && raw[7] == '-' &&
		 strspn(raw, "0123456789") == 4) {
		m->date = xstrndup(raw, 10); /* a date without a time */
	}
	free(raw);
}

/* The item's text: HTML (RSS descriptions, Atom type="html" or
 * "xhtml") or plain text.  0, or -1 and *why. */
static int read_body(struct xdoc *d, xmlDoc *doc, const xmlNode *n,
		     int atom, const char *name,
		     const struct extract_rules *rules, const char **why)
{
	char *type = attr(n, "type");
	xmlBuffer *xb = NULL;
	xmlNode *c;
	xmlChar *t = NULL;
	const char *s;
	size_t len;
	int html, rc = 0;
	struct err e;

	html = atom ? type && (strcmp(type, "html") == 0 ||
			       strcmp(type, "text/html") == 0 ||
			       strstr(type, "xhtml") != NULL) : 1;
	if (type && strstr(type, "xhtml")) {
		xb = xmlBufferCreate();
		for (c = n->children; c; c = c->next)
			xmlNodeDump(xb, doc, c, 0, 0);
		s = (const char *)xmlBufferContent(xb);
	} else {
		t = xmlNodeGetContent(n);
		s = t ? (const char *)t : "";
	}
	len = strlen(s);
	if (html && memchr(s, '<', len) == NULL)
		html = 0; /* a description in plain text */
	if (html && mailtext_html(d, s, len, name, rules, &e) < 0) {
		*why = "no text in its HTML";
		rc = -1;
	} else if (!html && mailtext_blocks(d, s, len, rules) == 0) {
		*why = "no text";
		rc = -1;
	}
	if (xb)
		xmlBufferFree(xb);
	xmlFree(t);
	free(type);
	return rc;
}

/* One item or entry as a document, or NULL and *why. */
static struct xdoc *item(xmlDoc *doc, const xmlNode *it, int atom,
			 const char *source, const char *name,
			 const struct extract_rules *rules, const char **why)
{
	struct xdoc *d = xdoc_new();
	const xmlNode *body;

	d->meta.title = text_of(child(it, "title"));
	d->meta.source = source ? xstrdup(source) : NULL;
	d->meta.charset = xstrdup("UTF-8");
	if (atom) {
		d->meta.url = atom_link(it);
		body = child(it, "published");
		read_date(&d->meta, body ? body : child(it, "updated"));
		d->meta.author = text_of(child(child(it, "author"), "name"));
		body = child(it, "content");
		if (body == NULL)
			body = child(it, "summary");
	} else {
		d->meta.url = text_of(child(it, "link"));
		body = child(it, "pubDate");
		read_date(&d->meta, body ? body : child(it, "date"));
		d->meta.author = text_of(child(it, "author"));
		if (d->meta.author == NULL)
			d->meta.author = text_of(child(it, "creator"));
		body = child(it, "encoded");
		if (body == NULL)
			body = child(it, "description");
	}
	if (d->meta.title)
		xdoc_add(d, XB_HEADLINE, d->meta.title, 0);
	if (body == NULL) {
		*why = "no text";
	} else if (read_body(d, doc, body, atom, name, rules, why) == 0) {
		return d;
	}
	xdoc_free(d);
	return NULL;
}

/* Parse; NULL and e ("NAME:LINE:COL: invalid XML: message"). */
static xmlDoc *parse(const char *bytes, size_t len, const char *name,
		     struct err *e)
{
	xmlParserCtxt *ctxt;
	const xmlError *xe;
	xmlDoc *doc;
	char *msg;

	if (len > INT_MAX) {
		err_set(e, "%s: too large", name);
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		err_set(e, "%s: cannot parse XML", name);
		return NULL;
	}
	doc = xmlCtxtReadMemory(ctxt, bytes, (int)len, NULL, NULL,
				XML_PARSE_NONET | XML_PARSE_NOERROR |
				XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc == NULL || !ctxt->wellFormed) {
		xe = xmlCtxtGetLastError(ctxt);
		msg = xe && xe->message
			      ? mailtext_clean(xe->message,
					       strlen(xe->message))
			      : NULL;
		if (xe && xe->line > 0)
			err_set(e, "%s:%d:%d: invalid XML: %s", name,
				xe->line, xe->int2 > 0 ? xe->int2 : 1,
				msg ? msg : "cannot parse");
		else
			err_set(e, "%s: invalid XML: %s", name,
				msg ? msg : "cannot parse");
		free(msg);
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

int feed_extract(const char *bytes, size_t len, const char *name,
		 const struct extract_rules *rules, struct xpart **parts,
		 size_t *n, struct err *e)
{
	xmlDoc *doc;
	xmlNode *root, *el, *chan;
	struct range *r = NULL;
	size_t nr, k = 0, cap = 0;
	const char *tag, *why = NULL;
	char *source;
	struct xdoc *d;
	int atom;

	*parts = NULL;
	*n = 0;
	if (mailtext_init(name, e) != 0 || xml_lib_load(name, e) != 0)
		return -1;
	doc = parse(bytes, len, name, e);
	if (doc == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	atom = named(root, "feed");
	if (!atom && !named(root, "rss") && !named(root, "RDF")) {
		err_set(e, "%s: not an RSS or Atom feed", name);
		xmlFreeDoc(doc);
		return -1;
	}
	tag = atom ? "entry" : "item";
	chan = atom ? root : child(root, "channel");
	source = text_of(child(chan, "title"));
	nr = scan_ranges(bytes, len, tag, &r);
	for (el = root; el; el = next_el(el, root))
		k += named(el, tag);
	if (k != nr) {
		/* the bytes and the tree disagree (not an ASCII-based
		 * encoding): no item can be placed */
		err_set(e, "%s: cannot find the items in the bytes "
			   "(the feed's encoding is not ASCII-based)", name);
		free(r);
		free(source);
		xmlFreeDoc(doc);
		return -1;
	}
	k = 0;
	for (el = root; el; el = next_el(el, root)) {
		if (!named(el, tag))
			continue;
		if (el->parent == root || el->parent == chan) {
			d = item(doc, el, atom, source, name, rules, &why);
			mailtext_part(parts, n, &cap, d, r[k].start,
				      r[k].end, name, "item", k + 1, why);
		}
		k++;
	}
	free(r);
	free(source);
	xmlFreeDoc(doc);
	return mailtext_finish(parts, n, name, "item", e);
}
