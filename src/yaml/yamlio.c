/* yamlio: bounded YAML reading into a node tree, and a writer. */
#include "brief/yaml/yamlio.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "brief/base/utf8.h"

struct parse {
	const char *name;
	int line0;
	size_t nodes, max_nodes;
	struct err *e;
};

size_t yamlio_max_nodes(size_t len)
{
	size_t n = len / YAMLIO_BYTES_PER_NODE;

	return n > YAMLIO_MAX_NODES ? n : YAMLIO_MAX_NODES;
}

void ynode_free(struct ynode *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkids; i++)
		ynode_free(n->kids[i]);
	free(n->kids);
	free(n->str);
	free(n);
}

struct ynode *ynode_new(enum ynode_type t, int line, int col)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->type = t;
	n->line = line;
	n->col = col;
	return n;
}

void ynode_add(struct ynode *p, struct ynode *k)
{
	p->kids = xgrow(p->kids, &p->cap, p->nkids + 1, sizeof *p->kids);
	p->kids[p->nkids++] = k;
}

static struct ynode *node_new(enum ynode_type t, const yaml_mark_t *m,
			      int line0)
{
	return ynode_new(t, (int)m->line + 1 + line0, (int)m->column + 1);
}

static void parse_fail(struct parse *ps, const yaml_parser_t *yp)
{
	const yaml_mark_t *m = yp->problem ? &yp->problem_mark : &yp->mark;

	if (yp->error == YAML_MEMORY_ERROR) {
		err_set(ps->e, "%s: out of memory while reading YAML", ps->name);
		return;
	}
	err_set(ps->e, "%s:%d:%d: %s%s%s", ps->name,
		(int)m->line + 1 + ps->line0, (int)m->column + 1,
		yp->problem ? yp->problem : "malformed YAML",
		yp->context ? " " : "", yp->context ? yp->context : "");
}

static void mark_err(struct parse *ps, const yaml_mark_t *m, const char *msg)
{
	err_set(ps->e, "%s:%d:%d: %s", ps->name, (int)m->line + 1 + ps->line0,
		(int)m->column + 1, msg);
}

/* Build the node that begins with ev (already read); recursive, depth
 * bounded.  Returns NULL on error (message set). */
static struct ynode *build(struct parse *ps, yaml_parser_t *yp,
			   yaml_event_t *ev, int depth)
{
	struct ynode *n;

	if (++ps->nodes > ps->max_nodes) {
		mark_err(ps, &ev->start_mark, "too many YAML nodes");
		return NULL;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		mark_err(ps, &ev->start_mark,
			 "YAML aliases (*name) are not accepted");
		return NULL;
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.length > YAMLIO_MAX_SCALAR) {
			mark_err(ps, &ev->start_mark, "YAML scalar too long");
			return NULL;
		}
		n = node_new(YNODE_SCALAR, &ev->start_mark, ps->line0);
		n->str = xstrndup((const char *)ev->data.scalar.value,
				  ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		return n;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		int is_map = ev->type == YAML_MAPPING_START_EVENT;
		yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT
					       : YAML_SEQUENCE_END_EVENT;

		if (depth >= YAMLIO_MAX_DEPTH) {
			mark_err(ps, &ev->start_mark, "YAML nested too deeply");
			return NULL;
		}
		n = node_new(is_map ? YNODE_MAP : YNODE_SEQ, &ev->start_mark,
			     ps->line0);
		for (;;) {
			yaml_event_t kid;
			struct ynode *k;

			if (!yaml_parser_parse(yp, &kid)) {
				parse_fail(ps, yp);
				ynode_free(n);
				return NULL;
			}
			if (kid.type == end) {
				yaml_event_delete(&kid);
				break;
			}
			k = build(ps, yp, &kid, depth + 1);
			yaml_event_delete(&kid);
			if (k == NULL) {
				ynode_free(n);
				return NULL;
			}
			/* every loader reads keys as strings */
			if (is_map && n->nkids % 2 == 0 &&
			    k->type != YNODE_SCALAR) {
				err_set(ps->e, "%s:%d:%d: a mapping key must be "
					"a plain string", ps->name, k->line,
					k->col);
				ynode_free(k);
				ynode_free(n);
				return NULL;
			}
			ynode_add(n, k);
		}
		return n;
	}
	default:
		mark_err(ps, &ev->start_mark, "unexpected YAML event");
		return NULL;
	}
}

/* Order of the keys of a mapping: by text, then by place. */
static int key_cmp(const void *pa, const void *pb)
{
	const struct ynode *a = *(struct ynode *const *)pa;
	const struct ynode *b = *(struct ynode *const *)pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->str, b->str, n);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

static int same_text(const struct ynode *a, const struct ynode *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

static int before(const struct ynode *a, const struct ynode *b)
{
	return a->line < b->line || (a->line == b->line && a->col < b->col);
}

/* The key of map n given a second time (the earliest such), and in
 * *first where it was given first; NULL when every key is distinct.
 * Sorting keeps a mapping of many keys n log n. */
static const struct ynode *dup_in_map(const struct ynode *n,
				      const struct ynode **first)
{
	size_t nk = n->nkids / 2, i;
	const struct ynode **keys, *found = NULL;

	if (nk < 2)
		return NULL;
	keys = xmalloc(nk * sizeof *keys);
	for (i = 0; i < nk; i++)
		keys[i] = n->kids[2 * i];
	xqsort(keys, nk, sizeof *keys, key_cmp);
	for (i = 1; i < nk; i++)
		/* the first two of a run of equal keys, in file order */
		if (same_text(keys[i], keys[i - 1]) &&
		    (i < 2 || !same_text(keys[i - 1], keys[i - 2])) &&
		    (found == NULL || before(keys[i], found))) {
			found = keys[i];
			*first = keys[i - 1];
		}
	free(keys);
	return found;
}

const struct ynode *yamlio_dup_key(const struct ynode *n,
				   const struct ynode **first)
{
	size_t i;
	const struct ynode *d;

	if (n == NULL || n->type == YNODE_SCALAR)
		return NULL;
	if (n->type == YNODE_MAP && (d = dup_in_map(n, first)) != NULL)
		return d;
	for (i = 0; i < n->nkids; i++)
		if ((d = yamlio_dup_key(n->kids[i], first)) != NULL)
			return d;
	return NULL;
}

/* Refuse a second document and a mapping that gives one key twice:
 * brief would read only part of what the file holds. */
static int check_whole(struct parse *ps, yaml_parser_t *yp,
		       const struct ynode *root)
{
	const struct ynode *d, *first = NULL;
	yaml_event_t ev;
	int rc = 0;

	d = yamlio_dup_key(root, &first);
	if (d != NULL) {
		err_set(ps->e, "%s:%d:%d: duplicate key '%.200s' (first at "
			"%d:%d)", ps->name, d->line, d->col, d->str,
			first->line, first->col);
		return -1;
	}
	if (!yaml_parser_parse(yp, &ev)) {
		parse_fail(ps, yp);
		return -1;
	}
	if (ev.type == YAML_DOCUMENT_START_EVENT) {
		mark_err(ps, &ev.start_mark, "a second YAML document: a file "
			 "holds one (were two files joined?)");
		rc = -1;
	} else if (ev.type != YAML_STREAM_END_EVENT) {
		mark_err(ps, &ev.start_mark, "unexpected YAML event");
		rc = -1;
	}
	yaml_event_delete(&ev);
	return rc;
}

struct ynode *yamlio_parse(const char *buf, size_t len, const char *name,
			   int line0, int *ok, struct err *e)
{
	struct parse ps = {name, line0, 0, yamlio_max_nodes(len), e};
	yaml_parser_t yp;
	yaml_event_t ev;
	struct ynode *root = NULL;
	int done = 0, failed = 0;

	*ok = 0;
	if (!yaml_parser_initialize(&yp)) {
		err_set(e, "%s: cannot start the YAML parser", name);
		return NULL;
	}
	yaml_parser_set_input_string(&yp, (const unsigned char *)buf, len);
	while (!done && !failed) {
		if (!yaml_parser_parse(&yp, &ev)) {
			parse_fail(&ps, &yp);
			failed = 1;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_END_EVENT:
			done = 1;
			failed = check_whole(&ps, &yp, root) != 0;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			root = build(&ps, &yp, &ev, 0);
			if (root == NULL)
				failed = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&yp);
	if (failed) {
		ynode_free(root);
		return NULL;
	}
	*ok = 1;
	return root;
}

struct ynode *yamlio_parse_file(const char *path, int *ok, struct err *e)
{
	size_t len;
	char *data = file_read(path, &len, e);
	struct ynode *n;

	*ok = 0;
	if (data == NULL)
		return NULL;
	if (memchr(data, '\0', len) != NULL) {
		err_set(e, "%s: binary file", path);
		free(data);
		return NULL;
	}
	n = yamlio_parse(data, len, path, 0, ok, e);
	free(data);
	return n;
}

struct ynode *ynode_copy(const struct ynode *n)
{
	struct ynode *c;
	size_t i;

	if (n == NULL)
		return NULL;
	c = ynode_new(n->type, n->line, n->col);
	c->quoted = n->quoted;
	if (n->str) {
		c->str = xstrndup(n->str, n->len);
		c->len = n->len;
	}
	for (i = 0; i < n->nkids; i++)
		ynode_add(c, ynode_copy(n->kids[i]));
	return c;
}

int ynode_same(const struct ynode *a, const struct ynode *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->type != b->type || a->nkids != b->nkids ||
	    (a->str == NULL) != (b->str == NULL) ||
	    (a->str != NULL &&
	     (a->len != b->len || memcmp(a->str, b->str, a->len) != 0)))
		return 0;
	for (i = 0; i < a->nkids; i++)
		if (!ynode_same(a->kids[i], b->kids[i]))
			return 0;
	return 1;
}

struct ynode *ynode_get(const struct ynode *n, const char *key)
{
	size_t i;

	if (n == NULL || n->type != YNODE_MAP)
		return NULL;
	for (i = 0; i + 1 < n->nkids; i += 2)
		if (n->kids[i]->type == YNODE_SCALAR &&
		    strcmp(n->kids[i]->str, key) == 0)
			return n->kids[i + 1];
	return NULL;
}

int ynode_is_null(const struct ynode *n)
{
	if (n == NULL)
		return 1;
	if (n->type != YNODE_SCALAR || n->quoted)
		return 0;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	       strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	       strcmp(n->str, "NULL") == 0;
}

void ynode_err(struct err *e, const char *name, const struct ynode *n,
	       const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n)
		err_set(e, "%s:%d:%d: %s", name, n->line, n->col, msg);
	else
		err_set(e, "%s: %s", name, msg);
}

/* ---- writer ---- */

struct yout {
	yaml_emitter_t em;
	struct buf *out;
	int failed;
};

static int buf_writer(void *data, unsigned char *p, size_t n)
{
	buf_add(data, p, n);
	return 1;
}

static struct yout *yout_init(void)
{
	struct yout *y = xcalloc(1, sizeof *y);
	yaml_event_t ev;

	yaml_emitter_initialize(&y->em);
	yaml_emitter_set_unicode(&y->em, 1);
	yaml_emitter_set_width(&y->em, -1);
	yaml_emitter_set_indent(&y->em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	y->failed |= !yaml_emitter_emit(&y->em, &ev);
	return y;
}

struct yout *yout_new_file(FILE *f)
{
	struct yout *y = xcalloc(1, sizeof *y);
	yaml_event_t ev;

	yaml_emitter_initialize(&y->em);
	yaml_emitter_set_output_file(&y->em, f);
	yaml_emitter_set_unicode(&y->em, 1);
	yaml_emitter_set_width(&y->em, -1);
	yaml_emitter_set_indent(&y->em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	y->failed |= !yaml_emitter_emit(&y->em, &ev);
	return y;
}

struct yout *yout_new_buf(struct buf *b)
{
	struct yout *y;

	y = yout_init();
	y->out = b;
	yaml_emitter_set_output(&y->em, buf_writer, b);
	return y;
}

int yout_free(struct yout *y)
{
	yaml_event_t ev;
	int failed;

	yaml_stream_end_event_initialize(&ev);
	y->failed |= !yaml_emitter_emit(&y->em, &ev);
	yaml_emitter_flush(&y->em);
	yaml_emitter_delete(&y->em);
	failed = y->failed;
	free(y);
	return failed ? -1 : 0;
}

static void emit(struct yout *y, yaml_event_t *ev)
{
	if (y->failed) {
		yaml_event_delete(ev);
		return;
	}
	if (!yaml_emitter_emit(&y->em, ev))
		y->failed = 1;
}

void yout_doc_start(struct yout *y)
{
	yaml_event_t ev;

	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0);
	emit(y, &ev);
}

void yout_doc_end(struct yout *y)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	emit(y, &ev);
}

void yout_map_start(struct yout *y)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
					    YAML_BLOCK_MAPPING_STYLE);
	emit(y, &ev);
}

void yout_map_end(struct yout *y)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	emit(y, &ev);
}

static void seq_start(struct yout *y, yaml_sequence_style_t style)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, style);
	emit(y, &ev);
}

void yout_seq_start(struct yout *y)
{
	seq_start(y, YAML_BLOCK_SEQUENCE_STYLE);
}

void yout_seq_start_flow(struct yout *y)
{
	seq_start(y, YAML_FLOW_SEQUENCE_STYLE);
}

void yout_seq_end(struct yout *y)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	emit(y, &ev);
}

static void scalar(struct yout *y, const char *s, size_t n, int plain_ok)
{
	yaml_event_t ev;
	char *clean = NULL;
	size_t cn = n;

	if (utf8_valid_prefix(s, n) != n) {
		clean = utf8_sanitize(s, n, &cn);
		s = clean;
	}
	yaml_scalar_event_initialize(&ev, NULL, NULL,
				     (yaml_char_t *)(uintptr_t)s, (int)cn,
				     plain_ok, 1, YAML_ANY_SCALAR_STYLE);
	emit(y, &ev);
	free(clean);
}

void yout_strn(struct yout *y, const char *s, size_t n)
{
	if (s == NULL) {
		yout_null(y);
		return;
	}
	scalar(y, s, n, 0);
}

void yout_str(struct yout *y, const char *s)
{
	yout_strn(y, s, s ? strlen(s) : 0);
}

void yout_null(struct yout *y)
{
	scalar(y, "null", 4, 1);
}

void yout_int(struct yout *y, long long v)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%lld", v);
	scalar(y, tmp, strlen(tmp), 1);
}


void yout_node(struct yout *y, const struct ynode *n)
{
	size_t i;

	if (n == NULL) {
		yout_null(y);
		return;
	}
	switch (n->type) {
	case YNODE_SCALAR:
		scalar(y, n->str, n->len, !n->quoted);
		break;
	case YNODE_SEQ:
		yout_seq_start(y);
		for (i = 0; i < n->nkids; i++)
			yout_node(y, n->kids[i]);
		yout_seq_end(y);
		break;
	case YNODE_MAP:
		yout_map_start(y);
		for (i = 0; i < n->nkids; i++)
			yout_node(y, n->kids[i]);
		yout_map_end(y);
		break;
	}
}

void yout_key(struct yout *y, const char *k)
{
	scalar(y, k, strlen(k), 1);
}

void yout_kv(struct yout *y, const char *k, const char *val)
{
	yout_key(y, k);
	yout_str(y, val);
}

void yout_kvn(struct yout *y, const char *k, const char *val, size_t n)
{
	yout_key(y, k);
	yout_strn(y, val, n);
}

void yout_ki(struct yout *y, const char *k, long long v)
{
	yout_key(y, k);
	yout_int(y, v);
}
