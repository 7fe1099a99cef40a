#!/usr/bin/env python3
"""Issue 11 headless: `refract eval` measured against an instant server and against the local model.

  cells   Refract's own CPU per cell: `refract eval` over --cells cases (1 variant x 1 model, a `contains`
          check) against refract-fault-server, which answers at once (12 tokens, openai-chat streaming).
          Wall, Refract's CPU (wait4), CPU per cell, peak RSS, and the server's CPU (/proc) over the same run;
          a 1-cell evaluation gives the fixed cost, so the marginal CPU per cell is shown too.
  local   The same 40-case translation evaluation (max 64 tokens, temperature 0, a `contains` check) on the
          local SmolLM2 through `refract eval`, through inspect-ai (its OpenAI-compatible provider and its
          `includes()` scorer) and through a plain Python loop with the openai SDK. Each request goes through
          a recording proxy in front of llama.cpp, which stamps every request's arrival and end, so a tool's
          launch -> first request and the server's own busy time come from the server side. All tools ask
          one request at a time (refract: provider concurrency 1; inspect: --max-connections 1), so
          "wall - server busy" is what the tool adds. Rounds interleave the tools.
  open    opening a recorded evaluation of 10,000 cells (`refract-bench eval-open`, medians of --runs).
  all     all three, in one run.

inspect-ai and openai come from PyPI into a venv under bench-out/ (created on first use).
"""
import argparse, http.client, http.server, json, os, shutil, socketserver, subprocess, sys, tempfile, threading, time
sys.path.insert(0, os.path.dirname(__file__))
from benchlib import *

FAULT_SERVER = os.path.join(BUILD, "refract-fault-server")
VENV = os.path.join(OUT, "inspect-venv")
INSTRUCTION = "Translate the customer review into English. Reply with the translation only."

# 40 short reviews and one English word a faithful translation contains.
REVIEWS = [
    ("Der Wasserkocher ist schnell und leise.", "fast"),
    ("Die Lieferung kam zwei Tage zu spät.", "late"),
    ("Sehr gute Qualität für den Preis.", "quality"),
    ("Der Deckel ist kaputt gegangen.", "broken"),
    ("Das Wasser kocht in drei Minuten.", "water"),
    ("Ich bin sehr zufrieden mit dem Kauf.", "satisfied"),
    ("Die Farbe ist schöner als auf dem Foto.", "color"),
    ("Der Kundendienst war sehr freundlich.", "friendly"),
    ("Das Kabel ist leider zu kurz.", "short"),
    ("Ich würde ihn meinen Freunden empfehlen.", "recommend"),
    ("La bouilloire chauffe très vite.", "quickly"),
    ("Le couvercle ferme mal.", "lid"),
    ("Très bon rapport qualité-prix.", "value"),
    ("Le colis est arrivé cassé.", "broken"),
    ("Elle est silencieuse et jolie.", "quiet"),
    ("Le service client n'a jamais répondu.", "never"),
    ("Je la recommande à tout le monde.", "recommend"),
    ("La poignée devient chaude.", "hot"),
    ("Livraison rapide, merci beaucoup.", "thank"),
    ("Le bouton marche mal après un mois.", "month"),
    ("El hervidor es muy rápido.", "fast"),
    ("Llegó roto y nadie respondió.", "broken"),
    ("Me encanta el color negro.", "black"),
    ("El cable es demasiado corto.", "short"),
    ("Muy buena calidad, lo recomiendo.", "quality"),
    ("La tapa no cierra bien.", "lid"),
    ("Hace mucho ruido al hervir.", "noise"),
    ("El envío fue rápido y barato.", "cheap"),
    ("Después de una semana dejó de funcionar.", "week"),
    ("Es bonito y fácil de limpiar.", "clean"),
    ("Il bollitore è bello e pratico.", "beautiful"),
    ("Il cavo è troppo corto.", "short"),
    ("L'acqua bolle in pochi minuti.", "water"),
    ("Il coperchio si è rotto subito.", "broken"),
    ("Consegna veloce, grazie.", "thank"),
    ("Il servizio clienti è stato gentile.", "kind"),
    ("Non lo consiglio a nessuno.", "recommend"),
    ("Il colore è diverso dalla foto.", "color"),
    ("Funziona bene da un anno.", "year"),
    ("È silenzioso e veloce.", "quiet"),
]


# ---------------------------------------------------------------------------------------------------------
# cells: an instant server


def start_fault_server():
    p = subprocess.Popen([FAULT_SERVER, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = p.stdout.readline().decode()
    return p, int(line.rsplit(":", 1)[1])


def write_cells_file(folder, cells):
    """A prompt file with `cells` cases in a JSONL file and one `contains` check (the answer has 'fox')."""
    with open(os.path.join(folder, "cases.jsonl"), "w") as f:
        for i in range(cells):
            f.write(json.dumps({"name": f"case {i + 1}", "text": f"Question number {i + 1}: which animal jumps?", "expect": {"word": "fox"}}) + "\n")
    path = os.path.join(folder, "cells.refract.toml")
    with open(path, "w") as f:
        f.write('format = 1\ntitle = "instant server"\ninput = "{{text}}"\ncases = "cases.jsonl"\n\n'
                '[[instructions]]\nname = "answer"\ntext = "Answer in one sentence."\n\n'
                '[params]\ntemperature = 0\nmax_tokens = 16\n\n'
                '[[checks]]\ntype = "contains"\nvalue = "{{expect.word}}"\n')
    return path


def run_timed(cmd, env, cwd=None):
    """Runs cmd, returning (wall s, user+sys s of it and its children, peak RSS MB, stdout, stderr, returncode).
    CPU from wait4 (microseconds); peak RSS from wait4's ru_maxrss of the process itself."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    # Reading both pipes from threads keeps a chatty child from blocking; the child is reaped with wait4 below.
    bufs = {}
    readers = [threading.Thread(target=lambda k, s: bufs.__setitem__(k, s.read()), args=(k, s)) for k, s in (("out", p.stdout), ("err", p.stderr))]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    for r in readers:
        r.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, bufs["out"], bufs["err"], p.returncode


def cells_bench(a, loads):
    home = tempfile.mkdtemp(prefix="refract-bench-eval-", dir=OUT)
    env = refract_env(home)
    server, port = start_fault_server()
    cfg = os.path.join(home, "config", "refract")
    os.makedirs(cfg, exist_ok=True)
    with open(os.path.join(cfg, "config.toml"), "w") as f:
        f.write(f'[providers.instant]\nprotocol = "openai-chat"\nbase_url = "http://127.0.0.1:{port}/v1"\nmodels = ["ok"]\n')
    big = write_cells_file(tempfile.mkdtemp(dir=home), a.cells)
    one = write_cells_file(tempfile.mkdtemp(dir=home), 1)
    binaries = {"refract": REFRACT, **({"refract_baseline": a.baseline} if a.baseline else {})}
    results = {name: ([], []) for name in binaries}
    try:
        for i in range(a.runs):
            for name, binary in binaries.items():
                rows, ones = results[name]
                for target, sink in ((one, ones), (big, rows)):
                    env1 = dict(env)
                    env1["REFRACT_SESSIONS"] = tempfile.mkdtemp(prefix="sessions-", dir=env["REFRACT_SESSIONS"])
                    s0 = proc_cpu(server.pid)
                    wall, cpu, rss, out, err, rc = run_timed([binary, "eval", target, "--model", "instant:ok", "--format", "json"], env1)
                    s1 = proc_cpu(server.pid)
                    report = json.loads(out)
                    passed = sum(1 for c in report["cells"] if c["pass"])
                    if rc != 0 or passed != len(report["cells"]):
                        log(err.decode()[-2000:])
                        raise SystemExit(f"refract eval exited {rc}, {passed}/{len(report['cells'])} cells passed")
                    sink.append(dict(wall=wall, cpu=cpu, rss=rss, server_cpu=s1 - s0, cells=len(report["cells"])))
                    shutil.rmtree(env1["REFRACT_SESSIONS"], ignore_errors=True)
                loads.append(load())
                log(f"round {i + 1} {name}: {a.cells} cells {rows[-1]['wall']:.2f} s wall, {rows[-1]['cpu']:.3f} s CPU; 1 cell {ones[-1]['cpu']:.3f} s CPU")
    finally:
        server.terminate()
        server.wait()
    for name, (rows, ones) in results.items():
        emit_cells(a, name, rows, ones, loads)


def emit_cells(a, name, rows, ones, loads):
    cpu, cpu1 = median([r["cpu"] for r in rows]), median([r["cpu"] for r in ones])
    emit(f"eval.cells.{name}", cells=a.cells, runs=a.runs,
         wall_s_median=round(median([r["wall"] for r in rows]), 3),
         cpu_s_median=round(cpu, 3), cpu_s_min=round(min(r["cpu"] for r in rows), 3), cpu_s_max=round(max(r["cpu"] for r in rows), 3),
         cpu_ms_per_cell=round(cpu * 1000 / a.cells, 3),
         cpu_ms_per_cell_marginal=round((cpu - cpu1) * 1000 / (a.cells - 1), 3),
         one_cell_cpu_s_median=round(cpu1, 3), one_cell_wall_s_median=round(median([r["wall"] for r in ones]), 3),
         peak_rss_mb_median=round(median([r["rss"] for r in rows]), 1),
         server_cpu_s_median=round(median([r["server_cpu"] for r in rows]), 2),
         cells_per_s=round(a.cells / median([r["wall"] for r in rows]), 0),
         load_1min=f"{min(loads):.2f}-{max(loads):.2f}")


# ---------------------------------------------------------------------------------------------------------
# local: three tools, one model, a recording proxy


class RecordingProxy:
    """An HTTP/1.1 proxy in front of llama.cpp that stamps each request (perf_counter at arrival and at the
    response's last byte). Responses are relayed as they arrive (chunked), so streaming stays streaming."""

    def __init__(self, upstream_port):
        self.upstream = upstream_port
        self.log = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):
                self.relay(None)

            def do_POST(self):
                self.relay(self.rfile.read(int(self.headers.get("Content-Length", 0))))

            def relay(self, body):
                try:
                    self.forward(body)
                except (ConnectionError, BrokenPipeError):
                    pass  # a client that hangs up early (refract's /health probe reads the status line only)

            def forward(self, body):
                arrived = time.perf_counter()
                conn = http.client.HTTPConnection("127.0.0.1", proxy.upstream, timeout=300)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "content-length")}
                conn.request(self.command, self.path, body=body, headers=headers)
                r = conn.getresponse()
                self.send_response(r.status)
                for k, v in r.getheaders():
                    if k.lower() not in ("transfer-encoding", "content-length", "connection", "keep-alive"):
                        self.send_header(k, v)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                while True:
                    chunk = r.read1(65536)
                    if not chunk:
                        break
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()
                conn.close()
                with proxy.lock:
                    proxy.log.append(dict(method=self.command, path=self.path, arrived=arrived, ended=time.perf_counter(), body=body))

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def take(self):
        with self.lock:
            got, self.log = self.log, []
        return got


def busy_span(requests):
    """Seconds during which at least one request was in the server (the union of [arrival, end])."""
    total, end = 0.0, None
    for r in sorted(requests, key=lambda r: r["arrived"]):
        if end is None or r["arrived"] > end:
            total += r["ended"] - r["arrived"]
            end = r["ended"]
        elif r["ended"] > end:
            total += r["ended"] - end
            end = r["ended"]
    return total


def ensure_venv():
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(os.path.join(VENV, "bin", "inspect")):
        log(f"installing inspect-ai and openai into {VENV} (PyPI)")
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "inspect-ai", "openai"], check=True)
    return py


def versions(py):
    out = subprocess.run([py, "-c", "import importlib.metadata as m; print(m.version('inspect-ai'), m.version('openai'))"],
                         capture_output=True, text=True).stdout.split()
    return out if len(out) == 2 else ["?", "?"]


INSPECT_TASK = '''
import json
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import includes
from inspect_ai.solver import generate

@task
def translate():
    with open(CASES) as f:
        rows = [json.loads(l) for l in f]
    # The instruction and the review in one user message, as refract sends them to this model.
    return Task(dataset=[Sample(input=INSTRUCTION + "\\n\\n" + r["text"], target=r["expect"]["word"]) for r in rows],
                solver=[generate()], scorer=includes())
'''

LOOP = '''
import json, sys
from openai import OpenAI
cases, instruction, base, model = sys.argv[1:5]
client = OpenAI(base_url=base, api_key="none")
passed = 0
for line in open(cases):
    case = json.loads(line)
    r = client.chat.completions.create(model=model, temperature=0, max_tokens=64,
        messages=[{"role": "user", "content": instruction + "\\n\\n" + case["text"]}])
    passed += case["expect"]["word"].lower() in (r.choices[0].message.content or "").lower()
print(json.dumps({"passed": passed}))
'''


def local_files(folder):
    cases = os.path.join(folder, "translate.jsonl")
    with open(cases, "w") as f:
        for i, (text, word) in enumerate(REVIEWS):
            f.write(json.dumps({"name": f"review {i + 1}", "text": text, "expect": {"word": word}}, ensure_ascii=False) + "\n")
    toml = os.path.join(folder, "translate.refract.toml")
    with open(toml, "w") as f:
        f.write(f'format = 1\ntitle = "translate 40 reviews"\ninput = "{{{{text}}}}"\ncases = "translate.jsonl"\n'
                f'models = ["local:{MODEL}"]\n\n[[instructions]]\nname = "translate"\ntext = "{INSTRUCTION}"\n\n'
                '[params]\ntemperature = 0\nmax_tokens = 64\n\n'
                '[[checks]]\ntype = "contains"\nvalue = "{{expect.word}}"\nignore_case = true\n')
    task = os.path.join(folder, "translate_task.py")
    with open(task, "w") as f:
        f.write(f"CASES = {cases!r}\nINSTRUCTION = {INSTRUCTION!r}\n" + INSPECT_TASK)
    loop = os.path.join(folder, "loop.py")
    with open(loop, "w") as f:
        f.write(LOOP)
    return cases, toml, task, loop


def private_local_dir(home):
    """A local-model folder of our own (the model and venv linked from .local-model/), so `refract local serve`
    advertises in our run/ and not in the shared one other people's Refract processes read."""
    shared = os.path.realpath(os.path.join(ROOT, ".local-model"))
    mine = os.path.join(home, "local-model")
    os.makedirs(os.path.join(mine, "run"), exist_ok=True)
    os.makedirs(os.path.join(mine, "logs"), exist_ok=True)
    for name in ("venv", "models", "local-model-server.py"):
        os.symlink(os.path.join(shared, name), os.path.join(mine, name))
    return mine


def local_bench(a, loads):
    py = ensure_venv()
    inspect_version, openai_version = versions(py)
    home = tempfile.mkdtemp(prefix="refract-bench-eval-local-", dir=OUT)
    env = refract_env(home)
    env["REFRACT_LOCAL_MODEL_DIR"] = private_local_dir(home)
    cfg = os.path.join(home, "config", "refract")
    os.makedirs(cfg, exist_ok=True)
    with open(os.path.join(cfg, "config.toml"), "w") as f:
        # One request at a time, as the other two tools. One llama.cpp thread: on 2 shared cores under load, two
        # threads that wait for each other at every token slowed generation to ~1 token/s (measured).
        f.write("[providers.local]\nconcurrency = 1\n\n[local]\nthreads = 1\nparallel = 1\n")
    cases, toml, task, loop = local_files(tempfile.mkdtemp(dir=home))
    with LocalServer(env=env) as server:
        llama_port = int(server.url.rsplit(":", 1)[1].split("/")[0])
        proxy = RecordingProxy(llama_port)
        # refract finds the model's server through the advertisement: point it at the proxy.
        with open(os.path.join(env["REFRACT_LOCAL_MODEL_DIR"], "run", f"{MODEL}.json"), "w") as f:
            f.write(json.dumps({"port": proxy.port, "pid": server.proc.pid}))
        base = f"http://127.0.0.1:{proxy.port}/v1"
        ienv = dict(env, LLAMA_BASE_URL=base, LLAMA_API_KEY="none", INSPECT_LOG_DIR=os.path.join(home, "inspect-logs"),
                    INSPECT_DISPLAY="none", INSPECT_EVAL_LOG_FILE_PATTERN="{task}_{id}")
        tools = {
            "refract": lambda: ([REFRACT, "eval", toml, "--format", "json"], env),
            "inspect": lambda: ([os.path.join(VENV, "bin", "inspect"), "eval", os.path.basename(task), "--model", f"openai-api/llama/{MODEL}",
                                 "--temperature", "0", "--max-tokens", "64", "--max-connections", "1", "--display", "none",
                                 "--no-log-images"], ienv),
            "python_loop": lambda: ([py, loop, cases, INSTRUCTION, base, MODEL], env),
        }
        rows = {name: [] for name in tools}
        order = list(tools)
        for i in range(a.runs):
            for name in order[i % len(order):] + order[:i % len(order)]:
                cmd, e = tools[name]()
                if name == "refract":
                    e = dict(e, REFRACT_SESSIONS=tempfile.mkdtemp(prefix="sessions-", dir=env["REFRACT_SESSIONS"]))
                proxy.take()
                launched = time.perf_counter()
                wall, cpu, rss, out, err, rc = run_timed(cmd, e, cwd=os.path.dirname(task))
                reqs = [r for r in proxy.take() if r["method"] == "POST" and r["path"].endswith("/chat/completions")]
                if len(reqs) != len(REVIEWS):
                    log(err.decode()[-3000:])
                    raise SystemExit(f"{name}: {len(reqs)} chat requests reached the server, expected {len(REVIEWS)} (exit {rc})")
                row = dict(wall=wall, cpu=cpu, rss=rss, first=min(r["arrived"] for r in reqs) - launched, server=busy_span(reqs),
                           after=wall - (max(r["ended"] for r in reqs) - launched), passed=passed_count(name, out, home))
                rows[name].append(row)
                if a.keep_bodies and i == 0:
                    log(f"{name} sends:", reqs[0]["body"].decode())
                log(f"round {i + 1} {name:<12} wall {wall:6.2f} s  server busy {row['server']:6.2f} s  CPU {cpu:5.3f} s  "
                    f"RSS {rss:6.1f} MB  first request {row['first'] * 1000:7.1f} ms  passed {row['passed']}")
            loads.append(load())
    for name, rs in rows.items():
        emit(f"eval.local.{name}", runs=len(rs), cases=len(REVIEWS),
             wall_s_median=round(median([r["wall"] for r in rs]), 2),
             server_busy_s_median=round(median([r["server"] for r in rs]), 2),
             wall_minus_server_s_median=round(median([r["wall"] - r["server"] for r in rs]), 3),
             cpu_s_median=round(median([r["cpu"] for r in rs]), 3),
             peak_rss_mb_median=round(median([r["rss"] for r in rs]), 1),
             launch_to_first_request_ms_median=round(median([r["first"] * 1000 for r in rs]), 1),
             last_response_to_exit_ms_median=round(median([r["after"] * 1000 for r in rs]), 1),
             passed=sorted({r["passed"] for r in rs}),
             versions=("inspect-ai " + inspect_version) if name == "inspect" else ("openai " + openai_version) if name == "python_loop" else "",
             load_1min=f"{min(loads):.2f}-{max(loads):.2f}")


def passed_count(name, out, home):
    try:
        if name == "refract":
            return sum(1 for c in json.loads(out)["cells"] if c["pass"])
        if name == "python_loop":
            return json.loads(out)["passed"]
        # inspect: the newest log's accuracy.
        logs = sorted((os.path.join(home, "inspect-logs", f) for f in os.listdir(os.path.join(home, "inspect-logs"))), key=os.path.getmtime)
        py = os.path.join(VENV, "bin", "python")
        got = subprocess.run([py, "-c", "import sys; from inspect_ai.log import read_eval_log as r; l = r(sys.argv[1], header_only=True); "
                              "print(l.results.scores[0].metrics['accuracy'].value)", logs[-1]], capture_output=True, text=True).stdout
        return round(float(got) * len(REVIEWS))
    except Exception as e:  # a figure we could not read is reported as such, not guessed
        return f"? ({type(e).__name__})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["cells", "open", "local", "all"])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cells", type=int, default=2000)
    ap.add_argument("--baseline", help="cells: another refract binary (an older build) measured in the same rounds")
    ap.add_argument("--keep-bodies", action="store_true", help="print one request body per tool (to check they match)")
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    loads = [load()]
    if a.what in ("cells", "all"):
        cells_bench(a, loads)
    if a.what in ("open", "all"):
        open_bench(a, loads)
    if a.what in ("local", "all"):
        local_bench(a, loads)


def open_bench(a, loads):
    """`refract-bench eval-open` (a fresh process each time, for its peak RSS): medians of --runs."""
    rows = []
    for _ in range(a.runs):
        out = subprocess.run([BENCH, "eval-open"], capture_output=True, check=True, cwd=ROOT).stdout
        rows.append(json.loads(out.splitlines()[-1]))
        loads.append(load())
    emit("eval.open", runs=len(rows), **{k: round(median([r[k] for r in rows]), 1) for k in rows[0] if isinstance(rows[0][k], float)},
         load_1min=f"{min(loads):.2f}-{max(loads):.2f}")


if __name__ == "__main__":
    main()
