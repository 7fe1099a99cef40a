"""Shared helpers for the end-to-end benchmarks (Python 3 stdlib only).

Every script prints one JSON object per result on stdout ({"bench": name, ...}) and readable text on
stderr; scripts/bench/all collects the JSON into bench-out/results.jsonl and prints a summary.
"""
import json, os, re, statistics, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("REFRACT_BENCH_BUILD", os.path.join(ROOT, ".build", "release"))
REFRACT = os.environ.get("REFRACT_BIN", os.path.join(BUILD, "refract"))
BENCH = os.environ.get("REFRACT_BENCH_BIN", os.path.join(BUILD, "refract-bench"))
OUT = os.environ.get("REFRACT_BENCH_OUT", os.path.join(ROOT, "bench-out"))
MODEL = "smollm2-135m-instruct"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def emit(name, **fields):
    """One result: JSON on stdout, aligned text on stderr."""
    print(json.dumps({"bench": name, **fields}), flush=True)
    log(name)
    for k, v in fields.items():
        log(f"  {k:<28} {v}")


def load():
    """The 1-minute load average and the busiest other processes (for the report)."""
    with open("/proc/loadavg") as f:
        one = float(f.read().split()[0])
    return one


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def pct(xs, p):
    if not xs:
        return float("nan")
    s = sorted(xs)
    i = min(len(s) - 1, max(0, int(-(-p * len(s) // 100)) - 1))
    return s[i]


CLK_TCK = os.sysconf("SC_CLK_TCK")


def proc_cpu(pid):
    """utime + stime of a live process (and its reaped children) in seconds, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, IndexError):
        return float("nan")


def proc_rss_peak_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def timed(cmd, **kw):
    """Runs cmd under GNU time: (wall s, user s, sys s, max RSS MB, stdout bytes, returncode)."""
    fmt = "BENCHTIME %e %U %S %M"
    p = subprocess.run(["/usr/bin/time", "-f", fmt] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    m = re.search(rb"BENCHTIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", p.stderr)
    wall, user, sys_, rss = (float(m.group(1)), float(m.group(2)), float(m.group(3)), int(m.group(4)) / 1024) if m else (nan(),) * 4
    return wall, user, sys_, rss, p.stdout, p.returncode


def nan():
    return float("nan")


class LocalServer:
    """`refract local serve --until-stdin-closes`: keeps the llama.cpp server up for every run."""

    def __init__(self, model=MODEL, env=None):
        self.model = model
        self.env = env
        self.proc = None
        self.url = None

    def __enter__(self):
        self.proc = subprocess.Popen(
            [REFRACT, "local", "serve", "--model", self.model, "--until-stdin-closes"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=self.env,
        )
        line = self.proc.stdout.readline().decode()
        m = re.search(r"(http://\S+)", line)
        if not m:
            self.__exit__()
            raise RuntimeError(f"refract local serve printed {line!r}")
        self.url = m.group(1).rstrip("/")  # .../v1
        # Warm the model once (first request pays for the prompt cache and page faults).
        chat(self.url, "Say hi.", max_tokens=8)
        return self

    def __exit__(self, *exc):
        if self.proc:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
                self.proc.wait(timeout=10)


def chat(base, content, max_tokens=256):
    import urllib.request
    body = json.dumps({"model": MODEL, "messages": [{"role": "user", "content": content}], "max_tokens": max_tokens,
                       "temperature": 0, "seed": 1, "stream": False}).encode()
    req = urllib.request.Request(base + "/chat/completions", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def refract_env(home):
    """An environment whose config and sessions live under `home` (no user config is read)."""
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["XDG_STATE_HOME"] = os.path.join(home, "state")
    env["REFRACT_SESSIONS"] = os.path.join(home, "sessions")
    env["REFRACT_LOCAL_MODEL_DIR"] = os.path.join(ROOT, ".local-model")
    os.makedirs(env["REFRACT_SESSIONS"], exist_ok=True)
    return env
