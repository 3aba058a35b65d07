/* query: the archive's query language (see query.h), read by recursive
 * descent straight from the string. */
#include "brief/archive/query.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct qp {
	const char *s, *p;
	struct err *e;
	int depth;
};

/* Nesting deeper than this is refused (the stack stays small). */
#define AQ_MAX_DEPTH 64

static struct aq *node(enum aq_kind k)
{
	struct aq *q = xcalloc(1, sizeof *q);

	q->kind = k;
	q->cat = CAT_COUNT;
	return q;
}

void aq_free(struct aq *q)
{
	if (q == NULL)
		return;
	aq_free(q->left);
	aq_free(q->right);
	free(q->value);
	free(q->value2);
	free(q);
}

static void skip_space(struct qp *qp)
{
	while (*qp->p == ' ' || *qp->p == '\t' || *qp->p == '\n')
		qp->p++;
}

/* The error at the cursor: "query: MSG at 'REST'" (REST cut short). */
static void *failed(struct qp *qp, const char *msg)
{
	if (*qp->p)
		err_set(qp->e, "query: %s at '%.20s'", msg, qp->p);
	else
		err_set(qp->e, "query: %s at its end", msg);
	return NULL;
}

static int ends_word(char c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '\n' || c == '(' ||
	       c == ')';
}

/* Is the next token the operator op (upper case, then a break)? */
static int at_op(struct qp *qp, const char *op)
{
	size_t n = strlen(op);

	return strncmp(qp->p, op, n) == 0 && ends_word(qp->p[n]);
}

/* A quoted phrase ("" inside stands for one quote) or a bare word. */
static char *value(struct qp *qp)
{
	struct buf b = {0};

	if (*qp->p == '"') {
		qp->p++;
		for (;;) {
			if (*qp->p == '\0') {
				buf_free(&b);
				return failed(qp, "a quote is not closed");
			}
			if (*qp->p == '"' && qp->p[1] == '"') {
				buf_addc(&b, '"');
				qp->p += 2;
			} else if (*qp->p == '"') {
				qp->p++;
				break;
			} else {
				buf_addc(&b, *qp->p++);
			}
		}
	} else {
		while (!ends_word(*qp->p))
			buf_addc(&b, *qp->p++);
	}
	if (b.len == 0) {
		buf_free(&b);
		return failed(qp, "an empty value");
	}
	return buf_take(&b);
}

static int category_of(const char *s, enum category *c)
{
	static const char *const names[] = {"actor", "weapon", "figure",
					    "place"};
	size_t i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*c = (enum category)i;
			return 0;
		}
	return -1;
}

/* YYYY, YYYY-MM or YYYY-MM-DD (or "" for an open end). */
static int date_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0)
		return 1;
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static struct aq *field(struct qp *qp, const char *name, size_t len)
{
	static const char *const fields[] = {"entity", "actor", "weapon",
					     "place", "category", "source",
					     "date", "tag"};
	const char *at = qp->p;
	struct aq *q;
	char *v;
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strlen(fields[i]) == len &&
		    strncmp(fields[i], name, len) == 0)
			break;
	if (i == sizeof fields / sizeof fields[0]) {
		qp->p = name;
		return failed(qp, "unknown field (entity, actor, weapon, "
				  "place, category, source, date or tag)");
	}
	v = value(qp);
	if (v == NULL)
		return NULL;
	switch (i) {
	case 0: case 1: case 2: case 3:
		q = node(AQ_ENTITY);
		if (i > 0)
			category_of(fields[i], &q->cat);
		q->value = v;
		return q;
	case 4:
		q = node(AQ_CATEGORY);
		if (category_of(v, &q->cat) != 0) {
			free(v);
			aq_free(q);
			qp->p = at;
			return failed(qp, "category: takes actor, weapon, "
					  "figure or place");
		}
		free(v);
		return q;
	case 5:
		q = node(AQ_SOURCE);
		q->value = v;
		return q;
	case 6: {
		const char *dots = strstr(v, "..");

		q = node(AQ_DATE);
		q->value = dots ? xstrndup(v, (size_t)(dots - v)) : xstrdup(v);
		q->value2 = xstrdup(dots ? dots + 2 : v);
		free(v);
		if (!date_ok(q->value) || !date_ok(q->value2) ||
		    (q->value[0] == '\0' && q->value2[0] == '\0')) {
			aq_free(q);
			qp->p = at;
			return failed(qp, "date: takes YYYY, YYYY-MM or "
					  "YYYY-MM-DD, or FROM..TO");
		}
		return q;
	}
	default:
		q = node(AQ_TAG);
		q->value = v[0] == '#' ? xstrdup(v + 1) : xstrdup(v);
		free(v);
		return q;
	}
}

static struct aq *parse_or(struct qp *qp);

static struct aq *parse_unary(struct qp *qp)
{
	const char *w;
	struct aq *q;

	skip_space(qp);
	if (*qp->p == '\0')
		return failed(qp, "a term is missing");
	if (at_op(qp, "NOT") || (*qp->p == '-' && !ends_word(qp->p[1]))) {
		struct aq *inner;

		qp->p += *qp->p == '-' ? 1 : 3;
		if (++qp->depth > AQ_MAX_DEPTH)
			return failed(qp, "too deeply nested");
		inner = parse_unary(qp);
		qp->depth--;
		if (inner == NULL)
			return NULL;
		q = node(AQ_NOT);
		q->left = inner;
		return q;
	}
	if (at_op(qp, "AND") || at_op(qp, "OR"))
		return failed(qp, "a term is missing before an operator");
	if (*qp->p == ')')
		return failed(qp, "a ')' without its '('");
	if (*qp->p == '(') {
		qp->p++;
		if (++qp->depth > AQ_MAX_DEPTH)
			return failed(qp, "too deeply nested");
		q = parse_or(qp);
		qp->depth--;
		if (q == NULL)
			return NULL;
		skip_space(qp);
		if (*qp->p != ')') {
			aq_free(q);
			return failed(qp, "a '(' is not closed");
		}
		qp->p++;
		return q;
	}
	/* field:value, or a word or phrase */
	for (w = qp->p; isalpha((unsigned char)*w); w++)
		;
	if (*w == ':' && w > qp->p && !ends_word(w[1])) {
		const char *name = qp->p;

		qp->p = w + 1;
		return field(qp, name, (size_t)(w - name));
	}
	q = node(AQ_TEXT);
	q->value = value(qp);
	if (q->value == NULL) {
		aq_free(q);
		return NULL;
	}
	return q;
}

static struct aq *join(enum aq_kind k, struct aq *l, struct aq *r)
{
	struct aq *q = node(k);

	q->left = l;
	q->right = r;
	return q;
}

static struct aq *parse_and(struct qp *qp)
{
	struct aq *q = parse_unary(qp);

	while (q != NULL) {
		struct aq *r;

		skip_space(qp);
		if (*qp->p == '\0' || *qp->p == ')' || at_op(qp, "OR"))
			break;
		if (at_op(qp, "AND"))
			qp->p += 3;
		r = parse_unary(qp);
		if (r == NULL) {
			aq_free(q);
			return NULL;
		}
		q = join(AQ_AND, q, r);
	}
	return q;
}

static struct aq *parse_or(struct qp *qp)
{
	struct aq *q = parse_and(qp);

	while (q != NULL) {
		struct aq *r;

		skip_space(qp);
		if (!at_op(qp, "OR"))
			break;
		qp->p += 2;
		r = parse_and(qp);
		if (r == NULL) {
			aq_free(q);
			return NULL;
		}
		q = join(AQ_OR, q, r);
	}
	return q;
}

struct aq *aq_parse(const char *s, struct err *e)
{
	struct qp qp = {s, s, e, 0};
	struct aq *q;

	skip_space(&qp);
	if (*qp.p == '\0') {
		err_set(e, "query: empty");
		return NULL;
	}
	q = parse_or(&qp);
	if (q == NULL)
		return NULL;
	skip_space(&qp);
	if (*qp.p != '\0') {
		aq_free(q);
		return failed(&qp, "a ')' without its '('");
	}
	return q;
}
