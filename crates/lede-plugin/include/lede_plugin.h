/*
 * lede_plugin.h: the lede plugin ABI for plugins written in C (or any
 * language that can export a C function).
 *
 * This header mirrors the Rust module `lede_plugin::abi` field for field; a
 * test of lede-plugin (tests/header.rs) compiles it against the sizes and
 * offsets of the Rust types, so the two cannot drift apart.
 *
 * A plugin library exports one function, `lede_plugin_descriptor`, returning
 * a descriptor that lives as long as the library (a `static const`). Rules:
 * - Strings are UTF-8, pointer + length, never NUL-terminated, borrowed for
 *   the call only. An empty string may be {NULL, 0}.
 * - Results go to the host's sink; memory the plugin allocates (an instance,
 *   an error message) is released by calling back into the plugin
 *   (`destroy`, `free_string`).
 * - `abi_version` is the first field, read before anything else.
 * - `process` may be called on one instance from several threads at once.
 * - Options arrive as a JSON object whose keys and value types the host has
 *   already checked against the declared options.
 * See docs/plugins.md.
 */
#ifndef LEDE_PLUGIN_H
#define LEDE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version 2 appended the typed views to LedeDocumentView; a host of
 * version 2 also loads version 1 plugins. */
#define LEDE_ABI_VERSION 2u
#define LEDE_DESCRIPTOR_SYMBOL "lede_plugin_descriptor"

/* Status codes returned by create and process (and the sink's emit). */
#define LEDE_STATUS_OK 0
#define LEDE_STATUS_ERROR 1
#define LEDE_STATUS_PANIC 2

/* Option kinds. */
#define LEDE_OPTION_BOOL 0u
#define LEDE_OPTION_INT 1u
#define LEDE_OPTION_FLOAT 2u
#define LEDE_OPTION_STRING 3u
#define LEDE_OPTION_STRING_LIST 4u

/* Attribute value kinds. */
#define LEDE_ATTR_BOOL 0u
#define LEDE_ATTR_INT 1u
#define LEDE_ATTR_FLOAT 2u
#define LEDE_ATTR_STR 3u

/* A borrowed UTF-8 string: pointer and length in bytes. */
typedef struct LedeStr {
    const uint8_t *ptr;
    size_t len;
} LedeStr;

/* A string the plugin allocated; the host gives it back via free_string. */
typedef struct LedeOwnedStr {
    uint8_t *ptr;
    size_t len;
    size_t capacity;
} LedeOwnedStr;

/* One option the plugin accepts. */
typedef struct LedeOptionDescriptor {
    LedeStr name;
    uint32_t kind;          /* LEDE_OPTION_* */
    LedeStr default_json;   /* the default as JSON ("2", "\"topic\""), or empty */
    LedeStr help;
} LedeOptionDescriptor;

/* One annotation of an input layer. */
typedef struct LedeItem {
    size_t start;           /* byte offsets into the text, on char boundaries */
    size_t end;
    LedeStr label;          /* entity label, token/number/quote kind, or empty */
} LedeItem;

/* One input layer: its name and its items, sorted by start. */
typedef struct LedeLayer {
    LedeStr name;
    const LedeItem *items;
    size_t len;
} LedeLayer;

/* One entity with what the generic item leaves out. Optional strings are
 * {NULL, 0} when absent. */
typedef struct LedeEntityView {
    size_t start;
    size_t end;
    LedeStr label;          /* PERSON, ORG, ... */
    LedeStr canonical;      /* the fullest name in the document */
    LedeStr title;          /* "Mr.", written before the name */
} LedeEntityView;

/* One number with its value, unit and modifier. */
typedef struct LedeNumberView {
    size_t start;
    size_t end;
    LedeStr kind;           /* cardinal, money, percent, date, ... */
    uint32_t has_value;     /* 1: value holds the number; 0: see value_text */
    double value;
    LedeStr value_text;
    LedeStr unit;           /* what is counted, or the currency code */
    LedeStr modifier;       /* "over", written before the number */
} LedeNumberView;

/* One quotation with its speaker and cue. */
typedef struct LedeQuoteView {
    size_t start;
    size_t end;
    LedeStr kind;           /* direct, partial, ... */
    LedeStr speaker;        /* the mention as written */
    LedeStr speaker_canonical;
    LedeStr cue;            /* "said" */
} LedeQuoteView;

/* The read-only document passed to process: only the required layers. A
 * typed view is NULL (length 0) unless the plugin requires that layer. */
typedef struct LedeDocumentView {
    LedeStr id;
    LedeStr text;
    const LedeLayer *layers;
    size_t layer_count;
    const LedeEntityView *entities;     /* version 2 */
    size_t entities_len;
    const LedeNumberView *numbers;
    size_t numbers_len;
    const LedeQuoteView *quotes;
    size_t quotes_len;
} LedeDocumentView;

/* One attribute of an output annotation (int_value holds 0/1 for booleans). */
typedef struct LedeAttr {
    LedeStr key;
    uint32_t kind;          /* LEDE_ATTR_* */
    int64_t int_value;
    double float_value;
    LedeStr str_value;
} LedeAttr;

/* One output annotation, handed to the sink. */
typedef struct LedeAnnotation {
    size_t layer;           /* index into the descriptor's produces */
    size_t start;           /* byte offsets; must lie on char boundaries */
    size_t end;
    LedeStr label;
    const LedeAttr *attrs;
    size_t attr_count;
} LedeAnnotation;

/* Where results go; emit copies what it needs before returning. */
typedef struct LedeSink {
    void *context;
    int32_t (*emit)(void *context, const LedeAnnotation *annotation);
} LedeSink;

/* What a plugin library describes itself with. Field order is the ABI. */
typedef struct LedePluginDescriptor {
    uint32_t abi_version;   /* LEDE_ABI_VERSION, always first */
    LedeStr name;
    LedeStr version;
    LedeStr description;
    const LedeStr *requires;
    size_t requires_len;
    const LedeStr *produces;
    size_t produces_len;
    const LedeOptionDescriptor *options;
    size_t options_len;
    int32_t (*create)(LedeStr options_json, void **instance, LedeOwnedStr *error);
    int32_t (*process)(const void *instance, const LedeDocumentView *document,
                       const LedeSink *sink, LedeOwnedStr *error);
    void (*destroy)(void *instance);
    void (*free_string)(LedeOwnedStr string);
} LedePluginDescriptor;

/* The one symbol a plugin library exports. */
const LedePluginDescriptor *lede_plugin_descriptor(void);

/* A LedeStr for a string literal. */
#define LEDE_STR(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

#ifdef __cplusplus
}
#endif

#endif /* LEDE_PLUGIN_H */
