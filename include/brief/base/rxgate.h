/* rxgate: the literals a pattern's every match holds one of, read from
 * the pattern's text, and a scan that tells a text without any of them
 * (so PCRE2 need not run there): "(?i)\ball rights reserved\b" needs
 * "all rights reserved", "(?:newsletters?|subscribe)" one of
 * "newsletter" and "subscribe".  Conservative: what the reader does not
 * understand it takes as "anything", and a pattern none of whose
 * matches must hold a literal gets no gate.  rx.c keeps one for each
 * rule pattern it compiles. */
#ifndef BRIEF_RXGATE_H
#define BRIEF_RXGATE_H

#include <stddef.h>
#include <stdint.h>

struct rx_gate;

/* The gate of pattern[0, len) compiled with PCRE2 options (PCRE2_UTF,
 * PCRE2_UCP and PCRE2_CASELESS understood), or NULL when its matches
 * need no literal that this reader can tell.  Free with rx_gate_free. */
struct rx_gate *rx_gate_new(const char *pattern, size_t len,
			    uint32_t options);
void rx_gate_free(struct rx_gate *g);
/* May a match lie in s[start, len)?  0 only when none of the gate's
 * literals is there. */
int rx_gate_may(const struct rx_gate *g, const char *s, size_t len,
		size_t start);
/* How many literals the gate holds, and the i-th (folded to lower case
 * when the pattern ignores case), for tests. */
size_t rx_gate_count(const struct rx_gate *g);
const char *rx_gate_literal(const struct rx_gate *g, size_t i, size_t *n);

#endif
