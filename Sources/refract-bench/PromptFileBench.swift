import Foundation
import PromptFiles
import Providers
import TerminalUI
import Workbench

/// Issue 10, in process: the cost of a big prompt file (50 variants, 200 examples) to read, to load into
/// the workbench, to write, and the per-keystroke fingerprint autosave compares.
enum PromptFileBench {
    static func run(_ options: Options) {
        let variants = options.int("variants", 50)
        let examples = options.int("examples", 200)
        let reps = options.int("reps", 50)
        var doc = PromptDocument()
        doc.system = "You are a careful assistant.\nAnswer in one line."
        doc.input = "{{text}}"
        doc.variables = ["text": "The kettle leaks when it boils."]
        doc.instructions = (1...variants).map { PromptInstruction(name: "variant \($0)", text: "Variant \($0): classify the text.\nUse one word.\nBe consistent.") }
        doc.examples = (1...examples).map { PromptExample(input: "Example input number \($0), a sentence of ordinary length.", output: "label-\($0 % 3)") }
        let text = PromptFileWriter.text(of: doc)

        func time(_ body: () -> Void) -> Double {
            var samples: [Double] = []
            for _ in 0..<reps {
                let t = Measure.now()
                body()
                samples.append((Measure.now() - t) * 1000)
            }
            return Measure.median(samples)
        }
        var parsed = PromptDocument()
        let readMs = time { parsed = (try? PromptFileReader(file: "bench").read(text).document) ?? parsed }
        let writeMs = time { _ = PromptFileWriter.text(of: parsed) }
        var state = WorkbenchState(width: 120, height: 40, model: ModelRef("local:smollm2-135m-instruct")!)
        let loadMs = time { state.load(parsed, defaultMode: { _ in .chat }) }
        var fingerprint = 0
        let fingerprintUs = time { fingerprint &+= state.contentFingerprint } * 1000
        let documentMs = time { _ = PromptFileWriter.text(of: state.promptDocument) }

        var result = Report("prompt_file.in_process")
        result.add("variants", variants)
        result.add("examples", examples)
        result.add("file_kb", Double(text.utf8.count) / 1024, digits: 1)
        result.add("read_ms", readMs)
        result.add("load_into_workbench_ms", loadMs)
        result.add("write_ms", writeMs)
        result.add("autosave_serialise_ms", documentMs)
        result.add("fingerprint_per_key_us", fingerprintUs)
        result.emit()
    }
}
