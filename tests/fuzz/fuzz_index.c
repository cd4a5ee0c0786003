/* libFuzzer target for the archive index reader: the input is written to a file as an
 * index, opened, and when it opens, a draft is checked through it in full (the lookups,
 * the files it names read back, alignment, verdicts). A corrupt index must be refused
 * with a message or answer within bounds; never a crash, a hang or a leak.
 * `make fuzz` seeds the corpus with indexes built from tests/fixtures/check, whose
 * files the index names, so that mutations start from indexes that resolve. */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "index.h"
#include "quotes.h"

static const char draft[] =
  "Lee said: \xe2\x80\x9cThe bridge will be finished by the end of next year.\xe2\x80\x9d\n\n"
  "Okafor did not mince words. \xe2\x80\x9cThirty days in jail for anyone who has not been "
  "incarcerated before is enough,\xe2\x80\x9d he said.\n\n"
  "The report was blunt. \xe2\x80\x9c[The authority] will ask the city for a loan in the autumn,\xe2\x80\x9d it said.\n\n"
  "\xe2\x80\x9cWe never discussed the ferry with anyone at the council,\xe2\x80\x9d an aide said.\n";

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);                /* libFuzzer calls them */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  snprintf(path, sizeof path, "/tmp/vb-fuzz-index-%ld.idx", (long)getpid());
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  vb_buf err = {0};
  vb_index *x;
  vb_quotes qs = {0};
  vb_material M;
  vb_checked c;
  if (fd < 0) abort();
  for (size_t k = 0; k < size;) {
    ssize_t w = write(fd, data + k, size - k);
    if (w <= 0) abort();
    k += (size_t)w;
  }
  close(fd);
  x = vb_index_open(path, &err);
  if (!x) {
    if (!err.p || !err.n) abort();             /* refused, and says why */
    vb_buf_free(&err);
    return 0;
  }
  memset(&M, 0, sizeof M);
  memset(&c, 0, sizeof c);
  if (vb_material_add_index(&M, x) == 0 && vb_quotes_find(draft, sizeof draft - 1, NULL, &qs) == 0) {
    err.n = 0;
    if (vb_check(draft, sizeof draft - 1, &qs, NULL, &M, NULL, &c, &err) == 0) {
      if (c.r.n != qs.q.n) abort();
      for (size_t i = 0; i < c.r.n; i++) {
        const vb_cres *r = &c.r.v[i];
        if (r->has_passage && (r->start > r->end || r->name + r->name_len > c.arena.n)) abort();
        if (r->d0 + r->nd > c.d.n) abort();
      }
    }
  }
  vb_checked_free(&c);
  vb_quotes_free(&qs);
  vb_material_free(&M);
  vb_index_close(x);
  vb_buf_free(&err);
  return 0;
}
