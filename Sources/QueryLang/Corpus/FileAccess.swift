#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

private let systemRead = read

extension Error {
    /// The message of a file error, for load problems.
    var loadMessage: String { (self as? FileAccess.ReadError)?.message ?? "\(self)" }
}

/// Plain reads of corpus files. mq never writes into a corpus.
enum FileAccess {
    struct ReadError: Error { let message: String }

    /// The whole file, or an error that names why it could not be read.
    static func read(_ path: String, limit: Int = Int(Int32.max)) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw ReadError(message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw ReadError(message: "cannot stat: \(String(cString: strerror(errno)))") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(message: "is a directory") }
        let size = Int(st.st_size)
        if size > limit { throw ReadError(message: "file is \(size) bytes, over the limit of \(limit)") }
        var failure: Int32 = 0
        let buffer = [UInt8](unsafeUninitializedCapacity: size) { p, count in
            var done = 0
            while done < size {
                let n = systemRead(fd, p.baseAddress! + done, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        if failure != 0 { throw ReadError(message: "read failed: \(String(cString: strerror(failure)))") }
        return buffer
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// File names in a directory with the given extension, sorted; hidden files skipped.
    static func list(_ dir: String, ext: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix("." + ext) }.sorted()
    }

    /// Modification time and size of a file, for cache validation.
    static func signature(_ path: String) -> (mtime: Int, size: Int)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
        let m = Int(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int(st.st_mtimespec.tv_nsec)
        #else
        let m = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
        #endif
        return (m, Int(st.st_size))
    }
}

/// Runs `body` over `0..<count` on every core, in contiguous chunks, and collects results in order.
func parallelChunks<T>(_ count: Int, minChunk: Int = 16, _ body: (Range<Int>) -> T) -> [T] {
    if count == 0 { return [] }
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunks = min(max(1, count / minChunk), cores * 4)
    if chunks == 1 { return [body(0..<count)] }
    let results = UnsafeMutablePointer<T?>.allocate(capacity: chunks)
    results.initialize(repeating: nil, count: chunks)
    defer { results.deinitialize(count: chunks); results.deallocate() }
    nonisolated(unsafe) let out = results
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks, hi = count * (c + 1) / chunks
            out[c] = work(lo..<hi)
        }
    }
    return (0..<chunks).map { results[$0]! }
}
