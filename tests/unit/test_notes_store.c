/* The note store: add, edit, delete, undo, tags, ids, limits, revisions
 * and conflict copies; each change saved at once. */
#include "noteslib.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void test_store(void **state)
{
	struct article *a = text_article(rules, "s.txt", short_story);
	char *p = path_of("n1.yaml");
	struct notes *ns;
	struct err e = {{0}};
	struct anchor an;
	const char *id, *id2;
	struct note *no;
	char *keep;

	(void)state;
	ns = notes_open(p, &e);
	assert_non_null(ns);
	anchor_at(&an, a, "Kim said", 0);
	assert_int_equal(notes_add(ns, "First #alpha note — ünïcode", &an, 1,
				   &id, &e), 0);
	keep = xstrdup(id);
	assert_int_equal(notes_add(ns, "Second", &an, 1, &id2, &e), 0);
	assert_int_equal(notes_edit(ns, keep, "Edited #beta", &e), 0);
	assert_int_equal(notes_delete(ns, id2, &e), 0);
	notes_free(ns);

	ns = notes_open(p, &e);
	assert_non_null(ns);
	no = notes_find(ns, keep);
	assert_non_null(no);
	assert_string_equal(no->text, "Edited #beta");
	assert_int_equal(no->ntags, 1);
	assert_string_equal(no->tags[0], "beta");
	assert_string_equal(no->anchor[0].quote, "Kim said");
	assert_true(strlen(no->created) == 24 && no->created[23] == 'Z');
	{
		size_t n, i, live = 0;
		struct note *v = notes_all(ns, &n);

		for (i = 0; i < n; i++)
			live += !v[i].deleted;
		assert_int_equal(live, 1);
	}
	notes_free(ns);
	free(keep);
	anchor_clear(&an);
	article_free(a);
	free(p);
}

static void test_undo(void **state)
{
	struct article *a = text_article(rules, "s.txt", short_story);
	char *p = path_of("n2.yaml");
	struct notes *ns;
	struct err e = {{0}};
	struct anchor an;
	const char *id;
	char *keep;
	struct note *no;

	(void)state;
	ns = notes_open(p, &e);
	anchor_at(&an, a, "talks", 0);
	assert_int_equal(notes_add(ns, "one", &an, 1, &id, &e), 0);
	keep = xstrdup(id);
	assert_int_equal(notes_edit(ns, keep, "two", &e), 0);
	assert_int_equal(notes_delete(ns, keep, &e), 0);
	assert_int_equal(notes_undo(ns, &e), 0); /* the delete */
	no = notes_find(ns, keep);
	assert_false(no->deleted);
	assert_string_equal(no->text, "two");
	assert_int_equal(notes_undo(ns, &e), 0); /* the edit */
	assert_string_equal(notes_find(ns, keep)->text, "one");
	assert_int_equal(notes_undo(ns, &e), 0); /* the add */
	assert_true(notes_find(ns, keep)->deleted);
	assert_int_equal(notes_undo(ns, &e), 1); /* nothing left */
	notes_free(ns);
	free(keep);
	anchor_clear(&an);
	article_free(a);
	free(p);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store),
		cmocka_unit_test(test_undo),
		cmocka_unit_test(test_add_saves_at_once),
		cmocka_unit_test(test_ids_unique),
		cmocka_unit_test(test_add_linked_and_limits),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_delete_is_a_tombstone),
		cmocka_unit_test(test_undo_repeated),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_largest_note),
		cmocka_unit_test(test_note_on_huge_sentence),
		cmocka_unit_test(test_many_notes),
		cmocka_unit_test(test_undo_keeps_other_edit),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, notes_setup, notes_teardown);
}
