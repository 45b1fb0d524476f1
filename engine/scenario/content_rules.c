/* content_rules.c - the rules of an sd_content (limits, phrases), the built-in channels
 * with their phrases per language, and deep copy and comparison. See content_rules.h. */
#include "content_rules.h"

#include <stdio.h>
#include <string.h>

#include "../log/limits.h"
#include "../util/utf8.h"

_Static_assert(SD_MAX_WORD_BYTES == 64 && SD_MAX_PHRASE_BYTES == 200,
               "text_problem() names these limits in its messages");

/* A code point that counts as a letter or digit: ASCII letters and digits, and every code
 * point from U+00C0 on except the multiplication and division signs, the general
 * punctuation and symbol blocks, CJK punctuation, variation selectors, specials and the
 * emoji and symbol planes. Coarse, but a phrase of punctuation or emoji alone is what it
 * must refuse. */
static bool letter_or_digit(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return false;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFFF0 && cp <= 0xFFFF))
        return false;
    if (cp >= 0x1F000 && cp <= 0x1FFFF)
        return false;
    return true;
}

/* What is wrong with s[0..len) as UTF-8 text of max bytes (SD_MAX_WORD_BYTES or
 * SD_MAX_PHRASE_BYTES); spaces: whether spaces are
 * allowed; letter: whether a letter or digit is required. */
static const char *text_problem(const char *s, size_t len, size_t max, bool spaces, bool letter)
{
    if (len == 0)
        return "is empty";
    if (len > max)
        return max == SD_MAX_WORD_BYTES ? "is longer than 64 bytes" : "is longer than 200 bytes";
    if (!sd_utf8_valid(s, len))
        return "is not valid UTF-8";
    bool any = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += sd_utf8_decode(s + i, len - i, &cp);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            return "has a control character";
        if (!spaces && (cp == ' ' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000))
            return "has a space (give one word)";
        any = any || letter_or_digit(cp);
    }
    if (letter && !any)
        return "has no letter or digit";
    return NULL;
}

const char *sd_phrase_problem(const char *s, size_t len)
{
    return text_problem(s, len, SD_MAX_PHRASE_BYTES, true, true);
}

const char *sd_word_problem(const char *s, size_t len)
{
    return text_problem(s, len, SD_MAX_WORD_BYTES, false, true);
}

static sd_status bad(sd_error *err, const char *field, const char *member, const char *what)
{
    return sd_error_set(err, SD_ERR_INPUT, "field '%s%s%s' %s", field, *field ? "." : "", member,
                        what);
}

static sd_status check_point(const sd_point *p, const char *field, const char *member,
                             sd_error *err)
{
    char m[96];
    if (p->label == NULL)
        return bad(err, field, member, "has no label");
    const char *why = sd_phrase_problem(p->label, strlen(p->label));
    if (why) {
        snprintf(m, sizeof m, "%s.label", member);
        return bad(err, field, m, why);
    }
    if (p->n_say == 0 || p->say == NULL)
        return bad(err, field, member, "has no phrases (say)");
    if (p->n_say > SD_MAX_SAY) {
        snprintf(m, sizeof m, "%s.say", member);
        return sd_error_set(err, SD_ERR_INPUT, "field '%s%s%s' has %zu phrases, more than %d",
                            field, *field ? "." : "", m, p->n_say, SD_MAX_SAY);
    }
    for (size_t i = 0; i < p->n_say; i++) {
        snprintf(m, sizeof m, "%s.say[%zu]", member, i);
        if (p->say[i] == NULL)
            return bad(err, field, m, "is missing");
        why = sd_phrase_problem(p->say[i], strlen(p->say[i]));
        if (why)
            return bad(err, field, m, why);
    }
    return SD_OK;
}

static sd_status check_points(const sd_point *v, size_t n, const char *field, const char *name,
                              sd_error *err)
{
    if (n > SD_MAX_POINTS)
        return sd_error_set(err, SD_ERR_INPUT, "field '%s%s%s' has %zu entries, more than %d",
                            field, *field ? "." : "", name, n, SD_MAX_POINTS);
    for (size_t i = 0; i < n; i++) {
        char m[64];
        snprintf(m, sizeof m, "%s[%zu]", name, i);
        sd_status st = check_point(&v[i], field, m, err);
        if (st != SD_OK)
            return st;
    }
    return SD_OK;
}

sd_status sd_content_check(const sd_content *c, const char *field, sd_error *err)
{
    if (c->n_points == 0 && c->refer.n_say == 0 && c->channel.n_say == 0 && c->n_avoid == 0 &&
        c->model == NULL)
        return sd_error_set(err, SD_ERR_INPUT, "field '%s' declares nothing (give points, refer, "
                            "channel, avoid or model)", field);
    sd_status st = check_points(c->points, c->n_points, field, "points", err);
    if (st == SD_OK)
        st = check_points(c->avoid, c->n_avoid, field, "avoid", err);
    if (st != SD_OK)
        return st;
    if (c->n_points > 0 && (c->need < 1 || (size_t)c->need > c->n_points))
        return sd_error_set(err, SD_ERR_INPUT, "field '%s%sneed' is %d; it must be between 1 and "
                            "%zu (the number of points)", field, *field ? "." : "", c->need,
                            c->n_points);
    if (c->n_points == 0 && c->need != 0)
        return bad(err, field, "need", "is given without points");
    if (c->refer.n_say > 0 && (st = check_point(&c->refer, field, "refer", err)) != SD_OK)
        return st;
    if (c->channel.n_say > 0 && (st = check_point(&c->channel, field, "channel", err)) != SD_OK)
        return st;
    if (c->model) {
        size_t len = strlen(c->model);
        if (len == 0)
            return bad(err, field, "model", "is empty");
        if (len > SD_MAX_TEXT_BYTES)
            return sd_error_set(err, SD_ERR_INPUT, "field '%s%smodel' is longer than %u bytes",
                                field, *field ? "." : "", SD_MAX_TEXT_BYTES);
        if (!sd_utf8_valid(c->model, len))
            return bad(err, field, "model", "is not valid UTF-8");
    }
    return SD_OK;
}

/* ---- built-in channels ---- */

typedef struct channel_def {
    const char *name;
    const char *label[SD_LANG_COUNT];
    const char *const *say[SD_LANG_COUNT];
    size_t n_say[SD_LANG_COUNT];
} channel_def;

#define N(a) (sizeof(a) / sizeof(a)[0])

static const char *const sv_e_service[] = {"e-tjänst", "e-tjänsten", "e-tjänster", "webbformulär",
                                           "formulär på webbplatsen", "formuläret på webbplatsen"};
static const char *const en_e_service[] = {"e-service", "online form", "web form",
                                           "form on our website", "online service"};
static const char *const sv_contact[] = {"kontaktcenter", "kontaktcentret", "kundtjänst",
                                         "växeln", "medborgarservice"};
static const char *const en_contact[] = {"contact centre", "contact center", "customer service",
                                         "switchboard", "service centre"};
static const char *const sv_fault[] = {"felanmälan", "felanmäl", "anmäl felet", "felanmälningen"};
static const char *const en_fault[] = {"report a fault", "fault report", "report the fault",
                                       "fault reporting"};
static const char *const sv_private[] = {"privat meddelande", "privatmeddelande", "dm",
                                         "direktmeddelande", "inkorg", "pm"};
static const char *const en_private[] = {"private message", "direct message", "DM", "inbox",
                                         "message us privately"};
static const char *const sv_phone[] = {"telefon", "ring oss", "ringa oss", "ring till",
                                       "telefonnummer"};
static const char *const en_phone[] = {"phone", "call us", "telephone", "ring us",
                                       "phone number"};
static const char *const sv_email[] = {"e-post", "mejl", "mejla", "e-postadress", "epost"};
static const char *const en_email[] = {"email", "e-mail", "email address", "email us",
                                       "mail us"};

static const channel_def channels[SD_CHANNEL_COUNT] = {
    {"e_service", {"e-tjänst", "e-service"}, {sv_e_service, en_e_service},
     {N(sv_e_service), N(en_e_service)}},
    {"contact_centre", {"kontaktcenter", "contact centre"}, {sv_contact, en_contact},
     {N(sv_contact), N(en_contact)}},
    {"fault_report", {"felanmälan", "fault report"}, {sv_fault, en_fault},
     {N(sv_fault), N(en_fault)}},
    {"private_message", {"privat meddelande", "private message"}, {sv_private, en_private},
     {N(sv_private), N(en_private)}},
    {"phone", {"telefon", "phone"}, {sv_phone, en_phone}, {N(sv_phone), N(en_phone)}},
    {"email", {"e-post", "email"}, {sv_email, en_email}, {N(sv_email), N(en_email)}},
};

const char *sd_channel_name(int id)
{
    return id >= 0 && id < SD_CHANNEL_COUNT ? channels[id].name : NULL;
}

int sd_channel_lookup(const char *name)
{
    for (int i = 0; i < SD_CHANNEL_COUNT; i++)
        if (strcmp(channels[i].name, name) == 0)
            return i;
    return -1;
}

void sd_channel_list(char *out, size_t n)
{
    size_t used = 0;
    if (n == 0)
        return;
    out[0] = '\0';
    for (int i = 0; i < SD_CHANNEL_COUNT; i++) {
        size_t need = strlen(channels[i].name) + (i ? 2 : 0);
        if (used + need + 1 > n)
            break;
        used += (size_t)snprintf(out + used, n - used, "%s%s", i ? ", " : "", channels[i].name);
    }
}

void sd_channel_point(sd_channel_id id, sd_language lang, sd_point *out)
{
    const channel_def *d = &channels[id];
    int l = lang == SD_LANG_EN ? SD_LANG_EN : SD_LANG_SV;
    out->label = d->label[l];
    out->say = d->say[l];
    out->n_say = d->n_say[l];
}

/* ---- copy and compare ---- */

static bool copy_point(sd_arena *a, const sd_point *in, sd_point *out)
{
    out->label = NULL;
    out->say = NULL;
    out->n_say = 0;
    if (in->n_say == 0 && in->label == NULL)
        return true;
    out->label = sd_arena_strdup(a, in->label);
    if (in->label && out->label == NULL)
        return false;
    if (in->n_say == 0)
        return true;
    const char **say = sd_arena_alloc(a, in->n_say * sizeof *say);
    if (say == NULL)
        return false;
    for (size_t i = 0; i < in->n_say; i++)
        if ((say[i] = sd_arena_strdup(a, in->say[i])) == NULL)
            return false;
    out->say = say;
    out->n_say = in->n_say;
    return true;
}

static const sd_point *copy_points(sd_arena *a, const sd_point *in, size_t n, bool *ok)
{
    if (n == 0)
        return NULL;
    sd_point *v = sd_arena_alloc(a, n * sizeof *v);
    if (v == NULL) {
        *ok = false;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (!copy_point(a, &in[i], &v[i]))
            *ok = false;
    return v;
}

sd_content *sd_content_copy(sd_arena *a, const sd_content *c)
{
    sd_content *out = sd_arena_alloc(a, sizeof *out);
    if (out == NULL)
        return NULL;
    *out = *c;
    bool ok = true;
    out->points = copy_points(a, c->points, c->n_points, &ok);
    out->avoid = copy_points(a, c->avoid, c->n_avoid, &ok);
    ok = ok && copy_point(a, &c->refer, &out->refer) && copy_point(a, &c->channel, &out->channel);
    if (c->model && (out->model = sd_arena_strdup(a, c->model)) == NULL)
        ok = false;
    return ok ? out : NULL;
}

static bool str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool point_equal(const sd_point *a, const sd_point *b)
{
    if (a->n_say != b->n_say || !str_eq(a->label, b->label))
        return false;
    for (size_t i = 0; i < a->n_say; i++)
        if (!str_eq(a->say[i], b->say[i]))
            return false;
    return true;
}

bool sd_content_equal(const sd_content *a, const sd_content *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    if (a->index != b->index || a->n_points != b->n_points || a->need != b->need ||
        a->n_avoid != b->n_avoid || !str_eq(a->model, b->model) ||
        !point_equal(&a->refer, &b->refer) || !point_equal(&a->channel, &b->channel))
        return false;
    for (size_t i = 0; i < a->n_points; i++)
        if (!point_equal(&a->points[i], &b->points[i]))
            return false;
    for (size_t i = 0; i < a->n_avoid; i++)
        if (!point_equal(&a->avoid[i], &b->avoid[i]))
            return false;
    return true;
}
