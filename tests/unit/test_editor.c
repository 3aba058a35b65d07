/* The note editor's model: keys in, text and cursor out (no screen). */
#include "testlib.h"

#include <curses.h>

#include "brief/ui/editor.h"
#include "brief/base/utf8.h"

#define W 80

/* Feed a UTF-8 string as typed characters (one code point a key). */
static void type(struct editor *ed, const char *s)
{
	while (*s) {
		const unsigned char *u = (const unsigned char *)s;
		int cp, n, i;

		if (u[0] < 0x80) {
			cp = u[0];
			n = 1;
		} else if (u[0] < 0xE0) {
			cp = u[0] & 0x1F;
			n = 2;
		} else if (u[0] < 0xF0) {
			cp = u[0] & 0x0F;
			n = 3;
		} else {
			cp = u[0] & 0x07;
			n = 4;
		}
		for (i = 1; i < n; i++)
			cp = (cp << 6) | (u[i] & 0x3F);
		assert_int_equal(editor_key(ed, cp, 0, 0, W), EDIT_NONE);
		s += n;
	}
}

static int key(struct editor *ed, int k)
{
	return editor_key(ed, k, 0, 0, W);
}

static int fkey(struct editor *ed, int k)
{
	return editor_key(ed, k, 1, 0, W);
}

#define TEXT(ed) ((ed)->text.data)

static void test_start(void **state)
{
	struct editor ed;

	(void)state;
	editor_start(&ed, "New note", NULL);
	assert_string_equal(TEXT(&ed), "");
	assert_int_equal(ed.cur, 0);
	assert_string_equal(ed.title, "New note");
	editor_free(&ed);
	/* editing an existing note: the cursor at its end */
	editor_start(&ed, "Edit", "old text");
	assert_string_equal(TEXT(&ed), "old text");
	assert_int_equal(ed.cur, 8);
	editor_free(&ed);
}

static void test_insert_utf8(void **state)
{
	struct editor ed;
	const char *all = "Über “Kim’s” 日本 😀";

	(void)state;
	editor_start(&ed, "t", "");
	type(&ed, all);
	assert_string_equal(TEXT(&ed), all);
	assert_int_equal(ed.cur, strlen(all));
	assert_int_equal(ed.text.len, strlen(all));
	/* Left and Right step over whole characters */
	fkey(&ed, KEY_HOME);
	assert_int_equal(ed.cur, 0);
	fkey(&ed, KEY_RIGHT);
	assert_int_equal(ed.cur, 2); /* past "Ü" */
	fkey(&ed, KEY_RIGHT);
	assert_int_equal(ed.cur, 3); /* past "b" */
	type(&ed, "é");
	assert_string_equal(TEXT(&ed), "Übéer “Kim’s” 日本 😀");
	assert_int_equal(ed.cur, 5);
	fkey(&ed, KEY_END);
	fkey(&ed, KEY_LEFT);
	assert_int_equal(ed.cur, strlen("Übéer “Kim’s” 日本 ")); /* before 😀 */
	fkey(&ed, KEY_LEFT);
	fkey(&ed, KEY_LEFT);
	assert_int_equal(ed.cur, strlen("Übéer “Kim’s” 日")); /* before 本 */
	/* Right at the end and Left at the start stay put */
	fkey(&ed, KEY_END);
	fkey(&ed, KEY_RIGHT);
	assert_int_equal(ed.cur, ed.text.len);
	fkey(&ed, KEY_HOME);
	fkey(&ed, KEY_LEFT);
	assert_int_equal(ed.cur, 0);
	/* Tab is a space; other control characters are not inserted */
	key(&ed, '\t');
	key(&ed, 2);  /* Ctrl-B */
	key(&ed, 31);
	assert_string_equal(TEXT(&ed), " Übéer “Kim’s” 日本 😀");
	editor_free(&ed);
}

static void test_backspace_delete(void **state)
{
	struct editor ed;

	(void)state;
	editor_start(&ed, "t", "a€😀");
	/* Backspace removes the whole 4-byte character, then the 3-byte */
	assert_int_equal(fkey(&ed, KEY_BACKSPACE), EDIT_NONE);
	assert_string_equal(TEXT(&ed), "a€");
	assert_int_equal(ed.cur, 4);
	key(&ed, 127); /* DEL as sent by most terminals */
	assert_string_equal(TEXT(&ed), "a");
	key(&ed, 8); /* Ctrl-H */
	assert_string_equal(TEXT(&ed), "");
	assert_int_equal(ed.cur, 0);
	key(&ed, 127); /* at the start: nothing */
	assert_string_equal(TEXT(&ed), "");
	assert_int_equal(ed.text.len, 0);
	/* Delete removes the character under the cursor */
	editor_set(&ed, "né😀x");
	fkey(&ed, KEY_HOME);
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_DC);
	assert_string_equal(TEXT(&ed), "n😀x");
	fkey(&ed, KEY_DC);
	assert_string_equal(TEXT(&ed), "nx");
	assert_int_equal(ed.cur, 1);
	fkey(&ed, KEY_END);
	fkey(&ed, KEY_DC); /* at the end: nothing */
	assert_string_equal(TEXT(&ed), "nx");
	/* Backspace in the middle */
	editor_set(&ed, "ab“cd");
	fkey(&ed, KEY_LEFT);
	fkey(&ed, KEY_LEFT);
	key(&ed, 127);
	assert_string_equal(TEXT(&ed), "abcd");
	assert_int_equal(ed.cur, 2);
	editor_free(&ed);
}

static void test_line_keys(void **state)
{
	struct editor ed;

	(void)state;
	editor_start(&ed, "t", "first line\nsecond line");
	/* Ctrl-A and Ctrl-E: start and end of the cursor's line */
	key(&ed, 1);
	assert_int_equal(ed.cur, strlen("first line\n"));
	key(&ed, 5);
	assert_int_equal(ed.cur, strlen("first line\nsecond line"));
	fkey(&ed, KEY_UP);
	key(&ed, 1);
	assert_int_equal(ed.cur, 0);
	key(&ed, 5);
	assert_int_equal(ed.cur, strlen("first line"));
	/* Ctrl-U: removes the line before the cursor, not the other line */
	fkey(&ed, KEY_LEFT);
	fkey(&ed, KEY_LEFT);
	key(&ed, 21);
	assert_string_equal(TEXT(&ed), "ne\nsecond line");
	assert_int_equal(ed.cur, 0);
	key(&ed, 5);
	fkey(&ed, KEY_DOWN);
	key(&ed, 5);
	key(&ed, 21);
	assert_string_equal(TEXT(&ed), "ne\n");
	/* a one-line note: Ctrl-U at the end clears it */
	editor_set(&ed, "Ünïcode – text “quoted”");
	assert_int_equal(key(&ed, 21), EDIT_NONE);
	assert_string_equal(TEXT(&ed), "");
	assert_int_equal(ed.cur, 0);
	editor_free(&ed);
}

static void test_newline_and_save(void **state)
{
	struct editor ed;

	(void)state;
	editor_start(&ed, "t", "");
	type(&ed, "one");
	/* Ctrl-J adds a line */
	assert_int_equal(key(&ed, '\n'), EDIT_NONE);
	type(&ed, "two");
	/* Alt-Enter (Esc then Enter) adds a line, as \r or KEY_ENTER */
	assert_int_equal(editor_key(&ed, '\r', 0, 1, W), EDIT_NONE);
	type(&ed, "three");
	assert_int_equal(editor_key(&ed, KEY_ENTER, 1, 1, W), EDIT_NONE);
	type(&ed, "four");
	assert_string_equal(TEXT(&ed), "one\ntwo\nthree\nfour");
	/* a line break in the middle splits the line */
	key(&ed, 1);
	fkey(&ed, KEY_RIGHT);
	key(&ed, '\n');
	assert_string_equal(TEXT(&ed), "one\ntwo\nthree\nf\nour");
	/* Enter saves, and leaves the text as it is */
	assert_int_equal(key(&ed, '\r'), EDIT_SAVE);
	assert_int_equal(fkey(&ed, KEY_ENTER), EDIT_SAVE);
	assert_string_equal(TEXT(&ed), "one\ntwo\nthree\nf\nour");
	editor_free(&ed);
}

static void test_other_results(void **state)
{
	struct editor ed;

	(void)state;
	editor_start(&ed, "t", "keep me");
	assert_int_equal(key(&ed, 27), EDIT_CANCEL);
	assert_int_equal(key(&ed, 24), EDIT_EXTERNAL); /* Ctrl-X */
	assert_int_equal(key(&ed, 15), EDIT_LINK);     /* Ctrl-O */
	assert_string_equal(TEXT(&ed), "keep me");
	/* unknown function keys change nothing */
	assert_int_equal(fkey(&ed, KEY_F(5)), EDIT_NONE);
	assert_string_equal(TEXT(&ed), "keep me");
	assert_int_equal(ed.cur, 7);
	editor_free(&ed);
}

static void test_up_down_column(void **state)
{
	struct editor ed;

	(void)state;
	editor_start(&ed, "t", "abcdef\nuvwxyz\n012345");
	/* from column 4 of the last line */
	key(&ed, 1);
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_RIGHT);
	assert_int_equal(ed.cur, strlen("abcdef\nuvwxyz\n0123"));
	fkey(&ed, KEY_UP);
	assert_int_equal(ed.cur, strlen("abcdef\nuvwx"));
	fkey(&ed, KEY_UP);
	assert_int_equal(ed.cur, strlen("abcd"));
	fkey(&ed, KEY_UP); /* on the first line: stays */
	assert_int_equal(ed.cur, strlen("abcd"));
	fkey(&ed, KEY_DOWN);
	fkey(&ed, KEY_DOWN);
	assert_int_equal(ed.cur, strlen("abcdef\nuvwxyz\n0123"));
	fkey(&ed, KEY_DOWN); /* on the last line: stays */
	assert_int_equal(ed.cur, strlen("abcdef\nuvwxyz\n0123"));
	/* a shorter line: the cursor goes to its end */
	editor_set(&ed, "abcdef\nxy");
	fkey(&ed, KEY_UP);
	key(&ed, 5);
	fkey(&ed, KEY_DOWN);
	assert_int_equal(ed.cur, strlen("abcdef\nxy"));
	editor_free(&ed);
}

/* The column is counted in screen columns, not bytes. */
static void test_up_down_utf8(void **state)
{
	struct editor ed;

	(void)state;
	editor_start(&ed, "t", "ééééé\nabcdef\n日本語です");
	/* column 2 of "abcdef" */
	fkey(&ed, KEY_UP);
	key(&ed, 1);
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_UP);
	assert_int_equal(ed.cur, strlen("éé")); /* after two é */
	fkey(&ed, KEY_DOWN);
	assert_int_equal(ed.cur, strlen("ééééé\nab"));
	/* column 4 of "abcdef" is after two double-width characters */
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_DOWN);
	assert_int_equal(ed.cur, strlen("ééééé\nabcdef\n日本"));
	/* and back up: column 4 again */
	fkey(&ed, KEY_UP);
	assert_int_equal(ed.cur, strlen("ééééé\nabcd"));
	editor_free(&ed);
}

static void test_set(void **state)
{
	struct editor ed;

	(void)state;
	editor_start(&ed, "t", "short");
	/* from the external editor: one trailing line break dropped */
	editor_set(&ed, "from $EDITOR\nsecond line\n");
	assert_string_equal(TEXT(&ed), "from $EDITOR\nsecond line");
	assert_int_equal(ed.cur, ed.text.len);
	editor_set(&ed, "");
	assert_string_equal(TEXT(&ed), "");
	assert_int_equal(ed.cur, 0);
	type(&ed, "ok");
	assert_string_equal(TEXT(&ed), "ok");
	editor_free(&ed);
}

/* A long note typed key by key stays consistent. */
static void test_long_text(void **state)
{
	struct editor ed;
	struct buf want = {0};
	int i;

	(void)state;
	editor_start(&ed, "t", "");
	for (i = 0; i < 2000; i++) {
		type(&ed, i % 3 ? "ab" : "é“");
		buf_adds(&want, i % 3 ? "ab" : "é“");
	}
	assert_int_equal(ed.text.len, want.len);
	assert_memory_equal(TEXT(&ed), want.data, want.len);
	assert_int_equal(TEXT(&ed)[ed.text.len], '\0');
	key(&ed, 21);
	assert_string_equal(TEXT(&ed), "");
	buf_free(&want);
	editor_free(&ed);
}

/* A 5 MB line: typing, moving and deleting at its end and in its middle,
 * drawn after each key on a real (discarded) curses screen.  No timing is
 * asserted: a path quadratic in the line's length would take hours. */
static void test_huge_line(void **state)
{
	const char unit[] = "ab é “q” ";
	size_t ul = strlen(unit), n = 0, mid;
	struct buf big = {0};
	struct editor ed;
	struct editor_view v;
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr;

	(void)state;
	assert_non_null(out);
	assert_non_null(in);
	scr = newterm("xterm", out, in);
	assert_non_null(scr);
	while (big.len < (5u << 20)) {
		buf_add(&big, unit, ul);
		n++;
	}
	editor_start(&ed, "huge", big.data);
	assert_int_equal(ed.cur, big.len);
	editor_draw(&ed, 0, 10, W);
	/* at the end: type, step left, delete both ways */
	type(&ed, "XY");
	editor_draw(&ed, 0, 10, W);
	editor_view(&ed, 10, W, &v);
	assert_int_equal(v.line, 0);
	assert_true(v.from > 0 && v.from < ed.cur);
	assert_true(v.col > 0 && v.col < W);
	fkey(&ed, KEY_LEFT);
	editor_draw(&ed, 0, 10, W);
	key(&ed, 127);         /* deletes X */
	fkey(&ed, KEY_DC);     /* deletes Y */
	editor_draw(&ed, 0, 10, W);
	assert_int_equal(ed.text.len, big.len);
	assert_memory_equal(TEXT(&ed), big.data, big.len);
	/* in the middle (a character boundary: a unit's start) */
	mid = (n / 2) * ul;
	ed.cur = mid;
	editor_draw(&ed, 0, 10, W);
	type(&ed, "MID");
	editor_draw(&ed, 0, 10, W);
	editor_view(&ed, 10, W, &v);
	assert_int_equal(v.col, (int)utf8_str_width(TEXT(&ed) + v.from,
						    ed.cur - v.from));
	assert_true(v.col < W);
	assert_memory_equal(TEXT(&ed) + mid, "MID", 3);
	fkey(&ed, KEY_RIGHT);
	fkey(&ed, KEY_LEFT);
	fkey(&ed, KEY_UP);     /* one line: stays */
	fkey(&ed, KEY_DOWN);
	assert_int_equal(ed.cur, mid + 3);
	key(&ed, 8);
	key(&ed, 8);
	key(&ed, 8);
	editor_draw(&ed, 0, 10, W);
	assert_int_equal(ed.cur, mid);
	type(&ed, "Z");
	fkey(&ed, KEY_LEFT);
	fkey(&ed, KEY_DC);
	editor_draw(&ed, 0, 10, W);
	assert_int_equal(ed.text.len, big.len);
	assert_memory_equal(TEXT(&ed), big.data, big.len);
	/* Home and End across the whole line */
	fkey(&ed, KEY_HOME);
	editor_view(&ed, 10, W, &v);
	assert_int_equal(ed.cur, 0);
	assert_int_equal(v.from, 0);
	assert_int_equal(v.col, 0);
	fkey(&ed, KEY_END);
	editor_draw(&ed, 0, 10, W);
	assert_int_equal(ed.cur, big.len);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	editor_free(&ed);
	buf_free(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start),
		cmocka_unit_test(test_insert_utf8),
		cmocka_unit_test(test_backspace_delete),
		cmocka_unit_test(test_line_keys),
		cmocka_unit_test(test_newline_and_save),
		cmocka_unit_test(test_other_results),
		cmocka_unit_test(test_up_down_column),
		cmocka_unit_test(test_up_down_utf8),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_huge_line),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
