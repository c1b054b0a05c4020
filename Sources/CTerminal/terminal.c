#include "CTerminal.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t interrupted = 0;
static int pending_newline = 0;

static void on_interrupt(int sig) {
    (void)sig;
    interrupted = 1;
}

void embedlab_install_interrupt_handler(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns EINTR */
    sigaction(SIGINT, &sa, NULL);
}

int embedlab_interrupt_pending(void) { return interrupted != 0; }
void embedlab_clear_interrupt(void) { interrupted = 0; }

static int read_byte(int fd, unsigned char *out) {
    for (;;) {
        ssize_t n = read(fd, out, 1);
        if (n == 1) return 1;
        if (n == 0) return 0;
        if (errno == EINTR) {
            if (interrupted) return -2;
            continue;
        }
        return -1;
    }
}

int embedlab_getc(FILE *stream) {
    if (pending_newline) {
        pending_newline = 0;
        return '\n';
    }
    int fd = fileno(stream);
    unsigned char b;
    int r = read_byte(fd, &b);
    if (r == -2) {
        pending_newline = 1;
        return 0x15; /* Ctrl-U: kill the whole line */
    }
    if (r <= 0) return -1; /* end of input */
    int extra = 0;
    unsigned int cp = b;
    if (b >= 0xF0) { extra = 3; cp = b & 0x07; }
    else if (b >= 0xE0) { extra = 2; cp = b & 0x0F; }
    else if (b >= 0xC0) { extra = 1; cp = b & 0x1F; }
    else if (b >= 0x80) return 0xFFFD; /* a stray continuation byte */
    for (int i = 0; i < extra; i++) {
        unsigned char c;
        r = read_byte(fd, &c);
        if (r == -2) { pending_newline = 1; return 0x15; }
        if (r <= 0) return -1;
        if ((c & 0xC0) != 0x80) return 0xFFFD; /* not UTF-8: shown as U+FFFD */
        cp = (cp << 6) | (c & 0x3F);
    }
    return (int)cp;
}

#include <termios.h>

int embedlab_set_echo(int fd, int on) {
    struct termios t;
    if (!isatty(fd) || tcgetattr(fd, &t) != 0) return -1;
    int was = (t.c_lflag & ECHO) != 0;
    if (on) t.c_lflag |= ECHO; else t.c_lflag &= ~(tcflag_t)ECHO;
    /* TCSANOW: what was typed ahead stays in the input queue for the next prompt. */
    if (tcsetattr(fd, TCSANOW, &t) != 0) return -1;
    return was;
}
