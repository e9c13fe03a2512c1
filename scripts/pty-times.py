# python3 scripts/pty-times.py ROWS COLUMNS ROUNDS < commands.json
#
# For npm run bench (scripts/bench.ts): runs each command line of the JSON array on
# standard input, in turn, ROUNDS times, each on a pseudo-terminal of its own sized
# ROWS x COLUMNS (its standard input, output and error, and its controlling
# terminal, as a shell in a terminal gives them), with nothing in between: not
# script(1), not a shell. Prints a JSON array: for each command, its wall times in
# milliseconds, from the fork to the end of its output and its exit.
import fcntl
import json
import os
import pty
import struct
import sys
import termios
import time


def run(argv, rows, columns):
    start = time.perf_counter_ns()
    pid, terminal = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    # The output is read as it comes (a full terminal would stop the command), and
    # thrown away.
    while True:
        try:
            if not os.read(terminal, 65536):
                break
        except OSError:  # EIO: every writer has gone
            break
    _, status = os.waitpid(pid, 0)
    elapsed = (time.perf_counter_ns() - start) / 1e6
    os.close(terminal)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(argv)} exited {code} on a terminal")
    return elapsed


def main():
    rows, columns, rounds = (int(a) for a in sys.argv[1:4])
    commands = json.load(sys.stdin)
    times = [[] for _ in commands]
    for _ in range(rounds):
        for k, argv in enumerate(commands):
            times[k].append(run(argv, rows, columns))
    print(json.dumps(times))


main()
