"""Median wall time of each command given, timed in turn round after round (so that a slow spell
of a shared machine falls on all of them alike), after three warm-up rounds. Prints the medians in
seconds, in the order given. Used by benches/run.sh and benches/rollup.sh."""
import shlex, statistics, subprocess, sys, time

commands = [shlex.split(c) for c in sys.argv[1:]]
times = [[] for _ in commands]
for round in range(23):
    for i, command in enumerate(commands):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
        if round >= 3:  # warm-up rounds
            times[i].append(time.perf_counter() - start)
print(*(statistics.median(t) for t in times))
