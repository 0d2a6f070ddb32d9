import Foundation

/// Metadata read from the text of a document that has none (no sidecar, no `documents.tsv` row): its
/// title, published date and outlet, and the zones of its boilerplate. Such a document's
/// `metadata_source` is `inferred`, so queries can tell these values from curated ones.
///
/// Zones, line by line:
/// - `navigation`: short lines of site furniture (`Skip to content`, `Menu`, `Share`, `Short Url`),
///   breadcrumb and section lines (`World | Middle East`, `Home > News`), tag and category lines
///   (`Tags: ...`, `Filed under: ...`);
/// - `ad` (`Advertisement`, `Sponsored`) and `prompt` (`Sign up for ...`, `Subscribe to our newsletter`);
/// - `byline` (`By Name`) and `dateline` (`Published ...`, `Updated ...`, a line that is only a date) near
///   the top;
/// - `caption`: lines that start with `Photo:`/`Image:`/`Caption:` or end in a photo credit (`Photo: AFP`,
///   `(AFP)`, `/AFP]`, `Getty Images`);
/// - `related`: from a `Related articles` / `Read more` / `More from` / `See also` heading to the next
///   reference heading or the end;
/// - `references`: from a `References` / `Notes` / `Sources` / `Bibliography` heading to the end;
/// - `headline`: the title line.
/// The title is the first line in the first 15 that is no boilerplate. The date comes, in this order,
/// from a `Published`/`Updated`/`Posted` line, a dateline (`BAGHDAD, May 2, 2024 -`), or a line that is
/// only a date, in the first 15 lines. The outlet comes from a wire credit in the dateline
/// (`BAGHDAD (Reuters) -`), a `Source:` line, or a `© 2024 Name` line.
@_spi(MQInternals) public enum MetadataInference {
    @_spi(MQInternals) public struct Result: Sendable {
        @_spi(MQInternals) public var title: String?
        @_spi(MQInternals) public var published: PartialDate?
        @_spi(MQInternals) public var publishedNote: String?
        @_spi(MQInternals) public var outlet: String?
        /// Zones by 1-based lines, in order, not overlapping.
        @_spi(MQInternals) public var zones: [(kind: ZoneKind, first: Int, last: Int)] = []
    }

    static let top = 15

    @_spi(MQInternals) public static func infer(lines: [String]) -> Result {
        var r = Result()
        var kinds = [ZoneKind?](repeating: nil, count: lines.count)
        var tail: ZoneKind? = nil  // related or references: runs to the next heading of the other kind or the end
        for (k, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let lower = line.lowercased()
            if line.isEmpty { kinds[k] = tail; continue }
            if referenceHeadings.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ":"))) { tail = .references }
            else if relatedHeadings.contains(where: { lower == $0 || (lower.hasPrefix($0) && line.count < 40) }) { tail = .related }
            if let t = tail { kinds[k] = t; continue }
            kinds[k] = boilerplate(line, lower, nearTop: k < top)
        }
        // The title: the first line near the top that is no boilerplate.
        for k in 0..<min(top, lines.count) where kinds[k] == nil {
            let t = lines[k].trimmingCharacters(in: .whitespacesAndNewlines)
            guard t.count >= 10, t.count <= 200, t.contains(where: \.isLetter) else { continue }
            r.title = t
            kinds[k] = .headline
            break
        }
        // The date and the outlet.
        let head = Array(lines.prefix(top).enumerated())
        let dated = head.lazy.compactMap { k, l in publishedLine(l).map { (k, $0) } }.first
            ?? head.lazy.compactMap { k, l in dateline(l).map { (k, $0) } }.first
            ?? head.lazy.compactMap { k, l in onlyDate(l).map { (k, $0) } }.first
        if let (k, date) = dated {
            r.published = date
            r.publishedNote = "inferred from line \(k + 1): " + String(lines[k].trimmingCharacters(in: .whitespaces).prefix(80))
        }
        r.outlet = head.lazy.compactMap { outlet(in: $0.element) }.first ?? lines.suffix(10).lazy.compactMap { outlet(in: $0) }.first
        // Zones: runs of lines of one kind.
        var k = 0
        while k < kinds.count {
            guard let kind = kinds[k] else { k += 1; continue }
            var end = k
            while end + 1 < kinds.count && kinds[end + 1] == kind { end += 1 }
            r.zones.append((kind, k + 1, end + 1))
            k = end + 1
        }
        return r
    }

    // MARK: Lines

    static let navigationLines: Set<String> = [
        "skip to content", "skip to main content", "menu", "home", "search", "sign in", "log in", "login", "share",
        "share this", "share this article", "follow us", "short url", "print", "email", "close", "open menu",
        "main menu", "toggle navigation", "back to top", "copy link", "facebook", "twitter", "whatsapp", "linkedin",
        "telegram", "logo", "listen", "listen to this article", "comments", "latest", "trending", "most read",
    ]
    static let tagPrefixes = ["tags:", "topics:", "categories:", "category:", "filed under:", "keywords:", "section:"]
    static let relatedHeadings = ["related articles", "related", "related stories", "related news", "read more", "read also",
                                  "more from", "more on this", "recommended", "you may also like", "see also", "also read",
                                  "more stories", "latest news"]
    static let referenceHeadings: Set<String> = ["references", "notes", "sources", "bibliography", "footnotes", "works cited",
                                                 "citations", "endnotes", "external links", "further reading"]

    /// The boilerplate kind of a line, or nil for the article's own text.
    static func boilerplate(_ line: String, _ lower: String, nearTop: Bool) -> ZoneKind? {
        if navigationLines.contains(lower) || tagPrefixes.contains(where: lower.hasPrefix) { return .navigation }
        if line.count < 100 && (line.components(separatedBy: " | ").count >= 3 || line.components(separatedBy: " > ").count >= 3
                                || line.components(separatedBy: " › ").count >= 3 || line.components(separatedBy: " / ").count >= 3) {
            return .navigation
        }
        if lower == "advertisement" || lower == "sponsored" || lower.hasPrefix("advertisement ") { return .ad }
        if lower.hasPrefix("sign up for") || lower.hasPrefix("subscribe to") || lower.hasPrefix("download the") && lower.contains("app") {
            return .prompt
        }
        if ["photo:", "image:", "caption:", "picture:", "photograph:"].contains(where: lower.hasPrefix) { return .caption }
        if line.count < 300 && (lower.range(of: #"(photo|image|picture|credit)s?:\s*[^.]{1,60}$"#, options: .regularExpression) != nil
                                || lower.range(of: #"(\(|/)(afp|reuters|ap|getty images|epa|anadolu)(\)|\])?\s*$"#, options: .regularExpression) != nil
                                || lower.hasSuffix("getty images")) {
            return .caption
        }
        if nearTop {
            if line.count < 80 && (line.hasPrefix("By ") || lower.hasPrefix("written by ")) && !line.hasSuffix(".") { return .byline }
            if line.count < 100 && (publishedLine(line) != nil || onlyDate(line) != nil) { return .dateline }
        }
        return nil
    }

    // MARK: Dates

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// The first date written out in `text`: `12 March 2024`, `March 12, 2024`, `Mar. 12, 2024`,
    /// `2024-03-12`, `March 2024`; with its range.
    static let datePatterns: [NSRegularExpression] = [
        #"\b(\d{4})-(\d{2})-(\d{2})\b"#,
        #"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b"#,
        #"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b"#,
        #"\b([A-Za-z]{3,9})\s+(\d{4})\b"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    static func firstDate(_ text: String) -> (PartialDate, Range<String.Index>)? {
        var best: (PartialDate, Range<String.Index>)? = nil
        for (n, re) in datePatterns.enumerated() {
            guard let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(m.range, in: text) else { continue }
            func g(_ i: Int) -> String { Range(m.range(at: i), in: text).map { String(text[$0]) } ?? "" }
            var date: PartialDate? = nil
            switch n {
            case 0: date = PartialDate(year: Int(g(1)) ?? 0, month: Int(g(2)), day: Int(g(3)))
            case 1: if let mo = months[g(2).lowercased()] { date = PartialDate(year: Int(g(3)) ?? 0, month: mo, day: Int(g(1))) }
            case 2: if let mo = months[g(1).lowercased()] { date = PartialDate(year: Int(g(3)) ?? 0, month: mo, day: Int(g(2))) }
            default: if let mo = months[g(1).lowercased()] { date = PartialDate(year: Int(g(2)) ?? 0, month: mo) }
            }
            guard let d = date, (1900...2100).contains(Int(g(n == 0 ? 1 : n == 3 ? 2 : 3)) ?? 0) else { continue }
            if best == nil || range.lowerBound < best!.1.lowerBound { best = (d, range) }
        }
        return best
    }

    /// `Published 12 March 2024`, `Updated: May 2, 2024 10:31 GMT`, `Posted on ...`.
    static func publishedLine(_ line: String) -> PartialDate? {
        let lower = line.lowercased()
        guard let r = lower.range(of: #"\b(published|updated|posted|first published|date)\b( on)?:?"#, options: .regularExpression),
              r.lowerBound == lower.startIndex || line.count < 120 else { return nil }
        return firstDate(String(line[r.upperBound...])).map(\.0)
    }

    /// A dateline at the start of a line: `BAGHDAD, May 2, 2024 -`, `BAGHDAD (Reuters) May 2, 2024 -`.
    static func dateline(_ line: String) -> PartialDate? {
        guard line.range(of: #"^[A-Z][A-Z .'-]{2,30}(,|\s*\()"#, options: .regularExpression) != nil,
              let (d, r) = firstDate(line), line.distance(from: line.startIndex, to: r.lowerBound) < 50 else { return nil }
        return d
    }

    /// A line that is only a date (and perhaps a time).
    static func onlyDate(_ line: String) -> PartialDate? {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.count <= 40, let (d, r) = firstDate(t) else { return nil }
        let rest = (t[..<r.lowerBound] + t[r.upperBound...]).filter { $0.isLetter }
        return rest.count <= 8 ? d : nil  // a weekday or "GMT" may stand beside it
    }

    // MARK: Outlet

    static let outletPatterns: [NSRegularExpression] = [
        #"^[A-Z][A-Z .'-]{2,30}(?:,[^(]{0,30})?\((Reuters|AFP|AP|Associated Press|Agence France-Presse|Anadolu|Xinhua)\)"#,
        #"^Source:\s*([A-Z][\w&.' -]{1,50})$"#,
        #"^(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?([A-Z][\w&.' -]{1,50}?)\.?(?:\s+All rights reserved\.?)?$"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// A wire credit in a dateline, a `Source:` line, or a copyright line.
    static func outlet(in line: String) -> String? {
        let t = line.trimmingCharacters(in: .whitespaces)
        for re in outletPatterns {
            guard let m = re.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)),
                  let r = Range(m.range(at: 1), in: t) else { continue }
            let name = t[r].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return nil
    }
}
