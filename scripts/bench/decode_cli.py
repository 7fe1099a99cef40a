#!/usr/bin/env python3
"""Issue 2: `refract decode --protocol NAME FILE` on the generated ~10 MB bodies (whole CLI:
start-up, read, decode, printing every part as JSON to /dev/null). Median of --runs."""
import argparse, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from benchlib import *


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    d = os.path.join(OUT, "bodies")
    subprocess.run([BENCH, "decode", "--reps", "1", "--write", d], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for name in ["openai-chat", "anthropic", "ollama", "gemini"]:
        path = os.path.join(d, f"{name}.body")
        size = os.path.getsize(path) / 1048576
        walls, cpus, rss = [], [], []
        for _ in range(a.runs):
            wall, user, sys_, r, out, rc = timed([REFRACT, "decode", "--protocol", name, path])
            walls.append(wall)
            cpus.append(user + sys_)
            rss.append(r)
            parts = out.count(b"\n") - 1
        emit(f"decode_cli.{name}", body_mb=round(size, 2), parts=parts, wall_s_median=median(walls), cpu_s_median=median(cpus),
             mb_per_s=round(size / median(walls), 1), parts_per_s=round(parts / median(walls)), peak_rss_mb=round(median(rss), 1),
             load_1min=load())


if __name__ == "__main__":
    main()
