# The command line: help of every command and flag, usage, and argument errors.
