#!/usr/bin/env python3
"""Issue 2: `refract run` against the local model versus `curl -N` with the same request body.

For each of --runs rounds (curl and refract interleaved, so load drifts hit both alike):
  time to first token as the caller sees it (first answer byte on stdout for refract, first SSE
  chunk with content for curl), total wall time, CPU (user+sys, from wait4) and peak RSS (GNU time).
  --baseline OLD/refract measures an older build in the same rounds.
Plus request->first token measured inside refract (the session file's ttft_ms), so process
start-up is separated from the streaming path, and the session bytes written per output token.

The request body curl sends is the one refract sends, captured once through a recording endpoint.
"""
import argparse, glob, re, http.server, json, os, select, subprocess, sys, tempfile, threading, time
sys.path.insert(0, os.path.dirname(__file__))
from benchlib import *

INSTRUCTION = "Write a long story about a lighthouse keeper who finds a map."
INPUT = "Use at least ten paragraphs."


def capture_body(home):
    """Runs refract once against a recording endpoint and returns the JSON body it sent."""
    got = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            got["path"] = self.path
            got["body"] = self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            self.wfile.write(b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n')

        def log_message(self, *a):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    cfg = os.path.join(home, "config", "refract")
    os.makedirs(cfg, exist_ok=True)
    with open(os.path.join(cfg, "config.toml"), "w") as f:
        f.write(f'[providers.capture]\nprotocol = "openai-chat"\nbase_url = "http://127.0.0.1:{server.server_port}/v1"\n'
                f'models = ["{MODEL}"]\n')
    env = refract_env(home)
    subprocess.run([REFRACT, "run", "--model", f"capture:{MODEL}", *request_args(), "--no-save"], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    server.shutdown()
    os.remove(os.path.join(cfg, "config.toml"))
    return got["body"]


LOGPROBS = []  # ["--logprobs", "K"] with --logprobs K: both sides ask for token probabilities


def request_args():
    return ["--instruction", INSTRUCTION, "--input", INPUT, "--max-tokens", "256", "--temperature", "0", "--seed", "1", *LOGPROBS]


def stream(cmd, env, first_marker):
    """Runs cmd under GNU time, reading stdout as it arrives. first_marker(bytes so far) says when the first
    token is in. Returns (ttft s, total s, user, sys, rss MB, stdout, stderr). CPU comes from wait4 on the
    time process, which includes the command it waited for (microseconds; GNU time prints hundredths of a
    second, too coarse for curl's 10-20 ms; time's own share is under 1 ms); peak RSS from GNU time's %M
    (wait4's maxrss would count the forked Python before exec)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-f", "BENCHTIME %M"] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = b""
    ttft = None
    fd = p.stdout.fileno()
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        out += chunk
        if ttft is None and first_marker(out):
            ttft = time.perf_counter() - t0
    err = p.stderr.read()
    _, _, usage = os.wait4(p.pid, 0)
    p.returncode = 0
    total = time.perf_counter() - t0
    m = re.search(rb"BENCHTIME (\d+)", err)
    rss = int(m.group(1)) / 1024 if m else nan()
    return ttft, total, usage.ru_utime, usage.ru_stime, rss, out, err


def curl_has_content(out):
    for line in out.split(b"\n"):
        if line.startswith(b"data: {") and b'"content":"' in line:
            return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--logprobs", type=int, default=None, help="ask for K alternatives per token (refract --logprobs K; curl the same body)")
    ap.add_argument("--baseline", help="another refract binary (an older build) measured in the same rounds, as refract_baseline")
    ap.add_argument("--paced", type=float, help="tokens per second: stream a fixed answer from paced_server.py instead of the model")
    a = ap.parse_args()
    if a.logprobs is not None:
        LOGPROBS.extend(["--logprobs", str(a.logprobs)])
    suffix = "" if a.logprobs is None else f".logprobs{a.logprobs}"
    home = tempfile.mkdtemp(prefix="refract-bench-run-", dir=OUT if os.path.isdir(OUT) else None)
    env = refract_env(home)
    body = capture_body(home)
    body_file = os.path.join(home, "body.json")
    with open(body_file, "wb") as f:
        f.write(body)
    log("request body:", body.decode())
    from paced_server import PacedServer
    model = f"local:{MODEL}"
    with (PacedServer(rate=a.paced) if a.paced else LocalServer()) as server:
        if a.paced:
            cfg = os.path.join(home, "config", "refract")
            with open(os.path.join(cfg, "config.toml"), "w") as f:
                f.write(f'[providers.paced]\nprotocol = "openai-chat"\nbase_url = "{server.url}"\nmodels = ["{MODEL}"]\n')
            model = f"paced:{MODEL}"
        url = server.url + "/chat/completions"
        curl = ["curl", "-sN", "-X", "POST", url, "-H", "Content-Type: application/json", "--data-binary", "@" + body_file]
        binaries = {"refract": REFRACT}
        if a.baseline:
            binaries["refract_baseline"] = a.baseline
        rows = {"curl": [], **{name: [] for name in binaries}}
        loads = [load()]
        for i in range(a.runs):
            for name in rows:
                if name == "curl":
                    ttft, total, user, sys_, rss, out, err = stream(curl, env, curl_has_content)
                    tokens = sum(1 for l in out.split(b"\n") if b'"content":"' in l and l.startswith(b"data: {"))
                    inproc = nan()
                    tps = nan()
                    for l in out.split(b"\n"):
                        if b'"timings"' in l:
                            try:
                                tps = json.loads(l[6:])["timings"]["predicted_per_second"]
                            except Exception:
                                pass
                else:
                    ref = [binaries[name], "run", "--model", model, *request_args()]
                    ttft, total, user, sys_, rss, out, err = stream(ref, env, lambda o: len(o) > 0)
                    inproc, tokens, tps = session_figures(env["REFRACT_SESSIONS"])
                rows[name].append(dict(ttft=ttft, total=total, cpu=user + sys_, user=user, sys=sys_, rss=rss, tokens=tokens,
                                       inproc_ttft=inproc, tok_s=tps))
            loads.append(load())
        bpt = session_bytes_per_token(env["REFRACT_SESSIONS"])
    for name, rs in rows.items():
        emit(f"run_vs_curl.{name}{suffix}", runs=len(rs),
             ttft_ms_median=round(median([r["ttft"] * 1000 for r in rs]), 1),
             total_ms_median=round(median([r["total"] * 1000 for r in rs]), 1),
             cpu_ms_median=round(median([r["cpu"] * 1000 for r in rs]), 1),
             user_ms_median=round(median([r["user"] * 1000 for r in rs]), 1),
             sys_ms_median=round(median([r["sys"] * 1000 for r in rs]), 1),
             peak_rss_mb_median=round(median([r["rss"] for r in rs]), 1),
             tokens_median=median([r["tokens"] for r in rs]),
             inprocess_request_to_first_token_ms_median=round(median([r["inproc_ttft"] for r in rs]), 1),
             model_tok_s_median=round(median([r["tok_s"] for r in rs]), 1),
             load_1min=f"{min(loads):.2f}-{max(loads):.2f}")
    c, r = rows["curl"], rows["refract"]
    emit(f"run_vs_curl.delta{suffix}", ttft_added_ms_median=round(median([x["ttft"] for x in r]) * 1000 - median([x["ttft"] for x in c]) * 1000, 1),
         ttft_added_inside_process_ms=round(median([x["inproc_ttft"] for x in r]) - median([x["ttft"] for x in c]) * 1000, 1),
         cpu_ratio=round(median([x["cpu"] for x in r]) / max(1e-9, median([x["cpu"] for x in c])), 2),
         session_file_bytes_per_output_token=bpt)


def session_events(folder):
    files = sorted(glob.glob(os.path.join(folder, "*.jsonl")), key=os.path.getmtime)
    if not files:
        return []
    with open(files[-1]) as f:
        return [json.loads(l) for l in f if l.strip()]


def session_figures(folder):
    """ttft_ms, output tokens and tok/s of the newest run in the newest session file."""
    events = session_events(folder)
    fin = [e for e in events if e.get("type") == "finished"]
    use = [e for e in events if e.get("type") == "usage"]
    if not fin:
        return nan(), nan(), nan()
    f = fin[-1]
    out = (use[-1]["usage"].get("output") if use else None) or nan()
    span = (f["total_ms"] - f["ttft_ms"]) / 1000
    return f["ttft_ms"], out, (out / span if span > 0 else nan())


def session_bytes_per_token(folder):
    total_bytes = 0
    tokens = 0
    for path in glob.glob(os.path.join(folder, "*.jsonl")):
        with open(path, "rb") as f:
            for line in f:
                e = json.loads(line)
                if e.get("type") in ("session",):
                    continue
                total_bytes += len(line)
                if e.get("type") == "usage":
                    tokens += e["usage"].get("output") or 0
    return round(total_bytes / tokens, 2) if tokens else nan()


if __name__ == "__main__":
    main()
