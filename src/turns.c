/* turns.c: who speaks in a transcript. A turn starts at a label (ARTHUR:, MR. SMITH:,
 * Q:, JONAS FELD (from the floor):) at a line start; a legend at the top may say who a
 * label stands for. Names are compared loosely: a shared name word, or initials. */
#include <string.h>
#include "turns.h"

/* A turn label: at a line start, up to 48 bytes of capitals, spaces, dots, apostrophes
 * and hyphens holding a letter, then a colon. A parenthetical between name and colon
 * says where or for whom the speaker talks (JONAS FELD (from the floor):, SEN. ANA RUIZ
 * (D-Calif.):); the speaker is the name before it. Only a colon right after the closing
 * parenthesis makes a label, so prose that merely holds a parenthesis is no turn, and a
 * name in lower case never is. */
static int label_at(const char *s, size_t n, size_t i, size_t *ls, size_t *le) {
  size_t j, name, letters = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  for (j = i; j < n && j - i <= 48; j++) {
    char c = s[j];
    if (c >= 'A' && c <= 'Z') letters++;
    else if (c == ':' || c == '(') break;
    else if (c != ' ' && c != '.' && c != '\'' && c != '-') return 0;
  }
  name = j;
  if (j < n && s[j] == '(' && letters) {       /* a short parenthetical on the same line */
    size_t k = j + 1;
    while (k < n && k - j <= 64 && s[k] != ')' && s[k] != '(' && s[k] != '\n') k++;
    if (k >= n || s[k] != ')' || k == j + 1) return 0;
    for (j = k + 1; j < n && s[j] == ' '; j++) {}
  }
  if (j >= n || s[j] != ':' || !letters ||
      (j + 1 < n && s[j + 1] != ' ' && s[j + 1] != '\t' && s[j + 1] != '\n' && s[j + 1] != '\r'))
    return 0;
  *ls = i; *le = name;
  while (*le > *ls && s[*le - 1] == ' ') (*le)--;
  return *le > *ls;
}

int vb_turn_speaker(const char *s, size_t n, size_t off, size_t *start, size_t *end) {
  size_t i = off > n ? n : off, lines = 0;
  /* walk back line by line; a turn rarely runs past a few hundred lines */
  while (lines++ < 400) {
    size_t ls = i;
    while (ls > 0 && s[ls - 1] != '\n') ls--;
    if (label_at(s, n, ls, start, end) && *end < off) return 1;
    if (ls == 0) return 0;
    i = ls - 1;
  }
  return 0;
}

/* Words of labels that say what someone does at the microphone, not who they are. */
static const char *const role_words[] = {
  "question", "questioner", "questions", "answer", "audience", "member", "members", "interviewer", "interviewee",
  "reporter", "reporters", "unidentified", "unknown", "male", "female", "man", "woman", "voice", "voices",
  "speaker", "crowd", "announcer", "narrator", "participant", "caller", "off", "camera", "protester", "protesters",
  "moderator", "host", "translator", "interpreter", NULL};

int vb_label_is_person(const char *name, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t j, k;
    int role = 0;
    while (i < len && !(((name[i] | 32) >= 'a' && (name[i] | 32) <= 'z') || (unsigned char)name[i] >= 0x80)) i++;
    for (j = i; j < len && (((name[j] | 32) >= 'a' && (name[j] | 32) <= 'z') || (unsigned char)name[j] >= 0x80); j++) {}
    if (j - i >= 2) {
      for (k = 0; role_words[k] && !role; k++) {
        size_t x = 0;
        if (strlen(role_words[k]) != j - i) continue;
        while (x < j - i && ((name[i + x] | 32) == role_words[k][x])) x++;
        role = x == j - i;
      }
      if (!role) return 1;
    }
    i = j;
  }
  return 0;
}

void vb_turn_labels(const char *s, size_t n, void (*fn)(void *ud, const char *name, size_t len), void *ud) {
  size_t i = 0;
  while (i < n) {
    size_t a, b;
    const char *e;
    if (label_at(s, n, i, &a, &b)) fn(ud, s + a, b - a);
    e = memchr(s + i, '\n', n - i);
    if (!e) break;
    i = (size_t)(e - s) + 1;
  }
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int is_title(const char *w, size_t k) {
  static const char *const t[] = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "the", "senator",
                                  "secretary", "judge", "general", "gen", "attorney", "prof", "professor", NULL};
  for (int i = 0; t[i]; i++)
    if (strlen(t[i]) == k) {
      size_t j = 0;
      while (j < k && lower((unsigned char)w[j]) == t[i][j]) j++;
      if (j == k) return 1;
    }
  return 0;
}

static int word_in(const char *w, size_t k, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t j;
    while (i < n && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') && !((unsigned char)s[i] >= 0x80)) i++;
    for (j = i; j < n && (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') || (unsigned char)s[j] >= 0x80); j++) {}
    if (j - i == k) {
      size_t x = 0;
      while (x < k && lower((unsigned char)s[i + x]) == lower((unsigned char)w[x])) x++;
      if (x == k) return 1;
    }
    i = j;
  }
  return 0;
}

static int isletter(unsigned char c) { return ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80; }

/* b (letters only, 2 to 4 capitals) is the initials of a's name words */
static int initials(const char *a, size_t an, const char *b, size_t bn) {
  size_t i = 0, k = 0;
  if (bn < 2 || bn > 4) return 0;
  for (size_t j = 0; j < bn; j++) if (b[j] < 'A' || b[j] > 'Z') return 0;
  while (i < an) {
    size_t j;
    while (i < an && !isletter((unsigned char)a[i])) i++;
    for (j = i; j < an && isletter((unsigned char)a[j]); j++) {}
    if (j > i && !is_title(a + i, j - i)) {
      if (k >= bn || lower((unsigned char)a[i]) != lower((unsigned char)b[k])) return 0;
      k++;
    }
    i = j;
  }
  return k == bn;
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
    if (at > 0 && isletter((unsigned char)s[at - 1])) continue;
    if (at == 0 || s[at - 1] == '\n') continue;   /* a turn, not the legend */
    for (j = at + ln + 1; j < lim && s[j] == ' '; j++) {}
    *start = j;
    while (j < lim && s[j] != '.' && s[j] != ';' && s[j] != ',' && s[j] != '\n' && s[j] != '(') j++;
    *end = j;
    return *end > *start;
  }
  return 0;
}

int vb_same_speaker(const char *a, size_t an, const char *b, size_t bn) {
  size_t i = 0;
  if (initials(a, an, b, bn)) return 1;
  while (i < an) {
    size_t j;
    while (i < an && !((a[i] | 32) >= 'a' && (a[i] | 32) <= 'z') && !((unsigned char)a[i] >= 0x80)) i++;
    for (j = i; j < an && (((a[j] | 32) >= 'a' && (a[j] | 32) <= 'z') || (unsigned char)a[j] >= 0x80); j++) {}
    if (j - i >= 2 && !is_title(a + i, j - i) && word_in(a + i, j - i, b, bn)) return 1;
    i = j;
  }
  return 0;
}
