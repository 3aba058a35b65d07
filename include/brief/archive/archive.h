/* archive: the articles brief has been given, kept in a database to
 * search and cross-reference later.  One storage interface (struct
 * archive_ops) with two backends behind it: SQLite (sqlite.c, a file)
 * and PostgreSQL (pg.c, a "postgresql://" or "postgres://" connection
 * URI, for a team's shared archive).  Model code: it never
 * prints; every function returns a status and fills struct err with
 * "brief: FILE: reason" text. */
#ifndef BRIEF_ARCHIVE_H
#define BRIEF_ARCHIVE_H

#include <stddef.h>

#include "brief/base/util.h"
#include "brief/text/article.h"
#include "brief/mark/entity.h"
#include "brief/mark/highlight.h"
#include "brief/mark/engine.h"
#include "brief/archive/query.h"

/* The schema version this brief writes; a newer archive is refused. */
#define ARCHIVE_SCHEMA 4

/* A file as the archive knows it: where it is (an absolute path), its
 * size and modification time (nanoseconds) and the hash of its bytes. */
struct archive_file {
	const char *path;
	long long size, mtime;
	char hash[17];
};

/* A mention of an actor, weapon or place, or a figure (entity NULL for
 * a figure that counts nothing named). */
struct archive_mention {
	const char *entity;       /* canonical name, or NULL */
	enum category cat;
	const char *kind;         /* person, state, ...; or NULL */
	size_t start, end;        /* bytes of the article's text */
	long section, sentence;
	/* a figure's: */
	const char *fig_kind;     /* "count", "money", ...; NULL if none */
	double lo, hi;
	char value[96];           /* the normalised value (figure_format) */
	size_t counts_start, counts_end; /* what it counts, or equal */
};

/* One article ready to be stored: plain data pointing into the article
 * it was built from (archive_doc_build); file is the archive's name for
 * it (an absolute path, "#N" for a part of a file). */
struct archive_doc {
	const char *file;
	const struct article *a;
	struct archive_mention *mentions;
	size_t nmentions;
};

/* A note's anchor and tags, as the notes file holds them (the notes
 * file stays the truth; the archive keeps a copy for tag: queries). */
struct archive_note {
	const char *id;
	const char *article;      /* the article's content id */
	const char *file;
	const char *quote;
	size_t position;
	char *const *tags;
	size_t ntags;
};

/* A search hit; the strings are owned by the hit list. */
struct archive_hit {
	char *file, *id, *title, *date, *source, *snippet;
	double score;             /* higher is better; 0 without words */
};

struct archive_hits {
	struct archive_hit *v;
	size_t n;
};

/* A key and a count (a month, a source, an entity). */
struct archive_count {
	char *key;
	char *extra;              /* an entity's category, else NULL */
	long long n;
};

/* A figure said in the same sentence as an entity. */
struct archive_figure {
	char *date, *value, *counts, *text, *file;
};

/* What the archive knows about one entity (archive_entity). */
struct archive_entity_report {
	char *name, *category;
	long long mentions, articles;
	struct archive_count *months, *sources, *cooccur;
	size_t nmonths, nsources, ncooccur;
	struct archive_figure *figures;
	size_t nfigures;
};

/* What --add did. */
struct archive_add_count {
	size_t added, updated, unchanged, removed;
};

/* A backend: each function returns 0 (or what it says) and -1 with e
 * set.  h is what open returned. */
struct archive_ops {
	const char *name;
	/* Open the archive at where; create it when create is set and it
	 * does not exist.  A foreign or damaged file is refused, never
	 * written ("WHERE: not a brief archive"). */
	void *(*open)(const char *where, int create, struct err *e);
	void (*close)(void *h);
	/* A write transaction: begin waits for another writer. */
	int (*begin)(void *h, struct err *e);
	int (*commit)(void *h, struct err *e);
	void (*rollback)(void *h);
	/* 1 with *f filled (its strings are the backend's until the next
	 * call), 0 when the archive does not hold path. */
	int (*file_get)(void *h, const char *path, struct archive_file *f,
			struct err *e);
	/* Record f, dropping the articles it had when replace is set. */
	int (*file_put)(void *h, const struct archive_file *f, int replace,
			struct err *e);
	/* Store one article of file f (after file_put). */
	int (*article_put)(void *h, const struct archive_file *f,
			   const struct archive_doc *d, struct err *e);
	/* The files under dir (an absolute path) not among seen: marked
	 * removed; *n says how many were newly marked. */
	int (*mark_removed)(void *h, const char *dir, char *const *seen,
			    size_t nseen, size_t *n, struct err *e);
	/* Replace the notes' anchors and tags. */
	int (*notes_put)(void *h, const struct archive_note *v, size_t n,
			 struct err *e);
	int (*search)(void *h, const struct aq *q, size_t limit,
		      struct archive_hits *out, struct err *e);
	/* 1 and *out filled, 0 when no entity is called name. */
	int (*entity)(void *h, const char *name,
		      struct archive_entity_report *out, struct err *e);
};

struct archive;

/* How archive_open opens an archive (its create argument). */
enum {
	ARCHIVE_EXISTING = 0, /* one that exists, to read and write */
	ARCHIVE_CREATE = 1,   /* made when missing (--add) */
	/* one that exists, only read (--search, --entity): SQLite opens
	 * the file read-only and, when its schema is this brief's, does
	 * no schema work and never writes (an older one is migrated) */
	ARCHIVE_READ = 2
};

/* Open the archive at where (a file name; "postgresql://..." or
 * "postgres://..." a PostgreSQL database).  create: ARCHIVE_CREATE,
 * ARCHIVE_EXISTING or ARCHIVE_READ; a missing archive is an error but
 * with ARCHIVE_CREATE.  NULL and e set. */
struct archive *archive_open(const char *where, int create, struct err *e);
void archive_close(struct archive *ar);
/* The backend's name ("sqlite" or "postgresql"). */
const char *archive_backend(const struct archive *ar);

/* Add (or update) the articles of one file in one transaction: skipped
 * when size and mtime, else the hash of bytes, are as stored (counted
 * in c->unchanged); else the articles arts[0..n) (with their mentions
 * ms[0..n)) replace what the file had.  reg names the entities. */
int archive_add_file(struct archive *ar, const struct archive_file *f,
		     struct article *const *arts, const struct mentions *ms,
		     size_t n, const struct entities *reg,
		     struct archive_add_count *c, struct err *e);
/* archive_add_file with each article's own registry: regs[i] names the
 * entities of ms[i]. */
int archive_add_articles(struct archive *ar, const struct archive_file *f,
			 struct article *const *arts,
			 const struct mentions *ms, size_t n,
			 const struct entities *const *regs,
			 struct archive_add_count *c, struct err *e);

/* How files are added (archive_add_paths): how to read and mark them,
 * on how many threads, and whom to tell. */
struct archive_adder {
	const struct article_rules *rules;
	const struct article_formats *formats;
	struct engine *en;        /* its registry does not change meanwhile */
	unsigned jobs;            /* threads that highlight (0: one) */
	/* a file that cannot be read, in the files' order (or NULL) */
	void (*say)(void *arg, const char *msg);
	/* before the file of index done (or NULL) */
	void (*progress)(void *arg, size_t done);
	void *arg;
};

/* The files archive_add_paths found (their absolute paths, for
 * archive_mark_removed); bad: some could not be read. */
struct archive_seen {
	char **v;
	size_t n;
	int bad;
};

/* Add (or update) the files paths[0..n), each in one transaction, in
 * order: a file whose size and mtime, else the hash of its bytes, are as
 * stored is skipped; else it is parsed and highlighted (on ad->jobs
 * threads; each article on its own copy of the highlighter, so that the
 * archive is the same whatever the number of threads and the order of
 * the files) and its articles replace what it had.  A file that cannot
 * be read is said and the others go on.  seen is filled (free with
 * archive_seen_free).  0, or -1 with e set when the archive failed. */
int archive_add_paths(struct archive *ar, const struct archive_adder *ad,
		      char *const *paths, size_t n, struct archive_seen *seen,
		      struct archive_add_count *c, struct err *e);
void archive_seen_free(struct archive_seen *s);

/* 1 when the file is stored with this size and mtime (nothing to do),
 * 0 when it must be read, -1 with e set. */
int archive_file_same(struct archive *ar, const struct archive_file *f,
		      struct err *e);
/* 1 when the stored file has this hash (its mtime is then updated and
 * c->unchanged counted), 0 when not, -1 with e set. */
int archive_file_same_bytes(struct archive *ar, const struct archive_file *f,
			    struct archive_add_count *c, struct err *e);
/* Mark the files under dir that are not in seen as removed. */
int archive_mark_removed(struct archive *ar, const char *dir,
			 char *const *seen, size_t nseen,
			 struct archive_add_count *c, struct err *e);
/* Replace the notes' anchors and tags with v[0..n). */
int archive_notes_put(struct archive *ar, const struct archive_note *v,
		      size_t n, struct err *e);

/* The articles matching q, best first, at most limit.  out is filled
 * (free with archive_hits_free). */
int archive_search(struct archive *ar, const struct aq *q, size_t limit,
		   struct archive_hits *out, struct err *e);
void archive_hits_free(struct archive_hits *h);

/* What the archive knows about the entity called name (case does not
 * matter; else the first whose name starts so): 1 and *out filled (free
 * with archive_entity_report_free), 0 when none, -1 with e set. */
int archive_entity(struct archive *ar, const char *name,
		   struct archive_entity_report *out, struct err *e);
void archive_entity_report_free(struct archive_entity_report *r);

/* Build d for article a of file name file from its mentions m (reg
 * names the entities).  Free with archive_doc_clear. */
void archive_doc_build(struct archive_doc *d, const char *file,
		       const struct article *a, const struct mentions *m,
		       const struct entities *reg);
void archive_doc_clear(struct archive_doc *d);

/* What the backends share. */
/* The story's text for the index: every section but boilerplate
 * (the caller frees it). */
char *archive_story(const struct article *a);
/* s as a LIKE pattern matching it literally (a backslash escapes), with '%'
 * before and after when asked (the caller frees it). */
char *archive_like(const char *s, int before, int after);
/* A snippet on one line, in place: each run of line feeds becomes one
 * space. */
void archive_one_line(char *s);

/* The SQLite backend. */
extern const struct archive_ops archive_sqlite_ops;
/* For tests: make a new SQLite archive at path at an older schema
 * version (1 .. ARCHIVE_SCHEMA).  0, or -1 with e set. */
int archive_sqlite_create_at(const char *path, int version, struct err *e);
/* For tests and measuring: the plan SQLite makes for the search q on
 * the archive at path (EXPLAIN QUERY PLAN's lines, indented by depth,
 * into *plan; the caller frees it).  0, or -1 with e set. */
int archive_sqlite_explain(const char *path, const struct aq *q,
			   char **plan, struct err *e);

/* The PostgreSQL backend. */
extern const struct archive_ops archive_pg_ops;
/* For tests: bring the empty PostgreSQL database at uri to an older
 * schema version (1 .. ARCHIVE_SCHEMA).  0, or -1 with e set. */
int archive_pg_create_at(const char *uri, int version, struct err *e);

#endif
