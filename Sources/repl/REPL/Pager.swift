import CEditLine
import Foundation

/// Long output on a terminal goes through a pager ($MQ_PAGER, $PAGER, else `less -FRX`); short output,
/// or output that is not to a terminal, is written directly.
enum Pager {
    static func write(_ text: String, enabled: Bool) {
        let rows = Int(mq_terminal_rows())
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard enabled, rows > 0, lines > rows - 2, isatty(STDOUT_FILENO) != 0 else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let env = ProcessInfo.processInfo.environment
        let command = env["MQ_PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        guard let pipe = popen(command, "w") else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        _ = text.withCString { fputs($0, pipe) }
        pclose(pipe)
    }
}
