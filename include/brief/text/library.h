/* library: the articles named on the command line, in order.  A
 * directory stands for its *.txt and *.md files in name order. */
#ifndef BRIEF_LIBRARY_H
#define BRIEF_LIBRARY_H

#include <stddef.h>

#include "brief/text/article.h"
#include "brief/base/util.h"

struct library {
	struct article **items;
	size_t n;
};

/* Expand args (files, directories, "-") into article paths.  A directory
 * with no articles is an error.  Returns 0, or -1 with e set. */
int library_paths(char *const *args, size_t nargs, char ***paths,
		  size_t *npaths, struct err *e);
void library_paths_free(char **paths, size_t n);

/* Load every article named by args (lazy: open them, parse later with
 * article_parse).  Returns 0, or -1 with e set (nothing is left
 * loaded). */
int library_load(struct library *lib, char *const *args, size_t nargs,
		 const struct article_rules *r, int lazy, struct err *e);
void library_free(struct library *lib);

#endif
