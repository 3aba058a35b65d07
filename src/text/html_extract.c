/* html_extract: the story's blocks out of a parsed page.
 *
 * One walk of the tree drops what is never story (script, style, nav,
 * hidden elements, share buttons, comments: data/extract.yaml's tags,
 * roles and class/id hints) and cuts the rest into blocks at block-level
 * tags, counting each block's characters, link characters, commas and
 * stop words.  Blocks long enough score the containers above them, as
 * Readability does (length and commas, shared out to the parent, half to
 * the grandparent, less further up; a container's class and id add or
 * take away; its link density scales it down).  The best container and
 * those of its siblings that score near it (or are clean paragraphs) are
 * the story; in it, link lists are dropped, captions, credits, promos
 * and phrases such as "Read more" are boilerplate, and short blocks at
 * the story's edges with few stop words (bylines, datelines, share
 * lines) are boilerplate too, as jusText judges them.  Every walk is
 * iterative and linear in the size of the tree. */
#include "html_dom.h"
#include "html_rules.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Element flags. */
enum {
	EL_BLOCK = 1,      /* a block-level element */
	EL_BOILER = 2,     /* inside something near the story, not of it */
	EL_LINK = 4,       /* inside <a> */
	EL_SELECTED = 8,   /* the story's container or a sibling taken */
	EL_HEADING = 16,   /* inside h1..h6 */
	EL_H1 = 32,        /* inside h1 */
	EL_PRE = 64        /* inside <pre>: white space kept as one space */
};

/* An element kept (not dropped): its place in the walk (pre-order
 * index; its subtree is [index, end)), the block element that holds its
 * text, totals of the text below it, its score as a container. */
struct el {
	xmlNode *node;
	size_t parent;          /* index, or SIZE_MAX for the root */
	size_t owner;           /* nearest block element (itself if one) */
	size_t end;
	unsigned flags;
	size_t chars, link_chars;
	double score;
	int scored;
};

struct block {
	size_t owner;
	char *text;
	size_t chars, link_chars, words, stops, commas;
	unsigned flags;
	enum xblock_kind kind;
	int keep;
};

struct walk {
	const struct extract_rules *r;
	struct el *els;
	size_t nels, cap;
	struct block *blocks;
	size_t nblocks, bcap;
	/* the block being built */
	struct buf text;
	int space;
	size_t cur_owner, cur_links;
	unsigned cur_flags;
};

/* Tags that open and close a block of text. */
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "br",
	"center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
	"h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
	"main", "menu", "nav", "ol", "p", "pre", "section", "summary",
	"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"
};

static int cmp_tag(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_block_tag(const char *t)
{
	return bsearch(&t, block_tags, sizeof block_tags / sizeof *block_tags,
		       sizeof *block_tags, cmp_tag) != NULL;
}

/* Lower-case "class id" of n, for the hints; "" when it has neither. */
static char *classid(xmlNode *n)
{
	char *c = html_attr(n, "class"), *i = html_attr(n, "id"), *s;
	size_t k;

	s = xasprintf("%s %s", c ? c : "", i ? i : "");
	xmlFree(c);
	xmlFree(i);
	for (k = 0; s[k]; k++)
		s[k] = (char)tolower((unsigned char)s[k]);
	return s;
}

/* Is element n hidden from the reader (hidden, aria-hidden, display:
 * none)? */
static int hidden(xmlNode *n)
{
	char *v;
	int h = 0;

	if (xmlHasProp(n, (const xmlChar *)"hidden"))
		return 1;
	if ((v = html_attr(n, "aria-hidden")) != NULL) {
		h = strcmp(v, "true") == 0;
		xmlFree(v);
	}
	if (!h && (v = html_attr(n, "style")) != NULL) {
		char *p, *q;

		for (p = q = v; *p; p++)
			if (!isspace((unsigned char)*p))
				*q++ = (char)tolower((unsigned char)*p);
		*q = '\0';
		h = strstr(v, "display:none") != NULL ||
		    strstr(v, "visibility:hidden") != NULL;
		xmlFree(v);
	}
	return h;
}

/* Drop element n with all it holds? */
static int dropped(const struct extract_rules *r, xmlNode *n,
		   const char *cid)
{
	const char *tag = (const char *)n->name;
	char *role;
	int d = 0;

	if (html_rules_has(r->drop_tags, r->ndrop_tags, tag) || hidden(n))
		return 1;
	if ((role = html_attr(n, "role")) != NULL) {
		d = html_rules_has(r->drop_roles, r->ndrop_roles, role);
		xmlFree(role);
		if (d)
			return 1;
	}
	if (strcmp(tag, "body") == 0 || strcmp(tag, "html") == 0 ||
	    strcmp(tag, "article") == 0 || strcmp(tag, "main") == 0 ||
	    strcmp(tag, "a") == 0)
		return 0;
	return cid[0] != ' ' && html_hints_match(&r->drop, cid) &&
	       !html_hints_match(&r->keep, cid);
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Close the block being built. */
static void flush(struct walk *w)
{
	struct block *b;
	char *t = html_text_take(&w->text);
	size_t i, len;

	w->space = 0;
	if (t == NULL) {
		w->cur_links = 0;
		return;
	}
	w->blocks = xgrow(w->blocks, &w->bcap, w->nblocks + 1,
			  sizeof *w->blocks);
	b = &w->blocks[w->nblocks++];
	memset(b, 0, sizeof *b);
	b->text = t;
	b->owner = w->cur_owner;
	b->flags = w->cur_flags;
	b->chars = utf8_chars(t);
	b->link_chars = w->cur_links > b->chars ? b->chars : w->cur_links;
	len = strlen(t);
	for (i = 0; i < len; i++) {
		uint32_t v;
		size_t end;

		if (t[i] == ',')
			b->commas++;
		if (!trie_word_start(t, i, len))
			continue;
		b->words++;
		end = trie_match(w->r->stop, t, len, i, &v);
		if (end && !trie_inside_word(t, len, end))
			b->stops++;
	}
	w->cur_links = 0;
}

/* Start element n (its parent's index p): its entry, or SIZE_MAX when it
 * is dropped with all it holds. */
static size_t enter(struct walk *w, xmlNode *n, size_t p)
{
	const struct extract_rules *r = w->r;
	const char *tag = (const char *)n->name;
	char *cid = classid(n);
	struct el *e;
	size_t i;

	if (dropped(r, n, cid)) {
		free(cid);
		return SIZE_MAX;
	}
	w->els = xgrow(w->els, &w->cap, w->nels + 1, sizeof *w->els);
	i = w->nels++;
	e = &w->els[i];
	memset(e, 0, sizeof *e);
	e->node = n;
	e->parent = p;
	e->flags = p == SIZE_MAX ? 0 : w->els[p].flags &
			(EL_BOILER | EL_LINK | EL_HEADING | EL_H1 | EL_PRE);
	n->_private = (void *)(uintptr_t)(i + 1);
	if (is_block_tag(tag)) {
		e->flags |= EL_BLOCK;
		e->owner = i;
	} else {
		e->owner = p == SIZE_MAX ? i : w->els[p].owner;
	}
	if (strcmp(tag, "a") == 0)
		e->flags |= EL_LINK;
	if (strcmp(tag, "pre") == 0)
		e->flags |= EL_PRE;
	if (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && !tag[2])
		e->flags |= EL_HEADING | (tag[1] == '1' ? EL_H1 : 0);
	if (strcmp(tag, "figcaption") == 0 ||
	    (cid[0] != ' ' && html_hints_match(&r->boiler, cid) &&
	     !html_hints_match(&r->keep, cid)))
		e->flags |= EL_BOILER;
	if (e->flags & EL_BLOCK) {
		flush(w);
		w->cur_owner = i;
		w->cur_flags = e->flags;
	}
	free(cid);
	return i;
}

static void leave(struct walk *w, size_t i)
{
	struct el *e = &w->els[i];

	e->end = w->nels;
	if (e->flags & EL_BLOCK) {
		flush(w);
		if (e->parent != SIZE_MAX) {
			w->cur_owner = w->els[e->parent].owner;
			w->cur_flags = w->els[w->cur_owner].flags;
		}
	}
}

static void add_text(struct walk *w, xmlNode *t, size_t p)
{
	size_t before = w->text.len;

	if (t->content == NULL || p == SIZE_MAX)
		return;
	if (w->text.len == 0) {
		w->cur_owner = w->els[p].owner;
		w->cur_flags = w->els[p].flags;
	}
	html_text_add(&w->text, (const char *)t->content, &w->space);
	if (w->els[p].flags & EL_LINK) {
		size_t k, n = 0;

		for (k = before; k < w->text.len; k++)
			n += ((unsigned char)w->text.data[k] & 0xC0) != 0x80;
		w->cur_links += n;
	}
}

/* The index of n's entry (its parent's, for a text node). */
static size_t index_of(const xmlNode *n)
{
	uintptr_t v = n ? (uintptr_t)n->_private : 0;

	return v ? (size_t)v - 1 : SIZE_MAX;
}

/* Walk the tree under root once: entries, blocks. */
static void walk_tree(struct walk *w, xmlNode *root)
{
	xmlNode *n = root;
	int down = 1;

	while (n) {
		size_t i = SIZE_MAX;

		if (down) {
			if (n->type == XML_ELEMENT_NODE) {
				i = enter(w, n, index_of(n == root ? NULL
								   : n->parent));
				if (i != SIZE_MAX && n->children) {
					n = n->children;
					continue;
				}
				if (i != SIZE_MAX)
					leave(w, i);
			} else if (n->type == XML_TEXT_NODE ||
				   n->type == XML_CDATA_SECTION_NODE) {
				add_text(w, n, index_of(n->parent));
			}
		}
		if (n == root)
			break;
		if (n->next) {
			n = n->next;
			down = 1;
			continue;
		}
		n = n->parent;
		down = 0;
		if (n && n->type == XML_ELEMENT_NODE &&
		    index_of(n) != SIZE_MAX)
			leave(w, index_of(n));
		if (n == root)
			break;
	}
	flush(w);
}

static double tag_score(const struct extract_rules *r, const char *tag)
{
	size_t i;

	for (i = 0; i < r->ntags; i++)
		if (strcmp(r->tags[i].tag, tag) == 0)
			return r->tags[i].score;
	return 0;
}

/* A container's own weight: its tag and its class and id. */
static double init_score(const struct extract_rules *r, struct el *e)
{
	char *cid = classid(e->node), *ip;
	double s = tag_score(r, (const char *)e->node->name);

	if (cid[0] != ' ') {
		if (html_hints_match(&r->positive, cid))
			s += r->class_weight;
		if (html_hints_match(&r->negative, cid))
			s -= r->class_weight;
	}
	free(cid);
	if ((ip = html_attr(e->node, "itemprop")) != NULL) {
		if (strstr(ip, "articleBody") || strstr(ip, "articlebody"))
			s += r->positive_itemprop;
		xmlFree(ip);
	}
	return s;
}

static double link_density(const struct el *e)
{
	return e->chars ? (double)e->link_chars / (double)e->chars : 0;
}

/* Score the containers: totals first (children before parents: the
 * entries are in pre-order), then each paragraph's points upwards. */
static void score(struct walk *w)
{
	const struct extract_rules *r = w->r;
	size_t i, k;

	for (i = 0; i < w->nblocks; i++) {
		struct el *o = &w->els[w->blocks[i].owner];

		o->chars += w->blocks[i].chars;
		o->link_chars += w->blocks[i].link_chars;
	}
	for (i = w->nels; i-- > 1;)
		if (w->els[i].parent != SIZE_MAX) {
			w->els[w->els[i].parent].chars += w->els[i].chars;
			w->els[w->els[i].parent].link_chars +=
				w->els[i].link_chars;
		}
	for (i = 0; i < w->nblocks; i++) {
		const struct block *b = &w->blocks[i];
		double pts, len;
		size_t a = w->els[b->owner].parent;

		if ((double)b->chars < r->min_chars || (b->flags & EL_BOILER))
			continue;
		len = (double)b->chars / r->chars_per_point;
		pts = r->base_score + r->comma_score * (double)b->commas +
		      (len < r->max_length_points ? len
						   : r->max_length_points);
		for (k = 0; a != SIZE_MAX && (double)k < r->ancestor_levels;
		     k++, a = w->els[a].parent) {
			struct el *e = &w->els[a];
			double div = k == 0 ? 1
				     : k == 1 ? 1 / r->parent_share
					      : (double)k * r->ancestor_divisor;

			if (!e->scored) {
				e->score = init_score(r, e);
				e->scored = 1;
			}
			e->score += pts / div;
		}
	}
	for (i = 0; i < w->nels; i++)
		if (w->els[i].scored)
			w->els[i].score *= 1 - link_density(&w->els[i]);
}

/* The story's container: the best scored, moved up while its parent
 * scores better or it is an only child. */
static size_t top_container(struct walk *w)
{
	size_t i, top = SIZE_MAX, p;
	double last;

	for (i = 0; i < w->nels; i++)
		if (w->els[i].scored &&
		    (top == SIZE_MAX || w->els[i].score > w->els[top].score))
			top = i;
	if (top == SIZE_MAX)
		return top;
	last = w->els[top].score;
	for (p = w->els[top].parent; p != SIZE_MAX; p = w->els[p].parent) {
		if (!w->els[p].scored)
			continue;
		if (w->els[p].score < w->els[top].score / 3)
			break;
		if (w->els[p].score > last) {
			top = p;
			break;
		}
		last = w->els[p].score;
	}
	/* an only child: its parent holds the same text */
	while ((p = w->els[top].parent) != SIZE_MAX &&
	       w->els[p].chars == w->els[top].chars &&
	       w->els[p].parent != SIZE_MAX)
		top = p;
	return top;
}

/* Mark the container and the siblings that belong with it. */
static void select_story(struct walk *w, size_t top)
{
	const struct extract_rules *r = w->r;
	double threshold = w->els[top].score * r->sibling_ratio;
	size_t p = w->els[top].parent, i;

	if (threshold < r->sibling_min)
		threshold = r->sibling_min;
	w->els[top].flags |= EL_SELECTED;
	if (p == SIZE_MAX)
		return;
	/* the siblings: the parent's direct children, in its subtree */
	for (i = p + 1; i < w->els[p].end; i = w->els[i].end) {
		struct el *s = &w->els[i];

		if (i == top)
			continue;
		if ((s->scored && s->score >= threshold) ||
		    ((double)s->chars > r->sibling_para_chars &&
		     link_density(s) < 0.25 && !(s->flags & EL_BOILER)))
			s->flags |= EL_SELECTED;
	}
}

/* Does text end as a sentence ends (a stop, a question or exclamation
 * mark, maybe inside a closing quote; CJK marks too)? */
static int ends_sentence(const char *t)
{
	static const char *const ends[] = {
		".", "?", "!", ".\"", "?\"", "!\"", ".\u201D", "?\u201D",
		"!\u201D", ".'", "\u3002", "\uFF01", "\uFF1F"
	};
	size_t n = strlen(t), i, l;

	for (i = 0; i < sizeof ends / sizeof *ends; i++) {
		l = strlen(ends[i]);
		if (n >= l && memcmp(t + n - l, ends[i], l) == 0)
			return 1;
	}
	return 0;
}

static size_t spaces(const char *t)
{
	size_t n = 0;

	for (; *t; t++)
		n += *t == ' ';
	return n;
}

/* Is block b short and not prose: no closing stop, or (in a text of
 * words between spaces) few stop words? */
static int short_block(const struct extract_rules *r, const struct block *b)
{
	if ((double)b->chars >= r->short_chars)
		return 0;
	return !ends_sentence(b->text) ||
	       (b->words >= 4 && spaces(b->text) >= 3 &&
		(double)b->stops / (double)b->words < r->min_stop_share);
}

/* At the story's edge: a short body block that is not prose becomes
 * boilerplate (1); a body block that is prose ends the edge (0); other
 * blocks are passed over (1). */
static int edge_block(const struct extract_rules *r, struct block *b)
{
	if (!b->keep || b->kind != XB_BODY)
		return 1;
	if (!short_block(r, b))
		return 0;
	b->kind = XB_BOILERPLATE;
	return 1;
}

/* Decide each block's kind: kept blocks of the selection, dropped
 * others. */
static void classify(struct walk *w, size_t top)
{
	const struct extract_rules *r = w->r;
	size_t i, first = SIZE_MAX, last = SIZE_MAX;
	size_t *sel = xmalloc((w->nels + 1) * sizeof *sel), ns = 0, k = 0;

	for (i = 0; i < w->nels; i++)
		if (w->els[i].flags & EL_SELECTED) {
			sel[ns++] = i;
			i = w->els[i].end - 1;
		}
	for (i = 0; i < w->nblocks; i++) {
		struct block *b = &w->blocks[i];

		while (k < ns && w->els[sel[k]].end <= b->owner)
			k++;
		b->keep = k < ns && sel[k] <= b->owner;
		if (!b->keep)
			continue;
		if ((b->flags & EL_BOILER) || html_rules_phrase(r, b->text))
			b->kind = XB_BOILERPLATE;
		else if ((double)b->link_chars > r->max_link_density *
						       (double)b->chars)
			b->keep = 0;
		else if (b->flags & EL_HEADING)
			b->kind = (b->flags & EL_H1) ? XB_HEADLINE
						     : XB_HEADING;
		else
			b->kind = XB_BODY;
		if (b->keep && b->kind == XB_BODY) {
			if (first == SIZE_MAX)
				first = i;
			last = i;
		}
	}
	free(sel);
	(void)top;
	if (first == SIZE_MAX)
		return;
	/* short blocks that are not prose at the story's edges */
	for (i = first; i <= last; i++)
		if (edge_block(r, &w->blocks[i]) == 0)
			break;
	for (i = last + 1; i-- > first;)
		if (edge_block(r, &w->blocks[i]) == 0)
			break;
}

/* The blocks kept, in order, as the document's; the first body block
 * is the lead; a headline (an h1 of the page, else the title) first. */
static void emit(struct walk *w, struct xdoc *d)
{
	size_t i, n = 0;
	int lead = 0, headline = 0, headlines = 0;
	const char *h1 = NULL;

	d->blocks = xcalloc(w->nblocks + 1, sizeof *d->blocks);
	for (i = 0; i < w->nblocks; i++)
		if (w->blocks[i].keep && w->blocks[i].kind == XB_HEADLINE)
			headline = 1;
	if (!headline) {
		for (i = 0; i < w->nblocks && h1 == NULL; i++)
			if ((w->blocks[i].flags & EL_H1) &&
			    !(w->blocks[i].flags & EL_BOILER))
				h1 = w->blocks[i].text;
		if (h1 == NULL)
			h1 = d->meta.title;
		if (h1) {
			d->blocks[n].kind = XB_HEADLINE;
			d->blocks[n++].text = xstrdup(h1);
			headline = 1;
		}
	}
	for (i = 0; i < w->nblocks; i++) {
		struct block *b = &w->blocks[i];

		if (!b->keep)
			continue;
		if (b->kind == XB_HEADLINE && (headlines++ > 0 || n > 0))
			b->kind = XB_HEADING;
		if (b->kind == XB_BODY && !lead++)
			b->kind = XB_LEAD;
		d->blocks[n].kind = b->kind;
		d->blocks[n++].text = b->text;
		b->text = NULL;
	}
	d->nblocks = n;
}

static int has_story(const struct xdoc *d)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == XB_LEAD)
			return 1;
	return 0;
}

static xmlNode *find_body(xmlNode *root)
{
	xmlNode *n;

	for (n = root; n; n = html_next(n, root, 0))
		if (html_is(n, "body"))
			return n;
	return root;
}

static void walk_free(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->nblocks; i++)
		free(w->blocks[i].text);
	free(w->blocks);
	free(w->els);
	buf_free(&w->text);
}

struct xdoc *html_extract(const char *bytes, size_t len,
			      const char *name,
			      const struct extract_rules *rules,
			      struct err *e)
{
	struct walk w = {0};
	struct xdoc *d;
	const char *charset = NULL;
	htmlDocPtr doc;
	xmlNode *root;
	size_t top;

	doc = html_parse(bytes, len, name, &charset, e);
	if (doc == NULL)
		return NULL;
	d = xcalloc(1, sizeof *d);
	html_meta_read(doc, &d->meta);
	d->meta.charset = xstrdup(charset);
	w.r = rules;
	w.cur_owner = 0;
	root = xmlDocGetRootElement(doc);
	if (root)
		walk_tree(&w, find_body(root));
	if (w.nels) {
		score(&w);
		top = top_container(&w);
		if (top == SIZE_MAX)
			top = 0;
		select_story(&w, top);
		classify(&w, top);
		emit(&w, d);
	}
	walk_free(&w);
	xmlFreeDoc(doc);
	if (!has_story(d)) {
		err_set(e, "%s: no article text found", name);
		xdoc_free(d);
		return NULL;
	}
	return d;
}
