import Evaluation
import Foundation
import Platform
import PromptFiles
import Providers
import Sessions
import Synchronization

/// Runs the effects that do network and file I/O (streams, model discovery) on tasks, and answers
/// with actions through the queue. Terminal effects (clipboard, $EDITOR, quit) are the loop's.
public final class EffectRunner: Sendable {
    let models: any ModelProvider
    let queue: ActionQueue
    let observer: (any RunObserver)?
    let sessions: SessionStore?
    /// Grades evaluation cells (judges resolved through the model provider unless the app passes its own).
    let checks: CheckRunner
    private let limiter: ConcurrencyLimiter
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])
    private let cancelled = Mutex<Set<String>>([])
    /// The prompt file's saves and watcher.
    public let document: DocumentKeeper

    public init(models: any ModelProvider, queue: ActionQueue, observer: (any RunObserver)? = nil, sessions: SessionStore? = nil,
                limiter: ConcurrencyLimiter = ConcurrencyLimiter(limits: [:]), checks: CheckRunner? = nil) {
        self.models = models
        self.checks = checks ?? CheckRunner { name in
            guard let ref = ModelRef(name) else { throw JudgeNameError(name: name) }
            return JudgeModel(model: models.languageModel(for: ref), modelID: ref.model)
        }
        self.queue = queue
        self.observer = observer
        self.sessions = sessions
        self.limiter = limiter
        self.document = DocumentKeeper(actions: queue)
    }

    public func perform(_ effect: Effect) {
        switch effect {
        case .startRun(let run):
            start(run)
        case .answerTool(let id, let answer):
            ToolQuestions.shared.answer(id, with: answer)
        case .cancelRun(let id):
            ToolQuestions.shared.decline(runID: id)
            cancelled.withLock { _ = $0.insert(id) }
            tasks.withLock { $0[id] }?.cancel()
        case .refreshModels:
            Task {
                let quick = await models.catalog(probe: false)
                queue.send(.modelsUpdated(quick))
                let probed = await models.catalog(probe: true)
                queue.send(.modelsUpdated(probed))
            }
        case .listSessions, .searchSessions, .openSession, .loadSavedRun, .loadSavedGroup, .renameSession, .deleteSession:
            performSessionEffect(effect)
        case .loadAttachments(let entries, let folder):
            Task.detached(priority: .userInitiated) { [queue] in
                let (files, error) = AttachableFiles.load(entries, folder: folder)
                queue.send(.attachmentsLoaded(entries: entries, files: files, error: error))
            }
        case .countAttachmentTokens(let files, let entries, let model):
            Task.detached(priority: .utility) { [models, queue] in
                var counts: [Int?] = []
                for file in files {
                    guard file.kind == .text, let content = file.content else { counts.append(nil); continue }
                    counts.append(await models.countTextTokens(String(decoding: content, as: UTF8.self), model: model))
                }
                queue.send(.attachmentTokensCounted(entries: entries, counts: counts))
            }
        case .listAttachableFiles(let folder, let absolute):
            Task.detached(priority: .userInitiated) { [queue] in
                queue.send(.attachableFilesListed(AttachableFiles.list(folder: folder, absolute: absolute)))
            }
        case .startGroup(let group):
            observer?.groupStarted(group)
            group.runs.forEach(start)
        case .countTokens(let cells):
            Task { [models, queue] in
                var counted: [Int: Int] = [:]
                for cell in cells {
                    if let n = await models.countInputTokens(cell.request, model: cell.model) { counted[cell.cell] = n }
                }
                if !counted.isEmpty { queue.send(.tokensCounted(counted)) }
            }
        case .recordVerdict(let verdict):
            observer?.verdict(verdict)
        case .saveDocument(let text, let url, let fingerprint):
            document.save(text, to: url, fingerprint: fingerprint)
        case .saveDocumentAs(let text, let url, let fingerprint):
            document.saveAs(text, to: url, fingerprint: fingerprint)
        case .inspectPrompt(let request, let model):
            Task { [models, queue] in
                do throws(ProviderError) {
                    queue.send(.promptInspected(try await models.inspectPrompt(request, model: model), error: nil))
                } catch {
                    queue.send(.promptInspected(nil, error: error.message))
                }
            }
        case .scoreLabels(let runID, let request, let labels, let model):
            Task { [models, queue] in
                do throws(ProviderError) {
                    queue.send(.labelsScored(runID: runID, try await models.scoreLabels(request, labels: labels, model: model), error: nil))
                } catch {
                    queue.send(.labelsScored(runID: runID, nil, error: error.message))
                }
            }
        case .exportRunsToPromptFile(let runs, let session, let url):
            guard let sessions else {
                queue.send(.sessionMessage("sessions are off (--no-save)", isError: true))
                return
            }
            Task.detached(priority: .userInitiated) { [queue, document] in
                do throws(SessionError) {
                    let doc = PromptDocument(runs: try sessions.loadRuns(runs, from: session))
                    document.create(PromptFileWriter.text(of: doc), at: url) { text in .promptFileCreated(url, DiskVersion(document: doc, text: text)) }
                } catch {
                    queue.send(.sessionMessage(error.message, isError: true))
                }
            }
        case .writeCopy(let text, let url, let label):
            document.writeCopy(text, nextTo: url, label: label)
        case .prepareEvaluation(let request):
            prepareEvaluation(request)
        case .gradeCell(let request):
            grade(request)
        case .loadCases(let text, let file):
            loadCases(text: text, file: file)
        case .readCaseFile(let path, let folder):
            readCaseFile(path, folder: folder)
        case .decodeImagePreviews(let files):
            Task.detached(priority: .utility) { [queue] in
                var previews: [String: AttachmentPreview] = [:]
                for file in files { previews[file.sha256] = AttachmentPreview.decode(file.content ?? Data(), mediaType: file.mediaType) }
                queue.send(.imagePreviewsDecoded(previews))
            }
        case .copyToClipboard, .openExternalEditor, .editSchema, .quit:
            break
        }
    }

    /// Session files are read and changed off the UI thread; results come back as actions.
    private func performSessionEffect(_ effect: Effect) {
        guard let sessions else {
            queue.send(.sessionMessage("sessions are off (--no-save)", isError: true))
            return
        }
        let current = observer?.currentFile
        Task.detached(priority: .userInitiated) { [queue] in
            switch effect {
            case .listSessions:
                let (list, problems) = sessions.list()
                queue.send(.sessionsListed(list, problems: problems.map(\.message), current: current))
            case .searchSessions(let query):
                queue.send(.sessionsSearched(query: query, hits: sessions.search(query)))
            case .openSession(let file):
                do throws(SessionError) { queue.send(.sessionOpened(try sessions.open(file))) } catch {
                    queue.send(.sessionMessage(error.message, isError: true))
                }
            case .loadSavedRun(let run, let file, let purpose):
                do throws(SessionError) {
                    var saved = try sessions.loadRun(run, from: file)
                    // Attached files are read again (off the UI thread): a re-run or a fork sends them as they are now.
                    let (files, notes) = AttachmentRecheck.reload(saved.started.prompt.files)
                    saved.started.prompt.files = files
                    queue.send(.savedRunLoaded(saved, file: file, purpose: purpose))
                    if !notes.isEmpty { queue.send(.sessionMessage(notes.joined(separator: "; "), isError: true)) }
                } catch {
                    queue.send(.sessionMessage(error.message, isError: true))
                }
            case .loadSavedGroup(let runs, let group, let file):
                do throws(SessionError) {
                    queue.send(.savedGroupLoaded(try sessions.loadRuns(runs, from: file), group: group))
                } catch {
                    queue.send(.sessionMessage(error.message, isError: true))
                }
            case .renameSession(let file, let title):
                do throws(SessionError) {
                    try sessions.rename(file, to: title)
                    queue.send(.sessionMessage("renamed to \"\(title)\"", isError: false))
                } catch {
                    queue.send(.sessionMessage(error.message, isError: true))
                }
            case .deleteSession(let file):
                do throws(SessionError) {
                    try sessions.delete(file)
                    queue.send(.sessionMessage("deleted \(file.lastPathComponent)", isError: false))
                } catch {
                    queue.send(.sessionMessage(error.message, isError: true))
                }
            default:
                break
            }
        }
    }

    private func start(_ run: RunRequest) {
        // A cached evaluation cell plays its recorded answer: recorded and shown like any run, no model called.
        let base: any LanguageModel = run.canned.map { CannedModel(parts: $0) } ?? models.languageModel(for: run.model)
        // A canned answer is a recording: its loop already happened.
        let model: any LanguageModel = run.canned == nil ? run.tools.map { $0.model(base, ask: askTool(run.runID)) } ?? base : base
        observer?.runStarted(run, at: MonotonicClock.now())
        let task = Task { [queue, observer, limiter] in
            let stream: @Sendable () async -> Void = {
                for await part in model.stream(run.request) {
                    observer?.runPart(run.runID, part, at: MonotonicClock.now())
                    queue.send(.part(runID: run.runID, part))
                }
            }
            // Runs past the provider's concurrency limit wait here (shown as waiting) for a place; canned ones need none.
            if run.canned != nil { await stream() } else { _ = await limiter.withPermit(run.model.provider) { await stream() } }
            let wasCancelled = self.cancelled.withLock { $0.remove(run.runID) != nil }
            observer?.runEnded(run.runID, cancelled: wasCancelled, at: MonotonicClock.now())
            queue.send(.runEnded(runID: run.runID))
            _ = self.tasks.withLock { $0.removeValue(forKey: run.runID) }
        }
        tasks.withLock { $0[run.runID] = task }
    }

    /// Cancels every stream (quitting); waits briefly so the session records how they ended.
    public func cancelAll(waitSeconds: Double = 1) {
        let all = tasks.withLock { $0 }
        cancelled.withLock { $0.formUnion(all.keys) }
        all.values.forEach { $0.cancel() }
        let deadline = MonotonicClock.now() + waitSeconds
        while MonotonicClock.now() < deadline, !tasks.withLock({ $0.isEmpty }) { usleep(5_000) }
    }
}
