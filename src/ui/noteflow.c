/* noteflow: writing a note -- on the selection, the mention or the
 * sentence at the cursor, in the inline editor (or $VISUAL), linked to a
 * passage of the other report, saved, undone; and placing the notes
 * again after each change. */
#include "brief/ui/reader.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/ui/draw.h"
#include "brief/ui/input.h"
#include "brief/ui/term.h"

/* A note is being written (its editor is set aside while a passage to
 * link is picked): no other may start.  Says so. */
static int note_in_progress(struct ui *u)
{
	if (u->nf.editing)
		reader_say(u, 1, "a note is being written: pick its passage "
				 "(Enter) or Esc");
	return u->nf.editing;
}

static void drop_passages(struct noteflow *nf)
{
	while (nf->npend > 0)
		anchor_clear(&nf->pend[--nf->npend]);
}

/* The editor open on text, about the passage quoted, for note id (NULL:
 * a new note). */
static void open_editor(struct ui *u, const char *what, const char *quote,
			const char *text, const char *id)
{
	char title[512], ex[256];

	draw_excerpt(quote, ex, sizeof ex, 60);
	snprintf(title, sizeof title, " %s note on «%s»", what, ex);
	editor_start(&u->nf.ed, title, text);
	free(u->nf.edit_id);
	u->nf.edit_id = id ? xstrdup(id) : NULL;
	u->nf.editing = 1;
}

void noteflow_start(struct ui *u)
{
	struct noteflow *nf = &u->nf;
	size_t di = u->lay.shown[u->lay.focus], s, e;

	if (note_in_progress(u))
		return;
	drop_passages(nf);
	if (u->sel.on && (u->sel.doc == u->lay.shown[0] ||
			  u->sel.doc == u->lay.shown[1]))
		di = u->sel.doc;
	if (!cursor_passage(u, di, &s, &e)) {
		reader_say(u, 1, "nothing here to annotate");
		return;
	}
	u->vis.on = 0;
	anchor_make(&nf->pend[0], u->docs[di]->a, s, e);
	nf->npend = 1;
	open_editor(u, "New", nf->pend[0].quote, "", NULL);
}

void reader_edit_note(struct ui *u, const char *id)
{
	struct note *no = notes_find(u->ns, id);

	if (note_in_progress(u) || no == NULL)
		return;
	open_editor(u, "Edit", no->anchor[0].quote, no->text, id);
}

void noteflow_end(struct ui *u)
{
	editor_free(&u->nf.ed);
	free(u->nf.edit_id);
	u->nf.edit_id = NULL;
	u->nf.editing = 0;
	u->nf.linking = 0;
	drop_passages(&u->nf);
}

void reader_notes_changed(struct ui *u)
{
	u->cundo.notes++;
	u->q.written = 0;
	term_set_unsaved(notes_unsaved(u->ns) > 0);
	reader_place_notes(u);
	overlay_refresh(&u->ov, u);
}

/* U: the last change, a note's or a correction's. */
void reader_undo(struct ui *u)
{
	struct err e = {{0}};
	size_t before = u->cundo.notes;
	int rc;

	if (reader_correct_undo(u))
		return;
	rc = notes_undo(u->ns, &e);
	if (rc == 1)
		reader_say(u, 0, "nothing to undo");
	else if (rc < 0)
		reader_say(u, 1, "%s", e.text);
	else if (notes_conflicts(u->ns))
		reader_say(u, 1, "undone; another brief had changed the note: "
				 "its text is kept as a #conflict note");
	else
		reader_say(u, 0, "undone");
	reader_notes_changed(u);
	/* the change undone no longer counts */
	u->cundo.notes = rc == 0 && before ? before - 1 : before;
}

static void save_note(struct ui *u)
{
	struct noteflow *nf = &u->nf;
	struct err e = {{0}};
	const char *text = nf->ed.text.data ? nf->ed.text.data : "";
	int rc;

	if (text[strspn(text, " \n\t")] == '\0') {
		reader_say(u, 1, "an empty note is not saved");
		noteflow_end(u);
		return;
	}
	if (strlen(text) > NOTE_MAX_TEXT) {
		/* refused by the store: the text stays in the editor, where
		 * the user can shorten it or :write it elsewhere */
		reader_say(u, 1, "a note holds at most %u KiB of text; this one "
				 "has %zu KiB: shorten it (Esc drops it)",
			   NOTE_MAX_TEXT >> 10, (strlen(text) + 1023) >> 10);
		return;
	}
	if (nf->edit_id)
		rc = notes_edit(u->ns, nf->edit_id, text, &e);
	else
		rc = notes_add(u->ns, text, nf->pend, nf->npend, NULL, &e);
	if (rc != 0)
		reader_say(u, 1, "%s", e.text);
	else if (notes_conflicts(u->ns))
		reader_say(u, 1, "note saved; another brief changed it too: its "
				 "text is kept as a #conflict note");
	else
		reader_say(u, 0, nf->edit_id	 ? "note saved"
				 : nf->npend > 1 ? "linked note saved"
						 : "note saved");
	noteflow_end(u);
	reader_notes_changed(u);
}

/* Ctrl-X: the note in $VISUAL or $EDITOR, as git does. */
static void external_editor(struct ui *u)
{
	const char *ed = getenv("VISUAL");
	char path[] = "/tmp/brief-note-XXXXXX";
	struct buf *t = &u->nf.ed.text;
	struct err e;
	size_t len;
	char *cmd, *back;
	int fd;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	fd = mkstemp(path);
	if (fd < 0) {
		reader_say(u, 1, "cannot make a temporary file: %s",
			   strerror(errno));
		return;
	}
	if (write(fd, t->data ? t->data : "", t->len) < 0) {
		close(fd);
		unlink(path);
		reader_say(u, 1, "cannot write the temporary file");
		return;
	}
	close(fd);
	cmd = xasprintf("%s '%s'", ed, path);
	if (term_run_outside(cmd) != 0)
		reader_say(u, 1, "the editor failed; the note is unchanged");
	else if ((back = file_read(path, &len, &e)) != NULL) {
		editor_set(&u->nf.ed, back);
		free(back);
	}
	free(cmd);
	unlink(path);
}

static void start_link(struct ui *u)
{
	if (u->ndocs < 2 || u->lay.single) {
		reader_say(u, 1, "linking needs the other report beside this "
				 "one");
		return;
	}
	u->nf.linking = 1;
	u->nf.return_focus = u->lay.focus;
	u->lay.focus = !u->lay.focus;
	u->vis.on = 0;
	u->sel.on = 0;
	reader_say(u, 0, "pick the passage in %s: v selects, e/E a mention "
			 "(else the cursor's sentence), Enter links, Esc goes "
			 "back",
		   u->lay.focus == 0 ? "A" : "B");
}

static void finish_link(struct ui *u)
{
	struct noteflow *nf = &u->nf;
	size_t di = u->lay.shown[u->lay.focus], s, e;
	char title[512], ex1[128], ex2[128];

	/* exactly what is selected, else what is under the cursor */
	if (!cursor_passage(u, di, &s, &e)) {
		reader_say(u, 1, "nothing here to link");
		return;
	}
	u->vis.on = 0;
	u->sel.on = 0;
	if (nf->npend > 1)
		anchor_clear(&nf->pend[--nf->npend]);
	anchor_make(&nf->pend[nf->npend++], u->docs[di]->a, s, e);
	nf->linking = 0;
	u->lay.focus = nf->return_focus;
	draw_excerpt(nf->pend[0].quote, ex1, sizeof ex1, 30);
	draw_excerpt(nf->pend[1].quote, ex2, sizeof ex2, 30);
	snprintf(title, sizeof title, " New note linking «%s» with «%s»", ex1,
		 ex2);
	free(nf->ed.title);
	nf->ed.title = xstrdup(title);
	reader_say(u, 0, "passage linked");
}

int noteflow_link_key(struct ui *u, int key, int fn)
{
	if (!fn && (key == '\r' || key == '\n')) {
		finish_link(u);
		return 1;
	}
	if (!fn && key == 27) {
		u->nf.linking = 0;
		u->lay.focus = u->nf.return_focus;
		reader_say(u, 0, "no passage linked");
		return 1;
	}
	return 0;
}

void noteflow_key(struct ui *u, int key, int fn)
{
	int alt = 0;

	if (!fn && key == 27) {
		/* Esc, or Alt-Enter (Esc then Enter straight after) */
		int next, nfn;

		if (input_get_soon(&next, &nfn) == INPUT_KEY) {
			if (!nfn && (next == '\r' || next == '\n'))
				alt = 1, key = next;
			else
				input_unget(next, nfn);
		}
	}
	switch (editor_key(&u->nf.ed, key, fn, alt, COLS)) {
	case EDIT_SAVE:
		save_note(u);
		break;
	case EDIT_CANCEL:
		noteflow_end(u);
		reader_say(u, 0, "note not saved");
		break;
	case EDIT_EXTERNAL:
		external_editor(u);
		break;
	case EDIT_LINK:
		if (u->nf.edit_id)
			reader_say(u, 1, "a saved note keeps its passages");
		else
			start_link(u);
		break;
	default:
		break;
	}
}
