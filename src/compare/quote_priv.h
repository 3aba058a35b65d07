/* quote_priv (private to src/compare/quotes.c, quote_attr.c,
 * quote_who.c, quote_refer.c and quote_subject.c): the rules as loaded,
 * the article being read, and who a speaker is when the attribution
 * names no marked entity. */
#ifndef BRIEF_QUOTE_PRIV_H
#define BRIEF_QUOTE_PRIV_H

#include <stddef.h>

#include "brief/base/trie.h"
#include "brief/compare/quotes.h"

struct quoterules {
	struct trie *verbs;
	struct trie *pronouns;
	struct trie *according;
	struct trie *nouns;      /* speaker_nouns: "spokesman", "official" */
	struct trie *bodies;     /* speaker_bodies: "ministry", "command" */
	struct trie *dets;       /* speaker_determiners: "a", "the" */
	struct trie *definite;   /* speaker_definite: "the" */
	struct trie *subjects;   /* subject_words: "it", "who" */
	struct trie *stops;      /* name_stops: never part of a name */
	struct trie *titles;     /* name_titles: no part of a name */
	struct trie *connectors; /* name_connectors: "of" inside a name */
	struct trie *speech_nouns; /* "reaction", "words": what one says */
	struct trie *links;      /* speech_links: "was", "quote" */
	struct trie *generic;    /* generic_bodies: "agency", "group" */
	struct trie *body_pron;  /* body_pronouns: "it" */
	struct trie *plural_pron; /* plural_pronouns: "they" */
	struct trie *leads;      /* next_sentence_leads: "So said" */
	struct trie *coord;      /* verb_coordinators: "and" */
	struct trie *adverbs;    /* verb_adverbs: "then" */
};

/* Is t[i] the UTF-8 punctuation U+20xx whose last byte is c3 (0x9C:
 * an opening double quotation mark, 0x9D: a closing one)? */
static inline int qw_is3(const char *t, size_t i, size_t e, unsigned char c3)
{
	return i + 2 < e && (unsigned char)t[i] == 0xE2 &&
	       (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == c3;
}

/* One article being read. */
struct ctx {
	const struct quoterules *r;
	const struct article *a;
	const struct mentions *m;
	const struct entities *reg;
};

/* A speaker: a mention (mn), or else a name by its shape, t[s, e). */
struct who {
	const struct mention *mn;
	size_t s, e;
};

/* How many mentions back a description or a surname looks for whom it
 * refers to. */
#define QW_REFER_MENTIONS 400

/* Do the n bytes at x and at y hold the same ASCII letters, in any
 * case? */
int qw_same_fold(const char *x, const char *y, size_t n);
/* Does s (n bytes) hold the word w (wn bytes) as a whole word, in any
 * case? */
int qw_holds_word(const char *s, size_t n, const char *w, size_t wn);
/* Is the word t[ws, we) a capitalised word that may start or go on a
 * name: no stop, no pronoun? */
int qw_name_word(const struct ctx *c, size_t ws, size_t we);

int qw_is_person(const struct ctx *c, const struct mention *mn);
int qw_is_actor(const struct ctx *c, const struct mention *mn);
/* Is mn a state (the kind of its entity)? */
int qw_is_state(const struct ctx *c, const struct mention *mn);
/* Index of the first mention starting at or after off. */
size_t qw_first_from(const struct ctx *c, size_t off);
/* The end of the word at p (p itself when none starts there). */
size_t qw_word_end(const char *t, size_t p, size_t e);
/* Is the word at t[s..) (ending before e) an entry of tr, as a whole
 * word? */
int qw_word_in(const struct trie *tr, const char *t, size_t s, size_t e);

/* Is t[p] the first byte of an upper-case letter? */
int qw_upper_at(const char *t, size_t p, size_t e);
/* The end of a name's word from p: letters and digits, a hyphen or an
 * apostrophe inside ("Sung-jun", "O'Neill"). */
size_t qw_name_word_end(const char *t, size_t p, size_t e);
/* Back from p over blanks, not before lo. */
size_t qw_back_blank(const char *t, size_t lo, size_t p);
/* The end of the run of capitalised words (connectors inside) that
 * starts at p, before e; p when none starts there. */
size_t qw_cap_run_end(const struct ctx *c, size_t p, size_t e);
/* The person named last before s whose name ends with the word
 * t[ws, we) (a surname alone), or NULL. */
const struct mention *qw_surname_of(const struct ctx *c, size_t s,
				    size_t ws, size_t we);
/* Is the run of capitalised words t[s, e) a person's name (titles
 * before it set aside)?  1 and *w filled, or 0. */
int qw_shape_run(const struct ctx *c, size_t s, size_t e, struct who *w);

/* Make w the speaker of q (a fresh speaker_text). */
void qw_set(const struct ctx *c, struct quote *q, const struct who *w);

/* A name by its shape that ends where a speech verb starts, at v, and
 * not before lo: its subject ("election commission chair Asel
 * Beishenova told", "Okafor said"); titles before it set aside; 1 and
 * *w filled, or 0. */
int qw_name_before(const struct ctx *c, size_t lo, size_t v, struct who *w);

/* A name by its shape just after a speech verb, the word at p, before
 * e: "said Asel Beishenova", "said Commission Chair Asel Beishenova, …";
 * 1 and *w filled, or 0. */
int qw_name_after(const struct ctx *c, size_t p, size_t e, struct who *w);

/* Is the speech verb whose word starts at p (not before lo) a verb
 * there: a form in -s, which may be a plural noun ("calls", "claims",
 * "notes"), only right after its subject -- a mention, a name, a
 * subject word, a speaker noun or an apposition's comma ("the crews'
 * radio calls" is a noun); any other form always. */
int qw_has_subject(const struct ctx *c, size_t lo, size_t p);

/* Does story paragraph sec open with a quotation mark (after blanks)? */
int qw_opens_with_mark(const struct article *a, size_t sec);

/* Who "he" or "she" at offset off stands for: the last person named
 * (marked, or by shape as the subject of a speech verb) in the
 * paragraph of off or the one before (passing up to three paragraphs
 * that open with a quotation mark); 1 and *w filled, or 0. */
int qw_antecedent(const struct ctx *c, size_t off, struct who *w);

/* Whom "it" or "they" (plural) at offset off stands for: the last
 * body named (no person, no state; not the one after a speech verb,
 * "told Reuters") in the paragraph of off or the one before; for
 * "they", no speaker noun ("officials") between.  1 and *w filled, or
 * 0. */
int qw_body_antecedent(const struct ctx *c, size_t off, int plural,
		       struct who *w);

/* A speaker described in t[s, e): a determiner first, a speaker noun
 * among a few words, no stop.  A definite description ("the command",
 * "a spokesman for the ministry") is whoever it refers to, named
 * before the quote q: a person with that noun in a title or apposition,
 * else a body whose name or kind holds it; else its words are the
 * speaker's name.  1 when q's speaker is set, else 0. */
int qw_described(const struct ctx *c, struct quote *q, size_t s, size_t e);

/* A speaker named by an acronym alone in t[s, e), after "the" or not
 * ("…,” the RAF said", "said NDMA"): no mark names it, and its
 * capitals are the speaker's name.  1 when q's speaker is set, else 0. */
int qw_acronym(const struct ctx *c, struct quote *q, size_t s, size_t e);

/* The end of the subject of a speech verb at v (its words not before
 * lo) with an apposition that describes it set aside, and an acronym in
 * brackets: "Cmdr. Jenna Ortiz, commanding officer of the ship, said",
 * "the Centre for Maritime Transparency (CMT), a research group, said"
 * end after "Ortiz" and "Transparency"; v when there is none.  An
 * apposition that names ("the ministry's spokesman, Lee Sung-jun,
 * said") is the subject itself. */
size_t qs_subject_end(const struct ctx *c, size_t lo, size_t v);

/* When the speech verb at v is coordinated with a verb before it ("The
 * President turned to Jake and said", "and then said"), the end of the
 * sentence's subject, which opens the sentence at ss ("The President");
 * else 0. */
size_t qs_coordinated(const struct ctx *c, size_t ss, size_t v);

/* After a speech verb whose word starts at p, before e: a name after a
 * long title with connectors ("said Under Secretary of the Treasury for
 * Terrorism and Financial Intelligence Mark Ellison"): a person whose
 * name ends the run (known to the registry or named before), else its
 * last two words.  1 and *w filled, or 0. */
int qs_name_after_title(const struct ctx *c, size_t p, size_t e,
			struct who *w);

/* After a speech verb whose word starts at p, before e: a name after a
 * title set off by commas ("said the Minister of Communication and
 * Media, Augustin Kabeya."): the title's words capitalised (connectors
 * inside), a title word or a speaker noun among them; the name ends the
 * phrase.  1 and *w filled (the person), or 0. */
int qs_title_apposition(const struct ctx *c, size_t p, size_t e,
			struct who *w);

/* Whom a definite description's speaker noun t[ns, ne) ("the minister")
 * refers to when no mark does: the person named last before off after a
 * title set off by commas that holds the noun ("the Minister of
 * Communication and Media, Augustin Kabeya").  1 and *w filled, or 0. */
int qs_titled_before(const struct ctx *c, size_t off, size_t ns, size_t ne,
		     struct who *w);

/* Attribute the quote q, whose closing mark ends at close_end: its
 * speaker from the words around it (a speech verb after or before it,
 * "according to", a possessive, a colon, the next sentence's lead), or
 * "unattributed". */
void qa_attribute(const struct ctx *c, struct quote *q, size_t close_end);

#endif
