import Foundation

/// A model that runs the tool loop: it streams the base model's parts, answers the calls, sends the
/// next request, and so on until an answer without calls or the step limit.
///
/// One run, one stream: call indexes are numbered across steps, usage is summed over the steps, and
/// only the last step's finish is passed on, so everything downstream (the screen, the session, `--json`)
/// reads a looped run like any other, with `.toolResult` parts between the steps.
public struct ToolLoopModel: LanguageModel {
    public let base: any LanguageModel
    public let answerer: any ToolAnswering
    public let maxSteps: Int

    public init(base: any LanguageModel, answerer: any ToolAnswering, maxSteps: Int = ToolLoop.defaultMaxSteps) {
        self.base = base
        self.answerer = answerer
        self.maxSteps = maxSteps
    }

    public func stream(_ request: ModelRequest) -> AsyncStream<StreamPart> {
        // Without tools there is no loop: the base stream as it is.
        guard !request.tools.isEmpty else { return base.stream(request) }
        let (stream, continuation) = AsyncStream<StreamPart>.makeStream()
        let task = Task { [base, answerer, maxSteps] in
            await Self.run(request, base: base, answerer: answerer, maxSteps: maxSteps) { continuation.yield($0) }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    static func run(_ request: ModelRequest, base: any LanguageModel, answerer: any ToolAnswering, maxSteps: Int, emit: (StreamPart) -> Void) async {
        var loop = ToolLoop(request: request, maxSteps: maxSteps)
        var next = request
        var earlierUsage: Usage?
        while !Task.isCancelled {
            var step = RunAccumulator()
            var stepUsage: Usage?
            var finish: FinishReason?
            for await part in base.stream(next) {
                step.add(part)
                switch part {
                case .toolCallDelta(var delta):
                    delta.index += loop.callCount
                    emit(.toolCallDelta(delta))
                case .usage(let u):
                    stepUsage = (stepUsage ?? Usage()).overwritten(by: u)
                    emit(.usage(Self.sum(earlierUsage, stepUsage)))
                case .finish(let f):
                    finish = f
                default:
                    emit(part)
                }
            }
            let calls = step.toolCalls.sorted { $0.index < $1.index }
            switch loop.decide(text: step.text, calls: calls, failed: step.failed || Task.isCancelled) {
            case .finished:
                if let finish { emit(.finish(finish)) }
                return
            case .stepLimit(let line):
                emit(.warning(line))
                if let finish { emit(.finish(finish)) }
                return
            case .answer(let pending):
                var results: [ToolResult] = []
                for call in pending {
                    let answer: ToolAnswer
                    if let rejection = call.rejection {
                        answer = ToolAnswer(content: rejection, isError: true)
                    } else {
                        answer = await answerer.answer(call, step: loop.currentStep)
                    }
                    if Task.isCancelled { return }
                    let result = ToolResult(index: call.index, id: call.call.id, name: call.call.name, content: answer.content, isError: answer.isError, step: loop.currentStep)
                    if let note = answer.note { emit(.warning(note)) }
                    emit(.toolResult(result))
                    results.append(result)
                }
                earlierUsage = Self.sum(earlierUsage, stepUsage)
                next = loop.nextRequest(answering: results)
            }
        }
    }

    /// Field-by-field sum; a figure neither step reported stays unknown.
    static func sum(_ a: Usage?, _ b: Usage?) -> Usage {
        func add(_ x: Int?, _ y: Int?) -> Int? { x == nil && y == nil ? nil : (x ?? 0) + (y ?? 0) }
        let a = a ?? Usage(), b = b ?? Usage()
        return Usage(input: add(a.input, b.input), output: add(a.output, b.output), cacheRead: add(a.cacheRead, b.cacheRead),
                     cacheWrite: add(a.cacheWrite, b.cacheWrite), reasoning: add(a.reasoning, b.reasoning))
    }
}
