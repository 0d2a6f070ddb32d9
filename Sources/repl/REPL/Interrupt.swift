import CEditLine
@_spi(MQInternals) import QueryLang

/// Ctrl-C while a query runs: the SIGINT handler cancels the current query's token (an atomic store,
/// safe in a signal handler). While a line is edited, libedit turns Ctrl-C into a key instead.
enum Interrupt {
    nonisolated(unsafe) static var current: CancellationToken?

    static func install() {
        _ = mq_install_sigint { _ in Interrupt.current?.cancel() }
    }
}
