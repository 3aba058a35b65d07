/* article_meta: metadata inferred from the text by the rules' patterns
 * (a date marker at the start, a dateline at the head of the lead, a
 * source or date in a paragraph), and the title made from the lead. */
#include "brief/text/article.h"

#include <stdlib.h>

#include "article_priv.h"
#include "brief/base/utf8.h"

/* Longest title made from the lead, in columns, before the ellipsis. */
#define TITLE_COLS 72

void art_add_marker(struct loader *l, enum marker_kind k, size_t s, size_t e)
{
	struct article *a = l->a;

	art_trim(a->text, &s, &e);
	if (s >= e)
		return;
	a->markers = xgrow(a->markers, &l->cap_markers, a->nmarkers + 1,
			   sizeof *a->markers);
	a->markers[a->nmarkers].kind = k;
	a->markers[a->nmarkers].start = s;
	a->markers[a->nmarkers].end = e;
	a->nmarkers++;
}

void art_set_field(char **field, const char *s, size_t n)
{
	size_t b = 0, e = n;

	art_trim(s, &b, &e);
	free(*field);
	*field = xstrndup(s + b, e - b);
}

int art_match_at(struct loader *l, const pcre2_code *re, size_t s, size_t e,
		 uint32_t opts, size_t *ms, size_t *me)
{
	if (e > l->clean)
		e = l->clean; /* never unchecked bytes */
	if (s > e)
		return 0;
	return rx_find(re, l->md, l->a->text + s, e - s, 0, opts, ms, me);
}

static void take_group(struct loader *l, const struct meta_rule *mr,
		       size_t base, const char *name, char **field)
{
	size_t gs, ge;

	if (*field == NULL && rx_group(mr->re, l->md, name, &gs, &ge) &&
	    ge > gs)
		art_set_field(field, l->a->text + base + gs, ge - gs);
}

static void take_source(struct loader *l, const struct meta_rule *mr,
			size_t base)
{
	size_t gs, ge;
	const char *full;

	if (l->a->source != NULL || !rx_group(mr->re, l->md, "source", &gs, &ge))
		return;
	full = article_rules_source(l->r, l->a->text + base + gs, ge - gs);
	if (full)
		l->a->source = xstrdup(full);
	else
		art_set_field(&l->a->source, l->a->text + base + gs, ge - gs);
}

size_t art_start_markers(struct loader *l, size_t pos)
{
	size_t i, ms, me;

	art_ensure_clean(l, pos + 65536);
	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_START ||
		    !art_match_at(l, mr->re, pos, l->a->len, PCRE2_ANCHORED,
				  &ms, &me))
			continue;
		take_group(l, mr, pos, "date", &l->a->date);
		take_source(l, mr, pos);
		take_group(l, mr, pos, "place", &l->a->place);
		if (mr->marker) {
			art_add_marker(l, MARKER_DATE, pos + ms, pos + me);
			pos += me;
		}
	}
	return pos;
}

void art_dateline(struct loader *l, size_t s, size_t e)
{
	struct article *a = l->a;
	size_t i, ms, me;

	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_LEAD ||
		    !art_match_at(l, mr->re, s, e, PCRE2_ANCHORED, &ms, &me))
			continue;
		take_source(l, mr, s);
		take_group(l, mr, s, "place", &a->place);
		take_group(l, mr, s, "date", &a->date);
		if (mr->marker && s + me < e) {
			a->dateline.start = s;
			a->dateline.end = s + me;
		}
		l->dateline_done = 1;
		break;
	}
}

int art_meta_paragraph(struct loader *l, size_t s, size_t e)
{
	size_t i, ms, me;

	for (i = 0; i < l->r->nmeta; i++) {
		const struct meta_rule *mr = &l->r->meta[i];

		if (mr->where != META_PARAGRAPH ||
		    !art_match_at(l, mr->re, s, e, 0, &ms, &me))
			continue;
		take_source(l, mr, s);
		take_group(l, mr, s, "date", &l->a->date);
		if (mr->boilerplate)
			return 1;
	}
	return 0;
}

void art_make_title(struct article *a)
{
	size_t i, s, e, cut;

	if (a->title != NULL)
		return;
	for (i = 0; i < a->nsections; i++)
		if (a->sections[i].kind == SECTION_LEAD)
			break;
	if (i == a->nsections || a->sections[i].nsentences == 0) {
		a->title = xstrdup("");
		return;
	}
	s = a->sentences[a->sections[i].first_sentence].start;
	e = a->sentences[a->sections[i].first_sentence].end;
	if (a->dateline.end > s && a->dateline.end < e)
		s = a->dateline.end; /* the story, not "SEOUL (AP) —" */
	if (utf8_str_width(a->text + s, e - s) <= TITLE_COLS) {
		a->title = xstrndup(a->text + s, e - s);
		return;
	}
	cut = s + utf8_fit(a->text + s, e - s, TITLE_COLS - 1);
	while (cut > s && !art_is_space(a->text[cut]))
		cut--;
	while (cut > s && (art_is_space(a->text[cut - 1]) || a->text[cut - 1] == ','))
		cut--;
	if (cut == s)
		cut = s + utf8_fit(a->text + s, e - s, TITLE_COLS - 1);
	a->title = xasprintf("%.*s…", (int)(cut - s), a->text + s);
}
