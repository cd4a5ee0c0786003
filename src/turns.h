/* turns.h: who speaks where in a transcript, and which of its bytes are not words.
 *
 * A turn begins at a label at a line start. The grammar (turns.c) reads labels as
 * transcribers write them: `TRUMP:`, `Donald Trump:`, `MR. TRUMP:`, `M. TRUMP:`,
 * `ANDERSON COOPER (MODERATOR):`, `Speaker 1:`, `Q:`, Rev's `Donald Trump: (00:12:05)`,
 * `[00:12:05] TRUMP:`, `>> TRUMP:`, and a decoder's voice line (VB_VOICE). A turn runs
 * over unlabelled paragraphs and stage directions up to the next label, or up to a gap
 * of blank lines wider than the text's usual paragraph break.
 *
 * Not words: stage directions (`(APPLAUSE)`, `(CROSSTALK)`, `[inaudible]`, `(laughs)`),
 * timestamps, and a label that repeats the current speaker (CQ repeats it after every
 * interruption). A label that changes the speaker stays, as one barrier item, so that a
 * quote never runs from one speaker's words into another's unnoticed.
 *
 * Everything is computed in two passes over the text, and a checkpoint every
 * VB_TURN_STEP bytes lets any place be looked up by walking at most that far: linear in
 * the text, whatever its line breaks, and a few bytes of memory per VB_TURN_STEP. */
#ifndef VB_TURNS_H
#define VB_TURNS_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "normalise.h"
#include "text.h"

#define VB_VOICE '\x1E'         /* a decoder's label line: "\x1E" NAME ": " (a WebVTT voice) */
#define VB_TURN_STEP 8192       /* bytes between checkpoints, at most */
#define VB_BARRIER 0x5bd1e995c0ffee11ULL   /* the hash of a speaker change (no word has it) */

enum { VB_SP_SKIP = 1, VB_SP_LABEL = 2 };

/* Bytes [start, end) that are not words; for VB_SP_LABEL, [name, name_end) is the new
 * speaker's name. */
typedef struct vb_tspan {
  size_t start, end, name, name_end;
  int kind;
} vb_tspan;
typedef VB_VEC(vb_tspan) vb_tspans;

typedef struct vb_turnck {
  size_t at;                    /* where a walk can restart */
  size_t lab, lab_n;            /* the speaker there: name span, lab_n 0 for nobody */
  uint32_t blank;               /* blank lines just before at */
  uint8_t bol;                  /* at is a line start */
} vb_turnck;

typedef struct vb_lstat { uint64_t h; uint32_t count; } vb_lstat;

typedef struct vb_turns {
  VB_VEC(vb_turnck) ck;
  vb_lstat *names;              /* label names seen (grammar only) and how often */
  size_t names_cap, names_n;
  uint32_t gap;                 /* a blank run longer than this ends a turn; 0: none does */
  char eol;                     /* '\n', or '\r' for a text of old Mac line ends */
  int titled;                   /* Title Case labels are labels here (a transcript written so) */
  int plain;                    /* no label, no timestamp at a line start: no checkpoints needed */
  size_t labels;                /* labels taken as turns */
} vb_turns;

/* The turns of s[0..n); pace (may be NULL) hears of the progress of each pass. 0, or -1
 * when memory ran out. */
int vb_turns_build(vb_turns *T, const char *s, size_t n, const vb_pace *pace);
void vb_turns_free(vb_turns *T);

/* The spans of s (the text T was built from) that meet [lo, hi), in order, appended
 * to out. 0 or -1 (memory). */
int vb_turns_spans(const vb_turns *T, const char *s, size_t n, size_t lo, size_t hi, vb_tspans *out);

/* The speaker of the turn holding byte off: 1 and the name's span, or 0 for none. */
int vb_turns_speaker(const vb_turns *T, const char *s, size_t n, size_t off, size_t *start, size_t *end);

/* Words of a source: the items t->t.v[from ..) cut down by the spans (sorted): items in a
 * VB_SP_SKIP span are dropped, those of a VB_SP_LABEL span become one barrier item. */
void vb_turns_filter(vb_wtoks *t, size_t from, const vb_tspan *sp, size_t nsp);

/* The turn label of the line at byte i (grammar only, no statistics): 1 and the name's
 * span, or 0. For tests and tools. */
int vb_label_at(const char *s, size_t n, size_t i, size_t *start, size_t *end);

/* The same for a label in capitals only, no timestamp, not page furniture (VIDEO:) or an
 * anonymous one: "PENCE:", "CHRIS WALLACE:" opening a turn of a transcript that an
 * article quotes. */
int vb_caps_label_at(const char *s, size_t n, size_t i, size_t *start, size_t *end);

/* A paragraph at i that opens with a double mark (vb_double_mark) and a label in
 * capitals, while the quote it would continue opened at first with one too: a new turn
 * of a quoted transcript, a quote of its own. */
int vb_turn_opens(const char *s, size_t n, size_t first, size_t i);

/* Do two names refer to the same person? The surnames agree and so do the given names
 * or initials both give (M. TRUMP is not Donald Trump; MR. TRUMP and TRUMP may be);
 * titles are ignored, a single word may be the first name, and b may be a's initials
 * (ML for Marta Lindqvist). */
int vb_same_speaker(const char *a, size_t an, const char *b, size_t bn);
/* The speaker of the turn holding byte off of s, the turns built for this one lookup
 * (O(n): a caller with many lookups builds vb_turns once). 1 and the name's span, or 0. */
int vb_turn_speaker(const char *s, size_t n, size_t off, size_t *start, size_t *end);
/* Where a transcript says who a label stands for ("R: reporter. ML: Marta Lindqvist."):
 * the first "LABEL:" in s not at the start of a turn of that label, and the words after
 * it up to a stop. 1 and the span, or 0. */
int vb_label_legend(const char *s, size_t n, const char *label, size_t ln, size_t *start, size_t *end);
/* Does text t[0..tn) mention the person called name: a word of the name (titles aside,
 * two letters or more) as a word of t, in any case? ("Mr. Trump, you said" mentions
 * Donald Trump.) */
int vb_mentions(const char *name, size_t nn, const char *t, size_t tn);
/* A label that names no one (Speaker 1, UNIDENTIFIED MALE): no speaker check. */
int vb_anonymous_label(const char *s, size_t n);

/* Does a turn label name a person? Not when it is a role (Q, A, QUESTION, AUDIENCE
 * MEMBER, INTERVIEWER, SPEAKER 2, UNIDENTIFIED MALE): such a turn is anyone's words. */
int vb_label_is_person(const char *name, size_t len);
/* The names of the labels among spans sp[0..nsp) of s (vb_turns_spans: each change of
 * speaker), in order: fn(ud, name, length). */
void vb_tspan_labels(const char *s, const vb_tspan *sp, size_t nsp, void (*fn)(void *ud, const char *name, size_t len),
                     void *ud);

#endif
