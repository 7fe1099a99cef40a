#define _GNU_SOURCE
#include "CTermSupport.h"
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

static atomic_uint pending_signals;
static volatile int wake_fd_global = -1;
static volatile int tty_fd_global = -1;
static struct termios saved_termios;
static volatile int have_saved_termios = 0;
static char reset_bytes[256];
static volatile int reset_length = 0;

static const int polite_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT};
static const int fatal_signals[] = {SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP};
#define N_POLITE (int)(sizeof(polite_signals) / sizeof(polite_signals[0]))
#define N_FATAL (int)(sizeof(fatal_signals) / sizeof(fatal_signals[0]))
static struct sigaction previous_polite[N_POLITE];
static struct sigaction previous_fatal[N_FATAL];
static int installed = 0;

static void polite_handler(int sig) {
    int saved = errno;
    unsigned bit = 0;
    switch (sig) {
    case SIGINT: bit = RF_SIG_INT; break;
    case SIGTERM: bit = RF_SIG_TERM; break;
    case SIGHUP: bit = RF_SIG_HUP; break;
    case SIGWINCH: bit = RF_SIG_WINCH; break;
    case SIGCONT: bit = RF_SIG_CONT; break;
    }
    atomic_fetch_or(&pending_signals, bit);
    if (wake_fd_global >= 0) {
        char b = 's';
        ssize_t ignored = write(wake_fd_global, &b, 1);
        (void)ignored;
    }
    errno = saved;
}

void rf_emergency_reset(void) {
    int fd = tty_fd_global;
    if (fd >= 0 && reset_length > 0) {
        ssize_t ignored = write(fd, reset_bytes, (size_t)reset_length);
        (void)ignored;
    }
    if (fd >= 0 && have_saved_termios) tcsetattr(fd, TCSANOW, &saved_termios);
}

static void fatal_handler(int sig, siginfo_t *info, void *context) {
    rf_emergency_reset();
    for (int i = 0; i < N_FATAL; i++) {
        if (fatal_signals[i] != sig) continue;
        struct sigaction *prev = &previous_fatal[i];
        sigaction(sig, prev, NULL);
        if ((prev->sa_flags & SA_SIGINFO) && prev->sa_sigaction) {
            prev->sa_sigaction(sig, info, context);
            return;
        }
        if (prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN && prev->sa_handler) {
            prev->sa_handler(sig);
            return;
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

int rf_install_signal_handlers(int wake_fd, int tty_fd) {
    wake_fd_global = wake_fd;
    tty_fd_global = tty_fd;
    if (installed) return 0;
    for (int i = 0; i < N_POLITE; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = polite_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        if (sigaction(polite_signals[i], &sa, &previous_polite[i]) != 0) return -1;
    }
    for (int i = 0; i < N_FATAL; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
        if (sigaction(fatal_signals[i], &sa, &previous_fatal[i]) != 0) return -1;
    }
    /* Unblock what a parent may have blocked (posix_spawn from some runtimes leaves TERM/WINCH blocked). */
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < N_POLITE; i++) sigaddset(&set, polite_signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    installed = 1;
    return 0;
}

void rf_uninstall_signal_handlers(void) {
    if (!installed) return;
    for (int i = 0; i < N_POLITE; i++) sigaction(polite_signals[i], &previous_polite[i], NULL);
    for (int i = 0; i < N_FATAL; i++) sigaction(fatal_signals[i], &previous_fatal[i], NULL);
    installed = 0;
}

uint32_t rf_take_signals(void) { return atomic_exchange(&pending_signals, 0u); }

int rf_save_termios(int fd) {
    if (tcgetattr(fd, &saved_termios) != 0) return -1;
    have_saved_termios = 1;
    tty_fd_global = fd;
    return 0;
}

int rf_restore_termios(void) {
    if (!have_saved_termios || tty_fd_global < 0) return -1;
    return tcsetattr(tty_fd_global, TCSANOW, &saved_termios);
}

void rf_set_reset_sequence(const char *bytes, int length) {
    if (length < 0) length = 0;
    if (length > (int)sizeof(reset_bytes)) length = (int)sizeof(reset_bytes);
    reset_length = 0;
    if (length > 0 && bytes) memcpy(reset_bytes, bytes, (size_t)length);
    reset_length = length;
}

int rf_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }

int rf_ensure_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && strcmp(codeset, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    codeset = nl_langinfo(CODESET);
    return codeset && strcmp(codeset, "UTF-8") == 0;
}

int rf_get_winsize(int fd, int *rows, int *cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

int rf_set_winsize(int fd, int rows, int cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = (unsigned short)rows;
    ws.ws_col = (unsigned short)cols;
    return ioctl(fd, TIOCSWINSZ, &ws);
}

int rf_open_pty(int *master_fd, int *slave_fd, int rows, int cols) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return -1;
    char name[128];
    if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, sizeof name) != 0) {
        close(master);
        return -1;
    }
    int slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave < 0) {
        close(master);
        return -1;
    }
    if (rows > 0 && cols > 0) rf_set_winsize(master, rows, cols);
    *master_fd = master;
    *slave_fd = slave;
    return 0;
}

int rf_set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

int rf_set_cloexec(int fd) {
    int flags = fcntl(fd, F_GETFD, 0);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

int rf_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int rf_spawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}
