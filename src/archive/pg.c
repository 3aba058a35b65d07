/* pg: the archive in a PostgreSQL database, shared by a team -- a
 * schema version kept in a table with migrations applied in order, a
 * marker table so that a foreign database is refused, a tsvector column
 * with a GIN index for the text.  Writers take one advisory lock for
 * their transaction, so that two --add wait for each other as they do
 * on SQLite.  Searching and the entity report are in pg_read.c. */
#include "pg_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "BrIf": the advisory lock writers and migrations take. */
#define BRIEF_LOCK "1114793318"

/* The migrations, in order: migrations[v - 1] brings version v - 1 to
 * v.  Never change one that has shipped; add the next.  The text
 * configuration is 'simple' (lower case, no stemming), as SQLite's
 * unicode61 tokenizer reads words. */
static const char *const migrations[ARCHIVE_SCHEMA] = {
	/* 1: the tables */
	"CREATE TABLE brief_archive(application TEXT NOT NULL);"
	"INSERT INTO brief_archive VALUES('brief');"
	"CREATE TABLE schema_version(version INTEGER PRIMARY KEY,"
	" applied TIMESTAMPTZ NOT NULL DEFAULT now());"
	"CREATE TABLE files(id BIGSERIAL PRIMARY KEY, path TEXT NOT NULL"
	" UNIQUE, size BIGINT NOT NULL, mtime BIGINT NOT NULL, hash TEXT NOT"
	" NULL, removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE articles(id BIGSERIAL PRIMARY KEY,"
	" file_id BIGINT NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
	" content_id TEXT NOT NULL, file TEXT NOT NULL UNIQUE,"
	" format TEXT NOT NULL, title TEXT NOT NULL, date TEXT, source TEXT,"
	" url TEXT, size BIGINT NOT NULL, mtime BIGINT NOT NULL,"
	" body TEXT NOT NULL, tsv tsvector GENERATED ALWAYS AS"
	" (setweight(to_tsvector('simple', title), 'A') ||"
	" setweight(to_tsvector('simple', body), 'B')) STORED);"
	"CREATE INDEX articles_file ON articles(file_id);"
	"CREATE INDEX articles_content ON articles(content_id);"
	"CREATE INDEX articles_date ON articles(date);"
	"CREATE INDEX articles_tsv ON articles USING gin(tsv);"
	"CREATE TABLE sections(article BIGINT NOT NULL REFERENCES"
	" articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL, kind TEXT NOT"
	" NULL, first BIGINT NOT NULL, last BIGINT NOT NULL,"
	" PRIMARY KEY(article, idx));"
	"CREATE TABLE entities(id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL,"
	" category TEXT NOT NULL, kind TEXT, UNIQUE(name, category));"
	"CREATE INDEX entities_name ON entities(lower(name));"
	"CREATE TABLE mentions(article BIGINT NOT NULL REFERENCES"
	" articles(id) ON DELETE CASCADE, entity BIGINT NOT NULL REFERENCES"
	" entities(id), section BIGINT NOT NULL, sentence BIGINT NOT NULL,"
	" first BIGINT NOT NULL, last BIGINT NOT NULL);"
	"CREATE INDEX mentions_entity ON mentions(entity, article);"
	"CREATE INDEX mentions_sentence ON mentions(article, sentence);"
	"CREATE TABLE figures(article BIGINT NOT NULL REFERENCES articles(id)"
	" ON DELETE CASCADE, section BIGINT NOT NULL, sentence BIGINT NOT"
	" NULL, first BIGINT NOT NULL, last BIGINT NOT NULL, kind TEXT NOT"
	" NULL, lo DOUBLE PRECISION, hi DOUBLE PRECISION, value TEXT NOT NULL,"
	" counts TEXT, text TEXT NOT NULL);"
	"CREATE INDEX figures_sentence ON figures(article, sentence);"
	"CREATE TABLE note_anchors(note TEXT NOT NULL, article TEXT,"
	" file TEXT, quote TEXT, position BIGINT);"
	"CREATE INDEX note_anchors_article ON note_anchors(article);"
	"CREATE TABLE note_tags(note TEXT NOT NULL, tag TEXT NOT NULL,"
	" PRIMARY KEY(note, tag));",
	/* 2: sources are filtered on */
	"CREATE INDEX articles_source ON articles(lower(source));",
	/* 3: the removed files, few, found without reading them all */
	"CREATE INDEX files_removed ON files(id) WHERE removed <> 0;",
	/* 4: SQLite's source inside its text index; nothing here (the
	 * planner joins the tsvector's GIN index and the source's index
	 * itself), the version kept the same on both backends */
	"SELECT 1;",
};

/* The first line of s, without its trailing blanks, in out. */
static void first_line(const char *s, char *out, size_t n)
{
	size_t len = strcspn(s, "\n");

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	snprintf(out, n, "%.*s", (int)len, s);
}

int pg_fail(struct pg *p, const PGresult *r, struct err *e)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)
			    : NULL;
	char why[512];

	first_line(msg ? msg : PQerrorMessage(p->db), why, sizeof why);
	if (state == NULL)
		state = "";
	if (strncmp(state, "53", 2) == 0)
		err_set(e, "%s: cannot write the archive (%s: disk full?); it "
			   "is left as it was", p->name, why);
	else if (strcmp(state, "42501") == 0 || strcmp(state, "25006") == 0)
		err_set(e, "%s: cannot write the archive (%s); it is left as "
			   "it was", p->name, why);
	else if (strcmp(state, "55P03") == 0 || strcmp(state, "40P01") == 0)
		err_set(e, "%s: the archive is busy (another brief is "
			   "writing it)", p->name);
	else if (strncmp(state, "08", 2) == 0 || *state == '\0')
		err_set(e, "%s: cannot reach the archive (%s)", p->name, why);
	else
		err_set(e, "%s: archive error: %s", p->name, why);
	return -1;
}

PGresult *pg_run(struct pg *p, const char *sql, int n,
		 const char *const *v, struct err *e)
{
	PGresult *r = PQexecParams(p->db, sql, n, NULL, v, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(r);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		pg_fail(p, r, e);
		PQclear(r);
		return NULL;
	}
	return r;
}

char *pg_value(const PGresult *r, int i, int j)
{
	return PQgetisnull(r, i, j) ? NULL : xstrdup(PQgetvalue(r, i, j));
}

/* Run sql (no parameters; it may hold several statements). */
static int exec(struct pg *p, const char *sql, struct err *e)
{
	PGresult *r = PQexec(p->db, sql);
	ExecStatusType st = PQresultStatus(r);
	int rc = 0;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		rc = pg_fail(p, r, e);
	PQclear(r);
	return rc;
}

/* Run sql with parameters for no rows. */
static int run(struct pg *p, const char *sql, int n, const char *const *v,
	       struct err *e)
{
	PGresult *r = pg_run(p, sql, n, v, e);

	PQclear(r);
	return r ? 0 : -1;
}

/* One integer from sql, or -1 with e set (-2: no row or NULL). */
static long long one_int(struct pg *p, const char *sql, struct err *e)
{
	PGresult *r = pg_run(p, sql, 0, NULL, e);
	long long v;

	if (r == NULL)
		return -1;
	v = PQntuples(r) < 1 || PQgetisnull(r, 0, 0)
		    ? -2
		    : strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return v;
}

/* Notices (an index that exists, a query of no words) are not ours to
 * print. */
static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* The URI as messages show it: without a password. */
static char *shown(const char *uri)
{
	const char *auth = strstr(uri, "://");
	const char *end, *at, *colon;

	if (auth == NULL)
		return xstrdup(uri);
	auth += 3;
	end = auth + strcspn(auth, "/?");
	at = memchr(auth, '@', (size_t)(end - auth));
	colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon == NULL)
		return xstrdup(uri);
	return xasprintf("%.*s%s", (int)(colon - uri), uri, at);
}

static void pg_close(void *h)
{
	struct pg *p = h;

	if (p == NULL)
		return;
	PQfinish(p->db);
	free(p->name);
	free(p);
}

/* The schema version of the archive: 0 for an empty database, -1 with
 * e set for an error, -3 with e set for a foreign one. */
static long long version(struct pg *p, struct err *e)
{
	long long mine, rels;

	/* pg_class read with the statement's snapshot (to_regclass may
	 * answer from an older one while another brief makes the tables) */
	mine = one_int(p, "SELECT count(*) FROM pg_class c JOIN pg_namespace"
			  " n ON n.oid = c.relnamespace WHERE n.nspname ="
			  " current_schema() AND c.relname IN ('brief_archive',"
			  " 'schema_version') AND c.relkind = 'r'", e);
	if (mine < 0)
		return -1;
	if (mine < 2) {
		rels = one_int(p, "SELECT count(*) FROM pg_class c JOIN"
				  " pg_namespace n ON n.oid = c.relnamespace"
				  " WHERE n.nspname = current_schema()", e);
		if (rels < 0)
			return -1;
		if (rels == 0 && mine == 0)
			return 0;
		err_set(e, "%s: not a brief archive", p->name);
		return -3;
	}
	if (one_int(p, "SELECT count(*) FROM brief_archive WHERE"
		       " application = 'brief'", e) != 1) {
		err_set(e, "%s: not a brief archive", p->name);
		return -3;
	}
	mine = one_int(p, "SELECT max(version) FROM schema_version", e);
	if (mine < 1) {
		err_set(e, "%s: not a brief archive", p->name);
		return -3;
	}
	return mine;
}

/* Bring the schema to target, each step in the transaction that also
 * records it; another brief doing the same waits on the lock. */
static int migrate(struct pg *p, int target, struct err *e)
{
	long long v;
	char num[24];
	const char *arg[1] = {num};

	if (exec(p, "BEGIN; SELECT pg_advisory_xact_lock(" BRIEF_LOCK ")",
		 e) != 0)
		return -1;
	v = version(p, e);
	if (v < 0)
		goto fail;
	for (; v < target; v++) {
		snprintf(num, sizeof num, "%lld", v + 1);
		if (exec(p, migrations[v], e) != 0 ||
		    run(p, "INSERT INTO schema_version(version) VALUES($1)", 1,
			arg, e) != 0)
			goto fail;
	}
	if (exec(p, "COMMIT", e) != 0)
		goto fail;
	return 0;
fail:
	PQclear(PQexec(p->db, "ROLLBACK"));
	return -1;
}

/* Open uri; target: the schema version to bring it to.  A database
 * that is not brief's is refused before anything is written to it. */
static struct pg *pg_open_at(const char *uri, int create, int target,
			     struct err *e)
{
	struct pg *p = xcalloc(1, sizeof *p);
	long long v;

	p->name = shown(uri);
	if (pg_lib_load(p->name, e) != 0) {
		free(p->name);
		free(p);
		return NULL;
	}
	p->db = PQconnectdb(uri);
	if (p->db == NULL || PQstatus(p->db) != CONNECTION_OK) {
		char why[512];

		first_line(p->db ? PQerrorMessage(p->db) : "out of memory",
			   why, sizeof why);
		err_set(e, "%s: cannot reach the archive (%s)", p->name, why);
		goto fail;
	}
	PQsetNoticeProcessor(p->db, quiet, NULL);
	if (exec(p, "SET client_min_messages = warning;"
		    " SET lock_timeout = '60s'", e) != 0)
		goto fail;
	v = version(p, e);
	if (v == -3) {
		/* another brief may have been making it: look again once its
		 * transaction is over */
		if (exec(p, "BEGIN; SELECT pg_advisory_xact_lock(" BRIEF_LOCK
			    ")", e) != 0)
			goto fail;
		v = version(p, e);
		PQclear(PQexec(p->db, v < 0 ? "ROLLBACK" : "COMMIT"));
	}
	if (v < 0)
		goto fail;
	if (v > ARCHIVE_SCHEMA) {
		err_set(e, "%s: an archive of a newer brief (schema %lld; this "
			   "one reads up to %d)", p->name, v, ARCHIVE_SCHEMA);
		goto fail;
	}
	if (v == 0 && !create) {
		err_set(e, "%s: an empty archive (brief --add FILE|DIR fills "
			   "it)", p->name);
		goto fail;
	}
	if (v < target && migrate(p, target, e) != 0)
		goto fail;
	return p;
fail:
	pg_close(p);
	return NULL;
}

static void *pg_open(const char *uri, int create, struct err *e)
{
	return pg_open_at(uri, create, ARCHIVE_SCHEMA, e);
}

int archive_pg_create_at(const char *uri, int version_, struct err *e)
{
	struct pg *p;

	if (version_ < 1 || version_ > ARCHIVE_SCHEMA) {
		err_set(e, "%s: no schema version %d", uri, version_);
		return -1;
	}
	p = pg_open_at(uri, 1, version_, e);
	pg_close(p);
	return p ? 0 : -1;
}

static int pg_begin(void *h, struct err *e)
{
	struct pg *p = h;

	if (exec(p, "BEGIN; SELECT pg_advisory_xact_lock(" BRIEF_LOCK ")",
		 e) == 0)
		return 0;
	PQclear(PQexec(p->db, "ROLLBACK"));
	return -1;
}

static int pg_commit(void *h, struct err *e)
{
	struct pg *p = h;

	if (exec(p, "COMMIT", e) == 0)
		return 0;
	PQclear(PQexec(p->db, "ROLLBACK"));
	return -1;
}

static void pg_rollback(void *h)
{
	struct pg *p = h;

	PQclear(PQexec(p->db, "ROLLBACK"));
}

static int pg_file_get(void *h, const char *path, struct archive_file *f,
		       struct err *e)
{
	struct pg *p = h;
	const char *arg[1] = {path};
	PGresult *r = pg_run(p, "SELECT size, mtime, hash FROM files WHERE"
				" path = $1", 1, arg, e);
	int found;

	if (r == NULL)
		return -1;
	found = PQntuples(r) > 0;
	if (found) {
		f->path = path;
		f->size = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		f->mtime = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
		snprintf(f->hash, sizeof f->hash, "%s", PQgetvalue(r, 0, 2));
	}
	PQclear(r);
	return found;
}

static int pg_file_put(void *h, const struct archive_file *f, int replace,
		       struct err *e)
{
	struct pg *p = h;
	char size[24], mtime[24];
	const char *arg[4] = {f->path, size, mtime, f->hash};

	if (replace && run(p, "DELETE FROM articles WHERE file_id = (SELECT"
			      " id FROM files WHERE path = $1)", 1, arg, e) != 0)
		return -1;
	snprintf(size, sizeof size, "%lld", f->size);
	snprintf(mtime, sizeof mtime, "%lld", f->mtime);
	return run(p, "INSERT INTO files(path, size, mtime, hash) VALUES($1,"
		      " $2, $3, $4) ON CONFLICT(path) DO UPDATE SET size = $2,"
		      " mtime = $3, hash = $4, removed = 0", 4, arg, e);
}

/* The id of the entity of m (added when new), in id; -1 on error. */
static int entity_id(struct pg *p, const struct archive_mention *m,
		     char id[24], struct err *e)
{
	const char *arg[3] = {m->entity, category_name(m->cat), m->kind};
	PGresult *r = pg_run(
		p, "INSERT INTO entities(name, category, kind) VALUES($1, $2,"
		   " $3) ON CONFLICT(name, category) DO UPDATE SET kind ="
		   " coalesce($3, entities.kind) RETURNING id", 3, arg, e);

	if (r == NULL)
		return -1;
	snprintf(id, 24, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

/* Numbers as the text parameters PostgreSQL reads. */
struct nums {
	char v[8][32];
};

static const char *num(struct nums *n, int i, long long x)
{
	snprintf(n->v[i], sizeof n->v[i], "%lld", x);
	return n->v[i];
}

static const char *real(struct nums *n, int i, double x)
{
	snprintf(n->v[i], sizeof n->v[i], "%.17g", x);
	return n->v[i];
}

static int put_mention(struct pg *p, const char *art, const char *text,
		       const struct archive_mention *m, struct err *e)
{
	struct nums n;
	char id[24];
	char *counts, *said;
	int rc;

	if (m->fig_kind == NULL) {
		const char *arg[6];

		if (entity_id(p, m, id, e) != 0)
			return -1;
		arg[0] = art;
		arg[1] = id;
		arg[2] = num(&n, 0, m->section);
		arg[3] = num(&n, 1, m->sentence);
		arg[4] = num(&n, 2, (long long)m->start);
		arg[5] = num(&n, 3, (long long)m->end);
		return run(p, "INSERT INTO mentions VALUES($1, $2, $3, $4, $5,"
			      " $6)", 6, arg, e);
	}
	counts = m->counts_end > m->counts_start
			 ? xstrndup(text + m->counts_start,
				    m->counts_end - m->counts_start)
			 : NULL;
	said = xstrndup(text + m->start, m->end - m->start);
	{
		const char *arg[11] = {
			art,
			num(&n, 0, m->section),
			num(&n, 1, m->sentence),
			num(&n, 2, (long long)m->start),
			num(&n, 3, (long long)m->end),
			m->fig_kind,
			real(&n, 4, m->lo),
			real(&n, 5, m->hi),
			m->value,
			counts,
			said,
		};

		rc = run(p, "INSERT INTO figures VALUES($1, $2, $3, $4, $5, $6,"
			    " $7, $8, $9, $10, $11)", 11, arg, e);
	}
	free(counts);
	free(said);
	return rc;
}

static int put_sections(struct pg *p, const char *art,
			const struct article *a, struct err *e)
{
	size_t i;

	for (i = 0; i < a->nsections; i++) {
		const struct section *sec = &a->sections[i];
		struct nums n;
		const char *arg[5] = {art, num(&n, 0, (long long)i),
				      section_kind_name(sec->kind),
				      num(&n, 1, (long long)sec->start),
				      num(&n, 2, (long long)sec->end)};

		if (run(p, "INSERT INTO sections VALUES($1, $2, $3, $4, $5)", 5,
			arg, e) != 0)
			return -1;
	}
	return 0;
}

static int pg_article_put(void *h, const struct archive_file *f,
			  const struct archive_doc *d, struct err *e)
{
	struct pg *p = h;
	const struct article *a = d->a;
	char *body = archive_story(a);
	struct nums n;
	const char *arg[10] = {f->path,  article_id(a), d->file,
			       a->format, a->title,     a->date,
			       a->source, a->url,       num(&n, 0, (long long)a->len),
			       body};
	PGresult *r = pg_run(
		p, "INSERT INTO articles(file_id, content_id, file, format,"
		   " title, date, source, url, size, mtime, body) SELECT id, $2,"
		   " $3, $4, $5, $6, $7, $8, $9, mtime, $10 FROM files WHERE"
		   " path = $1 RETURNING id", 10, arg, e);
	char art[24];
	size_t i;

	free(body);
	if (r == NULL)
		return -1;
	snprintf(art, sizeof art, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	if (put_sections(p, art, a, e) != 0)
		return -1;
	for (i = 0; i < d->nmentions; i++)
		if (put_mention(p, art, a->text, &d->mentions[i], e) != 0)
			return -1;
	return 0;
}

static int pg_mark_removed(void *h, const char *dir, char *const *seen,
			   size_t nseen, size_t *n, struct err *e)
{
	struct pg *p = h;
	const char *arg[1] = {dir};
	PGresult *r;
	size_t i;

	if (exec(p, "CREATE TEMP TABLE IF NOT EXISTS seen(path TEXT PRIMARY"
		    " KEY); DELETE FROM seen", e) != 0)
		return -1;
	for (i = 0; i < nseen; i++) {
		const char *one[1] = {seen[i]};

		if (run(p, "INSERT INTO seen VALUES($1) ON CONFLICT DO NOTHING",
			1, one, e) != 0)
			return -1;
	}
	/* a prefix compared as text: no LIKE wildcards in file names */
	r = pg_run(p, "UPDATE files SET removed = 1 WHERE removed = 0 AND"
		      " left(path, length($1) + 1) = $1 || '/' AND path NOT IN"
		      " (SELECT path FROM seen)", 1, arg, e);
	if (r == NULL)
		return -1;
	*n = (size_t)strtoull(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	return 0;
}

static int pg_notes_put(void *h, const struct archive_note *v, size_t n,
			struct err *e)
{
	struct pg *p = h;
	size_t i, j;

	if (exec(p, "DELETE FROM note_anchors; DELETE FROM note_tags", e) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct nums num_;
		const char *an[5] = {v[i].id, v[i].article, v[i].file,
				     v[i].quote,
				     num(&num_, 0, (long long)v[i].position)};

		if (run(p, "INSERT INTO note_anchors VALUES($1, $2, $3, $4, $5)",
			5, an, e) != 0)
			return -1;
		for (j = 0; j < v[i].ntags; j++) {
			const char *tg[2] = {v[i].id, v[i].tags[j]};

			if (run(p, "INSERT INTO note_tags VALUES($1, $2) ON"
				   " CONFLICT DO NOTHING", 2, tg, e) != 0)
				return -1;
		}
	}
	return 0;
}

const struct archive_ops archive_pg_ops = {
	"postgresql",   pg_open,         pg_close,     pg_begin,
	pg_commit,      pg_rollback,     pg_file_get,  pg_file_put,
	pg_article_put, pg_mark_removed, pg_notes_put, pg_search,
	pg_entity,
};
