/* score_review_stub.c - STUB, to be replaced by the lead: sd_score_compute_reviewed()
 * (score.h) belongs in score.c, where the review's marks override the machine's verdicts.
 * Until then it scores without the review, so that `stormdrill score LOG --review FILE`
 * builds and writes the review's agreement. Delete this file when score.c implements it. */
#include "score.h"

sd_status sd_score_compute_reviewed(const sd_results *r, const sd_lexicons *lx, const sd_texts *tx,
                                    const struct sd_reviews *rv, sd_score **out, sd_error *err)
{
    (void)rv; /* STUB: the marks are not applied yet */
    return sd_score_compute(r, lx, tx, out, err);
}
