import Foundation

/// Cancellation and the time limit inside the loops whose cost grows with the size of a text (a 50 MB
/// page of one sentence): the scans of `kwic` and `has` ask ``stopCheck`` every 4,096 words, `contains`
/// searches a large text 64 KiB at a time, the regex engine reports progress (regexMatches), kwic
/// reads a window around each hit (Kwic.context) and a sentence is trimmed from its ends
/// (Corpus.trimmedSentenceRange). After a stopped scan, ``checkpoint(_:)`` throws E403 or E402.
extension Interpreter {
    /// Whether the query must stop now: cancelled, or past its time limit. Cheap (an atomic load and,
    /// with a time limit, a read of the clock); safe to call from loops that cannot throw.
    var shouldStop: Bool {
        if let cancel, cancel.isCancelled { return true }
        if let deadline, ContinuousClock.now > deadline { return true }
        return false
    }

    /// ``shouldStop`` as a closure, for the scanners.
    var stopCheck: () -> Bool { { [unowned self] in self.shouldStop } }

    /// Whether `hay` holds `needle`, ignoring case. A large text is searched 64 KiB at a time (each
    /// piece overlapping the next by more than the needle can span), checking cancellation and the time
    /// limit between pieces.
    func containsIgnoringCase(_ hay: String, _ needle: String, _ span: Span) throws -> Bool {
        if needle.isEmpty { return true }
        let piece = 1 << 16
        guard hay.utf8.count > piece else { return hay.range(of: needle, options: [.caseInsensitive]) != nil }
        // Case folding may change lengths (ß and SS): the overlap is generous.
        let overlap = needle.utf8.count * 4 + 64
        let u = hay.utf8
        var start = u.startIndex
        while start < u.endIndex {
            try checkpoint(span)
            var end = u.index(start, offsetBy: piece, limitedBy: u.endIndex) ?? u.endIndex
            // Whole characters only: move the ends back to a character boundary.
            end = hay.rangeOfComposedCharacterSequence(at: end == u.endIndex ? hay.index(before: end) : end).upperBound
            if end > u.endIndex { end = u.endIndex }
            if hay.range(of: needle, options: [.caseInsensitive], range: start..<end) != nil { return true }
            if end == u.endIndex { break }
            let back = u.index(end, offsetBy: -overlap, limitedBy: start) ?? start
            let next = hay.rangeOfComposedCharacterSequence(at: back).lowerBound
            start = next > start ? next : end
        }
        return false
    }
}
