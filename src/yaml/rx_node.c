/* rx_node: patterns read from a data file, with messages that point at
 * the node that held them. */
#include "brief/yaml/rx_node.h"

static pcre2_code *node_compile(const char *name, const struct ynode *n,
				uint32_t options, int jit, struct err *e)
{
	struct err sub;
	pcre2_code *re;
	int ascii = (options & RX_ASCII_WORDS) != 0;

	if (n == NULL || n->type != YNODE_SCALAR) {
		ynode_err(e, name, n, "a pattern must be a string");
		return NULL;
	}
	re = rx_compile_as(n->str, n->len, options | (ascii ? 0 : PCRE2_UCP),
			   jit, &sub);
	if (re == NULL)
		ynode_err(e, name, n, "bad pattern '%s': %s", n->str, sub.text);
	return re;
}

pcre2_code *rx_compile_node(const char *name, const struct ynode *n,
			    uint32_t options, struct err *e)
{
	return node_compile(name, n, options, 1, e);
}

int rx_check_node(const char *name, const struct ynode *n, uint32_t options,
		  struct err *e)
{
	pcre2_code *re = node_compile(name, n, options, 0, e);

	rx_free(re);
	return re ? 0 : -1;
}
