/* ibio.c: a relative clause in the aside that describes a speaker named after a closing
 * cue is the writer's biography of that speaker, not a report: "“…,” said Ada Brandt, a
 * Florida strategist who has advised two governors", "…, wrote Piet Amsel, a columnist
 * who has been critical of the plan". A cue of speech there ("…, said Lund, who added
 * that …") still reports. It calls nothing of indirect.c's. */
#include "attrib_int.h"
#include "indirect_int.h"

#define BIO_BACK 20

int vb_bio_relative(const ctx *X, const isent *S) {
  size_t w = S->p.b;
  if (!S->p.ok || !S->p.rel || (S->f & VB_CUE_INV) || w >= S->c || !is_lowword(X, w) ||
      !(vb_tok_is(X->s, TK(w), "who") || vb_tok_is(X->s, TK(w), "which")))
    return 0;
  for (size_t z = w; z-- > S->sb + 1 && w - z < BIO_BACK;) {
    if (is_quote(X, z) || starts_sent(X, z + 1)) return 0;
    if (!is_cue(X, z)) continue;
    /* the cue that names the speaker after it, right after a quote or comma */
    return (CUE(z)->flags & VB_CUE_INV) && z + 1 < w && is_capword(X, z + 1) &&
           (is_ch(X, z - 1, ',') || is_quote(X, z - 1));
  }
  return 0;
}
