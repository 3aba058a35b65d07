/* rx: PCRE2 compile and match helpers. */
#include "brief/base/rx.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/rxgate.h"

/* 0 once rx_use_jit(0) was called: nothing is JIT-compiled. */
static int jit_on = 1;

/* Patterns meant for JIT are JIT-compiled lazily, at their RX_JIT_AFTER-th
 * match: a short article then does not pay for compiling some forty
 * patterns it barely uses, and a long one soon runs on JIT code.  The
 * patterns waiting, with their uses, in a small open-addressing table
 * (empty when all are compiled: no cost then). */
#define RX_JIT_AFTER 64

struct lazy {
	const pcre2_code *re;  /* NULL: empty; TOMB: removed */
	unsigned uses;
};

static struct lazy *lazy;
static size_t lazy_slots, lazy_n, lazy_used;

#define TOMB ((const pcre2_code *)&lazy_slots)

static size_t lazy_hash(const pcre2_code *re)
{
	return (size_t)(((uintptr_t)re >> 4) * 0x9E3779B97F4A7C15ULL >> 20) &
	       (lazy_slots - 1);
}

static struct lazy *lazy_find(const pcre2_code *re)
{
	size_t i;

	if (lazy_n == 0)
		return NULL;
	for (i = lazy_hash(re); lazy[i].re != NULL;
	     i = (i + 1) & (lazy_slots - 1))
		if (lazy[i].re == re)
			return &lazy[i];
	return NULL;
}

static void lazy_add(const pcre2_code *re)
{
	size_t i;

	if ((lazy_used + 1) * 2 > lazy_slots) {
		struct lazy *old = lazy;
		size_t k, oslots = lazy_slots;

		lazy_slots = oslots ? oslots * 2 : 64;
		lazy = xcalloc(lazy_slots, sizeof *lazy);
		lazy_used = 0;
		for (k = 0; k < oslots; k++)
			if (old[k].re != NULL && old[k].re != TOMB) {
				for (i = lazy_hash(old[k].re); lazy[i].re;
				     i = (i + 1) & (lazy_slots - 1))
					;
				lazy[i] = old[k];
				lazy_used++;
			}
		free(old);
	}
	for (i = lazy_hash(re); lazy[i].re != NULL && lazy[i].re != TOMB;
	     i = (i + 1) & (lazy_slots - 1))
		;
	if (lazy[i].re == NULL)
		lazy_used++;
	lazy[i].re = re;
	lazy[i].uses = 0;
	lazy_n++;
}

static void lazy_remove(struct lazy *l)
{
	l->re = TOMB;
	if (--lazy_n == 0) {
		free(lazy);
		lazy = NULL;
		lazy_slots = lazy_used = 0;
	}
}

/* The rule patterns' literal gates (rxgate.h), by pattern: an
 * insert-only table that threads read without a lock (a slot is
 * claimed for its pattern first, its gate published after: a reader that
 * finds no gate yet runs PCRE2, as without one).  A freed pattern's slot
 * stays taken; when the table is full, patterns go without gates. */
#define GATE_SLOTS 1024

static struct {
	_Atomic(const pcre2_code *) re;
	_Atomic(struct rx_gate *) gate;
} gates[GATE_SLOTS];
static atomic_int gates_n;

#define GATE_GONE ((const pcre2_code *)&gates_n)

static size_t gate_hash(const pcre2_code *re)
{
	return (size_t)(((uintptr_t)re >> 4) * 0x9E3779B97F4A7C15ULL >> 24) &
	       (GATE_SLOTS - 1);
}

static void gate_put(const pcre2_code *re, struct rx_gate *g)
{
	size_t i = gate_hash(re), k;

	for (k = 0; k < GATE_SLOTS; k++, i = (i + 1) & (GATE_SLOTS - 1)) {
		const pcre2_code *none = NULL;

		if (atomic_compare_exchange_strong(&gates[i].re, &none, re)) {
			atomic_store_explicit(&gates[i].gate, g,
					      memory_order_release);
			atomic_fetch_add(&gates_n, 1);
			return;
		}
	}
	rx_gate_free(g);
}

/* The slot of re, or NULL. */
static size_t gate_slot(const pcre2_code *re, int *found)
{
	size_t i = gate_hash(re), k;

	*found = 0;
	for (k = 0; k < GATE_SLOTS; k++, i = (i + 1) & (GATE_SLOTS - 1)) {
		const pcre2_code *r = atomic_load_explicit(
			&gates[i].re, memory_order_acquire);

		if (r == NULL)
			break;
		if (r == re) {
			*found = 1;
			break;
		}
	}
	return i;
}

static const struct rx_gate *gate_get(const pcre2_code *re)
{
	int found;
	size_t i = gate_slot(re, &found);

	return found ? atomic_load_explicit(&gates[i].gate,
					    memory_order_acquire)
		     : NULL;
}

static void gate_drop(const pcre2_code *re)
{
	int found;
	size_t i;

	if (atomic_load_explicit(&gates_n, memory_order_relaxed) == 0)
		return;
	i = gate_slot(re, &found);
	if (!found)
		return;
	rx_gate_free(atomic_exchange(&gates[i].gate, NULL));
	atomic_store(&gates[i].re, GATE_GONE);
}

void rx_jit_now(void)
{
	size_t i;

	for (i = 0; lazy_n && i < lazy_slots; i++)
		if (lazy[i].re != NULL && lazy[i].re != TOMB) {
			pcre2_jit_compile((pcre2_code *)lazy[i].re,
					  PCRE2_JIT_COMPLETE);
			lazy_remove(&lazy[i]);
		}
}

void rx_free(pcre2_code *re)
{
	struct lazy *l;

	if (re == NULL)
		return;
	if ((l = lazy_find(re)) != NULL)
		lazy_remove(l);
	gate_drop(re);
	pcre2_code_free(re);
}

void rx_use_jit(int on)
{
	jit_on = on;
}

pcre2_code *rx_compile(const char *pattern, size_t len, uint32_t options,
		       struct err *e)
{
	return rx_compile_as(pattern, len, options | PCRE2_UCP, 1, e);
}

pcre2_code *rx_compile_typed(const char *pattern, size_t len,
			     uint32_t options, struct err *e)
{
	return rx_compile_as(pattern, len, options | PCRE2_UCP, 0, e);
}

pcre2_code *rx_compile_as(const char *pattern, size_t len, uint32_t options,
			  int jit, struct err *e)
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
	if (jit && jit_on)
		lazy_add(re);
	if (jit)
		rx_gate_attach(re, pattern, len, options);
	return re;
}

void rx_gate_attach(const pcre2_code *re, const char *pattern, size_t len,
		    uint32_t options)
{
	uint32_t all = 0;
	struct rx_gate *g;

	/* a rule pattern that may match anywhere: the literals it needs
	 * are looked for before PCRE2 runs */
	pcre2_pattern_info(re, PCRE2_INFO_ALLOPTIONS, &all);
	if (!(all & PCRE2_ANCHORED) &&
	    (g = rx_gate_new(pattern, len, PCRE2_UTF | options)) != NULL)
		gate_put(re, g);
}

int rx_find(const pcre2_code *re, pcre2_match_data *md, const char *s,
	    size_t len, size_t start, uint32_t options, size_t *ms, size_t *me)
{
	const struct rx_gate *g;
	PCRE2_SIZE *ov;
	struct lazy *l;
	uint32_t co;
	int rc;

	/* none of the literals every match needs is there */
	if (!(options & PCRE2_ANCHORED) &&
	    atomic_load_explicit(&gates_n, memory_order_relaxed) != 0 &&
	    (g = gate_get(re)) != NULL && !rx_gate_may(g, s, len, start))
		return 0;
	if (lazy_n && (l = lazy_find(re)) != NULL &&
	    ++l->uses >= RX_JIT_AFTER) {
		pcre2_jit_compile((pcre2_code *)re, PCRE2_JIT_COMPLETE);
		lazy_remove(l);
	}
	/* a pattern compiled anchored is matched so without asking again:
	 * PCRE2_ANCHORED at match time turns its JIT code off */
	if ((options & PCRE2_ANCHORED) &&
	    pcre2_pattern_info(re, PCRE2_INFO_ARGOPTIONS, &co) == 0 &&
	    (co & PCRE2_ANCHORED))
		options &= ~(uint32_t)PCRE2_ANCHORED;
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

void rx_save(const pcre2_code *re, struct buf *b)
{
	uint8_t *bytes = NULL;
	PCRE2_SIZE n = 0;

	if (re == NULL ||
	    pcre2_serialize_encode(&re, 1, &bytes, &n, NULL) != 1) {
		ser_bytes(b, NULL, 0);
		ser_u32(b, re != NULL); /* 1: a pattern that could not be kept */
		return;
	}
	ser_bytes(b, bytes, n);
	ser_u32(b, 0);
	pcre2_serialize_free(bytes);
}

pcre2_code *rx_load(struct deser *d, int jit)
{
	size_t n;
	const uint8_t *bytes = deser_bytes(d, &n, 0);
	pcre2_code *re = NULL;

	if (deser_u32(d) != 0 || d->bad) {
		d->bad = 1;
		return NULL;
	}
	if (n == 0)
		return NULL;
	/* PCRE2 checks the magic number, its version and the sizes first */
	if (n < 64 || pcre2_serialize_get_number_of_codes(bytes) != 1 ||
	    pcre2_serialize_decode(&re, 1, bytes, NULL) != 1) {
		d->bad = 1;
		return NULL;
	}
	if (jit && jit_on)
		lazy_add(re);
	return re;
}

const char *rx_version(void)
{
	static char v[64];

	if (v[0] == '\0' && pcre2_config(PCRE2_CONFIG_VERSION, v) < 0)
		snprintf(v, sizeof v, "%d.%d", PCRE2_MAJOR, PCRE2_MINOR);
	return v;
}
