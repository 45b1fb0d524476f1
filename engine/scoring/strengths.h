/* strengths.h - what went well in an exercise, named as concretely as the misses: "Du tog
 * in kollega och chef inom 4 min", "Alla 6 frågor om läxhjälpen fick svar i tid", "Inga
 * raderade kommentarer med saklig kritik". Each strength has a stable id, the guideline
 * rule it shows and a text in the scenario's language (keys st.<id> in
 * assets/strings/<lang>.txt). The ids and what earns each are in docs/scoring.md
 * ("Strengths").
 *
 * A pure function of the results and their score (so of the log). The strengths are
 * written into the results JSON as "strengths" and shown by the scorecards and the
 * report.
 *
 * Ownership: the list is malloc'd (*out, the caller frees it; sd_score_free does for the
 * score's); the texts and ids live in `arena`, which the caller owns. */
#ifndef SD_STRENGTHS_H
#define SD_STRENGTHS_H

#include "../util/arena.h"
#include "score.h"

sd_status sd_strengths_compute(const sd_results *r, const sd_score *s, const sd_texts *tx,
                               sd_arena *arena, sd_strength **out, size_t *n, sd_error *err);

#endif
