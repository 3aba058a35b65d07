/* pg_read: searching the PostgreSQL archive and the report on one
 * entity.  A query tree (query.h) becomes one WHERE clause of $N
 * parameters; every value is bound, never pasted into the SQL.  Each
 * word or phrase becomes phraseto_tsquery('simple', $N), which reads
 * its text as words only (no tsquery operators), matched against the
 * GIN-indexed tsvector; ts_rank orders the hits and ts_headline makes
 * the snippets. */
#include "pg_priv.h"

#include <stdlib.h>
#include <string.h>

/* The SQL being built and the values to bind, in order ($1 first). */
struct where {
	struct buf sql;
	char **vals;
	size_t n, cap;
};

/* Bind v (taken) as the next parameter and write its $N. */
static void param(struct where *w, char *v)
{
	w->vals = xgrow(w->vals, &w->cap, w->n + 1, sizeof *w->vals);
	w->vals[w->n++] = v;
	buf_printf(&w->sql, "$%zu", w->n);
}

static void where_of(struct where *w, const struct aq *q)
{
	struct buf *b = &w->sql;

	switch (q->kind) {
	case AQ_TEXT:
		buf_adds(b, "a.tsv @@ phraseto_tsquery('simple', ");
		param(w, xstrdup(q->value));
		buf_addc(b, ')');
		break;
	case AQ_ENTITY:
		/* the entities' ids first, then mentions(entity, article) */
		buf_adds(b, "EXISTS (SELECT 1 FROM mentions m WHERE m.article"
			    " = a.id AND m.entity IN (SELECT e.id FROM entities"
			    " e WHERE (lower(e.name) = lower(");
		param(w, xstrdup(q->value));
		buf_adds(b, ") OR e.name ILIKE ");
		param(w, archive_like(q->value, 0, 1));
		buf_adds(b, " ESCAPE '\\')");
		if (q->cat != CAT_COUNT) {
			buf_adds(b, " AND e.category = ");
			param(w, xstrdup(category_name(q->cat)));
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
			    " e WHERE e.category = ");
		param(w, xstrdup(category_name(q->cat)));
		buf_adds(b, "))");
		break;
	case AQ_SOURCE:
		buf_adds(b, "coalesce(a.source, '') ILIKE ");
		param(w, archive_like(q->value, 1, 1));
		buf_adds(b, " ESCAPE '\\'");
		break;
	case AQ_DATE:
		/* compared as bytes, as SQLite does */
		buf_adds(b, "(a.date IS NOT NULL");
		if (q->value[0]) {
			buf_adds(b, " AND substr(a.date, 1, length(");
			param(w, xstrdup(q->value));
			buf_printf(b, ")) COLLATE \"C\" >= $%zu", w->n);
		}
		if (q->value2[0]) {
			buf_adds(b, " AND substr(a.date, 1, length(");
			param(w, xstrdup(q->value2));
			buf_printf(b, ")) COLLATE \"C\" <= $%zu", w->n);
		}
		buf_addc(b, ')');
		break;
	case AQ_TAG:
		buf_adds(b, "EXISTS (SELECT 1 FROM note_anchors n JOIN"
			    " note_tags t ON t.note = n.note WHERE"
			    " (n.article = a.content_id OR n.file = a.file) AND"
			    " lower(t.tag) = lower(");
		param(w, xstrdup(q->value));
		buf_adds(b, "))");
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

/* The words and phrases not under a NOT, joined with || (or): what
 * ranks the hits and what the snippets show.  0 when there are none. */
static int rank_terms(struct where *w, const struct aq *q, struct buf *b,
		      int n)
{
	if (q->kind == AQ_NOT)
		return n;
	if (q->kind == AQ_TEXT) {
		w->vals = xgrow(w->vals, &w->cap, w->n + 1, sizeof *w->vals);
		w->vals[w->n++] = xstrdup(q->value);
		buf_printf(b, "%sphraseto_tsquery('simple', $%zu)",
			   n ? " || " : "", w->n);
		n++;
	}
	if (q->left)
		n = rank_terms(w, q->left, b, n);
	if (q->right)
		n = rank_terms(w, q->right, b, n);
	return n;
}

static void where_free(struct where *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->vals[i]);
	free(w->vals);
	buf_free(&w->sql);
}

int pg_search(void *h, const struct aq *q, size_t limit,
	      struct archive_hits *out, struct err *e)
{
	struct pg *p = h;
	struct where w = {{0}, NULL, 0, 0};
	struct buf terms = {0}, sql = {0};
	PGresult *r;
	int i, n;

	where_of(&w, q);
	n = rank_terms(&w, q, &terms, 0);
	buf_adds(&sql, "SELECT a.file, a.content_id, a.title, a.date,"
		       " a.source, ");
	if (n)
		buf_printf(&sql, "s.score, CASE WHEN s.score IS NOT NULL THEN"
				 " ts_headline('simple', a.body, rq.q, 'StartSel=[,"
				 " StopSel=], MaxWords=14, MinWords=6, ShortWord=1,"
				 " MaxFragments=1, FragmentDelimiter=...') END FROM"
				 " articles a"
				 " CROSS JOIN (SELECT %s AS q) rq CROSS JOIN LATERAL"
				 " (SELECT CASE WHEN a.tsv @@ rq.q THEN"
				 " ts_rank(a.tsv, rq.q, 1) END AS score) s",
			   terms.data);
	else
		buf_adds(&sql, "0 AS score, substr(a.body, 1, 80) FROM articles"
			       " a");
	/* the removed files' few ids from their partial index
	 * (files_removed), as on SQLite */
	buf_printf(&sql, " WHERE a.file_id NOT IN (SELECT id FROM files WHERE"
			 " removed <> 0) AND (%s) ORDER BY %s a.date"
			 " COLLATE \"C\" DESC NULLS LAST, a.file COLLATE \"C\""
			 " LIMIT %zu", w.sql.data,
		   n ? "s.score IS NULL, s.score DESC," : "",
		   limit > (size_t)1 << 40 ? (size_t)1 << 40 : limit);
	r = pg_run(p, sql.data, (int)w.n, (const char *const *)w.vals, e);
	buf_free(&sql);
	buf_free(&terms);
	where_free(&w);
	if (r == NULL)
		return -1;
	out->n = (size_t)PQntuples(r);
	out->v = xcalloc(out->n ? out->n : 1, sizeof *out->v);
	for (i = 0; i < PQntuples(r); i++) {
		struct archive_hit *x = &out->v[i];

		x->file = pg_value(r, i, 0);
		x->id = pg_value(r, i, 1);
		x->title = pg_value(r, i, 2);
		x->date = pg_value(r, i, 3);
		x->source = pg_value(r, i, 4);
		x->score = PQgetisnull(r, i, 5) ? 0
						: strtod(PQgetvalue(r, i, 5), NULL);
		x->snippet = pg_value(r, i, 6);
		archive_one_line(x->snippet);
	}
	PQclear(r);
	return 0;
}

/* Rows of (key, n[, extra]) from sql with the entity id bound as $1. */
static int counts(struct pg *p, const char *sql, const char *id,
		  struct archive_count **v, size_t *n, struct err *e)
{
	const char *arg[1] = {id};
	PGresult *r = pg_run(p, sql, 1, arg, e);
	int i;

	if (r == NULL)
		return -1;
	*n = (size_t)PQntuples(r);
	*v = xcalloc(*n ? *n : 1, sizeof **v);
	for (i = 0; i < PQntuples(r); i++) {
		struct archive_count *c = &(*v)[i];

		c->key = pg_value(r, i, 0);
		if (c->key == NULL)
			c->key = xstrdup("");
		c->n = strtoll(PQgetvalue(r, i, 1), NULL, 10);
		c->extra = PQnfields(r) > 2 ? pg_value(r, i, 2) : NULL;
	}
	PQclear(r);
	return 0;
}

static int figures(struct pg *p, const char *id,
		   struct archive_entity_report *rep, struct err *e)
{
	const char *arg[1] = {id};
	PGresult *r = pg_run(
		p, "SELECT a.date, f.value, f.counts, f.text, a.file FROM"
		   " figures f JOIN articles a ON a.id = f.article JOIN files"
		   " fl ON fl.id = a.file_id WHERE fl.removed = 0 AND f.kind"
		   " NOT IN ('year', 'date', 'time', 'ordinal') AND EXISTS"
		   " (SELECT 1 FROM mentions m WHERE m.entity = $1 AND"
		   " m.article = f.article AND m.sentence = f.sentence)"
		   " ORDER BY a.date IS NULL, a.date COLLATE \"C\", a.file"
		   " COLLATE \"C\", f.first LIMIT 200", 1, arg, e);
	int i;

	if (r == NULL)
		return -1;
	rep->nfigures = (size_t)PQntuples(r);
	rep->figures = xcalloc(rep->nfigures ? rep->nfigures : 1,
			       sizeof *rep->figures);
	for (i = 0; i < PQntuples(r); i++) {
		struct archive_figure *f = &rep->figures[i];

		f->date = pg_value(r, i, 0);
		f->value = pg_value(r, i, 1);
		f->counts = pg_value(r, i, 2);
		f->text = pg_value(r, i, 3);
		f->file = pg_value(r, i, 4);
	}
	PQclear(r);
	return 0;
}

/* The entity called name: 1 with its id in id, 0 when none, -1 on
 * error. */
static int find_entity(struct pg *p, const char *name,
		       struct archive_entity_report *rep, char id[24],
		       struct err *e)
{
	char *pat = archive_like(name, 0, 1);
	const char *arg[2] = {name, pat};
	PGresult *r = pg_run(
		p, "SELECT e.id, e.name, e.category FROM entities e JOIN"
		   " mentions m ON m.entity = e.id WHERE lower(e.name) ="
		   " lower($1) OR e.name ILIKE $2 ESCAPE '\\' GROUP BY e.id"
		   " ORDER BY lower(e.name) = lower($1) DESC, count(*) DESC"
		   " LIMIT 1", 2, arg, e);
	int found;

	free(pat);
	if (r == NULL)
		return -1;
	found = PQntuples(r) > 0;
	if (found) {
		snprintf(id, 24, "%s", PQgetvalue(r, 0, 0));
		rep->name = pg_value(r, 0, 1);
		rep->category = pg_value(r, 0, 2);
	}
	PQclear(r);
	return found;
}

#define LIVE " JOIN articles a ON a.id = m.article JOIN files fl ON" \
	     " fl.id = a.file_id WHERE fl.removed = 0 AND m.entity = $1"

int pg_entity(void *h, const char *name, struct archive_entity_report *r,
	      struct err *e)
{
	struct pg *p = h;
	char id[24];
	int rc = find_entity(p, name, r, id, e);
	struct archive_count *tot = NULL;
	size_t ntot = 0;

	if (rc <= 0)
		return rc;
	if (counts(p, "SELECT count(DISTINCT m.article), count(*) FROM"
		      " mentions m" LIVE, id, &tot, &ntot, e) != 0 ||
	    counts(p, "SELECT k, n FROM (SELECT coalesce(substr(a.date, 1, 7),"
		      " 'no date') AS k, count(*) AS n FROM mentions m" LIVE
		      " GROUP BY 1) x ORDER BY k = 'no date', k COLLATE \"C\"",
		   id, &r->months, &r->nmonths, e) != 0 ||
	    counts(p, "SELECT k, n FROM (SELECT coalesce(a.source, 'no"
		      " source') AS k, count(*) AS n FROM mentions m" LIVE
		      " GROUP BY 1) x ORDER BY n DESC, k COLLATE \"C\"",
		   id, &r->sources, &r->nsources, e) != 0 ||
	    counts(p, "SELECT e2.name, count(DISTINCT (m.article,"
		      " m.sentence)), e2.category FROM mentions m JOIN mentions"
		      " m2 ON m2.article = m.article AND m2.sentence ="
		      " m.sentence AND m2.entity <> m.entity JOIN entities e2"
		      " ON e2.id = m2.entity" LIVE " GROUP BY e2.id ORDER"
		      " BY 2 DESC, e2.name COLLATE \"C\" LIMIT 10", id,
		   &r->cooccur, &r->ncooccur, e) != 0 ||
	    figures(p, id, r, e) != 0) {
		if (tot)
			free(tot[0].key);
		free(tot);
		archive_entity_report_free(r);
		return -1;
	}
	r->articles = ntot ? strtoll(tot[0].key, NULL, 10) : 0;
	r->mentions = ntot ? tot[0].n : 0;
	if (ntot)
		free(tot[0].key);
	free(tot);
	return 1;
}
