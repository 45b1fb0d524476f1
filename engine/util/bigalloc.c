/* bigalloc.c - huge-page friendly allocation of large arrays. */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "bigalloc.h"

#include <stdlib.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)

void *sd_big_alloc(size_t size)
{
    if (size < 4 * HUGE_PAGE)
        return malloc(size);
    void *p = NULL;
    if (posix_memalign(&p, HUGE_PAGE, size) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, size & ~(HUGE_PAGE - 1), MADV_HUGEPAGE); /* advice only: failure is fine */
#endif
    return p;
}
