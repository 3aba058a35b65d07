/* util: the everyday base modules in one include -- errors, allocation,
 * sorting, buffers, hashing and file reading.  Each has its own header
 * (the module's contract); this one only gathers them.  No curses. */
#ifndef BRIEF_UTIL_H
#define BRIEF_UTIL_H

#include "brief/base/err.h"
#include "brief/base/alloc.h"
#include "brief/base/sort.h"
#include "brief/base/buf.h"
#include "brief/base/hash.h"
#include "brief/base/fileread.h"

#endif
