/* cues.h: the words that introduce or attribute speech. The built-in lexicon is data
 * (cues.c, vb_cue_lexicon); users add PCRE2 patterns, compiled once (with JIT where the
 * platform has it). A vb_cues is immutable once built, so one can serve many analyses,
 * also from several threads. */
#ifndef VB_CUES_H
#define VB_CUES_H
#include <stddef.h>
#include "tokens.h"

enum {
  VB_CUE_INV = 1 << 0,   /* the speaker may follow: "…," said Arthur */
  VB_CUE_TELL = 1 << 1,  /* an addressee follows: told LifeZette */
  VB_CUE_ACC = 1 << 2,   /* the source follows: according to X */
  VB_CUE_ING = 1 << 3,   /* participle: the subject of the clause speaks (…, saying) */
  VB_CUE_WEAK = 1 << 4,  /* also an ordinary word (say, notes): trusted only next to a quote */
  VB_CUE_USER = 1 << 5,  /* from a user pattern */
  VB_CUE_CALL = 1 << 6,  /* calls, describes, dubs: says who speaks but is not a speech verb */
  VB_CUE_BASE = 1 << 7,  /* the base form (say): weak, but fine right after a quote ("…," they say) */
  VB_CUE_REP = 1 << 8,   /* reports a view, not words (believes, endorsed, found): reported speech only */
  VB_CUE_LEARNED = 1 << 9, /* from the learned table (cues_learned.c): reported speech without marks only */
  VB_CUE_STATE = 1 << 10,  /* an adjective of a view after a form of be ("is critical of"): no passive */
};

extern const char *const vb_cue_lexicon[];   /* NULL-terminated: "flags:form|form|..." */
extern const char *const vb_cue_learned[];   /* the same, learned from PolNeAR train (cues_learned.c) */

typedef struct vb_cues vb_cues;

/* Build the lexicon plus npat user patterns (pats[i] of lens[i] bytes; lens may be NULL for
 * NUL-terminated strings). NULL on failure with a message in err: "cue pattern 2: missing
 * closing parenthesis at offset 4", or "out of memory". */
vb_cues *vb_cues_new(const char *const *pats, const size_t *lens, size_t npat, char *err, size_t errsz);
void vb_cues_free(vb_cues *c);
size_t vb_cues_forms(const vb_cues *c);       /* built-in forms, multiword ones included */
/* The text of cue entry id (a form, or a user pattern's source) */
const char *vb_cues_name(const vb_cues *c, int id);

/* Word classes the attribution rules need, kept with the lexicon (case-insensitive). */
enum {
  VB_W_STOP = 1 << 0,    /* capitalized at a sentence start but never a name: The, But, Who */
  VB_W_TITLE = 1 << 1,   /* a title before a name: Attorney General, Sen. */
  VB_W_HONOR = 1 << 2,   /* an honorific: Mr. Mrs. Ms. */
  VB_W_ORG = 1 << 3,     /* a word that makes a name an organisation: Department, Center */
  VB_W_PRON = 1 << 4,    /* he she they it I we you */
  VB_W_DET = 1 << 5,     /* the a an his their ... */
  VB_W_SKIP = 1 << 6,    /* between a speaker and a cue: also, has, reportedly, on Friday */
  VB_W_BOUND = 1 << 7,   /* ends a description read backwards: that, which, and, in */
  VB_W_CONN = 1 << 8,    /* inside a name: of, for, the, de */
  VB_W_TIME = 1 << 9,    /* Monday, January: capitalized, never a speaker */
  VB_W_MALE = 1 << 10,   /* he, Mr. */
  VB_W_FEMALE = 1 << 11, /* she, Mrs. Ms. */
  VB_W_PREP = 1 << 12,   /* at, of, for, with: splits a role from its organisation */
  VB_W_REL = 1 << 13,    /* who, which, whose: a clause, not an appositive */
  VB_W_NOUN = 1 << 14,   /* a noun that reports speech after a possessive: his warning */
  VB_W_CUE1 = 1 << 15,   /* the first word of a cue form (internal: lets one probe find both) */
  VB_W_SPEAKER = 1 << 16, /* a noun for people, a body or a document: official, campaign, poll */
  VB_W_QUANT = 1 << 17,  /* a quantity that opens a subject: some, most, half, two */
  VB_W_MNOUN = 1 << 18,  /* a noun that says its holder is a man: chairman, son, actor */
  VB_W_FNOUN = 1 << 19,  /* ... a woman: chairwoman, daughter, actress */
  VB_W_POLL = 1 << 20,   /* a poll, a survey, a study: "in the latest Gallup poll" */
  VB_W_AUX = 1 << 21,    /* an auxiliary before a verb's base form: will, would, didn’t */
  VB_W_ACT = 1 << 22,    /* a verb of talking or a noun of backing a sentence rule looks for: spoke, support */
  VB_W_LIGHT = 1 << 23,  /* a light verb of a speech act: made, gave, raised (made no mention of); the
                          * last class a word slot holds (vb_wslot) */
};
extern const char *const vb_word_lexicon[];   /* NULL-terminated: "classes:word word ..." */
unsigned vb_cues_wclass(const vb_cues *c, const char *s, const vb_tok *t);
/* The word table, for vb_tokens_build_words: vb_cues_scan then reuses the classes found. */
const vb_words *vb_cues_words(const vb_cues *c);
/* The classes of every token of T into wc[0 .. T->t.n). */
void vb_cues_classify(const vb_cues *c, const char *s, const vb_tokens *T, unsigned *wc);
/* vb_cues_mark and vb_cues_classify in one pass (wc may be NULL); 0, -1 when memory ran
 * out, or -2 - p when user pattern p (0-based) hit PCRE2's match limits or used up its
 * steps for the text (1,000,000 plus 100 a byte: a pattern that fails slowly at every
 * position would otherwise cost the square of the text). */
int vb_cues_scan(const vb_cues *c, const char *s, size_t n, vb_tokens *T, unsigned *wc);

/* A text's progress through the user patterns when its tokens come a window at a time:
 * where each search goes on, the matches the next window sees again, the steps spent. */
typedef struct vb_cuescan vb_cuescan;
/* For a text of n bytes; NULL when memory ran out. */
vb_cuescan *vb_cuescan_new(const vb_cues *c, size_t n);
void vb_cuescan_free(vb_cuescan *st);
/* vb_cues_scan for the window of T: its tokens cover bytes [b0, b1) of s[0..n) (T may
 * hold a few past b1), and the next window starts at byte keep or later. Windows come in
 * text order and may overlap; a match is marked in every window that holds its start.
 * The same return codes. */
int vb_cues_scan_window(const vb_cues *c, const char *s, size_t n, vb_tokens *T, unsigned *wc, vb_cuescan *st,
                        size_t b0, size_t b1, size_t keep);

/* Mark the tokens where a cue starts: vb_tok.cue indexes its hit in T->cues (entry id,
 * tokens spanned, VB_CUE_* flags, byte end). The longest lexicon form (lower-case words
 * outside quotes) wins, then user patterns run over the text. vb_cues_scan without the
 * word classes: the same return codes. */
int vb_cues_mark(const vb_cues *c, const char *s, size_t n, vb_tokens *T);

#endif
