/* chain.h - the hash chain and the seal of a session log (format stormdrill.log/2).
 *
 * Every line of a version-2 log ends with a last member "h": the line's chain value. With
 * prev the chain value of the line before (for the first line, the 16 characters
 * "stormdrill.log/2"), and content the line's bytes with its `,"h":"..."` member taken out
 * (so that it ends in `}`), the chain value is
 *   unsealed: the first 8 bytes of SHA-256(prev || content), as 16 lowercase hex digits;
 *   sealed:   the first 8 bytes of HMAC-SHA256(key, prev || content), 16 hex digits; the
 *             end record's value is the whole 32 bytes (64 hex digits): the seal.
 * A line edited, removed, inserted or moved changes the value of the next line checked, so
 * the reader finds the first line where the chain breaks. Anyone can recompute an unsealed
 * chain; a sealed one only with the key. docs/log-format.md describes it for other readers.
 *
 * The seal key: a file of at least SD_SEAL_KEY_MIN bytes of secret. The HMAC key is the
 * SHA-256 of the file's bytes; the key id written in a sealed log's header is the first 8
 * bytes of SHA-256("stormdrill.seal-key-id/1" || HMAC key), never the key itself. */
#ifndef SD_CHAIN_H
#define SD_CHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <nettle/hmac.h>

#include "../util/buf.h"
#include "../util/error.h"

#define SD_CHAIN_START "stormdrill.log/2" /* the first line's predecessor: 16 characters */
#define SD_CHAIN_HEX 16                   /* hex digits of a line's chain value */
#define SD_SEAL_HEX 64                    /* hex digits of the seal on a sealed end record */
#define SD_SEAL_KEY_MIN 32u               /* bytes a key file holds at least */
#define SD_SEAL_KEY_MAX 4096u             /* and at most */
#define SD_SEAL_ALG "hmac-sha256"

/* A facilitator's seal key. Holds secret bytes: clear it with sd_seal_key_clear(). */
typedef struct sd_seal_key {
    unsigned char k[32];
    char id[SD_CHAIN_HEX + 1]; /* the key id, hex */
} sd_seal_key;

/* Reads a key file (a regular file of SD_SEAL_KEY_MIN..SD_SEAL_KEY_MAX bytes) into key.
 * Errors name the file: SD_ERR_IO, SD_ERR_INPUT (a FIFO or device, too short, too long). */
sd_status sd_seal_key_read(const char *path, sd_seal_key *key, sd_error *err);
/* Makes a key from bytes (tests, the control cell). */
void sd_seal_key_from_bytes(const void *bytes, size_t len, sd_seal_key *key);
void sd_seal_key_clear(sd_seal_key *key);

/* The running state of a chain: plain data, copied freely. */
typedef struct sd_chain {
    bool sealed;
    unsigned char key[32];        /* sealed only */
    struct hmac_sha256_ctx keyed; /* sealed: HMAC state after the key (copied per line) */
    char prev[SD_CHAIN_HEX + 1];  /* the last line's chain value (or SD_CHAIN_START) */
} sd_chain;

/* key NULL: an unsealed chain. */
void sd_chain_init(sd_chain *c, const sd_seal_key *key);
/* The chain value of a line with the given content (it ends in '}'): hex (NUL-ended) gets
 * SD_CHAIN_HEX digits, or SD_SEAL_HEX when full is set (sealed chains only). Advances
 * c->prev to the 16-digit value. */
void sd_chain_step(sd_chain *c, const char *content, size_t len, bool full,
                   char hex[SD_SEAL_HEX + 1]);

/* Splits a raw line (no newline) into its content and chain value: true when the line ends
 * in `,"h":"` + 16 or 64 lowercase hex digits + `"}`; *content_len is then the length of the
 * line up to the comma (the content is that plus '}'), and hex/hex_len the value. */
bool sd_chain_split(const char *line, size_t len, size_t *content_len, const char **hex,
                    size_t *hex_len);
/* Checks a raw line against the chain and advances it: true when its value is right
 * (want_full: the 64-digit seal is required, else the 16-digit value). Constant time in the
 * comparison. */
bool sd_chain_check(sd_chain *c, const char *line, size_t len, bool want_full);

void sd_chain_wipe(sd_chain *c);

/* What a log's integrity is, once read (docs/log-format.md, "Integrity"). */
typedef enum sd_integrity_state {
    SD_INTEGRITY_UNSEALED,          /* no seal: format 1, or a chain anyone can recompute */
    SD_INTEGRITY_SEALED_INTACT,     /* sealed, and every line checked with the key */
    SD_INTEGRITY_SEALED_UNVERIFIED, /* sealed, no key given: the chain was not checked */
    SD_INTEGRITY_TAMPERED           /* the chain breaks at bad_line */
} sd_integrity_state;

typedef struct sd_log_integrity {
    sd_integrity_state state;
    int version;                   /* the log's format: 1 or 2 (0: no header read) */
    bool sealed;
    char key_id[SD_CHAIN_HEX + 1]; /* sealed: the key id from the header */
    bool complete;                 /* sealed and verified: the sealed end record was read */
    size_t bad_line;               /* TAMPERED: the line where the chain breaks */
} sd_log_integrity;

/* "unsealed", "sealed-intact", "sealed-unverified", "tampered" (the results' names). */
const char *sd_integrity_name(sd_integrity_state s);
int sd_integrity_lookup(const char *name);
/* Appends a sentence for people: "sealed and intact (key ...)", "tampered at line 12"... */
void sd_integrity_describe(const sd_log_integrity *in, sd_buf *out);

/* Computes the chain of a whole log text again (key NULL: unsealed) and appends the result
 * to out: each line's "h" member is replaced (or added to a line that ends in '}'); other
 * lines are copied as they are. What a forger who can recompute the chain would do: for
 * tests and the fuzz target, which check what lies behind the chain. The "seal" member of
 * a header is left as it is. */
sd_status sd_chain_rewrite(const char *text, size_t len, const sd_seal_key *key, sd_buf *out);

#endif
