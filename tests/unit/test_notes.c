/* The note store: open, add, edit, delete, undo, tags, the file format,
 * merging two stores on one file, save errors and files that cannot be
 * parsed (never written). */
#include "testlib.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "brief/text/anchor.h"
#include "brief/notes/notes.h"
#include "brief/yaml/yamlio.h"

static struct article_rules *rules;
static struct article *art;
static char *dir;

static const char *story =
	"Officials said on Monday that the talks had failed after three "
	"days. Kim said the talks would resume next month in Geneva. "
	"Others said the talks were over for good.\n";

static int setup(void **state)
{
	struct err e = {{0}};
	const char *t = getenv("TMPDIR");

	(void)state;
	rules = article_rules_load("data/article.yaml", &e);
	if (rules == NULL)
		return -1;
	art = text_article(rules, "articles/talks.txt", story);
	dir = xasprintf("%s/brief-test-notes.XXXXXX", t && *t ? t : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	free(dir);
	article_free(art);
	article_rules_free(rules);
	return rc == 0 ? 0 : -1;
}

static char *path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static char *slurp(const char *p, size_t *n)
{
	struct err e;
	size_t len;
	char *d = file_read(p, &len, &e);

	if (n)
		*n = d ? len : 0;
	return d;
}

static void spit(const char *p, const char *bytes, size_t n)
{
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void anchor_on(struct anchor *an, const char *quote, int nth)
{
	const char *p = art->text;

	for (;;) {
		p = strstr(p, quote);
		assert_non_null(p);
		if (nth-- == 0)
			break;
		p++;
	}
	anchor_make(an, art, (size_t)(p - art->text),
		    (size_t)(p - art->text) + strlen(quote));
}

static size_t live_count(struct notes *ns)
{
	size_t n, i, live = 0;
	struct note *v = notes_all(ns, &n);

	for (i = 0; i < n; i++)
		live += !v[i].deleted;
	return live;
}

/* "2024-05-01T12:34:56.789Z" */
static void assert_iso_utc(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	size_t i;

	assert_non_null(s);
	assert_int_equal(strlen(s), strlen(shape));
	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd')
			assert_true(s[i] >= '0' && s[i] <= '9');
		else
			assert_int_equal(s[i], shape[i]);
}

static void assert_same_anchor(const struct anchor *x, const struct anchor *y)
{
	assert_string_equal(x->article, y->article);
	assert_string_equal(x->file, y->file);
	assert_string_equal(x->quote, y->quote);
	assert_string_equal(x->prefix, y->prefix);
	assert_string_equal(x->suffix, y->suffix);
	assert_int_equal(x->position, y->position);
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

static void test_add_saves_at_once(void **state)
{
	char *p = path_of("deep/er/add.yaml"), *data;
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e), *again;
	struct anchor an;
	const char *id;
	char *keep;
	struct note *no;
	size_t len;

	(void)state;
	assert_non_null(ns);
	anchor_on(&an, "would resume", 0);
	assert_int_equal(notes_add(ns, "Resumption claim #talks #geneva", &an,
				   1, &id, &e), 0);
	assert_non_null(id);
	assert_true(id[0] != '\0');
	keep = xstrdup(id);
	no = notes_find(ns, keep);
	assert_non_null(no);
	assert_iso_utc(no->created);
	assert_string_equal(no->modified, no->created);
	assert_false(no->deleted);
	assert_int_equal(no->nanchors, 1);
	assert_same_anchor(&no->anchor[0], &an);
	/* on disk at once (the directories made), without notes_free */
	data = slurp(p, &len);
	assert_non_null(data);
	assert_non_null(strstr(data, keep));
	assert_true(strncmp(data, "---\nbrief-notes: 1\n", 19) == 0 ||
		    strncmp(data, "brief-notes: 1\n", 15) == 0);
	/* the file ends with the count that detects truncation */
	assert_true(len > 9);
	assert_string_equal(data + len - 9, "count: 1\n");
	free(data);
	/* another store reads every field back */
	again = notes_open(p, &e);
	assert_non_null(again);
	no = notes_find(again, keep);
	assert_non_null(no);
	assert_string_equal(no->text, "Resumption claim #talks #geneva");
	assert_int_equal(no->ntags, 2);
	assert_string_equal(no->tags[0], "talks");
	assert_string_equal(no->tags[1], "geneva");
	assert_iso_utc(no->created);
	assert_iso_utc(no->modified);
	assert_int_equal(no->nanchors, 1);
	assert_same_anchor(&no->anchor[0], &an);
	notes_free(again);
	notes_free(ns);
	anchor_clear(&an);
	free(keep);
	free(p);
}

static void test_ids_unique(void **state)
{
	char *p = path_of("ids.yaml");
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e), *again;
	struct anchor an;
	char *ids[40];
	const char *id;
	size_t i, j;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	for (i = 0; i < 40; i++) {
		assert_int_equal(notes_add(ns, "same text", &an, 1, &id, &e), 0);
		ids[i] = xstrdup(id);
		for (j = 0; j < i; j++)
			assert_string_not_equal(ids[i], ids[j]);
	}
	again = notes_open(p, &e);
	assert_non_null(again);
	assert_int_equal(live_count(again), 40);
	for (i = 0; i < 40; i++) {
		assert_non_null(notes_find(again, ids[i]));
		free(ids[i]);
	}
	notes_free(again);
	notes_free(ns);
	anchor_clear(&an);
	free(p);
}

static void test_add_linked_and_limits(void **state)
{
	char *p = path_of("linked.yaml");
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e), *again;
	struct article *other = text_article(rules, "articles/other.txt",
					     "Geneva hosted the meeting. The "
					     "talks resumed quietly.\n");
	struct anchor an[3];
	const char *id;
	char *keep;
	struct note *no;
	size_t n;

	(void)state;
	anchor_on(&an[0], "would resume", 0);
	anchor_make(&an[1], other, 0, strlen("Geneva hosted the meeting."));
	anchor_on(&an[2], "Geneva", 0);
	assert_int_equal(notes_add(ns, "Both mention Geneva", an, 2, &id, &e),
			 0);
	keep = xstrdup(id);
	/* no passage, or three: refused, nothing added */
	assert_int_equal(notes_add(ns, "none", an, 0, &id, &e), -1);
	assert_int_equal(notes_add(ns, "three", an, 3, &id, &e), -1);
	notes_all(ns, &n);
	assert_int_equal(n, 1);
	again = notes_open(p, &e);
	no = notes_find(again, keep);
	assert_non_null(no);
	assert_int_equal(no->nanchors, 2);
	assert_same_anchor(&no->anchor[0], &an[0]);
	assert_same_anchor(&no->anchor[1], &an[1]);
	notes_free(again);
	notes_free(ns);
	anchor_clear(&an[0]);
	anchor_clear(&an[1]);
	anchor_clear(&an[2]);
	article_free(other);
	free(keep);
	free(p);
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

static void test_edit(void **state)
{
	char *p = path_of("edit.yaml");
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e), *again;
	struct anchor an;
	const char *id;
	char *keep, *created;
	struct note *no;

	(void)state;
	anchor_on(&an, "talks", 0);
	assert_int_equal(notes_add(ns, "first #one", &an, 1, &id, &e), 0);
	keep = xstrdup(id);
	created = xstrdup(notes_find(ns, keep)->created);
	assert_int_equal(notes_edit(ns, keep, "second #two #three", &e), 0);
	no = notes_find(ns, keep);
	assert_string_equal(no->text, "second #two #three");
	assert_int_equal(no->ntags, 2);
	assert_string_equal(no->tags[0], "two");
	assert_string_equal(no->tags[1], "three");
	assert_string_equal(no->created, created);
	assert_iso_utc(no->modified);
	assert_true(strcmp(no->modified, no->created) >= 0);
	again = notes_open(p, &e);
	no = notes_find(again, keep);
	assert_string_equal(no->text, "second #two #three");
	assert_string_equal(no->created, created);
	notes_free(again);
	/* unknown id */
	e.text[0] = '\0';
	assert_int_equal(notes_edit(ns, "no-such-id", "x", &e), -1);
	assert_non_null(strstr(e.text, "no such note"));
	notes_free(ns);
	anchor_clear(&an);
	free(created);
	free(keep);
	free(p);
}

static void test_delete_is_a_tombstone(void **state)
{
	char *p = path_of("delete.yaml"), *data;
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e), *again;
	struct anchor an;
	const char *id;
	char *gone, *kept;
	size_t n;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	assert_int_equal(notes_add(ns, "to delete", &an, 1, &id, &e), 0);
	gone = xstrdup(id);
	assert_int_equal(notes_add(ns, "to keep", &an, 1, &id, &e), 0);
	kept = xstrdup(id);
	assert_int_equal(notes_delete(ns, gone, &e), 0);
	assert_true(notes_find(ns, gone)->deleted);
	assert_int_equal(live_count(ns), 1);
	/* deleting twice, or an edit of a deleted note, is refused */
	assert_int_equal(notes_delete(ns, gone, &e), -1);
	assert_int_equal(notes_edit(ns, gone, "back?", &e), -1);
	/* kept in the file as a tombstone */
	data = slurp(p, NULL);
	assert_non_null(strstr(data, gone));
	assert_non_null(strstr(data, "deleted: 1"));
	assert_non_null(strstr(data, "count: 2"));
	free(data);
	again = notes_open(p, &e);
	notes_all(again, &n);
	assert_int_equal(n, 2);
	assert_true(notes_find(again, gone)->deleted);
	assert_false(notes_find(again, kept)->deleted);
	notes_free(again);
	notes_free(ns);
	anchor_clear(&an);
	free(gone);
	free(kept);
	free(p);
}

/* The state of note id in the file as it is now: -1 missing, 0 deleted,
 * 1 live (and its text, when text is given, matches). */
static int on_disk(const char *p, const char *id, const char *text)
{
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct note *no;
	int rc;

	if (ns == NULL)
		fail_msg("%s", e.text);
	no = notes_find(ns, id);
	rc = no == NULL ? -1 : no->deleted ? 0 : 1;
	if (rc == 1 && text && strcmp(no->text, text) != 0)
		rc = 2;
	notes_free(ns);
	return rc;
}

static void test_undo_repeated(void **state)
{
	char *p = path_of("undo.yaml");
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct anchor an;
	const char *id;
	char *a, *b;

	(void)state;
	anchor_on(&an, "the talks", 2);
	assert_int_equal(notes_undo(ns, &e), 1); /* nothing yet */
	assert_int_equal(notes_add(ns, "A1", &an, 1, &id, &e), 0);
	a = xstrdup(id);
	assert_int_equal(notes_add(ns, "B1", &an, 1, &id, &e), 0);
	b = xstrdup(id);
	assert_int_equal(notes_edit(ns, a, "A2 #x", &e), 0);
	assert_int_equal(notes_edit(ns, a, "A3", &e), 0);
	assert_int_equal(notes_delete(ns, b, &e), 0);
	assert_int_equal(on_disk(p, b, NULL), 0);

	/* each undo reverses one change, newest first, and is saved */
	assert_int_equal(notes_undo(ns, &e), 0);
	assert_int_equal(on_disk(p, b, "B1"), 1);
	assert_false(notes_find(ns, b)->deleted);
	assert_int_equal(notes_undo(ns, &e), 0);
	assert_int_equal(on_disk(p, a, "A2 #x"), 1);
	assert_int_equal(notes_find(ns, a)->ntags, 1);
	assert_int_equal(notes_undo(ns, &e), 0);
	assert_int_equal(on_disk(p, a, "A1"), 1);
	assert_int_equal(notes_find(ns, a)->ntags, 0);
	assert_int_equal(notes_undo(ns, &e), 0); /* the add of B */
	assert_int_equal(on_disk(p, b, NULL), 0);
	assert_int_equal(live_count(ns), 1);
	assert_int_equal(notes_undo(ns, &e), 0); /* the add of A */
	assert_int_equal(on_disk(p, a, NULL), 0);
	assert_int_equal(live_count(ns), 0);
	assert_int_equal(notes_undo(ns, &e), 1);
	assert_int_equal(notes_undo(ns, &e), 1);
	notes_free(ns);
	anchor_clear(&an);
	free(a);
	free(b);
	free(p);
}

/* ---- tags ---- */

static void check_tags(struct notes *ns, const struct anchor *an,
		       const char *text, const char *want)
{
	struct err e = {{0}};
	const char *id;
	struct note *no;
	struct buf got = {0};
	size_t i;

	assert_int_equal(notes_add(ns, text, an, 1, &id, &e), 0);
	no = notes_find(ns, id);
	buf_adds(&got, "");
	for (i = 0; i < no->ntags; i++) {
		if (i)
			buf_addc(&got, ' ');
		buf_adds(&got, no->tags[i]);
	}
	if (strcmp(got.data, want) != 0)
		fail_msg("tags of \"%s\": got \"%s\", want \"%s\"", text,
			 got.data, want);
	buf_free(&got);
}

static void test_tags(void **state)
{
	char *p = path_of("tags.yaml");
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct anchor an;

	(void)state;
	anchor_on(&an, "Kim", 0);
	check_tags(ns, &an, "no tags here", "");
	check_tags(ns, &an, "#leader at the start", "leader");
	check_tags(ns, &an, "two #alpha and #beta.", "alpha beta");
	check_tags(ns, &an, "punctuation #end, #stop; (#paren)", "end stop paren");
	check_tags(ns, &an, "dup #x and #x again", "x");
	check_tags(ns, &an, "not mid-word: a#b c#d", "");
	check_tags(ns, &an, "lone # and ## and #", "");
	check_tags(ns, &an, "dashes #north-korea #un_sc", "north-korea un_sc");
	check_tags(ns, &an, "unicode #überprüfen #日本", "überprüfen 日本");
	check_tags(ns, &an, "line one\n#second line\t#tab", "second tab");
	check_tags(ns, &an, "#2024 numbers", "2024");
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

/* The longest note text is saved and read back; a longer one is
 * refused, and neither the store nor the file changes. */
static void test_largest_note(void **state)
{
	char *p = path_of("large.yaml"), *big, *before, *after;
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct anchor an;
	const char *id;
	char *keep;
	size_t n, i;

	(void)state;
	big = xmalloc(NOTE_MAX_TEXT + 2);
	for (i = 0; i < NOTE_MAX_TEXT + 1; i++)
		big[i] = i % 64 == 63 ? '\n' : "ab'\"\\: #c"[i % 9];
	big[NOTE_MAX_TEXT + 1] = '\0';
	big[NOTE_MAX_TEXT] = '\0';
	anchor_on(&an, "Geneva", 0);
	if (notes_add(ns, big, &an, 1, &id, &e) != 0)
		fail_msg("%s", e.text);
	keep = xstrdup(id);
	before = slurp(p, &n);
	big[NOTE_MAX_TEXT] = 'z';
	e.text[0] = '\0';
	assert_int_equal(notes_add(ns, big, &an, 1, &id, &e), -1);
	assert_non_null(strstr(e.text, "at most"));
	assert_int_equal(notes_edit(ns, keep, big, &e), -1);
	assert_int_equal(live_count(ns), 1);
	assert_int_equal(strlen(notes_find(ns, keep)->text), NOTE_MAX_TEXT);
	after = slurp(p, NULL);
	assert_string_equal(before, after);
	notes_free(ns);
	ns = notes_open(p, &e);
	if (ns == NULL)
		fail_msg("the largest note is not read back: %s", e.text);
	big[NOTE_MAX_TEXT] = '\0';
	assert_string_equal(notes_find(ns, keep)->text, big);
	notes_free(ns);
	anchor_clear(&an);
	free(before);
	free(after);
	free(keep);
	free(big);
	free(p);
}

/* A note on a 5 MB sentence: the file keeps an excerpt, the length and
 * a hash; it is read back, placed exactly, and placed again after text
 * is added before it; a changed sentence is an orphan. */
static void test_note_on_huge_sentence(void **state)
{
	size_t len = 5u << 20, i, n, st, en;
	char *text = xmalloc(len + 64), *p = path_of("huge.yaml");
	struct article *a, *b;
	struct anchor an;
	struct notes *ns;
	struct err e = {{0}};
	const char *id;
	struct note *no;

	(void)state;
	memcpy(text, "Intro line.\n\n", 13);
	for (i = 13; i < len; i++)
		text[i] = "abcdefghij klmnopqrstuvw"[(i * 7 + i / 91) % 24];
	memcpy(text + len, ".\n", 3);
	a = text_article(rules, "articles/huge.txt", text);
	anchor_make(&an, a, 13, len + 1);
	assert_int_equal(an.length, len + 1 - 13);
	assert_true(strlen(an.quote) <= ANCHOR_MAX_QUOTE);
	ns = notes_open(p, &e);
	assert_int_equal(notes_add(ns, "on a long sentence", &an, 1, &id, &e), 0);
	notes_free(ns);
	free(slurp(p, &n));
	assert_true(n < 64 * 1024);
	ns = notes_open(p, &e);
	if (ns == NULL)
		fail_msg("not read back: %s", e.text);
	no = &notes_all(ns, &n)[0];
	assert_int_equal(anchor_resolve(&no->anchor[0], a, &st, &en),
			 ANCHOR_EXACT);
	assert_int_equal(st, 13);
	assert_int_equal(en, len + 1);
	text[0] = 'X';
	memmove(text + 5, text, len + 3);
	memcpy(text, "More ", 5);
	b = text_article(rules, "articles/huge.txt", text);
	assert_int_equal(anchor_resolve(&no->anchor[0], b, &st, &en),
			 ANCHOR_MOVED);
	assert_int_equal(st, 18);
	assert_int_equal(en, len + 6);
	article_free(b);
	text[len] = 'Q'; /* the end of the passage changed */
	b = text_article(rules, "articles/huge.txt", text);
	assert_int_equal(anchor_resolve(&no->anchor[0], b, &st, &en),
			 ANCHOR_ORPHAN);
	article_free(b);
	notes_free(ns);
	article_free(a);
	anchor_clear(&an);
	free(text);
	free(p);
}

/* 100,000 notes (more nodes than the old fixed limit of the reader) are
 * read, saved twice and read back whole.  Saving was quadratic in the
 * number of notes: a regression shows as a very slow test. */
static void test_many_notes(void **state)
{
	enum { MANY = 100000 };
	char *p = path_of("many.yaml");
	struct err e = {{0}};
	struct notes *ns;
	struct note *v;
	struct buf b = {0};
	struct anchor an;
	const char *id;
	char *added;
	size_t i, n;

	(void)state;
	buf_adds(&b, "brief-notes: 1\nnotes:\n");
	for (i = 0; i < MANY; i++)
		buf_printf(&b, "- id: 'm%zu'\n  created: '2024-01-01T00:00:00.000Z'"
			   "\n  modified: '2024-01-01T00:00:00.000Z'\n"
			   "  revision: 1\n  text: 'note %zu #n%zu'\n"
			   "  tags: ['n%zu']\n  anchors:\n  - article: null\n"
			   "    file: 'articles/talks.txt'\n    quote: 'talks'\n"
			   "    prefix: ''\n    suffix: ''\n    position: 0\n",
			   i, i, i % 7, i % 7);
	buf_printf(&b, "count: %d\n", MANY);
	spit(p, b.data, b.len);
	buf_free(&b);
	ns = notes_open(p, &e);
	if (ns == NULL)
		fail_msg("%s", e.text);
	anchor_on(&an, "Geneva", 0);
	assert_int_equal(notes_add(ns, "one more", &an, 1, &id, &e), 0);
	added = xstrdup(id);
	assert_int_equal(notes_edit(ns, "m0", "first, edited", &e), 0);
	notes_free(ns);
	ns = notes_open(p, &e);
	if (ns == NULL)
		fail_msg("100,000 notes are not read back: %s", e.text);
	v = notes_all(ns, &n);
	assert_int_equal(n, MANY + 1);
	assert_string_equal(notes_find(ns, "m0")->text, "first, edited");
	assert_int_equal(notes_find(ns, "m0")->revision, 2);
	assert_string_equal(notes_find(ns, added)->text, "one more");
	assert_string_equal(v[MANY - 1].text, "note 99999 #n4");
	assert_string_equal(v[50000].id, "m50000");
	assert_string_equal(v[50000].tags[0], "n6");
	notes_free(ns);
	anchor_clear(&an);
	free(added);
	free(p);
}

/* The conflict copy of note id in store ns: the one live note whose
 * conflict_of is id (NULL when there is none; fails on two). */
static struct note *conflict_copy_of(struct notes *ns, const char *id)
{
	size_t n, i;
	struct note *v = notes_all(ns, &n), *found = NULL;

	for (i = 0; i < n; i++)
		if (!v[i].deleted && v[i].conflict_of &&
		    strcmp(v[i].conflict_of, id) == 0) {
			if (found)
				fail_msg("two conflict copies of %s", id);
			found = &v[i];
		}
	return found;
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

/* Undo undoes this session's change only: another process's later edit
 * of the note survives (as a conflict copy), whether this session has
 * read it yet or not. */
static void test_undo_keeps_other_edit(void **state)
{
	char *p = path_of("undo-other.yaml");
	struct err e = {{0}};
	struct notes *x = notes_open(p, &e), *y;
	struct anchor an;
	const char *id;
	char *nid;
	int round;

	(void)state;
	anchor_on(&an, "Geneva", 0);
	assert_int_equal(notes_add(x, "original", &an, 1, &id, &e), 0);
	nid = xstrdup(id);
	notes_free(x);
	for (round = 0; round < 2; round++) {
		struct note *c;

		x = notes_open(p, &e);
		assert_int_equal(notes_edit(x, nid, "x's edit", &e), 0);
		y = notes_open(p, &e);
		assert_int_equal(notes_edit(y, nid, "y's edit", &e), 0);
		if (round == 1) /* x reads y's edit first */
			assert_int_equal(notes_save(x, &e), 0);
		assert_int_equal(notes_undo(x, &e), 0);
		assert_int_equal(notes_conflicts(x), 1);
		assert_int_equal(on_disk(p, nid, "original"), 1);
		notes_free(y);
		y = notes_open(p, &e);
		c = conflict_copy_of(y, nid);
		if (c == NULL || strcmp(c->text, "y's edit") != 0)
			fail_msg("round %d: undo wiped the other's edit", round);
		notes_free(y);
		notes_free(x);
		/* start the next round from one note */
		x = notes_open(p, &e);
		if (notes_delete(x, conflict_copy_of(x, nid)->id, &e) != 0)
			fail_msg("%s", e.text);
		notes_free(x);
	}
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
		cmocka_unit_test(test_open_missing),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_add_saves_at_once),
		cmocka_unit_test(test_ids_unique),
		cmocka_unit_test(test_add_linked_and_limits),
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_delete_is_a_tombstone),
		cmocka_unit_test(test_undo_repeated),
		cmocka_unit_test(test_tags),
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
		cmocka_unit_test(test_largest_note),
		cmocka_unit_test(test_note_on_huge_sentence),
		cmocka_unit_test(test_many_notes),
		cmocka_unit_test(test_concurrent_edits),
		cmocka_unit_test(test_undo_keeps_other_edit),
		cmocka_unit_test(test_revision_missing),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
