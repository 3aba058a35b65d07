/* html_meta: a page's metadata from <title>, <meta> (og:*, article:*,
 * name=author|date|...), <link rel=canonical>, <time datetime>, <html
 * lang> and JSON-LD (NewsArticle, Article, BlogPosting, ... read with
 * jansson).  Each field takes the best source the page gives. */
#include "html_dom.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

/* A field being filled: the value so far and how good its source is
 * (a higher rank wins; the first of equal rank stays). */
struct slot {
	char *val;
	int rank;
};

enum { F_TITLE, F_DATE, F_AUTHOR, F_SOURCE, F_URL, F_LANG, NFIELDS };

/* Offer value v (its white space is collapsed) for field s at rank. */
static void offer(struct slot *s, const char *v, int rank)
{
	struct buf b = {0};
	int space = 0;
	char *t;

	if (v == NULL || rank <= s->rank)
		return;
	html_text_add(&b, v, &space);
	t = html_text_take(&b);
	if (t == NULL)
		return;
	free(s->val);
	s->val = t;
	s->rank = rank;
}

/* <meta name|property=KEY content=...>: the field and rank of KEY. */
static const struct {
	const char *key;
	int field, rank;
} meta_keys[] = {
	{"og:title", F_TITLE, 30},
	{"twitter:title", F_TITLE, 20},
	{"article:published_time", F_DATE, 40},
	{"datepublished", F_DATE, 38},
	{"og:article:published_time", F_DATE, 38},
	{"pubdate", F_DATE, 35},
	{"publishdate", F_DATE, 35},
	{"publish-date", F_DATE, 35},
	{"publish_date", F_DATE, 35},
	{"parsely-pub-date", F_DATE, 35},
	{"sailthru.date", F_DATE, 30},
	{"citation_publication_date", F_DATE, 30},
	{"dc.date", F_DATE, 30},
	{"dc.date.issued", F_DATE, 30},
	{"dcterms.date", F_DATE, 30},
	{"dcterms.created", F_DATE, 28},
	{"date", F_DATE, 30},
	{"article:modified_time", F_DATE, 5},
	{"author", F_AUTHOR, 30},
	{"article:author", F_AUTHOR, 25},
	{"parsely-author", F_AUTHOR, 25},
	{"sailthru.author", F_AUTHOR, 25},
	{"dc.creator", F_AUTHOR, 25},
	{"citation_author", F_AUTHOR, 20},
	{"og:site_name", F_SOURCE, 40},
	{"application-name", F_SOURCE, 10},
	{"og:url", F_URL, 30},
	{"twitter:url", F_URL, 10},
};

static void read_meta(xmlNode *n, struct slot *f)
{
	char *key = html_attr(n, "property"), *content;
	size_t i;

	if (key == NULL)
		key = html_attr(n, "name");
	if (key == NULL)
		key = html_attr(n, "itemprop");
	if (key == NULL)
		return;
	content = html_attr(n, "content");
	for (i = 0; content && i < sizeof meta_keys / sizeof *meta_keys; i++)
		if (strcasecmp(key, meta_keys[i].key) == 0) {
			/* an author given as a profile URL says little */
			if (meta_keys[i].field == F_AUTHOR &&
			    strncmp(content, "http", 4) == 0)
				break;
			offer(&f[meta_keys[i].field], content,
			      meta_keys[i].rank);
			break;
		}
	xmlFree(key);
	xmlFree(content);
}

/* Does JSON-LD @type t name an article? */
static int article_type(const char *t)
{
	static const char *const types[] = {
		"Article", "NewsArticle", "ReportageNewsArticle",
		"AnalysisNewsArticle", "OpinionNewsArticle",
		"BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting",
		"ScholarlyArticle", "TechArticle", "Report", "PressRelease"
	};
	size_t i;

	for (i = 0; i < sizeof types / sizeof *types; i++)
		if (strcmp(t, types[i]) == 0)
			return 1;
	return 0;
}

static int is_article(json_t *o)
{
	json_t *t = json_object_get(o, "@type"), *v;
	size_t i;

	if (json_is_string(t))
		return article_type(json_string_value(t));
	json_array_foreach(t, i, v)
		if (json_is_string(v) && article_type(json_string_value(v)))
			return 1;
	return 0;
}

/* A person or organisation: a string, {name: ...}, or a list of them,
 * added to b (", " between names). */
static void ld_names(json_t *v, struct buf *b, int depth)
{
	json_t *x;
	size_t i;

	if (depth > 3)
		return;
	if (json_is_string(v) && json_string_length(v)) {
		if (b->len)
			buf_adds(b, ", ");
		buf_adds(b, json_string_value(v));
	} else if (json_is_object(v)) {
		ld_names(json_object_get(v, "name"), b, depth + 1);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			ld_names(x, b, depth + 1);
	}
}

static void ld_article(json_t *o, struct slot *f)
{
	struct buf b = {0};
	json_t *v;

	v = json_object_get(o, "headline");
	if (json_is_string(v))
		offer(&f[F_TITLE], json_string_value(v), 50);
	v = json_object_get(o, "datePublished");
	if (!json_is_string(v))
		v = json_object_get(o, "dateCreated");
	if (json_is_string(v))
		offer(&f[F_DATE], json_string_value(v), 50);
	ld_names(json_object_get(o, "author"), &b, 0);
	if (b.len)
		offer(&f[F_AUTHOR], b.data, 50);
	buf_free(&b);
	v = json_object_get(o, "publisher");
	ld_names(v, &b, 2);
	if (b.len)
		offer(&f[F_SOURCE], b.data, 30);
	buf_free(&b);
	v = json_object_get(o, "url");
	if (json_is_string(v))
		offer(&f[F_URL], json_string_value(v), 20);
}

/* Find the first article object in a JSON-LD tree (arrays, @graph). */
static int ld_walk(json_t *j, struct slot *f, int depth)
{
	json_t *v;
	size_t i;

	if (depth > 8)
		return 0;
	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (ld_walk(v, f, depth + 1))
				return 1;
		return 0;
	}
	if (!json_is_object(j))
		return 0;
	if (is_article(j)) {
		ld_article(j, f);
		return 1;
	}
	return ld_walk(json_object_get(j, "@graph"), f, depth + 1) ||
	       ld_walk(json_object_get(j, "mainEntity"), f, depth + 1);
}

static void read_ld(xmlNode *n, struct slot *f)
{
	char *type = html_attr(n, "type");
	xmlChar *text;
	json_t *j;
	json_error_t je;

	if (type == NULL || strcasecmp(type, "application/ld+json") != 0) {
		xmlFree(type);
		return;
	}
	xmlFree(type);
	text = xmlNodeGetContent(n);
	if (text == NULL)
		return;
	j = json_loads((const char *)text, JSON_DISABLE_EOF_CHECK, &je);
	if (j) {
		ld_walk(j, f, 0);
		json_decref(j);
	}
	xmlFree(text);
}

static void read_link(xmlNode *n, struct slot *f)
{
	char *rel = html_attr(n, "rel"), *href;

	if (rel && strcasecmp(rel, "canonical") == 0 &&
	    (href = html_attr(n, "href")) != NULL) {
		offer(&f[F_URL], href, 40);
		xmlFree(href);
	}
	xmlFree(rel);
}

static void read_text(xmlNode *n, struct slot *s, int rank)
{
	xmlChar *t;

	if (rank <= s->rank)
		return;
	t = xmlNodeGetContent(n);
	offer(s, (const char *)t, rank);
	xmlFree(t);
}

void html_meta_read(htmlDocPtr doc, struct xmeta *m)
{
	struct slot f[NFIELDS] = {{0}};
	xmlNode *root = xmlDocGetRootElement(doc), *n;
	char *v;
	int i;

	for (n = root; n; n = html_next(n, root, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (html_is(n, "meta")) {
			read_meta(n, f);
		} else if (html_is(n, "title")) {
			read_text(n, &f[F_TITLE], 10);
		} else if (html_is(n, "link")) {
			read_link(n, f);
		} else if (html_is(n, "script")) {
			read_ld(n, f);
		} else if (html_is(n, "time") && f[F_DATE].rank < 10 &&
			   (v = html_attr(n, "datetime")) != NULL) {
			offer(&f[F_DATE], v, 10);
			xmlFree(v);
		} else if (html_is(n, "html") && (v = html_attr(n, "lang"))) {
			offer(&f[F_LANG], v, 10);
			xmlFree(v);
		}
	}
	m->title = f[F_TITLE].val;
	m->date_raw = f[F_DATE].val;
	m->date = html_date_norm(m->date_raw);
	m->author = f[F_AUTHOR].val;
	m->source = f[F_SOURCE].val;
	m->url = f[F_URL].val;
	m->lang = f[F_LANG].val;
	for (i = 0; i < NFIELDS; i++)
		f[i].val = NULL;
}

static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"
};

static char *ymd(int y, int mo, int d)
{
	if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return NULL;
	return xasprintf("%04d-%02d-%02d", y, mo, d);
}

/* "December 17, 2025", "Dec. 17 2025", "17 December 2025". */
static char *date_words(const char *s)
{
	int y = 0, mo = 0, d = 0;

	while (*s) {
		if (isalpha((unsigned char)*s)) {
			const char *w = s;
			size_t k;

			while (isalpha((unsigned char)*s))
				s++;
			for (k = 0; mo == 0 && k < 12 && s - w >= 3; k++)
				if (strncasecmp(w, months[k], 3) == 0)
					mo = (int)k + 1;
		} else if (isdigit((unsigned char)*s)) {
			char *end;
			long v = strtol(s, &end, 10);

			if (end - s == 4 && y == 0)
				y = (int)v;
			else if (end - s <= 2 && d == 0 && v >= 1 && v <= 31)
				d = (int)v;
			s = end;
		} else {
			s++;
		}
	}
	return mo ? ymd(y, mo, d) : NULL;
}

char *html_date_norm(const char *raw)
{
	int y, mo, d, n = 0;

	if (raw == NULL)
		return NULL;
	while (isspace((unsigned char)*raw))
		raw++;
	if (sscanf(raw, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10)
		return ymd(y, mo, d);
	if (sscanf(raw, "%4d/%2d/%2d%n", &y, &mo, &d, &n) == 3 && n >= 8)
		return ymd(y, mo, d);
	if (strlen(raw) >= 8 && strspn(raw, "0123456789") == 8 &&
	    sscanf(raw, "%4d%2d%2d", &y, &mo, &d) == 3)
		return ymd(y, mo, d);
	return date_words(raw);
}
