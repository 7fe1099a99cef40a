#!/usr/bin/env python3
"""Issue 14: what each megabyte of `refract run` is.

Starts `refract run` against the local model (256 tokens), waits until the answer is streaming, then reads
/proc/PID/smaps and sums resident memory per mapping: the binary's own pages, each shared library (Foundation,
ICU data, the Swift runtime, libc), the heap, thread stacks and other anonymous memory. The same for
`refract run` waiting on a server that never answers (start-up cost only) and, as a floor, curl on the same
request.

  python3 scripts/bench/rss_breakdown.py
"""
import collections, os, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from benchlib import *


def smaps(pid):
    """Resident kB per mapping name, and the thread count."""
    rss = collections.Counter()
    name = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5 and "-" in parts[0] and ":" in parts[3]:
                name = parts[5] if len(parts) >= 6 else "[anonymous]"
                name = os.path.basename(name) if name.startswith("/") else name
            elif parts and parts[0] == "Rss:":
                rss[name] += int(parts[1])
    threads = len(os.listdir(f"/proc/{pid}/task"))
    return rss, threads


def group(rss):
    """Folds mappings into the groups BENCHMARKS.md talks about."""
    out = collections.Counter()
    for name, kb in rss.items():
        if name.startswith("refract"):
            key = "refract binary (code + data)"
        elif "Foundation" in name:
            key = name.split(".so")[0] + " (Foundation)"
        elif "icu" in name.lower():
            key = "ICU (" + name.split(".so")[0] + ")"
        elif name.startswith("libswift") or name.startswith("libdispatch") or name.startswith("libBlocksRuntime"):
            key = "Swift runtime, stdlib, Dispatch"
        elif name.startswith("lib") or name.startswith("ld-"):
            key = "C libraries (libc, libstdc++, ncurses, …)"
        elif name == "[heap]":
            key = "malloc heap ([heap])"
        elif name == "[stack]":
            key = "main thread stack"
        elif name == "[anonymous]":
            key = "anonymous (malloc arenas of other threads, thread stacks, Swift metadata)"
        else:
            key = name
        out[key] += kb
    return out


def show(title, rss, threads):
    total = sum(rss.values())
    print(f"\n{title}: {total / 1024:.1f} MB resident, {threads} threads")
    for key, kb in group(rss).most_common():
        if kb >= 256:
            print(f"  {kb / 1024:6.1f} MB  {key}")


def sample_running(cmd, env, wait_for_output=True):
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    if wait_for_output:
        os.read(p.stdout.fileno(), 1)
        time.sleep(1.0)  # well into the answer: every buffer and thread is up
    rss, threads = smaps(p.pid)
    p.kill()
    p.wait()
    return rss, threads


def main():
    home = tempfile.mkdtemp(prefix="refract-bench-rss-")
    env = refract_env(home)
    with LocalServer() as server:
        args = ["--instruction", "Write a long story about a lighthouse keeper who finds a map.", "--input", "Use at least ten paragraphs.",
                "--max-tokens", "256", "--temperature", "0", "--seed", "1"]
        show("refract run (1 s into the answer)", *sample_running([REFRACT, "run", "--model", f"local:{MODEL}", *args], env))
        body = '{"model":"%s","messages":[{"role":"user","content":"Write a long story."}],"max_tokens":256,"stream":true}' % MODEL
        show("curl -N, same server (1 s into the answer)", *sample_running(
            ["curl", "-sN", server.url + "/chat/completions", "-H", "Content-Type: application/json", "-d", body], env))
    # Start-up and the request sent, nothing received: a server that accepts and never answers.
    import socket
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    cfg = os.path.join(home, "config", "refract")
    os.makedirs(cfg, exist_ok=True)
    with open(os.path.join(cfg, "config.toml"), "w") as f:
        f.write(f'[providers.silent]\nprotocol = "openai-chat"\nbase_url = "http://127.0.0.1:{silent.getsockname()[1]}/v1"\nmodels = ["m"]\n')
    p = subprocess.Popen([REFRACT, "run", "--model", "silent:m", "--input", "hi", "--no-save"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    time.sleep(1.0)
    show("refract run with the request sent and no answer yet (start-up cost only)", *smaps(p.pid))
    p.kill()
    p.wait()
    silent.close()

if __name__ == "__main__":
    main()
