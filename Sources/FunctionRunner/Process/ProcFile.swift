#if canImport(Glibc)
import Glibc
#endif

/// Reads small procfs files, which report a size of 0 and so must be read until end of file.
enum ProcFile {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 8192)
        var length = 0
        while length < bytes.count {
            let count = bytes[length...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            length += count
        }
        return Array(bytes[0..<length])
    }

    /// The number after `field` (e.g. `VmHWM:`) in a `/proc/<pid>/status` text, in kB.
    static func kilobytes(of field: String, in status: [UInt8]) -> Int? {
        let key = Array(field.utf8)
        var index = 0
        while index + key.count <= status.count {
            let atLineStart = index == 0 || status[index - 1] == UInt8(ascii: "\n")
            if atLineStart && status[index..<index + key.count].elementsEqual(key) {
                return leadingNumber(status[(index + key.count)...])
            }
            index += 1
        }
        return nil
    }

    /// A process's start time (clock ticks after boot, field 22 of `/proc/<pid>/stat`) and process group (field 5):
    /// with the PID, the start time names one process for good, even after its PID is reused.
    static func identity(of pid: Int32) -> (startTime: UInt64, processGroup: Int32)? {
        guard let stat = read("/proc/\(pid)/stat"), let close = stat.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        // Fields after the command name start at field 3 (state).
        let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19, let group = leadingNumber(fields[2]), let start = leadingNumber(fields[19]) else {
            return nil
        }
        return (UInt64(start), Int32(group))
    }

    private static func leadingNumber(_ bytes: ArraySlice<UInt8>) -> Int? {
        var position = bytes.startIndex
        while position < bytes.endIndex, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
        var value = 0
        var sawDigit = false
        while position < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
            sawDigit = true
        }
        return sawDigit ? value : nil
    }
}
