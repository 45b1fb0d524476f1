/* vocab.h - the closed vocabularies of Stormdrill with their stable ids: the guideline's
 * rule ids, moods, item kinds, escalation targets, response-model decisions and classes,
 * participant actions, account-security steps and storm theme kinds.
 *
 * The ids are what scenario files, session logs, results and feedback use; they never
 * change meaning. Each vocabulary is an enum plus a name table; sd_vocab_lookup() maps a
 * name to its value (or -1). All tables are static and read-only. */
#ifndef SD_VOCAB_H
#define SD_VOCAB_H

#include <stddef.h>

typedef enum sd_mood {
    SD_MOOD_CALM, SD_MOOD_WORRIED, SD_MOOD_FRUSTRATED, SD_MOOD_ANGRY, SD_MOOD_TROLL,
    SD_MOOD_COUNT
} sd_mood;

typedef enum sd_kind {
    SD_KIND_POST,          /* the organisation's own post */
    SD_KIND_COMMENT,       /* a comment on a post */
    SD_KIND_REPLY,         /* a reply in a comment thread */
    SD_KIND_DM,            /* a direct message */
    SD_KIND_MEDIA,         /* a media article */
    SD_KIND_INQUIRY,       /* a journalist's inquiry */
    SD_KIND_INTERNAL,      /* a message from the manager, press officer, IT or a colleague */
    SD_KIND_NOTICE,        /* a platform notice ("new login from an unknown device") */
    SD_KIND_ATTACKER_POST, /* a post published from our account by an attacker */
    SD_KIND_COUNT
} sd_kind;

typedef enum sd_target {
    SD_TARGET_CASE_HANDLING, SD_TARGET_MANAGER, SD_TARGET_PRESS_OFFICER,
    SD_TARGET_IT_SECURITY, SD_TARGET_COLLEAGUE_BACKUP, SD_TARGET_LEGAL,
    SD_TARGET_OTHER_AUTHORITY, SD_TARGET_COUNT
} sd_target;

typedef enum sd_decision {
    SD_DECISION_REPLY, SD_DECISION_CORRECT_FACTS, SD_DECISION_REFER, SD_DECISION_MONITOR,
    SD_DECISION_HIDE, SD_DECISION_REPORT, SD_DECISION_DELETE, SD_DECISION_COUNT
} sd_decision;

typedef enum sd_class {
    SD_CLASS_NONE, SD_CLASS_QUESTION, SD_CLASS_MISUNDERSTANDING, SD_CLASS_JUSTIFIED_CRITICISM,
    SD_CLASS_DISSATISFIED, SD_CLASS_TROLL, SD_CLASS_ILLEGAL, SD_CLASS_THANKS, SD_CLASS_COUNT
} sd_class;

typedef enum sd_action_kind {
    SD_ACT_REPLY, SD_ACT_REFER_PREVIOUS, SD_ACT_DM_REPLY, SD_ACT_PUBLISH, SD_ACT_HIDE,
    SD_ACT_DELETE, SD_ACT_REPORT, SD_ACT_ESCALATE, SD_ACT_ACCOUNT, SD_ACT_ACKNOWLEDGE,
    SD_ACT_PIN,          /* pin a reply or the latest statement to the top of the post */
    SD_ACT_DRAFT,        /* not an action: the unsent text the participant was writing when
                            the exercise ended, written by the session just before its end
                            record (sd_session_set_draft); it never scores */
    SD_ACT_COUNT
} sd_action_kind;

typedef enum sd_step {
    SD_STEP_CHANGE_PASSWORD, SD_STEP_ENABLE_2FA, SD_STEP_REVOKE_SESSIONS,
    SD_STEP_REMOVE_ACCESS, SD_STEP_COUNT
} sd_step;

typedef enum sd_sender {
    SD_SENDER_MANAGER, SD_SENDER_PRESS_OFFICER, SD_SENDER_IT_SECURITY, SD_SENDER_COLLEAGUE,
    SD_SENDER_COUNT
} sd_sender;

/* What a storm theme stands for: a question, a complaint, a rumour to correct, a threat
 * or someone's personal data (the last two are never answered publicly). */
typedef enum sd_theme_kind {
    SD_THEME_QUESTION, SD_THEME_COMPLAINT, SD_THEME_RUMOUR, SD_THEME_THREAT,
    SD_THEME_PERSONAL_DATA, SD_THEME_COUNT
} sd_theme_kind;

typedef enum sd_language { SD_LANG_SV, SD_LANG_EN, SD_LANG_COUNT } sd_language;

/* The social platform a post is on: the feed shows it the way that platform does, and its
 * conventions hold (X: at most 280 characters a post or reply). */
typedef enum sd_platform {
    SD_PLATFORM_FACEBOOK, SD_PLATFORM_INSTAGRAM, SD_PLATFORM_X, SD_PLATFORM_COUNT
} sd_platform;
/* The most characters (Unicode code points) a reply or post may have there; 0: no limit
 * that matters for an answer. */
int sd_platform_max_chars(sd_platform p);

/* The guideline's rule ids (../shared/reference/guideline-rules.md). */
typedef enum sd_rule {
    SD_RULE_ANSWER_QUESTIONS, SD_RULE_REFER_RIGHT_AUTHORITY, SD_RULE_SILENT_AUDIENCE,
    SD_RULE_MOVE_CASE, SD_RULE_GREETING, SD_RULE_SIGNOFF, SD_RULE_PLAIN_LANGUAGE,
    SD_RULE_COURTEOUS, SD_RULE_PERSONAL, SD_RULE_SPEED, SD_RULE_ACKNOWLEDGE, SD_RULE_CONCISE,
    SD_RULE_LINK, SD_RULE_IMPLICIT_QUESTION, SD_RULE_REPEAT_ONCE, SD_RULE_STRENGTHEN_MESSAGE,
    SD_RULE_RESPONSE_MODEL, SD_RULE_SHOW_ACTION, SD_RULE_GET_BACKUP, SD_RULE_ACT_FAST,
    SD_RULE_ANALYSE_VOLUME, SD_RULE_ACTIVE_IN_COMMENTS, SD_RULE_PUBLIC_RECORD,
    SD_RULE_INFORM_UP, SD_RULE_QA_TEMPLATES, SD_RULE_SCENARIO_EXERCISES,
    SD_RULE_SECURE_ACCOUNTS, SD_RULE_PRIVATE_DATA, SD_RULE_COUNT
} sd_rule;

typedef enum sd_vocab_id {
    SD_VOCAB_MOOD, SD_VOCAB_KIND, SD_VOCAB_TARGET, SD_VOCAB_DECISION, SD_VOCAB_CLASS,
    SD_VOCAB_ACTION, SD_VOCAB_STEP, SD_VOCAB_SENDER, SD_VOCAB_LANGUAGE, SD_VOCAB_RULE,
    SD_VOCAB_THEME_KIND, SD_VOCAB_PLATFORM, SD_VOCAB_COUNT
} sd_vocab_id;

/* Name of value v in vocabulary voc ("?" when out of range). */
const char *sd_vocab_name(sd_vocab_id voc, int v);
/* Value of name in voc, or -1. */
int sd_vocab_lookup(sd_vocab_id voc, const char *name);
/* Number of values in voc. */
int sd_vocab_count(sd_vocab_id voc);
/* What the vocabulary is called in messages ("mood", "escalation target", ...). */
const char *sd_vocab_title(sd_vocab_id voc);
/* All names of voc joined by ", " into out (for "known: ..." hints). */
void sd_vocab_list(sd_vocab_id voc, char *out, size_t outlen);

#endif
