/* turns.c: transcript turns (see turns.h). The label grammar, the words that are not
 * words, and the walk that applies them, from the start or from a checkpoint. */
#include <stdlib.h>
#include <string.h>
#include "turns.h"
#include "text.h"

#define NAME_MAX_BYTES 48
#define NAME_MAX_WORDS 6
#define ROLE_MAX 64
#define GROUP_MAX 48            /* a stage direction or note in brackets, bytes */
#define NAMES_CAP 8192          /* distinct label names counted, slots (half filled at most) */
#define LOOKAHEAD 256           /* bytes a label may take, prefix and Rev timestamp included */

/* ---------------------------------------------------------------- tables */

/* Page furniture and notes that look like labels: `READ: …`, `UPDATE: …`. */
static const char *const furniture[] = {
  "read", "read more", "related", "see also", "watch", "listen", "photos", "photo", "video",
  "update", "updated", "note", "editor's note", "editors note", "source", "sources",
  "correction", "advertisement", "subscribe", "share", "tags", "filed under", "posted",
  "published", "breaking", "exclusive", "warning", "click here", "transcript",
  "credit", "image", "caption", "copyright", "disclaimer", "contact", "email", "tel",
  "phone", "fax", "web", "website", "url", "date", "time", "location", "place", "subject",
  "re", "to", "from", "cc", "ps", "p.s", "nb", "n.b", "via", "topics", "keywords", NULL};

/* Name particles that stay lower case inside a Title Case name. */
static const char *const particles[] = {
  "de", "da", "di", "del", "della", "dos", "du", "van", "von", "der", "den", "ter", "ten",
  "le", "la", "bin", "ibn", "al", "el", "y", "st", NULL};

/* Stage directions written in lower case: `(laughs)`, `[inaudible]` (brackets are taken
 * whatever they hold; parentheses when they hold one of these first, or capitals). */
static const char *const stage_words[] = {
  "applause", "applauding", "laughter", "laughs", "laughing", "laugh", "chuckles", "chuckling",
  "crosstalk", "cross-talk", "overtalk", "overlapping", "inaudible", "unintelligible",
  "indiscernible", "unclear", "booing", "boos", "cheering", "cheers", "clapping", "music",
  "silence", "pause", "pauses", "coughs", "coughing", "sighs", "sigh", "gasps", "noise",
  "audio", "video", "begin", "end", "break", "recess", "gavel", "bell", "phonetic", "ph",
  "sic", "off", "mic", "off-mic", "off-mike", "sound", "singing", "chanting", "chants",
  "whistles", "murmurs", "groans", "speaking", "foreign", "translated", "translation",
  "interpreter", "technical", "difficulties", "static", "beep", "bleep", "expletive",
  "redacted", "ends", "starts", "resumes", "commercial", "voiceover", "voice-over", NULL};

/* Labels that name no one in particular (A: an interview's answers, whoever gives them;
 * Q: is someone else than the one answering, and stays a speaker). */
static const char *const anonymous[] = {
  "speaker", "participant", "unidentified", "unknown", "voice", "voices", "male", "female",
  "unidentified male", "unidentified female", "man", "woman", "audience member", "crowd",
  "audience", "multiple speakers", "several", "a", "answer", NULL};

/* Titles ignored when names are compared. */
static const char *const titles[] = {
  "mr", "mrs", "ms", "miss", "mx", "dr", "sen", "rep", "gov", "president", "the", "senator",
  "secretary", "judge", "general", "gen", "attorney", "prof", "professor", "governor",
  "congressman", "congresswoman", "representative", "mayor", "sir", "dame", "lord", "lady",
  "rev", "reverend", "father", "sister", "brother", "hon", "honorable", "vice", "former",
  "chairman", "chairwoman", "chair", "commissioner", "ambassador", "justice", "chief",
  "moderator", "col", "lt", "sgt", "capt", "adm", "jr", "sr", "ii", "iii", "iv", NULL};

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_up(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lo(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_letter(unsigned char c) { return is_up(c) || is_lo(c) || c >= 0x80; }
static int is_blank(unsigned char c) { return c == ' ' || c == '\t'; }

/* Is s[0..k) (any case) one of the words of table t? */
static int in_table(const char *const *t, const char *s, size_t k) {
  for (int i = 0; t[i]; i++) {
    size_t j = 0;
    while (j < k && t[i][j] && lower((unsigned char)s[j]) == t[i][j]) j++;
    if (j == k && !t[i][j]) return 1;
  }
  return 0;
}

/* The same for a name of several words: spaces single, a trailing dot dropped. */
static int name_in_table(const char *const *t, const char *s, size_t k) {
  char b[NAME_MAX_BYTES + 1];
  size_t m = 0;
  for (size_t i = 0; i < k && m < NAME_MAX_BYTES; i++) {
    if (is_blank((unsigned char)s[i])) { if (m && b[m - 1] != ' ') b[m++] = ' '; }
    else if ((unsigned char)s[i] == 0xE2 && i + 2 < k && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
      b[m++] = '\''; i += 2;
    } else b[m++] = s[i];
  }
  while (m && (b[m - 1] == ' ' || b[m - 1] == '.')) m--;
  return in_table(t, b, m);
}

/* ---------------------------------------------------------------- timestamps */

/* A clock time at s[i]: h:mm, hh:mm:ss, with .mmm or ,mmm; bracketed or not. The byte
 * after it, or 0. */
static size_t clock_at(const char *s, size_t n, size_t i) {
  size_t j = i, parts = 0;
  char close = 0;
  if (j < n && (s[j] == '[' || s[j] == '(')) { close = s[j] == '[' ? ']' : ')'; j++; }
  for (;;) {
    size_t d = j;
    while (j < n && j - d < 2 && is_digit((unsigned char)s[j])) j++;
    if (j == d || (parts && j - d != 2)) return 0;
    parts++;
    if (j < n && s[j] == ':' && parts < 3) { j++; continue; }
    break;
  }
  if (parts < 2) return 0;
  if (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit((unsigned char)s[j + 1])) {
    j++;
    while (j < n && is_digit((unsigned char)s[j])) j++;
  }
  if (close) {
    if (j >= n || s[j] != close) return 0;
    j++;
  } else if (j < n && is_digit((unsigned char)s[j])) return 0;
  return j;
}

/* ---------------------------------------------------------------- labels */

enum { ST_CAPS = 1, ST_TITLE = 2, ST_VOICE = 3 };

typedef struct lab {
  size_t ts0, ts1;              /* a timestamp before the label (or a lone one), else equal */
  size_t start, end;            /* the label: name, role, colon, Rev timestamp */
  size_t name, name_end;
  int words, realw, style;
  uint64_t h;                   /* of the name, case and spacing folded */
} lab;

static uint64_t name_hash(const char *s, size_t k) {
  uint64_t h = 0xcbf29ce484222325ULL;
  int sp = 0;
  for (size_t i = 0; i < k; i++) {
    unsigned c = (unsigned char)s[i];
    if (is_blank((unsigned char)c)) { sp = 1; continue; }
    if (sp) { h = (h ^ ' ') * 0x100000001b3ULL; sp = 0; }
    h = (h ^ (unsigned)lower((int)c)) * 0x100000001b3ULL;
  }
  return h ? h : 1;
}

/* One name word at s[i]: its end, and its class. */
enum { W_CAPS = 1, W_TITLE = 2, W_PARTICLE = 3, W_NUMBER = 4 };
static size_t name_word(const char *s, size_t n, size_t i, int *cls) {
  size_t j = i;
  int up = 0, lo = 0, first_up;
  unsigned char c;
  if (i >= n) return 0;                         /* a label that ends where its line does */
  c = (unsigned char)s[i];
  if (is_digit(c)) {
    while (j < n && j - i < 4 && is_digit((unsigned char)s[j])) j++;
    if (j - i > 3 || (j < n && is_letter((unsigned char)s[j]))) return 0;
    *cls = W_NUMBER;
    return j;
  }
  if (!is_letter(c)) return 0;
  first_up = is_up(c) || c >= 0x80;
  while (j < n && j - i <= NAME_MAX_BYTES) {
    unsigned char d = (unsigned char)s[j];
    if (is_up(d)) up++;
    else if (is_lo(d)) lo++;
    else if (d >= 0x80) {
      if (d == 0xE2 && j + 2 < n && (unsigned char)s[j + 1] == 0x80 && (unsigned char)s[j + 2] == 0x99) { j += 3; continue; }
      if (d < 0xC0 || d >= 0xF8) break;
      j++;
      while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80) j++;
      continue;
    } else if (d == '.' || d == '\'' || d == '-') {
      if (d != '.' && !(j + 1 < n && is_letter((unsigned char)s[j + 1]))) break;
    } else break;
    j++;
  }
  if (!lo && !up && !(c >= 0x80)) return 0;
  if (!lo) *cls = W_CAPS;
  else if (first_up) *cls = W_TITLE;
  else if (j - i <= 5 && in_table(particles, s + i, j - i)) *cls = W_PARTICLE;
  else return 0;
  return j;
}

/* The label grammar at line start i (leading blanks, a `>>` and a timestamp allowed):
 * 1 and L, or 0. A lone timestamp at the line start is 0 with L->ts1 > L->ts0. */
static int parse_label(const char *s, size_t n, size_t i, lab *L) {
  size_t j = i, lim, k;
  int words = 0, caps = 1, realw = 0, last = 0;
  memset(L, 0, sizeof *L);
  lim = n - i > LOOKAHEAD ? i + LOOKAHEAD : n;
  while (j < lim && is_blank((unsigned char)s[j])) j++;
  if (j + 2 < lim && !memcmp(s + j, "\xEF\xBB\xBF", 3)) j += 3;     /* a byte-order mark */
  if (j < lim && s[j] == '>') {                                     /* >> NAME: (TV captions) */
    size_t g = j;
    while (j < lim && s[j] == '>' && j - g < 3) j++;
    while (j < lim && is_blank((unsigned char)s[j])) j++;
  }
  L->ts0 = L->ts1 = j;
  if ((k = clock_at(s, lim, j)) != 0 && (k >= lim || is_blank((unsigned char)s[k]) || s[k] == '\n' || s[k] == '\r' || s[k] == ']')) {
    L->ts1 = k;
    j = k;
    while (j < lim && is_blank((unsigned char)s[j])) j++;
    if (j + 1 < lim && (s[j] == '-' || s[j] == '|') && is_blank((unsigned char)s[j + 1])) j += 2;
    while (j < lim && is_blank((unsigned char)s[j])) j++;
  }
  L->start = L->name = j;
  if (j < lim && s[j] == VB_VOICE) {                                /* a decoder's voice line */
    L->name = ++j;
    while (j < lim && s[j] != ':' && s[j] != '\n') j++;
    if (j >= lim || s[j] != ':' || j == L->name) return 0;
    L->name_end = j;
    L->end = j + 1 < n && s[j + 1] == ' ' ? j + 2 : j + 1;
    L->style = ST_VOICE;
    L->words = 1;
    L->h = name_hash(s + L->name, L->name_end - L->name);
    return 1;
  }
  for (;;) {
    int cls = 0;
    size_t e = name_word(s, lim, j, &cls);
    if (!e) break;
    if (cls == W_NUMBER && !realw) return 0;       /* Speaker 1, never 1 */
    words++;
    last = cls;
    if (cls == W_CAPS || cls == W_TITLE) realw++;
    if (cls == W_TITLE || cls == W_PARTICLE) caps = 0;
    L->name_end = e;
    j = e;
    if (cls == W_NUMBER) break;
    if (j + 1 < lim && s[j] == ' ' && s[j + 1] != ' ' && s[j + 1] != '(' && s[j + 1] != '[') j++;
    else break;
  }
  if (!realw || last == W_PARTICLE || words > NAME_MAX_WORDS || L->name_end - L->name > NAME_MAX_BYTES) return 0;
  if (L->name_end < j) return 0;                    /* a space that led to no word */
  while (j < lim && is_blank((unsigned char)s[j])) j++;
  if (j < lim && (s[j] == '(' || s[j] == '[')) {    /* (MODERATOR), (from the floor), (00:12:05) */
    char close = s[j] == '(' ? ')' : ']';
    size_t r = j + 1;
    while (r < lim && r - j <= ROLE_MAX && s[r] != close && s[r] != '(' && s[r] != '[' && s[r] != '\n' && s[r] != ':') r++;
    if (r < lim && s[r] == ':') {                   /* (00:12:05): a clock inside */
      size_t c = clock_at(s, lim, j);
      if (!c) return 0;
      r = c - 1;
    }
    if (r >= lim || s[r] != close || r == j + 1) return 0;
    j = r + 1;
    while (j < lim && is_blank((unsigned char)s[j])) j++;
  }
  if (j >= lim || s[j] != ':') return 0;
  j++;
  if (j < n && !is_blank((unsigned char)s[j]) && s[j] != '\n' && s[j] != '\r' &&
      !(j + 1 < n && (unsigned char)s[j] == 0xC2 && (unsigned char)s[j + 1] == 0xA0))   /* a no-break space */
    return 0;
  L->end = j;
  while (j < lim && is_blank((unsigned char)s[j])) j++;
  if (j < lim && (k = clock_at(s, lim, j)) != 0 && (s[j] == '(' || s[j] == '[')) L->end = k;   /* Rev */
  L->words = words;
  L->realw = realw;
  L->style = caps ? ST_CAPS : ST_TITLE;
  L->h = name_hash(s + L->name, L->name_end - L->name);
  return 1;
}

/* The rest of the label's line reads as a headline (READ: How Trade Was Won Again):
 * capitalised long words throughout and no closing punctuation. */
static int headline_after(const char *s, size_t n, size_t i, char eol) {
  size_t j = i, lim = n - i > 400 ? i + 400 : n, last = 0;
  int words = 0, caps = 0;
  while (j < lim && s[j] != eol && s[j] != '\n') {
    size_t e = j;
    while (e < lim && is_letter((unsigned char)s[e])) e++;
    if (e > j) {
      if (e - j >= 4) { words++; caps += is_up((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80; }
      j = e;
      continue;
    }
    if (!is_blank((unsigned char)s[j]) && s[j] != '\r') last = j + 1;
    j++;
  }
  if (j >= lim && j < n) return 0;
  if (last && strchr(".?!,;:\"')", s[last - 1])) return 0;
  if (last >= 3 && (unsigned char)s[last - 3] == 0xE2 && (unsigned char)s[last - 2] == 0x80 &&
      ((unsigned char)s[last - 1] == 0x9D || (unsigned char)s[last - 1] == 0x99))
    return 0;
  return words >= 3 && caps * 5 >= words * 4;
}

static uint32_t name_count(const vb_turns *T, uint64_t h) {
  size_t m = T->names_cap - 1, k = (size_t)h & m;
  if (!T->names) return 0;
  while (T->names[k].h) {
    if (T->names[k].h == h) return T->names[k].count;
    k = (k + 1) & m;
  }
  return 0;
}

/* Count a name; the table doubles when half full, up to NAMES_CAP slots (more distinct
 * names than that and the text is no transcript of people: the rest are not counted). */
static int name_add(vb_turns *T, uint64_t h) {
  size_t m = T->names_cap - 1, k = (size_t)h & m;
  while (T->names[k].h) {
    if (T->names[k].h == h) { T->names[k].count++; return 0; }
    k = (k + 1) & m;
  }
  if (T->names_n * 2 >= T->names_cap) {
    vb_lstat *old = T->names, *nw;
    size_t cap = T->names_cap * 2;
    if (cap > NAMES_CAP) return 0;
    if (!(nw = calloc(cap, sizeof *nw))) return -1;
    for (size_t i = 0; i < T->names_cap; i++)
      if (old[i].h) {
        size_t j = (size_t)old[i].h & (cap - 1);
        while (nw[j].h) j = (j + 1) & (cap - 1);
        nw[j] = old[i];
      }
    free(old);
    T->names = nw;
    T->names_cap = cap;
    return name_add(T, h);
  }
  T->names[k].h = h;
  T->names[k].count = 1;
  T->names_n++;
  return 0;
}

/* A label the grammar reads is a turn unless it is page furniture, in Title Case in a
 * text that is not a transcript written that way (a tenth of its lines or more are
 * such labels: news prose has "The Latest: ..." now and then), a single Title Case word
 * the text does not use as a label at least three times (One: Two: in a list), or a
 * one-off whose line reads as a headline. */
static int accept(const vb_turns *T, const char *s, size_t n, const lab *L) {
  uint32_t c;
  if (L->style == ST_VOICE) return 1;
  if (name_in_table(furniture, s + L->name, L->name_end - L->name)) return 0;
  c = name_count(T, L->h);
  if (L->style == ST_TITLE && !T->titled) return 0;     /* prose: "The Latest: ...", "Ann Coulter: ..." */
  if (L->style == ST_TITLE && L->realw == 1 && c < 3 &&
      !(L->words == 2 && vb_anonymous_label(s + L->name, L->name_end - L->name)))    /* Speaker 3 */
    return 0;
  if (c <= 1 && headline_after(s, n, L->end, T->eol)) return 0;
  return 1;
}

/* ---------------------------------------------------------------- stage directions */

/* A bracketed group at s[i] ('(' or '[') that is not speech: its end, or 0. Taken: a
 * clock, capitals (APPLAUSE), [ CHEERING ], a stage word first (laughs), [inaudible],
 * and in square brackets any note of three words or more ([referring to the mayor]).
 * Kept as words: a bracket inside a word (manufactur[ing]) and a short guess at what
 * was said ($17 [trillion], pastor [Robert] Jeffress). */
static size_t group_at(const char *s, size_t n, size_t i) {
  char close = s[i] == '(' ? ')' : ']';
  size_t j = i + 1, lim = n - i > GROUP_MAX ? i + GROUP_MAX : n, a, b;
  int letters = 0, lows = 0, words = 0, inw = 0;
  if (i > 0 && (is_letter((unsigned char)s[i - 1]) || is_digit((unsigned char)s[i - 1]))) return 0;
  while (j < lim && s[j] != close && s[j] != '(' && s[j] != '[' && s[j] != ')' && s[j] != ']' && s[j] != '\n' && s[j] != '\r') {
    unsigned char c = (unsigned char)s[j];
    if (is_letter(c)) { letters++; lows += is_lo(c); if (!inw) words++; inw = 1; }
    else if (is_digit(c)) { if (!inw) words++; inw = 1; }
    else if (c != '-' && c != '\'') inw = 0;
    j++;
  }
  if (j >= lim || s[j] != close || j == i + 1 || !words || words > 6) return 0;
  if (j + 1 < n && is_letter((unsigned char)s[j + 1])) return 0;
  if (clock_at(s, n, i) == j + 1) return j + 1;
  if (letters >= 2 && !lows) return j + 1;
  for (a = i + 1; a < j && !is_letter((unsigned char)s[a]); a++) {}
  for (b = a; b < j && (is_letter((unsigned char)s[b]) || s[b] == '-'); b++) {}
  if (b > a && b - a <= 14 && in_table(stage_words, s + a, b - a)) return j + 1;
  return close == ']' && words >= 3 ? j + 1 : 0;
}

/* ---------------------------------------------------------------- the walk */

typedef struct walker {
  const vb_turns *T;
  const char *s;
  size_t n, pos;
  int bol;
  size_t lab, lab_n;
  uint32_t blank;
  /* output */
  vb_tspans *out;
  size_t lo, hi;
  int oom;
  vb_turns *rec;                /* building: record checkpoints here */
  size_t last_ck;
  size_t nx[3];                 /* where the next line end, ( and [ are (or a place to look again) */
} walker;

static void emit(walker *w, size_t a, size_t b, int kind, size_t na, size_t nb) {
  vb_tspan x;
  if (!w->out || b <= w->lo || a >= w->hi) return;
  x.start = a; x.end = b; x.kind = kind; x.name = na; x.name_end = nb;
  if (vb_push(w->out, x)) w->oom = 1;
}

static void checkpoint(walker *w) {
  vb_turnck c;
  if (!w->rec) return;
  c.at = w->pos; c.lab = w->lab; c.lab_n = w->lab_n; c.blank = w->blank; c.bol = (uint8_t)w->bol;
  if (vb_push(&w->rec->ck, c)) w->oom = 1;
  w->last_ck = w->pos;
}

static int same_name(const char *s, size_t a, size_t an, size_t b, size_t bn) {
  return name_hash(s + a, an) == name_hash(s + b, bn);
}

/* A line start at w->pos: a blank line, a label, a lone timestamp, or words. */
static void line_start(walker *w) {
  const char *s = w->s;
  size_t n = w->n, j = w->pos;
  lab L;
  while (j < n && (is_blank((unsigned char)s[j]) || s[j] == '\f' || s[j] == '\v')) j++;
  if (j >= n || s[j] == w->T->eol || (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')) {
    w->blank++;
    if (w->T->gap && w->blank > w->T->gap) w->lab_n = 0;     /* a wide gap: the turn is over */
    if (j < n) j += s[j] == '\r' && w->T->eol == '\n' ? 2 : 1;
    w->pos = j;
    return;                                                 /* still at a line start */
  }
  w->blank = 0;
  w->bol = 0;
  if (parse_label(s, n, w->pos, &L) && accept(w->T, s, n, &L)) {
    if (L.ts1 > L.ts0) emit(w, L.ts0, L.ts1, VB_SP_SKIP, 0, 0);
    if (w->lab_n && same_name(s, w->lab, w->lab_n, L.name, L.name_end - L.name))
      emit(w, L.start, L.end, VB_SP_SKIP, 0, 0);
    else emit(w, L.start, L.end, VB_SP_LABEL, L.name, L.name_end);
    w->lab = L.name;
    w->lab_n = L.name_end - L.name;
    if (w->rec) w->rec->labels++;
    w->pos = L.end;
    return;
  }
  if (L.ts1 > L.ts0) { emit(w, L.ts0, L.ts1, VB_SP_SKIP, 0, 0); w->pos = L.ts1; }
  else w->pos = j;
}

/* Walk to stop (or the end): spans into w->out, checkpoints into w->rec. */
static void walk(walker *w, size_t stop) {
  const char *s = w->s;
  char eol = w->T->eol;
  if (stop > w->n) stop = w->n;
  while (w->pos < stop && !w->oom) {
    size_t i, lim;
    if (w->bol) {
      if (w->rec && w->pos - w->last_ck >= VB_TURN_STEP) checkpoint(w);
      line_start(w);
      continue;
    }
    i = w->pos;
    lim = stop;
    if (w->rec && lim - w->last_ck > VB_TURN_STEP) lim = w->last_ck + VB_TURN_STEP;
    if (lim <= i) lim = i + 1 < stop ? i + 1 : stop;
    /* the next line end or bracket before stop: memchr for each, each found once and kept
     * (a walk reads no further than it was asked to, so a pass gives back what it read) */
    {
      static const char want[3] = {0, '(', '['};
      for (int k = 0; k < 3; k++)
        if (w->nx[k] == (size_t)-1 || w->nx[k] < i || (w->nx[k] == i && s[i] != (k ? want[k] : eol))) {
          size_t far = stop;
          const char *f = memchr(s + i, k ? want[k] : eol, far - i);
          w->nx[k] = f ? (size_t)(f - s) : far;
        }
      i = w->nx[0] < w->nx[1] ? w->nx[0] : w->nx[1];
      if (w->nx[2] < i) i = w->nx[2];
      if (i > lim) i = lim;
      if (i < lim && s[i] != eol && s[i] != '(' && s[i] != '[') { w->pos = i; continue; }   /* as far as it looked */
    }
    if (i >= lim) {
      w->pos = lim;
      if (w->rec && lim < stop && w->pos - w->last_ck >= VB_TURN_STEP) checkpoint(w);
      continue;
    }
    if (s[i] == eol) { w->pos = i + 1; w->bol = 1; continue; }
    {
      size_t e = group_at(s, w->n, i);
      if (e) { emit(w, i, e, VB_SP_SKIP, 0, 0); w->pos = e; }
      else w->pos = i + 1;
    }
  }
}

static void walker_init(walker *w, const vb_turns *T, const char *s, size_t n, const vb_turnck *c) {
  memset(w, 0, sizeof *w);
  w->T = T; w->s = s; w->n = n; w->bol = 1;
  w->nx[0] = w->nx[1] = w->nx[2] = (size_t)-1;
  if (c) { w->pos = c->at; w->bol = c->bol; w->lab = c->lab; w->lab_n = c->lab_n; w->blank = c->blank; }
}

/* The last checkpoint at or before off. */
static const vb_turnck *ck_before(const vb_turns *T, size_t off) {
  size_t lo = 0, hi = T->ck.n;
  if (!hi || T->ck.v[0].at > off) return NULL;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (T->ck.v[mid].at <= off) lo = mid; else hi = mid;
  }
  return &T->ck.v[lo];
}

/* ---------------------------------------------------------------- building */

/* First pass: every label the grammar reads, counted by name, and the blank runs
 * between lines, whose commonest length is the text's paragraph break. */
static int survey(vb_turns *T, const char *s, size_t n, const vb_pace *pace) {
  uint32_t hist[9] = {0}, run = 0, best = 0;
  size_t i = 0, runs = 0, paced = 0, lines = 0, titled = 0;
  T->names_cap = 64;
  T->names = calloc(T->names_cap, sizeof *T->names);
  if (!T->names) return -1;
  T->eol = vb_line_end(s, n, pace);
  T->plain = 1;
  while (i < n) {
    const char *e = NULL;
    size_t end = i, j = i;
    lab L;
    /* the line's end, a step at a time: a text without line breaks is one long line */
    while (end < n && !(e = memchr(s + end, T->eol, n - end > VB_PACE_STEP ? VB_PACE_STEP : n - end))) {
      end = n - end > VB_PACE_STEP ? end + VB_PACE_STEP : n;
      vb_pace_at(pace, end);
    }
    end = e ? (size_t)(e - s) : n;
    while (j < end && (is_blank((unsigned char)s[j]) || s[j] == '\r' || s[j] == '\f')) j++;
    if (j == end) run++;
    else {
      if (run) { hist[run < 8 ? run : 8]++; runs++; }
      run = 0;
      lines++;
      if (parse_label(s, end, i, &L)) {
        if (L.style != ST_VOICE && name_add(T, L.h)) return -1;
        titled += L.style == ST_TITLE;
        T->plain = 0;
      } else if (L.ts1 > L.ts0) T->plain = 0;
    }
    i = end + 1;
    if (i - paced >= VB_PACE_STEP) { vb_pace_at(pace, i); paced = i; }
  }
  vb_pace_at(pace, n);
  for (uint32_t r = 1; r < 9; r++) if (hist[r] > hist[best]) best = r;
  T->gap = runs >= 4 && best >= 1 && best < 8 ? best : 0;
  T->titled = titled >= 3 && titled * 10 >= lines;
  return 0;
}

int vb_turns_build(vb_turns *T, const char *s, size_t n, const vb_pace *pace) {
  walker w;
  size_t at = 0;
  memset(T, 0, sizeof *T);
  if (survey(T, s, n, pace)) return -1;
  if (T->plain) return 0;                     /* no label, no timestamp: no walk to remember */
  walker_init(&w, T, s, n, NULL);
  w.rec = T;
  checkpoint(&w);
  while (at < n && !w.oom) {
    at = n - at > VB_PACE_STEP ? at + VB_PACE_STEP : n;
    walk(&w, at);
    vb_pace_at(pace, w.pos);
  }
  return w.oom ? -1 : 0;
}

void vb_turns_free(vb_turns *T) {
  vb_vfree(&T->ck);
  free(T->names);
  memset(T, 0, sizeof *T);
}

/* A plain text (no labels, no timestamps at line starts) has no state to carry: a walk
 * starts anywhere, a stage direction's length before lo (one that began earlier holds
 * no bracket, so none is misread from inside it). */
static void walker_at(walker *w, const vb_turns *T, const char *s, size_t n, size_t lo) {
  if (!T->plain) { walker_init(w, T, s, n, ck_before(T, lo)); return; }
  walker_init(w, T, s, n, NULL);
  w->pos = lo > GROUP_MAX ? lo - GROUP_MAX : 0;
  w->bol = w->pos == 0 || s[w->pos - 1] == T->eol;
}

int vb_turns_spans(const vb_turns *T, const char *s, size_t n, size_t lo, size_t hi, vb_tspans *out) {
  walker w;
  walker_at(&w, T, s, n, lo);
  w.out = out; w.lo = lo; w.hi = hi;
  walk(&w, hi);
  /* a label whose line starts before hi may reach past it: walk() already emitted it */
  return w.oom ? -1 : 0;
}

int vb_turns_speaker(const vb_turns *T, const char *s, size_t n, size_t off, size_t *start, size_t *end) {
  walker w;
  if (T->plain) return 0;
  walker_init(&w, T, s, n, ck_before(T, off));
  walk(&w, off);
  if (!w.lab_n) return 0;
  *start = w.lab;
  *end = w.lab + w.lab_n;
  return 1;
}

void vb_turns_filter(vb_wtoks *t, size_t from, const vb_tspan *sp, size_t nsp) {
  size_t k = 0, o = from;
  for (size_t i = from; i < t->t.n; i++) {
    vb_wtok x = t->t.v[i];
    while (k < nsp && sp[k].end <= x.start) k++;
    if (k < nsp && sp[k].start <= x.start) {
      /* the label's first word stands for it; a text cut into stretches inside a label
       * still gets one barrier, from the stretch holding that word */
      if (sp[k].kind == VB_SP_LABEL && x.start == sp[k].name) {
        x.end = sp[k].name_end;
        x.h = VB_BARRIER;
        x.kind = VB_TW;
        x.flags = 0;
        t->t.v[o++] = x;
      }
      continue;
    }
    t->t.v[o++] = x;
  }
  t->t.n = o;
}

int vb_label_at(const char *s, size_t n, size_t i, size_t *start, size_t *end) {
  lab L;
  if (!parse_label(s, n, i, &L)) return 0;
  *start = L.name;
  *end = L.name_end;
  return 1;
}

int vb_caps_label_at(const char *s, size_t n, size_t i, size_t *start, size_t *end) {
  lab L;
  /* every label parse_label reads ends in a colon before LOOKAHEAD: most text has none */
  if (i >= n || !memchr(s + i, ':', n - i > LOOKAHEAD ? LOOKAHEAD : n - i) || !parse_label(s, n, i, &L) || L.style != ST_CAPS || L.ts1 > L.ts0 || L.name_end - L.name < 2 ||
      name_in_table(furniture, s + L.name, L.name_end - L.name) || name_in_table(anonymous, s + L.name, L.name_end - L.name))
    return 0;
  *start = L.name;
  *end = L.name_end;
  return 1;
}

int vb_turn_opens(const char *s, size_t n, size_t first, size_t i) {
  size_t a, b, m = s[i] == '"' ? 1 : (unsigned char)s[i] == 0xE2 ? 3 : 2;
  return i + m < n && vb_caps_label_at(s, n, i + m, &a, &b) && vb_caps_label_at(s, n, first, &a, &b);
}

/* ---------------------------------------------------------------- names */

typedef struct nw { const char *p; size_t k; } nw;

/* The name words of s, titles left out, at most 8; a name that is all title (the chair,
 * MODERATOR) keeps them but "the". */
static int name_words(const char *s, size_t n, nw *w) {
  for (int pass = 0; pass < 2; pass++) {
    size_t i = 0;
    int k = 0;
    while (i < n && k < 8) {
      size_t j;
      while (i < n && !is_letter((unsigned char)s[i])) i++;
      for (j = i; j < n && (is_letter((unsigned char)s[j]) || s[j] == '\'' || s[j] == '-'); j++) {}
      static const char *const the[] = {"the", NULL};
      if (j > i && !in_table(pass ? the : titles, s + i, j - i)) {
        w[k].p = s + i; w[k].k = j - i; k++;
      }
      i = j;
    }
    if (k) return k;
  }
  return 0;
}

static int word_eq(const nw *a, const nw *b) {
  if (a->k != b->k) return 0;
  for (size_t i = 0; i < a->k; i++) if (lower((unsigned char)a->p[i]) != lower((unsigned char)b->p[i])) return 0;
  return 1;
}

/* Given names agree: the same word, or one is an initial of the other. */
static int given_eq(const nw *a, const nw *b) {
  if (a->k == 1 || b->k == 1) return lower((unsigned char)a->p[0]) == lower((unsigned char)b->p[0]);
  return word_eq(a, b);
}

/* b (2 to 4 capitals, nothing else) is the initials of a's name words */
static int initials(const nw *a, int an, const char *b, size_t bn) {
  if (bn < 2 || bn > 4 || (size_t)an != bn) return 0;
  for (size_t j = 0; j < bn; j++)
    if (!is_up((unsigned char)b[j]) || lower((unsigned char)a[j].p[0]) != lower((unsigned char)b[j])) return 0;
  return 1;
}

int vb_same_speaker(const char *a, size_t an, const char *b, size_t bn) {
  nw A[8], B[8];
  int na = name_words(a, an, A), nb = name_words(b, bn, B);
  if (!na || !nb) return 0;
  if (initials(A, na, b, bn) || initials(B, nb, a, an)) return 1;
  if (!word_eq(&A[na - 1], &B[nb - 1])) {
    /* one word may be the other's first name (HILLARY: for Hillary Clinton) */
    if (nb == 1 && na > 1 && B[0].k > 1 && word_eq(&A[0], &B[0])) return 1;
    if (na == 1 && nb > 1 && A[0].k > 1 && word_eq(&A[0], &B[0])) return 1;
    return 0;
  }
  if (na > 1 && nb > 1) return given_eq(&A[0], &B[0]);
  return 1;
}

int vb_mentions(const char *name, size_t nn, const char *t, size_t tn) {
  nw A[8];
  int na = name_words(name, nn, A);
  size_t i = 0;
  while (i < tn) {
    size_t j;
    nw x;
    while (i < tn && !is_letter((unsigned char)t[i])) i++;
    for (j = i; j < tn && is_letter((unsigned char)t[j]); j++) {}
    x.p = t + i; x.k = j - i;
    for (int a = 0; a < na && x.k >= 2; a++)
      if (A[a].k >= 2 && word_eq(&A[a], &x)) return 1;
    i = j;
  }
  return 0;
}

int vb_anonymous_label(const char *s, size_t n) {
  size_t k = n;
  while (k > 0 && (is_digit((unsigned char)s[k - 1]) || is_blank((unsigned char)s[k - 1]))) k--;
  return k > 0 && name_in_table(anonymous, s, k);
}

/* Words of labels that say what someone does at the microphone, not who they are. */
static const char *const role_words[] = {
  "question", "questioner", "questions", "answer", "audience", "member", "members", "interviewer", "interviewee",
  "reporter", "reporters", "unidentified", "unknown", "male", "female", "man", "woman", "voice", "voices",
  "speaker", "crowd", "announcer", "narrator", "participant", "caller", "off", "camera", "protester", "protesters",
  "moderator", "host", "translator", "interpreter", NULL};

int vb_label_is_person(const char *name, size_t len) {
  size_t i = 0;
  if (vb_anonymous_label(name, len)) return 0;
  while (i < len) {
    size_t j;
    while (i < len && !is_letter((unsigned char)name[i])) i++;
    for (j = i; j < len && is_letter((unsigned char)name[j]); j++) {}
    if (j - i >= 2 && !in_table(role_words, name + i, j - i)) return 1;
    i = j;
  }
  return 0;
}

void vb_tspan_labels(const char *s, const vb_tspan *sp, size_t nsp, void (*fn)(void *ud, const char *name, size_t len),
                     void *ud) {
  for (size_t i = 0; i < nsp; i++)
    if (sp[i].kind == VB_SP_LABEL && sp[i].name_end > sp[i].name) fn(ud, s + sp[i].name, sp[i].name_end - sp[i].name);
}

int vb_turn_speaker(const char *s, size_t n, size_t off, size_t *start, size_t *end) {
  vb_turns T;
  int r;
  if (vb_turns_build(&T, s, n, NULL)) { vb_turns_free(&T); return 0; }
  r = vb_turns_speaker(&T, s, n, off, start, end);
  vb_turns_free(&T);
  return r;
}

int vb_label_legend(const char *s, size_t n, const char *label, size_t ln, size_t *start, size_t *end) {
  size_t lim = n < 4096 ? n : 4096, i = 0;      /* a legend heads the transcript */
  while (ln && i + ln < lim) {
    const char *p = memchr(s + i, label[0], lim - i);
    size_t at, j;
    if (!p) return 0;
    at = (size_t)(p - s);
    i = at + 1;
    if (at + ln + 1 >= lim || memcmp(s + at, label, ln) || s[at + ln] != ':') continue;
    if (at > 0 && is_letter((unsigned char)s[at - 1])) continue;
    if (at == 0 || s[at - 1] == '\n') continue;   /* a turn, not the legend */
    for (j = at + ln + 1; j < lim && s[j] == ' '; j++) {}
    *start = j;
    while (j < lim && s[j] != '.' && s[j] != ';' && s[j] != ',' && s[j] != '\n' && s[j] != '(') j++;
    *end = j;
    return *end > *start;
  }
  return 0;
}
