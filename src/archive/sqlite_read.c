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

static void where_of(struct where *w, const struct aq *q)
{
	struct buf *b = &w->sql;

	switch (q->kind) {
	case AQ_TEXT:
		buf_adds(b, "a.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)");
		bind_later(w, fts_string(q->value));
		break;
	case AQ_ENTITY:
		buf_adds(b, "EXISTS (SELECT 1 FROM mentions m JOIN entities e"
			    " ON e.id = m.entity WHERE m.article = a.id AND"
			    " (e.name = ? COLLATE NOCASE OR e.name LIKE ?"
			    " ESCAPE '\\')");
		bind_later(w, xstrdup(q->value));
		bind_later(w, archive_like(q->value, 0, 1));
		if (q->cat != CAT_COUNT) {
			buf_adds(b, " AND e.category = ?");
			bind_later(w, xstrdup(category_name(q->cat)));
		}
		buf_addc(b, ')');
		break;
	case AQ_CATEGORY:
		if (q->cat == CAT_FIGURE) {
			buf_adds(b, "EXISTS (SELECT 1 FROM figures f WHERE"
				    " f.article = a.id)");
			break;
		}
		buf_adds(b, "EXISTS (SELECT 1 FROM mentions m JOIN entities e"
			    " ON e.id = m.entity WHERE m.article = a.id AND"
			    " e.category = ?)");
		bind_later(w, xstrdup(category_name(q->cat)));
		break;
	case AQ_SOURCE:
		buf_adds(b, "coalesce(a.source, '') LIKE ? ESCAPE '\\'");
		bind_later(w, archive_like(q->value, 1, 1));
		break;
	case AQ_DATE:
		buf_adds(b, "(a.date IS NOT NULL");
		if (q->value[0]) {
			buf_adds(b, " AND substr(a.date, 1, ?) >= ?");
			bind_later(w, xasprintf("%zu", strlen(q->value)));
			bind_later(w, xstrdup(q->value));
		}
		if (q->value2[0]) {
			buf_adds(b, " AND substr(a.date, 1, ?) <= ?");
			bind_later(w, xasprintf("%zu", strlen(q->value2)));
			bind_later(w, xstrdup(q->value2));
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

/* The words and phrases not under a NOT, joined with OR: what ranks
 * the hits and what the snippets show. */
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

int sq_search(void *h, const struct aq *q, size_t limit,
	      struct archive_hits *out, struct err *e)
{
	struct sq *s = h;
	struct where w = {{0}, NULL, 0, 0};
	struct buf terms = {0}, sql = {0};
	sqlite3_stmt *st;
	size_t i, cap = 0;
	int rc, p = 1;

	where_of(&w, q);
	rank_terms(q, &terms);
	/* The hits are chosen and ordered first, their snippets made after
	 * for those kept only: a snippet of every match before the LIMIT
	 * made a common word twenty times slower. */
	if (terms.len)
		buf_adds(&sql, "SELECT x.file, x.content_id, x.title, x.date,"
			       " x.source, -x.score, (SELECT snippet(fts, 1,"
			       " '[', ']', '...', 12) FROM fts WHERE fts MATCH"
			       " ?1 AND rowid = x.id) FROM (SELECT a.id, a.file,"
			       " a.content_id, a.title, a.date, a.source,"
			       " r.score FROM articles a JOIN files f ON f.id ="
			       " a.file_id LEFT JOIN (SELECT rowid AS rid,"
			       " bm25(fts, 2.0, 1.0) AS score FROM fts WHERE"
			       " fts MATCH ?1) r ON r.rid = a.id");
	else
		buf_adds(&sql, "SELECT x.file, x.content_id, x.title, x.date,"
			       " x.source, 0, (SELECT substr(body, 1, 80) FROM"
			       " fts WHERE rowid = x.id) FROM (SELECT a.id,"
			       " a.file, a.content_id, a.title, a.date,"
			       " a.source, NULL AS score FROM articles a JOIN"
			       " files f ON f.id = a.file_id");
	buf_printf(&sql, " WHERE f.removed = 0 AND (%s) ORDER BY %s a.date"
			 " DESC, a.file LIMIT ?) x ORDER BY %s x.date DESC,"
			 " x.file", w.sql.data,
		   terms.len ? "r.score IS NULL, r.score," : "",
		   terms.len ? "x.score IS NULL, x.score," : "");
	st = sq_prepare(s, sql.data, e);
	buf_free(&sql);
	if (st == NULL)
		goto out;
	if (terms.len)
		sq_bind_text(st, p++, terms.data);
	for (i = 0; i < w.n; i++)
		sq_bind_text(st, p++, w.vals[i]);
	sqlite3_bind_int64(st, p, limit > (size_t)1 << 40 ? (long long)1 << 40
							 : (long long)limit);
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
		sq_fail(s, rc, e);
		goto out;
	}
	buf_free(&terms);
	where_free(&w);
	return 0;
out:
	buf_free(&terms);
	where_free(&w);
	return -1;
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
