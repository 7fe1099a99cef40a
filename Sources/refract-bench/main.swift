import Foundation

/// refract-bench: the in-process benchmarks behind BENCHMARKS.md. Each prints one JSON object per
/// result on stdout (for scripts/bench/all) and a readable block on stderr.
let usage = """
    usage: refract-bench <command> [options]
      decode        [--protocol openai-chat,anthropic,ollama,gemini] [--mb 10] [--reps 5] [--read-size 16384] [--write DIR]
      sessions-gen  [--dir bench-out/sessions-100mb] [--runs 10000] [--mb 100]
      sessions-open [--dir bench-out/sessions-100mb]      (run in a fresh process: measures RSS too)
      replay        [--tokens 100000] [--dir DIR]          instant replay into the workbench state
      record        [--tokens 20000] [--ms-per-token 12] [--probabilities K]   session bytes written per streamed token
      render        [--tokens 256] [--columns 1] [--per-frame 1] [--width W] [--height H] [--probabilities K]
      session-gen-run --dir DIR [--tokens 20000]          one recorded run, for the end-to-end replay
      prompt-file   [--variants 50] [--examples 200] [--reps 50]   read, load, write, fingerprint a big prompt file
      eval-matrix   [--cases 1000] [--variants 5] [--models 2] [--per-frame 100]   the evaluation matrix: frame and key → screen times
      eval-open     [--cells 10000] [--dir DIR]           open a recorded evaluation as the browser does (fresh process: RSS too)
    """

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    print(usage, to: &standardError)
    exit(2)
}
let options = Options(arguments.dropFirst(2))
do {
    switch arguments[1] {
    case "decode": DecodeBench.run(options)
    case "sessions-gen": try SessionsBench.generate(options)
    case "sessions-open": try SessionsBench.open(options)
    case "replay": try SessionsBench.replay(options)
    case "record": try SessionsBench.record(options)
    case "render": RenderBench.run(options)
    case "session-gen-run": try SessionsBench.generateRun(options)
    case "prompt-file": PromptFileBench.run(options)
    case "eval-matrix": try EvaluationBench.run(options)
    case "eval-open": try EvaluationOpenBench.run(options)
    default:
        print(usage, to: &standardError)
        exit(2)
    }
} catch {
    print("refract-bench: \(error)", to: &standardError)
    exit(1)
}
