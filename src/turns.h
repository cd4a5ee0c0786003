/* turns.h: who speaks where in a transcript, and whether that is who the draft names. */
#ifndef VB_TURNS_H
#define VB_TURNS_H
#include <stddef.h>

/* The speaker label of the transcript turn holding byte off (ARTHUR:, MR. SMITH:, Q:,
 * JONAS FELD (from the floor):): 1 and the span of the name in s, without the
 * parenthetical, or 0 when the text marks no turn there. */
int vb_turn_speaker(const char *s, size_t n, size_t off, size_t *start, size_t *end);
/* Do two names refer to the same person? A shared name word (titles ignored, any case),
 * or b is a's initials (ML for Marta Lindqvist). */
int vb_same_speaker(const char *a, size_t an, const char *b, size_t bn);
/* Where a transcript says who a label stands for ("R: reporter. ML: Marta Lindqvist."):
 * the first "LABEL:" in s not at the start of a turn of that label, and the words after
 * it up to a stop. 1 and the span, or 0. */
int vb_label_legend(const char *s, size_t n, const char *label, size_t ln, size_t *start, size_t *end);

/* Does a turn label name a person? Not when it is a role (Q, A, QUESTION, AUDIENCE
 * MEMBER, INTERVIEWER, SPEAKER 2, UNIDENTIFIED MALE): such a turn is anyone's words. */
int vb_label_is_person(const char *name, size_t len);
/* Every turn label of s, in order, repeats included: fn(ud, name, length). */
void vb_turn_labels(const char *s, size_t n, void (*fn)(void *ud, const char *name, size_t len), void *ud);

#endif
