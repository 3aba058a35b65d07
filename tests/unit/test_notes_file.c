/* The notes file: opening, the format written and read back, merging
 * two stores on one file, save errors, and files that cannot be parsed
 * (refused, never written). */
#include "noteslib.h"

#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "brief/yaml/yamlio.h"

static void test_merge(void **state)
{
	struct article *a = text_article(rules, "s.txt", short_story);
	char *p = path_of("n3.yaml");
	struct notes *x, *y;
	struct err e = {{0}};
	struct anchor an;
	const char *id;
	char *del;

	(void)state;
	anchor_at(&an, a, "talks", 0);
	x = notes_open(p, &e);
	y = notes_open(p, &e);
	assert_int_equal(notes_add(x, "from x", &an, 1, &id, &e), 0);
	del = xstrdup(id);
	assert_int_equal(notes_add(y, "from y", &an, 1, &id, &e), 0);
	/* y saved after x: x's note is in the file too */
	notes_free(y);
	y = notes_open(p, &e);
	assert_non_null(notes_find(y, del));
	/* a deletion in y is not undone by x saving later */
	assert_int_equal(notes_delete(y, del, &e), 0);
	assert_int_equal(notes_add(x, "x again", &an, 1, &id, &e), 0);
	notes_free(x);
	x = notes_open(p, &e);
	assert_true(notes_find(x, del)->deleted);
	notes_free(x);
	notes_free(y);
	free(del);
	anchor_clear(&an);
	article_free(a);
	free(p);
}

/* A file that cannot be read is refused, and left as it was. */
static void bad_file(const char *name, const char *bytes, size_t n,
		     const char *want)
{
	char *p = path_of(name), *before, *after;
	FILE *f = fopen(p, "wb");
	struct err e = {{0}};

	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	before = slurp(p, NULL);
	assert_null(notes_open(p, &e));
	assert_non_null(strstr(e.text, want));
	assert_true(strncmp(e.text, p, strlen(p)) == 0);
	after = slurp(p, NULL);
	assert_memory_equal(before, after, n);
	free(before);
	free(after);
	free(p);
}

static void test_bad_files_kept(void **state)
{
	const char *good = "brief-notes: 1\nnotes: []\ncount: 0\n";

	(void)state;
	bad_file("empty.yaml", "", 0, "empty notes file");
	bad_file("bin.yaml", "brief\0notes", 11, "binary file");
	bad_file("yaml.yaml", "brief-notes: 1\nnotes: [\n", 24, ":");
	bad_file("trunc.yaml", good, strlen(good) - 9, "truncated");
	bad_file("other.yaml", "a: 1\n", 5, "not a brief notes file");
}

/* ---- the store ---- */

static void test_open_missing(void **state)
{
	char *p = path_of("missing/notes.yaml");
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	size_t n = 99;

	(void)state;
	assert_non_null(ns);
	notes_all(ns, &n);
	assert_int_equal(n, 0);
	assert_null(notes_find(ns, "nothing"));
	/* opening does not write */
	assert_int_not_equal(access(p, F_OK), 0);
	notes_free(ns);
	free(p);
}

static void test_default_path(void **state)
{
	char *old_xdg = getenv("XDG_DATA_HOME") ? xstrdup(getenv("XDG_DATA_HOME"))
						: NULL;
	char *old_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
	char *p;

	(void)state;
	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	p = notes_default_path();
	assert_string_equal(p, "/xdg/data/brief/notes.yaml");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/analyst", 1);
	p = notes_default_path();
	assert_string_equal(p, "/home/analyst/.local/share/brief/notes.yaml");
	free(p);
	if (old_xdg)
		setenv("XDG_DATA_HOME", old_xdg, 1);
	if (old_home)
		setenv("HOME", old_home, 1);
	else
		unsetenv("HOME");
	free(old_xdg);
	free(old_home);
}

/* Text that YAML could misread comes back byte for byte. */
static void test_text_round_trip(void **state)
{
	static const char *const texts[] = {
		"It's: \"quoted\" — ‘single’ and “double”",
		"#leading tag and trailing space   ",
		"two lines\nsecond: line\n  indented third",
		"- looks like a list",
		"---",
		"null",
		"123",
		"key: value # not a comment",
		"Überprüfen: Kim’s tone 日本語 😀",
		"tab\there",
		"ends with a newline\n",
	};
	char *p = path_of("texts.yaml");
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e), *again;
	struct anchor an;
	const char *id;
	char *ids[sizeof texts / sizeof *texts];
	size_t i, k = sizeof texts / sizeof *texts;

	(void)state;
	anchor_on(&an, "Kim said the talks", 0);
	/* the quote itself with YAML-hostile characters */
	free(an.quote);
	an.quote = xstrdup("Kim said: 'the talks'\n# resume");
	for (i = 0; i < k; i++) {
		assert_int_equal(notes_add(ns, texts[i], &an, 1, &id, &e), 0);
		ids[i] = xstrdup(id);
	}
	again = notes_open(p, &e);
	if (again == NULL)
		fail_msg("%s", e.text);
	for (i = 0; i < k; i++) {
		struct note *no = notes_find(again, ids[i]);

		assert_non_null(no);
		assert_string_equal(no->text, texts[i]);
		assert_string_equal(no->anchor[0].quote, an.quote);
		free(ids[i]);
	}
	notes_free(again);
	notes_free(ns);
	anchor_clear(&an);
	free(p);
}

/* ---- two stores on one file ---- */

/* Spin until a new millisecond of the wall clock begins (at most 1 ms),
 * so that the quick changes after it often share their millisecond. */
static void fresh_ms(void)
{
	struct timespec a, b;

	clock_gettime(CLOCK_REALTIME, &a);
	do
		clock_gettime(CLOCK_REALTIME, &b);
	while (b.tv_sec == a.tv_sec && b.tv_nsec / 1000000 == a.tv_nsec / 1000000);
}

/* Two stores on one file, each adding notes (as two brief processes
 * would): after both saved, every note is in the file, and each store
 * has picked up the other's. */
static void test_merge_adds(void **state)
{
	char *p = path_of("merge.yaml");
	struct err e = {{0}};
	struct anchor an;
	int round, same_id = 0, lost = 0;

	(void)state;
	anchor_on(&an, "talks", 1);
	for (round = 0; round < 100; round++) {
		struct notes *x, *y, *z;
		const char *id;
		char *xid, *yid, *xid2;
		size_t before;

		unlink(p); /* a small file each round: quick to read */
		x = notes_open(p, &e);
		y = notes_open(p, &e);
		before = live_count(x);

		fresh_ms();
		assert_int_equal(notes_add(x, "from x", &an, 1, &id, &e), 0);
		xid = xstrdup(id);
		assert_int_equal(notes_add(y, "from y", &an, 1, &id, &e), 0);
		yid = xstrdup(id);
		assert_int_equal(notes_add(x, "from x again", &an, 1, &id, &e),
				 0);
		xid2 = xstrdup(id);
		assert_int_equal(notes_save(x, &e), 0);
		assert_int_equal(notes_save(y, &e), 0);
		same_id += strcmp(xid, yid) == 0;
		z = notes_open(p, &e);
		assert_non_null(z);
		if (on_disk(p, xid, "from x") != 1 ||
		    on_disk(p, yid, "from y") != 1 ||
		    on_disk(p, xid2, "from x again") != 1 ||
		    live_count(z) != before + 3 || !notes_find(x, yid) ||
		    !notes_find(y, xid2))
			lost++;
		notes_free(z);
		notes_free(x);
		notes_free(y);
		free(xid);
		free(xid2);
		free(yid);
	}
	anchor_clear(&an);
	free(p);
	if (same_id || lost)
		fail_msg("two stores gave the same id to different notes in "
			 "%d of 100 rounds; notes lost in %d", same_id, lost);
}

/* Changes that follow each other quickly (within the same millisecond,
 * often) still merge in order. */
#define ROUNDS 100

/* A deletion in one store is not undone by the other saving later --
 * however quickly it follows. */
static void test_merge_delete_kept(void **state)
{
	char *p = path_of("merge-del.yaml");
	struct err e = {{0}};
	struct anchor an;
	int round, undone = 0;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	for (round = 0; round < ROUNDS; round++) {
		struct notes *x, *y;
		const char *id;
		char *nid;

		unlink(p);
		x = notes_open(p, &e);

		assert_non_null(x);
		fresh_ms();
		assert_int_equal(notes_add(x, "shared", &an, 1, &id, &e), 0);
		nid = xstrdup(id);
		y = notes_open(p, &e);
		assert_non_null(notes_find(y, nid));
		assert_int_equal(notes_delete(x, nid, &e), 0);
		assert_int_equal(notes_add(y, "y saves", &an, 1, &id, &e), 0);
		assert_int_equal(notes_save(y, &e), 0);
		if (on_disk(p, nid, NULL) != 0)
			undone++;
		notes_free(x);
		notes_free(y);
		free(nid);
	}
	anchor_clear(&an);
	free(p);
	if (undone)
		fail_msg("a deletion was undone by the other store's save in "
			 "%d of %d rounds", undone, ROUNDS);
}

/* An edit in one store is not reverted by the other saving later. */
static void test_merge_edit_kept(void **state)
{
	char *p = path_of("merge-edit.yaml");
	struct err e = {{0}};
	struct anchor an;
	int round, lost = 0;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	for (round = 0; round < ROUNDS; round++) {
		struct notes *x, *y;
		const char *id;
		char *nid;

		unlink(p);
		x = notes_open(p, &e);

		fresh_ms();
		assert_int_equal(notes_add(x, "original", &an, 1, &id, &e), 0);
		nid = xstrdup(id);
		y = notes_open(p, &e);
		assert_int_equal(notes_edit(x, nid, "edited in x", &e), 0);
		assert_int_equal(notes_add(y, "y saves", &an, 1, &id, &e), 0);
		if (on_disk(p, nid, "edited in x") != 1)
			lost++;
		notes_free(x);
		notes_free(y);
		free(nid);
	}
	anchor_clear(&an);
	free(p);
	if (lost)
		fail_msg("an edit was reverted by the other store's save in "
			 "%d of %d rounds", lost, ROUNDS);
}

/* A note last changed on a machine whose clock runs ahead (a team
 * sharing the file): a change made here is still what is saved. */
static void test_change_to_note_from_the_future(void **state)
{
	static const char file[] =
		"brief-notes: 1\nnotes:\n"
		"- id: 'fast-1'\n  created: '2999-01-01T00:00:00.000Z'\n"
		"  modified: '2999-01-01T00:00:00.000Z'\n  text: 'to delete'\n"
		"  tags: []\n  anchors:\n  - file: 'articles/talks.txt'\n"
		"    quote: 'Geneva'\n"
		"- id: 'fast-2'\n  created: '2999-01-01T00:00:00.000Z'\n"
		"  modified: '2999-01-01T00:00:00.000Z'\n  text: 'to edit'\n"
		"  tags: []\n  anchors:\n  - file: 'articles/talks.txt'\n"
		"    quote: 'Geneva'\n"
		"count: 2\n";
	char *p = path_of("future.yaml");
	struct err e = {{0}};
	struct notes *ns;
	int del_rc, edit_rc, del_mem, edit_mem, del_disk, edit_disk;

	(void)state;
	spit(p, file, sizeof file - 1);
	ns = notes_open(p, &e);
	if (ns == NULL)
		fail_msg("%s", e.text);
	del_rc = notes_delete(ns, "fast-1", &e);
	edit_rc = notes_edit(ns, "fast-2", "edited here", &e);
	del_mem = notes_find(ns, "fast-1")->deleted;
	edit_mem = strcmp(notes_find(ns, "fast-2")->text, "edited here") == 0;
	del_disk = on_disk(p, "fast-1", NULL);
	edit_disk = on_disk(p, "fast-2", "edited here");
	notes_free(ns);
	free(p);
	assert_int_equal(del_rc, 0);
	assert_int_equal(edit_rc, 0);
	if (!del_mem || del_disk != 0)
		fail_msg("notes_delete returned 0, but the note is live (in "
			 "memory: %s, in the file: %s)", del_mem ? "deleted" : "live",
			 del_disk == 0 ? "deleted" : "live");
	if (!edit_mem || edit_disk != 1)
		fail_msg("notes_edit returned 0, but the old text is back (in "
			 "memory: %s, in the file: %s)", edit_mem ? "edited" : "old",
			 edit_disk == 1 ? "edited" : "old");
}

/* ---- save errors leave the old file as it was ---- */

static size_t temp_files(const char *base)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;
	char *pre = xasprintf(".%s.", base);

	assert_non_null(d);
	while ((de = readdir(d)))
		if (strncmp(de->d_name, pre, strlen(pre)) == 0)
			n++;
	closedir(d);
	free(pre);
	return n;
}

static void test_save_error_lock(void **state)
{
	char *p = path_of("lockfail.yaml"), *lock = path_of("lockfail.yaml.lock");
	char *before, *after;
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct anchor an;
	const char *id;
	size_t n1, n2;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	assert_int_equal(notes_add(ns, "saved", &an, 1, &id, &e), 0);
	before = slurp(p, &n1);
	/* the lock cannot be opened: a directory stands in its place */
	assert_int_equal(unlink(lock), 0);
	assert_int_equal(mkdir(lock, 0700), 0);
	e.text[0] = '\0';
	assert_int_equal(notes_add(ns, "not saved", &an, 1, &id, &e), -1);
	assert_non_null(strstr(e.text, "cannot be saved"));
	/* kept in memory all the same */
	assert_non_null(notes_find(ns, id));
	assert_int_equal(live_count(ns), 2);
	after = slurp(p, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	assert_int_equal(rmdir(lock), 0);
	notes_free(ns);
	anchor_clear(&an);
	free(before);
	free(after);
	free(lock);
	free(p);
}

/* The disk fills up while the new file is written (a file size limit
 * stands in for a full disk; it stops root too). */
static void test_save_error_write(void **state)
{
	char *p = path_of("full.yaml"), *before, *after, *big;
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct anchor an;
	struct rlimit old, lim;
	const char *id;
	size_t n1, n2;
	int rc;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	assert_int_equal(notes_add(ns, "saved before", &an, 1, &id, &e), 0);
	before = slurp(p, &n1);
	big = xmalloc(20000);
	memset(big, 'x', 19999);
	big[19999] = '\0';
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = (rlim_t)n1 + 4096;
	signal(SIGXFSZ, SIG_IGN);
	/* nothing else is written while the limit holds (the test log may
	 * be a file) */
	fflush(stdout);
	fflush(stderr);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	e.text[0] = '\0';
	rc = notes_add(ns, big, &an, 1, &id, &e);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, SIG_DFL);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(e.text, "cannot be saved"));
	after = slurp(p, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	assert_int_equal(temp_files("full.yaml"), 0);
	/* once there is room again, the next change saves everything */
	assert_int_equal(notes_save(ns, &e), 0);
	assert_int_equal(on_disk(p, id, big), 1);
	notes_free(ns);
	anchor_clear(&an);
	free(big);
	free(before);
	free(after);
	free(p);
}

/* The file was damaged after it was opened: the save refuses to write. */
static void test_save_refuses_damaged_file(void **state)
{
	char *p = path_of("damaged.yaml"), *after;
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct anchor an;
	const char *id;
	const char *junk = "brief-notes: 1\nnotes: [ {id: 'x',\n";
	size_t n;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	assert_int_equal(notes_add(ns, "saved", &an, 1, &id, &e), 0);
	spit(p, junk, strlen(junk));
	e.text[0] = '\0';
	assert_int_equal(notes_add(ns, "not written", &an, 1, &id, &e), -1);
	assert_true(strncmp(e.text, p, strlen(p)) == 0);
	assert_int_equal(notes_save(ns, &e), -1);
	assert_int_equal(notes_undo(ns, &e), -1);
	after = slurp(p, &n);
	assert_int_equal(n, strlen(junk));
	assert_memory_equal(after, junk, n);
	notes_free(ns);
	anchor_clear(&an);
	free(after);
	free(p);
}

/* ---- files that cannot be parsed ---- */

/* e.text is "FILE:LINE:COL: message" (lc 1), "FILE: reason" (lc 0), or
 * either (lc -1). */
static void assert_message(const char *text, const char *p, int lc,
			   const char *want)
{
	const char *r = text;
	size_t pl = strlen(p);

	if (strncmp(r, p, pl) != 0 || r[pl] != ':')
		fail_msg("message does not start with \"%s:\": %s", p, text);
	r += pl + 1;
	if (lc == -1)
		lc = *r != ' ';
	if (lc) {
		int k;

		for (k = 0; k < 2; k++) {
			if (!(*r >= '1' && *r <= '9'))
				fail_msg("no LINE:COL in: %s", text);
			while (*r >= '0' && *r <= '9')
				r++;
			if (*r++ != ':')
				fail_msg("no LINE:COL in: %s", text);
		}
	}
	if (*r != ' ' || r[1] == '\0')
		fail_msg("unexpected form: %s", text);
	if (want && strstr(r, want) == NULL)
		fail_msg("\"%s\" lacks \"%s\"", text, want);
}

/* A file holding bytes: notes_open refuses it with the message, and
 * neither the file nor its directory is touched. */
static void refused(const char *name, const char *bytes, size_t n, int lc,
		    const char *want)
{
	char *p = path_of(name), *lock = xasprintf("%s.lock", p), *after;
	struct err e = {{0}};
	struct notes *ns;
	size_t len;

	spit(p, bytes, n);
	ns = notes_open(p, &e);
	if (ns != NULL) {
		notes_free(ns);
		fail_msg("%s: a bad file was opened (%zu bytes)", name, n);
	}
	assert_message(e.text, p, lc, want);
	after = slurp(p, &len);
	assert_non_null(after);
	assert_int_equal(len, n);
	if (n)
		assert_memory_equal(after, bytes, n);
	assert_int_not_equal(access(lock, F_OK), 0);
	assert_int_equal(temp_files(name), 0);
	free(after);
	free(lock);
	free(p);
}

static void test_bad_files(void **state)
{
	static const char bin[] = "brief-notes: 1\nnotes: []\0\0\x01\x02\ncount: 0\n";
	const char *s;

	(void)state;
	refused("empty.yaml", "", 0, 0, "empty");
	refused("bin.yaml", bin, sizeof bin - 1, 0, "binary");
	refused("nul-only.yaml", "\0", 1, 0, "binary");
	s = "brief-notes: 1\nnotes: []\ncount: 0\n# \xe9t\xe9\n";
	refused("latin1.yaml", s, strlen(s), 0, "UTF-8");
	s = "brief-notes: 1\nnotes: [\n";
	refused("malformed.yaml", s, strlen(s), 1, NULL);
	s = "brief-notes: 1\nnotes:\n  - id: 'a'\n   bad indent: x\ncount: 1\n";
	refused("indent.yaml", s, strlen(s), 1, NULL);
	s = "brief-notes: 1\nnotes: []\n";
	refused("nocount.yaml", s, strlen(s), 1, "truncated");
	s = "brief-notes: 1\nnotes: []\ncount: 3\n";
	refused("badcount.yaml", s, strlen(s), 1, "truncated");
	s = "a: 1\n";
	refused("other.yaml", s, strlen(s), 1, "not a brief notes file");
	s = "- just\n- a list\n";
	refused("list.yaml", s, strlen(s), 1, "not a brief notes file");
	s = "brief-notes: 1\nnotes:\n- created: 'x'\n  modified: 'x'\n"
	    "  text: 'no id'\n  anchors:\n  - quote: 'q'\ncount: 1\n";
	refused("noid.yaml", s, strlen(s), 1, "'id'");
	s = "brief-notes: 1\nnotes:\n- id: 'a'\n  created: 'x'\n"
	    "  modified: 'x'\n  text: 't'\ncount: 1\n";
	refused("noanchor.yaml", s, strlen(s), 1, "anchors");
	s = "brief-notes: 1\nnotes:\n- id: 'a'\n  created: 'x'\n"
	    "  modified: 'x'\n  text: 't'\n  anchors:\n  - quote: 'q'\n"
	    "    position: twelve\ncount: 1\n";
	refused("position.yaml", s, strlen(s), 1, "position");
}

/* Exact line and column for a few errors. */
static void test_error_positions(void **state)
{
	char *p = path_of("where.yaml"), *want;
	struct err e = {{0}};
	const char *s;

	(void)state;
	s = "brief-notes: 1\nnotes: [\n";
	spit(p, s, strlen(s));
	assert_null(notes_open(p, &e));
	want = xasprintf("%s:3:1: ", p);
	assert_true(strncmp(e.text, want, strlen(want)) == 0);
	free(want);
	s = "brief-notes: 1\nnotes: []\ncount: 3\n";
	spit(p, s, strlen(s));
	assert_null(notes_open(p, &e));
	want = xasprintf("%s:3:8: ", p);
	if (strncmp(e.text, want, strlen(want)) != 0)
		fail_msg("want %s..., got %s", want, e.text);
	free(want);
	s = "brief-notes: 1\nnotes:\n- id: 'a'\n  created: 'x'\n"
	    "  modified: 'x'\n  text: 't'\n  anchors:\n  - quote: 'q'\n"
	    "    position: twelve\ncount: 1\n";
	spit(p, s, strlen(s));
	assert_null(notes_open(p, &e));
	want = xasprintf("%s:9:15: ", p);
	if (strncmp(e.text, want, strlen(want)) != 0)
		fail_msg("want %s..., got %s", want, e.text);
	free(want);
	free(p);
}

/* A real notes file cut at every length (in the middle of a line, or
 * after whole lines) is refused: the closing count line is gone. */
static void test_truncated_everywhere(void **state)
{
	char *p = path_of("whole.yaml"), *data;
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct anchor an[2];
	const char *id;
	size_t len, cut;

	(void)state;
	anchor_on(&an[0], "would resume", 0);
	anchor_on(&an[1], "the talks", 2);
	assert_int_equal(notes_add(ns, "one #a", an, 1, &id, &e), 0);
	assert_int_equal(notes_add(ns, "two\nlines “quoted”", an, 2, &id, &e), 0);
	assert_int_equal(notes_add(ns, "three", &an[1], 1, &id, &e), 0);
	assert_int_equal(notes_delete(ns, id, &e), 0);
	notes_free(ns);
	data = slurp(p, &len);
	assert_non_null(data);
	/* the whole file, and without its last line break, are fine */
	ns = notes_open(p, &e);
	assert_non_null(ns);
	notes_free(ns);
	spit(p, data, len - 1);
	ns = notes_open(p, &e);
	assert_non_null(ns);
	notes_free(ns);
	for (cut = 0; cut + 1 < len; cut++)
		refused("cut.yaml", data, cut, -1, NULL);
	anchor_clear(&an[0]);
	anchor_clear(&an[1]);
	free(data);
	free(p);
}

/* ---- what the file holds, all of it ---- */

/* The message is exactly "FILE:want..." for the file p holding bytes. */
static void refused_at(const char *name, const char *bytes, const char *want)
{
	char *p = path_of(name), *full = xasprintf("%s:%s", p, want);
	struct err e = {{0}};

	refused(name, bytes, strlen(bytes), 1, NULL);
	assert_null(notes_open(p, &e));
	if (strncmp(e.text, full, strlen(full)) != 0)
		fail_msg("want \"%s...\", got \"%s\"", full, e.text);
	free(full);
	free(p);
}

#define NOTE_A "- id: 'a'\n  created: 'x'\n  modified: 'x'\n  text: 'one'\n" \
	"  anchors:\n  - quote: 'Geneva'\n"
#define NOTE_B "- id: 'b'\n  created: 'x'\n  modified: 'x'\n  text: 'two'\n" \
	"  anchors:\n  - quote: 'Geneva'\n"

/* Two notes with one id: refused, pointing at the second; so is any
 * mapping that gives a key twice (two texts, two lists of notes). */
static void test_duplicate_ids(void **state)
{
	(void)state;
	refused_at("dup-id.yaml", "brief-notes: 1\nnotes:\n" NOTE_A NOTE_A
		   "count: 2\n", "9:7: duplicate note id 'a' (first at 3:7)");
	refused_at("dup-text.yaml", "brief-notes: 1\nnotes:\n- id: 'a'\n"
		   "  created: 'x'\n  modified: 'x'\n  text: 'one'\n"
		   "  text: 'two'\n  anchors:\n  - quote: 'Geneva'\ncount: 1\n",
		   "7:3: duplicate key 'text' (first at 6:3)");
	refused_at("dup-list.yaml", "brief-notes: 1\nnotes:\n" NOTE_A
		   "notes:\n" NOTE_B "count: 1\n",
		   "9:1: duplicate key 'notes' (first at 2:1)");
	/* two whole notes files joined, each without '---' */
	refused_at("joined.yaml", "brief-notes: 1\nnotes:\n" NOTE_A
		   "count: 1\nbrief-notes: 1\nnotes:\n" NOTE_B "count: 1\n",
		   "10:1: duplicate key 'brief-notes' (first at 1:1)");
}

/* Two YAML documents in one file (cat a.yaml b.yaml): refused at the
 * start of the second. */
static void test_two_documents(void **state)
{
	(void)state;
	refused_at("two-docs.yaml", "---\nbrief-notes: 1\nnotes:\n" NOTE_A
		   "count: 1\n---\nbrief-notes: 1\nnotes:\n" NOTE_B
		   "count: 1\n", "11:1: a second YAML document");
	refused_at("two-docs-end.yaml", "brief-notes: 1\nnotes: []\ncount: 0\n"
		   "...\nbrief-notes: 1\nnotes: []\ncount: 0\n",
		   "5:1: ");
}

/* A newer version is refused, never rewritten; a version that is not a
 * whole number from 1 is refused too. */
static void test_newer_version(void **state)
{
	(void)state;
	refused_at("v2.yaml", "brief-notes: 2\nnotes: []\ncount: 0\n",
		   "1:14: notes file version 2 is newer than this brief (1)");
	refused_at("v0.yaml", "brief-notes: 0\nnotes: []\ncount: 0\n",
		   "1:14: ");
	refused_at("vneg.yaml", "brief-notes: -1\nnotes: []\ncount: 0\n",
		   "1:14: 'brief-notes' must be a whole number");
	refused_at("vbig.yaml", "brief-notes: 99999999999999999999999\n"
		   "notes: []\ncount: 0\n", "1:14: ");
}

/* Every number of the file is digits within bounds: a negative or huge
 * position (which wrapped in strtoull), count, revision, deleted. */
static void test_numbers_validated(void **state)
{
	static const char *bad_pos[] = {
		"-1", "18446744073709551615", "99999999999999999999999",
		"+5", "0x10", "281474976710657", "''",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad_pos / sizeof *bad_pos; i++) {
		char *s = xasprintf("brief-notes: 1\nnotes:\n- id: 'a'\n"
				    "  created: 'x'\n  modified: 'x'\n"
				    "  text: 't'\n  anchors:\n"
				    "  - quote: 'Geneva'\n    position: %s\n"
				    "count: 1\n", bad_pos[i]);

		refused_at("pos.yaml", s, "9:15: 'position' must be a whole "
			   "number from 0 to 281474976710656");
		free(s);
	}
	refused_at("count.yaml", "brief-notes: 1\nnotes: []\ncount: -0\n",
		   "3:8: ");
	refused_at("count2.yaml", "brief-notes: 1\nnotes:\n" NOTE_A
		   "count: 18446744073709551617\n", "9:8: ");
	refused_at("rev.yaml", "brief-notes: 1\nnotes:\n- id: 'a'\n"
		   "  revision: -3\n  created: 'x'\n  modified: 'x'\n"
		   "  text: 't'\n  anchors:\n  - quote: 'Geneva'\ncount: 1\n",
		   "4:13: 'revision' must be a whole number");
	refused_at("del.yaml", "brief-notes: 1\nnotes:\n- id: 'a'\n"
		   "  deleted: maybe\n  created: 'x'\n  modified: 'x'\n"
		   "  text: 't'\n  anchors:\n  - quote: 'Geneva'\ncount: 1\n",
		   "4:12: 'deleted' must be 1 or 0");
	refused_at("qlen.yaml", "brief-notes: 1\nnotes:\n- id: 'a'\n"
		   "  created: 'x'\n  modified: 'x'\n  text: 't'\n"
		   "  anchors:\n  - quote: 'Geneva'\n    quote-length: 3\n"
		   "    quote-hash: '0123456789abcdef'\ncount: 1\n",
		   "9:19: 'quote-length' must be longer than the quote");
}

/* A position at the bound, and one past the text, in a file: the note
 * is placed by its quote, and nothing reads outside the text. */
static void test_position_past_text(void **state)
{
	char *p = path_of("far.yaml");
	char *s = xasprintf("brief-notes: 1\nnotes:\n- id: 'a'\n"
			    "  created: 'x'\n  modified: 'x'\n  text: 't'\n"
			    "  anchors:\n  - quote: 'Kim said the talks would resume'\n"
			    "    article: '%s'\n    position: 281474976710656\n"
			    "- id: 'b'\n  created: 'x'\n  modified: 'x'\n"
			    "  text: 't'\n  anchors:\n  - quote: 'resume next month in Geneva.'\n"
			    "    article: '%s'\n    position: %zu\ncount: 2\n",
			    article_id(art), article_id(art), art->len - 3);
	struct err e = {{0}};
	struct notes *ns;
	size_t st, en;

	(void)state;
	spit(p, s, strlen(s));
	ns = notes_open(p, &e);
	if (ns == NULL)
		fail_msg("%s", e.text);
	assert_int_equal(anchor_resolve(&notes_find(ns, "a")->anchor[0], art,
					&st, &en), ANCHOR_MOVED);
	assert_int_equal(st, (size_t)(strstr(art->text, "Kim said") - art->text));
	assert_int_equal(anchor_resolve(&notes_find(ns, "b")->anchor[0], art,
					&st, &en), ANCHOR_MOVED);
	assert_memory_equal(art->text + st, "resume next month in Geneva.", 28);
	notes_free(ns);
	free(s);
	free(p);
}

/* Keys this brief does not know, at the top, in a note and in an
 * anchor, are kept through a load and a save. */
static void test_unknown_keys_kept(void **state)
{
	static const char file[] =
		"brief-notes: 1\nteam: {lead: 'Ana', size: 3}\nnotes:\n"
		"- id: 'a'\n  created: 'x'\n  modified: 'x'\n  text: 'one'\n"
		"  colour: red\n  review:\n  - by: 'Bo'\n    ok: true\n"
		"  anchors:\n  - quote: 'Geneva'\n    page: 12\n"
		"count: 1\n";
	char *p = path_of("unknown.yaml"), *data;
	struct err e = {{0}};
	struct notes *ns;
	struct anchor an;
	const char *id;
	struct ynode *root;
	const struct ynode *no;
	int ok;

	(void)state;
	spit(p, file, sizeof file - 1);
	ns = notes_open(p, &e);
	if (ns == NULL)
		fail_msg("%s", e.text);
	anchor_on(&an, "Kim said", 0);
	assert_int_equal(notes_add(ns, "another", &an, 1, &id, &e), 0);
	assert_int_equal(notes_edit(ns, "a", "one, edited", &e), 0);
	notes_free(ns);
	data = slurp(p, NULL);
	root = yamlio_parse(data, strlen(data), p, 0, &ok, &e);
	assert_true(ok);
	assert_string_equal(ynode_get(ynode_get(root, "team"), "lead")->str,
			    "Ana");
	assert_string_equal(ynode_get(ynode_get(root, "team"), "size")->str,
			    "3");
	no = ynode_get(root, "notes")->kids[0];
	assert_string_equal(ynode_get(no, "text")->str, "one, edited");
	assert_string_equal(ynode_get(no, "colour")->str, "red");
	assert_string_equal(ynode_get(ynode_get(no, "review")->kids[0], "by")->str,
			    "Bo");
	assert_string_equal(ynode_get(ynode_get(no, "anchors")->kids[0],
				      "page")->str, "12");
	assert_false(ynode_get(ynode_get(no, "anchors")->kids[0], "page")->quoted);
	ynode_free(root);
	anchor_clear(&an);
	free(data);
	free(p);
}

/* Two stores edit one note: the second to save keeps its text as the
 * note, the first's becomes a conflict copy (tagged "conflict"), and
 * the save says it kept one. */
static void test_concurrent_edits(void **state)
{
	char *p = path_of("conflict.yaml");
	struct err e = {{0}};
	struct notes *x = notes_open(p, &e), *y, *z;
	struct anchor an;
	const char *id;
	char *nid;
	struct note *c;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	assert_int_equal(notes_add(x, "original", &an, 1, &id, &e), 0);
	nid = xstrdup(id);
	y = notes_open(p, &e);
	assert_int_equal(notes_find(y, nid)->revision, 1);
	assert_int_equal(notes_edit(x, nid, "from x #mine", &e), 0);
	assert_int_equal(notes_conflicts(x), 0);
	assert_int_equal(notes_edit(y, nid, "from y", &e), 0);
	assert_int_equal(notes_conflicts(y), 1);
	z = notes_open(p, &e);
	assert_non_null(z);
	assert_string_equal(notes_find(z, nid)->text, "from y");
	assert_int_equal(notes_find(z, nid)->revision, 3);
	c = conflict_copy_of(z, nid);
	if (c == NULL)
		fail_msg("x's edit was lost: no conflict copy");
	assert_string_equal(c->text, "from x #mine");
	assert_false(c->deleted);
	assert_same_anchor(&c->anchor[0], &an);
	assert_string_equal(c->tags[0], "conflict");
	assert_string_equal(c->tags[1], "mine");
	notes_free(z);
	/* x saves again: it picks up y's text and the copy, and makes no
	 * second copy */
	assert_int_equal(notes_save(x, &e), 0);
	assert_int_equal(notes_conflicts(x), 0);
	assert_string_equal(notes_find(x, nid)->text, "from y");
	assert_non_null(conflict_copy_of(x, nid));
	notes_free(x);
	notes_free(y);
	/* a deletion against an edit: the deletion stays, the edit's text
	 * is kept as a copy */
	x = notes_open(p, &e);
	y = notes_open(p, &e);
	assert_int_equal(notes_edit(x, nid, "edited by x", &e), 0);
	assert_int_equal(notes_delete(y, nid, &e), 0);
	assert_int_equal(notes_conflicts(y), 1);
	assert_int_equal(on_disk(p, nid, NULL), 0);
	z = notes_open(p, &e);
	assert_int_equal(live_count(z), 2);
	notes_free(z);
	notes_free(x);
	notes_free(y);
	anchor_clear(&an);
	free(nid);
	free(p);
}

/* A file written before revisions: every note is revision 0, and the
 * first change makes it 1. */
static void test_revision_missing(void **state)
{
	char *p = path_of("norev.yaml");
	struct err e = {{0}};
	struct notes *ns;

	(void)state;
	spit(p, "brief-notes: 1\nnotes:\n" NOTE_A "count: 1\n",
	     strlen("brief-notes: 1\nnotes:\n" NOTE_A "count: 1\n"));
	ns = notes_open(p, &e);
	assert_int_equal(notes_find(ns, "a")->revision, 0);
	assert_int_equal(notes_edit(ns, "a", "changed", &e), 0);
	notes_free(ns);
	ns = notes_open(p, &e);
	assert_int_equal(notes_find(ns, "a")->revision, 1);
	notes_free(ns);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_bad_files_kept),
		cmocka_unit_test(test_open_missing),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_merge_adds),
		cmocka_unit_test(test_merge_delete_kept),
		cmocka_unit_test(test_merge_edit_kept),
		cmocka_unit_test(test_change_to_note_from_the_future),
		cmocka_unit_test(test_save_error_lock),
		cmocka_unit_test(test_save_error_write),
		cmocka_unit_test(test_save_refuses_damaged_file),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_error_positions),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_newer_version),
		cmocka_unit_test(test_numbers_validated),
		cmocka_unit_test(test_position_past_text),
		cmocka_unit_test(test_unknown_keys_kept),
		cmocka_unit_test(test_concurrent_edits),
		cmocka_unit_test(test_revision_missing),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, notes_setup, notes_teardown);
}
