/* mail_text: the bodies of e-mails and feed items as blocks.  A plain
 * text is cut into paragraphs at blank lines (hard-wrapped lines are
 * joined); what a reader does not read as the message's own text --
 * quoted replies, the "On ... wrote:" line above them, a forwarded
 * "Original Message", the signature after "-- ", newsletter footers
 * ("Unsubscribe", "View in browser": the boilerplate phrases of
 * data/extract.yaml) -- is boilerplate.  An HTML body goes through the
 * HTML extractor. */
#include "mail_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/utf8.h"
#include "html_rules.h"

/* A paragraph longer than this is never boilerplate by a phrase alone
 * (the default max_length of data/article.yaml's boilerplate). */
#define PHRASE_MAX_BYTES 400

int mailtext_init(const char *name, struct err *e)
{
	return gmime_lib_load(name, e);
}

char *mailtext_clean(const char *s, size_t n)
{
	size_t len, i = 0, step;
	char *valid = utf8_sanitize(s, n, &len);
	struct buf b = {0};
	int space = 0;
	uint32_t cp;

	while (i < len) {
		step = utf8_decode(valid + i, len - i, &cp);
		if (cp <= 0x20 || cp == 0x7f || cp == 0xa0 ||
		    (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
		    cp == 0x2029) {
			space = b.len > 0;
		} else {
			if (space)
				buf_addc(&b, ' ');
			space = 0;
			buf_add(&b, valid + i, step);
		}
		i += step;
	}
	free(valid);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

void mailtext_date(struct xmeta *m, GDateTime *dt, const char *raw)
{
	gchar *s;

	if (raw) {
		free(m->date_raw);
		m->date_raw = mailtext_clean(raw, strlen(raw));
	}
	if (dt == NULL)
		return;
	s = g_date_time_format(dt, "%Y-%m-%d");
	if (s) {
		free(m->date);
		m->date = xstrdup(s);
		g_free(s);
	}
}

/* The paragraph being built: its text and whether it is boilerplate. */
struct para {
	struct xdoc *d;
	const struct extract_rules *r;
	struct buf text;
	int boiler;
	size_t story;
};

/* The paragraph so far becomes a block. */
static void flush(struct para *p)
{
	char *t = mailtext_clean(p->text.data ? p->text.data : "",
				 p->text.len);
	enum xblock_kind k = XB_BOILERPLATE;

	p->text.len = 0;
	if (t == NULL)
		return;
	if (!p->boiler && !(p->r && strlen(t) <= PHRASE_MAX_BYTES &&
			     html_rules_phrase(p->r, t)))
		k = p->story++ ? XB_BODY : XB_LEAD;
	xdoc_add(p->d, k, t, 0);
	free(t);
}

/* Add a line (n bytes at s) to the paragraph, as boilerplate or not:
 * a change of kind starts a new paragraph. */
static void add_line(struct para *p, const char *s, size_t n, int boiler)
{
	if (p->text.len && p->boiler != boiler)
		flush(p);
	p->boiler = boiler;
	if (p->text.len)
		buf_addc(&p->text, ' ');
	buf_add(&p->text, s, n);
}

static int is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' &&
		    s[i] != '\v')
			return 0;
	return 1;
}

/* n bytes at s with the white space at both ends left off. */
static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static int starts(const char *s, size_t n, const char *prefix)
{
	size_t l = strlen(prefix);

	return n >= l && strncasecmp(s, prefix, l) == 0;
}

static int ends(const char *s, size_t n, const char *suffix)
{
	size_t l = strlen(suffix);

	return n >= l && strncasecmp(s + n - l, suffix, l) == 0;
}

/* A line that starts a list item: "- ", "* ", "• ", "1. ", "2) ". */
static int is_item(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (starts(s, n, "\u2022 "))
		return 1;
	while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	       s[i + 1] == ' ';
}

/* A line of rules (----, ____, ====, * * *) and nothing else. */
static int is_rule(const char *s, size_t n)
{
	return n >= 3 && !utf8_has_alnum(s, n);
}

/* Where the line at s ends (before its line feed), and the next one. */
static size_t line_end(const char *text, size_t len, size_t at,
		       size_t *next)
{
	const char *nl = memchr(text + at, '\n', len - at);
	size_t e = nl ? (size_t)(nl - text) : len;

	*next = nl ? e + 1 : len;
	if (e > at && text[e - 1] == '\r')
		e--;
	return e;
}

/* Is the line at s (n bytes, trimmed) the head of a quoted reply: "On
 * DATE, NAME wrote:", maybe wrapped onto the next line (nx bytes at
 * x)? */
static int is_attribution(const char *s, size_t n, const char *x,
			  size_t nx)
{
	if (!starts(s, n, "On "))
		return 0;
	return ends(s, n, "wrote:") ||
	       (nx > 0 && nx < 200 && ends(x, nx, "wrote:"));
}

size_t mailtext_blocks(struct xdoc *d, const char *text, size_t len,
		       const struct extract_rules *rules)
{
	struct para p = {d, rules, {0}, 0, 0};
	size_t at = 0, next, e, n, nx, xe, after;
	const char *s, *x;
	int rest_boiler = 0, attribution = 0;

	while (at < len) {
		e = line_end(text, len, at, &next);
		s = text + at;
		n = e - at;
		at = next;
		/* the signature: "-- ", or "--" whose space a client
		 * dropped */
		if (!rest_boiler && ((n == 3 && memcmp(s, "-- ", 3) == 0) ||
				     (n == 2 && memcmp(s, "--", 2) == 0))) {
			flush(&p);
			rest_boiler = 1;
			continue;
		}
		trim(&s, &n);
		if (n == 0 || is_blank(s, n)) {
			flush(&p);
			continue;
		}
		if (!rest_boiler &&
		    (starts(s, n, "-----Original Message") ||
		     starts(s, n, "----- Original Message"))) {
			flush(&p);
			rest_boiler = 1;
		}
		if (is_rule(s, n)) {
			flush(&p);
			continue;
		}
		if (*s == '>' && !rest_boiler) {
			/* a quoted line, without its quote marks */
			while (n && (*s == '>' || *s == ' ')) {
				s++;
				n--;
			}
			if (n)
				add_line(&p, s, n, 1);
			continue;
		}
		if (rest_boiler) {
			add_line(&p, s, n, 1);
			continue;
		}
		xe = line_end(text, len, at, &after);
		x = text + at;
		nx = xe - at;
		trim(&x, &nx);
		if (attribution || is_attribution(s, n, x, nx)) {
			/* its own block, on one line or two */
			if (!attribution)
				flush(&p);
			add_line(&p, s, n, 1);
			attribution = !attribution && !ends(s, n, "wrote:");
			if (!attribution)
				flush(&p);
			continue;
		}
		if (is_item(s, n))
			flush(&p);
		add_line(&p, s, n, 0);
	}
	flush(&p);
	buf_free(&p.text);
	return p.story;
}

int mailtext_html(struct xdoc *d, const char *html, size_t len,
		  const char *name, const struct extract_rules *rules,
		  struct err *e)
{
	struct buf b = {0};
	struct xdoc *h;
	size_t i;
	int headline = d->nblocks && d->blocks[0].kind == XB_HEADLINE;
	char **mine[] = {&d->meta.title, &d->meta.date, &d->meta.date_raw,
			 &d->meta.author, &d->meta.source, &d->meta.url,
			 &d->meta.lang};
	char **its[sizeof mine / sizeof *mine];

	/* the text is UTF-8 now, whatever the page's <meta> says: a BOM
	 * tells the HTML reader so */
	buf_add(&b, "\xEF\xBB\xBF", 3);
	buf_add(&b, html, len);
	h = html_extract(b.data, b.len, name, rules, e);
	buf_free(&b);
	if (h == NULL)
		return -1;
	its[0] = &h->meta.title;
	its[1] = &h->meta.date;
	its[2] = &h->meta.date_raw;
	its[3] = &h->meta.author;
	its[4] = &h->meta.source;
	its[5] = &h->meta.url;
	its[6] = &h->meta.lang;
	for (i = 0; i < sizeof mine / sizeof *mine; i++)
		if (*mine[i] == NULL) {
			*mine[i] = *its[i];
			*its[i] = NULL;
		}
	for (i = 0; i < h->nblocks; i++) {
		struct xblock *bl = &h->blocks[i];

		if (bl->kind == XB_HEADLINE && headline) {
			if (strcmp(bl->text, d->blocks[0].text) == 0)
				continue;
			bl->kind = XB_HEADING;
		}
		xdoc_add(d, bl->kind, bl->text, 0);
	}
	xdoc_free(h);
	return 0;
}

void mailtext_part(struct xpart **parts, size_t *n, size_t *cap,
		   struct xdoc *doc, size_t start, size_t end,
		   const char *name, const char *what, size_t num,
		   const char *reason)
{
	struct xpart *p;

	*parts = xgrow(*parts, cap, *n + 1, sizeof **parts);
	p = &(*parts)[(*n)++];
	p->doc = doc;
	p->error = NULL;
	p->start = start;
	p->end = end;
	if (doc == NULL && num)
		p->error = xasprintf("%s: %s %zu: %s", name, what, num,
				     reason);
	else if (doc == NULL)
		p->error = xasprintf("%s: %s", name, reason);
}

int mailtext_finish(struct xpart **parts, size_t *n, const char *name,
		    const char *what, struct err *e)
{
	size_t i, good = 0;

	for (i = 0; i < *n; i++)
		good += (*parts)[i].doc != NULL;
	if (good)
		return 0;
	if (*n == 0)
		err_set(e, "%s: no %ss found", name, what);
	else if (*n == 1)
		err_set(e, "%s", (*parts)[0].error);
	else
		err_set(e, "%s: no %s could be read (%s)", name, what,
			(*parts)[0].error + strlen(name) + 2);
	for (i = 0; i < *n; i++)
		free((*parts)[i].error);
	free(*parts);
	*parts = NULL;
	*n = 0;
	return -1;
}
