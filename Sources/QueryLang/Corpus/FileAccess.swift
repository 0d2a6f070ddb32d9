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
        // O_NONBLOCK: opening a named pipe must not wait for a writer (it is then refused as not a regular file).
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        if fd < 0 { throw ReadError(message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let size = try checkedSize(fd, limit: limit)
        var failure: Int32 = 0
        let buffer = [UInt8](unsafeUninitializedCapacity: size) { p, count in
            (count, failure) = readAll(fd, into: p.baseAddress, size)
        }
        if failure != 0 { throw ReadError(message: "read failed: \(String(cString: strerror(failure)))") }
        return buffer
    }

    /// Reads the files of one directory, one after another, into one reused buffer: for the thousands of
    /// documents of a corpus, with no allocation per file and a lookup of the file name alone (`openat`).
    /// Not to be shared between threads.
    final class DirectoryReader {
        private let directory: String
        /// The open directory; -1 if it could not be opened (then files are opened by their full path).
        private let directoryFD: Int32
        private var buffer: UnsafeMutablePointer<UInt8>
        private var capacity = 64 << 10

        init(_ directory: String) {
            self.directory = directory
            directoryFD = open(directory, O_RDONLY | O_DIRECTORY)
            buffer = .allocate(capacity: capacity)
        }

        deinit {
            if directoryFD >= 0 { close(directoryFD) }
            buffer.deallocate()
        }

        /// The whole file `name` of the directory, valid until the next read; or an error that names why
        /// it could not be read (as ``FileAccess/read(_:limit:)`` words it).
        func read(_ name: String, limit: Int) throws -> UnsafeBufferPointer<UInt8> {
            let fd = directoryFD >= 0 ? openat(directoryFD, name, O_RDONLY | O_NONBLOCK) : open(directory + "/" + name, O_RDONLY | O_NONBLOCK)
            if fd < 0 { throw ReadError(message: "cannot open: \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            let size = try checkedSize(fd, limit: limit)
            if size > capacity {
                buffer.deallocate()
                capacity = max(size, capacity * 2)
                buffer = .allocate(capacity: capacity)
            }
            let (count, failure) = readAll(fd, into: buffer, size)
            if failure != 0 { throw ReadError(message: "read failed: \(String(cString: strerror(failure)))") }
            return UnsafeBufferPointer(start: buffer, count: count)
        }
    }

    /// The size of an open file, which must be a regular file of at most `limit` bytes.
    private static func checkedSize(_ fd: Int32, limit: Int) throws -> Int {
        var st = stat()
        if fstat(fd, &st) != 0 { throw ReadError(message: "cannot stat: \(String(cString: strerror(errno)))") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(message: "is a directory") }
        // A pipe, socket or device (a symlink to /dev/zero) has no size to read up to, or never ends.
        if (st.st_mode & S_IFMT) != S_IFREG { throw ReadError(message: "not a regular file") }
        let size = Int(st.st_size)
        if size > limit { throw ReadError(message: "file is \(size) bytes, over the limit of \(limit)") }
        return size
    }

    /// Reads up to `size` bytes into `p`: how many were read, and the `errno` of a failed read (else 0).
    private static func readAll(_ fd: Int32, into p: UnsafeMutablePointer<UInt8>?, _ size: Int) -> (Int, Int32) {
        var done = 0
        while done < size {
            let n = systemRead(fd, p! + done, size - done)
            if n < 0 {
                if errno == EINTR { continue }
                return (done, errno)
            }
            if n == 0 { break }
            done += n
        }
        return (done, 0)
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

/// One slot per item of a ``parallelChunks(_:minChunk:_:)`` loop, which the thread that handles the item
/// fills (at most once); then emptied in item order into an array. The values are moved, not copied, so
/// gathering thousands of documents costs no reference counting and no second array per chunk.
final class ParallelSlots<T>: @unchecked Sendable {
    private let values: UnsafeMutablePointer<T>
    private let filled: UnsafeMutablePointer<Bool>
    private let count: Int

    init(count: Int) {
        self.count = count
        values = .allocate(capacity: count)
        filled = .allocate(capacity: count)
        filled.initialize(repeating: false, count: count)
    }

    deinit {
        for k in 0..<count where filled[k] { (values + k).deinitialize(count: 1) }
        values.deallocate()
        filled.deallocate()
    }

    /// Fills slot `k`; slots are filled from any thread, each by one thread only.
    func put(_ value: T, at k: Int) {
        (values + k).initialize(to: value)
        filled[k] = true
    }

    /// The values of the filled slots, in slot order. Call once every thread is done; empties the slots.
    func take() -> [T] {
        let n = (0..<count).reduce(0) { $0 + (filled[$1] ? 1 : 0) }
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            initialized = 0
            for k in 0..<count where filled[k] {
                (out.baseAddress! + initialized).moveInitialize(from: values + k, count: 1)
                filled[k] = false
                initialized += 1
            }
        }
    }
}
