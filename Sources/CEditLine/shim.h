// Fixed-arity wrappers around libedit's variadic el_set/el_get/history calls, which Swift cannot call,
// and accessors for C globals that Swift 6 refuses to touch.
#ifndef MQ_EDITLINE_SHIM_H
#define MQ_EDITLINE_SHIM_H

#include <histedit.h>
#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <poll.h>

typedef char *(*mq_prompt_fn)(EditLine *);
typedef unsigned char (*mq_command_fn)(EditLine *, int);

static inline FILE *mq_stdin(void) { return stdin; }
static inline FILE *mq_stdout(void) { return stdout; }
static inline FILE *mq_stderr(void) { return stderr; }

static inline int mq_el_set_prompt(EditLine *el, mq_prompt_fn f) { return el_set(el, EL_PROMPT_ESC, f, '\1'); }
static inline int mq_el_set_rprompt(EditLine *el, mq_prompt_fn f) { return el_set(el, EL_RPROMPT_ESC, f, '\1'); }
static inline int mq_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int mq_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int mq_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int mq_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *mq_el_get_clientdata(EditLine *el) { void *data = NULL; el_get(el, EL_CLIENTDATA, &data); return data; }
static inline int mq_el_addfn(EditLine *el, const char *name, const char *help, mq_command_fn f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int mq_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}
static inline int mq_el_settty_noisig(EditLine *el) { return el_set(el, EL_SETTY, "-d", "-isig", (const char *)NULL); }
static inline int mq_el_unbuffered(EditLine *el, int on) { return el_set(el, EL_UNBUFFERED, on); }

static inline int mq_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int mq_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int mq_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int mq_history_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }

/// Terminal size of stdout; 0 when it is not a terminal.
static inline int mq_terminal_columns(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}
static inline int mq_terminal_rows(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
    return 0;
}

/// Whether stdin is a terminal in canonical (cooked) mode whose next input is an end of input: a Ctrl-D
/// typed at the start of a line while the terminal was cooked (between two lines, while a statement ran).
/// poll() says readable while FIONREAD counts no byte, as the kernel counts no end-of-input character.
/// Left there, libedit's switch to raw mode would turn it into a NUL byte (set-mark), not an end of input.
static inline int mq_eof_pending(void) {
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) != 0 || (t.c_lflag & ICANON) == 0) return 0;
    struct pollfd p;
    p.fd = STDIN_FILENO;
    p.events = POLLIN;
    p.revents = 0;
    if (poll(&p, 1, 0) <= 0 || (p.revents & POLLIN) == 0) return 0;
    int bytes = 0;
    return ioctl(STDIN_FILENO, FIONREAD, &bytes) == 0 && bytes == 0;
}

/// Consumes the end of input that `mq_eof_pending` found (a read of no bytes); whether it was one.
static inline int mq_take_eof(void) {
    char c;
    return mq_eof_pending() && read(STDIN_FILENO, &c, 1) == 0;
}

/// Whether input is waiting on stdin within `ms` milliseconds (the rest of a paste, say); an end of input
/// waiting in cooked mode is none.
static inline int mq_input_pending(int ms) {
    struct pollfd p;
    p.fd = STDIN_FILENO;
    p.events = POLLIN;
    p.revents = 0;
    return poll(&p, 1, ms) > 0 && (p.revents & POLLIN) != 0 && !mq_eof_pending();
}

/// Ensures a UTF-8 LC_CTYPE (libedit drops non-ASCII input otherwise); numbers keep the "C" format.
static inline void mq_setup_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs == NULL || (cs[0] != 'U' && cs[0] != 'u')) setlocale(LC_CTYPE, "C.UTF-8");
}

/// SIGINT while a query runs: a flag polled by the evaluator (sa_flags 0: no SA_RESTART).
static inline int mq_install_sigint(void (*handler)(int)) {
    struct sigaction sa;
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(SIGINT, &sa, NULL);
}
static inline int mq_ignore_sigint(void) {
    struct sigaction sa;
    sa.sa_handler = SIG_IGN;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(SIGINT, &sa, NULL);
}
#endif
