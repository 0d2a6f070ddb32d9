import Foundation

/// A result file written atomically: the text goes to a temporary file beside it, which takes the
/// file's name only when ``commit()`` is called, so that a reader never sees half a file and a run that
/// fails leaves the old file as it was. Without `overwrite`, an existing file is never replaced: the
/// final step is a hard link, which fails if the name has been taken in the meantime.
final class OutputFile {
    let path: String
    let overwrite: Bool
    private let temporary: String
    private let handle: FileHandle
    private var open = true

    enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case cannotWrite(String, String)
        var description: String {
            switch self {
            case let .exists(p): return "\(p) exists; not overwritten (use --force, or answer y at the prompt)"
            case let .cannotWrite(p, why): return "cannot write \(p): \(why)"
            }
        }
    }

    init(path: String, overwrite: Bool) throws(Failure) {
        self.path = path
        self.overwrite = overwrite
        if !overwrite && FileManager.default.fileExists(atPath: path) { throw .exists(path) }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw .cannotWrite(path, "no directory \(dir)")
        }
        var template = Array((dir + "/." + url.lastPathComponent + ".mq-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func write(_ text: String) {
        guard open else { return }
        handle.write(Data(text.utf8))
    }

    /// Gives the written text the file's name. Throws when the file appeared meanwhile (without
    /// `overwrite`) or cannot be written; the temporary file is removed either way.
    func commit() throws(Failure) {
        guard open else { return }
        open = false
        defer { unlink(temporary) }
        do { try handle.synchronize(); try handle.close() } catch {
            throw .cannotWrite(path, "\(error)")
        }
        if overwrite {
            guard rename(temporary, path) == 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        } else {
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw .exists(path) }
                throw .cannotWrite(path, String(cString: strerror(errno)))
            }
        }
    }

    /// Drops what was written; the file is left as it was.
    func abandon() {
        guard open else { return }
        open = false
        try? handle.close()
        unlink(temporary)
    }

    deinit { abandon() }
}
