/* rx: PCRE2 compile and match helpers. */
#include "brief/rx.h"

#include <stdlib.h>
#include <string.h>

static pcre2_code *compile(const char *pattern, size_t len,
			   uint32_t options, int jit, struct err *e);

pcre2_code *rx_compile(const char *pattern, size_t len, uint32_t options,
		       struct err *e)
{
	return compile(pattern, len, options | PCRE2_UCP, 1, e);
}

pcre2_code *rx_compile_typed(const char *pattern, size_t len,
			     uint32_t options, struct err *e)
{
	return compile(pattern, len, options | PCRE2_UCP, 0, e);
}

static pcre2_code *compile(const char *pattern, size_t len,
			   uint32_t options, int jit, struct err *e)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *re;
	int code;

	/* the pattern must itself be valid UTF-8 */
	re = pcre2_compile((PCRE2_SPTR)pattern, len, PCRE2_UTF | options,
			   &code, &off, NULL);
	if (re == NULL) {
		pcre2_get_error_message(code, msg, sizeof msg);
		err_set(e, "%s at offset %zu", (char *)msg, (size_t)off);
		return NULL;
	}
	/* BRIEF_NO_JIT: for valgrind, which cannot follow JIT code */
	if (jit && getenv("BRIEF_NO_JIT") == NULL)
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

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
	re = compile(n->str, n->len, options | (ascii ? 0 : PCRE2_UCP), jit,
		     &sub);
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

	pcre2_code_free(re);
	return re ? 0 : -1;
}

int rx_find(const pcre2_code *re, pcre2_match_data *md, const char *s,
	    size_t len, size_t start, uint32_t options, size_t *ms, size_t *me)
{
	PCRE2_SIZE *ov;
	int rc;

	rc = pcre2_match(re, (PCRE2_SPTR)s, len, start,
			 options | PCRE2_NO_UTF_CHECK, md, NULL);
	if (rc < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(md);
	*ms = ov[0];
	*me = ov[1];
	return 1;
}

int rx_group(const pcre2_code *re, pcre2_match_data *md, const char *name,
	     size_t *gs, size_t *ge)
{
	int num = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
	PCRE2_SIZE *ov;

	if (num < 0 || (uint32_t)num >= pcre2_get_ovector_count(md))
		return 0;
	ov = pcre2_get_ovector_pointer(md);
	if (ov[2 * num] == PCRE2_UNSET)
		return 0;
	*gs = ov[2 * num];
	*ge = ov[2 * num + 1];
	return 1;
}
