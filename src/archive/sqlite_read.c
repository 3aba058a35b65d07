/* sqlite_read: searching the SQLite archive and the report on one
 * entity.  A query tree (query.h) becomes one WHERE clause of '?'
 * placeholders; every value is bound, never pasted into the SQL, and
 * every word or phrase is handed to FTS5 as one quoted string, so that
 * no input is read as FTS5 or SQL syntax. */
#include "sqlite_priv.h"

#include <stdlib.h>
#include <string.h>

/* The SQL being built and the values to bind, in order. */
struct where {
	struct buf sql;
	char **vals;
	size_t n, cap;
	int cols; /* 1: the words are limited to the text's columns */
};

static void bind_later(struct where *w, char *v)
{
	w->vals = xgrow(w->vals, &w->cap, w->n + 1, sizeof *w->vals);
	w->vals[w->n++] = v;
}

/* s as one FTS5 string: "..." with quotes doubled. */
static char *fts_string(const char *s)
{
	struct buf b = {0};

	buf_addc(&b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(&b, '"');
		buf_addc(&b, *s);
	}
	buf_addc(&b, '"');
	return buf_take(&b);
}

/* Is c an ASCII letter or digit (whatever the locale)? */
static int ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* Could a word of s be a source token of the text index's third
 * column (meta: "s" and digits)?  Told conservatively: a byte that is
 * not ASCII may end a token.  Only such words are limited to the
 * text's columns, a limit that makes FTS5 read every match's positions
 * (a phrase's search a third slower). */
static int token_like(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		size_t j = i + 1;

		if ((s[i] != 's' && s[i] != 'S') ||
		    (i > 0 && ascii_alnum(s[i - 1])))
			continue;
		while (s[j] >= '0' && s[j] <= '9')
			j++;
		if (j > i + 1 && !ascii_alnum(s[j]))
			return 1;
	}
	return 0;
}

/* Does a word or phrase of q look like a source token? */
static int needs_columns(const struct aq *q)
{
	if (q == NULL)
		return 0;
	if (q->kind == AQ_TEXT)
		return token_like(q->value);
	return needs_columns(q->left) || needs_columns(q->right);
}

/* The word or phrase s as an FTS5 match, of the text's columns only
 * when cols (not the source tokens of meta). */
static char *text_match(const char *s, int cols)
{
	char *q = fts_string(s), *m;

	if (!cols)
		return q;
	m = xasprintf("{title body} : %s", q);
	free(q);
	return m;
}

/* The end of a date range as a bound that an index can use: the
 * dates whose first strlen(to) bytes are at most `to` are exactly those
 * below `to` with its last byte (a digit) one higher. */
static char *date_after(const char *to)
{
	char *s = xstrdup(to);

	s[strlen(s) - 1]++;
	return s;
}

static void where_of(struct where *w, const struct aq *q)
{
	struct buf *b = &w->sql;

	switch (q->kind) {
	case AQ_TEXT:
		buf_adds(b, "a.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)");
		bind_later(w, text_match(q->value, w->cols));
		break;
	case AQ_ENTITY:
		/* the entities' ids first (a small table), then a seek in
		 * mentions(entity, article) for each article */
		buf_adds(b, "EXISTS (SELECT 1 FROM mentions m WHERE m.article"
			    " = a.id AND m.entity IN (SELECT e.id FROM entities"
			    " e WHERE (e.name = ? COLLATE NOCASE OR e.name LIKE"
			    " ? ESCAPE '\\')");
		bind_later(w, xstrdup(q->value));
		bind_later(w, archive_like(q->value, 0, 1));
		if (q->cat != CAT_COUNT) {
			buf_adds(b, " AND e.category = ?");
			bind_later(w, xstrdup(category_name(q->cat)));
		}
		buf_adds(b, "))");
		break;
	case AQ_CATEGORY:
		if (q->cat == CAT_FIGURE) {
			buf_adds(b, "EXISTS (SELECT 1 FROM figures f WHERE"
				    " f.article = a.id)");
			break;
		}
		buf_adds(b, "EXISTS (SELECT 1 FROM mentions m WHERE m.article"
			    " = a.id AND m.entity IN (SELECT e.id FROM entities"
			    " e WHERE e.category = ?))");
		bind_later(w, xstrdup(category_name(q->cat)));
		break;
	case AQ_SOURCE:
		buf_adds(b, "coalesce(a.source, '') LIKE ? ESCAPE '\\'");
		bind_later(w, archive_like(q->value, 1, 1));
		break;
	case AQ_DATE:
		/* a range on the date itself, so that articles_date serves
		 * it: "date >= from" is "its first strlen(from) bytes >=
		 * from" */
		buf_adds(b, "(a.date IS NOT NULL");
		if (q->value[0]) {
			buf_adds(b, " AND a.date >= ?");
			bind_later(w, xstrdup(q->value));
		}
		if (q->value2[0]) {
			buf_adds(b, " AND a.date < ?");
			bind_later(w, date_after(q->value2));
		}
		buf_addc(b, ')');
		break;
	case AQ_TAG:
		buf_adds(b, "EXISTS (SELECT 1 FROM note_anchors n JOIN"
			    " note_tags t ON t.note = n.note WHERE"
			    " (n.article = a.content_id OR n.file = a.file) AND"
			    " t.tag = ? COLLATE NOCASE)");
		bind_later(w, xstrdup(q->value));
		break;
	case AQ_NOT:
		buf_adds(b, "NOT (");
		where_of(w, q->left);
		buf_addc(b, ')');
		break;
	case AQ_AND:
	case AQ_OR:
		buf_addc(b, '(');
		where_of(w, q->left);
		buf_adds(b, q->kind == AQ_AND ? ") AND (" : ") OR (");
		where_of(w, q->right);
		buf_addc(b, ')');
		break;
	}
}

/* Can q be one FTS5 expression that matches rows (words and phrases
 * under AND and OR, a NOT beside a term of the same AND)? */
static int fts_able(const struct aq *q)
{
	int lnot, rnot;

	switch (q->kind) {
	case AQ_TEXT:
		return 1;
	case AQ_OR:
		return fts_able(q->left) && fts_able(q->right);
	case AQ_AND:
		lnot = q->left->kind == AQ_NOT && fts_able(q->left->left);
		rnot = q->right->kind == AQ_NOT && fts_able(q->right->left);
		return !(lnot && rnot) && (lnot || fts_able(q->left)) &&
		       (rnot || fts_able(q->right));
	default:
		return 0;
	}
}

/* q (fts_able) as FTS5 syntax: every word or phrase one quoted string,
 * so that nothing typed is read as FTS5's operators. */
static void fts_expr(const struct aq *q, struct buf *b)
{
	char *s;

	switch (q->kind) {
	case AQ_TEXT:
		s = fts_string(q->value);
		buf_adds(b, s);
		free(s);
		return;
	case AQ_OR:
	case AQ_AND:
		buf_addc(b, '(');
		if (q->kind == AQ_AND && q->left->kind == AQ_NOT) {
			fts_expr(q->right, b);
			buf_adds(b, " NOT ");
			fts_expr(q->left->left, b);
		} else {
			fts_expr(q->left, b);
			buf_adds(b, q->kind == AQ_OR ? " OR "
				 : q->right->kind == AQ_NOT ? " NOT "
							    : " AND ");
			fts_expr(q->right->kind == AQ_NOT ? q->right->left
							 : q->right, b);
		}
		buf_addc(b, ')');
		return;
	default:
		return;
	}
}

/* The most sources one `source:` may stand for inside the text index
 * (an OR of their tokens); a value that more contain stays an SQL
 * filter only. */
#define MAX_SOURCE_TOKENS 32

/* A query split for the plan: the words the text index can match on
 * its own (match: an FTS5 expression, its terms ANDed; nots: what is
 * taken out of it), the rest (w: SQL over the articles, ANDed) and the
 * `source:` terms among the rest, which the text index can also
 * narrow to (src). */
struct plan {
	struct buf match, nots;
	struct where w;
	const struct aq *src[8];
	size_t nsrc;
};

/* expr limited to the text's columns when cols: the words never match
 * the source tokens of the third column (meta). */
static void text_columns(struct buf *b, int cols)
{
	struct buf m = {0};

	if (b->len == 0 || !cols)
		return;
	buf_printf(&m, "{title body} : (%s)", b->data);
	buf_free(b);
	*b = m;
}

static void plan_conjunct(struct plan *pl, const struct aq *q)
{
	struct buf *b = NULL;

	if (q->kind == AQ_AND) {
		plan_conjunct(pl, q->left);
		plan_conjunct(pl, q->right);
		return;
	}
	if (fts_able(q))
		b = &pl->match;
	else if (q->kind == AQ_NOT && fts_able(q->left))
		b = &pl->nots;
	if (b != NULL) {
		buf_adds(b, b->len ? (b == &pl->match ? " AND " : " OR ") : "");
		fts_expr(b == &pl->nots ? q->left : q, b);
		return;
	}
	if (q->kind == AQ_SOURCE && pl->nsrc < sizeof pl->src / sizeof *pl->src)
		pl->src[pl->nsrc++] = q;
	buf_adds(&pl->w.sql, pl->w.sql.len ? " AND " : "");
	where_of(&pl->w, q);
}

/* Split q; a NOT with nothing for the index to match stays SQL. */
static void plan_make(struct plan *pl, const struct aq *q)
{
	memset(pl, 0, sizeof *pl);
	pl->w.cols = needs_columns(q);
	plan_conjunct(pl, q);
	text_columns(&pl->match, pl->w.cols);
	text_columns(&pl->nots, pl->w.cols);
	if (pl->match.len == 0 && pl->nots.len) {
		buf_adds(&pl->w.sql, pl->w.sql.len ? " AND " : "");
		buf_adds(&pl->w.sql, "a.id NOT IN (SELECT rowid FROM fts WHERE"
				     " fts MATCH ?)");
		bind_later(&pl->w, buf_take(&pl->nots));
	} else if (pl->nots.len) {
		struct buf m = {0};

		buf_printf(&m, "(%s) NOT (%s)", pl->match.data, pl->nots.data);
		buf_free(&pl->match);
		buf_free(&pl->nots);
		pl->match = m;
	}
	if (pl->w.sql.len == 0)
		buf_adds(&pl->w.sql, "1");
}

/* The words and phrases not under a NOT, joined with OR: what ranks
 * the hits and what the snippets show when the text index cannot
 * choose the hits itself. */
static void rank_terms(const struct aq *q, struct buf *b)
{
	if (q->kind == AQ_NOT)
		return;
	if (q->kind == AQ_TEXT) {
		char *s = fts_string(q->value);

		buf_adds(b, b->len ? " OR " : "");
		buf_adds(b, s);
		free(s);
	}
	if (q->left)
		rank_terms(q->left, b);
	if (q->right)
		rank_terms(q->right, b);
}

static void where_free(struct where *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->vals[i]);
	free(w->vals);
	buf_free(&w->sql);
}

/* An article of a file not removed: the few removed files' ids from
 * their partial index (files_removed), not a look-up in files for each
 * article (a sixth of a word's search on 100,000 articles). */
#define LIVE_ARTICLE "a.file_id NOT IN (SELECT id FROM files WHERE" \
		     " removed <> 0)"

/* The three shapes of a search (each value a parameter; ?1 the FTS5
 * expression).  The hits are chosen and ordered in the inner query,
 * their snippets made after for the ones kept only: a snippet of
 * every match before the LIMIT made a common word twenty times
 * slower.
 *
 * 1. Words the text index can match alone, with or without filters
 *    (`source:AP word`, `date:2024 (a OR b)`, `"a phrase" -b`): FTS5
 *    chooses the rows, the filters are checked on each article it
 *    yields, and bm25 (the title weighted 2) ranks those that pass.
 *    Not FTS5's own ORDER BY rank: it ranks every match before the
 *    filters (a word in half of 100,000 articles with `source:`: 60 ms
 *    of processor time against 27).  The plan:
 *      SCAN fts VIRTUAL TABLE INDEX 0:M2
 *      SEARCH a USING INTEGER PRIMARY KEY (rowid=?)
 *      LIST SUBQUERY 2: SCAN files USING INDEX files_removed
 *      USE TEMP B-TREE FOR ORDER BY
 * 2. Words only under an OR with a filter (`word OR source:AP`): every
 *    article is a candidate; the words rank those they match.
 * 3. No words (`entity:"E" date:2024-01..2024-03`): the filters choose,
 *    newest first; a date uses articles_date, an entity its ids first
 *    (entities_name) and then mentions_entity:
 *      SEARCH a USING INDEX articles_date (date>? AND date<?)
 *      CORRELATED SCALAR SUBQUERY: SEARCH m USING COVERING INDEX
 *        mentions_entity (entity=? AND article=?)
 *        LIST SUBQUERY: SEARCH e USING COVERING INDEX entities_name
 * (sqlite3's EXPLAIN QUERY PLAN; tests/unit/test_archive.c checks the
 * first and the third.) */
static char *search_sql(const struct plan *pl, const struct buf *terms)
{
	struct buf sql = {0};

	if (pl->match.len) {
		buf_printf(&sql, "SELECT x.file, x.content_id, x.title, x.date,"
				 " x.source, -x.score, (SELECT snippet(fts, 1,"
				 " '[', ']', '...', 12) FROM fts WHERE fts MATCH"
				 " ?1 AND rowid = x.id) FROM (SELECT a.id,"
				 " a.file, a.content_id, a.title, a.date,"
				 " a.source, bm25(fts, 2.0, 1.0, 0.0) AS score FROM"
				 " fts JOIN articles a ON a.id = fts.rowid WHERE"
				 " fts MATCH ?1 AND %s AND (%s) ORDER BY score,"
				 " a.date DESC, a.file LIMIT ?) x ORDER BY"
				 " x.score, x.date DESC, x.file", LIVE_ARTICLE,
			   pl->w.sql.data);
		return buf_take(&sql);
	}
	if (terms->len)
		buf_adds(&sql, "SELECT x.file, x.content_id, x.title, x.date,"
			       " x.source, -x.score, (SELECT snippet(fts, 1,"
			       " '[', ']', '...', 12) FROM fts WHERE fts MATCH"
			       " ?1 AND rowid = x.id) FROM (SELECT a.id, a.file,"
			       " a.content_id, a.title, a.date, a.source,"
			       " r.score FROM articles a LEFT JOIN (SELECT"
			       " rowid AS rid,"
			       " bm25(fts, 2.0, 1.0, 0.0) AS score FROM fts WHERE"
			       " fts MATCH ?1) r ON r.rid = a.id");
	else
		buf_adds(&sql, "SELECT x.file, x.content_id, x.title, x.date,"
			       " x.source, 0, (SELECT substr(body, 1, 80) FROM"
			       " fts WHERE rowid = x.id) FROM (SELECT a.id,"
			       " a.file, a.content_id, a.title, a.date,"
			       " a.source, NULL AS score FROM articles a");
	buf_printf(&sql, " WHERE %s AND (%s) ORDER BY %s a.date DESC, a.file"
			 " LIMIT ?) x ORDER BY %s x.date DESC, x.file",
		   LIVE_ARTICLE, pl->w.sql.data,
		   terms->len ? "r.score IS NULL, r.score," : "",
		   terms->len ? "x.score IS NULL, x.score," : "");
	return buf_take(&sql);
}

/* The `source:` term q inside the text index: its sources' tokens
 * ANDed to match ("s" and the id, each source once in the sources
 * table, found there by the same LIKE as the SQL filter, which still
 * checks each hit).  No source: a token no article has.  An empty
 * value or one that too many sources contain: nothing added.  0, or
 * -1 with e set. */
static int source_tokens(struct sq *s, const struct aq *q, struct buf *match,
			 struct err *e)
{
	sqlite3_stmt *st;
	struct buf toks = {0};
	size_t n = 0;
	int rc;
	char *pat;

	if (q->value[0] == '\0')
		return 0;
	st = sq_prepare(s, "SELECT id FROM sources WHERE name LIKE ? ESCAPE"
			   " '\\' LIMIT ?", e);
	if (st == NULL)
		return -1;
	pat = archive_like(q->value, 1, 1);
	sq_bind_text(st, 1, pat);
	free(pat);
	sqlite3_bind_int(st, 2, MAX_SOURCE_TOKENS + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_printf(&toks, "%s\"s%lld\"", n++ ? " OR " : "",
			   (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_free(&toks);
		return sq_fail(s, rc, e);
	}
	if (n <= MAX_SOURCE_TOKENS) {
		struct buf m = {0};

		buf_printf(&m, "(%s) AND meta : (%s)", match->data,
			   n ? toks.data : "\"s0\"");
		buf_free(match);
		*match = m;
	}
	buf_free(&toks);
	return 0;
}

/* The search q prepared with its values bound; with explain, its
 * EXPLAIN QUERY PLAN.  NULL and e set. */
static sqlite3_stmt *search_stmt(struct sq *s, const struct aq *q,
				 size_t limit, int explain, struct err *e)
{
	struct plan pl;
	struct buf terms = {0};
	sqlite3_stmt *st;
	char *sql, *full;
	size_t i;
	int p = 1;

	plan_make(&pl, q);
	for (i = 0; pl.match.len && i < pl.nsrc; i++)
		if (source_tokens(s, pl.src[i], &pl.match, e) != 0) {
			st = NULL;
			goto out;
		}
	if (pl.match.len == 0) {
		rank_terms(q, &terms);
		text_columns(&terms, pl.w.cols);
	}
	sql = search_sql(&pl, &terms);
	full = xasprintf("%s%s", explain ? "EXPLAIN QUERY PLAN " : "", sql);
	st = sq_prepare(s, full, e);
	if (st != NULL) {
		if (pl.match.len)
			sq_bind_text(st, p++, pl.match.data);
		else if (terms.len)
			sq_bind_text(st, p++, terms.data);
		for (i = 0; i < pl.w.n; i++)
			sq_bind_text(st, p++, pl.w.vals[i]);
		sqlite3_bind_int64(st, p, limit > (size_t)1 << 40
						  ? (long long)1 << 40
						  : (long long)limit);
	}
	free(full);
	free(sql);
out:
	buf_free(&terms);
	buf_free(&pl.match);
	buf_free(&pl.nots);
	where_free(&pl.w);
	return st;
}

int sq_search(void *h, const struct aq *q, size_t limit,
	      struct archive_hits *out, struct err *e)
{
	struct sq *s = h;
	sqlite3_stmt *st = search_stmt(s, q, limit, 0, e);
	size_t cap = 0;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct archive_hit *x;

		out->v = xgrow(out->v, &cap, out->n + 1, sizeof *out->v);
		x = &out->v[out->n++];
		x->file = sq_column(st, 0);
		x->id = sq_column(st, 1);
		x->title = sq_column(st, 2);
		x->date = sq_column(st, 3);
		x->source = sq_column(st, 4);
		x->score = sqlite3_column_double(st, 5);
		x->snippet = sq_column(st, 6);
		archive_one_line(x->snippet);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		archive_hits_free(out);
		return sq_fail(s, rc, e);
	}
	return 0;
}

int archive_sqlite_explain(const char *path, const struct aq *q,
			   char **plan, struct err *e)
{
	struct sq *s = archive_sqlite_ops.open(path, ARCHIVE_READ, e);
	sqlite3_stmt *st;
	struct buf b = {0};
	int ids[64], depths[64], rc;
	size_t n = 0;

	if (s == NULL)
		return -1;
	st = search_stmt(s, q, 20, 1, e);
	if (st == NULL) {
		archive_sqlite_ops.close(s);
		return -1;
	}
	/* (id, parent, notused, detail): a line each, indented two spaces
	 * a level below its parent */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *d = sqlite3_column_text(st, 3);
		int parent = sqlite3_column_int(st, 1), depth = 0;
		size_t k;

		for (k = n; k-- > 0;)
			if (ids[k] == parent) {
				depth = depths[k] + 1;
				break;
			}
		if (n < sizeof ids / sizeof ids[0]) {
			ids[n] = sqlite3_column_int(st, 0);
			depths[n++] = depth;
		}
		buf_printf(&b, "%*s%s\n", 2 * depth, "",
			   d ? (const char *)d : "");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		rc = sq_fail(s, rc, e);
		archive_sqlite_ops.close(s);
		return rc;
	}
	archive_sqlite_ops.close(s);
	buf_adds(&b, "");
	*plan = buf_take(&b);
	return 0;
}

/* Rows of (key, n[, extra]) from sql with the entity id bound as ?1. */
static int counts(struct sq *s, const char *sql, long long id,
		  struct archive_count **v, size_t *n, struct err *e)
{
	sqlite3_stmt *st = sq_prepare(s, sql, e);
	size_t cap = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct archive_count *c;

		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		c = &(*v)[(*n)++];
		c->key = sq_column(st, 0);
		if (c->key == NULL)
			c->key = xstrdup("");
		c->n = sqlite3_column_int64(st, 1);
		c->extra = sqlite3_column_count(st) > 2 ? sq_column(st, 2)
							: NULL;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, e);
}

static int figures(struct sq *s, long long id,
		   struct archive_entity_report *r, struct err *e)
{
	sqlite3_stmt *st = sq_prepare(
		s, "SELECT a.date, f.value, f.counts, f.text, a.file FROM"
		   " figures f JOIN articles a ON a.id = f.article JOIN files"
		   " fl ON fl.id = a.file_id WHERE fl.removed = 0 AND f.kind"
		   " NOT IN ('year', 'date', 'time', 'ordinal') AND EXISTS"
		   " (SELECT 1 FROM mentions m WHERE m.entity = ?1 AND"
		   " m.article = f.article AND m.sentence = f.sentence)"
		   " ORDER BY a.date IS NULL, a.date, a.file, f.first"
		   " LIMIT 200", e);
	size_t cap = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct archive_figure *f;

		r->figures = xgrow(r->figures, &cap, r->nfigures + 1,
				   sizeof *r->figures);
		f = &r->figures[r->nfigures++];
		f->date = sq_column(st, 0);
		f->value = sq_column(st, 1);
		f->counts = sq_column(st, 2);
		f->text = sq_column(st, 3);
		f->file = sq_column(st, 4);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, e);
}

/* The entity called name: its id, or 0 when none, -1 on error. */
static long long find_entity(struct sq *s, const char *name,
			     struct archive_entity_report *r, struct err *e)
{
	sqlite3_stmt *st = sq_prepare(
		s, "SELECT e.id, e.name, e.category FROM entities e JOIN"
		   " mentions m ON m.entity = e.id WHERE e.name = ?1 COLLATE"
		   " NOCASE OR e.name LIKE ?2 ESCAPE '\\' GROUP BY e.id"
		   " ORDER BY e.name = ?1 COLLATE NOCASE DESC, count(*) DESC"
		   " LIMIT 1", e);
	char *pat = archive_like(name, 0, 1);
	long long id = 0;
	int rc;

	if (st == NULL) {
		free(pat);
		return -1;
	}
	sq_bind_text(st, 1, name);
	sq_bind_text(st, 2, pat);
	free(pat);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		r->name = sq_column(st, 1);
		r->category = sq_column(st, 2);
	} else if (rc != SQLITE_DONE) {
		id = sq_fail(s, rc, e);
	}
	sqlite3_finalize(st);
	return id;
}

#define LIVE " JOIN articles a ON a.id = m.article JOIN files fl ON" \
	     " fl.id = a.file_id WHERE fl.removed = 0 AND m.entity = ?1"

int sq_entity(void *h, const char *name, struct archive_entity_report *r,
	      struct err *e)
{
	struct sq *s = h;
	long long id = find_entity(s, name, r, e);
	struct archive_count *tot = NULL;
	size_t ntot = 0;

	if (id <= 0)
		return (int)id;
	if (counts(s, "SELECT count(DISTINCT m.article), count(*) FROM"
		      " mentions m" LIVE, id, &tot, &ntot, e) != 0 ||
	    counts(s, "SELECT coalesce(substr(a.date, 1, 7), 'no date'),"
		      " count(*) FROM mentions m" LIVE " GROUP BY 1 ORDER BY"
		      " 1 = 'no date', 1", id, &r->months, &r->nmonths, e) != 0 ||
	    counts(s, "SELECT coalesce(a.source, 'no source'), count(*) FROM"
		      " mentions m" LIVE " GROUP BY 1 ORDER BY 2 DESC, 1",
		   id, &r->sources, &r->nsources, e) != 0 ||
	    counts(s, "SELECT e2.name, count(DISTINCT m.article || '/' ||"
		      " m.sentence), e2.category FROM mentions m JOIN mentions"
		      " m2 ON m2.article = m.article AND m2.sentence ="
		      " m.sentence AND m2.entity <> m.entity JOIN entities e2"
		      " ON e2.id = m2.entity" LIVE " GROUP BY m2.entity ORDER"
		      " BY 2 DESC, 1 LIMIT 10", id, &r->cooccur, &r->ncooccur,
		   e) != 0 ||
	    figures(s, id, r, e) != 0) {
		free(tot ? tot[0].key : NULL);
		free(tot);
		archive_entity_report_free(r);
		return -1;
	}
	r->articles = tot ? strtoll(tot[0].key, NULL, 10) : 0;
	r->mentions = tot ? tot[0].n : 0;
	if (tot)
		free(tot[0].key);
	free(tot);
	return 1;
}
