#ifndef EMBEDLAB_CTERMINAL_H
#define EMBEDLAB_CTERMINAL_H
#include <stdio.h>

/// Installs a SIGINT handler (without SA_RESTART) that only records the interrupt.
void embedlab_install_interrupt_handler(void);
/// 1 if Ctrl-C was pressed since the last embedlab_clear_interrupt().
int embedlab_interrupt_pending(void);
void embedlab_clear_interrupt(void);

/// A getc for libedit's readline emulation (rl_getc_function): reads one UTF-8 character from
/// the stream's file descriptor and returns its code point (libedit takes the int as a wide
/// character). On Ctrl-C it returns Ctrl-U then a newline, so the line is cleared and readline
/// returns; the caller sees embedlab_interrupt_pending() and shows a fresh prompt.
int embedlab_getc(FILE *stream);

/// Turns the terminal's echo of typed characters on (1) or off (0) for `fd`, without discarding
/// what was typed ahead. Returns the previous state (1 or 0), or -1 when `fd` is not a terminal.
/// The REPL hides the echo while a progress bar is drawn, so nothing is drawn over typed text.
int embedlab_set_echo(int fd, int on);

#endif
