/* fa_priv (private to the figure alignment, src/compare/fa_*.c and
 * figalign.c): the rules as loaded, and what the files share. */
#ifndef BRIEF_FA_PRIV_H
#define BRIEF_FA_PRIV_H

#include <stddef.h>

#include "brief/base/trie.h"
#include "brief/compare/figalign.h"

#define FA_MAX_EVENTS 32

/* The value in the events trie of a phrase that hides an event word but
 * tells of none ("flying the flag"). */
#define FA_NOT_EVENT 0xffffu

struct fa_unit {
	const char *base;        /* points into bases */
	double factor;
};

struct figrules_align {
	double tol;
	struct trie *syn;        /* phrase -> synonym list */
	char **synname;          /* the first word of each list */
	size_t nsyn;
	struct trie *mods;
	struct trie *units;      /* spelling -> index into unit */
	struct fa_unit *unit;
	size_t nunit;
	char **bases;
	size_t nbases;
	struct trie *generic;
	struct trie *events;     /* word -> event class, or FA_NOT_EVENT */
	struct trie *states;     /* "injured", "dead": people in a state */
	struct trie *broader;    /* a thing's name -> its broader thing */
	char **brname;
	size_t nbr;
	char **evname;
	size_t nev;
	struct trie *totals;     /* "since", "to date": a running total */
	struct trie *relative;   /* "after", "ago": a span to a point */
	struct trie *lasting;    /* "for", "spent": a span that lasted */
	struct trie *purpose_skip; /* words that say nothing of what a */
				 /* sum is for ("million", "about") */
	struct trie *purpose_ends; /* words that end what it is for */
	struct trie *nationals;  /* "citizens": counted by nationality */
	char **breaks;           /* what ends a clause ("; ", ", and ") */
	size_t nbreaks;
	int kin[FA_MAX_EVENTS];  /* an event class's first kin, or -1 */
	char **cur;              /* currencies; the first is the base */
	double *rate;            /* one of each in the base */
	size_t ncur;
	double cur_tol;          /* how far a rate may have moved */
};

/* figalign_meaning, with strict: 0 when counts names no known thing
 * (fa_meaning.c). */
int fa_meaning_of(const struct figrules_align *r, const char *counts,
		  const struct figure *f, struct fa_meaning *m, int strict);

/* The events told of in one clause, and whether it tells of a running
 * total: kept for the figures of the same clause (fa_context.c).  Zero
 * it before the first use; fa_clause_free frees what it holds. */
struct fa_clause {
	const char *sent;
	size_t from, to;
	int total;
	int sure;                /* the last figure's event was read for */
				 /* sure (fa_figure_event) */
	struct fa_ev {
		size_t p, end;
		int v;
	} *ev;
	size_t n, cap;
	/* the clause breaks of the sentence bsent (blen bytes): where each
	 * begins and ends */
	const char *bsent;
	size_t blen;
	struct fa_break {
		size_t o, e;
	} *br;
	size_t nbr, capbr;
};

void fa_clause_free(struct fa_clause *c);

/* The event class figure v[i] tells of (-1: none), and in *total
 * whether its clause tells of a running total (fa_context.c); c: the
 * last clause read, read again only when v[i]'s is another.  The other
 * figures of v[0..n) in its sentence (next to it in v) stop an event
 * word from being read across them; prev is v[i - 1]'s event, which
 * v[i] shares when "and" joins them.  c->sure is set when the event is
 * read for sure: from the figure's own phrase ("14 wounded"), the verb
 * it is the subject of ("five soldiers were killed") or the verb right
 * before it ("killed 24 people"), or shared with v[i - 1] read so. */
int fa_figure_event(const struct figrules_align *r, const struct fa_fig *v,
		    size_t n, size_t i, int prev, int *total,
		    struct fa_clause *c);

/* Is the figure whose counted phrase ends at offset end of s the
 * subject of a verb that follows ("24 people were wounded", "two ships
 * have been hit", "40 soldiers crossed", "20 boats sailed away")?  1:
 * its event is the one after it, not a nearer one before ("… were killed
 * and 24 people were wounded"); -1: the verb right after it is no event
 * ("350 miners worked the pits"), so it tells of none; 0: neither.  A
 * word in "-ing" right after it tells of the thing, not of what it did
 * ("32 vessels flying the flag") (fa_context.c). */
int fa_subject_of_verb(const struct figrules_align *r, const char *s,
		       size_t len, size_t end);

/* The event class of the word s[p..end) when it is one on its own (not
 * FA_NOT_EVENT), else -1 (fa_context.c). */
int fa_word_event(const struct figrules_align *r, const char *s, size_t p,
		  size_t end);

/* Does a word of r->relative ("after", "earlier", "ago") follow the
 * span of time s[end..) at once: "two days after", a point in time, not
 * how long something lasted (fa_context.c)? */
int fa_point_in_time(const struct figrules_align *r, const char *s,
		     size_t len, size_t end);

/* Is the word right before offset at of s one of r->lasting ("for
 * three hours", "spent 180 minutes"): a span that lasted, whatever
 * follows it (fa_context.c)? */
int fa_lasting(const struct figrules_align *r, const char *s, size_t at);

/* Read what the words around some figures tell (fa_share.c): a share
 * of a count takes its thing and value ("half of the 400 shelters" is
 * 200 shelters; whole[] is set for the 400, a whole), a sum in pounds
 * followed by "of" is a weight, "drones and missiles" count the broader
 * thing (munitions), "two of them senior leaders" count leaders.  The
 * meanings must be read first. */
void fa_read_around(const struct figrules_align *r, struct fa_fig *v,
		    size_t n, char *whole);

/* Pair the figures of one group one to one by value and context, where
 * a report gives several different figures of the thing, or where the
 * two sums of money are for different things (the words after them); the figures of
 * v[idx[0..n)] that no pair takes, or that pair with another pair, get
 * a new group number from *next (fa_match.c). */
void fa_match_group(const struct figrules_align *r, struct fa_fig *v,
		    const size_t *idx, size_t n, size_t *next);

/* Do intervals x and y meet closely enough to be one value?  Bounded
 * intervals when they meet; one open above ("more than $9 million")
 * meets another only near its low end (not "more than $1 billion")
 * (fa_match.c). */
int fa_close_meet(double xl, double xh, double yl, double yh);

/* What a span of time to a point counts; such figures align only as a
 * lone pair of equal values. */
#define FA_POINT "point in time"

/* Join the groups g[0..ngr) that hold figures of one report only with
 * such groups of the other report when they give one fact: exactly the
 * same value, or the only such groups of a thing on each side, whose
 * values meet; not when a report tells of the other group's sense
 * itself, nor when both groups' events are read for sure and differ.
 * ev[i]: the event of v[i] (-1: none); sure[i]: read for sure.  The
 * figures of a group joined take the group they join (the group left
 * empty stays in g; a joined group is named by its thing)
 * (fa_leftover.c). */
void fa_join_leftovers(struct fa_fig *v, const int *ev, const char *sure,
		       size_t n, struct fa_group *g, size_t ngr);

#endif
