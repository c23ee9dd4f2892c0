/// Little-endian reads of an ELF64 image and the walks over its section headers, dynamic section and version
/// tables; every offset is bounds-checked.
struct ByteReader {
    let bytes: [UInt8]
    let path: String

    struct Section {
        let type: UInt32
        let offset: Int
        let size: Int
        let link: Int
        let info: Int
        let entrySize: Int
    }

    static let dynamicType: UInt32 = 6
    static let dynamicSymbolsType: UInt32 = 11
    static let versionNeedType: UInt32 = 0x6fff_fffe
    static let versionSymbolsType: UInt32 = 0x6fff_ffff

    func integer(at offset: Int, size: Int, _ what: String) throws(ELFError) -> Int {
        guard offset >= 0, offset + size <= bytes.count else { throw .truncated(path, what) }
        var value: UInt64 = 0
        for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        guard value <= UInt64(Int.max) else { throw .truncated(path, what) }
        return Int(value)
    }

    func string(at offset: Int, _ what: String) throws(ELFError) -> String {
        guard offset >= 0, offset < bytes.count else { throw .truncated(path, what) }
        guard let end = bytes[offset...].firstIndex(of: 0) else { throw .truncated(path, what) }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    func sectionHeaders() throws(ELFError) -> [Section] {
        let tableOffset = try integer(at: 0x28, size: 8, "e_shoff")
        let entrySize = try integer(at: 0x3A, size: 2, "e_shentsize")
        let count = try integer(at: 0x3C, size: 2, "e_shnum")
        guard tableOffset != 0, count > 0 else { return [] }
        guard entrySize >= 64 else { throw .unsupported(path, "section header entries of \(entrySize) bytes") }
        var sections: [Section] = []
        for index in 0..<count {
            let base = tableOffset + index * entrySize
            sections.append(
                Section(
                    type: UInt32(try integer(at: base + 4, size: 4, "section header \(index)")),
                    offset: try integer(at: base + 24, size: 8, "section header \(index)"),
                    size: try integer(at: base + 32, size: 8, "section header \(index)"),
                    link: try integer(at: base + 40, size: 4, "section header \(index)"),
                    info: try integer(at: base + 44, size: 4, "section header \(index)"),
                    entrySize: try integer(at: base + 56, size: 8, "section header \(index)")))
        }
        return sections
    }

    func dynamicEntries(_ sections: [Section]) throws(ELFError) -> (needed: [String], runPaths: [String]) {
        guard let dynamic = sections.first(where: { $0.type == Self.dynamicType }) else { return ([], []) }
        guard dynamic.link < sections.count else { throw .truncated(path, "the dynamic string table") }
        let strings = sections[dynamic.link].offset
        var needed: [String] = []
        var runPaths: [String] = []
        var offset = dynamic.offset
        while offset + 16 <= dynamic.offset + dynamic.size {
            let tag = try integer(at: offset, size: 8, "the dynamic section")
            let value = try integer(at: offset + 8, size: 8, "the dynamic section")
            if tag == 0 { break }
            if tag == 1 { needed.append(try string(at: strings + value, "a DT_NEEDED name")) }
            if tag == 15 || tag == 29 {
                runPaths += try string(at: strings + value, "DT_RUNPATH").split(separator: ":").map(String.init)
            }
            offset += 16
        }
        return (needed, runPaths)
    }

    func versionNeeds(_ sections: [Section]) throws(ELFError) -> [ELFFile.VersionNeed] {
        guard let table = sections.first(where: { $0.type == Self.versionNeedType }) else { return [] }
        guard table.link < sections.count else { throw .truncated(path, "the version string table") }
        let strings = sections[table.link].offset
        var needs: [ELFFile.VersionNeed] = []
        var byIndex: [Int: Int] = [:]
        var entry = table.offset
        for _ in 0..<table.info {
            let auxCount = try integer(at: entry + 2, size: 2, ".gnu.version_r")
            let library = try string(at: strings + (try integer(at: entry + 4, size: 4, ".gnu.version_r")), "vn_file")
            var aux = entry + (try integer(at: entry + 8, size: 4, ".gnu.version_r"))
            for _ in 0..<auxCount {
                let index = try integer(at: aux + 6, size: 2, "vna_other") & 0x7fff
                let name = try string(at: strings + (try integer(at: aux + 8, size: 4, "vna_name")), "vna_name")
                byIndex[index] = needs.count
                needs.append(.init(library: library, version: name, symbols: []))
                aux += try integer(at: aux + 12, size: 4, "vna_next")
            }
            let next = try integer(at: entry + 12, size: 4, ".gnu.version_r")
            if next == 0 { break }
            entry += next
        }
        try attachSymbols(sections, to: &needs, byIndex: byIndex)
        return needs
    }

    /// Names each version's undefined dynamic symbols (`st_shndx == SHN_UNDEF`) through `.gnu.version`.
    private func attachSymbols(
        _ sections: [Section], to needs: inout [ELFFile.VersionNeed], byIndex: [Int: Int]
    ) throws(ELFError) {
        guard let symbols = sections.first(where: { $0.type == Self.dynamicSymbolsType }),
            let versions = sections.first(where: { $0.type == Self.versionSymbolsType }),
            symbols.link < sections.count, symbols.entrySize >= 24
        else { return }
        let strings = sections[symbols.link].offset
        for index in 0..<(symbols.size / symbols.entrySize) {
            let symbol = symbols.offset + index * symbols.entrySize
            guard try integer(at: symbol + 6, size: 2, ".dynsym") == 0,
                let need = byIndex[try integer(at: versions.offset + index * 2, size: 2, ".gnu.version") & 0x7fff]
            else { continue }
            let name = try string(at: strings + (try integer(at: symbol, size: 4, ".dynsym")), "a symbol name")
            if !name.isEmpty { needs[need].symbols.append(name) }
        }
        for index in needs.indices { needs[index].symbols.sort() }
    }
}
