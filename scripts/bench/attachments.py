#!/usr/bin/env python3
"""Issue 13: attachments, end to end with the release binary and an instant in-process model server.

  folder    a 5 MB folder of text files attached to a prompt file:
              prompt --show   wall time of `refract prompt FILE --show --no-tokens` (vs the same file without it)
              run             `refract run FILE` launch → the request's arrival at the server (vs without)
              workbench       launch → first frame (REFRACT_FIRST_FRAME_FILE), and launch → the request when
                              Ctrl-R is pressed from the first frame on (a run waits while files are read)
  session   the session bytes of a run with a 1 MB image attached (hash, not bytes) vs without it
Timings are medians of --runs; the server answers at once, so the times are Refract's own.
"""
import argparse, glob, http.server, json, os, random, subprocess, sys, tempfile, threading, time
sys.path.insert(0, os.path.dirname(__file__))
from benchlib import *
from ptylib import Workbench

ARRIVALS = []


class Echo(http.server.BaseHTTPRequestHandler):
    """An instant OpenAI-chat model: notes when each request arrived, answers 'ok' as a stream."""
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        ARRIVALS.append(time.time_ns())
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = (b'data: {"choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":null}]}\n\n'
                b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}}\n\n'
                b"data: [DONE]\n\n")
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def setup(port):
    home = tempfile.mkdtemp(prefix="refract-bench-attach-", dir=(os.makedirs(OUT, exist_ok=True) or OUT))
    env = refract_env(home)
    os.makedirs(os.path.join(home, "config", "refract"))
    with open(os.path.join(home, "config", "refract", "config.toml"), "w") as f:
        f.write(f'[providers.echo]\nprotocol = "openai-chat"\nbase_url = "http://127.0.0.1:{port}/v1"\n')
    # 100 files of ~50 KB of words: 5 MB of text.
    words = "the quick brown fox jumps over a lazy dog while refract measures every token it sends".split()
    rng = random.Random(13)
    os.makedirs(os.path.join(home, "docs"))
    total = 0
    for i in range(100):
        text = " ".join(rng.choice(words) for _ in range(9000)) + "\n"
        with open(os.path.join(home, "docs", f"doc{i:03}.md"), "w") as f:
            f.write(text)
        total += len(text.encode())
    base = 'format = 1\nmodels = ["echo:m"]\nsystem = ""\ninput = "Summarise."\n\n[[instructions]]\nname = "a"\ntext = "Read the docs."\n'
    with open(os.path.join(home, "plain.refract.toml"), "w") as f:
        f.write(base)
    with open(os.path.join(home, "docs.refract.toml"), "w") as f:
        f.write(base + '\n[[attachments]]\npath = "docs"\n')
    return home, env, total


def wall(cmd, env, cwd):
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise SystemExit(f"{cmd}: {r.stderr.decode()}")
    return (time.perf_counter() - t) * 1000


def to_request(cmd, env, cwd):
    ARRIVALS.clear()
    start = time.time_ns()
    r = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode != 0 or not ARRIVALS:
        raise SystemExit(f"{cmd}: {r.stderr.decode()}")
    return (ARRIVALS[0] - start) / 1e6


def workbench(env, home, file):
    ARRIVALS.clear()
    wb = Workbench(dict(env, BENCH_CWD=home), 120, 40, args=(os.path.join(home, file),))
    first = wb.first_frame_ms()
    end = time.time() + 30
    while not ARRIVALS and time.time() < end:
        wb.send("C-r")
        time.sleep(0.05)
    request = (ARRIVALS[0] - wb.launched_ns) / 1e6 if ARRIVALS else float("nan")
    wb.quit()
    return first, request


def folder(a, port):
    home, env, total = setup(port)
    rows = {}
    for name in ("plain", "docs"):
        file = f"{name}.refract.toml"
        show = [wall([REFRACT, "prompt", file, "--show", "--no-tokens", "--model", "echo:m"], env, home) for _ in range(a.runs)]
        run = [to_request([REFRACT, "run", file, "--no-save"], env, home) for _ in range(a.runs)]
        wbs = [workbench(env, home, file) for _ in range(a.runs)]
        rows[name] = dict(show_ms=round(median(show), 1), run_to_request_ms=round(median(run), 1),
                          wb_first_frame_ms=round(median([w[0] for w in wbs]), 1), wb_to_request_ms=round(median([w[1] for w in wbs]), 1))
    emit("attachments.folder_5mb", runs=a.runs, attached_bytes=total, files=100, load_1min=f"{load():.2f}",
         **{f"{k}_{n}": v for n, r in rows.items() for k, v in r.items()})


def session(a, port):
    home, env, _ = setup(port)
    png = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + b"IHDR" + bytes([0, 0, 4, 0, 0, 0, 3, 0, 8, 2, 0, 0, 0])
    png += random.Random(1).randbytes(1024 * 1024 - len(png))
    with open(os.path.join(home, "big.png"), "wb") as f:
        f.write(png)
    sizes = {}
    for name, extra in (("without", []), ("with", ["--attach", "big.png"])):
        before = set(glob.glob(os.path.join(env["REFRACT_SESSIONS"], "*.jsonl")))
        subprocess.run([REFRACT, "run", "plain.refract.toml", *extra], env=env, cwd=home, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        new = set(glob.glob(os.path.join(env["REFRACT_SESSIONS"], "*.jsonl"))) - before
        sizes[name] = os.path.getsize(new.pop())
    emit("attachments.session_image", image_bytes=len(png), session_bytes_without=sizes["without"], session_bytes_with=sizes["with"],
         added_bytes=sizes["with"] - sizes["without"])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", nargs="*", default=["folder", "session"])
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    port = serve()
    for what in a.what:
        {"folder": folder, "session": session}[what](a, port)


if __name__ == "__main__":
    main()
