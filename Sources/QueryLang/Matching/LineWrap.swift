/// Whether a text is hard-wrapped (text extracted from PDFs, plain-text e-mail): then a single line break
/// inside a sentence is no sentence end, and a name may go on across it.
///
/// Decided from the lines read so far, at each line break: the text is taken as wrapped when it has at
/// least three lines, nine in ten of them at most 110 bytes long, and at least half of them 40 to 110
/// bytes long and ending without a sentence end. A line break then continues the sentence if the line it
/// ends is of that kind too. News text scraped one paragraph per line never looks so.
struct LineWrap {
    var lineStart = 0
    private var lines = 0
    private var short = 0
    private var wrappedLike = 0
    /// Whether the last line break continued a sentence.
    private(set) var continuesSentence = false

    mutating func lineEnded(length: Int, terminated: Bool) {
        guard length > 0 else { return }
        let wrapped = length >= 40 && length <= 110 && !terminated
        lines += 1
        if length <= 110 { short += 1 }
        if wrapped { wrappedLike += 1 }
        continuesSentence = wrapped && lines >= 3 && short * 10 >= lines * 9 && wrappedLike * 2 >= lines
    }
}
