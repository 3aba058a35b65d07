/* yflat: a YAML file as flat lines, for the evaluations' awk scripts.
 *
 *   yflat FILE     one line per scalar: PATH TAB VALUE, where PATH joins
 *                  the mapping keys and the sequence indexes (from 0)
 *                  with dots (figures.0.a.1.text); a null prints as ~,
 *                  an empty sequence or mapping as PATH TAB [] or {}.
 *                  Tabs and line breaks inside a value print as spaces.
 *
 * Exit status 2 when the file cannot be read or is not YAML. */
#include <stdio.h>
#include <string.h>

#include "brief/base/err.h"
#include "brief/yaml/yamlio.h"

static void put_value(const struct ynode *n)
{
	size_t i;

	if (ynode_is_null(n)) {
		fputs("~", stdout);
		return;
	}
	for (i = 0; i < n->len; i++) {
		char c = n->str[i];

		putchar(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
	}
}

static void walk(const struct ynode *n, char *path, size_t len, size_t cap)
{
	size_t i;

	if (n->type == YNODE_SCALAR) {
		printf("%s\t", path);
		put_value(n);
		putchar('\n');
		return;
	}
	if (n->nkids == 0) {
		printf("%s\t%s\n", path, n->type == YNODE_SEQ ? "[]" : "{}");
		return;
	}
	for (i = 0; i < n->nkids; i += n->type == YNODE_MAP ? 2 : 1) {
		const struct ynode *k = n->type == YNODE_MAP ? n->kids[i] : NULL;
		const struct ynode *v = n->type == YNODE_MAP ? n->kids[i + 1]
							      : n->kids[i];
		int w;

		if (k && k->type != YNODE_SCALAR)
			continue;
		if (k)
			w = snprintf(path + len, cap - len, "%s%s",
				     len ? "." : "", k->str ? k->str : "");
		else
			w = snprintf(path + len, cap - len, "%s%zu",
				     len ? "." : "", i);
		if (w < 0 || (size_t)w >= cap - len)
			continue;
		walk(v, path, len + (size_t)w, cap);
		path[len] = '\0';
	}
}

int main(int argc, char **argv)
{
	struct err e;
	struct ynode *root;
	char path[4096] = "";
	int ok;

	if (argc != 2) {
		fputs("usage: yflat FILE\n", stderr);
		return 2;
	}
	root = yamlio_parse_file(argv[1], &ok, &e);
	if (!ok) {
		fprintf(stderr, "yflat: %s\n", e.text);
		return 2;
	}
	if (root)
		walk(root, path, 0, sizeof path);
	ynode_free(root);
	return fflush(stdout) == 0 ? 0 : 2;
}
