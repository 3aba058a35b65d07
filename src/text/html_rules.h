/* html_rules: the extractor's data (data/extract.yaml) as the html
 * modules read it.  Private to src/text/html_*.c
 * (and mail_text.c, for the boilerplate phrases). */
#ifndef BRIEF_HTML_RULES_H
#define BRIEF_HTML_RULES_H

#include <stddef.h>

#include "brief/base/rx.h"
#include "brief/base/trie.h"
#include "brief/text/html.h"

/* Words matched against an element's class names and id: "word"
 * matches one that holds it, "=word" only one that is it. */
struct hints {
	char **words;
	size_t n;
};

/* A tag's weight as a container (Readability gives div more than li). */
struct tag_score {
	char *tag;
	double score;
};

struct extract_rules {
	/* weights (see data/extract.yaml for what each does) */
	double min_chars;          /* a block scores its containers from */
	double base_score;
	double comma_score;
	double chars_per_point;
	double max_length_points;
	double class_weight;
	double positive_itemprop;
	double sibling_ratio;
	double sibling_min;
	double sibling_para_chars;
	double max_link_density;
	double short_chars;
	double min_stop_share;
	double parent_share;
	double ancestor_divisor;
	double ancestor_levels;
	double heading_max_chars;

	char **drop_tags;          /* sorted */
	size_t ndrop_tags;
	char **drop_roles;         /* sorted */
	size_t ndrop_roles;
	struct hints drop;         /* dropped with what they hold */
	struct hints boiler;       /* kept as boilerplate */
	struct hints positive;     /* class weight up */
	struct hints negative;     /* class weight down */
	struct hints keep;         /* never dropped for a drop hint */
	struct tag_score *tags;
	size_t ntags;
	struct trie *stop;         /* stop words, any case */
	pcre2_code **phrases;      /* a block that matches is boilerplate */
	size_t nphrases;
};

/* Does sorted list l of n words hold s? */
int html_rules_has(char *const *l, size_t n, const char *s);
/* Does the class/id text (lower case) match one of the hints? */
int html_hints_match(const struct hints *h, const char *classid);

/* Does a boilerplate phrase of the rules match text (anywhere)?  Also
 * used by the e-mail and feed bodies (src/text/mail_text.c). */
int html_rules_phrase(const struct extract_rules *r, const char *t);

#endif
