/* iclosing.c: a cue that closes its sentence ("…, they said.") after a report of its
 * own that opens it ("Other candidates said they back the pier, but they would not fund
 * it, they said."): the closing report holds only the clause after the first one, and
 * the first stands (settle, in indirect.c, would leave it to the closing one). */
#include "indirect_int.h"

void vb_closing_after(const ctx *X, icand *cs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    icand *I = &cs[i];
    /* a closing cue of speech, its subject after (not "according to": its source may hold the
     * sentence's reports, "X says A, which …, according to the AP") */
    if (I->drop || I->mark || I->b > I->c || !I->p.ok || I->p.a < I->b || !is_icue(X, I->c) || (CUE(I->c)->flags & VB_CUE_ACC))
      continue;
    for (size_t j = 0; j < n; j++) {
      const icand *J = &cs[j];
      /* J opens I's clause with its subject, and its own clause ends well before I's */
      if (i == j || J->mark || !J->p.ok || J->p.a != I->a || J->c <= J->p.b || J->a <= J->c || J->b + 2 >= I->b) continue;
      I->a = J->b;
      break;
    }
  }
}

/* "Such a move could alienate his backers, Clinton allies believe — backers she will need":
 * a dash at z after a closing cue ends the report before it too, unless it opens an aside
 * that a second dash closes or brings in the cue's own "that" ("argued - rebuking X - that …") */
int vb_closing_dash(const ctx *X, size_t z, size_t se) {
  if (!is_dash(X, z) || (z + 1 < se && is_lowword(X, z + 1) && vb_tok_is(X->s, TK(z + 1), "that"))) return 0;
  for (size_t k = z + 1; k < se; k++)
    if (is_dash(X, k)) return 0;
  return 1;
}
