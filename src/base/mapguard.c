/* mapguard: a SIGBUS in a mapped file that shrank becomes zero pages and a
 * flag; anywhere else it kills as before. */
#include "brief/base/mapguard.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "brief/base/util.h"

/* The guarded mappings, in blocks of slots that are never freed: a
 * slot's base is published last (release) and cleared first, so the
 * handler, in whichever thread faults, reads whole slots without a lock
 * while another thread maps or unmaps (the cache's tries are read by
 * worker threads while the reader opens files).  Writers take a lock. */
enum { SLOTS = 256 };

struct guard {
	_Atomic(char *) base;
	_Atomic size_t len;
	volatile sig_atomic_t changed;
};

struct block {
	struct guard slot[SLOTS];
	_Atomic(struct block *) next;
};

static struct block first;
static pthread_mutex_t writers = PTHREAD_MUTEX_INITIALIZER;
static size_t page_size;
static int installed;
static struct sigaction before; /* SIGBUS's action before brief's */

/* The slot guarding addr (a fault) or mapped at base (exact), else NULL;
 * safe in the handler. */
static struct guard *lookup(const char *addr, int exact)
{
	struct block *b;
	size_t i;

	for (b = &first; b != NULL;
	     b = atomic_load_explicit(&b->next, memory_order_acquire))
		for (i = 0; i < SLOTS; i++) {
			struct guard *g = &b->slot[i];
			char *base = atomic_load_explicit(&g->base,
							  memory_order_acquire);

			if (base == NULL)
				continue;
			if (exact ? base == addr
				  : addr >= base &&
					    addr < base + atomic_load_explicit(
								  &g->len,
								  memory_order_relaxed))
				return g;
		}
	return NULL;
}

static void on_sigbus(int sig, siginfo_t *si, void *ctx)
{
	char *addr = si->si_addr;
	struct guard *g = si->si_code > 0 ? lookup(addr, 0) : NULL;

	(void)ctx;
	/* a fault (not a signal sent by kill) in a guarded mapping: every
	 * page from the one lost to the end is past the file's new end */
	if (g != NULL) {
		char *base = atomic_load(&g->base);
		size_t len = atomic_load(&g->len);
		char *page = base + (size_t)(addr - base) / page_size * page_size;

		if (mmap(page, (size_t)(base + len - page),
			 PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
			 0) != MAP_FAILED) {
			g->changed = 1;
			return;
		}
	}
	/* not brief's: the action there was before, which for a fault runs
	 * again as the instruction does */
	sigaction(SIGBUS, &before, NULL);
	if (si->si_code <= 0)
		raise(sig);
}

/* A free slot (writers' lock held), a new block when all are taken. */
static struct guard *free_slot(void)
{
	struct block *b = &first, *n;
	size_t i;

	for (;;) {
		for (i = 0; i < SLOTS; i++)
			if (atomic_load(&b->slot[i].base) == NULL)
				return &b->slot[i];
		n = atomic_load(&b->next);
		if (n == NULL) {
			n = xcalloc(1, sizeof *n);
			atomic_store_explicit(&b->next, n,
					      memory_order_release);
		}
		b = n;
	}
}

static void install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	if (sigaction(SIGBUS, &sa, &before) == 0)
		installed = 1;
}

char *mapguard_map(int fd, size_t len, size_t *map_len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t n = (len / page + 1) * page;
	struct guard *g;
	char *base;

	pthread_mutex_lock(&writers);
	if (!installed)
		install();
	pthread_mutex_unlock(&writers);
	/* an anonymous reservation with the file mapped over its start:
	 * the page after the file reads as zeros */
	base = mmap(NULL, n, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	if (mmap(base, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED,
		 fd, 0) == MAP_FAILED) {
		munmap(base, n);
		return NULL;
	}
	pthread_mutex_lock(&writers);
	g = free_slot();
	g->changed = 0;
	atomic_store_explicit(&g->len, n, memory_order_relaxed);
	atomic_store_explicit(&g->base, base, memory_order_release);
	pthread_mutex_unlock(&writers);
	*map_len = n;
	return base;
}

int mapguard_changed(const char *base)
{
	struct guard *g = lookup(base, 1);

	return g != NULL && g->changed;
}

void mapguard_unmap(char *base, size_t map_len)
{
	struct guard *g;

	pthread_mutex_lock(&writers);
	g = lookup(base, 1);
	if (g != NULL)
		atomic_store_explicit(&g->base, NULL, memory_order_release);
	pthread_mutex_unlock(&writers);
	munmap(base, map_len);
}
