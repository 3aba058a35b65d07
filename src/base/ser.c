/* ser: bounded serialisation into a buffer and back. */
#include "brief/base/ser.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

void ser_u64(struct buf *b, uint64_t v)
{
	buf_add(b, &v, sizeof v);
}

void ser_u32(struct buf *b, uint32_t v)
{
	buf_add(b, &v, sizeof v);
}

void ser_bytes(struct buf *b, const void *p, size_t n)
{
	ser_u64(b, n);
	if (n)
		buf_add(b, p, n);
}

void ser_str(struct buf *b, const char *s)
{
	/* the length + 1, so that 0 stands for NULL */
	ser_u64(b, s ? strlen(s) + 1 : 0);
	if (s)
		buf_add(b, s, strlen(s));
}

void ser_aligned(struct buf *b, const void *p, size_t n)
{
	static const char zeros[8];

	ser_u64(b, n);
	buf_add(b, zeros, (8 - b->len % 8) % 8);
	if (n)
		buf_add(b, p, n);
}

void deser_init(struct deser *d, const void *p, size_t n)
{
	d->p = p;
	d->n = n;
	d->at = 0;
	d->bad = 0;
	d->lend = 0;
}

int deser_check(struct deser *d, int cond)
{
	if (!cond)
		d->bad = 1;
	return !d->bad;
}

/* The next n bytes, or NULL (bad) when they are not all there. */
static const unsigned char *take(struct deser *d, size_t n)
{
	const unsigned char *r;

	if (d->bad || n > d->n - d->at) {
		d->bad = 1;
		return NULL;
	}
	r = d->p + d->at;
	d->at += n;
	return r;
}

/* Copy the next n bytes into out, or zeros when they are not there. */
static void take_into(struct deser *d, void *out, size_t n)
{
	const unsigned char *r = take(d, n);

	if (r)
		memcpy(out, r, n);
	else
		memset(out, 0, n);
}

uint64_t deser_u64(struct deser *d)
{
	uint64_t v;

	take_into(d, &v, sizeof v);
	return v;
}

uint32_t deser_u32(struct deser *d)
{
	uint32_t v;

	take_into(d, &v, sizeof v);
	return v;
}

const void *deser_bytes(struct deser *d, size_t *n, size_t size)
{
	uint64_t len = deser_u64(d);
	const void *r;

	*n = 0;
	if (d->bad || len > d->n - d->at || (size && len % size)) {
		d->bad = 1;
		return NULL;
	}
	r = take(d, (size_t)len);
	*n = (size_t)len;
	return r;
}

const void *deser_aligned(struct deser *d, size_t *n, size_t size)
{
	uint64_t len = deser_u64(d);

	*n = 0;
	/* the padding the writer put: the same positions as its buffer's
	 * when the reader starts at a multiple of 8 in it */
	take(d, (8 - d->at % 8) % 8);
	if (d->bad || len > d->n - d->at || (size && len % size)) {
		d->bad = 1;
		return NULL;
	}
	*n = (size_t)len;
	return take(d, (size_t)len);
}

void *deser_array(struct deser *d, size_t count, size_t size)
{
	size_t n;
	const void *r = deser_bytes(d, &n, size);
	void *out;

	if (r == NULL || !deser_check(d, size && n / size == count) || n == 0)
		return NULL;
	out = xmalloc(n);
	memcpy(out, r, n);
	return out;
}

char *deser_str(struct deser *d)
{
	uint64_t len = deser_u64(d);
	const unsigned char *r;

	if (len == 0 || d->bad)
		return NULL;
	r = take(d, (size_t)len - 1);
	return r ? xstrndup((const char *)r, (size_t)len - 1) : NULL;
}

void ser_strs(struct buf *b, char *const *v, size_t n)
{
	size_t i;

	ser_u64(b, n);
	for (i = 0; i < n; i++)
		ser_str(b, v[i]);
}

char **deser_strs(struct deser *d, size_t *n)
{
	uint64_t k = deser_u64(d), i;
	char **v;

	*n = 0;
	/* each takes at least its 8 bytes of length */
	if (!deser_check(d, k <= (d->n - d->at) / 8) || k == 0)
		return NULL;
	v = xcalloc((size_t)k, sizeof *v);
	for (i = 0; i < k && deser_check(d, (v[i] = deser_str(d)) != NULL);
	     i++)
		;
	*n = (size_t)i;
	return v;
}
