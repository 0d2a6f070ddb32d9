#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The container of a corpus cache file: checksummed blocks, the texts, and a trailer that says which
/// inputs and which binary the file belongs to.
///
///     index    the encoded corpus (``CorpusCacheCoding``), in blocks of up to 1 MiB
///     texts    every document's text, one after another (each with its checksum in the index)
///     table    per index block: its length and checksum
///     trailer  8 words: magic, layout, input signature (2 words), index length, texts length,
///              number of blocks, checksum of the table and of the trailer's other words
///
/// A file is accepted only if its size, magic, layout and signature agree and every checksum matches,
/// so a truncated, garbled or foreign file is refused (and then rebuilt), never decoded.
enum CacheFile {
    /// "MQCORPUS".
    static let magic: UInt64 = 0x5355_5052_4F43_514D
    static let trailerSize = 64

    /// The format version, and the memory layout of the values stored raw, which must not change
    /// unnoticed (it cannot without a new binary, which the signature notices too).
    static let layout: UInt64 = {
        var l: UInt64 = 4  // format version
        l = l << 8 | UInt64(MemoryLayout<Int>.size)
        l = l << 8 | UInt64(MemoryLayout<Mention>.stride)
        l = l << 8 | UInt64(MemoryLayout<Mention>.offset(of: \Mention.zone) ?? 255)
        l = l << 8 | UInt64(MemoryLayout<Mention>.offset(of: \Mention.ambiguous) ?? 255)
        l = l << 8 | UInt64(MemoryLayout<Mention>.offset(of: \Mention.uncertain) ?? 255)
        l = l << 8 | UInt64(ZoneKind.allCases.count)
        l = l << 1 | (Int32(1).littleEndian == 1 ? 1 : 0)
        return l
    }()

    /// Writes a cache file atomically: `body` writes the index and texts into a new file beside `path`,
    /// which replaces `path` (a rename) only once it is complete; whether it did. The new file is removed
    /// if the process is interrupted while writing it (``TemporaryFiles``); those that processes killed
    /// outright left behind are swept first.
    static func write(_ path: String, signature: InputSignature, _ body: (Output) -> Void) -> Bool {
        TemporaryFiles.sweep(directory: String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]), marker: temporaryMarker)
        let temporary = path + temporaryMarker + "\(getpid())-\(UInt32.random(in: .min ... .max))"
        return TemporaryFiles.guarding(temporary) {
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return false }
            let output = Output(fd: fd)
            body(output)
            let written = output.finish(signature: signature)
            if close(fd) == 0 && written && rename(temporary, path) == 0 { return true }
            unlink(temporary)
            return false
        }
    }

    /// What names a temporary cache file: `<key>.corpus.tmp-<pid>-<random>`.
    static let temporaryMarker = ".corpus.tmp-"

    /// Writes a cache file to an open descriptor: index blocks as they come, then texts, then `finish`.
    /// The first failed write is kept in `failed` and every later write skipped.
    final class Output {
        private let fd: Int32
        private(set) var failed = false
        private var table: [UInt64] = []
        private var indexLength = 0
        private var textLength = 0
        private var staging: UnsafeMutableRawBufferPointer
        private var staged = 0

        init(fd: Int32) {
            self.fd = fd
            staging = .allocate(byteCount: 1 << 20, alignment: 16)
        }

        deinit { staging.deallocate() }

        /// One block of the index, written at once.
        func indexBlock(_ bytes: UnsafeRawBufferPointer) {
            precondition(textLength == 0, "the index comes before the texts")
            table.append(UInt64(bytes.count))
            table.append(Checksum.of(bytes))
            indexLength += bytes.count
            write(bytes)
        }

        /// The next document's text (copied into a staging buffer written a megabyte at a time).
        func text(_ bytes: UnsafeRawBufferPointer) {
            textLength += bytes.count
            if bytes.count > staging.count - staged {
                flushText()
                if bytes.count > staging.count { write(bytes); return }
            }
            if bytes.count > 0 {
                UnsafeMutableRawBufferPointer(rebasing: staging[staged...]).copyMemory(from: bytes)
                staged += bytes.count
            }
        }

        private func flushText() {
            write(UnsafeRawBufferPointer(rebasing: staging[0..<staged]))
            staged = 0
        }

        /// Writes the block table and the trailer; whether every write succeeded.
        func finish(signature: InputSignature) -> Bool {
            flushText()
            var trailer: [UInt64] = [magic, layout, signature.low, signature.high, UInt64(indexLength),
                                     UInt64(textLength), UInt64(table.count / 2)]
            trailer.append(CacheFile.tableChecksum(table: table, trailer: trailer))
            table.withUnsafeBytes { write($0) }
            trailer.withUnsafeBytes { write($0) }
            return !failed
        }

        private func write(_ bytes: UnsafeRawBufferPointer) {
            if !failed && writeWhole(fd, bytes).error != nil { failed = true }
        }
    }

    private static func tableChecksum(table: [UInt64], trailer: [UInt64]) -> UInt64 {
        let t = table.withUnsafeBytes { Checksum.of($0) }
        return trailer.withUnsafeBytes { Checksum.of($0, seed: t) }
    }

    /// A cache file mapped into memory (read-only, private) whose trailer and block table are sound; the
    /// index blocks are verified by ``verifyIndex(piece:)``, and ``signature`` says which inputs it belongs to.
    /// It stays mapped as long as anything refers to it: the documents of a re-opened corpus read their
    /// texts in it (``DocumentText``).
    final class Mapped: @unchecked Sendable {
        private let base: UnsafeMutableRawPointer
        private let size: Int
        /// The encoded corpus and the texts.
        let index: UnsafeRawBufferPointer
        let texts: UnsafeRawBufferPointer
        /// The signature of the inputs it was written from.
        let signature: InputSignature
        /// Per index block: its length and checksum.
        private let table: [UInt64]

        private init(base: UnsafeMutableRawPointer, size: Int, trailer: [UInt64], table: [UInt64]) {
            self.base = base
            self.size = size
            index = UnsafeRawBufferPointer(start: base, count: Int(trailer[4]))
            texts = UnsafeRawBufferPointer(start: base + Int(trailer[4]), count: Int(trailer[5]))
            signature = InputSignature(low: trailer[2], high: trailer[3])
            self.table = table
        }

        /// The cache file at `path`, mapped, if it is one.
        static func map(_ path: String) -> Mapped? {
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) >= CacheFile.trailerSize else { return nil }
            let size = Int(st.st_size)
            // Pages are mapped as they are first read. The file never shrinks while it is mapped: mq only
            // ever replaces a cache file by renaming a new one over it.
            guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
            guard let (trailer, table) = check(UnsafeRawBufferPointer(start: p, count: size)) else {
                munmap(p, size)
                return nil
            }
            readAheadIfOnDisk(p, size)
            return Mapped(base: p, size: size, trailer: trailer, table: table)
        }

        /// A cache file that the system no longer holds (wholly) in memory is asked for whole, at once
        /// (`MADV_WILLNEED`), so that the disk reads it in large pieces side by side with the decoding,
        /// rather than page by page as the decoding first touches each one. Whether it is in memory is
        /// judged from 64 pages spread over the file (`mincore`), which costs next to nothing.
        private static func readAheadIfOnDisk(_ p: UnsafeMutableRawPointer, _ size: Int) {
            #if os(Linux)
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let pages = (size + page - 1) / page
            var resident: UInt8 = 0
            for k in 0..<min(64, pages) {
                let at = p + (pages <= 64 ? k : k * (pages - 1) / 63) * page
                if mincore(at, page, &resident) == 0 && resident & 1 == 0 {
                    _ = madvise(p, size, MADV_WILLNEED)
                    return
                }
            }
            #endif
        }

        /// The trailer and the block table, if they are sound.
        private static func check(_ file: UnsafeRawBufferPointer) -> ([UInt64], [UInt64])? {
            let size = file.count
            var t = [UInt64](repeating: 0, count: 8)
            t.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: file[(size - CacheFile.trailerSize)...])) }
            guard t[0] == CacheFile.magic, t[1] == CacheFile.layout,
                  t[4] < UInt64(size), t[5] < UInt64(size), t[6] < UInt64(size / 16) else { return nil }
            let indexLength = Int(t[4]), textLength = Int(t[5]), blockCount = Int(t[6])
            guard indexLength + textLength + 16 * blockCount + CacheFile.trailerSize == size else { return nil }
            let table = [UInt64](unsafeUninitializedCapacity: 2 * blockCount) { out, n in
                UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(rebasing: file[(indexLength + textLength)...].prefix(16 * blockCount)))
                n = 2 * blockCount
            }
            guard CacheFile.tableChecksum(table: table, trailer: Array(t[0..<7])) == t[7] else { return nil }
            var total = 0
            for k in 0..<blockCount {
                guard table[2 * k] <= UInt64(indexLength - total) else { return nil }
                total += Int(table[2 * k])
            }
            return total == indexLength ? (t, table) : nil
        }

        deinit { munmap(base, size) }

        /// Index blocks are verified in this many pieces (``verifyIndex(piece:)``), of about 4 MiB.
        var indexPieces: Int { max(1, (table.count / 2 + 3) / 4) }

        /// Whether the index blocks of one piece have their checksums.
        func verifyIndex(piece: Int) -> Bool {
            let blocks = table.count / 2
            var start = 0
            for k in 0..<(blocks * piece / indexPieces) { start += Int(table[2 * k]) }
            for k in (blocks * piece / indexPieces)..<(blocks * (piece + 1) / indexPieces) {
                let end = start + Int(table[2 * k])
                guard Checksum.of(UnsafeRawBufferPointer(rebasing: index[start..<end])) == table[2 * k + 1] else { return false }
                start = end
            }
            return true
        }
    }
}

