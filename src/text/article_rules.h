/* article_rules (private to the article module): the compiled rules. */
#ifndef BRIEF_ARTICLE_RULES_PRIV_H
#define BRIEF_ARTICLE_RULES_PRIV_H

#include <unistd.h>

#include "brief/text/article.h"
#include "brief/base/rx.h"
#include "brief/yaml/rx_node.h"

/* Where a metadata rule looks: the start of the text, the head of the
 * lead, a whole paragraph, the file's name (without its folder), or each
 * line of the opening block (the lines above the story's first sentence,
 * see art_head_line). */
enum meta_where { META_START, META_LEAD, META_PARAGRAPH, META_NAME, META_HEAD };

struct meta_rule {
	enum meta_where where;
	pcre2_code *re;
	char *src;              /* the pattern, for the rules' cache */
	size_t srclen;
	int marker;
	int boilerplate;
	size_t max_length;      /* of a paragraph it looks at; 0: any */
};

struct boiler_rule {
	pcre2_code *re;
	char *src;              /* the pattern, for the rules' cache */
	size_t srclen;
	size_t max_length;
	int end;                /* the story ends here: what follows is
				 * boilerplate too */
};

/* A genre and the pattern that tells it from the report's shape (its
 * opening bytes, see article_rules_genre). */
struct genre_rule {
	char *name;
	pcre2_code *re;
	char *src;              /* the pattern, for the rules' cache */
	size_t srclen;
};

/* A month's name (or a short form) and its number, 1 to 12. */
struct month_name {
	char *name;
	int month;
};

struct article_rules {
	struct meta_rule *meta;
	size_t nmeta;
	struct boiler_rule *boiler;
	size_t nboiler;
	char **abbrev;          /* sorted */
	size_t nabbrev;
	char **sources;         /* short, full, short, full, ... */
	size_t nsources;
	struct month_name *months;
	size_t nmonths;
	struct genre_rule *genres; /* in order: the first that matches */
	size_t ngenres;
};

/* Is tok[0..n) one of the abbreviations? */
int article_rules_is_abbrev(const struct article_rules *r, const char *tok,
			    size_t n);
/* The full name of an agency short form, or NULL. */
const char *article_rules_source(const struct article_rules *r,
				 const char *s, size_t n);

/* The month named s[0, n) (letters; case does not matter), 1 to 12, or
 * 0. */
int article_rules_month(const struct article_rules *r, const char *s,
			size_t n);

/* The genre of a report whose opening bytes are text[0, len) (valid
 * UTF-8): the name of the first genre rule that matches there, else
 * "wire".  A string of r's, or static. */
const char *article_rules_genre(const struct article_rules *r,
				pcre2_match_data *md, const char *text,
				size_t len);

#endif
