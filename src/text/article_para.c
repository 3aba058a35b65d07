/* article_para: the text's lines into paragraphs and sections.  A block
 * (a run of non-blank lines) is one paragraph a line, or, hard-wrapped,
 * its lines joined; each paragraph is boilerplate, the lead or the body;
 * a short first one without a final stop is the headline.  After an end
 * mark ("###") or a letter's closing, everything is boilerplate. */
#include "brief/text/article.h"

#include <ctype.h>
#include <string.h>

#include "article_priv.h"

/* A first paragraph this short without a final stop is a headline. */
#define HEADLINE_MAX 200

/* Is text[s, e) boilerplate: past the story's end, or matched by a
 * paragraph rule (whose metadata it then gives) or a boilerplate rule
 * (which may end the story: an end mark, a letter's closing)? */
static int is_boilerplate(struct loader *l, size_t s, size_t e)
{
	size_t i, ms, me;

	if (art_meta_paragraph(l, s, e) || l->story_ended)
		return 1;
	for (i = 0; i < l->r->nboiler; i++) {
		const struct boiler_rule *br = &l->r->boiler[i];

		if (e - s <= br->max_length &&
		    art_match_at(l, br->re, s, e, 0, &ms, &me)) {
			l->story_ended = br->end;
			return 1;
		}
	}
	return 0;
}

/* The paragraph text[s, e) as a section; boiler: it is boilerplate
 * already known (a header's date line), else the rules decide. */
static void add_section(struct loader *l, size_t s, size_t e, int line,
			int boiler)
{
	struct article *a = l->a;
	struct section *sec;
	enum section_kind kind;

	art_trim(a->text, &s, &e);
	if (s >= e)
		return;
	if (boiler || is_boilerplate(l, s, e)) {
		kind = SECTION_BOILERPLATE;
	} else {
		/* the dateline opens the lead: the first story paragraph, or
		 * the second when the first turns out to be a headline */
		if (l->nstory <= 1 && !l->dateline_done)
			art_dateline(l, s, e);
		kind = l->nstory == 0 ? SECTION_LEAD : SECTION_BODY;
		l->nstory++;
	}
	a->sections = xgrow(a->sections, &l->cap_sections, a->nsections + 1,
			    sizeof *a->sections);
	sec = &a->sections[a->nsections];
	sec->kind = kind;
	sec->start = s;
	sec->end = e;
	sec->line = line;
	sec->first_sentence = a->nsentences;
	sec->nsentences = 0;
	art_split_sentences(l, s, e);
	a->nsections++;
}

static void add_paragraph(struct loader *l, size_t s, size_t e, int line)
{
	add_section(l, s, e, line, 0);
}

static int is_bullet(const char *t, size_t s, size_t e)
{
	if (s + 1 < e && (t[s] == '-' || t[s] == '*') && t[s + 1] == ' ')
		return 1;
	if (s + 3 < e && (unsigned char)t[s] == 0xE2 &&
	    (unsigned char)t[s + 1] == 0x80 && (unsigned char)t[s + 2] == 0xA2)
		return 1;
	while (s < e && isdigit((unsigned char)t[s]))
		s++;
	return s + 1 < e && (t[s] == '.' || t[s] == ')') && t[s + 1] == ' ';
}

static int blank_line(const char *t, size_t s, size_t e)
{
	size_t b = s, x = e;

	art_trim(t, &b, &x);
	return b >= x;
}

/* A block is a run of non-blank lines.  If it looks hard-wrapped (most
 * lines end mid-sentence and none is long), its lines are joined into
 * paragraphs (a bullet starts a new one); else each line is a paragraph.
 * The decision looks at the block's first lines only, so that a huge
 * block costs nothing up front. */
static int block_wrapped(const char *t, size_t n, size_t p)
{
	size_t nlines = 0, open_ends = 0, maxlen = 0;

	while (p < n && nlines < WRAP_SAMPLE) {
		const char *nl = memchr(t + p, '\n', n - p);
		size_t le = nl ? (size_t)(nl - t) : n, ts = p, te = le;

		if (blank_line(t, p, le))
			break;
		art_trim(t, &ts, &te);
		nlines++;
		if (te - ts > maxlen)
			maxlen = te - ts;
		if (nl && le + 1 < n) {
			const char *nl2 = memchr(t + le + 1, '\n', n - le - 1);
			size_t ne = nl2 ? (size_t)(nl2 - t) : n;

			/* a line with more of the block after it */
			if (!blank_line(t, le + 1, ne) &&
			    !art_ends_with_stop(t, ts, te))
				open_ends++;
		}
		p = le + 1;
	}
	return nlines >= 2 && maxlen <= 160 && open_ends * 2 >= nlines - 1;
}

int art_parse_line(struct loader *l)
{
	const char *t = l->a->text;
	size_t n = l->a->len, p = l->pos, le;
	const char *nl;

	if (p >= n) {
		if (l->block_open && l->wrapped)
			add_paragraph(l, l->para_start, n, l->para_line);
		l->block_open = 0;
		return 0;
	}
	nl = memchr(t + p, '\n', n - p);
	le = nl ? (size_t)(nl - t) : n;
	if (blank_line(t, p, le)) {
		if (l->block_open && l->wrapped)
			add_paragraph(l, l->para_start, p, l->para_line);
		l->block_open = 0;
	} else {
		int first = !l->block_open;

		if (first) {
			l->block_open = 1;
			l->wrapped = block_wrapped(t, n, p);
			l->para_start = p;
			l->para_line = l->line;
		}
		if (art_head_line(l, p, le, first)) {
			/* a header's date line: a paragraph of its own,
			 * unless the lines above it and it are a header
			 * by the paragraph rules ("Press Statement / name /
			 * date") */
			if (l->wrapped &&
			    art_meta_paragraph(l, l->para_start, le)) {
				add_section(l, l->para_start, le,
					    l->para_line, 1);
			} else {
				if (l->wrapped)
					add_paragraph(l, l->para_start, p,
						      l->para_line);
				add_section(l, p, le, l->line, 1);
			}
			l->para_start = nl ? le + 1 : n;
			l->para_line = l->line + 1;
		} else if (!l->wrapped) {
			add_paragraph(l, p, le, l->line);
		} else {
			size_t ts = p;

			while (ts < le && (t[ts] == ' ' || t[ts] == '\t'))
				ts++;
			if (p > l->para_start && is_bullet(t, ts, le)) {
				add_paragraph(l, l->para_start, p,
					      l->para_line);
				l->para_start = p;
				l->para_line = l->line;
			}
		}
	}
	l->pos = nl ? le + 1 : n;
	l->line++;
	return 1;
}

/* A first story paragraph that is short and has no final stop, followed
 * by more story, is the headline: a section of its own, marked like the
 * story, above the lead (the next story paragraph). */
void art_take_headline(struct loader *l)
{
	struct article *a = l->a;
	size_t i, j, first = a->nsections;
	struct section *h;

	for (i = 0; i < a->nsections; i++)
		if (a->sections[i].kind != SECTION_BOILERPLATE) {
			first = i;
			break;
		}
	if (first >= a->nsections || l->nstory < 2)
		return;
	h = &a->sections[first];
	if (h->end - h->start > HEADLINE_MAX ||
	    art_ends_with_stop(a->text, h->start, h->end) ||
	    memchr(a->text + h->start, '\n', h->end - h->start))
		return;
	if (a->title == NULL)
		art_set_field(&a->title, a->text + h->start, h->end - h->start);
	h->kind = SECTION_HEADLINE;
	for (j = first + 1; j < a->nsections; j++)
		if (a->sections[j].kind != SECTION_BOILERPLATE) {
			a->sections[j].kind = SECTION_LEAD;
			break;
		}
}
