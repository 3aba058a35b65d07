/* topics: named topics of security reporting (attacks and strikes,
 * sanctions, diplomacy, ...) defined as data -- PCRE2 patterns, patterns
 * that need an entity kind in the sentence, cancelling patterns, entity
 * names -- and decided per sentence.  No curses. */
#ifndef BRIEF_TOPICS_H
#define BRIEF_TOPICS_H

#include <stddef.h>
#include <stdint.h>

#include "brief/text/article.h"
#include "brief/mark/highlight.h"
#include "brief/base/util.h"

#define TOPICS_MAX 64

struct topics;

/* A sentence on a topic, and the words that put it there. */
struct topic_hit {
	size_t topic;
	size_t section;
	size_t sentence;         /* index into article->sentences */
	size_t start, end;       /* the words matched: bytes in article->text */
};

/* Load topics from a YAML file with a `topics:` list (each with id,
 * label, patterns, weak, kinds, not, entities).  NULL and e on error. */
struct topics *topics_load(const char *path, struct err *e);
/* The topics file in effect ($XDG_CONFIG_HOME/brief/topics.yaml, else the
 * shipped one).  Fresh string. */
char *topics_default_path(void);
void topics_free(struct topics *t);
size_t topics_count(const struct topics *t);
/* Topic i's id (its key in YAML output) and label (what a person
 * reads); "" past the end. */
const char *topics_id(const struct topics *t, size_t i);
const char *topics_label(const struct topics *t, size_t i);

/* The sentences of article a on a topic, by section, then topic, then
 * sentence: at most one hit per sentence and topic.  m holds a's
 * mentions in text order (used for `kinds` and `entities`).  *out is
 * fresh (the caller frees it); returns the count.  Boilerplate has
 * none. */
size_t topics_find(const struct topics *t, const struct article *a,
		   const struct mention *m, size_t nm,
		   const struct entities *reg, struct topic_hit **out);

/* The topics of section sec (a bit per topic: some sentence of it is on
 * the topic), given the section's mentions. */
uint64_t topics_of(const struct topics *t, const struct article *a,
		   size_t sec, const struct mention *m, size_t nm,
		   const struct entities *reg);

#endif
