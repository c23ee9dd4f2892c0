import DynamoDBTypes

extension DocumentPath {
    /// An order that puts, among paths into the same list, higher indexes first (removal order).
    static func descending(_ a: DocumentPath, _ b: DocumentPath) -> Bool {
        for (x, y) in zip(a.elements, b.elements) where x != y {
            switch (x, y) {
            case (.index(let i), .index(let j)): return i > j
            case (.key(let k), .key(let l)): return k > l
            case (.index, .key): return false
            case (.key, .index): return true
            }
        }
        return a.elements.count > b.elements.count
    }
}

extension Dictionary where Key == String, Value == AttributeValue {
    /// Writes `value` at `path`: a missing last map key is added, a list index past the end appends.
    /// The containers on the path are changed in place, so a write costs the path's length, not the item's size.
    /// - Throws: "The document path provided in the update expression is invalid for update" when a parent
    ///   is missing or of the wrong kind (the item is then unchanged).
    mutating func setValue(_ value: AttributeValue, at path: DocumentPath) throws(ExpressionError) {
        try write(value, at: path)
    }

    /// Removes what `path` names; nothing happens when the last step is missing.
    /// - Throws: "The document path provided in the update expression is invalid for update" when a parent
    ///   is missing or of the wrong kind (the item is then unchanged).
    mutating func removeValue(at path: DocumentPath) throws(ExpressionError) {
        try write(nil, at: path)
    }

    private mutating func write(_ value: AttributeValue?, at path: DocumentPath) throws(ExpressionError) {
        let rest = path.elements.dropFirst()
        if rest.isEmpty {
            self[path.attributeName] = value
            return
        }
        // Taken out of the dictionary while it changes, so its storage is not shared and is not copied.
        guard var root = removeValue(forKey: path.attributeName) else { throw .invalidDocumentPath }
        defer { self[path.attributeName] = root }
        try root.write(value, at: rest)
    }
}

extension AttributeValue {
    /// Writes `value` at (nil: removes from) the path `elements` below this value, in place; on error the
    /// value is unchanged.
    fileprivate mutating func write(
        _ value: AttributeValue?, at elements: ArraySlice<DocumentPath.Element>
    ) throws(ExpressionError) {
        guard let first = elements.first else { preconditionFailure("a write needs a path step") }
        let rest = elements.dropFirst()
        switch first {
        case .key(let key):
            guard case .m(var map) = self else { throw .invalidDocumentPath }
            self = .null  // releases the map's storage, so `map` is its only owner
            defer { self = .m(map) }
            if rest.isEmpty {
                map[key] = value
            } else {
                guard var child = map.removeValue(forKey: key) else { throw .invalidDocumentPath }
                defer { map[key] = child }
                try child.write(value, at: rest)
            }
        case .index(let index):
            guard case .l(var list) = self else { throw .invalidDocumentPath }
            self = .null
            defer { self = .l(list) }
            if rest.isEmpty {
                if index < list.count {
                    if let value { list[index] = value } else { list.remove(at: index) }
                } else if let value {
                    list.append(value)
                }
            } else {
                guard index < list.count else { throw .invalidDocumentPath }
                var child = list[index]
                list[index] = .null
                defer { list[index] = child }
                try child.write(value, at: rest)
            }
        }
    }
}
