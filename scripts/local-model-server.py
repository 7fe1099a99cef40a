#!/usr/bin/env python3
"""Serves one GGUF with llama.cpp's HTTP server (xllamacpp) until stdin closes or a signal arrives.

Refract starts this with a pipe on stdin: when Refract exits, even by kill -9, the pipe closes and
the server stops, so no server outlives its owner.
"""
import argparse, os, signal, sys, threading

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--alias", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--parallel", type=int, default=4)
    ap.add_argument("--ctx", type=int, default=2048, help="context per slot")
    ap.add_argument("--threads", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    ap.add_argument("--watch-stdin", action="store_true")
    a = ap.parse_args()

    import xllamacpp as xlc
    p = xlc.CommonParams()
    p.model.path = a.model
    p.model_alias = [a.alias]          # a list: a bare string is split into characters
    p.hostnames = [a.host]
    p.port = a.port
    p.n_parallel = a.parallel
    p.n_ctx = a.ctx * a.parallel       # llama.cpp splits n_ctx across slots
    p.cpuparams.n_threads = a.threads
    p.cpuparams_batch.n_threads = a.threads
    p.use_jinja = True
    try:
        p.ui = False
    except Exception:
        pass
    server = xlc.Server(p)

    done = threading.Event()
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, lambda *_: done.set())
    if a.watch_stdin:
        def watch():
            try:
                while sys.stdin.buffer.read(1):
                    pass
            finally:
                done.set()
        threading.Thread(target=watch, daemon=True).start()
    done.wait()
    os._exit(0)  # the server thread does not stop on its own

if __name__ == "__main__":
    main()
