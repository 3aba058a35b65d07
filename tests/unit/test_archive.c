/* The archive: its schema, migrations, refusing files that are not
 * brief's, the query language and the queries on the SQLite backend. */
#include "testlib.h"

#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "brief/archive/archive.h"
#include "brief/archive/query.h"

static char dir[] = "/tmp/brief-archive-XXXXXX";

static char *path_in(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* One integer from sql on the file at path (read with SQLite itself). */
static long long ask(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
					 NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void run_sql(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static char *slurp(const char *path, size_t *n)
{
	struct err e = {{0}};
	char *s = file_read(path, n, &e);

	assert_non_null(s);
	return s;
}

static void test_fresh_schema(void **state)
{
	struct err e = {{0}};
	char *p = path_in("fresh.db");
	struct archive *ar = archive_open(p, 1, &e);

	(void)state;
	assert_non_null(ar);
	assert_string_equal(archive_backend(ar), "sqlite");
	archive_close(ar);
	assert_int_equal(ask(p, "PRAGMA application_id"), 0x42724966);
	assert_int_equal(ask(p, "PRAGMA user_version"), ARCHIVE_SCHEMA);
	assert_int_equal(ask(p, "SELECT count(*) FROM schema_version"),
			 ARCHIVE_SCHEMA);
	assert_int_equal(ask(p, "SELECT count(*) FROM sqlite_master WHERE"
				" name = 'fts'"), 1);
	/* WAL is kept in the file's header */
	assert_int_equal(ask(p, "SELECT journal_mode = 'wal' FROM"
				" pragma_journal_mode"), 1);
	free(p);
}

static void test_migration(void **state)
{
	struct err e = {{0}};
	char *p = path_in("old.db");
	struct archive *ar;

	(void)state;
	assert_int_equal(archive_sqlite_create_at(p, 1, &e), 0);
	assert_int_equal(ask(p, "PRAGMA user_version"), 1);
	assert_int_equal(ask(p, "SELECT count(*) FROM sqlite_master WHERE"
				" name = 'articles_source'"), 0);
	ar = archive_open(p, 0, &e);
	assert_non_null(ar);
	archive_close(ar);
	assert_int_equal(ask(p, "PRAGMA user_version"), 2);
	assert_int_equal(ask(p, "SELECT count(*) FROM sqlite_master WHERE"
				" name = 'articles_source'"), 1);
	assert_int_equal(ask(p, "SELECT max(version) FROM schema_version"), 2);
	free(p);
}

static void test_newer_refused(void **state)
{
	struct err e = {{0}};
	char *p = path_in("newer.db");

	(void)state;
	assert_int_equal(archive_sqlite_create_at(p, ARCHIVE_SCHEMA, &e), 0);
	run_sql(p, "PRAGMA user_version = 99");
	assert_null(archive_open(p, 1, &e));
	assert_non_null(strstr(e.text, "an archive of a newer brief"));
	assert_int_equal(ask(p, "PRAGMA user_version"), 99);
	free(p);
}

/* A file that is not brief's archive is refused and left byte for
 * byte as it was. */
static void refused_untouched(const char *p)
{
	struct err e = {{0}};
	size_t n0, n1;
	char *before = slurp(p, &n0), *after, *want;

	assert_null(archive_open(p, 1, &e));
	want = xasprintf("%s: not a brief archive", p);
	assert_memory_equal(e.text, want, strlen(want));
	after = slurp(p, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(want);
	free(before);
	free(after);
}

static void test_foreign_refused(void **state)
{
	char *p = path_in("foreign.db"), *q = path_in("garbage.db");
	FILE *f;
	int i;

	(void)state;
	run_sql(p, "CREATE TABLE t(x); INSERT INTO t VALUES(1)");
	refused_untouched(p);
	f = fopen(q, "w");
	assert_non_null(f);
	for (i = 0; i < 4096; i++)
		fputc("not a database\n"[i % 15], f);
	fclose(f);
	refused_untouched(q);
	free(p);
	free(q);
}

/* ---- queries ---- */

static struct article_rules *rules;
static struct engine en;
static char *qdb;

static const char *const texts[] = {
	"---\ntitle: Missile test\ndate: 2024-01-12\nsource: The Associated "
	"Press\n---\nNorth Korea launched a Hwasong-18 missile on Friday, "
	"and Kim Jong Un watched the launch.\n\nJapan protested the test of "
	"300 missiles.\n",
	"---\ntitle: Drills expand\ndate: 2024-03-04\nsource: Reuters\n---\n"
	"South Korea and the United States began drills near the border, "
	"officials said.\n",
	"---\ntitle: O'Brien's \"quote\" test\ndate: 2023-06-01\n---\n"
	"A text with 'quotes' and -- dashes; DROP TABLE articles; says "
	"nothing about Kim Jong Un.\n",
};

static int setup_queries(void **state)
{
	struct err e = {{0}};
	struct archive *ar;
	size_t i;

	(void)state;
	if (shipped_engine(&rules, &en, &e) != 0)
		return -1;
	qdb = path_in("queries.db");
	ar = archive_open(qdb, 1, &e);
	if (ar == NULL)
		return -1;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct archive_add_count c = {0, 0, 0, 0};
		struct archive_file f;
		char name[64];
		struct article *a;
		struct mentions m = {0};

		snprintf(name, sizeof name, "/archive/%zu.txt", i);
		a = text_article(rules, name, texts[i]);
		highlight_article(en.hl, a, &m);
		memset(&f, 0, sizeof f);
		f.path = name;
		f.size = (long long)strlen(texts[i]);
		f.mtime = 1;
		hash_hex(hash_bytes(texts[i], strlen(texts[i])), f.hash);
		if (archive_add_file(ar, &f, &a, &m, 1, en.reg, &c, &e) != 0 ||
		    c.added != 1)
			return -1;
		mentions_free(&m);
		article_free(a);
	}
	archive_close(ar);
	return 0;
}

static int teardown_queries(void **state)
{
	(void)state;
	engine_close(&en);
	article_rules_free(rules);
	free(qdb);
	return 0;
}

/* The files of the hits for query s, in order, joined by spaces. */
static char *hits(const char *s)
{
	struct err e = {{0}};
	struct archive *ar = archive_open(qdb, 0, &e);
	struct aq *q = aq_parse(s, &e);
	struct archive_hits h;
	struct buf b = {0};
	size_t i;

	if (q == NULL)
		fail_msg("%s: %s", s, e.text);
	assert_non_null(ar);
	if (archive_search(ar, q, 10, &h, &e) != 0)
		fail_msg("%s: %s", s, e.text);
	for (i = 0; i < h.n; i++) {
		buf_adds(&b, i ? " " : "");
		buf_adds(&b, strrchr(h.v[i].file, '/') + 1);
	}
	buf_adds(&b, "");
	archive_hits_free(&h);
	aq_free(q);
	archive_close(ar);
	return buf_take(&b);
}

#define HITS(q, want)                                                       \
	do {                                                                \
		char *got_ = hits(q);                                       \
		if (strcmp(got_, want) != 0)                                \
			fail_msg("%s: got '%s', want '%s'", q, got_, want); \
		free(got_);                                                 \
	} while (0)

static void test_search_forms(void **state)
{
	(void)state;
	HITS("missile", "0.txt");
	HITS("\"Kim Jong Un watched\"", "0.txt");
	HITS("entity:\"kim jong un\"", "0.txt 2.txt");
	HITS("weapon:Hwasong", "0.txt");
	HITS("actor:Hwasong", "");
	HITS("category:weapon", "0.txt");
	HITS("source:reuters", "1.txt");
	HITS("date:2024-02..2024-03", "1.txt");
	HITS("date:..2023", "2.txt");
	HITS("date:2024", "1.txt 0.txt");
	HITS("drills OR launch", "1.txt 0.txt");
	HITS("entity:\"Kim Jong Un\" NOT missile", "2.txt");
	HITS("entity:\"Kim Jong Un\" -missile", "2.txt");
	HITS("(drills OR launch) AND source:Associated", "0.txt");
}

static void test_search_hostile_values(void **state)
{
	(void)state;
	/* quotes, SQL and FTS5 syntax are searched for as text */
	HITS("\"DROP TABLE articles\"", "2.txt");
	HITS("\"O'Brien's\"", "2.txt");
	HITS("\"\"\"quote\"\"\"", "2.txt");
	HITS("NEAR(drills Jong)", "");
	HITS("source:%", "");
	HITS("entity:\"x' OR 1=1 --\"", "");
	HITS("source:_", "");
	/* ... and the archive is whole after them */
	HITS("date:2000..2030", "1.txt 0.txt 2.txt");
}

static void test_ranking_and_snippet(void **state)
{
	struct err e = {{0}};
	struct archive *ar = archive_open(qdb, 0, &e);
	struct aq *q = aq_parse("missile", &e);
	struct archive_hits h;

	(void)state;
	assert_non_null(ar);
	assert_int_equal(archive_search(ar, q, 10, &h, &e), 0);
	assert_int_equal(h.n, 1);
	assert_true(h.v[0].score > 0);
	assert_non_null(strstr(h.v[0].snippet, "[missile]"));
	assert_string_equal(h.v[0].title, "Missile test");
	assert_string_equal(h.v[0].date, "2024-01-12");
	assert_string_equal(h.v[0].source, "The Associated Press");
	assert_int_equal(strlen(h.v[0].id), 16);
	archive_hits_free(&h);
	aq_free(q);
	archive_close(ar);
}

static void test_entity_report(void **state)
{
	struct err e = {{0}};
	struct archive *ar = archive_open(qdb, 0, &e);
	struct archive_entity_report r;
	size_t i;
	int north = 0, figures = 0;

	(void)state;
	assert_int_equal(archive_entity(ar, "KIM JONG UN", &r, &e), 1);
	assert_string_equal(r.name, "Kim Jong Un");
	assert_int_equal(r.articles, 2);
	assert_int_equal(r.nmonths, 2);
	assert_string_equal(r.months[0].key, "2023-06");
	assert_string_equal(r.months[1].key, "2024-01");
	for (i = 0; i < r.ncooccur; i++)
		north += strcmp(r.cooccur[i].key, "North Korea") == 0;
	assert_int_equal(north, 1);
	archive_entity_report_free(&r);
	/* the figure is in Japan's sentence, not in Kim's */
	assert_int_equal(archive_entity(ar, "Japan", &r, &e), 1);
	for (i = 0; i < r.nfigures; i++)
		figures += strcmp(r.figures[i].value, "300") == 0;
	assert_int_equal(figures, 1);
	archive_entity_report_free(&r);
	assert_int_equal(archive_entity(ar, "Nobody Here", &r, &e), 0);
	archive_close(ar);
}

static void parse_fails(const char *s, const char *msg)
{
	struct err e = {{0}};
	struct aq *q = aq_parse(s, &e);

	if (q != NULL)
		fail_msg("'%s' was read", s);
	if (strstr(e.text, msg) == NULL)
		fail_msg("'%s': '%s' lacks '%s'", s, e.text, msg);
}

static void test_parse_errors(void **state)
{
	(void)state;
	parse_fails("", "query: empty");
	parse_fails("\"open", "a quote is not closed");
	parse_fails("a OR", "a term is missing");
	parse_fails("OR a", "a term is missing before an operator");
	parse_fails("(a", "a '(' is not closed");
	parse_fails("a)", "a ')' without its '('");
	parse_fails("colour:red", "unknown field");
	parse_fails("date:24-01", "date: takes");
	parse_fails("date:..", "date: takes");
	parse_fails("category:tank", "category: takes");
	parse_fails("entity:\"\"", "an empty value");
}

static void test_parse_tree(void **state)
{
	struct err e = {{0}};
	struct aq *q = aq_parse("a b OR NOT tag:#x", &e);

	(void)state;
	assert_non_null(q);
	assert_int_equal(q->kind, AQ_OR);
	assert_int_equal(q->left->kind, AQ_AND);
	assert_string_equal(q->left->left->value, "a");
	assert_int_equal(q->right->kind, AQ_NOT);
	assert_int_equal(q->right->left->kind, AQ_TAG);
	assert_string_equal(q->right->left->value, "x");
	aq_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fresh_schema),
		cmocka_unit_test(test_migration),
		cmocka_unit_test(test_newer_refused),
		cmocka_unit_test(test_foreign_refused),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_tree),
	};
	const struct CMUnitTest queries[] = {
		cmocka_unit_test(test_search_forms),
		cmocka_unit_test(test_search_hostile_values),
		cmocka_unit_test(test_ranking_and_snippet),
		cmocka_unit_test(test_entity_report),
	};
	int rc;

	setlocale(LC_ALL, "C.UTF-8");
	if (mkdtemp(dir) == NULL)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rc += cmocka_run_group_tests(queries, setup_queries, teardown_queries);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			rc++;
		free(cmd);
	}
	return rc;
}
