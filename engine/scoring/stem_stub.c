/* stem_stub.c - TEMPORARY (wt-spell): sd_stemmer_free() only, so that sd_lexicons_free()
 * links before the real stem.c lands. Delete this file when stem.c is merged (the two
 * define the same symbol, so the link fails loudly until this one goes). */
#include "stem.h"

void sd_stemmer_free(sd_stemmer *st)
{
    (void)st; /* nothing creates a stemmer before stem.c lands */
}
