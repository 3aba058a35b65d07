/* article: file to metadata, sections and sentences.  No curses. */
#include "brief/text/article.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "article_rules.h"
#include "brief/base/mapguard.h"
#include "brief/base/utf8.h"
#include "brief/yaml/yamlio.h"

/* Longest title made from the lead, in columns, before the ellipsis. */
#define TITLE_COLS 72
/* A first paragraph this short without a final stop is a headline. */
#define HEADLINE_MAX 200

/* The parser's state, kept in the article between calls to
 * article_parse. */
struct loader {
	struct article *a;
	const struct article_rules *r;
	pcre2_match_data *md;
	size_t cap_sections, cap_sentences, cap_markers;
	int nstory;              /* lead/body sections so far */
	struct err *e;
	size_t pos;              /* next byte to read */
	int line;                /* its line number */
	int block_open;          /* inside a run of non-blank lines */
	int wrapped;             /* that block is hard-wrapped */
	size_t para_start;       /* paragraph being gathered (wrapped) */
	int para_line;
	int headline_done;
	int fm_title;            /* the title came from front matter */
	int dateline_done;
	int mapped;              /* text is a private file mapping */
	size_t map_len;
	char *map;               /* what to unmap or free */
	size_t raw_len;          /* the file's length as read */
	char id[17];             /* hex content hash, "" until asked */
	size_t clean;            /* text[0, clean) is checked: no CR, no
				  * NUL, valid UTF-8 */
	size_t *mended;          /* text offsets written to (mapped pages
				  * that must never be given back) */
	size_t nmended, cap_mended;
	int changed;             /* the file shrank while it was read */
};

const char *section_kind_name(enum section_kind k)
{
	switch (k) {
	case SECTION_LEAD:
		return "lead";
	case SECTION_BODY:
		return "body";
	case SECTION_HEADLINE:
		return "headline";
	default:
		return "boilerplate";
	}
}

void article_free(struct article *a)
{
	size_t i;

	if (a == NULL)
		return;
	free(a->path);
	free(a->title);
	free(a->date);
	free(a->source);
	free(a->place);
	free(a->url);
	for (i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	if (a->priv) {
		struct loader *l = a->priv;

		if (l->mapped)
			mapguard_unmap(l->map, l->map_len);
		else
			free(l->map);
		pcre2_match_data_free(l->md);
		free(l->mended);
		free(l);
	}
	free(a->sections);
	free(a->sentences);
	free(a->markers);
	free(a);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

/* Trim white space (ASCII and U+00A0) from both ends of [*s, *e). */
static void trim(const char *t, size_t *s, size_t *e)
{
	for (;;) {
		if (*s < *e && is_space(t[*s]))
			(*s)++;
		else if (*s + 1 < *e && (unsigned char)t[*s] == 0xC2 &&
			 (unsigned char)t[*s + 1] == 0xA0)
			*s += 2;
		else
			break;
	}
	for (;;) {
		if (*e > *s && is_space(t[*e - 1]))
			(*e)--;
		else if (*e >= *s + 2 && (unsigned char)t[*e - 2] == 0xC2 &&
			 (unsigned char)t[*e - 1] == 0xA0)
			*e -= 2;
		else
			break;
	}
}

static void add_marker(struct loader *l, enum marker_kind k, size_t s,
		       size_t e)
{
	struct article *a = l->a;

	trim(a->text, &s, &e);
	if (s >= e)
		return;
	a->markers = xgrow(a->markers, &l->cap_markers, a->nmarkers + 1,
			   sizeof *a->markers);
	a->markers[a->nmarkers].kind = k;
	a->markers[a->nmarkers].start = s;
	a->markers[a->nmarkers].end = e;
	a->nmarkers++;
}

static void set_field(char **field, const char *s, size_t n)
{
	size_t b = 0, e = n;

	trim(s, &b, &e);
	free(*field);
	*field = xstrndup(s + b, e - b);
}

/* ---- normalisation ---- */

static void ensure_clean(struct loader *l, size_t want);

/* A NUL byte in this much of the start of a file makes it binary. */
#define BINARY_PROBE ((size_t)1 << 20)

/* The largest article, file or standard input (mentions keep 32-bit
 * offsets). */
#define ARTICLE_MAX ((size_t)UINT32_MAX - 1)
#define TOO_LARGE "too large (articles must be under 4 GiB)"

/* The slow path: a copy with CRLF and CR turned into LF and NUL bytes and
 * invalid UTF-8 into U+FFFD.  Fresh, NUL-terminated. */
static char *normalised_copy(const char *s, size_t n, size_t *outlen)
{
	struct buf b = {0};
	size_t i = 0;

	while (i < n) {
		size_t j = i;
		unsigned char c;

		/* a run of bytes kept as they are */
		while (j < n) {
			uint32_t cp;
			size_t k;

			c = (unsigned char)s[j];
			if (c == 0 || c == '\r')
				break;
			if (c < 0x80) {
				j++;
				continue;
			}
			k = utf8_decode(s + j, n - j, &cp);
			if (cp == 0xFFFD && k == 1)
				break;
			j += k;
		}
		buf_add(&b, s + i, j - i);
		if (j >= n)
			break;
		c = (unsigned char)s[j];
		if (c == '\r') {
			buf_add(&b, "\n", 1);
			if (j + 1 < n && s[j + 1] == '\n')
				j++;
		} else {
			buf_add(&b, "\xEF\xBF\xBD", 3);
		}
		i = j + 1;
	}
	buf_add(&b, "", 1); /* room for the NUL, never empty */
	*outlen = b.len - 1;
	return buf_take(&b);
}

static int valid_date(const char *s)
{
	int y, m, d;
	char tail;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static int string_field(struct loader *l, const struct ynode *root,
			const char *key, char **field)
{
	const struct ynode *v = ynode_get(root, key);

	if (v == NULL || ynode_is_null(v))
		return 0;
	if (v->type != YNODE_SCALAR) {
		ynode_err(l->e, l->a->path, v, "'%s' must be a string", key);
		return -1;
	}
	set_field(field, v->str, v->len);
	return 0;
}

static int front_matter_fields(struct loader *l, const struct ynode *root)
{
	struct article *a = l->a;
	const struct ynode *tags, *date;
	size_t i;

	if (root == NULL)
		return 0;
	if (root->type != YNODE_MAP) {
		ynode_err(l->e, a->path, root,
			  "front matter must be a mapping of keys to values");
		return -1;
	}
	if (string_field(l, root, "title", &a->title) != 0 ||
	    string_field(l, root, "source", &a->source) != 0 ||
	    string_field(l, root, "url", &a->url) != 0)
		return -1;
	date = ynode_get(root, "date");
	if (date && !ynode_is_null(date)) {
		if (date->type != YNODE_SCALAR || !valid_date(date->str)) {
			ynode_err(l->e, a->path, date,
				  "date must be written YYYY-MM-DD");
			return -1;
		}
		set_field(&a->date, date->str, date->len);
	}
	tags = ynode_get(root, "tags");
	if (tags && !ynode_is_null(tags)) {
		if (tags->type == YNODE_SCALAR) {
			a->tags = xcalloc(1, sizeof *a->tags);
			a->tags[a->ntags++] = xstrdup(tags->str);
		} else if (tags->type == YNODE_SEQ) {
			a->tags = xcalloc(tags->nkids, sizeof *a->tags);
			for (i = 0; i < tags->nkids; i++) {
				if (tags->kids[i]->type != YNODE_SCALAR) {
					ynode_err(l->e, a->path, tags->kids[i],
						  "tags must be strings");
					return -1;
				}
				a->tags[a->ntags++] =
					xstrdup(tags->kids[i]->str);
			}
		} else {
			ynode_err(l->e, a->path, tags,
				  "tags must be a list of strings");
			return -1;
		}
	}
	return 0;
}

/* If the text opens with front matter, parse it; returns the offset where
 * the story begins, or (size_t)-1 on error. */
static size_t front_matter(struct loader *l)
{
	const char *t = l->a->text;
	size_t n = l->a->len, p, line_start, body_end = 0, end = 0;
	struct ynode *root;
	int ok, closed = 0;

	if (n < 4 || memcmp(t, "---", 3) != 0)
		return 0;
	p = 3;
	while (p < n && (t[p] == ' ' || t[p] == '\t'))
		p++;
	if (p < n && t[p] != '\n')
		return 0;
	p++;
	line_start = p;
	while (line_start <= n && line_start < n) {
		const char *nl = memchr(t + line_start, '\n', n - line_start);
		size_t le = nl ? (size_t)(nl - t) : n, q = le;

		while (q > line_start && (t[q - 1] == ' ' || t[q - 1] == '\t'))
			q--;
		if (q - line_start == 3 &&
		    (memcmp(t + line_start, "---", 3) == 0 ||
		     memcmp(t + line_start, "...", 3) == 0)) {
			body_end = line_start;
			end = nl ? le + 1 : n;
			closed = 1;
			break;
		}
		line_start = nl ? le + 1 : n;
	}
	if (!closed) {
		err_set(l->e, "%s:1:1: front matter opened with '---' is "
			"never closed", l->a->path);
		return (size_t)-1;
	}
	ensure_clean(l, end);
	root = yamlio_parse(t + p, body_end - p, l->a->path, 1, &ok, l->e);
	if (!ok)
		return (size_t)-1;
	if (front_matter_fields(l, root) != 0) {
		ynode_free(root);
		return (size_t)-1;
	}
	ynode_free(root);
	add_marker(l, MARKER_FRONT_MATTER, 0, end);
	return end;
}

/* ---- sentences ---- */

static int is_closer(const char *t, size_t i, size_t e, size_t *len)
{
	unsigned char c = (unsigned char)t[i];

	if (c == '"' || c == '\'' || c == ')' || c == ']') {
		*len = 1;
		return 1;
	}
	if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x99)) {
		*len = 3;
		return 1;
	}
	return 0;
}

/* Is the byte before e the end of a closing quote or bracket?  Returns
 * its length, or 0. */
static size_t closer_before(const char *t, size_t s, size_t e)
{
	size_t cl;

	if (e > s && is_closer(t, e - 1, e, &cl) && cl == 1)
		return 1;
	if (e >= s + 3 && is_closer(t, e - 3, e, &cl) && cl == 3)
		return 3;
	return 0;
}

static void add_sentence(struct loader *l, size_t s, size_t e)
{
	struct article *a = l->a;

	trim(a->text, &s, &e);
	if (s >= e)
		return;
	/* a fragment with no letters or digits (a stray quote) belongs to
	 * the sentence before it */
	if (!utf8_has_alnum(a->text + s, e - s) && a->nsentences > 0 &&
	    a->sections[a->nsections].nsentences > 0) {
		a->sentences[a->nsentences - 1].end = e;
		return;
	}
	a->sentences = xgrow(a->sentences, &l->cap_sentences,
			     a->nsentences + 1, sizeof *a->sentences);
	a->sentences[a->nsentences].start = s;
	a->sentences[a->nsentences].end = e;
	a->nsentences++;
	a->sections[a->nsections].nsentences++;
}

/* Does the full stop at dot end an abbreviation or an initial? */
static int abbrev_before(struct loader *l, size_t s, size_t dot)
{
	const char *t = l->a->text;
	size_t b = dot;

	while (b > s && !is_space(t[b - 1]))
		b--;
	/* skip opening punctuation */
	while (b < dot && (t[b] == '(' || t[b] == '"' || t[b] == '[' ||
			   t[b] == '\''))
		b++;
	if (b + 3 <= dot && (unsigned char)t[b] == 0xE2 &&
	    (unsigned char)t[b + 1] == 0x80 && (unsigned char)t[b + 2] == 0x9C)
		b += 3;
	/* an initial: one capital letter */
	if (dot - b == 1 && isupper((unsigned char)t[b]))
		return 1;
	return article_rules_is_abbrev(l->r, t + b, dot + 1 - b);
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
#define HAS_ZERO(v) (((v) - ONES) & ~(v) & HIGHS)

/* The first '.', '!' or '?' in t[i, e), or e: eight bytes at a time. */
static size_t next_stop(const char *t, size_t i, size_t e)
{
	while (i + 8 <= e) {
		uint64_t w;

		memcpy(&w, t + i, 8);
		if (HAS_ZERO(w ^ (ONES * '.')) | HAS_ZERO(w ^ (ONES * '!')) |
		    HAS_ZERO(w ^ (ONES * '?')))
			break;
		i += 8;
	}
	while (i < e && t[i] != '.' && t[i] != '!' && t[i] != '?')
		i++;
	return i;
}

/* Split section text [s, e) into sentences. */
static void split_sentences(struct loader *l, size_t s, size_t e)
{
	const char *t = l->a->text;
	size_t i = s, start = s;

	while (i < e) {
		unsigned char c = (unsigned char)t[i];
		size_t j, k, cl;

		if (c != '.' && c != '!' && c != '?') {
			i = next_stop(t, i, e);
			continue;
		}
		if (c == '.' && i > s && i + 1 < e &&
		    isdigit((unsigned char)t[i - 1]) &&
		    isdigit((unsigned char)t[i + 1])) {
			i++;
			continue;
		}
		j = i + 1;
		for (;;) {
			if (j < e && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
				j++;
			else if (j < e && is_closer(t, j, e, &cl))
				j += cl;
			else
				break;
		}
		if (j < e && !is_space(t[j])) {
			i = j;
			continue;
		}
		k = j;
		while (k < e && is_space(t[k]))
			k++;
		if (k < e) {
			unsigned char n = (unsigned char)t[k];

			if (islower(n) || n == ',' || n == ';' || n == ')') {
				i = j;
				continue;
			}
			if (c == '.' && j == i + 1 && abbrev_before(l, start, i)) {
				i = j;
				continue;
			}
		}
		add_sentence(l, start, j);
		start = k;
		i = k;
	}
	add_sentence(l, start, e);
}

/* ---- paragraphs ---- */

static int match_at(struct loader *l, const pcre2_code *re, size_t s,
		    size_t e, uint32_t opts, size_t *ms, size_t *me)
{
	if (e > l->clean)
		e = l->clean; /* never unchecked bytes */
	if (s > e)
		return 0;
	return rx_find(re, l->md, l->a->text + s, e - s, 0, opts, ms, me);
}

static void take_group(struct loader *l, const struct meta_rule *mr,
		       size_t base, const char *name, char **field)
{
	size_t gs, ge;

	if (*field == NULL && rx_group(mr->re, l->md, name, &gs, &ge) &&
	    ge > gs)
		set_field(field, l->a->text + base + gs, ge - gs);
}

static void take_source(struct loader *l, const struct meta_rule *mr,
			size_t base)
{
	size_t gs, ge;
	const char *full;

	if (l->a->source != NULL || !rx_group(mr->re, l->md, "source", &gs, &ge))
		return;
	full = article_rules_source(l->r, l->a->text + base + gs, ge - gs);
	if (full)
		l->a->source = xstrdup(full);
	else
		set_field(&l->a->source, l->a->text + base + gs, ge - gs);
}

static int is_boilerplate(struct loader *l, size_t s, size_t e)
{
	size_t i, ms, me;

	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_PARAGRAPH ||
		    !match_at(l, mr->re, s, e, 0, &ms, &me))
			continue;
		take_source(l, mr, s);
		take_group(l, mr, s, "date", &l->a->date);
		if (mr->boilerplate)
			return 1;
	}
	for (i = 0; i < l->r->nboiler; i++) {
		const struct boiler_rule *br = &l->r->boiler[i];

		if (e - s <= br->max_length &&
		    match_at(l, br->re, s, e, 0, &ms, &me))
			return 1;
	}
	return 0;
}

static int ends_with_stop(const char *t, size_t s, size_t e)
{
	size_t cl;

	while ((cl = closer_before(t, s, e)) > 0)
		e -= cl;
	return e > s && (t[e - 1] == '.' || t[e - 1] == '!' ||
			 t[e - 1] == '?' || t[e - 1] == ':');
}

static int count_lines(const char *t, size_t s, size_t e)
{
	int n = 0;

	while (s < e) {
		const char *nl = memchr(t + s, '\n', e - s);

		if (nl == NULL)
			break;
		n++;
		s = (size_t)(nl - t) + 1;
	}
	return n;
}

static void add_paragraph(struct loader *l, size_t s, size_t e, int line)
{
	struct article *a = l->a;
	struct section *sec;
	enum section_kind kind;
	size_t i, ms, me;

	trim(a->text, &s, &e);
	if (s >= e)
		return;
	if (is_boilerplate(l, s, e)) {
		kind = SECTION_BOILERPLATE;
	} else {
		/* the dateline opens the lead: the first story paragraph, or
		 * the second when the first turns out to be a headline */
		if (l->nstory <= 1 && !l->dateline_done) {
			for (i = 0; i < l->r->nmeta; i++) {
				const struct meta_rule *mr = &l->r->meta[i];

				if (mr->where != META_LEAD ||
				    !match_at(l, mr->re, s, e, PCRE2_ANCHORED,
					      &ms, &me))
					continue;
				take_source(l, mr, s);
				take_group(l, mr, s, "place", &a->place);
				take_group(l, mr, s, "date", &a->date);
				if (mr->marker && s + me < e) {
					a->dateline.start = s;
					a->dateline.end = s + me;
				}
				l->dateline_done = 1;
				break;
			}
		}
		kind = l->nstory == 0 ? SECTION_LEAD : SECTION_BODY;
		l->nstory++;
	}
	a->sections = xgrow(a->sections, &l->cap_sections, a->nsections + 1,
			    sizeof *a->sections);
	sec = &a->sections[a->nsections];
	sec->kind = kind;
	sec->start = s;
	sec->end = e;
	sec->line = line;
	sec->first_sentence = a->nsentences;
	sec->nsentences = 0;
	split_sentences(l, s, e);
	a->nsections++;
}

static int is_bullet(const char *t, size_t s, size_t e)
{
	if (s + 1 < e && (t[s] == '-' || t[s] == '*') && t[s + 1] == ' ')
		return 1;
	if (s + 3 < e && (unsigned char)t[s] == 0xE2 &&
	    (unsigned char)t[s + 1] == 0x80 && (unsigned char)t[s + 2] == 0xA2)
		return 1;
	while (s < e && isdigit((unsigned char)t[s]))
		s++;
	return s + 1 < e && (t[s] == '.' || t[s] == ')') && t[s + 1] == ' ';
}

static int blank_line(const char *t, size_t s, size_t e)
{
	size_t b = s, x = e;

	trim(t, &b, &x);
	return b >= x;
}

/* Lines looked at to decide whether a block is hard-wrapped. */
#define WRAP_SAMPLE 64

/* A block is a run of non-blank lines.  If it looks hard-wrapped (most
 * lines end mid-sentence and none is long), its lines are joined into
 * paragraphs (a bullet starts a new one); else each line is a paragraph.
 * The decision looks at the block's first lines only, so that a huge
 * block costs nothing up front. */
static int block_wrapped(const char *t, size_t n, size_t p)
{
	size_t nlines = 0, open_ends = 0, maxlen = 0;

	while (p < n && nlines < WRAP_SAMPLE) {
		const char *nl = memchr(t + p, '\n', n - p);
		size_t le = nl ? (size_t)(nl - t) : n, ts = p, te = le;

		if (blank_line(t, p, le))
			break;
		trim(t, &ts, &te);
		nlines++;
		if (te - ts > maxlen)
			maxlen = te - ts;
		if (nl && le + 1 < n) {
			const char *nl2 = memchr(t + le + 1, '\n', n - le - 1);
			size_t ne = nl2 ? (size_t)(nl2 - t) : n;

			/* a line with more of the block after it */
			if (!blank_line(t, le + 1, ne) &&
			    !ends_with_stop(t, ts, te))
				open_ends++;
		}
		p = le + 1;
	}
	return nlines >= 2 && maxlen <= 160 && open_ends * 2 >= nlines - 1;
}

/* One line of the text at l->pos.  Returns 0 at the end of the text. */
static int parse_line(struct loader *l)
{
	const char *t = l->a->text;
	size_t n = l->a->len, p = l->pos, le;
	const char *nl;

	if (p >= n) {
		if (l->block_open && l->wrapped)
			add_paragraph(l, l->para_start, n, l->para_line);
		l->block_open = 0;
		return 0;
	}
	nl = memchr(t + p, '\n', n - p);
	le = nl ? (size_t)(nl - t) : n;
	if (blank_line(t, p, le)) {
		if (l->block_open && l->wrapped)
			add_paragraph(l, l->para_start, p, l->para_line);
		l->block_open = 0;
	} else {
		if (!l->block_open) {
			l->block_open = 1;
			l->wrapped = block_wrapped(t, n, p);
			l->para_start = p;
			l->para_line = l->line;
		}
		if (!l->wrapped) {
			add_paragraph(l, p, le, l->line);
		} else {
			size_t ts = p;

			while (ts < le && (t[ts] == ' ' || t[ts] == '\t'))
				ts++;
			if (p > l->para_start && is_bullet(t, ts, le)) {
				add_paragraph(l, l->para_start, p,
					      l->para_line);
				l->para_start = p;
				l->para_line = l->line;
			}
		}
	}
	l->pos = nl ? le + 1 : n;
	l->line++;
	return 1;
}

/* ---- headline and title ---- */

/* A first story paragraph that is short and has no final stop, followed
 * by more story, is the headline: a section of its own, marked like the
 * story, above the lead (the next story paragraph). */
static void take_headline(struct loader *l)
{
	struct article *a = l->a;
	size_t i, j, first = a->nsections;
	struct section *h;

	for (i = 0; i < a->nsections; i++)
		if (a->sections[i].kind != SECTION_BOILERPLATE) {
			first = i;
			break;
		}
	if (first >= a->nsections || l->nstory < 2)
		return;
	h = &a->sections[first];
	if (h->end - h->start > HEADLINE_MAX ||
	    ends_with_stop(a->text, h->start, h->end) ||
	    memchr(a->text + h->start, '\n', h->end - h->start))
		return;
	if (a->title == NULL)
		set_field(&a->title, a->text + h->start, h->end - h->start);
	h->kind = SECTION_HEADLINE;
	for (j = first + 1; j < a->nsections; j++)
		if (a->sections[j].kind != SECTION_BOILERPLATE) {
			a->sections[j].kind = SECTION_LEAD;
			break;
		}
}

static void make_title(struct article *a)
{
	size_t i, s, e, cut;

	if (a->title != NULL)
		return;
	for (i = 0; i < a->nsections; i++)
		if (a->sections[i].kind == SECTION_LEAD)
			break;
	if (i == a->nsections || a->sections[i].nsentences == 0) {
		a->title = xstrdup("");
		return;
	}
	s = a->sentences[a->sections[i].first_sentence].start;
	e = a->sentences[a->sections[i].first_sentence].end;
	if (a->dateline.end > s && a->dateline.end < e)
		s = a->dateline.end; /* the story, not "SEOUL (AP) —" */
	if (utf8_str_width(a->text + s, e - s) <= TITLE_COLS) {
		a->title = xstrndup(a->text + s, e - s);
		return;
	}
	cut = s + utf8_fit(a->text + s, e - s, TITLE_COLS - 1);
	while (cut > s && !is_space(a->text[cut]))
		cut--;
	while (cut > s && (is_space(a->text[cut - 1]) || a->text[cut - 1] == ','))
		cut--;
	if (cut == s)
		cut = s + utf8_fit(a->text + s, e - s, TITLE_COLS - 1);
	a->title = xasprintf("%.*s…", (int)(cut - s), a->text + s);
}

/* ---- the loader ---- */

static size_t start_markers(struct loader *l, size_t pos)
{
	size_t i, ms, me;

	ensure_clean(l, pos + 65536);
	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_START ||
		    !match_at(l, mr->re, pos, l->a->len, PCRE2_ANCHORED, &ms,
			      &me))
			continue;
		take_group(l, mr, pos, "date", &l->a->date);
		take_source(l, mr, pos);
		take_group(l, mr, pos, "place", &l->a->place);
		if (mr->marker) {
			add_marker(l, MARKER_DATE, pos + ms, pos + me);
			pos += me;
		}
	}
	return pos;
}

/* What the bytes hold that needs care: NUL, CR, invalid UTF-8.  32 bytes
 * at a time where the text is plain ASCII. */
struct scan {
	int nul, cr, bad_utf8;
};

#define PLAIN(v) (!((v) & HIGHS) && !HAS_ZERO(v) && !HAS_ZERO((v) ^ (ONES * '\r')))

/* Scan s[i, stop) (a character may reach past stop, up to len); returns
 * where it stopped: at stop or later, or at the first byte needing care
 * (sc tells which). */
static size_t scan_bytes(const char *s, size_t i, size_t stop, size_t len,
			 struct scan *sc)
{
	size_t wend;

	memset(sc, 0, sizeof *sc);
	while (i < stop) {
		uint64_t w[4];

		if (i + 32 <= stop) {
			memcpy(w, s + i, sizeof w);
			if (PLAIN(w[0]) && PLAIN(w[1]) && PLAIN(w[2]) &&
			    PLAIN(w[3])) {
				i += 32;
				continue;
			}
		}
		/* byte by byte to the end of this word (or a character
		 * reaching past it) */
		wend = i + 8 < stop ? i + 8 : stop;
		while (i < wend) {
			unsigned char c = (unsigned char)s[i];

			if (c == 0) {
				sc->nul = 1;
				return i;
			}
			if (c == '\r') {
				sc->cr = 1;
				return i;
			}
			if (c >= 0x80) {
				uint32_t cp;
				size_t k = utf8_decode(s + i, len - i, &cp);

				if (cp == 0xFFFD && k == 1) {
					sc->bad_utf8 = 1;
					return i;
				}
				i += k;
				continue;
			}
			i++;
		}
	}
	return i;
}

/* The content hash behind the article's id, over the file's bytes. */
static uint64_t content_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	size_t i = 0;

	/* eight plain bytes at a time, else one character's bytes */
	while (i < n) {
		uint64_t w;
		size_t k = 1;

		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (PLAIN(w)) {
				h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
				h ^= h >> 29;
				i += 8;
				continue;
			}
		}
		if ((unsigned char)s[i] >= 0x80) {
			uint32_t cp;

			k = utf8_decode(s + i, n - i, &cp);
		}
		for (size_t j = 0; j < k; j++) {
			h = (h ^ (unsigned char)s[i + j]) *
			    0xFF51AFD7ED558CCDULL;
			h ^= h >> 29;
		}
		i += k;
	}
	return h;
}

const char *article_id(const struct article *a)
{
	struct loader *l = a->priv;

	if (l->id[0] == '\0')
		hash_hex(content_hash(l->map, l->raw_len), l->id);
	return l->id;
}

/* What a file that shrank while it was read is told. */
#define CHANGED "file changed while being read"

int article_check(const struct article *a, struct err *e)
{
	struct loader *l = a->priv;

	if (l == NULL || !(l->changed || (l->mapped && mapguard_changed(l->map))))
		return 0;
	err_set(e, "%s: %s", a->path, CHANGED);
	return -1;
}

/* Free or unmap an article's bytes. */
static void drop_bytes(char *data, int mapped, size_t map_len)
{
	if (mapped)
		mapguard_unmap(data, map_len);
	else
		free(data);
}

/* Start an article over bytes in memory (owned: freed or unmapped with
 * the article).  Reads the front matter and start markers; paragraphs
 * come with article_parse. */
static struct article *article_begin(char *data, size_t len, int mapped,
				     size_t map_len, const char *name,
				     const struct article_rules *r,
				     struct err *e)
{
	struct article *a;
	struct loader *l;
	struct scan sc;
	char *text = data;
	size_t start, probe, clean;

	if (len > ARTICLE_MAX) {
		err_set(e, "%s: %s", name, TOO_LARGE);
		drop_bytes(data, mapped, map_len);
		return NULL;
	}
	probe = len < BINARY_PROBE ? len : BINARY_PROBE;
	clean = scan_bytes(data, 0, probe, len, &sc);
	if (sc.nul || (clean < probe && memchr(data, 0, probe) != NULL)) {
		/* NUL bytes, or zeros where the file shrank */
		if (mapped && mapguard_changed(data))
			err_set(e, "%s: %s", name, CHANGED);
		else
			err_set(e, "%s: binary file", name);
		drop_bytes(data, mapped, map_len);
		return NULL;
	}
	a = xcalloc(1, sizeof *a);
	l = xcalloc(1, sizeof *l);
	a->priv = l;
	a->path = xstrdup(name);
	a->title = xstrdup("");
	l->raw_len = len;
	l->mapped = mapped;
	l->map = data;
	l->map_len = map_len;
	if (clean < probe) {
		/* the slow path: a normalised copy (the id is taken from
		 * the bytes as they were) */
		char *copy;

		(void)article_id(a);
		copy = normalised_copy(data, len, &len);
		l->changed = mapped && mapguard_changed(data);
		drop_bytes(data, mapped, map_len);
		l->mapped = 0;
		l->map = copy;
		text = copy;
		clean = len;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
		clean -= clean >= 3 ? 3 : clean;
	}
	l->clean = clean;
	a->text = text;
	a->len = len;
	l->a = a;
	l->r = r;
	l->e = e;
	l->md = pcre2_match_data_create(32, NULL);
	start = front_matter(l);
	if (start == (size_t)-1) {
		article_free(a);
		return NULL;
	}
	l->e = NULL;
	l->fm_title = a->title[0] != '\0';
	start = start_markers(l, start);
	l->pos = start;
	l->line = 1 + count_lines(a->text, 0, start);
	return a;
}

/* Text offset i was written to: its page of a mapped article is never
 * given back. */
static void keep_page(struct loader *l, size_t i)
{
	l->mended = xgrow(l->mended, &l->cap_mended, l->nmended + 1,
			  sizeof *l->mended);
	l->mended[l->nmended++] = i;
}

/* Lines the parser may look at past the line it stands on (a block's
 * sample, see block_wrapped, and the line after it). */
#define LOOKAHEAD_LINES (WRAP_SAMPLE + 2)

/* Make text[0, want) checked, and LOOKAHEAD_LINES lines more, so that
 * the parser never reads unchecked bytes.  A large file is checked as it is
 * parsed, not before its first screen; what needs care after its first
 * MiB is mended in place, keeping every offset: CR before LF becomes a
 * space, a lone CR a line feed, a NUL or an invalid byte '?'. */
static void ensure_clean(struct loader *l, size_t want)
{
	struct article *a = l->a;
	struct scan sc;

	if (l->clean >= a->len)
		return;
	if (want < a->len) {
		int lines = 0;

		while (want < a->len && lines < LOOKAHEAD_LINES) {
			const char *nl =
				memchr(a->text + want, '\n', a->len - want);

			want = nl ? (size_t)(nl - a->text) + 1 : a->len;
			lines++;
		}
	} else {
		want = a->len;
	}
	while (l->clean < want) {
		size_t i = scan_bytes(a->text, l->clean, want, a->len, &sc);

		if (!sc.nul && !sc.cr && !sc.bad_utf8) {
			l->clean = i;
			break;
		}
		if (sc.nul && l->mapped && mapguard_changed(l->map))
			return; /* zeros where the file shrank: cut_if_shrank */
		(void)article_id(a); /* the id is of the bytes as read */
		if (l->mapped)
			keep_page(l, i);
		if (sc.cr)
			a->text[i] = i + 1 < a->len && a->text[i + 1] == '\n'
					     ? ' '
					     : '\n';
		else
			a->text[i] = '?';
		l->clean = i + 1;
	}
}

/* When the file shrank under its mapping, the article ends where the
 * parsing stands: what follows reads as zeros now, and is never parsed.
 * article_check then tells. */
static void cut_if_shrank(struct loader *l)
{
	struct article *a = l->a;

	if (!l->mapped || !mapguard_changed(l->map) || a->len <= l->pos)
		return;
	l->changed = 1;
	a->len = l->pos;
	a->text[a->len] = '\0';
	keep_page(l, a->len);
	if (l->clean > a->len)
		l->clean = a->len;
}

int article_parse(struct article *a, size_t budget)
{
	struct loader *l = a->priv;
	size_t from;

	if (a->complete)
		return 1;
	from = l->pos;
	ensure_clean(l, budget < a->len - from ? from + budget : a->len);
	cut_if_shrank(l);
	while (l->pos - from < budget) {
		if (!parse_line(l)) {
			a->complete = 1;
			break;
		}
	}
	a->parsed = l->pos;
	if (!l->headline_done && (l->nstory >= 2 || a->complete)) {
		l->headline_done = 1;
		if (!l->fm_title) {
			free(a->title);
			a->title = NULL;
		}
		take_headline(l);
		make_title(a);
	}
	return a->complete;
}

struct article *article_from_bytes(char *data, size_t len, const char *name,
				   const struct article_rules *r,
				   struct err *e)
{
	struct article *a = article_begin(data, len, 0, 0, name, r, e);

	if (a != NULL)
		while (!article_parse(a, (size_t)-1))
			;
	return a;
}

/* Files above this size are mapped, not read. */
#define MAP_MIN (1u << 20)

struct article *article_open(const char *path, const struct article_rules *r,
			     struct err *e)
{
	struct stat st;
	size_t len;
	char *data;
	int fd;

	if (strcmp(path, "-") == 0) {
		/* the same limits as a file's, checked as it is read */
		static const struct read_limits stdin_limits = {
			ARTICLE_MAX, TOO_LARGE, BINARY_PROBE};

		data = file_read_fd(0, "-", &stdin_limits, &len, e);
		return data ? article_begin(data, len, 0, 0, path, r, e) : NULL;
	}
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size >= MAP_MIN) {
		size_t map_len;
		char *base;

		len = (size_t)st.st_size;
		/* the text ends with a NUL: a zero page after the file */
		base = mapguard_map(fd, len, &map_len);
		if (base != NULL) {
			close(fd);
			return article_begin(base, len, 1, map_len, path, r,
					     e);
		}
	}
	close(fd);
	data = file_read(path, &len, e);
	if (data == NULL)
		return NULL;
	return article_begin(data, len, 0, 0, path, r, e);
}

struct article *article_load(const char *path, const struct article_rules *r,
			     struct err *e)
{
	struct article *a = article_open(path, r, e);

	if (a != NULL)
		while (!article_parse(a, (size_t)-1))
			;
	return a;
}

static void give_back(struct loader *l, size_t s, size_t e)
{
	if (e > s)
		madvise(l->map + s, e - s, MADV_DONTNEED);
}

void article_release(const struct article *a, size_t from, size_t to)
{
	struct loader *l = a->priv;
	size_t page = (size_t)sysconf(_SC_PAGESIZE), off, s, e, k;

	if (l == NULL || !l->mapped || to > a->len || from >= to)
		return;
	off = (size_t)(a->text - l->map);
	s = (from + off + page - 1) / page * page;
	e = (to + off) / page * page;
	/* around the pages holding mended bytes (private copies) */
	for (k = 0; k < l->nmended && s < e; k++) {
		size_t mp = (l->mended[k] + off) / page * page;

		if (mp + page <= s || mp >= e)
			continue;
		give_back(l, s, mp);
		s = mp + page;
	}
	if (s < e)
		give_back(l, s, e);
}

long article_section_at(const struct article *a, size_t off)
{
	size_t lo = 0, hi = a->nsections;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (a->sections[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < a->nsections && a->sections[lo].start <= off)
		return (long)lo;
	return -1;
}

long article_sentence_at(const struct article *a, size_t off)
{
	size_t lo = 0, hi = a->nsentences;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (a->sentences[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}
