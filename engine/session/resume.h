/* resume.h - continues an exercise that was interrupted (a crash, a power cut, kill -9)
 * from its session log alone.
 *
 * The simulation is deterministic, so the state of an exercise at any moment is a
 * function of the scenario, the seed and the inputs: what the participant and the
 * facilitator did and when. Resuming runs the exercise again from its start with a new
 * session over the same scenario and seed, giving it the logged inputs at their logged
 * times, and checks every record it makes against the log line for line (wall times
 * aside). Where the log ends, the session takes over a writer that appends to the same
 * log, and the exercise goes on from the same simulated time. A torn last line is dropped
 * (and reported); anything else that differs from the log stops the resume with a message
 * naming the log line.
 *
 *   sd_log_origin o;  sd_log_origin_read(log, &o, &err);    // which scenario, seed, who
 *   ... load o.scenario_path (and o.participant_path for a scripted participant) ...
 *   sd_session_create(&cfg, &s, &err);                       // seed, date, participant from o; no log
 *   ... add observers, attach a scripted participant ...
 *   sd_session_resume(s, &o, log, &w, &info, &err);          // now where the log ended
 *   ... drive the session on; sd_logw_close(w, &err) at the end ...
 *
 * Ownership: sd_log_origin_read() fills an origin whose strings it owns, freed by
 * sd_log_origin_clear(); sd_session_resume() hands back in *log_out a writer the caller
 * closes with sd_logw_close() after the session is destroyed or done with it, and fills
 * *info, freed by sd_resume_info_clear(). */
#ifndef SD_RESUME_H
#define SD_RESUME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../log/logr.h"
#include "../log/logw.h"
#include "../util/error.h"
#include "session.h"

/* What the log's header says about the exercise. */
typedef struct sd_log_origin {
    char *program;          /* "stormdrill 0.1.0" */
    char *scenario_path;    /* as logged */
    char *scenario_sha256;
    uint64_t seed;
    char *date;             /* "YYYY-MM-DD" the exercise was held, or NULL */
    char *participant;      /* first name */
    char *participant_kind; /* "scripted" or "person" */
    char *participant_path, *participant_sha256; /* scripted participants, else NULL */
    bool sealed;            /* the header names a seal (log/chain.h) */
    char key_id[SD_CHAIN_HEX + 1]; /* its key id, when sealed */
    /* Set by the caller before sd_session_resume(), not read from the log: the
     * facilitator's key (borrowed), required for a sealed log and refused for another. */
    const sd_seal_key *seal_key;
} sd_log_origin;

/* Reads and validates the log's first line, which must be its header. */
sd_status sd_log_origin_read(const char *log_path, sd_log_origin *out, sd_error *err);
/* Checks that a file named in a log's header (the scenario, the participant's script) is a
 * regular file, before anything reads it: a device or a FIFO named there is refused at
 * once with a message naming the log and the file. */
sd_status sd_log_origin_check_file(const char *log_path, const char *path, sd_error *err);
void sd_log_origin_clear(sd_log_origin *o);

/* Looks in folder dir for the newest session log (*.jsonl) of an exercise that was
 * interrupted: its header names the scenario with this sha256 and a participant of this
 * kind ("person"), and its last line is not the end record. *path_out is a path the
 * caller frees, or NULL when there is none; *last_t the simulated time of its last
 * complete line. Unreadable and foreign files are passed over (a folder of logs is not
 * an error); only a folder that cannot be read is. */
sd_status sd_log_find_interrupted(const char *dir, const char *scenario_sha256,
                                  const char *participant_kind, char **path_out,
                                  sd_time *last_t, sd_error *err);

typedef struct sd_resume_info {
    size_t records;   /* log records caught up with */
    char *torn;       /* the torn last line that was dropped ("file:line: ..."), or NULL */
    sd_time now;      /* the simulated time the exercise goes on from */
    bool had_ended;   /* the log already held the end of the exercise */
    sd_log_integrity integrity; /* what the log's chain and seal showed, up to where it ended */
} sd_resume_info;

void sd_resume_info_clear(sd_resume_info *info);

/* Catches the session up with the log at log_path and makes it append to that log. The
 * session must be created, not started, from the origin: the same scenario file (by
 * sha256) and seed, the same participant, and no log writer of its own; observers and a
 * scripted participant are attached before. Inputs are replayed for a "person"
 * participant (actions) and the facilitator (pause, speed, injects, ending); a scripted
 * participant makes its actions again itself. The log is checked as it is read (its chain,
 * its seal with origin->seal_key, its consistency: logr.h) and continued with the same
 * chain and seal. On failure nothing is written to the log. */
sd_status sd_session_resume(sd_session *s, const sd_log_origin *origin, const char *log_path,
                            sd_logw **log_out, sd_resume_info *info, sd_error *err);

#endif
