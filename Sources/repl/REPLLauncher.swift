import ArgumentParser
import QueryLang

/// Starts the interactive session (the line editor comes with the REPL work).
enum REPLLauncher {
    static func start(options: CommonOptions) throws {
        printError("mq: the interactive REPL is not built yet; use -c 'QUERY', mq run FILE, or pipe a script to mq")
        throw ExitCode(2)
    }
}
