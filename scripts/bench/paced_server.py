"""An OpenAI-compatible server that streams a fixed 256-token answer at a fixed rate, shaped like llama.cpp's
chunks (role chunk, one content chunk per token, a finish chunk with `timings`, a usage chunk, `[DONE]`).

For measuring the client's own CPU when the machine is loaded: the local model's speed then swings from 5 to
90 tok/s, and a client's CPU per token depends on how many tokens arrive per read (a slow model means one
wake-up per token). Paced, every client sees the same bytes at the same times.
"""
import http.server, json, threading, time


class PacedServer:
    def __init__(self, tokens=256, rate=80.0, model="smollm2-135m-instruct"):
        self.tokens, self.interval, self.model = tokens, 1.0 / rate, model
        self.url = None

    def chunks(self):
        words = [(" " if i else "") + ["the", "keeper", "found", "a", "map", "under", "old", "boards,"][i % 8] for i in range(self.tokens)]
        head = {"created": 1765000000, "id": "chatcmpl-paced", "model": self.model, "system_fingerprint": "b1-paced",
                "object": "chat.completion.chunk"}
        yield {"choices": [{"finish_reason": None, "index": 0, "delta": {"role": "assistant", "content": None}}], **head}
        for w in words:
            yield {"choices": [{"finish_reason": None, "index": 0, "delta": {"content": w}}], **head}
        yield {"choices": [{"finish_reason": "length", "index": 0, "delta": {}}], **head,
               "timings": {"prompt_n": 30, "predicted_n": self.tokens, "predicted_per_second": 1 / self.interval}}
        yield {"choices": [], **head, "usage": {"completion_tokens": self.tokens, "prompt_tokens": 30, "total_tokens": 30 + self.tokens}}

    def __enter__(self):
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for chunk in outer.chunks():
                        self.wfile.write(b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n")
                        self.wfile.flush()
                        time.sleep(outer.interval)
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up (a reader that went away): nothing to report
                self.close_connection = True

            def log_message(self, *a):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
