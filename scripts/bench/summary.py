#!/usr/bin/env python3
"""Prints the headline figures of bench-out/results.jsonl against their goals."""
import json, sys

HEADLINES = [
    ("decode.openai-chat", "mb_per_s", "SSE openai-chat decode MB/s", None),
    ("decode.anthropic", "mb_per_s", "SSE anthropic decode MB/s", None),
    ("decode.ollama", "mb_per_s", "NDJSON ollama decode MB/s", None),
    ("decode.gemini", "mb_per_s", "Gemini JSON array decode MB/s", None),
    ("run_vs_curl.delta", "ttft_added_ms_median", "refract run TTFT added vs curl (ms, with start-up)", ("<", 5)),
    ("run_vs_curl.delta", "ttft_added_inside_process_ms", "TTFT added inside the process (ms)", ("<", 5)),
    ("run_vs_curl.delta", "cpu_ratio", "refract run CPU / curl CPU", None),
    ("run_vs_curl.refract", "peak_rss_mb_median", "refract run peak RSS (MB)", None),
    ("workbench.first_frame", "ms_median", "launch to first frame (ms)", ("<", 50)),
    ("workbench.stream.single", "refract_cpu_s", "workbench CPU, 256 tokens (s)", None),
    ("workbench.stream.single", "key_to_screen_ms_p99", "keystroke->screen p99 while streaming (ms)", ("<", 16)),
    ("workbench.stream.single", "peak_rss_mb", "workbench peak RSS (MB)", None),
    ("workbench.replay_instant", "refract_cpu_s", "workbench CPU, 20,000-token instant replay (s)", None),
    ("sessions.open", "list_plus_open_ms", "open 100 MB / 10,000-run session in-process (ms)", ("<", 300)),
    ("sessions.open", "peak_rss_mb", "  ... peak RSS (MB)", ("<", 100)),
    ("workbench.open_session", "list_plus_open_ms_median", "open it in the workbench (ms)", ("<", 300)),
    ("workbench.open_session", "peak_rss_mb", "  ... workbench peak RSS (MB)", ("<", 100)),
    ("replay.instant", "total_ms", "instant replay of 100,000 tokens (ms)", None),
    ("record.bytes_per_token", "file_bytes_per_token", "session bytes per streamed token", None),
    ("workbench.stream.8_columns", "key_to_screen_ms_p99", "8 columns: keystroke->screen p99 (ms)", ("<", 16)),
    ("workbench.stream.8_columns", "cpu_pct_of_one_core", "8 columns: Refract CPU (% of one core)", ("<", 10)),
    ("compare.3x1", "speedup", "3x1 compare speed-up over sequential runs", None),
]


def main():
    rows = {}
    for line in open(sys.argv[1] if len(sys.argv) > 1 else "bench-out/results.jsonl"):
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            rows[r["bench"]] = r
    print(f"{'figure':<52} {'value':>10}  goal")
    for bench, key, label, goal in HEADLINES:
        v = rows.get(bench, {}).get(key)
        g = ""
        if goal and isinstance(v, (int, float)):
            ok = v < goal[1] if goal[0] == "<" else v > goal[1]
            g = f"{goal[0]} {goal[1]}  {'ok' if ok else 'MISSED'}"
        elif goal:
            g = f"{goal[0]} {goal[1]}"
        print(f"{label:<52} {str(v if v is not None else '-'):>10}  {g}")
    for k in ("machine", "machine.end"):
        if k in rows:
            print(k, {a: b for a, b in rows[k].items() if a != "bench"})


if __name__ == "__main__":
    main()
