/* The fatal path: the terminal hook runs once, before the message;
 * "brief: MESSAGE" on stderr; exit status 1; running out of memory takes
 * it.  Each case runs in a child process, its stderr read from a pipe. */
#include "testlib.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "brief/base/fatal.h"

/* In the child: the hook writes a mark on stderr, so that the order of
 * hook and message shows in what the parent reads. */
static int hook_calls;

static void hook(void)
{
	hook_calls++;
	fputs("[restored]", stderr);
}

/* A hook that fails fatally itself: fatal must not call it again. */
static void hook_recursing(void)
{
	hook_calls++;
	fputs("[restored]", stderr);
	fatal("inner %d", hook_calls);
}

/* Run fn in a child with stderr on a pipe; its output into out, its
 * exit status into *status (-1 when it did not exit normally). */
static void run_child(void (*fn)(void), char *out, size_t outsz, int *status)
{
	int fds[2], ws;
	size_t n = 0;
	ssize_t r;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 2);
		fn();
		_exit(42); /* fatal did not stop the process */
	}
	close(fds[1]);
	while (n + 1 < outsz && (r = read(fds[0], out + n, outsz - 1 - n)) > 0)
		n += (size_t)r;
	out[n] = '\0';
	close(fds[0]);
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
}

static void child_plain(void)
{
	fatal("cannot go on: %s %d", "reason", 7);
}

static void child_hooked(void)
{
	fatal_set_hook(hook);
	fatal("stopped");
}

static void child_recursing(void)
{
	fatal_set_hook(hook_recursing);
	fatal("outer");
}

static void child_control(void)
{
	fatal("name\033[2Jhere");
}

static void child_oom(void)
{
	size_t cap = 0;

	fatal_set_hook(hook);
	/* more than can ever be had: xgrow gives up before asking malloc */
	(void)xgrow(NULL, &cap, SIZE_MAX, 16);
}

static void test_message_and_status(void **state)
{
	char out[512];
	int st;

	(void)state;
	run_child(child_plain, out, sizeof out, &st);
	assert_int_equal(st, 1);
	assert_string_equal(out, "brief: cannot go on: reason 7\n");
}

static void test_hook_first(void **state)
{
	char out[512];
	int st;

	(void)state;
	run_child(child_hooked, out, sizeof out, &st);
	assert_int_equal(st, 1);
	assert_string_equal(out, "[restored]brief: stopped\n");
}

static void test_hook_once(void **state)
{
	char out[512];
	int st;

	(void)state;
	run_child(child_recursing, out, sizeof out, &st);
	assert_int_equal(st, 1);
	/* the hook ran once; its own fatal call said why and stopped */
	assert_string_equal(out, "[restored]brief: inner 1\n");
}

static void test_control_visible(void **state)
{
	char out[512];
	int st;

	(void)state;
	run_child(child_control, out, sizeof out, &st);
	assert_int_equal(st, 1);
	assert_string_equal(out, "brief: name^[[2Jhere\n");
}

static void test_oom(void **state)
{
	char out[512];
	int st;

	(void)state;
	run_child(child_oom, out, sizeof out, &st);
	assert_int_equal(st, 1);
	assert_non_null(strstr(out, "[restored]brief: out of memory ("));
	assert_int_equal(out[strlen(out) - 1], '\n');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_message_and_status),
		cmocka_unit_test(test_hook_first),
		cmocka_unit_test(test_hook_once),
		cmocka_unit_test(test_control_visible),
		cmocka_unit_test(test_oom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
