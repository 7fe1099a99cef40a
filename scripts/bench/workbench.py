#!/usr/bin/env python3
"""Issues 3 and 5 end to end: the release workbench in a pseudo-terminal.

  first-frame  launch to first complete frame (REFRACT_FIRST_FRAME_FILE), median of --runs
  stream       the local model streams into 1 (or --columns 8) panes (--probabilities: in the probability view): Refract's CPU (from /proc) per
               run, the model's tok/s under the workbench, then a second run during which keys are
               typed and timed until their echo appears in the pty output (p50/p99)
  replay       a recorded --tokens run replayed instantly from the session browser: CPU and time
  open         the session browser on a big session folder: list, then open (to first screen)
  prompt-file  issue 10: first frame of a prompt file with 50 variants and 200 examples (vs the empty scratch
               workspace), then key → screen while typing with autosave on (it writes every ~0.5 s) and off
"""
import re, argparse, glob, json, os, random, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from benchlib import *
from ptylib import Workbench

MARK = "¤"  # typed into the prompt editor: a character the model does not write


def home():
    os.makedirs(OUT, exist_ok=True)
    return tempfile.mkdtemp(prefix="refract-bench-wb-", dir=OUT)


def first_frame(a):
    env = refract_env(home())
    times, rss = [], []
    loads = [load()]
    for _ in range(a.runs):
        wb = Workbench(env, 120, 40)
        times.append(wb.first_frame_ms())
        time.sleep(0.3)
        rss.append(wb.rss_peak_mb())
        wb.quit()
    loads.append(load())
    emit("workbench.first_frame", runs=a.runs, ms_median=round(median(times), 1), ms_p90=round(pct(times, 90), 1),
         ms_min=round(min(times), 1), idle_peak_rss_mb=round(median(rss), 1), load_1min=f"{min(loads):.2f}-{max(loads):.2f}")


def finished_count(folder):
    n = 0
    for path in glob.glob(os.path.join(folder, "*.jsonl")):
        with open(path) as f:
            n += sum(1 for l in f if '"type":"finished"' in l or '"type":"failed"' in l)
    return n


def run_figures(folder, last):
    """(output tokens, tok/s, params) of the newest `last` runs from the session files."""
    events = []
    for path in glob.glob(os.path.join(folder, "*.jsonl")):
        with open(path) as f:
            events += [json.loads(l) for l in f if l.strip()]
    fins = [e for e in events if e.get("type") == "finished"][-last:]
    runs = {e["run"] for e in fins}
    outs = {e["run"]: e["usage"].get("output") or 0 for e in events if e.get("type") == "usage" and e["run"] in runs}
    params = [e["params"] for e in events if e.get("type") == "run_started" and e["run"] in runs]
    tps = [outs.get(e["run"], 0) / ((e["total_ms"] - e["ttft_ms"]) / 1000) for e in fins if e["total_ms"] > e["ttft_ms"]]
    return sum(outs.values()), median(tps), params[:1]


def wait_runs(wb, sessions, count, timeout=float(os.environ.get("BENCH_RUN_TIMEOUT", 300))):
    end = time.time() + timeout
    while finished_count(sessions) < count:
        if time.time() > end:
            dump = os.path.join(OUT, "screen-dump.raw")
            with open(dump, "wb") as f:
                f.write(bytes(wb.data))
            wb.quit()
            raise RuntimeError(f"the runs did not finish; the terminal output is in {dump} (cat it in a terminal of the same size)")
        time.sleep(0.01)


def set_parameters(wb, max_tokens):
    """Ctrl-P, Tab to the parameters: temperature 0, max tokens, seed 1; Esc applies them."""
    for k in ["C-p", "Tab", "Enter", "0", "Enter", "Down", "Enter", str(max_tokens), "Enter", "Down", "Down", "Enter", "1", "Enter", "Esc"]:
        wb.send(k)
        time.sleep(0.3 if k == "Esc" else 0.1)  # a lone Esc must outlast ESCDELAY


def stream(a):
    env = refract_env(home())
    sessions = env["REFRACT_SESSIONS"]
    cols = a.columns
    with LocalServer():
        wb = Workbench(env, a.width or (200 if cols > 1 else 120), a.height, args=["--model", f"local:{MODEL}"])
        wb.first_frame_ms()
        time.sleep(0.5)
        log("workbench up; setting parameters")
        set_parameters(wb, a.max_tokens)
        if a.probabilities:
            wb.send("M-5")
            wb.send("p")
            time.sleep(0.1)
        wb.send("M-2")
        for ch in "Write a long story about a lighthouse keeper who finds a map.":
            wb.send(ch)
        for _ in range(cols - 1):
            wb.send("M-d")
            time.sleep(0.02)
        time.sleep(0.3)

        def start():
            if cols > 1:
                wb.send("Esc")
                time.sleep(0.1)
                wb.send("C-g")
                time.sleep(0.3)
            wb.send("C-r")

        # Run 1: nothing typed; Refract's CPU while the model streams.
        done = finished_count(sessions)
        wb.wait_quiet(0.5)
        idle0, t_idle = wb.cpu(), time.perf_counter()
        time.sleep(1.0)
        idle_cpu_per_s = (wb.cpu() - idle0) / (time.perf_counter() - t_idle)
        perf = None
        if os.environ.get("BENCH_PERF"):  # a profile of run 1: BENCH_PERF=out.data
            perf = subprocess.Popen(["perf", "record", "-F", "1999", "-g", "-o", os.environ["BENCH_PERF"], "-p", str(wb.proc.pid)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)
        log("run 1 (nothing typed)")
        c0, t0 = wb.cpu(), time.perf_counter()
        start()
        wait_runs(wb, sessions, done + cols)
        cpu, wall = wb.cpu() - c0, time.perf_counter() - t0
        if perf:
            perf.send_signal(2)
            perf.wait()
        tokens, tps, params = run_figures(sessions, cols)

        log(f"run 1: {tokens} tokens, {cpu:.3f} s CPU; run 2 (keys typed)")
        # Run 2: keys typed while it streams.
        done = finished_count(sessions)
        if cols == 1:
            wb.send("M-3")  # the input editor: each key inserts one MARK
        start()
        time.sleep(1.0 if cols == 1 else 3.0)  # streaming has begun
        lat = []
        # ncurses rewrites only the cells that change: after the first notice, "columns scroll " stays on screen and
        # only the last word is written, right after a cursor move (or after the unchanged prefix the first time).
        toggle = [re.compile(rb"(scroll |\x1b\[[0-9;]*[A-Za-z])" + word) for word in (b"alone", b"together")]
        n = 0
        while finished_count(sessions) < done + cols and n < a.keys:
            since = wb.mark()
            sent = time.perf_counter()
            if cols == 1:
                wb.send(MARK)
                got = wb.wait_for(MARK, since, timeout=2)
            else:
                wb.send("s")
                got = wb.wait_for(toggle[n % 2], since, timeout=2)
            if got is not None:
                lat.append((got - sent) * 1000)
            n += 1
            time.sleep(random.uniform(0.04, 0.12))
        streaming_keys = len(lat)
        wait_runs(wb, sessions, done + cols)
        rss = wb.rss_peak_mb()
        wb.quit()
    name = ("workbench.stream.single" if cols == 1 else f"workbench.stream.{cols}_columns") + (".probabilities" if a.probabilities else "")
    emit(name, columns=cols, max_tokens=a.max_tokens, params=params, output_tokens=tokens,
         refract_cpu_s=round(cpu, 3), wall_s=round(wall, 2), cpu_pct_of_one_core=round(100 * cpu / wall, 1),
         idle_cpu_pct=round(100 * idle_cpu_per_s, 2),
         refract_cpu_ms_per_token=round(1000 * cpu / max(1, tokens), 3), model_tok_s_under_workbench=round(tps, 1),
         keys_timed=streaming_keys, key_to_screen_ms_p50=round(median(lat), 2), key_to_screen_ms_p99=round(pct(lat, 99), 2),
         key_to_screen_ms_max=round(max(lat), 2) if lat else nan(),
         key_to_screen_ms_slowest=[round(x, 2) for x in sorted(lat)[-5:]], peak_rss_mb=round(rss, 1), load_1min=load())


def replay(a):
    h = home()
    env = refract_env(h)
    subprocess.run([BENCH, "session-gen-run", "--dir", env["REFRACT_SESSIONS"], "--tokens", str(a.tokens)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wb = Workbench(env, 120, 40)
    wb.first_frame_ms()
    wb.wait_quiet(0.5)
    since = wb.mark()
    wb.send("C-o")
    wb.wait_for(f"bench: {a.tokens} tokens", since)
    wb.send("Enter")
    wb.wait_quiet(0.5)
    c0, t0 = wb.cpu(), time.perf_counter()
    wb.send("p")
    time.sleep(0.05)
    wb.send("i")
    last = wb.wait_quiet(0.5, timeout=120)
    cpu = wb.cpu() - c0
    rss = wb.rss_peak_mb()
    wb.quit()
    emit("workbench.replay_instant", tokens=a.tokens, refract_cpu_s=round(cpu, 3), until_screen_settled_s=round(last - t0, 3),
         peak_rss_mb=round(rss, 1), load_1min=load())


def open_browser(a):
    """C-o lists the folder (scans each session), Enter opens one: time to each first screen."""
    env = refract_env(home())
    env["REFRACT_SESSIONS"] = os.path.abspath(a.dir)
    rows = []
    for _ in range(a.runs):
        wb = Workbench(env, 120, 40)
        wb.first_frame_ms()
        wb.wait_quiet(0.5)
        since = wb.mark()
        t0 = time.perf_counter()
        wb.send("C-o")
        listed = wb.wait_for("10000 runs", since, timeout=30)
        wb.wait_quiet(0.3)
        since = wb.mark()
        t1 = time.perf_counter()
        wb.send("Enter")
        opened = wb.wait_for("10000", since, timeout=30)
        settled = wb.wait_quiet(0.3)
        rss = wb.rss_peak_mb()
        wb.quit()
        rows.append(((listed - t0) * 1000 if listed else nan(), (settled - t1) * 1000 if settled else nan(), rss))
    emit("workbench.open_session", runs=a.runs, list_ms_median=round(median([r[0] for r in rows]), 1),
         open_ms_median=round(median([r[1] for r in rows]), 1), list_plus_open_ms_median=round(median([r[0] + r[1] for r in rows]), 1),
         peak_rss_mb=round(median([r[2] for r in rows]), 1), load_1min=load())


def big_prompt_file(path, variants=50, examples=200):
    """A prompt file as a long-running project grows one: many variants, many few-shot pairs, multi-line texts."""
    def block(text):
        return '"""\n' + text + '\\\n"""'
    out = ['format = 1', 'title = "benchmark"', 'models = ["local:smollm2-135m-instruct"]',
           'system = ' + block("You are a careful assistant.\nAnswer in one line."), 'input = "{{text}}"', "",
           "[variables]", 'text = "The kettle leaks when it boils."']
    for i in range(variants):
        out += ["", "[[instructions]]", f'name = "variant {i + 1}"',
                "text = " + block(f"Variant {i + 1}: classify the text.\nUse one word.\nBe consistent with the examples.")]
    for i in range(examples):
        out += ["", "[[examples]]", f'input = "Example input number {i + 1}, a sentence of ordinary length."',
                f'output = "label-{i % 3}"']
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def prompt_file(a):
    folder = home()
    env = refract_env(folder)
    path = os.path.join(folder, "big.refract.toml")
    big_prompt_file(path)
    size_kb = os.path.getsize(path) / 1024
    figures = {}
    for name, args in (("scratch", []), ("big_file", [path])):
        times = []
        for _ in range(a.runs):
            wb = Workbench(env, 120, 40, args=args)
            times.append(wb.first_frame_ms())
            time.sleep(0.2)
            wb.quit()
        figures[name] = times
    emit("prompt_file.first_frame", variants=50, examples=200, file_kb=round(size_kb, 1), runs=a.runs,
         big_ms_median=round(median(figures["big_file"]), 1), big_ms_p90=round(pct(figures["big_file"], 90), 1),
         scratch_ms_median=round(median(figures["scratch"]), 1), load_1min=load())

    # Typing into the big file: each key's echo timed; autosave rewrites the whole file every ~0.5 s while typing.
    results = {}
    for label, delay in (("autosave_off", "1000000"), ("autosave_on", "0.5")):
        wb = Workbench(dict(env, REFRACT_AUTOSAVE_DELAY=delay), 120, 40, args=[path])
        wb.first_frame_ms()
        time.sleep(0.5)
        wb.send("M-3")
        time.sleep(0.2)
        saves, last_mtime = 0, os.stat(path).st_mtime_ns
        lat = []
        c0 = wb.cpu()
        for _ in range(a.keys):
            since = wb.mark()
            sent = time.perf_counter()
            wb.send(MARK)
            got = wb.wait_for(MARK, since, timeout=2)
            if got is not None:
                lat.append((got - sent) * 1000)
            m = os.stat(path).st_mtime_ns
            if m != last_mtime:
                saves, last_mtime = saves + 1, m
            time.sleep(random.uniform(0.04, 0.12))
        cpu = wb.cpu() - c0
        wb.quit()
        results[label] = dict(keys=len(lat), p50=round(median(lat), 2), p99=round(pct(lat, 99), 2), max=round(max(lat), 2),
                              saves_seen=saves, cpu_s=round(cpu, 3))
    emit("prompt_file.typing_with_autosave", file_kb=round(size_kb, 1), **{f"{k}_{f}": v for k, r in results.items() for f, v in r.items()},
         load_1min=load())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario", choices=["first-frame", "stream", "replay", "open", "prompt-file"])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--columns", type=int, default=1)
    ap.add_argument("--max-tokens", type=int, default=256)
    ap.add_argument("--keys", type=int, default=60)
    ap.add_argument("--tokens", type=int, default=20000)
    ap.add_argument("--width", type=int, default=0)
    ap.add_argument("--height", type=int, default=40)
    ap.add_argument("--probabilities", action="store_true", help="stream: with the probability view on (Alt-5 p): 5 alternatives per token")
    ap.add_argument("--dir", default=os.path.join(OUT, "sessions-100mb"))
    a = ap.parse_args()
    {"first-frame": first_frame, "stream": stream, "replay": replay, "open": open_browser, "prompt-file": prompt_file}[a.scenario](a)


if __name__ == "__main__":
    main()
