/* ncursesw as Swift sees it. SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for the wide API here. */
#ifndef REFRACT_CNCURSESW_SHIM_H
#define REFRACT_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Mutable globals and function-like macros do not import into Swift 6: stateless getters instead. */
static inline WINDOW *ncs_stdscr(void) { return stdscr; }
static inline WINDOW *ncs_curscr(void) { return curscr; }
static inline int ncs_lines(void) { return LINES; }
static inline int ncs_cols(void) { return COLS; }
static inline int ncs_colors(void) { return COLORS; }
static inline int ncs_color_pairs(void) { return COLOR_PAIRS; }
static inline int ncs_key_f(int n) { return KEY_F(n); }
static inline attr_t ncs_a_normal(void) { return A_NORMAL; }
static inline attr_t ncs_a_bold(void) { return A_BOLD; }
static inline attr_t ncs_a_dim(void) { return A_DIM; }
static inline attr_t ncs_a_italic(void) { return A_ITALIC; }
static inline attr_t ncs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ncs_a_reverse(void) { return A_REVERSE; }
static inline mmask_t ncs_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t ncs_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t ncs_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t ncs_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t ncs_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ncs_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t ncs_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
/* Mouse masks are built by function-like macros: one getter per event kind and button (1-5). */
static inline mmask_t ncs_button_pressed(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_PRESSED); }
static inline mmask_t ncs_button_released(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_RELEASED); }
static inline mmask_t ncs_button_clicked(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_CLICKED); }
static inline int ncs_key_max(void) { return KEY_MAX; }
static inline int ncs_getcchar_ext(const cchar_t *c, wchar_t *s, attr_t *a, int *pair) {
    short small = 0;
    return getcchar(c, s, a, &small, pair);
}
static inline int ncs_wcolor_set_ext(WINDOW *w, int pair) {
    return wcolor_set(w, (short)(pair > 0x7fff ? 0 : pair), &pair);
}
static inline int ncs_setcchar_ext(cchar_t *c, const wchar_t *s, attr_t a, int pair) {
    return setcchar(c, s, a, (short)(pair > 0x7fff ? 0 : pair), &pair);
}
#endif
