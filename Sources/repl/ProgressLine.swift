import Foundation

/// A one-line progress message on stderr, shown only if the work takes longer than a delay.
///
/// The delay is a timer that ``finish()`` cancels, so that nothing is left to fire later (on a thread
/// started just as the session ends, say).
final class ProgressLine: @unchecked Sendable {
    private let message: String
    private let lock = NSLock()
    private var done = false
    private var shown = false
    private var timer: DispatchSourceTimer?

    init(message: String) { self.message = message }

    func start(after seconds: Double) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        t.schedule(deadline: .now() + seconds)
        t.setEventHandler { [self] in
            lock.lock()
            defer { lock.unlock() }
            if !done {
                shown = true
                FileHandle.standardError.write(Data(message.utf8))
            }
        }
        lock.lock()
        timer = t
        lock.unlock()
        t.resume()
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        done = true
        timer?.cancel()
        timer = nil
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
