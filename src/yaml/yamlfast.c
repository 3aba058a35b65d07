/* yamlfast: the plain subset of YAML, read without libyaml. */
#include "brief/yaml/yamlfast.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/utf8.h"
#include "brief/base/util.h"

/* A reader over the buffer.  Every function returns NULL (or -1) when the
 * text leaves the subset; the caller then hands it to libyaml, which
 * also reports any error. */
struct rd {
	const char *s;
	size_t n, i;
	int line, col; /* of s[i], 1-based; col counts characters */
	int line0;
	int depth;
	size_t nodes;
};

static int at(const struct rd *r)
{
	return r->i < r->n ? (unsigned char)r->s[r->i] : -1;
}

static int at2(const struct rd *r)
{
	return r->i + 1 < r->n ? (unsigned char)r->s[r->i + 1] : -1;
}

static void adv(struct rd *r)
{
	if (r->s[r->i] == '\n') {
		r->line++;
		r->col = 1;
	} else if (((unsigned char)r->s[r->i] & 0xC0) != 0x80) {
		r->col++;
	}
	r->i++;
}

/* Only what libyaml reads as printable, no tabs, no line breaks but LF,
 * no byte order mark, no document markers or directives. */
static int subset_text(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if ((i == 0 || s[i - 1] == '\n') &&
		    ((i + 3 <= n && (memcmp(s + i, "---", 3) == 0 ||
				     memcmp(s + i, "...", 3) == 0)) ||
		     c == '%'))
			return 0;
		if (c == '\n' || (c >= 0x20 && c < 0x7F)) {
			i++;
		} else if (c >= 0x80) {
			uint32_t cp;
			size_t k = utf8_decode(s + i, n - i, &cp);

			if ((cp == 0xFFFD && k != 3) || cp < 0xA0 ||
			    cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
			    (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE ||
			    cp == 0xFFFF)
				return 0;
			i += k;
		} else {
			return 0;
		}
	}
	return 1;
}

static struct ynode *mk(struct rd *r, enum ynode_type t, int line, int col)
{
	if (++r->nodes > YAMLIO_MAX_NODES)
		return NULL;
	return ynode_new(t, line + r->line0, col);
}

static struct ynode *scalar(struct rd *r, int line, int col, const char *s,
			    size_t len, int quoted)
{
	struct ynode *n;

	if (len > YAMLIO_MAX_SCALAR || (n = mk(r, YNODE_SCALAR, line, col)) ==
						     NULL)
		return NULL;
	n->str = xstrndup(s, len);
	n->len = len;
	n->quoted = quoted;
	return n;
}

/* From a line's start: past blank lines and comment lines, to the next
 * line with content (or the end). */
static void skip_blank_lines(struct rd *r)
{
	for (;;) {
		size_t j = r->i;

		while (j < r->n && r->s[j] == ' ')
			j++;
		if (j < r->n && r->s[j] != '\n' && r->s[j] != '#')
			return;
		while (j < r->n && r->s[j] != '\n')
			j++;
		if (j >= r->n) {
			while (r->i < r->n)
				adv(r);
			return;
		}
		while (r->i <= j)
			adv(r);
	}
}

/* The indentation of the line starting at r->i. */
static int indent_of(const struct rd *r)
{
	size_t j = r->i;

	while (j < r->n && r->s[j] == ' ')
		j++;
	return (int)(j - r->i);
}

static void skip_spaces(struct rd *r)
{
	while (at(r) == ' ')
		adv(r);
}

/* The rest of the line after a value: spaces, perhaps a comment after a
 * space, then the line's end.  Leaves r at the next content line. */
static int end_of_line(struct rd *r)
{
	skip_spaces(r);
	if (at(r) == '#' && r->i > 0 && r->s[r->i - 1] == ' ')
		while (at(r) != '\n' && at(r) != -1)
			adv(r);
	if (at(r) == '\n')
		adv(r);
	else if (at(r) != -1)
		return -1;
	skip_blank_lines(r);
	return 0;
}

static int indicator(int c)
{
	return c < 0 || strchr("-?:,[]{}#&*!|>'\"%@` \n", c) != NULL;
}

/* May a plain scalar start at r?  ("-1" may, "- x" and "-" may not.) */
static int plain_start(const struct rd *r)
{
	int d = at2(r);

	if (at(r) == '-')
		return (d >= '0' && d <= '9') || d == '.';
	return !indicator(at(r));
}

static struct ynode *quoted(struct rd *r)
{
	int line = r->line, col = r->col, q = at(r);
	size_t s = r->i + 1, e = s;
	struct buf b = {0};
	struct ynode *n;

	/* the common case: no '' inside, the text is the span */
	while (e < r->n && r->s[e] != q && r->s[e] != '\n' &&
	       !(q == '"' && r->s[e] == '\\'))
		e++;
	if (e < r->n && r->s[e] == q && !(e + 1 < r->n && r->s[e + 1] == q &&
					   q == '\'')) {
		while (r->i <= e)
			adv(r);
		return scalar(r, line, col, r->s + s, e - s, 1);
	}
	adv(r);
	for (;;) {
		int c = at(r);

		if (c == -1 || c == '\n' || (q == '"' && c == '\\')) {
			free(b.data);
			return NULL;
		}
		adv(r);
		if (c == q) {
			if (q == '\'' && at(r) == '\'') {
				adv(r);
			} else {
				break;
			}
		}
		buf_addc(&b, (char)c);
	}
	n = scalar(r, line, col, b.data ? b.data : "", b.len, 1);
	free(b.data);
	return n;
}

/* A plain scalar: in a flow it ends at , ] } or ": " and goes on over
 * line breaks, folded to spaces (not a key: keys are one line); in a
 * block it runs to the line's end or a comment.  A colon elsewhere is
 * left to libyaml. */
static struct ynode *plain(struct rd *r, int flow, int key)
{
	int line = r->line, col = r->col;
	size_t s = r->i, e;
	struct buf fold = {0}; /* a flow scalar over lines, folded */
	struct ynode *n;

	if (!plain_start(r))
		return NULL;
	for (;;) {
		int c = at(r);

		if (flow && c == '\n' && !key) {
			/* a break inside a flow: a space when the scalar
			 * goes on on the next line, else its end */
			size_t j = r->i + 1, w = r->i;

			while (j < r->n && r->s[j] == ' ')
				j++;
			if (j >= r->n || strchr(",]}#\n:", r->s[j]) != NULL)
				break;
			while (w > s && r->s[w - 1] == ' ')
				w--;
			buf_add(&fold, r->s + s, w - s);
			buf_addc(&fold, ' ');
			while (r->i < j)
				adv(r);
			s = r->i;
			continue;
		}
		if (c == -1 || c == '\n')
			break;
		if (key && r->i - s > 1000)
			goto fail; /* libyaml's simple keys: 1024 at most */
		if (flow && (c == ',' || c == ']' || c == '}'))
			break;
		if (c == ':') {
			int d = at2(r);

			/* in a flow, ": " ends a key; in a block, a plain
			 * value holding one is left to libyaml */
			if (flow && (d == ' ' || d == '\n'))
				break;
			goto fail;
		}
		if (flow && (c == '[' || c == '{'))
			goto fail;
		if (c == '#' && r->s[r->i - 1] == ' ')
			break;
		adv(r);
	}
	e = r->i;
	while (e > s && r->s[e - 1] == ' ')
		e--;
	if (fold.len == 0) {
		free(fold.data);
		return scalar(r, line, col, r->s + s, e - s, 0);
	}
	buf_add(&fold, r->s + s, e - s);
	n = scalar(r, line, col, fold.data, fold.len, 0);
	free(fold.data);
	return n;
fail:
	free(fold.data);
	return NULL;
}

static struct ynode *flow_node(struct rd *r);

/* Spaces and line breaks inside a flow; a comment there is left to
 * libyaml. */
static int flow_space(struct rd *r)
{
	while (at(r) == ' ' || at(r) == '\n')
		adv(r);
	return at(r) == '#' ? -1 : 0;
}

static struct ynode *flow_collection(struct rd *r)
{
	int is_map = at(r) == '{', close = is_map ? '}' : ']';
	struct ynode *n = mk(r, is_map ? YNODE_MAP : YNODE_SEQ, r->line,
			     r->col);

	if (n == NULL)
		return NULL;
	if (++r->depth > YAMLIO_MAX_DEPTH)
		goto fail;
	adv(r);
	if (flow_space(r) != 0)
		goto fail;
	if (at(r) == close) {
		adv(r);
		r->depth--;
		return n;
	}
	for (;;) {
		struct ynode *k;

		if (is_map) {
			if (at(r) == '{' || at(r) == '[' ||
			    (k = at(r) == '\'' || at(r) == '"'
					 ? quoted(r)
					 : plain(r, 1, 1)) == NULL)
				goto fail;
			if (k->len > 1000 || at(r) == '\n') {
				ynode_free(k);
				goto fail;
			}
			ynode_add(n, k);
			if (at(r) != ':' || (at2(r) != ' ' && at2(r) != '\n'))
				goto fail;
			adv(r);
			if (flow_space(r) != 0)
				goto fail;
		}
		if ((k = flow_node(r)) == NULL)
			goto fail;
		ynode_add(n, k);
		if (flow_space(r) != 0)
			goto fail;
		if (at(r) == close) {
			adv(r);
			break;
		}
		if (at(r) != ',')
			goto fail;
		adv(r);
		if (flow_space(r) != 0 || at(r) == close)
			goto fail;
	}
	r->depth--;
	return n;
fail:
	ynode_free(n);
	return NULL;
}

static struct ynode *flow_node(struct rd *r)
{
	int c = at(r);

	if (c == '{' || c == '[')
		return flow_collection(r);
	if (c == '\'' || c == '"')
		return quoted(r);
	return plain(r, 1, 0);
}

/* A value on the rest of a line: a flow collection, a quoted scalar or a
 * plain one. */
static struct ynode *inline_value(struct rd *r)
{
	int c = at(r);

	if (c == '{' || c == '[' || c == '\'' || c == '"')
		return flow_node(r);
	return plain(r, 0, 0);
}

/* Does the line at r (after its indentation) begin with a plain key and
 * ": " (or ":" at the line's end)? */
static int key_line(const struct rd *r)
{
	size_t j = r->i;

	if (indicator(at(r)))
		return 0;
	for (; j < r->n && r->s[j] != '\n'; j++) {
		if (r->s[j] == '#' && r->s[j - 1] == ' ')
			return 0;
		if (r->s[j] == ':')
			return j + 1 >= r->n || r->s[j + 1] == ' ' ||
			       r->s[j + 1] == '\n';
	}
	return 0;
}

static struct ynode *block_node(struct rd *r, int indent);
static struct ynode *block_map(struct rd *r, int indent);

/* At a line's start after a block's entry: 1 and r past the indentation
 * when the next entry is there, 0 when the block has ended (the end, or
 * a line less indented), -1 when the line is deeper (not the subset). */
static int next_entry(struct rd *r, int indent)
{
	if (at(r) == -1 || indent_of(r) < indent)
		return 0;
	if (indent_of(r) > indent)
		return -1;
	r->i += (size_t)indent;
	r->col += indent;
	return 1;
}

static struct ynode *block_seq(struct rd *r, int indent)
{
	struct ynode *n = mk(r, YNODE_SEQ, r->line, r->col), *k;
	int more;

	if (n == NULL)
		return NULL;
	for (;;) {
		adv(r); /* '-' */
		if (at(r) != ' ')
			goto fail;
		skip_spaces(r);
		if (at(r) == '#' || at(r) == '\n' || at(r) == -1 ||
		    (at(r) == '-' && at2(r) == ' '))
			goto fail;
		if (key_line(r)) {
			/* "- name: x" and its keys below: a mapping */
			if ((k = block_map(r, r->col - 1)) == NULL)
				goto fail;
			ynode_add(n, k);
		} else {
			if ((k = inline_value(r)) == NULL)
				goto fail;
			ynode_add(n, k);
			if (end_of_line(r) != 0)
				goto fail;
		}
		if ((more = next_entry(r, indent)) <= 0) {
			if (more < 0)
				goto fail;
			break;
		}
		if (at(r) != '-' || at2(r) != ' ') {
			/* the next key of the mapping this sequence is in */
			r->i -= (size_t)indent;
			r->col -= indent;
			break;
		}
	}
	return n;
fail:
	ynode_free(n);
	return NULL;
}

static struct ynode *block_map(struct rd *r, int indent)
{
	struct ynode *n = mk(r, YNODE_MAP, r->line, r->col), *k, *v;
	int more;

	if (n == NULL)
		return NULL;
	if (++r->depth > YAMLIO_MAX_DEPTH)
		goto fail;
	for (;;) {
		int line = r->line, col = r->col, ind;
		size_t s = r->i, e;

		if (!key_line(r))
			goto fail;
		while (at(r) != ':')
			adv(r);
		e = r->i;
		while (e > s && r->s[e - 1] == ' ')
			e--;
		if (e - s > 1000 ||
		    (k = scalar(r, line, col, r->s + s, e - s, 0)) == NULL)
			goto fail;
		ynode_add(n, k);
		adv(r); /* ':' */
		skip_spaces(r);
		if (at(r) == '#' || at(r) == '\n' || at(r) == -1) {
			/* the value is a block on the lines below */
			if (end_of_line(r) != 0 || at(r) == -1)
				goto fail;
			ind = indent_of(r);
			if (ind < indent)
				goto fail;
			r->i += (size_t)ind;
			r->col += ind;
			if (ind == indent && !(at(r) == '-' && at2(r) == ' '))
				goto fail;
			if ((v = block_node(r, ind)) == NULL)
				goto fail;
		} else {
			if ((v = inline_value(r)) == NULL)
				goto fail;
			if (end_of_line(r) != 0) {
				ynode_free(v);
				goto fail;
			}
		}
		ynode_add(n, v);
		if ((more = next_entry(r, indent)) <= 0) {
			if (more < 0)
				goto fail;
			break;
		}
	}
	r->depth--;
	return n;
fail:
	ynode_free(n);
	return NULL;
}

/* A block node whose first line starts at r (after its indentation). */
static struct ynode *block_node(struct rd *r, int indent)
{
	if (r->depth >= YAMLIO_MAX_DEPTH)
		return NULL;
	if (at(r) == '-' && at2(r) == ' ')
		return block_seq(r, indent);
	if (key_line(r))
		return block_map(r, indent);
	return NULL;
}

struct ynode *yfast_parse(const char *buf, size_t len, int line0,
			  int *simple)
{
	struct rd r = {buf, len, 0, 1, 1, line0, 0, 0};
	struct ynode *root;
	int ind;

	*simple = 0;
	if (!subset_text(buf, len))
		return NULL;
	skip_blank_lines(&r);
	if (at(&r) == -1)
		return NULL; /* an empty document: libyaml's */
	ind = indent_of(&r);
	r.i += (size_t)ind;
	r.col += ind;
	root = block_node(&r, ind);
	if (root == NULL)
		return NULL;
	if (at(&r) != -1) {
		ynode_free(root);
		return NULL;
	}
	*simple = 1;
	return root;
}
