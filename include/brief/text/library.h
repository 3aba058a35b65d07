/* library: the articles named on the command line, in order.  A
 * directory stands for its articles in name order: the files named *.txt,
 * *.md, *.html, *.htm, *.pdf, *.eml, *.mbox, *.rss and *.atom (their
 * format is still decided by their content).  A file may give several
 * articles (an mbox, a feed): "FILE#1", "FILE#2", ... */
#ifndef BRIEF_LIBRARY_H
#define BRIEF_LIBRARY_H

#include <stddef.h>

#include "brief/text/article.h"
#include "brief/base/util.h"

struct library {
	struct article **items;
	size_t n;
	const struct article_rules *rules;       /* as loaded with */
	const struct article_formats *formats;
	char **broken;            /* "FILE: message N: reason" of each part
				   * of a file that could not be read while
				   * the file's other parts loaded */
	size_t nbroken;
};

/* Expand args (files, directories, "-") into article paths.  A directory
 * with no articles is an error.  Returns 0, or -1 with e set. */
int library_paths(char *const *args, size_t nargs, char ***paths,
		  size_t *npaths, struct err *e);
void library_paths_free(char **paths, size_t n);

/* Load every article named by args (lazy: open plain text, parse later
 * with article_parse), in the formats f gives or their content tells (f
 * NULL: plain text; see article_open_all); r and f must outlive lib.
 * Returns 0, or -1 with e set (nothing is left loaded).  The broken
 * parts of a file whose other parts loaded are in lib->broken. */
int library_load(struct library *lib, char *const *args, size_t nargs,
		 const struct article_rules *r,
		 const struct article_formats *f, int lazy, struct err *e);
/* Append the articles of one file (path, not a directory) to a loaded
 * library, as library_load would (lazily).  Returns how many, or -1
 * with e set (nothing added). */
long library_add(struct library *lib, const char *path, struct err *e);
void library_free(struct library *lib);

#endif
