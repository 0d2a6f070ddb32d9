import Foundation

/// Regular expressions run under the limits. The regex engine cannot be interrupted from outside, so it
/// is asked to report progress; each report checks cancellation, the time limit and the step limit, so
/// that a slow pattern that the check of ``RegexSafety`` lets through stops with E402 or E403 instead of
/// hanging.
///
/// The engine reports at two rates that the report itself does not tell apart: once for each position
/// where it starts a match attempt (about one per character scanned), and once for every 10,000 steps of
/// backtracking inside an attempt. The cost is counted in proportion to that work: up to one report per
/// UTF-16 unit of the text counts one step each (the scan), and every report beyond that can only be
/// backtracking and counts ``RegexScan/stepsPerReport``. A scan of a whole document therefore costs about its
/// length, and a pattern that backtracks still reaches the limit.
extension Interpreter {
    /// The limits' view of a regex scan on this thread: a position scanned counts one step (the limits
    /// checked every 4,096), a report of backtracking ``RegexScan/stepsPerReport`` (checked at once).
    func regexMeter(_ span: Span) -> RegexScan.Meter {
        { [unowned self] n in
            if n == 1 {
                self.steps &+= 1
                if self.steps & 4095 == 0 { try self.checkpoint(span) }
            } else {
                try self.spend(n, span)
            }
        }
    }

    /// Runs `re` over the whole of `text` (or the UTF-16 range `part` of it), handing each match to
    /// `onMatch` (which returns false to stop), with the engine's work counted against the limits.
    func scanMatches(_ re: NSRegularExpression, _ text: String, _ span: Span, in part: NSRange? = nil,
                     _ onMatch: (NSTextCheckingResult) -> Bool) throws {
        try RegexScan.scan(re, text, in: part, regexMeter(span), onMatch)
    }

    /// Whether `re` matches somewhere in `text` (``RegexScan/matches(_:_:prefilter:_:)``), counted against
    /// the limits.
    func regexMatches(_ re: NSRegularExpression, _ text: String, _ span: Span, prefilter: Bool = true) throws -> Bool {
        try RegexScan.matches(re, text, prefilter: prefilter, regexMeter(span))
    }

    /// UTF-8 ranges of the (non-empty) matches of `re` in `text`.
    func regexRanges(_ re: NSRegularExpression, _ text: String, _ span: Span) throws -> [Range<Int>] {
        var out: [Range<Int>] = []
        let utf8 = text.utf8
        try scanMatches(re, text, span) { result in
            if result.range.length > 0, let r = Range(result.range, in: text) {
                out.append(utf8.distance(from: utf8.startIndex, to: r.lowerBound)..<utf8.distance(from: utf8.startIndex, to: r.upperBound))
            }
            return true
        }
        return out
    }
}

/// The scan itself, whoever counts its work: the interpreter on its thread, or a part of a scan over
/// many texts on another core (``ExprCompiler/regexMatches(_:_:)``).
enum RegexScan {
    /// Steps a progress report of the regex engine's own backtracking counts for: ICU reports once per
    /// 10,000 of its steps inside a match attempt.
    static let stepsPerReport = 10_000

    /// Counts the engine's work: called with 1 for a position scanned, ``stepsPerReport`` for a report
    /// of backtracking; throws to stop the scan.
    typealias Meter = (Int) throws -> Void

    /// Runs `re` over the whole of `text`, handing each match to `onMatch` (which returns false to stop),
    /// each progress report counted by `meter`. With `part`, only the matches inside that UTF-16 range,
    /// the rest of the text still seen by `\b`, anchors and lookaround (transparent, non-anchoring
    /// bounds): each is a match of the whole text.
    static func scan(_ re: NSRegularExpression, _ text: String, in part: NSRange? = nil, _ meter: Meter,
                     _ onMatch: (NSTextCheckingResult) -> Bool) throws {
        var stopped: Error? = nil
        let range = part ?? NSRange(text.startIndex..<text.endIndex, in: text)
        var scanReports = range.length + 1
        let options: NSRegularExpression.MatchingOptions = part == nil ? [.reportProgress] : [.reportProgress, .withTransparentBounds, .withoutAnchoringBounds]
        // The enumeration's block is escaping in its declaration, though it runs only during the call.
        withoutActuallyEscaping(onMatch) { onMatch in
            withoutActuallyEscaping(meter) { meter in
                re.enumerateMatches(in: text, options: options, range: range) { result, _, stop in
                    if let result {
                        if !onMatch(result) { stop.pointee = true }
                        return
                    }
                    do {
                        if scanReports > 0 {
                            // The scan: one step a position.
                            scanReports -= 1
                            try meter(1)
                        } else {
                            try meter(stepsPerReport)
                        }
                    } catch {
                        stopped = error
                        stop.pointee = true
                    }
                }
            }
        }
        if let stopped { throw stopped }
    }

    /// Whether `re` matches somewhere in `text`: where the pattern has a literal every match contains
    /// (``RegexPrefilter``), only near the literal's occurrences, and not at all in a text without it.
    static func matches(_ re: NSRegularExpression, _ text: String, prefilter: Bool = true, _ meter: Meter) throws -> Bool {
        guard prefilter else { return try matchesWhole(re, text, meter) }
        var copy = text
        return try copy.withUTF8 { try matches(re, bytes: $0, text: { text }, meter) }
    }

    /// ``matches(_:_:prefilter:_:)`` of a text given as its UTF-8 bytes (a stored document's, read in
    /// place): the text is made as a string (`text`) only where the engine must see all of it.
    static func matches(_ re: NSRegularExpression, bytes: UnsafeBufferPointer<UInt8>, text: () -> String, _ meter: Meter) throws -> Bool {
        guard let filter = RegexPrefilter.of(re.pattern) else { return try matchesWhole(re, text(), meter) }
        var found = false
        let outcome = try filter.search(bytes: bytes, whole: text) { piece, range in
            try scan(re, piece, in: range, meter) { _ in
                found = true
                return false
            }
            return found
        }
        if outcome == .found { return true }
        return filter.partsMayMiss(bytes: bytes) ? try matchesWhole(re, text(), meter) : false
    }

    private static func matchesWhole(_ re: NSRegularExpression, _ text: String, _ meter: Meter) throws -> Bool {
        var found = false
        try scan(re, text, meter) { _ in
            found = true
            return false
        }
        return found
    }
}
