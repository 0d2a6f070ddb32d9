import Foundation

/// Paths of the repository, found from this file's location (tests read fixtures and seeds in place).
enum Paths {
    static let testsDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let root = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("seeds").path
    static let examples = root.appendingPathComponent("examples")
}
