/* reader: the state of the two-pane reader, shared by the files that make
 * it up (the loop in ui.c, drawing and indexing in reader.c, navigation in
 * nav.c, the note editing flow in noteflow.c, the command line in
 * command.c, quitting in quit.c and the key actions in actions.c).
 * Overlays never see it: they reach the reader through overlay.h. */
#ifndef BRIEF_READER_H
#define BRIEF_READER_H

#include <stddef.h>
#include <stdint.h>

#include "brief/compare/compare.h"
#include "brief/mark/engine.h"
#include "brief/mark/xref.h"
#include "brief/notes/notes.h"
#include "brief/notes/place.h"
#include "brief/text/library.h"
#include "brief/text/search.h"
#include "brief/ui/config.h"
#include "brief/ui/doc.h"
#include "brief/ui/editor.h"
#include "brief/ui/history.h"
#include "brief/ui/overlay.h"
#include "brief/ui/prompt.h"
#include "brief/ui/theme.h"

/* Below these sizes the screen only says it is too small. */
#define MIN_COLS 40
#define MIN_ROWS 8
/* Below this width one pane is shown at a time. */
#define TWO_PANE_COLS 100

/* Which docs are shown where. */
struct layout {
	size_t shown[2];          /* doc shown in each pane */
	int focus;                /* 0 or 1 */
	int single;               /* one pane at a time */
	int sync;                 /* scrolling together */
	int x[2], w[2], h;        /* the panes on the screen */
};

/* The selected mention or passage. */
struct selection {
	int on;
	size_t doc, start, end;
	uint32_t entity;          /* ENTITY_NONE for a passage */
};

/* Where an incremental search began (Esc goes back there). */
struct search_start {
	size_t doc, off;
	size_t top_sec, top_row;
};

/* A place to come back to: a mark (m + letter) or where a jump left. */
struct mark {
	int set;
	size_t doc, off;
};

#define MARK_BACK 26              /* '' : where the last jump started */

/* A key that waits for the next one (m and '), and a count typed before
 * a motion (5j, 10G, 50%). */
struct pending {
	int key;                  /* 'm', '\'', or 0 */
	long count;               /* 0: none typed */
	int counting;             /* digits are being typed */
};

/* The search match last gone to (drawn apart; n and N step from it). */
struct cur_match {
	int on;
	size_t doc, start, end;
};

/* A note being written. */
struct noteflow {
	int editing;              /* the note editor is open */
	struct editor ed;
	char *edit_id;            /* the note being edited, or NULL */
	struct anchor pend[NOTE_MAX_ANCHORS];
	size_t npend;
	int linking;              /* picking the second passage */
	int return_focus;         /* the pane the note was started in */
};

/* A selection being made with v (by character) or V (by sentence):
 * from anchor to the text cursor of doc. */
struct visual {
	int on;
	int sentences;            /* V */
	size_t doc, anchor;
};

/* The text cursor's column kept over j and k (-1: take it afresh), and
 * what y copied last (the register :write @ FILE saves). */
struct cursor_state {
	long want_col;
	char *reg;
};

/* Quitting, and the question when notes are unsaved. */
struct quitting {
	int quit;
	int asking;               /* asked what to do with unsaved notes */
	int written;              /* the unsaved notes were written (:write) */
	size_t lost;              /* notes given up when quitting anyway */
};

/* ] past the last mention offered the archive's other reports (Enter
 * lists them; ] again wraps). */
struct archive_offer {
	int on;
	uint32_t entity;
	size_t doc, start;
};

struct ui {
	/* what is loaded */
	struct library *lib;
	struct engine *en;
	const struct article_rules *rules;
	struct doc **docs;
	size_t ndocs;
	struct xref *xref;
	int xref_ready;
	unsigned jobs;            /* -j N for the index, or 0 */
	struct compare_rules *cr; /* loaded at the first c or t */
	long topic;               /* the topic shown, or -1 */
	struct notes *ns;
	struct note_place **places; /* per doc, sorted by start */
	size_t *nplaces;
	int places_later; /* placed after the first draw (large articles) */

	/* what is shown */
	struct layout lay;
	struct selection sel;
	struct visual vis;
	struct cursor_state cur;
	struct search search;
	struct search_start from;
	struct cur_match match;
	struct mark marks[MARK_BACK + 1];
	struct pending pend;
	struct overlay ov;
	struct noteflow nf;
	struct prompt prompt;
	int prompting;
	char msg[512];
	int msg_error;
	struct theme *theme;
	int use_color;
	struct config cfg;        /* the config file and :set */
	struct history hist;      /* lines given at / and : */
	struct quitting q;
	/* the corrections made here, for U: the note changes counted when
	 * each was made (a note changed since is undone first) */
	struct {
		size_t *at;
		size_t n, cap;
		size_t notes;     /* note changes made (less those undone) */
	} cundo;
	struct archive *archive;  /* opened at the first S, X or ] past the end */
	int archive_tried;        /* ... and not tried again when it failed */
	size_t archive_added;     /* docs given to the archive (archive_add) */
	int archive_fails;        /* ... and how often that failed */
	struct archive_offer offer;
};

/* reader.c (also the reader_ functions of overlay.h): the doc in the
 * focused pane; text rows of a pane. */
struct doc *reader_focused(struct ui *u);
int reader_text_rows(const struct ui *u);
/* Parse, then index, for about budget ms: 1 when all is indexed. */
int reader_index_some(struct ui *u, double budget);
/* The engine is open now (it was not for the first screen's text): the
 * selection restored without it takes its entity. */
void reader_engine_opened(struct ui *u);
/* Where the notes stand in every doc (after any change of notes or
 * docs). */
void reader_place_notes(struct ui *u);
/* Draw the whole screen. */
void reader_draw(struct ui *u);

/* nav.c: moving, selecting, searching. */
void nav_scroll(struct ui *u, long delta);
void nav_top(struct ui *u);
void nav_bottom(struct ui *u);
void nav_toggle_sync(struct ui *u);
void nav_select_step(struct ui *u, int dir);
void nav_mention_step(struct ui *u, int dir);
void nav_note_step(struct ui *u, int dir);
/* A key after ] offered the archive's other reports: Enter lists them
 * (1: taken); any other key but ] takes the offer back (0). */
int nav_offer_key(struct ui *u, int key, int fn);
/* Start an incremental search (/) from the focused pane's position. */
void nav_search_start(struct ui *u);
/* The search line changed / was given up (Esc) / ended with Enter. */
void nav_search_edit(struct ui *u, const char *pattern);
void nav_search_cancel(struct ui *u);
void nav_search_next(struct ui *u, int dir);
/* * and #: search for the selection, else the mention or the word at
 * the cursor, as whole words. */
void nav_search_word(struct ui *u, int dir);
/* &pattern: only the paragraphs that match it shown in every report
 * (an empty pattern shows all again). */
void nav_filter(struct ui *u, const char *pattern);
/* Show byte off of doc di in a pane (its own if shown, else the
 * focused one) and focus that pane. */
void nav_show(struct ui *u, size_t di, size_t off);
/* A mouse event. */
void nav_mouse(struct ui *u);

/* jump.c: marks, jumps by section and percent, paragraph steps. */
/* Remember the focused position as where the next '' goes back to. */
void jump_record(struct ui *u);
void jump_mark_set(struct ui *u, int letter);
void jump_mark_go(struct ui *u, int letter);
/* Go to section n (1-based, as shown by the status line and every §). */
void jump_section(struct ui *u, long n);
void jump_percent(struct ui *u, long percent);
/* { and }: the start of the previous or next shown paragraph. */
void jump_paragraph(struct ui *u, int dir);
/* A key while a count or a mark letter is pending: 1 when taken. */
int jump_prefix_key(struct ui *u, int key, int fn);
/* The count typed before the action (1 when none), then forgotten. */
long jump_take_count(struct ui *u);

/* cursor.c: the text cursor of each doc (doc->cursor, drawn in the
 * focused pane), its motions, v/V selections and y. */
enum cursor_motion {
	CUR_LEFT, CUR_RIGHT, CUR_DOWN, CUR_UP, CUR_WORD_NEXT, CUR_WORD_PREV,
	CUR_ROW_START, CUR_ROW_END, CUR_SENT_NEXT, CUR_SENT_PREV,
	CUR_SCREEN_TOP, CUR_SCREEN_MID, CUR_SCREEN_BOTTOM
};
/* Move the focused pane's cursor (count times), scrolling to show it. */
void cursor_move(struct ui *u, enum cursor_motion m);
/* Put doc di's cursor at byte off (a jump, a click, a mention). */
void cursor_set(struct ui *u, size_t di, size_t off);
/* Before drawing: each shown doc's cursor pulled onto its screen (after
 * scrolling by page), and the v/V selection following the cursor. */
void cursor_follow(struct ui *u);
/* What a note, a link or y takes in doc di: the selection there, else
 * the mention under its cursor, else the cursor's sentence.  1 when
 * there is one. */
int cursor_passage(struct ui *u, size_t di, size_t *s, size_t *e);
/* v and V: start (or end) a selection at the cursor. */
void cursor_visual(struct ui *u, int sentences);
/* y: copy the passage with its citation to the register (and with the
 * osc52 setting to the terminal's clipboard). */
void cursor_yank(struct ui *u);

/* noteflow.c: adding, editing, linking notes. */
void noteflow_start(struct ui *u);
void noteflow_key(struct ui *u, int key, int fn);
/* A key while the passage to link is picked: 1 when it was taken. */
int noteflow_link_key(struct ui *u, int key, int fn);
void noteflow_end(struct ui *u);

/* settings of the reader (:set and the config file): apply setting k
 * after its value changed. */
void reader_setting_changed(struct ui *u, enum setting k);

/* command.c: the bottom line (/ and :). */
void command_start(struct ui *u, char lead);
void command_key(struct ui *u, int key, int fn);

/* quit.c: q, :q, :q! and the question about unsaved notes. */
void quit_request(struct ui *u);
void quit_anyway(struct ui *u);
void quit_asking_key(struct ui *u, int key, int fn);

/* reader.c: U on a correction -- 1 when the last change was one (undone,
 * or the reason said), 0 when a note is to be undone. */
int reader_correct_undo(struct ui *u);

/* actions.c: run a key action (actions.def). */
void actions_run(struct ui *u, int action);

#endif
