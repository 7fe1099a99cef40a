import Providers
import RefractTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// Whole screens and panes rendered into fixed-size buffers and compared with literal lines.
/// A failure prints the expected and the actual screen side by side.
@Suite struct WorkbenchScreenTests {
    @Test func streamingAt80x24WithWideTextAndCursor() {
        let h = ScreenScenarios.streaming(80, 24)
        // The cursor sits after "Why is the sky blue? 日本 é 😀": 21 + 4 + 1 + 1 + 1 + 2 columns into the field.
        expectScreen(h.render(), [
            "╭ System ────────────────────────╮╭ Response · local:smollm2-135m-instruct ────╮",
            "│optional system prompt          ││Sunlight scatters off the molecules of the  │",
            "│                                ││air, and blue light, with its shorter       │",
            "╰────────────────────────────────╯│wavelength, scatters the most, so the sky   │",
            "╭ Instruction ───────── 30 chars ╮│looks blue from every direction. At sunset  │",
            "│Answer in one short paragraph.  ││the light crosses more air.                 │",
            "│                                ││                                            │",
            "│                                ││                                            │",
            "╰────────────────────────────────╯│                                            │",
            "╭ Input ─────────────── 27 chars ╮│                                            │",
            "│Why is the sky blue? 日本 é 😀  ││                                            │",
            "│                                ││                                            │",
            "│                                ││                                            │",
            "│                                ││                                            │",
            "│                                ││                                            │",
            "│                                ││                                            │",
            "│                                ││                                            │",
            "│                                ││                                            │",
            "│                                │╰────────────────────────────────────────────╯",
            "╰────────────────────────────────╯╭ Meter ─────────────────────────────────────╮",
            "╭ Variables ─────────────────────╮│in 15~  out 49~  48.0 tok/s  ttft 0.25 s    │",
            "│write {{name}} in a field to ad…││run $0.00~  session $0.00  price runs on th…│",
            "╰────────────────────────────────╯╰────────────────────────────────────────────╯",
            " INPUT  local:smollm2-135m-instruct  Esc cancel  ^R re-run  ^P model  F1 help",
        ], cursor: (31, 10))
    }

    @Test func streamingAt120x40() {
        let h = ScreenScenarios.streaming(120, 40)
        expectScreen(h.render(), [
            "╭ System ──────────────────────────────────────╮╭ Response · local:smollm2-135m-instruct ───────────────── ⠴ streaming ╮",
            "│optional system prompt                        ││Sunlight scatters off the molecules of the air, and blue light, with  │",
            "│                                              ││its shorter wavelength, scatters the most, so the sky looks blue from │",
            "│                                              ││every direction. At sunset the light crosses more air.                │",
            "│                                              ││                                                                      │",
            "╰──────────────────────────────────────────────╯│                                                                      │",
            "╭ Instruction ─────────────────────── 30 chars ╮│                                                                      │",
            "│Answer in one short paragraph.                ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "╰──────────────────────────────────────────────╯│                                                                      │",
            "╭ Input ───────────────────────────── 27 chars ╮│                                                                      │",
            "│Why is the sky blue? 日本 é 😀                ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              ││                                                                      │",
            "│                                              │╰──────────────────────────────────────────────────────────────────────╯",
            "╰──────────────────────────────────────────────╯╭ Meter ───────────────────────────────────────────────────────────────╮",
            "╭ Variables ───────────────────────────────────╮│in 15~  out 49~  48.0 tok/s  ttft 0.25 s  1.25 s                      │",
            "│write {{name}} in a field to add one          ││run $0.00~  session $0.00  price runs on this machine: no charge, che…│",
            "╰──────────────────────────────────────────────╯╰──────────────────────────────────────────────────────────────────────╯",
            " INPUT  local:smollm2-135m-instruct  Esc cancel  ^R re-run  ^P model  F1 help  ^Q quit",
        ], cursor: (31, 15))
    }

    @Test func switcherFilteredByFuzzyMatch() {
        let h = ScreenScenarios.switcher()
        expectScreen(h.render(), [
            "╭ Model ────────────────────────────── Tab parameters · Enter pick · Esc close ╮",
            "│filter gem                                                                    │",
            "│› gemini:gemini-2.5-pro                                      no key · unpriced│",
            "│  gemini:gemini-2.5-flash                                    no key · unpriced│",
            "│  gemini:gemini-2.5-flash-lite                               no key · unpriced│",
            "│  gemini:gemini-3-flash-preview                              no key · unpriced│",
            "│  local:gemma3-270m                                                   unpriced│",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│gemini:gemini-2.5-pro · no key: set $GEMINI_API_KEY · not checked · unpriced  │",
            "│temp default  max tokens default  top-p default  seed none  mode chat         │",
            "│the choice applies to the next run                                            │",
            "╰──────────────────────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test func helpOverlayIsGeneratedFromTheKeymap() {
        let h = ScreenScenarios.help()
        expectScreen(h.render(), [
            "╭╭ Keys ─────────────────────────────────────────────────────────── Esc close ╮╮",
            "││Anywhere                                                                    ┃│",
            "││ Ctrl-R F5             run the prompt                                       ┃│",
            "╰│ Esc                   cancel the running stream / close                    ││",
            "╭│ Ctrl-Q                quit (asks while a stream runs)                      ││",
            "││ Tab                   next pane                                            ││",
            "││ Shift-Tab             previous pane                                        ││",
            "││ Ctrl-P                switch model and parameters                          ││",
            "╰│ F1                    this help                                            ││",
            "╭│ Ctrl-O F3             browse saved sessions                                ││",
            "││ F4 Alt-E              edit the field in $EDITOR                            ││",
            "││ Alt-C                 copy the response (OSC 52)                           ││",
            "││ Alt-R                 toggle raw completion mode                           ││",
            "││ Alt-1                 go to the system prompt                              ││",
            "││ Alt-2                 go to the instruction                                ││",
            "││ Alt-3                 go to the input                                      ││",
            "││ Alt-4                 go to the variables                                  ││",
            "││ Alt-5                 go to the response                                   ││",
            "││ Alt-6                 go to the few-shot examples                          │╯",
            "╰│ Ctrl-S                save the prompt file now (it also saves itself)      │╮",
            "╭│ Alt-S                 save the prompt under a new name and go on there     ││",
            "││ Ctrl-N                start a fresh scratch prompt (the old one is kept)   ││",
            "╰│ Alt-J                 edit the response schema (JSON), checked as typed    │╯",
            " ╰────────────────────────────────────────────────────────────────────────────╯",
        ])
    }

    @Test func finishedRunShowsReasoningFinishAndExactMeter() {
        let h = ScreenScenarios.finished(120, 12)
        expectScreen(h.render(), [
            "╭ System ──────────────────────────────────────╮╭ Response · anthropic:claude-haiku-4-5 ───────────────────────── stop ╮",
            "│optional system prompt                        ││thinking                                                              │",
            "╰──────────────────────────────────────────────╯│The user greets me.                                                   │",
            "╭ Instruction ─────────────────────────────────╮│                                                                      │",
            "│what the model should do with the input       ││Hello! How can I help?                                                │",
            "╰──────────────────────────────────────────────╯│                                                                      │",
            "╭ Input ────────────────────────────── 2 chars ╮│■ stop (end_turn) · 300 tokens · 2.00 s                               │",
            "│Hi                                            │╰──────────────────────────────────────────────────────────────────────╯",
            "╰──────────────────────────────────────────────╯╭ Meter ───────────────────────────────────────────────────────────────╮",
            "                                                │in 1200  out 300  199.3 tok/s  ttft 0.50 s  2.00 s  run $0.002800  pr…│",
            "                                                ╰──────────────────────────────────────────────────────────────────────╯",
            " INPUT  anthropic:claude-haiku-4-5  ^R run  ^P model  Tab next  F1 help  ^Q quit",
        ])
    }

    @Test func wideScreen200x60() {
        let h = ScreenScenarios.streaming(200, 60)
        let lines = h.render().lines
        #expect(lines.count == 60)
        #expect(lines[0].hasPrefix("╭ System ─"))
        #expect(lines[0].hasSuffix("⠴ streaming ╮"))
        #expect(lines[1].hasSuffix("││Sunlight scatters off the molecules of the air, and blue light, with its shorter wavelength, scatters the most, so the│"))
        #expect(lines[59].hasPrefix(" INPUT  local:smollm2-135m-instruct  Esc cancel  ^R re-run"))
        #expect(lines.contains { $0.contains("in 15~  out 49~  48.0 tok/s  ttft 0.25 s  1.25 s") })
    }

    @Test(arguments: [(40, 12), (30, 8), (12, 5), (1, 1)])
    func tinyScreensDoNotCrash(size: (Int, Int)) {
        var h = ScreenScenarios.streaming(size.0, size.1)
        _ = h.render()
        h.key("F1")
        _ = h.render()
        h.key("Esc")
        h.key("C-p")
        _ = h.render()
        h.key("Esc")
        h.key("C-q")
        let buffer = h.render()
        #expect(buffer.width == size.0 && buffer.height == size.1)
    }

    @Test func stackedAt40x12ShowsTheFocusedFieldAndTheAnswer() {
        let h = ScreenScenarios.streaming(40, 12)
        let text = h.render().lines.joined(separator: "\n")
        #expect(h.state.layout.stacked)
        #expect(text.contains("Why is the sky blue?"))
        #expect(text.contains("direction. At sunset the light crosses"))
        #expect(text.contains("│more air."))
    }
}
