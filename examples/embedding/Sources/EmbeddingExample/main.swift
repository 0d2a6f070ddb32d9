// A small service over mq: a corpus built in memory and checked, a host function, queries with typed
// parameters streamed batch by batch, a request cancelled, a million rows streamed in flat memory, and a
// corpus loaded from disk once the host has opted into the platform's memory tuning.
// Every step checks its answer and the program exits 1 on the first wrong one.
import Foundation
import PlatformTuning
import QueryLang

func check(_ ok: Bool, _ what: String) {
    if ok { print("ok   \(what)") } else { print("FAIL \(what)"); exit(1) }
}

/// Peak resident memory of this process, in MiB (Linux; 0 elsewhere).
func peakMiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

// 1. An in-memory corpus, by id, with the loader's checks.
var builder = CorpusBuilder(name: "desk")
builder.addEntity(id: "iraq", type: .country, name: "Iraq")
builder.addEntity(id: "kh", type: .armedGroup, name: "Kataib Hezbollah", aliases: ["KH"], country: "iraq")
builder.addEntity(id: "nujaba", type: .armedGroup, name: "Harakat al-Nujaba", aliases: ["al-Nujaba"], country: "iraq")
builder.addDocument(id: "wire-1", text: "Kataib Hezbollah claimed the attack.\nHarakat al-Nujaba denied any role in Iraq.\n",
                    title: "Claim", outlet: "Wire", published: "2024-05-02", zones: [(.headline, 1...1), (.body, 2...2)])
builder.addDocument(id: "wire-2", text: "KH and al-Nujaba met in Baghdad.\n", title: "Meeting", published: "2024-06")
builder.addFact(id: "kh-attack", subject: "kh", predicate: "attacked", object: .entity("iraq"), date: "2024-05",
                doc: "wire-1", quote: "Kataib Hezbollah claimed the attack.")

var broken = builder
broken.addFact(id: "bad", subject: "kh", predicate: "allied_with", object: .entity("hezbollah"), doc: "wire-2",
               quote: "an alliance was announced")
if case let .failure(error) = broken.build() {
    for p in error.problems { print("     problem: \(p)") }
    check(error.problems.count == 2, "a missing entity and a quote not in its document are two problems")
} else {
    check(false, "a broken corpus is refused")
}
let corpus: Corpus
switch builder.build() {
case let .success(c): corpus = c
case let .failure(e): print(e); exit(1)
}

// 2. An engine with a host function and limits for a service.
var options = EngineOptions()
options.limits.timeout = .seconds(30)
options.functions.register(QueryFunction(name: "numbers", minArgs: 1, maxArgs: 1, signature: "numbers(n: int) -> list",
                                         help: "0 to n-1", returns: .list(.int), deterministic: true) { args, _ in
    guard case let .int(n) = args[0], n >= 0, n <= 1_000_000 else { return .null }
    return .list((0..<n).map { .int($0) })
})
let engine = Engine(corpus: corpus, options: options)
let session = engine.makeSession()

// 3. A request with typed parameters, read as a stream of typed rows.
let kh = corpus.entity(id: "kh")!
var rows: [String] = []
for try await batch in session.stream("mentions | where entity == $group and doc.published >= $since | select doc, surface, zone",
                                      parameters: ["group": .entity(kh.index), "since": .date(PartialDate(year: 2024, month: 5)!)]) {
    for row in batch.rows { rows.append("\(row.document("doc")!.id) \(row.string("surface")!) \(row.string("zone")!)") }
}
check(rows == ["wire-1 Kataib Hezbollah headline", "wire-2 KH body"], "parameters and typed rows: \(rows)")

// 4. The collected form, and JSON as --format json writes it.
let outputs = try await session.run("entities | where country.id == $c | select id, n = mention_count",
                                    parameters: ["c": .string("iraq")])
check(outputs.count == 1 && OutputFormat.json.render(outputs[0], corpus: corpus) == "[{\"id\":\"kh\",\"n\":2},\n {\"id\":\"nujaba\",\"n\":2}]\n",
      "collected run as JSON")

// 5. A client goes away: its task is cancelled and the query stops. It checks for cancellation between
//    batches, so it stops within milliseconds; the bound below only proves it stopped (run to the end it
//    would take hours) and stays loose because test machines are shared.
let long = Task {
    try await session.run("docs | expand i = numbers(100000) | expand j = numbers(100000) | where i * j == -1 | count", parameters: [:])
}
try await Task.sleep(for: .milliseconds(200))
let clock = ContinuousClock()
let t0 = clock.now
long.cancel()
let outcome = await long.result
_ = try session.run("docs | count")   // the session is free again
let stopped = clock.now - t0
print("     cancelled and free again after \(stopped)")
if case .failure(let e) = outcome { check(e is CancellationError, "a cancelled task ends with CancellationError") } else { check(false, "cancelled") }
check(stopped < .seconds(5), "the query stopped instead of running to the end")

// 6. A million rows streamed: memory stays flat.
let before = peakMiB()
var count = 0
var sum: Int64 = 0
for try await batch in session.stream("docs | expand i = numbers(1000) | expand j = numbers(500) | select v = i * 500 + j") {
    count += batch.rows.count
    for row in batch.rows { sum += row.int("v")! }
}
let grown = peakMiB() - before
print("     1,000,000 rows streamed; peak memory \(before) MiB before, grew by \(grown) MiB")
check(count == 1_000_000 && sum == 2 * (499_999 * 500_000 / 2), "a million rows, each once")
check(grown < 64, "memory flat while streaming")

// 7. The library leaves the process's allocator alone until the host, which owns the process, opts in
// (before its first load from disk); then a corpus directory is loaded with the tuning in force.
check(ProcessMemory.tuning is PlainMemory, "no memory tuning unless the host installs one")
if ProcessInfo.processInfo.environment[PlatformTuning.switchVariable] == nil {
    check(PlatformTuning.install(), "the host opts into the platform tuning")
    check(ProcessMemory.tuning is GlibcMemoryTuning, "the glibc tuning is in force")
}
let seedsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../seeds").standardized.path
let seeds = try Corpus.load(directory: seedsDirectory)
check(seeds.documents.count == 5, "the seeds corpus loaded with the tuning: \(seeds.documents.count) documents")
print("embedding example: all checks passed")
