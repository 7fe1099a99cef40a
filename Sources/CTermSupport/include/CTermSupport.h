/* Small POSIX helpers that must be C: async-signal-safe handlers, termios snapshots, wcwidth. */
#ifndef REFRACT_CTERMSUPPORT_H
#define REFRACT_CTERMSUPPORT_H
#include <stdint.h>

/* Bits returned by rf_take_signals(). */
#define RF_SIG_INT   1u
#define RF_SIG_TERM  2u
#define RF_SIG_HUP   4u
#define RF_SIG_WINCH 8u
#define RF_SIG_CONT  16u

/* Install flag-and-wake handlers for INT, TERM, HUP, WINCH and CONT: each sets a bit and writes one
   byte to wake_fd (the UI loop's self-pipe). Fatal signals (SEGV, ILL, ABRT, BUS, FPE, TRAP) write the
   terminal reset sequence to tty_fd, restore the saved termios, then chain to the previous handler. */
int rf_install_signal_handlers(int wake_fd, int tty_fd);
/* Put the default dispositions back (before exec'ing $EDITOR, and on exit). */
void rf_uninstall_signal_handlers(void);
/* Atomically read and clear the pending-signal bits. */
uint32_t rf_take_signals(void);

/* Remember the terminal's current mode so a crash handler can put it back. */
int rf_save_termios(int fd);
int rf_restore_termios(void);
/* Bytes written to tty_fd by the fatal-signal handler (leave alternate screen, show cursor, mouse off...). */
void rf_set_reset_sequence(const char *bytes, int length);
/* Write the reset sequence and restore termios now (used by the normal exit path too). */
void rf_emergency_reset(void);

/* glibc wcwidth under a UTF-8 LC_CTYPE; used to generate and check the width table. */
int rf_wcwidth(uint32_t scalar);
/* setlocale(LC_ALL, "") and, when that is not UTF-8, force LC_CTYPE=C.UTF-8. Returns 1 when UTF-8. */
int rf_ensure_utf8_locale(void);

/* The window size of a terminal fd (TIOCGWINSZ); 0 on success. */
int rf_get_winsize(int fd, int *rows, int *cols);
/* Set the window size of a terminal fd (TIOCSWINSZ): a pty master's size, in tests. */
int rf_set_winsize(int fd, int rows, int cols);
/* Open a pseudo-terminal pair (master non-controlling, slave opened O_NOCTTY) of the given size. */
int rf_open_pty(int *master_fd, int *slave_fd, int rows, int cols);

/* Make a file descriptor non-blocking / close-on-exec. */
int rf_set_nonblocking(int fd);
int rf_set_cloexec(int fd);

/* GNU extensions Swift's Glibc module hides. */
#include <spawn.h>
int rf_pipe_cloexec(int fds[2]);
int rf_spawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *path);
#endif
