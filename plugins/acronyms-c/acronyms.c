/*
 * acronyms: a lede plugin written in C. It tags acronyms written in capitals
 * (NATO, UN, IDF, UNRWA) in the layer `acronyms`, label `acronym`, with the
 * attribute `letters` (how many). It requires no layer.
 *
 * Option: `min_length` (integer, default 2): the fewest letters.
 *
 * Build: cc -shared -fPIC -I ../../crates/lede-plugin/include \
 *           -o liblede_acronyms.so acronyms.c
 */
#include <stdlib.h>
#include <string.h>

#include "lede_plugin.h"

/* One instance: the checked options. Never written after create, so it can
 * be shared by all worker threads. */
typedef struct Acronyms {
    size_t min_length;
} Acronyms;

static const LedeStr PRODUCES[] = {LEDE_STR("acronyms")};

static const LedeOptionDescriptor OPTIONS[] = {
    {LEDE_STR("min_length"), LEDE_OPTION_INT, LEDE_STR("2"),
     LEDE_STR("the fewest capital letters of an acronym")},
};

/* Hands a message to the host; it comes back through free_string. */
static void give(const char *message, LedeOwnedStr *out) {
    size_t len = strlen(message);
    uint8_t *copy = malloc(len);
    if (out == NULL || copy == NULL) {
        free(copy);
        return;
    }
    memcpy(copy, message, len);
    out->ptr = copy;
    out->len = len;
    out->capacity = len;
}

/* The integer after `"key":` in a JSON object, or `fallback`. The host has
 * checked that the value is an integer, so no full JSON parser is needed. */
static long long int_option(LedeStr json, const char *key, long long fallback) {
    char buffer[512];
    size_t len = json.len < sizeof buffer - 1 ? json.len : sizeof buffer - 1;
    if (json.ptr != NULL) {
        memcpy(buffer, json.ptr, len);
    }
    buffer[len] = '\0';
    const char *at = strstr(buffer, key);
    if (at == NULL) {
        return fallback;
    }
    at = strchr(at + strlen(key), ':');
    if (at == NULL) {
        return fallback;
    }
    return strtoll(at + 1, NULL, 10);
}

static int32_t create(LedeStr options_json, void **instance, LedeOwnedStr *error) {
    long long min_length = int_option(options_json, "\"min_length\"", 2);
    if (min_length < 1) {
        give("option `min_length` must be at least 1", error);
        return LEDE_STATUS_ERROR;
    }
    Acronyms *self = malloc(sizeof *self);
    if (self == NULL) {
        give("out of memory", error);
        return LEDE_STATUS_ERROR;
    }
    self->min_length = (size_t)min_length;
    *instance = self;
    return LEDE_STATUS_OK;
}

static int is_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }

/* Letters, digits and any byte of a non-ASCII character join a word, except
 * the apostrophe U+2019 (E2 80 99): "NATO’s" holds the acronym NATO. */
static int is_word_at(const uint8_t *text, size_t n, size_t i) {
    uint8_t c = text[i];
    if (c == 0xE2 && i + 2 < n && text[i + 1] == 0x80 && text[i + 2] == 0x99) {
        return 0;
    }
    return is_upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static int32_t process(const void *instance, const LedeDocumentView *document,
                       const LedeSink *sink, LedeOwnedStr *error) {
    const Acronyms *self = instance;
    const uint8_t *text = document->text.ptr;
    size_t n = document->text.len;
    size_t i = 0;
    (void)error;
    while (i < n) {
        if (!is_word_at(text, n, i)) {
            i++;
            continue;
        }
        /* One word: [i, end). Spans start and end at ASCII bytes or at the
         * text's ends, so they are on char boundaries. */
        size_t end = i;
        int all_upper = 1;
        while (end < n && is_word_at(text, n, end)) {
            all_upper = all_upper && is_upper(text[end]);
            end++;
        }
        if (all_upper && end - i >= self->min_length) {
            LedeAttr letters = {LEDE_STR("letters"), LEDE_ATTR_INT, (int64_t)(end - i), 0.0,
                                {NULL, 0}};
            LedeAnnotation a = {0, i, end, LEDE_STR("acronym"), &letters, 1};
            sink->emit(sink->context, &a);
        }
        i = end;
    }
    return LEDE_STATUS_OK;
}

static void destroy(void *instance) { free(instance); }

static void free_string(LedeOwnedStr string) { free(string.ptr); }

static const LedePluginDescriptor DESCRIPTOR = {
    LEDE_ABI_VERSION,
    LEDE_STR("acronyms"),
    LEDE_STR("0.1.0"),
    LEDE_STR("acronyms written in capitals (NATO, UN, IDF)"),
    NULL,
    0,
    PRODUCES,
    sizeof PRODUCES / sizeof PRODUCES[0],
    OPTIONS,
    sizeof OPTIONS / sizeof OPTIONS[0],
    create,
    process,
    destroy,
    free_string,
};

const LedePluginDescriptor *lede_plugin_descriptor(void) { return &DESCRIPTOR; }
