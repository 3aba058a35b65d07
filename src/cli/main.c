/* main: reads what the environment says about the process, then hands
 * over to the command-line module. */
#include <stdlib.h>

#include "brief/base/rx.h"
#include "brief/cli/cli.h"

int main(int argc, char **argv)
{
	/* BRIEF_NO_JIT: for valgrind, which cannot follow JIT code */
	rx_use_jit(getenv("BRIEF_NO_JIT") == NULL);
	return cli_main(argc, argv);
}
