/* sqlite: the archive in one SQLite file -- WAL, foreign keys, a schema
 * version kept in a table and in user_version, migrations applied in
 * order, application_id so that a foreign database is refused, FTS5
 * over the text.  Searching and the entity report are in
 * sqlite_read.c. */
#include "sqlite_priv.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* "BrIf": a database whose header says otherwise is not brief's. */
#define BRIEF_APP_ID 0x42724966

/* The migrations, in order: migrations[v - 1] brings version v - 1 to
 * v.  Never change one that has shipped; add the next. */
static const char *const migrations[ARCHIVE_SCHEMA] = {
	/* 1: the tables */
	"CREATE TABLE schema_version(version INTEGER PRIMARY KEY,"
	" applied TEXT NOT NULL);"
	"CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
	" size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT NOT NULL,"
	" removed INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE articles(id INTEGER PRIMARY KEY,"
	" file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
	" content_id TEXT NOT NULL, file TEXT NOT NULL UNIQUE,"
	" format TEXT NOT NULL, title TEXT NOT NULL, date TEXT, source TEXT,"
	" url TEXT, size INTEGER NOT NULL, mtime INTEGER NOT NULL);"
	"CREATE INDEX articles_file ON articles(file_id);"
	"CREATE INDEX articles_content ON articles(content_id);"
	"CREATE INDEX articles_date ON articles(date);"
	"CREATE TABLE sections(article INTEGER NOT NULL REFERENCES articles(id)"
	" ON DELETE CASCADE, idx INTEGER NOT NULL, kind TEXT NOT NULL,"
	" first INTEGER NOT NULL, last INTEGER NOT NULL,"
	" PRIMARY KEY(article, idx)) WITHOUT ROWID;"
	"CREATE TABLE entities(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	" category TEXT NOT NULL, kind TEXT, UNIQUE(name, category));"
	"CREATE INDEX entities_name ON entities(name COLLATE NOCASE);"
	"CREATE TABLE mentions(article INTEGER NOT NULL REFERENCES"
	" articles(id) ON DELETE CASCADE, entity INTEGER NOT NULL REFERENCES"
	" entities(id), section INTEGER NOT NULL, sentence INTEGER NOT NULL,"
	" first INTEGER NOT NULL, last INTEGER NOT NULL);"
	"CREATE INDEX mentions_entity ON mentions(entity, article);"
	"CREATE INDEX mentions_sentence ON mentions(article, sentence);"
	"CREATE TABLE figures(article INTEGER NOT NULL REFERENCES articles(id)"
	" ON DELETE CASCADE, section INTEGER NOT NULL, sentence INTEGER NOT"
	" NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, kind TEXT NOT"
	" NULL, lo REAL, hi REAL, value TEXT NOT NULL, counts TEXT,"
	" text TEXT NOT NULL);"
	"CREATE INDEX figures_sentence ON figures(article, sentence);"
	"CREATE TABLE note_anchors(note TEXT NOT NULL, article TEXT,"
	" file TEXT, quote TEXT, position INTEGER);"
	"CREATE INDEX note_anchors_article ON note_anchors(article);"
	"CREATE TABLE note_tags(note TEXT NOT NULL, tag TEXT NOT NULL,"
	" PRIMARY KEY(note, tag)) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE fts USING fts5(title, body,"
	" tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER articles_fts AFTER DELETE ON articles BEGIN"
	" DELETE FROM fts WHERE rowid = old.id; END;",
	/* 2: sources are filtered on */
	"CREATE INDEX articles_source ON articles(source COLLATE NOCASE);",
	/* 3: a search leaves out the removed files' articles by the ids of
	 * those few, not by a look-up in files for each article */
	"CREATE INDEX files_removed ON files(id) WHERE removed <> 0;",
	/* 4: the source inside the text index, so that `source:S word` is
	 * one FTS5 match and not a look-up of every article the word
	 * matches: each source once in sources, and a third column of fts,
	 * meta, holding its token ("s" and the source's id); the index is
	 * made anew from the old one (its text is kept there) */
	"CREATE TABLE sources(id INTEGER PRIMARY KEY, name TEXT NOT NULL"
	" UNIQUE);"
	"INSERT INTO sources(name) SELECT DISTINCT source FROM articles"
	" WHERE source IS NOT NULL ORDER BY source;"
	"DROP TRIGGER articles_fts;"
	"ALTER TABLE fts RENAME TO fts_old;"
	"CREATE VIRTUAL TABLE fts USING fts5(title, body, meta,"
	" tokenize='unicode61 remove_diacritics 2');"
	"INSERT INTO fts(rowid, title, body, meta) SELECT o.rowid, o.title,"
	" o.body, (SELECT 's' || s.id FROM sources s JOIN articles a ON"
	" a.source = s.name WHERE a.id = o.rowid) FROM fts_old o;"
	"DROP TABLE fts_old;"
	"CREATE TRIGGER articles_fts AFTER DELETE ON articles BEGIN"
	" DELETE FROM fts WHERE rowid = old.id; END;",
};

/* A file SQLite reads as a database whose pages are not whole. */
static int damaged(const struct sq *s, const char *why, struct err *e)
{
	err_set(e, "%s: the archive is damaged (%.200s); it is left as it was "
		   "(restore a copy, or move it away and --add again)",
		s->path, why);
	return -1;
}

int sq_fail(struct sq *s, int rc, struct err *e)
{
	const char *why = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		err_set(e, "%s: not a brief archive (%s)", s->path, why);
		break;
	case SQLITE_CORRUPT:
		return damaged(s, why, e);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		err_set(e, "%s: cannot write the archive (%s); it is left as "
			   "it was", s->path, why);
		break;
	case SQLITE_FULL:
	case SQLITE_IOERR:
		err_set(e, "%s: cannot write the archive (%s: disk full?); "
			   "it is left as it was", s->path, why);
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		err_set(e, "%s: the archive is busy (another brief is "
			   "writing it)", s->path);
		break;
	default:
		err_set(e, "%s: archive error: %s", s->path, why);
	}
	return -1;
}

sqlite3_stmt *sq_prepare(struct sq *s, const char *sql, struct err *e)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK) {
		sq_fail(s, rc, e);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

int sq_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

char *sq_column(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

static int exec(struct sq *s, const char *sql, struct err *e)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : sq_fail(s, rc, e);
}

/* One integer from sql, or -1 with e set. */
/* The first row of sql, stepped to: the statement (the caller
 * finalizes it), or NULL with e set. */
static sqlite3_stmt *first_row(struct sq *s, const char *sql, struct err *e)
{
	sqlite3_stmt *st = sq_prepare(s, sql, e);
	int rc;

	if (st == NULL)
		return NULL;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		sq_fail(s, rc, e);
		return NULL;
	}
	return st;
}

static long long pragma_int(struct sq *s, const char *sql, struct err *e)
{
	sqlite3_stmt *st = first_row(s, sql, e);
	long long v;

	if (st == NULL)
		return -1;
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A writer's check that every page of the archive reads back whole
 * (PRAGMA quick_check), so that a damaged file is refused before
 * anything is written to it.  0, or -1 with e set. */
static int intact(struct sq *s, struct err *e)
{
	sqlite3_stmt *st = first_row(s, "PRAGMA quick_check(1)", e);
	const unsigned char *v;

	if (st == NULL)
		return -1;
	v = sqlite3_column_text(st, 0);
	if (v == NULL || strcmp((const char *)v, "ok") != 0) {
		char *why = xstrdup(v ? (const char *)v : "?");

		archive_one_line(why);
		damaged(s, why, e);
		free(why);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Switch a new archive to WAL.  The switch needs the file to itself and
 * SQLite answers BUSY at once, without its busy handler, while another
 * brief is making the same new archive: try again for as long as the
 * busy timeout (60 s), then say it is busy. */
static int to_wal(struct sq *s, struct err *e)
{
	int tries;

	for (tries = 0; tries < 3000; tries++) {
		int rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL,
				      NULL, NULL);

		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			return sq_fail(s, rc, e);
		sqlite3_sleep(20);
	}
	return sq_fail(s, SQLITE_BUSY, e);
}

/* Bring the schema from its version to target, each step in the
 * transaction that also records it. */
static int migrate(struct sq *s, int target, struct err *e)
{
	long long v;
	char sql[256];

	if (exec(s, "BEGIN IMMEDIATE", e) != 0)
		return -1;
	/* read again under the lock: another brief may have done it */
	v = pragma_int(s, "PRAGMA user_version", e);
	if (v < 0)
		goto fail;
	for (; v < target; v++) {
		if (exec(s, migrations[v], e) != 0)
			goto fail;
		snprintf(sql, sizeof sql,
			 "INSERT INTO schema_version VALUES(%lld,"
			 " strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ','now'));"
			 "PRAGMA user_version = %lld;"
			 "PRAGMA application_id = %d;",
			 v + 1, v + 1, BRIEF_APP_ID);
		if (exec(s, sql, e) != 0)
			goto fail;
	}
	if (exec(s, "COMMIT", e) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static void sq_close(void *h)
{
	struct sq *s = h;

	if (s == NULL)
		return;
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

/* Open path as archive_open's create says; target: the schema version
 * to bring it to.  A file that is not brief's is refused before
 * anything is written to it. */
static struct sq *sq_open_at(const char *path, int create, int target,
			     struct err *e)
{
	struct sq *s = xcalloc(1, sizeof *s);
	struct stat sb;
	long long app, ver, tables;
	int rc, ro = create == ARCHIVE_READ;

	create = create == ARCHIVE_CREATE;

	s->path = xstrdup(path);
	if (stat(path, &sb) != 0) {
		if (!create) {
			err_set(e, "%s: no archive there (brief --add FILE|DIR "
				   "makes one)", path);
			goto fail;
		}
	} else if (!S_ISREG(sb.st_mode)) {
		err_set(e, "%s: not a brief archive (not a file)", path);
		goto fail;
	}
	/* a reader opens the file for writing too, when it may, and then
	 * writes nothing (query_only): so that, the last to close it, it
	 * removes the -wal and -shm files that reading in WAL mode makes,
	 * and leaves the folder as it found it; a read-only connection
	 * could not remove them.  A file it may not write is opened
	 * read-only all the same. */
	rc = sqlite3_open_v2(path, &s->db,
			     SQLITE_OPEN_READWRITE |
				     (create ? SQLITE_OPEN_CREATE : 0),
			     NULL);
	if (rc != SQLITE_OK) {
		sq_fail(s, rc, e);
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 60000);
	if (ro && exec(s, "PRAGMA query_only = 1", e) != 0)
		goto fail;
	/* the three in one read transaction: another brief making the same
	 * new archive must not be seen half-way (tables but no mark yet) */
	if (exec(s, "BEGIN", e) != 0)
		goto fail;
	app = pragma_int(s, "PRAGMA application_id", e);
	ver = app < 0 ? -1 : pragma_int(s, "PRAGMA user_version", e);
	tables = ver < 0 ? -1
			 : pragma_int(s, "SELECT count(*) FROM sqlite_master",
				      e);
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (tables < 0)
		goto fail;
	if (app != BRIEF_APP_ID && (app != 0 || ver != 0 || tables != 0)) {
		err_set(e, "%s: not a brief archive", path);
		goto fail;
	}
	if (ver > ARCHIVE_SCHEMA) {
		err_set(e, "%s: an archive of a newer brief (schema %lld; this "
			   "one reads up to %d)", path, ver, ARCHIVE_SCHEMA);
		goto fail;
	}
	if (create && app == BRIEF_APP_ID && intact(s, e) != 0)
		goto fail;
	if (app == 0 && !create) {
		err_set(e, "%s: an empty archive (brief --add FILE|DIR fills "
			   "it)", path);
		goto fail;
	}
	/* a reader of this brief's schema has nothing to set up; an
	 * older archive is brought up to date as a writer would */
	if (ro && ver == target)
		return s;
	if (ro) {
		sq_close(s);
		return sq_open_at(path, ARCHIVE_EXISTING, target, e);
	}
	if ((ver < target && to_wal(s, e) != 0) ||
	    exec(s, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL",
		 e) != 0)
		goto fail;
	if (ver < target && migrate(s, target, e) != 0)
		goto fail;
	return s;
fail:
	sq_close(s);
	return NULL;
}

static void *sq_open(const char *path, int create, struct err *e)
{
	return sq_open_at(path, create, ARCHIVE_SCHEMA, e);
}

int archive_sqlite_create_at(const char *path, int version, struct err *e)
{
	struct sq *s;

	if (version < 1 || version > ARCHIVE_SCHEMA) {
		err_set(e, "%s: no schema version %d", path, version);
		return -1;
	}
	s = sq_open_at(path, ARCHIVE_CREATE, version, e);
	sq_close(s);
	return s ? 0 : -1;
}

static int sq_begin(void *h, struct err *e)
{
	return exec(h, "BEGIN IMMEDIATE", e);
}

static int sq_commit(void *h, struct err *e)
{
	struct sq *s = h;

	if (exec(s, "COMMIT", e) == 0)
		return 0;
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static void sq_rollback(void *h)
{
	struct sq *s = h;

	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Step a prepared statement that returns no row, and finalize it. */
static int done(struct sq *s, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, e);
}

/* Run sql, which returns no row, with v bound as its one parameter. */
static int exec_one(struct sq *s, const char *sql, const char *v,
		    struct err *e)
{
	sqlite3_stmt *st = sq_prepare(s, sql, e);

	if (st == NULL)
		return -1;
	sq_bind_text(st, 1, v);
	return done(s, st, e);
}

static int sq_file_get(void *h, const char *path, struct archive_file *f,
		       struct err *e)
{
	struct sq *s = h;
	sqlite3_stmt *st = sq_prepare(
		s, "SELECT size, mtime, hash FROM files WHERE path = ?", e);
	int rc;

	if (st == NULL)
		return -1;
	sq_bind_text(st, 1, path);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *hash = sqlite3_column_text(st, 2);

		f->path = path;
		f->size = sqlite3_column_int64(st, 0);
		f->mtime = sqlite3_column_int64(st, 1);
		snprintf(f->hash, sizeof f->hash, "%s",
			 hash ? (const char *)hash : "");
		sqlite3_finalize(st);
		return 1;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sq_fail(s, rc, e);
}

static int sq_file_put(void *h, const struct archive_file *f, int replace,
		       struct err *e)
{
	struct sq *s = h;
	sqlite3_stmt *st;

	if (replace && exec_one(s, "DELETE FROM articles WHERE file_id ="
				   " (SELECT id FROM files WHERE path = ?)",
				f->path, e) != 0)
		return -1;
	st = sq_prepare(s, "INSERT INTO files(path, size, mtime, hash)"
			   " VALUES(?1, ?2, ?3, ?4) ON CONFLICT(path) DO UPDATE"
			   " SET size = ?2, mtime = ?3, hash = ?4, removed = 0",
			e);
	if (st == NULL)
		return -1;
	sq_bind_text(st, 1, f->path);
	sqlite3_bind_int64(st, 2, f->size);
	sqlite3_bind_int64(st, 3, f->mtime);
	sq_bind_text(st, 4, f->hash);
	return done(s, st, e);
}

/* The id of the entity (name, category), added when new; -1 on error. */
static long long entity_id(struct sq *s, const struct archive_mention *m,
			   struct err *e)
{
	sqlite3_stmt *st = sq_prepare(
		s, "INSERT INTO entities(name, category, kind) VALUES(?1, ?2,"
		   " ?3) ON CONFLICT(name, category) DO UPDATE SET kind ="
		   " coalesce(?3, kind) RETURNING id", e);
	long long id;
	int rc;

	if (st == NULL)
		return -1;
	sq_bind_text(st, 1, m->entity);
	sq_bind_text(st, 2, category_name(m->cat));
	sq_bind_text(st, 3, m->kind);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return sq_fail(s, rc, e);
	}
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static int put_mentions(struct sq *s, long long art,
			const struct archive_doc *d, struct err *e)
{
	const char *text = d->a->text;
	sqlite3_stmt *ms = sq_prepare(
		s, "INSERT INTO mentions VALUES(?, ?, ?, ?, ?, ?)", e);
	sqlite3_stmt *fs = sq_prepare(
		s, "INSERT INTO figures VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		   " ?)", e);
	size_t i;
	int rc = 0;

	for (i = 0; ms && fs && i < d->nmentions && rc == 0; i++) {
		const struct archive_mention *m = &d->mentions[i];
		sqlite3_stmt *st;

		if (m->fig_kind != NULL) {
			st = fs;
			sq_bind_text(st, 6, m->fig_kind);
			sqlite3_bind_double(st, 7, m->lo);
			sqlite3_bind_double(st, 8, m->hi);
			sq_bind_text(st, 9, m->value);
			if (m->counts_end > m->counts_start)
				sqlite3_bind_text(st, 10,
						  text + m->counts_start,
						  (int)(m->counts_end -
							m->counts_start),
						  SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st, 10);
			sqlite3_bind_text(st, 11, text + m->start,
					  (int)(m->end - m->start),
					  SQLITE_TRANSIENT);
		} else {
			long long id = entity_id(s, m, e);

			if (id < 0) {
				rc = -1;
				break;
			}
			st = ms;
			sqlite3_bind_int64(st, 2, id);
		}
		sqlite3_bind_int64(st, 1, art);
		if (st == fs) {
			sqlite3_bind_int64(st, 2, m->section);
			sqlite3_bind_int64(st, 3, m->sentence);
			sqlite3_bind_int64(st, 4, (long long)m->start);
			sqlite3_bind_int64(st, 5, (long long)m->end);
		} else {
			sqlite3_bind_int64(st, 3, m->section);
			sqlite3_bind_int64(st, 4, m->sentence);
			sqlite3_bind_int64(st, 5, (long long)m->start);
			sqlite3_bind_int64(st, 6, (long long)m->end);
		}
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			rc = sq_fail(s, rc, e);
			break;
		}
		rc = 0;
		sqlite3_reset(st);
	}
	if (ms == NULL || fs == NULL)
		rc = -1;
	sqlite3_finalize(ms);
	sqlite3_finalize(fs);
	return rc;
}

static int put_sections(struct sq *s, long long art, const struct article *a,
			struct err *e)
{
	sqlite3_stmt *st = sq_prepare(
		s, "INSERT INTO sections VALUES(?, ?, ?, ?, ?)", e);
	size_t i;

	if (st == NULL)
		return -1;
	for (i = 0; i < a->nsections; i++) {
		const struct section *sec = &a->sections[i];
		int rc;

		sqlite3_bind_int64(st, 1, art);
		sqlite3_bind_int64(st, 2, (long long)i);
		sq_bind_text(st, 3, section_kind_name(sec->kind));
		sqlite3_bind_int64(st, 4, (long long)sec->start);
		sqlite3_bind_int64(st, 5, (long long)sec->end);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return sq_fail(s, rc, e);
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

static int sq_article_put(void *h, const struct archive_file *f,
			  const struct archive_doc *d, struct err *e)
{
	struct sq *s = h;
	const struct article *a = d->a;
	sqlite3_stmt *st = sq_prepare(
		s, "INSERT INTO articles(file_id, content_id, file, format,"
		   " title, date, source, url, size, mtime) SELECT id, ?2, ?3,"
		   " ?4, ?5, ?6, ?7, ?8, ?9, mtime FROM files WHERE path = ?1"
		   " RETURNING id", e);
	long long art;
	char *body;
	int rc;

	if (st == NULL)
		return -1;
	sq_bind_text(st, 1, f->path);
	sq_bind_text(st, 2, article_id(a));
	sq_bind_text(st, 3, d->file);
	sq_bind_text(st, 4, a->format);
	sq_bind_text(st, 5, a->title);
	sq_bind_text(st, 6, a->date);
	sq_bind_text(st, 7, a->source);
	sq_bind_text(st, 8, a->url);
	sqlite3_bind_int64(st, 9, (long long)a->len);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return sq_fail(s, rc, e);
	}
	art = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (put_sections(s, art, a, e) != 0 || put_mentions(s, art, d, e) != 0)
		return -1;
	if (a->source != NULL &&
	    exec_one(s, "INSERT OR IGNORE INTO sources(name) VALUES(?)",
		     a->source, e) != 0)
		return -1;
	st = sq_prepare(s, "INSERT INTO fts(rowid, title, body, meta) VALUES(?1,"
			   " ?2, ?3, (SELECT 's' || id FROM sources WHERE name"
			   " = ?4))", e);
	if (st == NULL)
		return -1;
	body = archive_story(a);
	sqlite3_bind_int64(st, 1, art);
	sq_bind_text(st, 2, a->title);
	sqlite3_bind_text(st, 3, body, -1, free);
	sq_bind_text(st, 4, a->source);
	return done(s, st, e);
}

static int sq_mark_removed(void *h, const char *dir, char *const *seen,
			   size_t nseen, size_t *n, struct err *e)
{
	struct sq *s = h;
	sqlite3_stmt *st;
	size_t i;

	if (exec(s, "CREATE TEMP TABLE IF NOT EXISTS seen(path TEXT PRIMARY"
		    " KEY); DELETE FROM temp.seen", e) != 0)
		return -1;
	st = sq_prepare(s, "INSERT OR IGNORE INTO temp.seen VALUES(?)", e);
	if (st == NULL)
		return -1;
	for (i = 0; i < nseen; i++) {
		int rc;

		sq_bind_text(st, 1, seen[i]);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return sq_fail(s, rc, e);
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	/* a prefix compared as bytes: no LIKE wildcards in file names */
	st = sq_prepare(s, "UPDATE files SET removed = 1 WHERE removed = 0"
			   " AND substr(path, 1, length(?1) + 1) = ?1 || '/'"
			   " AND path NOT IN (SELECT path FROM temp.seen)", e);
	if (st == NULL)
		return -1;
	sq_bind_text(st, 1, dir);
	if (done(s, st, e) != 0)
		return -1;
	*n = (size_t)sqlite3_changes(s->db);
	return 0;
}

static int sq_notes_put(void *h, const struct archive_note *v, size_t n,
			struct err *e)
{
	struct sq *s = h;
	sqlite3_stmt *an, *tg;
	size_t i, j;
	int rc = 0;

	if (exec(s, "DELETE FROM note_anchors; DELETE FROM note_tags", e) != 0)
		return -1;
	an = sq_prepare(s, "INSERT INTO note_anchors VALUES(?, ?, ?, ?, ?)", e);
	tg = sq_prepare(s, "INSERT OR IGNORE INTO note_tags VALUES(?, ?)", e);
	for (i = 0; an && tg && i < n && rc == 0; i++) {
		sq_bind_text(an, 1, v[i].id);
		sq_bind_text(an, 2, v[i].article);
		sq_bind_text(an, 3, v[i].file);
		sq_bind_text(an, 4, v[i].quote);
		sqlite3_bind_int64(an, 5, (long long)v[i].position);
		if ((rc = sqlite3_step(an)) != SQLITE_DONE)
			break;
		rc = 0;
		sqlite3_reset(an);
		for (j = 0; j < v[i].ntags && rc == 0; j++) {
			sq_bind_text(tg, 1, v[i].id);
			sq_bind_text(tg, 2, v[i].tags[j]);
			if ((rc = sqlite3_step(tg)) == SQLITE_DONE)
				rc = 0;
			sqlite3_reset(tg);
		}
	}
	if (an == NULL || tg == NULL)
		rc = -1;
	else if (rc != 0)
		rc = sq_fail(s, rc, e);
	sqlite3_finalize(an);
	sqlite3_finalize(tg);
	return rc;
}

const struct archive_ops archive_sqlite_ops = {
	"sqlite",      sq_open,        sq_close,     sq_begin,
	sq_commit,     sq_rollback,    sq_file_get,  sq_file_put,
	sq_article_put, sq_mark_removed, sq_notes_put, sq_search,
	sq_entity,
};
