/* yamlio: a thin, bounded layer over libyaml.  Reading gives a small tree
 * of nodes that remember their line and column, so that every loader can
 * report "FILE:LINE:COL: message"; writing wraps libyaml's emitter.
 * Hostile input is bounded: aliases are refused, nesting depth, scalar
 * size and node count are limited. */
#ifndef BRIEF_YAMLIO_H
#define BRIEF_YAMLIO_H

#include <stddef.h>
#include <stdio.h>

#include "brief/base/util.h"

enum ynode_type { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

/* A node.  For a map, kids alternate key, value.  line/col are 1-based. */
struct ynode {
	enum ynode_type type;
	int line, col;
	int quoted;          /* scalar was written in quotes */
	char *str;           /* scalar text (NUL-terminated), else NULL */
	size_t len;          /* scalar length in bytes */
	struct ynode **kids;
	size_t nkids;
	size_t cap;
};

/* Limits applied while parsing.  The node count is bounded by the size
 * of the text (one node per YAMLIO_BYTES_PER_NODE bytes, and never less
 * than YAMLIO_MAX_NODES), so that memory stays proportional to the file
 * and any file a writer of brief makes (which spends more bytes on each
 * node) reads back. */
#define YAMLIO_MAX_DEPTH 64
#define YAMLIO_MAX_SCALAR (4u << 20)
#define YAMLIO_MAX_NODES 2000000u
#define YAMLIO_BYTES_PER_NODE 4u

/* The node limit for a text of len bytes. */
size_t yamlio_max_nodes(size_t len);

/* Parse buf, which must hold one YAML document: a second document, and
 * a mapping that gives one key twice, are refused with LINE:COL.  name
 * is used in messages; line0 is added to every line number (for front
 * matter inside a file).  Returns
 * the root (NULL for an empty document, with *ok set to 1) or NULL with
 * *ok 0 and e filled.  Free with ynode_free. */
struct ynode *yamlio_parse(const char *buf, size_t len, const char *name,
			   int line0, int *ok, struct err *e);
/* Parse a file; a missing file is an error. */
struct ynode *yamlio_parse_file(const char *path, int *ok, struct err *e);
void ynode_free(struct ynode *n);
/* A node of type t at line, col (1-based), without kids or text; and
 * adding a kid to a sequence or mapping (for readers of the tree). */
struct ynode *ynode_new(enum ynode_type t, int line, int col);
void ynode_add(struct ynode *p, struct ynode *k);

/* The second key given twice in some mapping of tree n (the first such
 * in a walk of the tree), with *first set to its first occurrence; NULL
 * when there is none. */
const struct ynode *yamlio_dup_key(const struct ynode *n,
				   const struct ynode **first);
/* A deep copy (NULL for NULL); free with ynode_free. */
struct ynode *ynode_copy(const struct ynode *n);
/* Do two trees hold the same data: types and text (not where it stood,
 * nor how a scalar was quoted: an empty key, read plain, is written
 * quoted)? */
int ynode_same(const struct ynode *a, const struct ynode *b);
/* Value of key in map n, or NULL. */
struct ynode *ynode_get(const struct ynode *n, const char *key);
/* Is n a scalar that reads as null ("~", "null", empty, unquoted)? */
int ynode_is_null(const struct ynode *n);
/* Fill e with "NAME:LINE:COL: msg" for node n. */
void ynode_err(struct err *e, const char *name, const struct ynode *n,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Writer: emits block-style YAML to a FILE or a buffer. */
struct yout;
struct yout *yout_new_file(FILE *f);
struct yout *yout_new_buf(struct buf *b);
/* Returns 0 if every event was emitted, -1 otherwise. */
int yout_free(struct yout *y);
void yout_doc_start(struct yout *y);
void yout_doc_end(struct yout *y);
void yout_map_start(struct yout *y);
void yout_map_end(struct yout *y);
void yout_seq_start(struct yout *y);
void yout_seq_start_flow(struct yout *y);
void yout_seq_end(struct yout *y);
/* A string scalar (NULL writes null); invalid UTF-8 becomes U+FFFD. */
void yout_str(struct yout *y, const char *s);
void yout_strn(struct yout *y, const char *s, size_t n);
void yout_null(struct yout *y);
void yout_int(struct yout *y, long long v);
/* A tree as it was read: block style; a scalar read plain is written
 * plain when it can be, one read quoted stays quoted. */
void yout_node(struct yout *y, const struct ynode *n);
/* A mapping key (plain style). */
void yout_key(struct yout *y, const char *k);
/* key: value shorthands inside a map */
void yout_kv(struct yout *y, const char *key, const char *val);
void yout_kvn(struct yout *y, const char *key, const char *val, size_t n);
void yout_ki(struct yout *y, const char *key, long long v);

#endif
