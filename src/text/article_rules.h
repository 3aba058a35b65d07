/* article_rules (private to the article module): the compiled rules. */
#ifndef BRIEF_ARTICLE_RULES_PRIV_H
#define BRIEF_ARTICLE_RULES_PRIV_H

#include <unistd.h>

#include "brief/text/article.h"
#include "brief/base/rx.h"
#include "brief/yaml/rx_node.h"

enum meta_where { META_START, META_LEAD, META_PARAGRAPH };

struct meta_rule {
	enum meta_where where;
	pcre2_code *re;
	int marker;
	int boilerplate;
};

struct boiler_rule {
	pcre2_code *re;
	size_t max_length;
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
};

/* Is tok[0..n) one of the abbreviations? */
int article_rules_is_abbrev(const struct article_rules *r, const char *tok,
			    size_t n);
/* The full name of an agency short form, or NULL. */
const char *article_rules_source(const struct article_rules *r,
				 const char *s, size_t n);

#endif
