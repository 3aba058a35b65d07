/* overlay: the overlays over the reader (help, mention list, entity
 * index, article picker, notes, comparison, topics), each one file that
 * fills an operations table, as tmux's window modes and tig's views do.
 * The registry knows an overlay only through its table; an overlay knows
 * the reader only through the reader_ functions below, never its struct. */
#ifndef BRIEF_OVERLAY_H
#define BRIEF_OVERLAY_H

#include <stddef.h>
#include <stdint.h>

#include "brief/compare/compare.h"
#include "brief/mark/correct.h"
#include "brief/mark/entity.h"
#include "brief/mark/xref.h"
#include "brief/notes/notes.h"
#include "brief/notes/place.h"
#include "brief/ui/doc.h"
#include "brief/ui/olist.h"

struct ui;
struct settings;
struct archive;
struct overlay_ops;

/* The open overlay: its table and its list (ops NULL: none is open). */
struct overlay {
	const struct overlay_ops *ops;
	struct olist *list;
};

enum { OVERLAY_STAY, OVERLAY_CLOSE };

struct overlay_ops {
	const char *name;
	/* Fill ov->list for the reader: 0, or -1 when it cannot open (the
	 * reason said on the status line; ov->list stays NULL). */
	int (*open)(struct overlay *ov, struct ui *u);
	/* Draw in the rectangle. */
	void (*draw)(struct overlay *ov, int y, int x, int h, int w);
	/* A key (a character when fn is 0, else a curses key code):
	 * OVERLAY_STAY or OVERLAY_CLOSE. */
	int (*key)(struct overlay *ov, struct ui *u, int key, int fn);
	/* Free what open made. */
	void (*close)(struct overlay *ov);
	/* The notes changed: show them as they are now (NULL: nothing). */
	void (*notes_changed)(struct overlay *ov, struct ui *u);
};

/* The overlays (ov_*.c). */
extern const struct overlay_ops help_overlay, xref_overlay, index_overlay,
	picker_overlay, notes_overlay, compare_overlay, topics_overlay,
	correct_overlay, search_overlay, entity_overlay;

/* The archive's hits for query as a list in the slot ov (ov_search.c):
 * 0, or -1 with the reason (the query's error) said.  others: only the
 * reports that are not open. */
int overlay_search(struct overlay *ov, struct ui *u, const char *query,
		   int others);
/* Append s to b as a query's quoted value ("" for a quote inside). */
void overlay_query_value(struct buf *b, const char *s);
/* How many reports of the archive mention the entity called name and
 * are not open: -1 when there is no archive to ask (nothing said). */
long overlay_search_others(struct ui *u, const char *name);
/* The entity called name across the archive (ov_entity.c): 0, or -1
 * with the reason said. */
int overlay_entity(struct overlay *ov, struct ui *u, const char *name);
/* The same for the entity of the selected row of the list in ov (X in
 * the mention list, C-x in the index): OVERLAY_STAY. */
int overlay_entity_key(struct overlay *ov, struct ui *u);

/* The registry.  Open ops in the slot ov (closing what was open there)
 * unless ops cannot open: 0, or -1. */
int overlay_open(struct overlay *ov, const struct overlay_ops *ops,
		 struct ui *u);
void overlay_close(struct overlay *ov);
int overlay_is_open(const struct overlay *ov);
/* Draw the open overlay over the screen. */
void overlay_draw(struct overlay *ov);
/* A key for the open overlay (closes it when it says so). */
void overlay_key(struct overlay *ov, struct ui *u, int key, int fn);
/* The mouse over the open overlay's list at screen cell (y, x): the
 * wheel scrolls the list, a click selects a row, a click on the selected
 * row opens it (as Enter). */
void overlay_mouse(struct overlay *ov, struct ui *u, int y, int x,
		   enum olist_pointer what);
/* The notes changed: the open overlay refreshes if it shows them. */
void overlay_refresh(struct overlay *ov, struct ui *u);

/* Helpers for list overlays: the plain list's drawing and closing, and
 * its keys: Esc (and q in a list that does not filter as one types)
 * close it, Enter on a row calls enter (which returns OVERLAY_CLOSE or
 * OVERLAY_STAY), Tab calls tab (NULL: nothing).  Returns OVERLAY_CLOSE
 * or OVERLAY_STAY. */
void overlay_list_draw(struct overlay *ov, int y, int x, int h, int w);
void overlay_list_close(struct overlay *ov);
int overlay_list_key(struct overlay *ov, struct ui *u, int key, int fn,
		     int (*enter)(struct ui *u, const struct olist_row *r),
		     void (*tab)(struct overlay *ov, struct ui *u));
/* Replace ov's list by fresh, keeping the filter (and the cursor when
 * keep_cur is set and it still points at a row). */
void overlay_list_replace(struct overlay *ov, struct olist *fresh,
			  int keep_cur);

/* ov_index.c: the entities of every loaded report, as the index lists
 * them (a heading row first; each row's entity set), filtered as one
 * types (the correction menu picks the entity to merge with from it). */
struct olist *index_entities(struct ui *u);

/* What an overlay may ask of the reader (reader.c, nav.c, noteflow.c). */
/* A message on the status line (error set: shown as an error). */
void reader_say(struct ui *u, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The loaded docs; the doc shown in pane p (0 for A, 1 for B); the
 * focused pane. */
size_t reader_ndocs(const struct ui *u);
/* The settings in effect (settings.h). */
const struct settings *reader_settings(const struct ui *u);
struct doc *reader_doc(struct ui *u, size_t di);
size_t reader_shown(const struct ui *u, int p);
int reader_focus(const struct ui *u);
/* The entity register and the complete cross-reference index (indexing
 * first, with a progress message, when it is not complete yet). */
const struct entities *reader_entities(const struct ui *u);
struct highlighter *reader_highlighter(const struct ui *u);
const struct xref *reader_index(struct ui *u);
/* The selected mention's entity, or ENTITY_NONE. */
uint32_t reader_selected_entity(const struct ui *u);
/* Select [start, end) of doc di (entity, or ENTITY_NONE for a passage)
 * and show it; or show byte off of doc di with nothing selected.  Doc di
 * goes to its own pane if it is shown, else to the focused one. */
void reader_select(struct ui *u, size_t di, size_t start, size_t end,
		   uint32_t entity);
void reader_show_at(struct ui *u, size_t di, size_t off);
/* Show doc di in the focused pane. */
void reader_show_doc(struct ui *u, size_t di);
/* An article parsed to its end (a progress message meanwhile). */
void reader_need_parsed(struct ui *u, struct doc *d);
/* The start of every open article not read yet, so that a list shows
 * their titles, sources and dates: at most budget ms. */
void reader_heads(struct ui *u, double budget);
/* The archive S, X and ] search (the setting archive, else the default
 * one when it exists), opened at the first use and closed with the
 * reader: NULL with the reason said (quiet: not said). */
struct archive *reader_archive(struct ui *u, int quiet);
/* The doc of file (an archive's name: an absolute path, "FILE#N" for a
 * part of a file), or -1 when it is not loaded. */
long reader_find_file(struct ui *u, const char *file);
/* Load file (as :open does) unless it is loaded: its doc, or -1 with the
 * reason said. */
long reader_open_file(struct ui *u, const char *file);
/* The comparison rules, loaded at the first use: NULL with the reason
 * said. */
struct compare_rules *reader_compare_rules(struct ui *u);
/* Show only the paragraphs of topic k (-1: all) in every doc. */
long reader_topic(const struct ui *u);
void reader_set_topic(struct ui *u, long k);
/* The notes store, and the passages of the notes placed in doc di. */
struct notes *reader_notes(struct ui *u);
const struct note_place *reader_notes_in(const struct ui *u, size_t di,
					 size_t *n);
/* Open the editor on note id; undo the last change of a note; say the
 * notes changed (places them again, refreshes what shows them). */
void reader_edit_note(struct ui *u, const char *id);
void reader_undo(struct ui *u);
void reader_notes_changed(struct ui *u);
/* What a correction is about: the selection, else the search match gone
 * to: *di, [*start, *end) and, for a mention of an entity, *entity
 * (else ENTITY_NONE). */
enum { READER_SEL_NONE, READER_SEL_MENTION, READER_SEL_PASSAGE };
int reader_selection(struct ui *u, size_t *di, size_t *start, size_t *end,
		     uint32_t *entity);
/* Save correction x (corrections_add) and show every mark as it is now:
 * 0 with done said on the status line, or -1 with the reason said there
 * (nothing changed). */
int reader_correct(struct ui *u, const struct correction *x,
		   const char *done);

#endif
