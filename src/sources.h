/* sources.h: the sources list of an analysis: one entry per entity quoted or reported,
 * with the indices of its quotes and the words quoted, and of its paraphrased statements,
 * in order of first statement; speech quotes with no speaker are listed apart
 * (vb_analysis.unattributed). */
#ifndef VB_SOURCES_H
#define VB_SOURCES_H
#include "analyze.h"

/* Fill a->src, a->srcq and a->unattributed from a->attr and a->ent (vb_analyze calls it;
 * call it again after editing attributions). 0, or -1 when memory ran out. */
int vb_sources_build(const char *s, vb_analysis *a);

#endif
