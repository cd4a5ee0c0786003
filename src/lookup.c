/* lookup.c: the query side of the archive index (index.h): a pair's postings in the live
 * files, matched on the 32-bit identity a scan compares too; the word and pair counts
 * the evidence needs; who speaks in each file. index.c writes and maps the index; this
 * reads what it mapped. */
#include <stdlib.h>
#include <string.h>
#include "index.h"

void vb_index_settle(vb_index *x) {
  for (size_t k = 0; k < x->segs.n; k++) {
    vb_idx_seg *g = &x->segs.v[k];
    g->all_live = 1;
    for (size_t f = 0; f < g->h->nfiles; f++) if (g->state[f] != VB_IDX_LIVE) g->all_live = 0;
  }
}

int vb_index_current(const vb_index *x) {
  for (size_t k = 0; k < x->segs.n; k++)
    if (!x->segs.v[k].ids || x->segs.v[k].h->w != VB_IDX_W) return 0;
  return 1;
}

/* The live file of segment s holding concatenation offset loc, or nfiles. */
static size_t live_file(const vb_idx_seg *s, uint32_t loc) {
  size_t a = 0, z = s->h->nfiles;
  if (!z) return 0;
  while (z - a > 1) {                             /* the last file with base <= loc */
    size_t mid = a + (z - a) / 2;
    if (s->files[mid].base <= loc) a = mid; else z = mid;
  }
  if (s->state[a] != VB_IDX_LIVE || loc - s->files[a].base >= s->files[a].size) return s->h->nfiles;
  return a;
}

/* A common gram's count from FREQ, when the segment's files are all live (the stored
 * count covers them all); else -1. */
static int64_t stored_count(const vb_idx_seg *s, uint32_t id) {
  size_t a = 0, z = s->nfreq;
  if (!s->all_live) return -1;
  while (a < z) {
    size_t m = a + (z - a) / 2;
    if (s->freq[m].id < id) a = m + 1; else z = m;
  }
  return a < s->nfreq && s->freq[a].id == id ? (int64_t)s->freq[a].count : -1;
}

uint64_t vb_index_lookup(const vb_index *x, uint64_t g, uint64_t cap, vb_idx_hit fn, void *ud) {
  uint32_t id = (uint32_t)(g >> 32);
  uint64_t cnt = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t k = 0; k < x->segs.n; k++) {
      const vb_idx_seg *s = &x->segs.v[k];
      uint64_t b = g >> (64 - s->h->dir_bits);
      size_t lo = s->dir[b], hi = s->dir[b + 1];
      int64_t c;
      if (!s->ids) continue;
      if (!pass && hi - lo >= VB_IDX_FREQ && (c = stored_count(s, id)) >= 0) { cnt += (uint64_t)c; continue; }
      for (size_t i = lo; i < hi; i++) {
        size_t f;
        if (s->ids[i] != id || (f = live_file(s, s->locs[i])) == s->h->nfiles) continue;
        if (pass) fn(ud, k, f, s->locs[i] - s->files[f].base);
        else cnt++;
      }
    }
    if (!fn || cnt > cap) break;
  }
  return cnt;
}

uint64_t vb_index_word_count(const vb_index *x, uint64_t h) {
  uint64_t c = 0;
  for (size_t k = 0; k < x->segs.n; k++) {
    const vb_idx_seg *s = &x->segs.v[k];
    size_t a = 0, z = s->ids ? s->nwords : 0;
    while (a < z) {
      size_t m = a + (z - a) / 2;
      if (s->words[m].h < h) a = m + 1; else z = m;
    }
    if (s->ids && a < s->nwords && s->words[a].h == h) c += s->words[a].count;
  }
  return c;
}

uint64_t vb_index_words(const vb_index *x) {
  uint64_t n = 0;
  for (size_t k = 0; k < x->segs.n; k++) {
    const vb_idx_seg *s = &x->segs.v[k];
    if (!s->ids) continue;
    for (size_t f = 0; f < s->h->nfiles; f++) if (s->state[f] == VB_IDX_LIVE) n += s->ftotal[f];
  }
  return n;
}

const char *vb_index_file_speaker(const vb_index *x, size_t seg, size_t file) {
  const vb_idx_seg *s = &x->segs.v[seg];
  const char *p;
  if (!s->ids || file >= s->h->nfiles) return NULL;
  p = s->labels + s->flab[file];
  return *p ? p : NULL;
}

void vb_index_file_labels(const vb_index *x, size_t seg, size_t file, void (*fn)(void *ud, const char *label), void *ud) {
  const vb_idx_seg *s = &x->segs.v[seg];
  uint64_t i, e;
  if (!s->ids || file >= s->h->nfiles) return;
  i = s->flab[file]; e = s->flab[file + 1];
  i += strlen(s->labels + i) + 1;                 /* past the given speaker */
  while (i < e) {
    fn(ud, s->labels + i);
    i += strlen(s->labels + i) + 1;
  }
}
