#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A 128-bit fingerprint of every input file of a corpus and of the running binary, for the cache.
///
/// The inputs are `corpus.yaml`, `documents.tsv` and every entry (hidden ones aside) of `documents/`,
/// `catalog/` and `facts/`: raw documents, sidecars, catalog and fact files, and anything else placed
/// there. Each one counts by its name, size, modification time and status-change time (nanoseconds),
/// inode and type, so an edit that keeps the size, a touch, a file replaced by another (even with the old
/// time), added or removed, all change the fingerprint; so does a missing file or folder; and so does an
/// edit in place that puts the size and the modification time back (`cp -p` over the file, `touch -r`),
/// which the system cannot keep from changing the status-change time. (So do a hard link made to a file
/// and a change of permissions: the corpus is then loaded once more, a small price for never answering
/// from out-of-date texts.) A link is followed: its target's status counts. Each entry's part is a checksum of those
/// fields, and the fingerprint sums the parts over two independent seeds: the order in which a folder
/// lists its entries does not matter, so nothing is sorted, and the entries can be looked up (`fstatat`
/// on the open folder) in pieces, on every core (``Survey``).
struct InputSignature: Hashable, Sendable {
    var low: UInt64
    var high: UInt64

    /// The fingerprint, computed on every core.
    static func of(corpusDirectory: String, executable: String? = InputSignature.executablePath) -> InputSignature {
        let survey = Survey(corpusDirectory: corpusDirectory, executable: executable)
        var pieces: [Survey.Piece] = []
        survey.list { pieces.append($0) }
        var sum = survey.fixed
        for part in parallelChunks(pieces.count, minChunk: 1, { $0.map { pieces[$0].sum() } }).joined() { sum.add(part) }
        return InputSignature(sum)
    }

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The fingerprint of every entry summed.
    init(_ sum: Sum) {
        self.init(low: Checksum.mix(sum.a ^ sum.count), high: Checksum.mix(sum.b &+ sum.count &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The running binary: on Linux its link in /proc (no path to look for).
    #if os(Linux)
    static let executablePath: String? = "/proc/self/exe"
    #else
    static let executablePath: String? = Bundle.main.executablePath
    #endif

    /// Entry parts summed (the sums commute: parts can be added in any order, on any thread).
    struct Sum: Sendable {
        fileprivate var a: UInt64 = 0, b: UInt64 = 0, count: UInt64 = 0

        mutating func add(_ o: Sum) { a &+= o.a; b &+= o.b; count &+= o.count }

        /// Adds one entry: the checksum of its name (and folder), then its status, or none if it is missing.
        fileprivate mutating func add(name: UInt64, status st: stat?) {
            var fields: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (name, 0, 0, 0, UInt64.max, 0)
            if let st {
                #if canImport(Darwin)
                let m = Int64(st.st_mtimespec.tv_sec) &* 1_000_000_000 &+ Int64(st.st_mtimespec.tv_nsec)
                let c = Int64(st.st_ctimespec.tv_sec) &* 1_000_000_000 &+ Int64(st.st_ctimespec.tv_nsec)
                #else
                let m = Int64(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(st.st_mtim.tv_nsec)
                let c = Int64(st.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(st.st_ctim.tv_nsec)
                #endif
                fields = (name, UInt64(truncatingIfNeeded: Int64(st.st_size)), UInt64(bitPattern: m),
                          UInt64(truncatingIfNeeded: st.st_ino), UInt64(st.st_mode), UInt64(bitPattern: c))
            }
            withUnsafeBytes(of: &fields) { raw in
                a &+= Checksum.of(raw, seed: 0x51)
                b &+= Checksum.of(raw, seed: 0xA7)
            }
            count &+= 1
        }
    }

    /// The input files of a corpus: ``fixed`` sums the few single files (looked up at once) and the
    /// folders' presence; ``list(_:)`` lists the folders and hands their entries out in pieces as it
    /// goes, each to be looked up (``Piece/sum()``) on any thread while the listing goes on.
    final class Survey: Sendable {
        private static let folders = ["documents", "catalog", "facts"]
        let fixed: Sum
        private let folders: [Folder]

        /// An open folder (closed once no piece of it is left).
        final class Folder: Sendable {
            let fd: Int32
            let tag: UInt64
            init(fd: Int32, tag: UInt64) { self.fd = fd; self.tag = tag }
            deinit { if fd >= 0 { close(fd) } }
        }

        /// Some entries of one folder: their names, each ending in a NUL, one after another.
        struct Piece: Sendable {
            static let size = 1024
            let folder: Folder
            fileprivate var names: [CChar] = []
            fileprivate var starts: [Int] = []

            /// The parts of these entries, each looked up by name in the open folder.
            func sum() -> Sum {
                var sum = Sum()
                names.withUnsafeBufferPointer { all in
                    for (k, start) in starts.enumerated() {
                        let name = all.baseAddress! + start
                        let length = (k + 1 < starts.count ? starts[k + 1] : all.count) - start - 1
                        var st = stat()
                        let found = fstatat(folder.fd, name, &st, 0) == 0
                        sum.add(name: Checksum.of(UnsafeRawBufferPointer(start: name, count: length), seed: folder.tag),
                                status: found ? st : nil)
                    }
                }
                return sum
            }
        }

        init(corpusDirectory dir: String, executable: String?) {
            func status(_ path: String) -> stat? {
                var st = stat()
                return stat(path, &st) == 0 ? st : nil
            }
            var fixed = Sum()
            if let executable { fixed.add(name: Survey.checksum("binary"), status: status(executable)) }
            for name in ["corpus.yaml", "documents.tsv"] { fixed.add(name: Survey.checksum(name), status: status(dir + "/" + name)) }
            var folders: [Folder] = []
            for name in Survey.folders {
                let folder = Folder(fd: open(dir + "/" + name, O_RDONLY | O_DIRECTORY | O_CLOEXEC), tag: Survey.checksum(name + "/"))
                // A folder that is there counts differently from a missing one; its entries count one by one.
                fixed.add(name: folder.tag &+ (folder.fd >= 0 ? 1 : 0), status: nil)
                folders.append(folder)
            }
            self.fixed = fixed
            self.folders = folders
        }

        private static func checksum(_ s: String) -> UInt64 {
            var s = s
            return s.withUTF8 { Checksum.of($0, seed: 0x7A) }
        }

        /// Lists every folder (not hidden entries), handing out pieces of up to ``Piece/size`` entries.
        func list(_ emit: (Piece) -> Void) {
            for folder in folders where folder.fd >= 0 {
                guard let listing = fdopendir(dup(folder.fd)) else { continue }
                var piece = Piece(folder: folder)
                while let e = readdir(listing) {
                    withUnsafeBytes(of: &e.pointee.d_name) { raw in
                        let name = raw.bindMemory(to: CChar.self)
                        let n = strnlen(name.baseAddress!, name.count)
                        guard n > 0, name[0] != 0x2E else { return }  // hidden files, "." and ".."
                        piece.starts.append(piece.names.count)
                        piece.names.append(contentsOf: name[0..<n])
                        piece.names.append(0)
                    }
                    if piece.starts.count == Piece.size {
                        emit(piece)
                        piece = Piece(folder: folder)
                    }
                }
                closedir(listing)
                if !piece.starts.isEmpty { emit(piece) }
            }
        }
    }
}
