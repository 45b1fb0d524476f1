/* vocab.c - name tables of the closed vocabularies (see vocab.h). */
#include "vocab.h"

#include <stdio.h>
#include <string.h>

static const char *const moods[] = {"calm", "worried", "frustrated", "angry", "troll"};
static const char *const kinds[] = {"post", "comment", "reply", "dm", "media",
                                    "inquiry", "internal", "notice", "attacker_post"};
static const char *const targets[] = {"case_handling", "manager", "press_officer",
                                      "it_security", "colleague_backup", "legal",
                                      "other_authority"};
static const char *const decisions[] = {"reply", "correct_facts", "refer", "monitor",
                                        "hide", "report", "delete"};
static const char *const classes[] = {"none", "question", "misunderstanding",
                                      "justified_criticism", "dissatisfied", "troll",
                                      "illegal", "thanks"};
static const char *const actions[] = {"reply", "refer_previous", "dm_reply", "publish",
                                      "hide", "delete", "report", "escalate", "account",
                                      "acknowledge", "pin", "draft"};
static const char *const steps[] = {"change_password", "enable_2fa", "revoke_sessions",
                                    "remove_access"};
static const char *const senders[] = {"manager", "press_officer", "it_security", "colleague"};
static const char *const theme_kinds[] = {"question", "complaint", "rumour", "threat",
                                          "personal_data"};
static const char *const platforms[] = {"facebook", "instagram", "x"};
static const char *const languages[] = {"sv", "en"};
static const char *const rules[] = {
    "answer_questions", "refer_right_authority", "silent_audience", "move_case", "greeting",
    "signoff", "plain_language", "courteous", "personal", "speed", "acknowledge", "concise",
    "link", "implicit_question", "repeat_once", "strengthen_message", "response_model",
    "show_action", "get_backup", "act_fast", "analyse_volume", "active_in_comments",
    "public_record", "inform_up", "qa_templates", "scenario_exercises", "secure_accounts",
    "private_data"};

#define N(a) ((int)(sizeof(a) / sizeof(a[0])))

static const struct {
    const char *const *names;
    int count;
    const char *title;
} tables[SD_VOCAB_COUNT] = {
    [SD_VOCAB_MOOD] = {moods, N(moods), "mood"},
    [SD_VOCAB_KIND] = {kinds, N(kinds), "item kind"},
    [SD_VOCAB_TARGET] = {targets, N(targets), "escalation target"},
    [SD_VOCAB_DECISION] = {decisions, N(decisions), "decision"},
    [SD_VOCAB_CLASS] = {classes, N(classes), "class"},
    [SD_VOCAB_ACTION] = {actions, N(actions), "action"},
    [SD_VOCAB_STEP] = {steps, N(steps), "account step"},
    [SD_VOCAB_SENDER] = {senders, N(senders), "sender"},
    [SD_VOCAB_LANGUAGE] = {languages, N(languages), "language"},
    [SD_VOCAB_RULE] = {rules, N(rules), "rule id"},
    [SD_VOCAB_THEME_KIND] = {theme_kinds, N(theme_kinds), "theme kind"},
    [SD_VOCAB_PLATFORM] = {platforms, N(platforms), "platform"},
};

_Static_assert(N(moods) == SD_MOOD_COUNT, "moods");
_Static_assert(N(kinds) == SD_KIND_COUNT, "kinds");
_Static_assert(N(targets) == SD_TARGET_COUNT, "targets");
_Static_assert(N(decisions) == SD_DECISION_COUNT, "decisions");
_Static_assert(N(classes) == SD_CLASS_COUNT, "classes");
_Static_assert(N(actions) == SD_ACT_COUNT, "actions");
_Static_assert(N(steps) == SD_STEP_COUNT, "steps");
_Static_assert(N(senders) == SD_SENDER_COUNT, "senders");
_Static_assert(N(languages) == SD_LANG_COUNT, "languages");
_Static_assert(N(rules) == SD_RULE_COUNT, "rules");
_Static_assert(N(theme_kinds) == SD_THEME_COUNT, "theme kinds");
_Static_assert(N(platforms) == SD_PLATFORM_COUNT, "platforms");

int sd_platform_max_chars(sd_platform p) { return p == SD_PLATFORM_X ? 280 : 0; }

const char *sd_vocab_name(sd_vocab_id voc, int v)
{
    if ((int)voc < 0 || voc >= SD_VOCAB_COUNT || v < 0 || v >= tables[voc].count)
        return "?";
    return tables[voc].names[v];
}

int sd_vocab_lookup(sd_vocab_id voc, const char *name)
{
    if ((int)voc < 0 || voc >= SD_VOCAB_COUNT || name == NULL)
        return -1;
    for (int i = 0; i < tables[voc].count; i++)
        if (strcmp(tables[voc].names[i], name) == 0)
            return i;
    return -1;
}

int sd_vocab_count(sd_vocab_id voc)
{
    return ((int)voc < 0 || voc >= SD_VOCAB_COUNT) ? 0 : tables[voc].count;
}

const char *sd_vocab_title(sd_vocab_id voc)
{
    return ((int)voc < 0 || voc >= SD_VOCAB_COUNT) ? "?" : tables[voc].title;
}

void sd_vocab_list(sd_vocab_id voc, char *out, size_t outlen)
{
    size_t used = 0;
    if (outlen == 0)
        return;
    out[0] = '\0';
    for (int i = 0; i < sd_vocab_count(voc); i++) {
        int n = snprintf(out + used, outlen - used, "%s%s", i ? ", " : "", tables[voc].names[i]);
        if (n < 0 || (size_t)n >= outlen - used)
            break; /* callers pass a buffer large enough for every table (512 bytes) */
        used += (size_t)n;
    }
}
