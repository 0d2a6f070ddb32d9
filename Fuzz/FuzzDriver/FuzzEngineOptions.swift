// The engine options of the engine harness, shared with the test that replays its seed inputs, so that a
// seed runs in the test under the limits it was found with.
import Foundation
import QueryLang

public enum FuzzEngineOptions {
    /// Imports served from memory: two files that import each other (so cycles are reachable), a file that
    /// imports itself, and a library of definitions.
    public static let importFiles: [String: String] = [
        "common.mq": "import \"other.mq\"\ndef big(x) = x.mention_count > 10\nlet groups = entities | where type == \"armed_group\"\n",
        "other.mq": "import \"common.mq\"\nlet n = 1\n",
        "self.mq": "import \"self.mq\"\n",
        "lib.mq": "def twice(x) = x * 2\nlet kh = ent(\"kataib-hezbollah\")\n",
    ]

    /// Tight limits, so that an input that runs away stops within `timeout`, and the imports above.
    public static func make(timeout: Duration) -> EngineOptions {
        var options = EngineOptions()
        options.limits.maxSteps = 200_000
        options.limits.maxRows = 10_000
        options.limits.maxOutputRows = 10_000
        options.limits.timeout = timeout
        options.limits.maxStringBytes = 1 << 20
        options.importLoader = MemoryImports()
        return options
    }

    struct MemoryImports: ImportLoader {
        func load(_ path: String, from: String) throws -> (name: String, text: String) {
            guard let text = FuzzEngineOptions.importFiles[path] else { throw CocoaError(.fileNoSuchFile) }
            return (path, text)
        }
    }
}
