/* review.h - an evaluator's review of a finished exercise: marks on the replies and decisions
 * that the machine scored, kept in a review file beside the session log, read back for
 * scoring (`stormdrill score LOG --review FILE`) and for the report (how often the
 * evaluators agreed with the machine, per rule). See docs/review.md.
 *
 * The review file is JSON Lines ("stormdrill.review/1"), by default `<log>.review.jsonl`:
 *   {"type":"header","format":"stormdrill.review/1","log_sha256":"<hex>","scenario_id":"..."}
 *   {"type":"mark","evaluator":"Eva","at":"2026-12-03T09:41:00Z",
 *    "target":{"kind":"reply","action":3,"item":"q1"},"answers":"partly","tone_ok":true,
 *    "note":"...","machine":{"answers":"yes","tone_ok":true,"failed":[]}}
 *   {"type":"mark",...,"target":{"kind":"decision","item":"troll1"},"decision_ok":false,
 *    "machine":{"decision_ok":true,"rule":"response_model","decision":"hide"}}
 * A mark is appended and synced (fsync) as it is made: a crash loses at most the mark being
 * written, whose torn line is dropped with a warning when read and cut off before the next
 * mark is appended. A reply target's action is the 0-based index of the reply among the
 * log's accepted action records (the index in sd_results_actions()). Later marks on the
 * same target override earlier ones, whoever made them; for agreement, each evaluator's
 * last mark on a target counts.
 *
 * The file is untrusted input: regular files only, at most SD_REVIEW_MAX_BYTES, lines of at
 * most SD_REVIEW_MAX_LINE bytes, every field checked by type, range and UTF-8, errors
 * naming file:line and the field. A review file made for another log (its log_sha256 is
 * not the log's) is refused.
 *
 * Ownership: sd_reviews_load() returns an sd_reviews the caller frees with
 * sd_reviews_free(); every string it hands out (marks, evaluators) is owned by it. A
 * writer is the caller's until sd_review_writer_close(); the reviews it exposes are its
 * own. Everything given to these functions is borrowed for the call. */
#ifndef SD_REVIEW_H
#define SD_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../results/results.h"
#include "../scoring/tone.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/jsonw.h"

#define SD_REVIEW_FORMAT "stormdrill.review/1"
#define SD_REVIEW_SUFFIX ".review.jsonl"
#define SD_REVIEW_MAX_BYTES ((uint64_t)64 << 20) /* a review file */
#define SD_REVIEW_MAX_LINE 16384u                /* one line of it */
#define SD_REVIEW_MAX_MARKS 200000u              /* marks in one file */
#define SD_REVIEW_MAX_NOTE 2000u                 /* bytes of a note */
#define SD_REVIEW_MAX_NAME 200u                  /* bytes of an evaluator's name */
#define SD_REVIEW_MAX_EVALUATORS 1000u

typedef enum sd_review_kind { SD_REVIEW_REPLY, SD_REVIEW_DECISION } sd_review_kind;

/* The evaluator's answer to "does the reply answer the question?" */
enum { SD_ANSWERS_NONE = -1, SD_ANSWERS_NO = 0, SD_ANSWERS_PARTLY = 1, SD_ANSWERS_YES = 2 };

/* The tone checks that "tone acceptable" is compared with: how a reply reads (greeting,
 * signoff, acknowledge, concise, plain_language, courteous, private_data, spelling, name),
 * not what it says (answers, refer, channel, avoid, link). Bit per sd_tone_check. */
uint32_t sd_review_tone_checks(void);

/* The machine's verdict on a target when it was marked (kept with the mark, so that the
 * agreement is with the verdict the evaluator saw). */
typedef struct sd_review_machine {
    int answers;      /* replies: SD_ANSWERS_NONE (the answers check did not apply), _NO or
                         _YES (the check passed: at least one key point met) */
    bool tone_ok;     /* replies: no tone check (sd_review_tone_checks) failed */
    uint32_t failed;  /* replies: bit per sd_tone_check among those that failed */
    bool decision_ok; /* decisions: the response model found no fault with it */
    int decision;     /* decisions: the sd_decision taken, or -1 */
} sd_review_machine;

/* A mark as scoring uses it (the last one on a target). */
typedef struct sd_review_mark {
    int answers;      /* SD_ANSWERS_*: -1 none, 0 no, 1 partly, 2 yes */
    int tone_ok;      /* -1 none, 0, 1 */
    int decision_ok;  /* -1 none, 0, 1 */
    const char *evaluator, *note; /* note: NULL when none */
} sd_review_mark;

/* One mark line as read. */
typedef struct sd_review_entry {
    sd_review_kind kind;
    int32_t action;   /* reply: the action index; decision: -1 */
    const char *item; /* the item id */
    sd_review_mark mark;
    sd_review_machine machine;
    bool has_machine; /* the line carried the machine's verdict */
    int64_t at;       /* real time of the mark, Unix seconds UTC */
    size_t line;      /* its line in the file */
} sd_review_entry;

typedef struct sd_reviews sd_reviews;

/* Reads the review file at path and checks that it was made for the log at log_path (the
 * sha256 of the log file; log_path NULL: not checked). A missing last newline on a line
 * that does not parse is a torn mark: dropped, with a warning (sd_reviews_torn). */
sd_status sd_reviews_load(const char *path, const char *log_path, sd_reviews **out, sd_error *err);
/* The same from memory (tests, fuzzing); name is used in messages; log_sha256 may be NULL. */
sd_status sd_reviews_load_buffer(const char *name, const char *data, size_t len,
                                 const char *log_sha256, sd_reviews **out, sd_error *err);
void sd_reviews_free(sd_reviews *rv);

/* Checks every mark's target against the results of the log: a reply's action exists, is a
 * reply or private reply with a text, on the item the mark names; a decision's item exists.
 * Errors name the review file and line. */
sd_status sd_reviews_check(const sd_reviews *rv, const sd_results *r, sd_error *err);

/* The last mark on a reply (by action index) or on a decision (by item id); false when the
 * target has none. *out's strings belong to rv. */
bool sd_reviews_reply(const sd_reviews *rv, size_t action_index, sd_review_mark *out);
bool sd_reviews_decision(const sd_reviews *rv, const char *item_id, sd_review_mark *out);

size_t sd_reviews_n(const sd_reviews *rv);
const sd_review_entry *sd_reviews_at(const sd_reviews *rv, size_t i);
size_t sd_reviews_n_evaluators(const sd_reviews *rv);
const char *sd_reviews_evaluator(const sd_reviews *rv, size_t i); /* in order of first mark */
const char *sd_reviews_log_sha256(const sd_reviews *rv);
const char *sd_reviews_scenario_id(const sd_reviews *rv);
/* The torn-line warning ("file:line: ..."), or NULL. */
const char *sd_reviews_torn(const sd_reviews *rv);

/* Agreement of the evaluators with the machine, per rule. Rows: "answer_questions" (a
 * reply's answers mark against the answers check: yes or partly agree with a pass, no with
 * a fail), one per tone check id (a reply's tone_ok mark against each tone check the machine
 * failed: agreed when the evaluator also found the tone unacceptable; when the machine
 * failed none, the row "courteous": agreed when the evaluator found it acceptable too),
 * "tone" (tone_ok against the machine's overall tone verdict) and "response_model" (a
 * decision's decision_ok against the machine's). Each evaluator's last mark on a target
 * counts once. */
#define SD_REVIEW_ROWS (SD_TONE_CHECK_COUNT + 3)
typedef struct sd_review_agreement {
    const char *rule[SD_REVIEW_ROWS];   /* static ids */
    size_t reviewed[SD_REVIEW_ROWS], agreed[SD_REVIEW_ROWS];
    size_t compared, agreed_all;        /* answers, tone and decision comparisons */
    size_t replies, decisions;          /* targets with a mark */
} sd_review_agreement;
void sd_reviews_agreement(const sd_reviews *rv, sd_review_agreement *out);

/* The "review" member of the results document (docs/results-format.md): format,
 * evaluators, marks, replies and decisions reviewed, agreed/compared and the agreement rows
 * with at least one comparison. Writes key and value. */
void sd_reviews_write_json(const sd_reviews *rv, sd_jsonw *w);

/* <log_path>.review.jsonl into out (reset first). */
sd_status sd_review_default_path(const char *log_path, sd_buf *out, sd_error *err);

/* ---- writing ---- */

typedef struct sd_review_mark_in {
    const char *evaluator;    /* required: 1..SD_REVIEW_MAX_NAME bytes, no control characters */
    sd_review_kind kind;
    int32_t action;           /* reply: the action index */
    const char *item;         /* required: the item id */
    int answers, tone_ok, decision_ok; /* -1: not marked */
    const char *note;         /* NULL or "": none */
    const sd_review_machine *machine; /* the machine's verdict, or NULL */
    int64_t at;               /* real time (Unix seconds); 0: now */
} sd_review_mark_in;

typedef struct sd_review_writer sd_review_writer;

/* Opens the review file at path for the log at log_path: an existing file is read and
 * checked (as sd_reviews_load does; a torn last line is cut off), a new one is created with
 * its header (never replacing a file made meanwhile). scenario_id goes into a new header. */
sd_status sd_review_writer_open(const char *path, const char *log_path, const char *scenario_id,
                                sd_review_writer **out, sd_error *err);
/* Appends one mark and syncs it to disk; it is also added to the writer's reviews. A mark
 * with nothing marked (no answers, tone_ok, decision_ok or note) is refused. */
sd_status sd_review_writer_mark(sd_review_writer *w, const sd_review_mark_in *m, sd_error *err);
/* The marks of the file so far (those read when it was opened and those written since). */
const sd_reviews *sd_review_writer_reviews(const sd_review_writer *w);
/* A warning from opening (a torn last line cut off), or NULL. */
const char *sd_review_writer_warning(const sd_review_writer *w);
/* Closes the file and frees w (NULL is fine). */
sd_status sd_review_writer_close(sd_review_writer *w, sd_error *err);

/* ---- what there is to review ---- */

/* One reply or decision of an exercise, with the machine's verdict on it. */
typedef struct sd_review_target {
    sd_review_kind kind;
    int32_t action;           /* reply: its action index; decision: the action that made
                                 it (hide, delete, report, the first reply), or -1 (left) */
    int32_t item;             /* results item index */
    sd_time t;                /* simulated time: the reply's, the decision's, else the
                                 item's arrival */
    sd_review_machine machine;
} sd_review_target;

struct sd_score;
/* The targets of a scored exercise in time order (ties: replies before decisions, then
 * log order): every tone-checked reply, and a decision on every item that declares a
 * response model (expect ok or fault) or that the participant hid, deleted or reported.
 * *out is the caller's (free()). */
sd_status sd_review_targets(const sd_results *r, const struct sd_score *s, sd_review_target **out,
                            size_t *n, sd_error *err);

/* Names for values: "yes" / "partly" / "no" (NULL for none), and back (-1 unknown). */
const char *sd_review_answers_name(int answers);
int sd_review_answers_lookup(const char *s);
const char *sd_review_kind_name(sd_review_kind k);

#endif
