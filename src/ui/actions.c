/* actions: what each key action does, one handler per action of
 * actions.def, dispatched through the table made from that list. */
#include "brief/ui/reader.h"

#include <curses.h>

#include "brief/ui/keymap.h"

#define ACTION(name, keys, help, handler) static void handler(struct ui *u);
#include "brief/ui/actions.def"
#undef ACTION

static void (*const handler_of[ACT_COUNT])(struct ui *u) = {
#define ACTION(name, keys, help, handler) [ACT_##name] = handler,
#include "brief/ui/actions.def"
#undef ACTION
};

void actions_run(struct ui *u, int a)
{
	u->msg[0] = '\0';
	if (a > 0 && a < ACT_COUNT && handler_of[a])
		handler_of[a](u);
	/* a count belongs to the action it came before, used or not */
	jump_take_count(u);
}

/* The count typed before the action, 1 when none. */
static long count(struct ui *u)
{
	return jump_take_count(u);
}

/* Run step n times (n the count), stopping when it says so. */
static void repeat(struct ui *u, void (*step)(struct ui *, int), int dir)
{
	long n = count(u);

	while (n-- > 0)
		step(u, dir);
}

/* Rows a page or half a page moves. */
static long page(const struct ui *u)
{
	int rows = reader_text_rows(u);

	return rows > 2 ? rows - 2 : 1;
}

static long half(const struct ui *u)
{
	int rows = reader_text_rows(u);

	return rows / 2 ? rows / 2 : 1;
}

static void open_overlay(struct ui *u, const struct overlay_ops *ops)
{
	overlay_open(&u->ov, ops, u);
}

static void act_quit(struct ui *u) { quit_request(u); }
static void act_help(struct ui *u) { open_overlay(u, &help_overlay); }
static void act_down(struct ui *u) { cursor_move(u, CUR_DOWN); }
static void act_up(struct ui *u) { cursor_move(u, CUR_UP); }
static void act_left(struct ui *u) { cursor_move(u, CUR_LEFT); }
static void act_right(struct ui *u) { cursor_move(u, CUR_RIGHT); }
static void act_word_next(struct ui *u) { cursor_move(u, CUR_WORD_NEXT); }
static void act_word_prev(struct ui *u) { cursor_move(u, CUR_WORD_PREV); }
static void act_row_start(struct ui *u) { cursor_move(u, CUR_ROW_START); }
static void act_row_end(struct ui *u) { cursor_move(u, CUR_ROW_END); }
static void act_sent_next(struct ui *u) { cursor_move(u, CUR_SENT_NEXT); }
static void act_sent_prev(struct ui *u) { cursor_move(u, CUR_SENT_PREV); }
static void act_screen_top(struct ui *u) { cursor_move(u, CUR_SCREEN_TOP); }
static void act_screen_mid(struct ui *u) { cursor_move(u, CUR_SCREEN_MID); }
static void act_screen_bottom(struct ui *u) { cursor_move(u, CUR_SCREEN_BOTTOM); }
static void act_visual(struct ui *u) { cursor_visual(u, 0); }
static void act_visual_sent(struct ui *u) { cursor_visual(u, 1); }
static void act_yank(struct ui *u) { cursor_yank(u); }
static void act_scroll_down(struct ui *u) { nav_scroll(u, count(u)); }
static void act_scroll_up(struct ui *u) { nav_scroll(u, -count(u)); }
static void act_page_down(struct ui *u) { nav_scroll(u, page(u) * count(u)); }
static void act_page_up(struct ui *u) { nav_scroll(u, -page(u) * count(u)); }
static void act_half_down(struct ui *u) { nav_scroll(u, half(u) * count(u)); }
static void act_half_up(struct ui *u) { nav_scroll(u, -half(u) * count(u)); }
static void act_sync(struct ui *u) { nav_toggle_sync(u); }
static void act_search(struct ui *u) { command_start(u, '/'); }
static void act_filter(struct ui *u) { command_start(u, '&'); }
static void act_search_word(struct ui *u) { nav_search_word(u, 1); }
static void act_search_word_back(struct ui *u) { nav_search_word(u, -1); }
static void act_search_next(struct ui *u) { repeat(u, nav_search_next, 1); }
static void act_search_prev(struct ui *u) { repeat(u, nav_search_next, -1); }
static void act_select_next(struct ui *u) { repeat(u, nav_select_step, 1); }
static void act_select_prev(struct ui *u) { repeat(u, nav_select_step, -1); }
/* ]: as many steps as the count, but one that offers the archive ends
 * them (Enter is to answer it). */
static void act_mention_next(struct ui *u)
{
	long n = count(u);

	while (n-- > 0) {
		int offered = u->offer.on;

		nav_mention_step(u, 1);
		if (u->offer.on && !offered)
			break;
	}
}
static void act_mention_prev(struct ui *u) { repeat(u, nav_mention_step, -1); }
static void act_para_next(struct ui *u) { repeat(u, jump_paragraph, 1); }
static void act_para_prev(struct ui *u) { repeat(u, jump_paragraph, -1); }
static void act_mark(struct ui *u) { u->pend.key = 'm'; reader_say(u, 0, "m: a letter to mark"); }
static void act_goto_mark(struct ui *u) { u->pend.key = '\''; reader_say(u, 0, "': a mark's letter"); }

/* g and G: the top and the bottom, or with a count § N. */
static void act_top(struct ui *u)
{
	if (u->pend.counting) {
		jump_section(u, count(u));
		return;
	}
	jump_record(u);
	nav_top(u);
	/* the cursor on the first row (pulled there before drawing) */
	cursor_set(u, u->lay.shown[u->lay.focus], 0);
}

static void act_bottom(struct ui *u)
{
	if (u->pend.counting) {
		jump_section(u, count(u));
		return;
	}
	jump_record(u);
	nav_bottom(u);
	/* the cursor on the last row */
	cursor_set(u, u->lay.shown[u->lay.focus],
		   reader_focused(u)->a->len);
}

static void act_percent(struct ui *u)
{
	jump_percent(u, u->pend.counting ? count(u) : 0);
}
static void act_xref(struct ui *u) { open_overlay(u, &xref_overlay); }
static void act_index(struct ui *u) { open_overlay(u, &index_overlay); }
static void act_note_add(struct ui *u) { noteflow_start(u); }

/* S: the archive's search line (the archive is opened first, so that a
 * missing one is said at once). */
static void act_archive_search(struct ui *u)
{
	if (reader_archive(u, 0) == NULL)
		return;
	command_start(u, 'S');
	reader_say(u, 0, "search the archive: words, \"a phrase\", "
			 "entity:NAME, source:, date:2024-01..2024-03, tag:");
}

/* X: the selected entity across the archive. */
static void act_archive_entity(struct ui *u)
{
	const struct entity *en = entities_get(u->en->reg,
					       reader_selected_entity(u));

	if (en == NULL) {
		reader_say(u, 1, "no entity selected: press e to select a "
				 "mention");
		return;
	}
	overlay_entity(&u->ov, u, en->name);
}
static void act_notes(struct ui *u) { open_overlay(u, &notes_overlay); }
static void act_note_next(struct ui *u) { repeat(u, nav_note_step, 1); }
static void act_note_prev(struct ui *u) { repeat(u, nav_note_step, -1); }
static void act_undo(struct ui *u) { reader_undo(u); }
static void act_correct(struct ui *u) { open_overlay(u, &correct_overlay); }
static void act_compare(struct ui *u) { open_overlay(u, &compare_overlay); }
static void act_open(struct ui *u) { open_overlay(u, &picker_overlay); }
static void act_command(struct ui *u) { command_start(u, ':'); }
static void act_redraw(struct ui *u) { (void)u; clearok(curscr, TRUE); }

static void act_other_pane(struct ui *u)
{
	if (u->ndocs > 1)
		u->lay.focus = !u->lay.focus;
}

/* t: the topic picker, or all paragraphs again when a topic is shown. */
static void act_topic(struct ui *u)
{
	if (u->topic >= 0) {
		reader_set_topic(u, -1);
		reader_say(u, 0, "all paragraphs shown");
		return;
	}
	open_overlay(u, &topics_overlay);
}

static void act_fold(struct ui *u)
{
	int fold = !u->docs[0]->fold;
	size_t i;

	for (i = 0; i < u->ndocs; i++)
		doc_set_fold(u->docs[i], fold);
	reader_say(u, 0, "boilerplate %s", fold ? "folded" : "shown");
}

static void act_clear(struct ui *u)
{
	u->vis.on = 0;
	u->sel.on = 0;
	u->match.on = 0;
	search_clear(&u->search);
}
