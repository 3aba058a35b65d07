/* dump: --dump output through libyaml's emitter. */
#include "brief/report/dump.h"

#include <stdio.h>

#include "brief/yaml/yamlio.h"

int dump_article(FILE *f, const struct article *a)
{
	struct yout *y = yout_new_file(f);
	size_t i, j;

	yout_doc_start(y);
	yout_map_start(y);
	yout_kv(y, "file", a->path);
	yout_kv(y, "id", article_id(a));
	yout_kv(y, "format", a->format ? a->format : "text");
	yout_kv(y, "title", a->title);
	yout_kv(y, "date", a->date);
	yout_kv(y, "source", a->source);
	if (a->place)
		yout_kv(y, "place", a->place);
	yout_kv(y, "genre", article_genre(a));
	if (a->url)
		yout_kv(y, "url", a->url);
	if (a->author)
		yout_kv(y, "author", a->author);
	if (a->ntags) {
		yout_key(y, "tags");
		yout_seq_start_flow(y);
		for (i = 0; i < a->ntags; i++)
			yout_str(y, a->tags[i]);
		yout_seq_end(y);
	}
	yout_key(y, "sections");
	yout_seq_start(y);
	for (i = 0; i < a->nsections; i++) {
		const struct section *s = &a->sections[i];

		yout_map_start(y);
		yout_kv(y, "kind", section_kind_name(s->kind));
		if (s->page > 0) {
			char page[24];

			snprintf(page, sizeof page, "%d", s->page);
			yout_kv(y, "page", page);
		}
		yout_kvn(y, "text", a->text + s->start, s->end - s->start);
		yout_key(y, "sentences");
		yout_seq_start(y);
		for (j = 0; j < s->nsentences; j++) {
			const struct span *sp =
				&a->sentences[s->first_sentence + j];

			yout_strn(y, a->text + sp->start, sp->end - sp->start);
		}
		yout_seq_end(y);
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_map_end(y);
	yout_doc_end(y);
	return yout_free(y);
}

int dump_write(FILE *f, const struct library *lib, struct err *e)
{
	size_t i;

	for (i = 0; i < lib->n; i++) {
		if (article_check(lib->items[i], e) != 0)
			break;
		if (dump_article(f, lib->items[i]) != 0) {
			err_set(e, "cannot write the dump");
			return REPORT_EWRITE;
		}
	}
	/* (one that changed while it was dumped is told after it) */
	if (fflush(f) != 0) {
		err_set(e, "%s", "");
		return REPORT_EWRITE;
	}
	return report_library_check(lib, e) == 0 ? REPORT_OK : REPORT_EINPUT;
}
