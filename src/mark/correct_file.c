/* correct_file: the corrections file.  Reading and checking it (the
 * version, each correction, ids given once; unknown keys kept), writing
 * it, and each change saved at once: under the lock the file is read
 * again, the change made to what it holds, and the result written to a
 * temporary file renamed over it (fileio). */
#include "correct_priv.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "brief/base/fileio.h"
#include "brief/base/paths.h"
#include "brief/yaml/yamlio.h"

static const char *const kind_names[CORR_NKINDS] = {
	"rename", "merge", "split", "recategorise", "dismiss", "add"};

/* The keys of a correction brief knows; the others are kept. */
static const char *const corr_keys[] = {
	"id", "kind", "scope", "article", "offset", "form", "entity", "name",
	"category", "entity-kind", "created", "author", NULL};

const char *corrections_kind_name(enum corr_kind k)
{
	return k < CORR_NKINDS ? kind_names[k] : "?";
}

int corrections_kind_parse(const char *s)
{
	int k;

	for (k = 0; k < CORR_NKINDS; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return k;
	return -1;
}

int corrections_cat_parse(const char *s)
{
	int c;

	for (c = 0; c < CAT_COUNT; c++)
		if (c != CAT_FIGURE && strcmp(s, category_name(c)) == 0)
			return c;
	return -1;
}

char *corrections_default_path(void)
{
	return xdg_path("config", "corrections.yaml");
}

static void corr_clear(struct correction *x)
{
	free(x->id);
	free(x->article);
	free(x->form);
	free(x->entity);
	free(x->name);
	free(x->ekind);
	free(x->created);
	free(x->author);
	ynode_free(x->extra);
	memset(x, 0, sizeof *x);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void corr_copy(struct correction *d, const struct correction *s)
{
	d->id = dup_or_null(s->id);
	d->kind = s->kind;
	d->article = dup_or_null(s->article);
	d->offset = s->offset;
	d->form = dup_or_null(s->form);
	d->entity = dup_or_null(s->entity);
	d->name = dup_or_null(s->name);
	d->cat = s->cat;
	d->ekind = dup_or_null(s->ekind);
	d->created = dup_or_null(s->created);
	d->author = dup_or_null(s->author);
	d->extra = ynode_copy(s->extra);
}

/* The list of a file (or of the store). */
struct corr_list {
	struct correction *v;
	size_t n, cap;
	struct ynode *extra;
};

static void list_free(struct corr_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		corr_clear(&l->v[i]);
	free(l->v);
	ynode_free(l->extra);
	memset(l, 0, sizeof *l);
}

static struct correction *list_append(struct corr_list *l)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	memset(&l->v[l->n], 0, sizeof l->v[l->n]);
	return &l->v[l->n++];
}

static size_t list_find(const struct corr_list *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].id, id) == 0)
			return i;
	return SIZE_MAX;
}

/* An optional string: -1 when the value is not one. */
static int opt_str(const char *path, const struct ynode *m, const char *key,
		   char **out, struct err *e)
{
	const struct ynode *v = ynode_get(m, key);

	*out = NULL;
	if (v == NULL || ynode_is_null(v))
		return 0;
	if (v->type != YNODE_SCALAR || v->len == 0 ||
	    memchr(v->str, '\0', v->len) != NULL) {
		ynode_err(e, path, v, "'%s' must be a string", key);
		return -1;
	}
	*out = xstrndup(v->str, v->len);
	return 0;
}

/* A whole number from 0 to max in digits only; dflt when absent. */
static int opt_num(const char *path, const struct ynode *m, const char *key,
		   long long max, long long dflt, long long *out,
		   struct err *e)
{
	const struct ynode *v = ynode_get(m, key);
	long long x = 0;
	size_t i;

	*out = dflt;
	if (v == NULL)
		return 0;
	if (v->type != YNODE_SCALAR || v->len == 0 || v->len > 18)
		goto bad;
	for (i = 0; i < v->len; i++) {
		if (v->str[i] < '0' || v->str[i] > '9')
			goto bad;
		x = x * 10 + (v->str[i] - '0');
	}
	if (x > max)
		goto bad;
	*out = x;
	return 0;
bad:
	ynode_err(e, path, v, "'%s' must be a whole number from 0 to %lld",
		  key, max);
	return -1;
}

/* The pairs of map m whose keys are not in known (a map, or NULL). */
static struct ynode *extra_of(const struct ynode *m, const char *const *known)
{
	struct ynode *x = NULL;
	size_t i, k;

	for (i = 0; i + 1 < m->nkids; i += 2) {
		const struct ynode *key = m->kids[i];

		for (k = 0; known[k]; k++)
			if (key->type == YNODE_SCALAR &&
			    strcmp(key->str, known[k]) == 0)
				break;
		if (known[k])
			continue;
		if (x == NULL)
			x = ynode_new(YNODE_MAP, m->line, m->col);
		ynode_add(x, ynode_copy(key));
		ynode_add(x, ynode_copy(m->kids[i + 1]));
	}
	return x;
}

/* What each kind needs. */
static int check_corr(const char *path, const struct ynode *m,
		      const struct correction *x, struct err *e)
{
	const char *k = kind_names[x->kind];

	if (x->offset < 0 && x->form == NULL && x->entity == NULL) {
		ynode_err(e, path, m, "a %s correction needs 'offset', 'form' "
			  "or 'entity'", k);
		return -1;
	}
	if ((x->kind == CORR_RENAME || x->kind == CORR_MERGE ||
	     x->kind == CORR_SPLIT || x->kind == CORR_ADD) && x->name == NULL) {
		ynode_err(e, path, m, "a %s correction needs 'name'", k);
		return -1;
	}
	if (x->kind == CORR_SPLIT && x->offset < 0) {
		ynode_err(e, path, m, "a split correction needs 'offset'");
		return -1;
	}
	if (x->kind == CORR_ADD && x->form == NULL) {
		ynode_err(e, path, m, "an add correction needs 'form'");
		return -1;
	}
	if (x->kind == CORR_RECATEGORISE && x->cat < 0 && x->ekind == NULL) {
		ynode_err(e, path, m, "a recategorise correction needs "
			  "'category' or 'entity-kind'");
		return -1;
	}
	return 0;
}

static int read_corr(const char *path, const struct ynode *m,
		     struct correction *x, struct err *e)
{
	const struct ynode *v;
	char *s = NULL;
	int k;

	x->offset = -1;
	x->cat = -1;
	if (m->type != YNODE_MAP) {
		ynode_err(e, path, m, "a correction must be a mapping");
		return -1;
	}
	if (opt_str(path, m, "id", &x->id, e) != 0 ||
	    opt_str(path, m, "article", &x->article, e) != 0 ||
	    opt_str(path, m, "form", &x->form, e) != 0 ||
	    opt_str(path, m, "entity", &x->entity, e) != 0 ||
	    opt_str(path, m, "name", &x->name, e) != 0 ||
	    opt_str(path, m, "entity-kind", &x->ekind, e) != 0 ||
	    opt_str(path, m, "created", &x->created, e) != 0 ||
	    opt_str(path, m, "author", &x->author, e) != 0 ||
	    opt_num(path, m, "offset", 0xFFFFFFFFLL, -1, &x->offset, e) != 0)
		return -1;
	if (x->id == NULL || x->created == NULL) {
		ynode_err(e, path, m, "a correction needs '%s'",
			  x->id == NULL ? "id" : "created");
		return -1;
	}
	v = ynode_get(m, "kind");
	if (opt_str(path, m, "kind", &s, e) != 0)
		return -1;
	k = s ? corrections_kind_parse(s) : -1;
	free(s);
	if (k < 0) {
		ynode_err(e, path, v ? v : m, "'kind' must be rename, merge, "
			  "split, recategorise, dismiss or add");
		return -1;
	}
	x->kind = (enum corr_kind)k;
	v = ynode_get(m, "category");
	if (opt_str(path, m, "category", &s, e) != 0)
		return -1;
	if (s) {
		x->cat = corrections_cat_parse(s);
		free(s);
		if (x->cat < 0) {
			ynode_err(e, path, v, "'category' must be actor, "
				  "weapon or place");
			return -1;
		}
	}
	v = ynode_get(m, "scope");
	if (opt_str(path, m, "scope", &s, e) != 0)
		return -1;
	if (s && strcmp(s, "everywhere") != 0 && strcmp(s, "article") != 0) {
		free(s);
		ynode_err(e, path, v, "'scope' must be article or everywhere");
		return -1;
	}
	if (s && (strcmp(s, "article") == 0) != (x->article != NULL)) {
		free(s);
		ynode_err(e, path, v, "the scope article goes with 'article' "
			  "(the article's id), everywhere without");
		return -1;
	}
	free(s);
	x->extra = extra_of(m, corr_keys);
	return check_corr(path, m, x, e);
}

static const char *const top_keys[] = {"brief-corrections", "corrections",
				       NULL};

static int parse_list(const char *path, const char *data, size_t len,
		      struct corr_list *l, struct err *e)
{
	struct ynode *root;
	const struct ynode *seq;
	long long version;
	size_t i;
	int ok, rc = -1;

	root = yamlio_parse(data, len, path, 0, &ok, e);
	if (root == NULL)
		return ok ? 0 : -1;
	if (root->type != YNODE_MAP) {
		ynode_err(e, path, root, "a corrections file is a mapping "
			  "with 'brief-corrections' and 'corrections'");
		goto out;
	}
	if (opt_num(path, root, "brief-corrections", 1000000, 1, &version,
		    e) != 0)
		goto out;
	if (version > CORRECTIONS_VERSION) {
		ynode_err(e, path, ynode_get(root, "brief-corrections"),
			  "version %lld is newer than this brief reads (%d)",
			  version, CORRECTIONS_VERSION);
		goto out;
	}
	seq = ynode_get(root, "corrections");
	if (seq != NULL && !ynode_is_null(seq) && seq->type != YNODE_SEQ) {
		ynode_err(e, path, seq, "'corrections' must be a list");
		goto out;
	}
	for (i = 0; seq && seq->type == YNODE_SEQ && i < seq->nkids; i++) {
		struct correction *x = list_append(l);

		if (read_corr(path, seq->kids[i], x, e) != 0)
			goto out;
		if (list_find(l, x->id) != l->n - 1) {
			ynode_err(e, path, seq->kids[i], "the id '%s' is given "
				  "twice", x->id);
			goto out;
		}
	}
	l->extra = extra_of(root, top_keys);
	rc = 0;
out:
	ynode_free(root);
	if (rc != 0)
		list_free(l);
	return rc;
}

/* A missing file is an empty list. */
static int read_list(const char *path, struct corr_list *l, struct err *e)
{
	struct err sub;
	size_t len;
	char *data;
	int rc;

	memset(l, 0, sizeof *l);
	if (access(path, F_OK) != 0)
		return 0;
	data = file_read(path, &len, &sub);
	if (data == NULL) {
		err_set(e, "%s", sub.text);
		return -1;
	}
	rc = parse_list(path, data, len, l, e);
	free(data);
	return rc;
}

static void write_extra(struct yout *y, const struct ynode *x)
{
	size_t i;

	for (i = 0; x && i < x->nkids; i++)
		yout_node(y, x->kids[i]);
}

static void write_corr(struct yout *y, const struct correction *x)
{
	yout_map_start(y);
	yout_kv(y, "id", x->id);
	yout_kv(y, "kind", kind_names[x->kind]);
	yout_kv(y, "scope", x->article ? "article" : "everywhere");
	if (x->article)
		yout_kv(y, "article", x->article);
	if (x->offset >= 0)
		yout_ki(y, "offset", x->offset);
	if (x->form)
		yout_kv(y, "form", x->form);
	if (x->entity)
		yout_kv(y, "entity", x->entity);
	if (x->name)
		yout_kv(y, "name", x->name);
	if (x->cat >= 0)
		yout_kv(y, "category", category_name(x->cat));
	if (x->ekind)
		yout_kv(y, "entity-kind", x->ekind);
	yout_kv(y, "created", x->created);
	if (x->author)
		yout_kv(y, "author", x->author);
	write_extra(y, x->extra);
	yout_map_end(y);
}

static void write_list(const struct corr_list *l, struct buf *b)
{
	struct yout *y = yout_new_buf(b);
	size_t i;

	yout_doc_start(y);
	yout_map_start(y);
	yout_ki(y, "brief-corrections", CORRECTIONS_VERSION);
	write_extra(y, l->extra);
	yout_key(y, "corrections");
	yout_seq_start(y);
	for (i = 0; i < l->n; i++)
		write_corr(y, &l->v[i]);
	yout_seq_end(y);
	yout_map_end(y);
	yout_doc_end(y);
	yout_free(y);
}

void corrections_write_yaml(const struct corrections *c, struct buf *b)
{
	struct corr_list l = {c->v, c->n, c->cap, c->extra};

	write_list(&l, b);
}

/* The store's list is the file's, taken over. */
static void take_list(struct corrections *c, struct corr_list *l)
{
	struct corr_list old = {c->v, c->n, c->cap, c->extra};

	list_free(&old);
	c->v = l->v;
	c->n = l->n;
	c->cap = l->cap;
	c->extra = l->extra;
	memset(l, 0, sizeof *l);
}

struct corrections *corrections_open(const char *path, struct err *e)
{
	struct corrections *c = xcalloc(1, sizeof *c);
	struct corr_list l;

	if (path == NULL)
		return c;
	c->path = xstrdup(path);
	if (read_list(path, &l, e) != 0) {
		corrections_free(c);
		return NULL;
	}
	take_list(c, &l);
	return c;
}

void corrections_free(struct corrections *c)
{
	struct corr_list l;
	size_t i;

	if (c == NULL)
		return;
	l = (struct corr_list){c->v, c->n, c->cap, c->extra};
	list_free(&l);
	for (i = 0; i < c->nmine; i++)
		free(c->mine[i]);
	free(c->mine);
	for (i = 0; i < c->nsaved; i++)
		free(c->saved[i].kind);
	free(c->saved);
	free(c->path);
	free(c);
}

const char *corrections_path(const struct corrections *c)
{
	return c->path;
}

const struct correction *corrections_all(const struct corrections *c,
					 size_t *n)
{
	*n = c->n;
	return c->v;
}

int corrections_reload(struct corrections *c, struct err *e)
{
	struct corr_list l;

	if (c->path == NULL)
		return 0;
	if (read_list(c->path, &l, e) != 0)
		return -1;
	take_list(c, &l);
	return 0;
}

/* Add a copy of x to l, or (x NULL) take the correction gone away. */
static void list_change(struct corr_list *l, const struct correction *x,
			const char *gone)
{
	size_t k;

	if (x) {
		corr_copy(list_append(l), x);
		return;
	}
	k = list_find(l, gone);
	if (k == SIZE_MAX)
		return;
	corr_clear(&l->v[k]);
	memmove(&l->v[k], &l->v[k + 1], (l->n - k - 1) * sizeof *l->v);
	l->n--;
}

/* Under the lock: the file read again, x added to it (or the id gone
 * when x is NULL), written; then the store holds what the file holds. */
static int save_change(struct corrections *c, const struct correction *x,
		       const char *gone, struct err *e)
{
	struct file_lock *lk;
	struct corr_list l;
	struct buf b = {0};
	int rc = -1;

	if (c->path == NULL) {
		struct corr_list mem = {c->v, c->n, c->cap, c->extra};

		list_change(&mem, x, gone);
		c->v = mem.v;
		c->n = mem.n;
		c->cap = mem.cap;
		return 0;
	}
	lk = file_lock(c->path, e);
	if (lk == NULL) {
		struct err sub = *e;

		err_set(e, "the correction cannot be saved: %s", sub.text);
		return -1;
	}
	if (read_list(file_lock_target(lk), &l, e) == 0) {
		list_change(&l, x, gone);
		write_list(&l, &b);
		rc = file_write_atomic(file_lock_target(lk), b.data, b.len, e);
		if (rc == 0)
			take_list(c, &l);
		else
			list_free(&l);
	}
	file_unlock(lk);
	buf_free(&b);
	return rc;
}

static char *now_iso(void)
{
	struct timespec ts;
	struct tm tm;
	char buf[64];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(buf);
}

/* Unique across processes: the time in microseconds, the process and a
 * counter. */
static char *new_id(void)
{
	static unsigned serial;
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return xasprintf("c%llx-%x-%u",
			 (unsigned long long)ts.tv_sec * 1000000ULL +
				 (unsigned long long)(ts.tv_nsec / 1000),
			 (unsigned)getpid(), ++serial);
}

int corrections_add(struct corrections *c, const struct correction *x,
		    struct err *e)
{
	struct correction y = *x;
	int rc;

	y.id = new_id();
	y.created = now_iso();
	rc = save_change(c, &y, NULL, e);
	if (rc == 0) {
		c->mine = xrealloc(c->mine, (c->nmine + 1) * sizeof *c->mine);
		c->mine[c->nmine++] = y.id;
	} else {
		free(y.id);
	}
	free(y.created);
	return rc;
}

int corrections_undo(struct corrections *c, struct err *e)
{
	char *id;

	if (c->nmine == 0)
		return 1;
	id = c->mine[c->nmine - 1];
	if (save_change(c, NULL, id, e) != 0)
		return -1;
	free(id);
	c->nmine--;
	return 0;
}
