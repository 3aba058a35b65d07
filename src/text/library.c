/* library: expand command-line paths and load the articles. */
#include "brief/text/library.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int article_name(const char *n)
{
	static const char *const ext[] = {".txt", ".md",  ".html",
					  ".htm", ".pdf", ".eml",
					  ".mbox", ".rss", ".atom"};
	size_t len = strlen(n), i;

	if (n[0] == '.')
		return 0;
	for (i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t k = strlen(ext[i]);

		if (len > k && strcmp(n + len - k, ext[i]) == 0)
			return 1;
	}
	return 0;
}

static void push(char ***paths, size_t *n, size_t *cap, char *p)
{
	*paths = xgrow(*paths, cap, *n + 1, sizeof **paths);
	(*paths)[(*n)++] = p;
}

static int expand_dir(const char *dir, char ***paths, size_t *n,
		      size_t *cap, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t nn = 0, ncap = 0, i;

	if (d == NULL) {
		err_set(e, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL)
		if (article_name(de->d_name))
			push(&names, &nn, &ncap, xstrdup(de->d_name));
	closedir(d);
	if (nn == 0) {
		err_set(e, "%s: no articles (*.txt, *.md, *.html, *.pdf, "
			   "*.eml, ...) in this directory", dir);
		free(names);
		return -1;
	}
	xqsort(names, nn, sizeof *names, cmp_str);
	for (i = 0; i < nn; i++) {
		size_t dl = strlen(dir);

		push(paths, n, cap,
		     xasprintf("%s%s%s", dir,
			       dl && dir[dl - 1] == '/' ? "" : "/", names[i]));
		free(names[i]);
	}
	free(names);
	return 0;
}

int library_paths(char *const *args, size_t nargs, char ***paths,
		  size_t *npaths, struct err *e)
{
	size_t i, cap = 0;
	struct stat st;

	*paths = NULL;
	*npaths = 0;
	for (i = 0; i < nargs; i++) {
		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			if (expand_dir(args[i], paths, npaths, &cap, e) != 0) {
				library_paths_free(*paths, *npaths);
				*paths = NULL;
				*npaths = 0;
				return -1;
			}
		} else {
			push(paths, npaths, &cap, xstrdup(args[i]));
		}
	}
	return 0;
}

void library_paths_free(char **paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* The articles of path appended to lib (and its broken parts). */
static long add_file(struct library *lib, const char *path, int lazy,
		     struct err *e)
{
	struct article **got;
	char **broken;
	size_t n, nb, i;

	if (article_open_all(path, lib->rules, lib->formats, lazy, &got, &n,
			     &broken, &nb, e) != 0)
		return -1;
	lib->items = xrealloc(lib->items, (lib->n + n) * sizeof *lib->items);
	for (i = 0; i < n; i++)
		lib->items[lib->n++] = got[i];
	lib->broken = xrealloc(lib->broken,
			       (lib->nbroken + nb) * sizeof *lib->broken);
	for (i = 0; i < nb; i++)
		lib->broken[lib->nbroken++] = broken[i];
	free(got);
	free(broken);
	return (long)n;
}

int library_load(struct library *lib, char *const *args, size_t nargs,
		 const struct article_rules *r,
		 const struct article_formats *f, int lazy, struct err *e)
{
	char **paths;
	size_t np, i;

	memset(lib, 0, sizeof *lib);
	lib->rules = r;
	lib->formats = f;
	if (library_paths(args, nargs, &paths, &np, e) != 0)
		return -1;
	for (i = 0; i < np; i++) {
		if (add_file(lib, paths[i], lazy, e) < 0) {
			library_paths_free(paths, np);
			library_free(lib);
			return -1;
		}
	}
	library_paths_free(paths, np);
	return 0;
}

long library_add(struct library *lib, const char *path, struct err *e)
{
	return add_file(lib, path, 1, e);
}

void library_free(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->n; i++)
		article_free(lib->items[i]);
	free(lib->items);
	for (i = 0; i < lib->nbroken; i++)
		free(lib->broken[i]);
	free(lib->broken);
	lib->items = NULL;
	lib->n = 0;
	lib->broken = NULL;
	lib->nbroken = 0;
}
