/* cli: command-line arguments, batch modes and exit codes. */
#ifndef BRIEF_CLI_H
#define BRIEF_CLI_H

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_BAD_INPUT = 2 };

/* Run brief with argv; returns the exit status. */
int cli_main(int argc, char **argv);

#endif
