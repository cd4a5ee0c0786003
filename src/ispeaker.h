/* ispeaker.h: the words that name the speaker of a reported statement (ispeaker.c). */
#ifndef VB_ISPEAKER_H
#define VB_ISPEAKER_H
#include "attrib_int.h"

/* The mention to show for the speaker p of a report at cue c: p, or the name a pronoun p
 * stands for when that name is the subject of an earlier speech cue of the sentence
 * ("Varga said, she thought …": Varga). The entity is p's either way. */
np vb_report_mention(const ctx *X, size_t c, np p);
#endif
