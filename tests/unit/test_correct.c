/* Corrections: each kind changes the marks as it says, within its scope,
 * over the shipped lexicon; the file keeps other processes' corrections
 * and unknown keys, undo takes back only this store's last one, and a
 * malformed or newer file is refused and left as it was. */
#include "testlib.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "marklib.h"
#include "brief/mark/correct.h"

static const char text[] =
	"The United States and South Korea held talks in Seoul. Russia "
	"said the drones flew over Kherson. The United States denied it, "
	"said Acme Widgets.\n";

/* A correction to add: kind, what it applies to, the change. */
static struct correction corr(enum corr_kind k, const char *form,
			      const char *entity, const char *name, int cat)
{
	struct correction x;

	memset(&x, 0, sizeof x);
	x.kind = k;
	x.offset = -1;
	x.form = (char *)form;
	x.entity = (char *)entity;
	x.name = (char *)name;
	x.cat = cat;
	return x;
}

/* The marks of text with the corrections c. */
static struct article *marked(struct corrections *c, struct mentions *m)
{
	struct article *a = text_article(rules, "t", text);

	memset(m, 0, sizeof *m);
	highlighter_set_corrections(en.hl, c);
	highlight_article(en.hl, a, m);
	highlighter_set_corrections(en.hl, NULL);
	return a;
}

static size_t count_entity(const struct mentions *m, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < m->n; i++) {
		const struct entity *ent = entities_get(en.reg, m->v[i].entity);

		n += ent && strcmp(ent->name, name) == 0;
	}
	return n;
}

static void done(struct corrections *c, struct article *a,
		 struct mentions *m)
{
	corrections_reset(c, en.reg);
	corrections_free(c);
	mentions_free(m);
	article_free(a);
}

static void test_rename_merge(void **state)
{
	struct corrections *c = corrections_open(NULL, NULL);
	struct correction x = corr(CORR_RENAME, NULL, "United States",
				   "USA (test)", -1);
	struct mentions m;
	struct article *a;
	struct err e;

	(void)state;
	assert_int_equal(corrections_add(c, &x, &e), 0);
	x = corr(CORR_MERGE, NULL, "South Korea", "Russia", -1);
	assert_int_equal(corrections_add(c, &x, &e), 0);
	a = marked(c, &m);
	assert_int_equal(count_entity(&m, "USA (test)"), 2);
	assert_int_equal(count_entity(&m, "United States"), 0);
	assert_true(has(a, &m, "South Korea", CAT_ACTOR, "Russia"));
	assert_int_equal(count_entity(&m, "Russia"), 2);
	done(c, a, &m);
}

static void test_split_dismiss_add(void **state)
{
	struct corrections *c = corrections_open(NULL, NULL);
	struct correction x = corr(CORR_SPLIT, NULL, NULL, "Washington (test)",
				   -1);
	struct mentions m;
	struct article *a;
	struct err e;

	(void)state;
	x.offset = 101; /* the second "United States" */
	assert_int_equal(corrections_add(c, &x, &e), 0);
	x = corr(CORR_DISMISS, "Acme Widgets", NULL, NULL, -1);
	assert_int_equal(corrections_add(c, &x, &e), 0);
	x = corr(CORR_ADD, "talks", NULL, "Talks (test)", CAT_WEAPON);
	assert_int_equal(corrections_add(c, &x, &e), 0);
	x = corr(CORR_ADD, "said", NULL, "Saying (test)", CAT_ACTOR);
	x.offset = 62; /* the first "said" only */
	assert_int_equal(corrections_add(c, &x, &e), 0);
	a = marked(c, &m);
	assert_int_equal(count_entity(&m, "United States"), 1);
	assert_int_equal(count_entity(&m, "Washington (test)"), 1);
	assert_int_equal(m.v[0].entity, entities_find(en.reg, "United States",
						      13));
	assert_false(has(a, &m, "Acme Widgets", CAT_ACTOR, NULL));
	assert_true(has(a, &m, "talks", CAT_WEAPON, "Talks (test)"));
	assert_int_equal(count_entity(&m, "Saying (test)"), 1);
	assert_true(has(a, &m, "said", CAT_ACTOR, "Saying (test)"));
	done(c, a, &m);
}

/* A recategorisation everywhere changes the shipped entity itself, and
 * reset gives it back; one in another article changes nothing. */
static void test_recategorise_scope(void **state)
{
	struct corrections *c = corrections_open(NULL, NULL);
	struct correction x = corr(CORR_RECATEGORISE, NULL, "drones", NULL,
				   CAT_ACTOR);
	uint32_t id = entities_find(en.reg, "drones", 6);
	struct mentions m;
	struct article *a;
	struct err e;

	(void)state;
	assert_int_not_equal(id, ENTITY_NONE);
	assert_int_equal(entities_get(en.reg, id)->cat, CAT_WEAPON);
	x.ekind = (char *)"swarm";
	assert_int_equal(corrections_add(c, &x, &e), 0);
	x = corr(CORR_DISMISS, "Russia", NULL, NULL, -1);
	x.article = (char *)"0000000000000000"; /* another article */
	assert_int_equal(corrections_add(c, &x, &e), 0);
	a = marked(c, &m);
	assert_true(has(a, &m, "drones", CAT_ACTOR, "drones"));
	assert_int_equal(entities_get(en.reg, id)->cat, CAT_ACTOR);
	assert_string_equal(entities_get(en.reg, id)->kind, "swarm");
	assert_true(has(a, &m, "Russia", CAT_ACTOR, "Russia"));
	corrections_reset(c, en.reg);
	assert_int_equal(entities_get(en.reg, id)->cat, CAT_WEAPON);
	mentions_free(&m);
	article_free(a);
	/* the same dismissal in this article applies */
	corrections_free(c);
	c = corrections_open(NULL, NULL);
	a = text_article(rules, "t", text);
	x.article = (char *)article_id(a);
	assert_int_equal(corrections_add(c, &x, &e), 0);
	article_free(a);
	a = marked(c, &m);
	assert_false(has(a, &m, "Russia", CAT_ACTOR, NULL));
	done(c, a, &m);
}

static char *tmp_file(const char *content)
{
	char *path = xstrdup("/tmp/brief-corrXXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	if (content)
		assert_int_equal(write(fd, content, strlen(content)),
				 (ssize_t)strlen(content));
	close(fd);
	return path;
}

static void cleanup(char *path)
{
	char *lock = xasprintf("%s.lock", path);

	unlink(lock);
	unlink(path);
	free(lock);
	free(path);
}

/* Two stores on one file: each keeps the other's corrections; undo takes
 * back this store's last one only; unknown keys stay. */
static void test_file_merge_undo(void **state)
{
	char *path = tmp_file("brief-corrections: 1\nteam: ops\n"
			      "corrections:\n"
			      "  - id: old\n    kind: dismiss\n    form: X\n"
			      "    created: 2024-01-01T00:00:00Z\n"
			      "    reviewed: yes\n");
	struct err e = {{0}};
	struct corrections *p = corrections_open(path, &e);
	struct corrections *q = corrections_open(path, &e);
	struct correction x = corr(CORR_RENAME, NULL, "A", "B", -1);
	const struct correction *v;
	struct buf b = {0};
	size_t n;
	char *data;

	(void)state;
	assert_non_null(p);
	assert_non_null(q);
	assert_int_equal(corrections_add(p, &x, &e), 0);
	x = corr(CORR_RENAME, NULL, "C", "D", -1);
	assert_int_equal(corrections_add(q, &x, &e), 0);
	v = corrections_all(q, &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[1].entity, "A");
	assert_string_equal(v[2].entity, "C");
	/* p undoes its own, not q's later one */
	assert_int_equal(corrections_undo(p, &e), 0);
	assert_int_equal(corrections_undo(p, &e), 1);
	assert_int_equal(corrections_reload(q, &e), 0);
	v = corrections_all(q, &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].id, "old");
	assert_string_equal(v[1].entity, "C");
	corrections_write_yaml(q, &b);
	assert_non_null(strstr(b.data, "team: ops"));
	assert_non_null(strstr(b.data, "reviewed: yes"));
	buf_free(&b);
	data = file_read(path, &n, &e);
	assert_non_null(data);
	assert_non_null(strstr(data, "reviewed: yes"));
	assert_null(strstr(data, "entity: 'A'"));
	free(data);
	corrections_free(p);
	corrections_free(q);
	cleanup(path);
}

/* A malformed file and a newer one are refused with LINE:COL, and an
 * add to a store whose file went bad leaves the file as it was. */
static void test_file_refused(void **state)
{
	static const char bad[] = "brief-corrections: 1\ncorrections:\n"
				  "  - id: a\n    kind: rename\n"
				  "    created: x\n";
	static const char newer[] = "brief-corrections: 9\ncorrections: []\n";
	char *path = tmp_file(bad), *data;
	struct err e = {{0}};
	struct corrections *c;
	struct correction x = corr(CORR_DISMISS, "X", NULL, NULL, -1);
	size_t n;
	FILE *f;

	(void)state;
	assert_null(corrections_open(path, &e));
	assert_non_null(strstr(e.text, ":3:5: a rename correction needs "
				       "'offset', 'form' or 'entity'"));
	f = fopen(path, "w");
	fputs(newer, f);
	fclose(f);
	assert_null(corrections_open(path, &e));
	assert_non_null(strstr(e.text, ":1:20: version 9 is newer"));
	f = fopen(path, "w");
	fputs("", f);
	fclose(f);
	c = corrections_open(path, &e);
	assert_non_null(c);
	f = fopen(path, "w");
	fputs(bad, f);
	fclose(f);
	assert_int_equal(corrections_add(c, &x, &e), -1);
	assert_non_null(strstr(e.text, ":3:5:"));
	data = file_read(path, &n, &e);
	assert_string_equal(data, bad);
	free(data);
	corrections_free(c);
	cleanup(path);
}

/* Two processes adding corrections to one file at the same time: none is
 * lost. */
static void test_two_processes(void **state)
{
	enum { EACH = 40 };
	char *path = tmp_file(NULL);
	struct err e = {{0}};
	struct corrections *c;
	const struct correction *v;
	pid_t kid[2];
	size_t n, i, seen[2] = {0, 0};
	int k, st;

	(void)state;
	for (k = 0; k < 2; k++) {
		kid[k] = fork();
		assert_true(kid[k] >= 0);
		if (kid[k] == 0) {
			struct corrections *mine = corrections_open(path, &e);
			int j, bad = mine == NULL;

			for (j = 0; j < EACH && !bad; j++) {
				char name[32];
				struct correction x = corr(CORR_RENAME, NULL,
							   "E", name, -1);

				snprintf(name, sizeof name, "p%d-%d", k, j);
				bad = corrections_add(mine, &x, &e) != 0;
			}
			corrections_free(mine);
			_exit(bad);
		}
	}
	for (k = 0; k < 2; k++) {
		assert_int_equal(waitpid(kid[k], &st, 0), kid[k]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	c = corrections_open(path, &e);
	assert_non_null(c);
	v = corrections_all(c, &n);
	assert_int_equal(n, 2 * EACH);
	for (i = 0; i < n; i++)
		seen[v[i].name[1] - '0']++;
	assert_int_equal(seen[0], EACH);
	assert_int_equal(seen[1], EACH);
	corrections_free(c);
	cleanup(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rename_merge),
		cmocka_unit_test(test_split_dismiss_add),
		cmocka_unit_test(test_recategorise_scope),
		cmocka_unit_test(test_file_merge_undo),
		cmocka_unit_test(test_file_refused),
		cmocka_unit_test(test_two_processes),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
