/* main: hands over to the command-line module. */
#include "brief/cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
