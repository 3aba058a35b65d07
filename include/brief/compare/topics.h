/* topics: named topics (nuclear programme, diplomacy, ...) defined as
 * data -- PCRE2 patterns and entity names -- and the topics of each
 * lead/body paragraph.  No curses. */
#ifndef BRIEF_TOPICS_H
#define BRIEF_TOPICS_H

#include <stddef.h>
#include <stdint.h>

#include "brief/text/article.h"
#include "brief/mark/highlight.h"
#include "brief/base/util.h"

#define TOPICS_MAX 64

struct topics;

/* Load topics from a YAML file with a `topics:` list (of name, patterns,
 * entities).  NULL and e on error. */
struct topics *topics_load(const char *path, struct err *e);
/* The topics file in effect ($XDG_CONFIG_HOME/brief/topics.yaml, else the
 * shipped one).  Fresh string. */
char *topics_default_path(void);
void topics_free(struct topics *t);
size_t topics_count(const struct topics *t);
const char *topics_name(const struct topics *t, size_t i);

/* The topics of section sec (a bit per topic), given the section's
 * mentions.  Boilerplate has none. */
uint64_t topics_of(const struct topics *t, const struct article *a,
		   size_t sec, const struct mention *m, size_t nm,
		   const struct entities *reg);

#endif
