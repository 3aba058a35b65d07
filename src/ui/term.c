/* term: opening and giving back the terminal, its modes and signals. */
#include "brief/ui/term.h"

#include <curses.h>
#include <term.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "brief/base/fatal.h"

/* Signals: the first SIGTERM, SIGHUP or SIGINT asks the loop to stop; if
 * it has not within a moment (a long computation), or a second signal
 * comes, the handler restores the terminal itself with the sequence saved
 * at start-up and ends the process. */
#define SIGNAL_GRACE_SECONDS 2
static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t unsaved_now; /* notes unsaved, for the handler */
static int tty_fd = -1;
static struct termios tty_saved;
static int tty_saved_ok;
static char tty_reset[256];
static size_t tty_reset_len;

static SCREEN *scr;
static FILE *tty_in, *tty_out;

/* write(2) all of s; in a signal handler. */
static void write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k <= 0)
			return;
		s += k;
		n -= (size_t)k;
	}
}

/* Give the terminal back with what the signal handler may call: the
 * reset sequence saved at start-up and the saved modes. */
static void restore_now(void)
{
	if (tty_fd >= 0) {
		write_all(tty_fd, tty_reset, tty_reset_len);
		if (tty_saved_ok)
			tcsetattr(tty_fd, TCSANOW, &tty_saved);
	}
}

/* The fatal-error path (running out of memory): the terminal is given
 * back before the message is printed (fatal_set_hook in term_open). */
static void restore_for_fatal(void)
{
	restore_now();
	tty_fd = -1;
}

static void emergency_exit(int sig)
{
	static const char lost[] = "brief: stopped by a signal; unsaved notes "
				   "were lost\n";
	static const char gone[] = "brief: stopped by a signal\n";

	restore_now();
	if (unsaved_now)
		write_all(2, lost, sizeof lost - 1);
	else
		write_all(2, gone, sizeof gone - 1);
	_exit(128 + sig);
}

static void on_signal(int sig)
{
	if (sig == SIGALRM) {
		emergency_exit(got_signal ? got_signal : SIGTERM);
		return;
	}
	if (got_signal)
		emergency_exit(sig);
	got_signal = sig;
	alarm(SIGNAL_GRACE_SECONDS);
}

/* Append a terminfo string capability to the reset sequence. */
static void reset_add_cap(const char *name)
{
	char *cap = tigetstr(name);
	size_t n;

	if (cap == NULL || cap == (char *)-1)
		return;
	n = strlen(cap);
	if (tty_reset_len + n < sizeof tty_reset) {
		memcpy(tty_reset + tty_reset_len, cap, n);
		tty_reset_len += n;
	}
}

/* What the signal handler writes to give the terminal back: mouse
 * reports off, keypad mode off, attributes and cursor normal, and out
 * of the alternate screen. */
static void save_terminal_reset(int in_fd, int out_fd)
{
	static const char mouse_off[] = "\033[?1006l\033[?1002l\033[?1000l";

	tty_saved_ok = tcgetattr(in_fd, &tty_saved) == 0;
	tty_fd = out_fd;
	tty_reset_len = 0;
	memcpy(tty_reset, mouse_off, sizeof mouse_off - 1);
	tty_reset_len = sizeof mouse_off - 1;
	reset_add_cap("sgr0");
	reset_add_cap("cnorm");
	reset_add_cap("rmkx");
	reset_add_cap("rmcup");
}

/* stdin and stdout when they are the terminal, else /dev/tty; for a
 * headless run, nothing (/dev/null). */
static SCREEN *open_screen(int headless)
{
	FILE *in = stdin, *out = stdout;

	tty_in = tty_out = NULL;
	if (headless || !isatty(0)) {
		tty_in = fopen(headless ? "/dev/null" : "/dev/tty", "r");
		if (tty_in == NULL)
			return NULL;
		in = tty_in;
	}
	if (headless || !isatty(1)) {
		tty_out = fopen(headless ? "/dev/null" : "/dev/tty", "w");
		if (tty_out == NULL)
			return NULL;
		out = tty_out;
	}
	return newterm(NULL, out, in);
}

static void close_files(void)
{
	if (tty_in)
		fclose(tty_in);
	if (tty_out)
		fclose(tty_out);
	tty_in = tty_out = NULL;
}

int term_open(int headless)
{
	struct sigaction sa;

	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	scr = open_screen(headless);
	if (scr == NULL) {
		close_files();
		return -1;
	}
	save_terminal_reset(tty_in ? fileno(tty_in) : 0,
			    tty_out ? fileno(tty_out) : 1);
	fatal_set_hook(restore_for_fatal);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
		  BUTTON_SHIFT
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
		  ,
		  NULL);
	mouseinterval(0);
	return 0;
}

void term_close(void)
{
	if (scr == NULL)
		return;
	alarm(0);
	fatal_set_hook(NULL);
	endwin();
	delscreen(scr);
	scr = NULL;
	tty_fd = -1;
	close_files();
}

int term_signal(void)
{
	return got_signal;
}

void term_set_unsaved(int unsaved)
{
	unsaved_now = unsaved != 0;
}

int term_run_outside(const char *cmd)
{
	int rc;

	def_prog_mode();
	endwin();
	rc = system(cmd);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	return rc;
}

void term_send(const char *s, size_t n)
{
	if (scr == NULL)
		return;
	fflush(tty_out ? tty_out : stdout);
	write_all(tty_out ? fileno(tty_out) : 1, s, n);
}
