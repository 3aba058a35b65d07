/* quit: q, :q and :q! -- quitting, unless notes changed in this session
 * could not be saved: then the reader asks (r retries, w writes them
 * elsewhere, Q quits anyway, Esc stays). */
#include "brief/ui/reader.h"

void quit_request(struct ui *u)
{
	size_t n = notes_unsaved(u->ns);

	if (n == 0 || u->q.written) {
		u->q.quit = 1;
		return;
	}
	u->q.asking = 1;
	reader_say(u, 1, "%zu note%s not saved: r retries, w writes %s "
			 "elsewhere, Q quits anyway, Esc stays",
		   n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
}

void quit_anyway(struct ui *u)
{
	u->q.lost = u->q.written ? 0 : notes_unsaved(u->ns);
	u->q.quit = 1;
}

void quit_asking_key(struct ui *u, int key, int fn)
{
	struct err e = {{0}};

	u->q.asking = 0;
	if (fn) {
		reader_say(u, 0, "not quitting");
		return;
	}
	switch (key) {
	case 'r':
		if (notes_save(u->ns, &e) == 0 && notes_unsaved(u->ns) == 0) {
			u->q.quit = 1;
			return;
		}
		reader_notes_changed(u);
		quit_request(u);
		if (e.text[0])
			reader_say(u, 1, "%s (r retries, w writes elsewhere, Q "
					 "quits anyway, Esc stays)", e.text);
		return;
	case 'w':
		prompt_start(&u->prompt, ':');
		prompt_set(&u->prompt, "write ");
		u->prompting = 1;
		u->msg[0] = '\0';
		return;
	case 'Q':
		quit_anyway(u);
		return;
	default:
		reader_say(u, 0, "not quitting");
		return;
	}
}
