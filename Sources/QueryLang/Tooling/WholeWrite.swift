#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes all of `bytes` to the open file `fd`: a write may take only part of them, and one interrupted
/// by a signal (EINTR) is made again. Returns how many bytes were written and, when a write failed, its
/// errno (EIO for a write that took nothing).
func writeWhole(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> (written: Int, error: Int32?) {
    var done = 0
    while done < bytes.count {
        let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { return (done, errno) }
        if n == 0 { return (done, EIO) }
        done += n
    }
    return (done, nil)
}
