/* bigalloc.h - allocating large arrays (a million items) so that touching them is cheap:
 * on Linux the memory is asked to be backed by huge pages where the system allows it,
 * which turns hundreds of thousands of page faults into a few hundred. Elsewhere, or when
 * refused, it is plain malloc memory. Free with free(). */
#ifndef SD_BIGALLOC_H
#define SD_BIGALLOC_H

#include <stddef.h>

/* Like malloc(size); NULL when out of memory. */
void *sd_big_alloc(size_t size);

#endif
