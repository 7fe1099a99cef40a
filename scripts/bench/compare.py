#!/usr/bin/env python3
"""Issue 5 headless: `refract compare` with 3 instructions on one local model (the server has 4
slots, so the three stream at once) versus the same three requests as three `refract run`s one
after another. Median wall time of --runs rounds (interleaved), CPU from GNU time."""
import argparse, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from benchlib import *

INSTRUCTIONS = ["Summarise the input in one paragraph.", "List three questions the input raises.", "Rewrite the input for a child."]
INPUT = "Refract is a terminal workbench: one prompt, many instructions, answers side by side, every run saved and replayable."


def args(instructions):
    out = ["--model", f"local:{MODEL}", "--input", INPUT, "--max-tokens", "128", "--temperature", "0", "--seed", "1", "--no-save"]
    for i in instructions:
        out += ["--instruction", i]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    env = refract_env(tempfile.mkdtemp(prefix="refract-bench-cmp-", dir=OUT if os.path.isdir(OUT) else None))
    together, one_by_one, cpu_t, cpu_s = [], [], [], []
    with LocalServer():
        for _ in range(a.runs):
            wall, user, sys_, rss, out, rc = timed([REFRACT, "compare", *args(INSTRUCTIONS)], env=env)
            together.append(wall)
            cpu_t.append(user + sys_)
            walls, cpus = 0, 0
            for i in INSTRUCTIONS:
                w, u, s, r, o, rc = timed([REFRACT, "run", *args([i])], env=env)
                walls += w
                cpus += u + s
            one_by_one.append(walls)
            cpu_s.append(cpus)
    emit("compare.3x1", runs=a.runs, max_tokens=128, compare_wall_s_median=round(median(together), 2),
         sequential_runs_wall_s_median=round(median(one_by_one), 2), speedup=round(median(one_by_one) / median(together), 2),
         compare_cpu_s_median=round(median(cpu_t), 3), sequential_cpu_s_median=round(median(cpu_s), 3), load_1min=load())


if __name__ == "__main__":
    main()
