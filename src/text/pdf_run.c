/* pdf_run: run a tool (pdftotext) in a child process with limits: fork
 * and exec, never a shell; its own process group; RLIMIT_AS and
 * RLIMIT_CPU set in the child; standard output and error read through
 * pipes with poll until a wall-clock deadline, when the whole group is
 * killed; the child always reaped. */
#include "pdf_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "brief/base/util.h"

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* In the child: the pipes in place, the limits set, then exec.  Only
 * async-signal-safe calls; on failure errno goes up the exec pipe. */
_Noreturn static void child(const char *tool, char *const argv[], int in_fd,
		  int out_fd, int err_fd, int exec_fd, unsigned timeout_s,
		  unsigned long mem_mb)
{
	struct rlimit as, cpu;
	struct sigaction dfl;
	sigset_t none;
	int err;

	setpgid(0, 0);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGPIPE, &dfl, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	as.rlim_cur = as.rlim_max = (rlim_t)mem_mb * 1024 * 1024;
	cpu.rlim_cur = timeout_s;
	cpu.rlim_max = (rlim_t)timeout_s + 1;
	if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0 ||
	    setrlimit(RLIMIT_AS, &as) != 0 || setrlimit(RLIMIT_CPU, &cpu) != 0)
		goto fail;
#ifdef CLOSE_RANGE_CLOEXEC
	/* the tool gets none of brief's other files (a notes lock, the
	 * terminal) */
	close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
#endif
	if (strchr(tool, '/'))
		execv(tool, argv);
	else
		execvp(tool, argv);
fail:
	err = errno;
	if (write(exec_fd, &err, sizeof err) < 0)
		_exit(126);
	_exit(127);
}

/* Read what fd has into b (at most cap bytes kept); 0 at end of file. */
static int drain(int fd, struct buf *b, size_t cap, int *over)
{
	char chunk[65536];
	ssize_t n = read(fd, chunk, sizeof chunk);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : 0;
	if (n == 0)
		return 0;
	if (b->len + (size_t)n > cap) {
		*over = 1;
		n = (ssize_t)(cap - b->len);
	}
	buf_add(b, chunk, (size_t)n);
	return 1;
}

/* Wait for the child until the deadline; kill its group then. */
static void reap(pid_t pid, long long deadline, struct pdf_run *r)
{
	struct timespec tick = {0, 5 * 1000 * 1000};

	while (!r->timed_out && !r->too_big) {
		pid_t w = waitpid(pid, &r->status, WNOHANG);

		if (w == pid || (w < 0 && errno != EINTR))
			return;
		if (now_ms() >= deadline)
			r->timed_out = 1;
		else
			nanosleep(&tick, NULL);
	}
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR)
		;
}

/* The parent's side: both pipes read until they close or the deadline. */
static void collect(pid_t pid, int out_fd, int err_fd, long long deadline,
		    size_t cap, struct pdf_run *r)
{
	struct buf out = {0}, err = {0};
	struct pollfd p[2];
	int open_out = 1, open_err = 1, over_err = 0;

	while ((open_out || open_err) && !r->too_big) {
		long long left = deadline - now_ms();
		int n;

		if (left <= 0) {
			r->timed_out = 1;
			break;
		}
		p[0].fd = open_out ? out_fd : -1;
		p[1].fd = open_err ? err_fd : -1;
		p[0].events = p[1].events = POLLIN;
		n = poll(p, 2, left > 1000 ? 1000 : (int)left);
		if (n < 0 && errno != EINTR)
			break;
		if (n <= 0)
			continue;
		if (open_out && (p[0].revents & (POLLIN | POLLHUP | POLLERR)))
			open_out = drain(out_fd, &out, cap, &r->too_big);
		if (open_err && (p[1].revents & (POLLIN | POLLHUP | POLLERR)))
			open_err = drain(err_fd, &err, sizeof r->err - 1,
					 &over_err);
	}
	reap(pid, deadline, r);
	buf_addc(&out, '\0');
	r->outlen = out.len - 1;
	r->out = buf_take(&out);
	if (err.len)
		memcpy(r->err, err.data, err.len);
	r->err[err.len] = '\0';
	buf_free(&err);
}

int pdf_run_tool(const char *tool, char *const argv[], int in_fd,
		 unsigned timeout_s, unsigned long mem_mb, size_t cap,
		 struct pdf_run *r, struct err *e)
{
	int out[2], err[2], ex[2], code = 0;
	long long deadline;
	ssize_t n;
	pid_t pid;

	memset(r, 0, sizeof *r);
	if (pipe2(out, O_CLOEXEC) != 0)
		goto no_pipe;
	if (pipe2(err, O_CLOEXEC) != 0) {
		close(out[0]);
		close(out[1]);
		goto no_pipe;
	}
	if (pipe2(ex, O_CLOEXEC) != 0) {
		close(out[0]);
		close(out[1]);
		close(err[0]);
		close(err[1]);
		goto no_pipe;
	}
	deadline = now_ms() + (long long)timeout_s * 1000;
	pid = fork();
	if (pid == 0)
		child(tool, argv, in_fd, out[1], err[1], ex[1], timeout_s,
		      mem_mb);
	close(out[1]);
	close(err[1]);
	close(ex[1]);
	if (pid < 0) {
		err_set(e, "cannot start %s: %s", tool, strerror(errno));
		close(out[0]);
		close(err[0]);
		close(ex[0]);
		return -1;
	}
	/* the exec pipe closes on a good exec; else it carries errno */
	while ((n = read(ex[0], &code, sizeof code)) < 0 && errno == EINTR)
		;
	close(ex[0]);
	if (n == (ssize_t)sizeof code) {
		while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR)
			;
		close(out[0]);
		close(err[0]);
		r->exec_errno = code;
		err_set(e, "cannot run %s: %s", tool, strerror(code));
		return -1;
	}
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	fcntl(err[0], F_SETFL, O_NONBLOCK);
	collect(pid, out[0], err[0], deadline, cap, r);
	close(out[0]);
	close(err[0]);
	return 0;
no_pipe:
	err_set(e, "cannot start %s: %s", tool, strerror(errno));
	return -1;
}
