/* ptytime: how long a terminal program takes to show a text.  Opens a
 * pseudo-terminal of ROWS x COLS, starts the command on it, reads what
 * it writes and prints the milliseconds from the start until TEXT has
 * appeared (escape sequences removed; TEXT should hold no space, which
 * curses may draw as a cursor move), then ends the command.
 *
 *   ptytime [-u] [-m SEQ] [-r ROWS] [-c COLS] [-t TIMEOUT_MS] TEXT
 *           COMMAND [ARG...]
 *
 * -u: the command's processor time until then too (ms, all its
 * threads, counted from the fork), after the milliseconds on the same
 * line.
 * -m SEQ: wait also until the bytes SEQ have come as written (escape
 * sequences kept; \e or \033 in SEQ is the escape character), such as
 * the colour a mark is drawn in, and print the time (and with -u the
 * processor time) when both TEXT and SEQ have been seen after the
 * first figures, on the same line.
 *
 * Exit status 0 when the text was seen, 1 on a time-out, 2 on misuse.
 * TERM is passed on as it is in the environment. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Escape sequences are dropped as they stream in. */
enum { PLAIN, ESC, CSI, OSC };

struct screen {
	char *text;
	size_t len, cap;
	int state;
};

static void feed(struct screen *s, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		switch (s->state) {
		case ESC:
			s->state = c == '[' ? CSI : c == ']' ? OSC : PLAIN;
			continue;
		case CSI:
			if (c >= 0x40 && c <= 0x7e)
				s->state = PLAIN;
			continue;
		case OSC:
			if (c == 7 || c == '\\')
				s->state = PLAIN;
			continue;
		default:
			break;
		}
		if (c == 0x1b) {
			s->state = ESC;
			continue;
		}
		if (c < 0x20)
			continue;
		if (s->len + 1 >= s->cap) {
			s->cap = s->cap ? s->cap * 2 : 65536;
			s->text = realloc(s->text, s->cap);
			if (s->text == NULL) {
				perror("ptytime");
				exit(2);
			}
		}
		s->text[s->len++] = (char)c;
		s->text[s->len] = '\0';
	}
}

/* The processor time (ms) of process pid so far, all its threads, up to
 * now (the clock of the process, which counts a running thread's time
 * to the moment: /proc's counts lag for a thread that is running), -1
 * when it cannot be read. */
static double cpu_ms(pid_t pid)
{
	clockid_t c;
	struct timespec ts;

	if (clock_getcpuclockid(pid, &c) != 0 || clock_gettime(c, &ts) != 0)
		return -1;
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void usage(void)
{
	fprintf(stderr, "usage: ptytime [-u] [-m SEQ] [-r ROWS] [-c COLS] "
			"[-t TIMEOUT_MS] TEXT COMMAND [ARG...]\n");
	exit(2);
}

/* SEQ with \e and \033 made the escape character (in place). */
static char *unescape(char *seq)
{
	char *r = seq, *w = seq;

	while (*r) {
		if (strncmp(r, "\\e", 2) == 0) {
			*w++ = 0x1b;
			r += 2;
		} else if (strncmp(r, "\\033", 4) == 0) {
			*w++ = 0x1b;
			r += 4;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return seq;
}

/* The bytes as they came, escape sequences kept. */
static void keep_raw(struct screen *s, const char *p, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		while (s->len + n + 1 > s->cap)
			s->cap = s->cap ? s->cap * 2 : 65536;
		s->text = realloc(s->text, s->cap);
		if (s->text == NULL) {
			perror("ptytime");
			exit(2);
		}
	}
	memcpy(s->text + s->len, p, n);
	s->len += n;
	s->text[s->len] = '\0';
}

int main(int argc, char **argv)
{
	struct winsize ws = {40, 160, 0, 0};
	long timeout = 20000;
	struct screen s = {0}, raw = {0};
	const char *want;
	char *mark = NULL;
	size_t searched = 0, msearched = 0, ml = 0;
	double t0;
	int opt, master, seen = 0, mseen = 0, want_cpu = 0;
	double cpu = -1, took = 0, mcpu = -1, mtook = 0;
	pid_t pid;

	while ((opt = getopt(argc, argv, "+um:r:c:t:")) != -1) {
		if (opt == 'u')
			want_cpu = 1;
		else if (opt == 'm')
			mark = unescape(optarg);
		else if (opt == 'r')
			ws.ws_row = (unsigned short)atoi(optarg);
		else if (opt == 'c')
			ws.ws_col = (unsigned short)atoi(optarg);
		else if (opt == 't')
			timeout = atol(optarg);
		else
			usage();
	}
	if (argc - optind < 2 || (mark && *mark == '\0'))
		usage();
	want = argv[optind];
	if (mark)
		ml = strlen(mark);
	else
		mseen = 1;
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 ||
	    ioctl(master, TIOCSWINSZ, &ws) != 0) {
		perror("ptytime: pseudo-terminal");
		return 2;
	}
	t0 = now_ms();
	pid = fork();
	if (pid < 0) {
		perror("ptytime: fork");
		return 2;
	}
	if (pid == 0) {
		int slave;

		setsid();
		slave = open(ptsname(master), O_RDWR);
		if (slave < 0)
			_exit(127);
		ioctl(slave, TIOCSCTTY, 0);
		dup2(slave, 0);
		dup2(slave, 1);
		dup2(slave, 2);
		if (slave > 2)
			close(slave);
		close(master);
		execvp(argv[optind + 1], argv + optind + 1);
		_exit(127);
	}
	while (!seen || !mseen) {
		char buf[65536];
		double left = (double)timeout - (now_ms() - t0);
		struct pollfd pf = {master, POLLIN, 0};
		ssize_t n;

		if (left <= 0 || poll(&pf, 1, (int)left + 1) <= 0)
			break;
		n = read(master, buf, sizeof buf);
		if (n <= 0 && errno != EINTR)
			break;
		if (n <= 0)
			continue;
		feed(&s, buf, (size_t)n);
		/* the text may straddle two reads */
		if (!seen && s.len && strstr(s.text + searched, want)) {
			seen = 1;
			took = now_ms() - t0;
			if (want_cpu)
				cpu = cpu_ms(pid);
		} else if (!seen && s.len > strlen(want)) {
			searched = s.len - strlen(want);
		}
		if (mseen)
			continue;
		keep_raw(&raw, buf, (size_t)n);
		if (memmem(raw.text + msearched, raw.len - msearched, mark,
			   ml) != NULL)
			mseen = 2; /* (once the text is seen too) */
		else if (raw.len > ml)
			msearched = raw.len - ml;
		if (mseen && seen) {
			mseen = 1;
			mtook = now_ms() - t0;
			if (want_cpu)
				mcpu = cpu_ms(pid);
		}
	}
	if (seen && mseen == 2) { /* the sequence came first */
		mtook = took;
		mcpu = cpu;
	}
	if (seen && mseen) {
		printf(want_cpu ? "%.1f %.2f" : "%.1f", took, cpu);
		if (mark)
			printf(want_cpu ? " %.1f %.2f" : " %.1f", mtook, mcpu);
		putchar('\n');
	} else if (!seen) {
		fprintf(stderr, "ptytime: \"%s\" not shown within %ld ms\n",
			want, timeout);
	} else {
		fprintf(stderr, "ptytime: the sequence of -m not shown within "
				"%ld ms\n", timeout);
	}
	kill(pid, SIGTERM);
	/* a program that ignores SIGTERM or waits for its terminal */
	close(master);
	usleep(20000);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	free(s.text);
	free(raw.text);
	return seen && mseen ? 0 : 1;
}
