import Yams

/// Reads one hand-edited YAML file of a corpus into nodes, turning every problem into a ``LoadProblem``
/// with its line. Anchors and aliases are refused (every value is written where it is used), and so are
/// duplicate keys (Yams reports them) and tags other than the no-op `!!str`, `!!seq` and `!!map`.
struct YAMLReader {
    let file: String
    var problems: [LoadProblem] = []

    init(file: String) {
        self.file = file
    }

    /// Parses `text`; nil (with a problem recorded) when it is not valid YAML.
    mutating func parse(_ text: String) -> Node? {
        do {
            // Every scalar stays a string (no implicit int/bool/date resolution): mq types values itself.
            let parser = try Yams.Parser(yaml: text, resolver: .basic)
            guard let node = try parser.singleRoot() else { return nil }
            // Nodes hold their anchors weakly: check them while the parser is alive.
            withExtendedLifetime(parser) { checkNoAnchors(node) }
            return node
        } catch let e as YamlError {
            problems.append(describe(e))
        } catch {
            problems.append(LoadProblem(file: file, message: "cannot read YAML: \(error)"))
        }
        return nil
    }

    private func describe(_ e: YamlError) -> LoadProblem {
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // libyaml notices an unclosed quote or bracket only at the end; its context says where it began.
            if let context, context.mark.line != mark.line {
                return LoadProblem(file: file, line: context.mark.line,
                                   message: "invalid YAML: \(context.text) (column \(context.mark.column)), \(problem) at line \(mark.line)")
            }
            return LoadProblem(file: file, line: mark.line, message: "invalid YAML: \(problem) (column \(mark.column))")
        case let .duplicatedKeysInMapping(duplicates, context):
            return LoadProblem(file: file, line: context.mark.line,
                               message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        case let .reader(problem, offset, _, _):
            return LoadProblem(file: file, message: "invalid YAML text: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        default:
            return LoadProblem(file: file, message: "invalid YAML: \(e)")
        }
    }

    private mutating func checkNoAnchors(_ node: Node) {
        switch node {
        case .alias:
            problems.append(LoadProblem(file: file, line: node.mark?.line,
                                        message: "YAML aliases (*name) are not allowed; write the value out"))
        case let .scalar(s):
            if s.anchor != nil { anchorProblem(node) }
            checkTag(s.tag, node)
        case let .mapping(m):
            if m.anchor != nil { anchorProblem(node) }
            checkTag(m.tag, node)
            for (k, v) in m { checkNoAnchors(k); checkNoAnchors(v) }
        case let .sequence(s):
            if s.anchor != nil { anchorProblem(node) }
            checkTag(s.tag, node)
            for v in s { checkNoAnchors(v) }
        }
    }

    /// Tags that change nothing: every scalar is read as a string, and sequences and mappings are what
    /// they look like. Yams cannot tell `!!str x` from `"x"`, so these three are let through.
    static let harmlessTags: Set<String> = ["", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"]

    /// Any other tag (`!custom`, `!!int`, `!!binary`, `!!python/object`, a bare `!`) is refused: mq types
    /// values itself, and a tag that seems to change a value's type would be silently ignored.
    private mutating func checkTag(_ tag: Tag, _ node: Node) {
        let name = tag.description
        guard !YAMLReader.harmlessTags.contains(name) else { return }
        let shown = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
        problems.append(LoadProblem(file: file, line: node.mark?.line,
                                    message: "YAML tags (\(shown)) are not allowed; write the plain value"))
    }

    private mutating func anchorProblem(_ node: Node) {
        problems.append(LoadProblem(file: file, line: node.mark?.line,
                                    message: "YAML anchors (&name) are not allowed; write each value where it is used"))
    }

    mutating func error(_ node: Node?, _ message: String, hint: String? = nil) {
        problems.append(LoadProblem(file: file, line: node?.mark?.line, message: message, hint: hint))
    }

    /// The entries of a mapping, checking the keys against `allowed`; unknown keys get a "did you mean".
    mutating func mapping(_ node: Node, allowed: [String], what: String) -> [String: Node]? {
        guard case let .mapping(m) = node else {
            error(node, "expected a mapping (key: value) for \(what)")
            return nil
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.scalar?.string else { error(k, "a key must be a plain word"); continue }
            if !allowed.contains(key) {
                error(k, "unknown key '\(key)' in \(what)", hint: Suggestions.hint(for: key, in: allowed)
                    ?? "allowed: \(allowed.joined(separator: ", "))")
                continue
            }
            out[key] = v
        }
        return out
    }

    /// A scalar as a string; nil for null or absent.
    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        if isNull(node) { return nil }
        guard case let .scalar(s) = node else { error(node, "\(what) must be a single value"); return nil }
        return s.string
    }

    func isNull(_ node: Node) -> Bool {
        if case let .scalar(s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) { return true }
        return false
    }

    /// A list of strings; a single string is taken as a list of one.
    mutating func strings(_ node: Node?, _ what: String) -> [(String, Node)] {
        guard let node, !isNull(node) else { return [] }
        switch node {
        case let .sequence(seq):
            var out: [(String, Node)] = []
            for item in seq {
                if case let .scalar(s) = item, !isNull(item) { out.append((s.string, item)) }
                else { error(item, "each item of \(what) must be a single value") }
            }
            return out
        case let .scalar(s):
            return [(s.string, node)]
        default:
            error(node, "\(what) must be a list")
            return []
        }
    }

    mutating func date(_ node: Node?, _ what: String) -> PartialDate? {
        guard let text = string(node, what) else { return nil }
        guard let d = PartialDate(parsing: text) else {
            error(node, "malformed date '\(text)' for \(what)", hint: "write YYYY, YYYY-MM or YYYY-MM-DD, with ~ for approximate")
            return nil
        }
        return d
    }

    func line(_ node: Node?) -> Int? { node?.mark?.line }
}
