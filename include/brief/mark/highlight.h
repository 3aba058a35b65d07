/* highlight: marks actors, weapons and figures in an article's sections
 * using the lexicon (aliases, designation patterns), the rules file
 * (titled persons, organisations by form, acronyms defined in the text)
 * and the figure scanner.  Produces ranges; no curses. */
#ifndef BRIEF_HIGHLIGHT_H
#define BRIEF_HIGHLIGHT_H

#include <stddef.h>
#include <stdint.h>

#include "brief/text/article.h"
#include "brief/mark/entity.h"
#include "brief/mark/figure.h"
#include "brief/mark/lexicon.h"

/* One mention: a byte range of article->text (articles are under 4 GiB).
 * Sixteen bytes: a large article has a mention every 40 bytes or so. */
struct mention {
	uint32_t start, end;
	uint32_t entity;     /* ENTITY_NONE for a figure that counts nothing
			      * named */
	uint32_t aux : 30;   /* a figure's index into mentions.figs, else
			      * the section */
	uint32_t cat : 2;    /* enum category */
};

/* Mentions of one article, in text order, not overlapping. */
struct mentions {
	struct mention *v;
	size_t n, cap;
	struct figure *figs;
	size_t nfigs, figcap;
};

#define MENTION_AUX_MAX ((1u << 30) - 1)

/* The section a mention is in. */
static inline uint32_t mention_section(const struct mentions *ms,
				       const struct mention *m)
{
	return m->cat == CAT_FIGURE ? ms->figs[m->aux].section : m->aux;
}

/* A figure mention's value, else NULL. */
static inline const struct figure *mention_figure(const struct mentions *ms,
						  const struct mention *m)
{
	return m->cat == CAT_FIGURE ? &ms->figs[m->aux] : NULL;
}

struct highlighter;
struct hl_state;
struct corrections;

/* Load the rules file (persons, organisations, acronyms, figure words)
 * and tie it to a loaded lexicon.  NULL and e on error. */
struct highlighter *highlighter_new(struct lexicon *lx, const char *rules,
				    struct err *e);
/* The rules file in effect: $XDG_CONFIG_HOME/brief/highlight.yaml if
 * present, else the shipped one.  Fresh string. */
char *highlighter_default_rules(void);
void highlighter_free(struct highlighter *h);
/* Append h's rules to b (see ser.h). */
void highlighter_save(const struct highlighter *h, struct buf *b);
/* A highlighter read back from d and tied to lx (as highlighter_new),
 * or NULL with d->bad set. */
struct highlighter *highlighter_load_saved(struct deser *d,
					   struct lexicon *lx);
/* Apply c (see correct.h; NULL: none) to every section highlighted from
 * now on.  c is not owned. */
void highlighter_set_corrections(struct highlighter *h,
				 struct corrections *c);

/* Per-article state (surnames and acronyms learnt so far). */
struct hl_state *hl_state_new(void);
void hl_state_free(struct hl_state *st);

/* Append the mentions of section sec of a to out (boilerplate gets
 * none). */
void highlight_section(struct highlighter *h, struct hl_state *st,
		       const struct article *a, size_t sec,
		       struct mentions *out);
/* All sections of a. */
void highlight_article(struct highlighter *h, const struct article *a,
		       struct mentions *out);
void mentions_free(struct mentions *m);

#endif
