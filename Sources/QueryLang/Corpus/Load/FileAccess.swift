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
        if fd < 0 { throw openFailure(path, errno) }
        defer { close(fd) }
        let size = try checkedSize(fd, limit: limit)
        var failure: Int32 = 0
        let buffer = [UInt8](unsafeUninitializedCapacity: size) { p, count in
            (count, failure) = readAll(fd, into: p.baseAddress, size)
        }
        if failure != 0 { throw ReadError(message: "read failed: \(String(cString: strerror(failure)))") }
        return buffer
    }

    /// Reads the files of one directory in a given order, into one reused buffer or straight into a
    /// ``TextArena``: for the thousands of documents of a corpus, with no allocation per file and a lookup
    /// of the file name alone (`openat`). Not to be shared between threads.
    ///
    /// Files that the system no longer holds in memory (it drops them soon after they were read on some
    /// virtual machines) are read ahead: once one read finds its file not in memory, the reader keeps
    /// the next ``readAheadFiles`` files open and asked for (`posix_fadvise` `WILLNEED`), so that the disk
    /// reads them side by side while the current one is matched, instead of one wait after another
    /// (10,000 small files on a virtual disk take a quarter of the time). Files in memory cost nothing more:
    /// the first read of each file does not wait for the disk (`preadv2` `RWF_NOWAIT`), which is how a file
    /// not in memory is noticed. The files ahead are the next ones in the order of reading: every file in
    /// order, or the batches the caller has planned (``plan(_:)``).
    final class DirectoryReader {
        /// How many files are asked for ahead of the one being read, on each thread.
        static let readAheadFiles = 32

        private let directory: String
        /// The open directory; -1 if it could not be opened (then files are opened by their full path).
        private let directoryFD: Int32
        /// Where files are read: the arena's free space if there is an arena, else a buffer of the reader's own.
        private let arena: TextArena?
        private var buffer: UnsafeMutablePointer<UInt8>
        private var capacity = 64 << 10
        /// The files, by position (``read(_:limit:)`` takes a position), each with whether the listing shows
        /// a regular file.
        private let files: [(name: String, regular: Bool)]
        /// Whether a file was found not in memory: from then on, files are read ahead.
        private(set) var readingAhead = false
        /// Whether reads can tell a file not in memory (false once the system says it cannot).
        private var probing = true
        /// Files opened ahead and not read yet, by position in `files`.
        private var ahead: [Int: Int32] = [:]
        /// The positions of the files in the order they will be read: nil for all of them in order, else
        /// those planned so far (``plan(_:)``); and how many of those have been read, and opened ahead.
        private var order: [Int32]?
        private var readCount = 0, aheadCount = 0

        /// A reader of `files` of `directory`, which ``read(_:limit:)`` will be asked for in this order,
        /// or, when `planned`, in the order of the batches given to ``plan(_:)``. With an arena, each file
        /// is read into its free space, for the caller to keep (``TextArena/keep(_:)``) or not.
        init(_ directory: String, files: [(name: String, regular: Bool)], planned: Bool = false, into arena: TextArena? = nil) {
            self.directory = directory
            self.files = files
            self.arena = arena
            order = planned ? [] : nil
            directoryFD = open(directory, O_RDONLY | O_DIRECTORY)
            if let arena {
                let free = arena.space(atLeast: capacity)
                (buffer, capacity) = (free.baseAddress!, free.count)
            } else {
                buffer = .allocate(capacity: capacity)
            }
        }

        /// Space to read the next file into, at least `minimum` bytes.
        private func space(atLeast minimum: Int) {
            if let arena {
                let free = arena.space(atLeast: minimum)
                (buffer, capacity) = (free.baseAddress!, free.count)
            } else if minimum > capacity {
                buffer.deallocate()
                capacity = max(minimum, capacity * 2)
                buffer = .allocate(capacity: capacity)
            }
        }

        /// Twice the space, with the `kept` bytes read so far at its start.
        private func grow(keeping kept: Int) {
            if let arena {
                let free = arena.grow(keeping: kept, toAtLeast: capacity * 2)
                (buffer, capacity) = (free.baseAddress!, free.count)
                return
            }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: kept)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }

        /// Says that the files at `positions` will be read next, in order, after those planned before.
        func plan(_ positions: Range<Int>) {
            order?.append(contentsOf: positions.lazy.map { Int32(truncatingIfNeeded: $0) })
        }

        /// Reads ahead from now on, whether or not a file has been found not in memory (for a caller that
        /// knows the files are on disk, and for tests).
        func readAheadFromNow() {
            readingAhead = true
            readAhead()
        }

        /// Files opened ahead that have not been read yet.
        var filesOpenAhead: Int { ahead.count }

        private var plannedCount: Int { order?.count ?? files.count }

        private func position(_ i: Int) -> Int { order.map { Int($0[i]) } ?? i }

        deinit {
            if directoryFD >= 0 { close(directoryFD) }
            for fd in ahead.values { close(fd) }
            if arena == nil { buffer.deallocate() }
        }

        private func openFile(_ name: String) -> Int32 {
            directoryFD >= 0 ? openat(directoryFD, name, O_RDONLY | O_NONBLOCK) : open(directory + "/" + name, O_RDONLY | O_NONBLOCK)
        }

        /// Opens the regular files of the next ``readAheadFiles`` to be read that are not open yet, and asks
        /// the system to start reading them. Files that cannot be opened are left to their read, which
        /// reports why.
        private func readAhead() {
            aheadCount = max(aheadCount, readCount)
            while aheadCount < min(plannedCount, readCount + DirectoryReader.readAheadFiles) {
                let k = position(aheadCount)
                aheadCount += 1
                guard files[k].regular else { continue }  // a pipe or device is opened by its read alone
                let fd = openFile(files[k].name)
                guard fd >= 0 else { continue }
                #if os(Linux)
                _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
                #endif
                ahead[k] = fd
            }
        }

        /// The whole file at position `k` of the files, valid until the next read (or, with an arena, as
        /// long as its block once kept); or an error that names why it could not be read (as
        /// ``FileAccess/read(_:limit:)`` words it). A file the listing shows as regular is read to its end
        /// without asking its size.
        func read(_ k: Int, limit: Int) throws -> UnsafeBufferPointer<UInt8> {
            let (name, regular) = files[k]
            if readCount < plannedCount && position(readCount) == k { readCount += 1 }
            if readingAhead { readAhead() }
            let fd = ahead.removeValue(forKey: k) ?? openFile(name)
            if fd < 0 { throw FileAccess.openFailure(directory + "/" + name, errno) }
            defer { close(fd) }
            if regular {
                // Read into the buffer until a read comes back short (the end of a regular file), growing
                // it as needed, up to the limit. Until a file is found not in memory, the first read takes
                // only what is in memory.
                space(atLeast: 64 << 10)
                var done = 0
                if !readingAhead && probing {
                    let (n, notInMemory, unsupported) = DirectoryReader.readInMemory(fd, into: buffer, capacity)
                    done = n
                    probing = !unsupported
                    if notInMemory {
                        readingAhead = true
                        readAhead()
                    }
                }
                while true {
                    if done == capacity {
                        if done > limit { throw ReadError(message: "file is over the limit of \(limit) bytes") }
                        grow(keeping: done)
                    }
                    let (n, failure) = readAll(fd, into: buffer + done, capacity - done)
                    if failure != 0 { throw ReadError(message: "read failed: \(String(cString: strerror(failure)))") }
                    done += n
                    if done < capacity { break }
                }
                if done > limit { throw ReadError(message: "file is \(done) bytes, over the limit of \(limit)") }
                return UnsafeBufferPointer(start: buffer, count: done)
            }
            let size = try checkedSize(fd, limit: limit)
            space(atLeast: size)
            let (count, failure) = readAll(fd, into: buffer, size)
            if failure != 0 { throw ReadError(message: "read failed: \(String(cString: strerror(failure)))") }
            return UnsafeBufferPointer(start: buffer, count: count)
        }

        /// Reads up to `size` bytes at the file's position into `p`, but only what the system holds in
        /// memory: how many bytes were read, and whether none of them were there (the disk would have
        /// been waited for). Where the system cannot tell (an older kernel, a file system without the
        /// flag), this reads nothing, says they were there, and that asking again is pointless; any
        /// other failure is left to the plain read that follows, which reports it.
        private static func readInMemory(_ fd: Int32, into p: UnsafeMutablePointer<UInt8>, _ size: Int)
            -> (Int, notInMemory: Bool, unsupported: Bool) {
            #if os(Linux)
            guard let preadv2 = preadv2 else { return (0, false, true) }
            var io = iovec(iov_base: UnsafeMutableRawPointer(p), iov_len: size)
            let n = preadv2(fd, &io, 1, -1, noWait)
            if n >= 0 { return (n, false, false) }
            let e = errno
            return (0, e == EAGAIN, e == EOPNOTSUPP || e == ENOSYS || e == EINVAL)
            #else
            return (0, false, true)
            #endif
        }

        #if os(Linux)
        /// `RWF_NOWAIT` (Linux 4.14): fail with `EAGAIN` rather than wait for the disk.
        private static let noWait: Int32 = 0x8
        /// glibc's `preadv2`, looked up rather than linked (it is declared for GNU sources only); offset -1
        /// reads at the file's position.
        private static let preadv2: (@convention(c) (Int32, UnsafePointer<iovec>, Int32, Int, Int32) -> Int)? = {
            guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "preadv2") else { return nil }
            return unsafeBitCast(f, to: (@convention(c) (Int32, UnsafePointer<iovec>, Int32, Int, Int32) -> Int).self)
        }()
        #endif
    }

    /// Why a file could not be opened: the system's reason, or that it is a link to nothing.
    static func openFailure(_ path: String, _ e: Int32) -> ReadError {
        var lst = stat()
        if e == ENOENT && lstat(path, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK {
            return ReadError(message: "cannot open: a link to a missing file")
        }
        return ReadError(message: "cannot open: \(String(cString: strerror(e)))")
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

    /// The entries of a folder of the corpus (`documents`, `catalog`, `facts`), as ``entries(in:)`` lists
    /// them; or the problem that keeps it from being read, with the path and the reason: a folder that
    /// cannot be opened (permissions), a file or a device in its place, a link to nothing. A folder that
    /// is simply absent is no problem unless `required` (a corpus without facts has no `facts/`).
    static func folder(_ corpus: String, _ name: String, required: Bool = false) -> (entries: [(name: String, regular: Bool)], problem: LoadProblem?) {
        let path = corpus + "/" + name
        var st = stat(), lst = stat()
        if stat(path, &st) != 0 {
            let e = errno
            if lstat(path, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK {
                return ([], LoadProblem(file: name, message: "cannot read the folder: a link to a missing path"))
            }
            if e == ENOENT && !required { return ([], nil) }
            return ([], LoadProblem(file: name, message: "cannot read the folder: \(String(cString: strerror(e)))"))
        }
        if (st.st_mode & S_IFMT) != S_IFDIR {
            return ([], LoadProblem(file: name, message: "cannot read the folder: it is not a folder but \(kind(st.st_mode))"))
        }
        guard let d = opendir(path) else {
            return ([], LoadProblem(file: name, message: "cannot read the folder: \(String(cString: strerror(errno)))"))
        }
        closedir(d)
        return (entries(in: path), nil)
    }

    /// Warnings for the symbolic links among `entries` of `folder` (and for the folder itself) whose target
    /// lies outside the corpus: they are read all the same (a corpus may keep its documents in a shared
    /// store), but never silently. Only entries whose name ends in one of `suffixes` count; entries the
    /// listing shows as regular files are no links and cost nothing.
    static func linksOutside(_ corpus: String, _ folder: String, _ entries: [(name: String, regular: Bool)],
                             suffixes: [String]) -> [LoadProblem] {
        guard let root = realpath(corpus, nil) else { return [] }
        let base = String(cString: root)
        free(root)
        func outside(_ path: String) -> String? {
            var lst = stat()
            guard lstat(path, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK, let r = realpath(path, nil) else { return nil }
            let target = String(cString: r)
            free(r)
            return target == base || target.hasPrefix(base.hasSuffix("/") ? base : base + "/") ? nil : target
        }
        var warnings: [LoadProblem] = []
        if let target = outside(corpus + "/" + folder) {
            warnings.append(LoadProblem(file: folder, message: "a link to \(target), outside the corpus (read all the same)", severity: .warning))
        }
        for e in entries where !e.regular && suffixes.contains(where: { e.name.hasSuffix($0) }) {
            if let target = outside(corpus + "/" + folder + "/" + e.name) {
                warnings.append(LoadProblem(file: folder + "/" + e.name, message: "a link to \(target), outside the corpus (read all the same)",
                                            severity: .warning))
            }
        }
        return warnings
    }

    /// What a file system entry is, for messages.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a file"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a link"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a file"
        }
    }

    /// File names in a directory with the given extension, sorted; hidden files skipped.
    static func list(_ dir: String, ext: String) -> [String] {
        let suffix = "." + ext
        return names(in: dir).filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// Every name in a directory but the hidden ones (and `.`, `..`), in no particular order; empty if it
    /// cannot be read.
    static func names(in dir: String) -> [String] { entries(in: dir).map(\.name) }

    /// Every entry of a directory but the hidden ones, in no particular order, each with whether the
    /// listing already says it is a regular file (not a link, directory, pipe or device; file systems that
    /// do not say leave it false).
    static func entries(in dir: String) -> [(name: String, regular: Bool)] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [(name: String, regular: Bool)] = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { out.append((name, entry.pointee.d_type == UInt8(DT_REG))) }
        }
        return out
    }
}
