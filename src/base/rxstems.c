/* rxstems: word beginnings that a pattern's matches must start with, and
 * one pass over a text to find which patterns may match in it. */
#include "brief/base/rxstems.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"

/* Stems hold ASCII letters (folded), digits and the punctuation of
 * PUNCT, begun by a letter or digit: a child per one. */
#define PUNCT "- /'"
#define NKEYS (36 + sizeof PUNCT - 1)
/* The longest stem kept (a longer one is cut: still a beginning). */
#define STEM_MAX 32

struct node {
	uint32_t child[NKEYS];
	uint32_t ids; /* the first of the ids ending here (a link), 0: none */
};

struct link {
	size_t id;
	uint32_t next;
};

struct rxstems {
	struct node *nodes; /* [0] unused, [1] the root */
	size_t nnodes, capnodes;
	struct link *links; /* [0] unused */
	size_t nlinks, caplinks;
	unsigned char *has; /* by id: were stems derived? */
	signed char key[256]; /* stem_key of each byte */
	unsigned char word[256]; /* word_char of each byte */
	size_t nhas, caphas;
};

static int key_of(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= '0' && c <= '9')
		return 26 + (c - '0');
	return -1;
}

/* A word character of \b under ASCII rules. */
static int word_char(unsigned char c)
{
	return key_of(c) >= 0 || c == '_';
}

/* The child of a byte that goes on a stem: a letter, a digit or one of
 * PUNCT; -1 for others. */
static int stem_key(unsigned char c)
{
	const char *q;

	if (key_of(c) >= 0)
		return key_of(c);
	q = c ? strchr(PUNCT, c) : NULL;
	return q ? 36 + (int)(q - PUNCT) : -1;
}

struct rxstems *rxstems_new(void)
{
	struct rxstems *s = xcalloc(1, sizeof *s);
	int c;

	for (c = 0; c < 256; c++) {
		s->key[c] = (signed char)stem_key((unsigned char)c);
		s->word[c] = (unsigned char)word_char((unsigned char)c);
	}

	s->nodes = xgrow(NULL, &s->capnodes, 2, sizeof *s->nodes);
	memset(s->nodes, 0, 2 * sizeof *s->nodes);
	s->nnodes = 2;
	s->links = xgrow(NULL, &s->caplinks, 1, sizeof *s->links);
	s->nlinks = 1;
	return s;
}

void rxstems_free(struct rxstems *s)
{
	if (s == NULL)
		return;
	free(s->nodes);
	free(s->links);
	free(s->has);
	free(s);
}

int rxstems_has(const struct rxstems *s, size_t id)
{
	return id < s->nhas && s->has[id];
}

/* ---- deriving the stems of a pattern ---- */

/* Past the character class opening at p ('['), or NULL. */
static const char *class_end(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p; p++) {
		if (*p == '\\') {
			if (!*++p)
				return NULL;
		} else if (p[0] == '[' && p[1] == ':') {
			const char *q = strstr(p + 2, ":]");

			if (q == NULL)
				return NULL;
			p = q + 1;
		} else if (*p == ']') {
			return p + 1;
		}
	}
	return NULL;
}

/* Past one element of a pattern at p: an escape, a class, or one
 * character (a parenthesis or a bar counts as one); NULL when the
 * pattern is beyond this reading (\Q quoting, an unclosed class). */
static const char *element_end(const char *p)
{
	if (*p == '\\') {
		if (p[1] == '\0' || p[1] == 'Q' || p[1] == 'E')
			return NULL;
		return p + 2;
	}
	if (*p == '[')
		return class_end(p);
	return p + 1;
}

/* The alternatives of the group whose content starts at p (just inside
 * its parenthesis): their starts into alt[] (at most nmax), the group's
 * closing parenthesis into *close.  Returns the count, 0 when unreadable
 * or too many. */
static size_t alternatives(const char *p, const char **alt, size_t nmax,
			   const char **close)
{
	size_t n = 0;
	int depth = 0;

	alt[n++] = p;
	while (*p) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth-- == 0) {
			*close = p;
			return n;
		} else if (*p == '|' && depth == 0) {
			if (n == nmax)
				return 0;
			alt[n++] = p + 1;
		}
		p = element_end(p);
		if (p == NULL)
			return 0;
	}
	return 0;
}

/* Does the pattern have a bar outside every group? */
static int top_level_bar(const char *p)
{
	int depth = 0;

	while (p && *p) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == '|' && depth <= 0)
			return 1;
		p = element_end(p);
	}
	return p == NULL;
}

static int optional_after(char c)
{
	return c == '?' || c == '*' || c == '{';
}

/* The literal that begins p (a letter or digit, then letters, digits
 * and PUNCT), less its last character when a quantifier makes that
 * optional, folded into out; its length (0: none). */
static size_t literal_run(const char *p, char out[STEM_MAX + 1])
{
	size_t n = 0, k;

	if (key_of((unsigned char)p[0]) < 0)
		return 0;
	while (stem_key((unsigned char)p[n]) >= 0)
		n++;
	if (n && optional_after(p[n]))
		n--;
	if (n > STEM_MAX)
		n = STEM_MAX;
	for (k = 0; k < n; k++)
		out[k] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] + 32 : p[k]);
	out[n] = '\0';
	return n;
}

static uint32_t new_node(struct rxstems *s)
{
	s->nodes = xgrow(s->nodes, &s->capnodes, s->nnodes + 1,
			 sizeof *s->nodes);
	memset(&s->nodes[s->nnodes], 0, sizeof *s->nodes);
	return (uint32_t)s->nnodes++;
}

static void insert(struct rxstems *s, const char *stem, size_t id)
{
	uint32_t nd = 1, l;
	const char *c;

	for (c = stem; *c; c++) {
		int k = stem_key((unsigned char)*c);

		if (s->nodes[nd].child[k] == 0) {
			uint32_t fresh = new_node(s);

			s->nodes[nd].child[k] = fresh;
		}
		nd = s->nodes[nd].child[k];
	}
	for (l = s->nodes[nd].ids; l; l = s->links[l].next)
		if (s->links[l].id == id)
			return;
	s->links = xgrow(s->links, &s->caplinks, s->nlinks + 1,
			 sizeof *s->links);
	s->links[s->nlinks].id = id;
	s->links[s->nlinks].next = s->nodes[nd].ids;
	s->nodes[nd].ids = (uint32_t)s->nlinks++;
}

/* Where the content of the group opening at p begins: after "(",
 * "(?:" or a name ("(?<day>"); NULL for any other kind of group
 * (lookaround, options, atomic). */
static const char *group_content(const char *p)
{
	if (p[1] != '?')
		return p + 1;
	if (p[2] == ':')
		return p + 3;
	if (p[2] == '<' && ((p[3] >= 'A' && p[3] <= 'Z') ||
			    (p[3] >= 'a' && p[3] <= 'z') || p[3] == '_')) {
		const char *q = p + 3;

		while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') ||
		       (*q >= '0' && *q <= '9') || *q == '_')
			q++;
		return *q == '>' ? q + 1 : NULL;
	}
	return NULL;
}

static int seq_stems(const char *p, char (*stem)[STEM_MAX + 1], size_t *n,
		     size_t nmax, int depth);

/* The stems of the group whose opening parenthesis is at p, added to
 * the *n in stem[] (room for nmax): each alternative begins as
 * seq_stems reads.  A group made optional by ? or * adds the stems of
 * what follows it too.  0 when they cannot be derived. */
static int group_stems(const char *p, char (*stem)[STEM_MAX + 1], size_t *n,
		       size_t nmax, int depth)
{
	const char *alt[64], *close = NULL, *after;
	size_t na, i;

	if (depth > 8 || (p = group_content(p)) == NULL)
		return 0;
	na = alternatives(p, alt, 64, &close);
	if (na == 0 || close[1] == '{')
		return 0;
	for (i = 0; i < na; i++)
		if (!seq_stems(alt[i], stem, n, nmax, depth + 1))
			return 0;
	if (close[1] != '?' && close[1] != '*')
		return 1;
	/* optional: the match may begin with what follows (past a lazy or
	 * possessive mark) */
	after = close + 2;
	if (*after == '?' || *after == '+')
		after++;
	return seq_stems(after, stem, n, nmax, depth + 1);
}

/* The stems of what begins at p -- a literal, or a group as
 * group_stems reads it -- added to the *n in stem[].  0 when they
 * cannot be derived. */
static int seq_stems(const char *p, char (*stem)[STEM_MAX + 1], size_t *n,
		     size_t nmax, int depth)
{
	if (*p == '(')
		return group_stems(p, stem, n, nmax, depth);
	if (*n < nmax && literal_run(p, stem[*n]) > 0) {
		(*n)++;
		return 1;
	}
	return 0;
}

/* The stems of p into stem[] (at most nmax); their count, 0 when they
 * cannot be derived. */
static size_t derive(const char *p, char (*stem)[STEM_MAX + 1], size_t nmax)
{
	size_t n = 0;

	if (strncmp(p, "\\b", 2) != 0 || top_level_bar(p))
		return 0;
	return seq_stems(p + 2, stem, &n, nmax, 0) ? n : 0;
}

size_t rxstems_add(struct rxstems *s, const char *p, size_t id)
{
	char stem[64][STEM_MAX + 1];
	size_t n = strstr(p, "(*") ? 0 : derive(p, stem, 64), i;

	if (id >= s->nhas) {
		s->has = xgrow(s->has, &s->caphas, id + 1, sizeof *s->has);
		memset(s->has + s->nhas, 0, id + 1 - s->nhas);
		s->nhas = id + 1;
	}
	s->has[id] = n > 0;
	for (i = 0; i < n; i++)
		insert(s, stem[i], id);
	return n;
}

/* ---- finding the words of a text that begin with a stem ---- */

/* Does text hold at i a character that PCRE2 matches, without case, to
 * an ASCII letter (U+212A KELVIN SIGN: k, U+017F LONG S: s)? */
static int folds_to_ascii(const unsigned char *t, size_t len, size_t i)
{
	return (t[i] == 0xE2 && i + 2 < len && t[i + 1] == 0x84 &&
		t[i + 2] == 0xAA) ||
	       (t[i] == 0xC5 && i + 1 < len && t[i + 1] == 0xBF);
}

static int hit_cmp(const void *x, const void *y)
{
	const struct rxstems_hit *a = x, *b = y;

	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

size_t rxstems_find(const struct rxstems *s, const char *text, size_t len,
		    struct rxstems_hit **v, size_t *cap)
{
	const unsigned char *t = (const unsigned char *)text;
	const struct node *nodes = s->nodes;
	struct rxstems_hit *h = *v, *by;
	size_t hcap = *cap, i, j, n = 0, k, out, *at;

	for (i = 0; i < len;) {
		uint32_t nd = 1;
		int c;

		if (!s->word[t[i]]) {
			if (t[i] >= 0x80 && folds_to_ascii(t, len, i)) {
				*v = h;
				*cap = hcap;
				return SIZE_MAX;
			}
			i++;
			continue;
		}
		/* a word begins at i: follow it down the stems */
		for (j = i; j < len && (c = s->key[t[j]]) >= 0 &&
			    (nd = nodes[nd].child[c]) != 0;
		     j++) {
			uint32_t l;

			for (l = nodes[nd].ids; l; l = s->links[l].next) {
				if (n >= hcap)
					h = xgrow(h, &hcap, n + 1, sizeof *h);
				h[n].id = s->links[l].id;
				h[n++].pos = i;
			}
		}
		while (i < len && s->word[t[i]])
			i++;
	}
	*v = h;
	*cap = hcap;
	if (n < 2)
		return n;
	/* by pattern, then position (a counting sort by pattern keeps the
	 * hits of one in the order of their positions); once each */
	at = xcalloc(s->nhas + 1, sizeof *at);
	for (k = 0; k < n; k++)
		at[h[k].id + 1]++;
	for (k = 0; k < s->nhas; k++)
		at[k + 1] += at[k];
	by = xmalloc(n * sizeof *by);
	for (k = 0; k < n; k++)
		by[at[h[k].id]++] = h[k];
	for (k = 0, out = 0; k < n; k++)
		if (out == 0 || hit_cmp(&h[out - 1], &by[k]) != 0)
			h[out++] = by[k];
	free(by);
	free(at);
	return out;
}

size_t rxstems_first(const struct rxstems_hit *h, size_t n, size_t id,
		     size_t pos)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h[mid].id < id || (h[mid].id == id && h[mid].pos < pos))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
