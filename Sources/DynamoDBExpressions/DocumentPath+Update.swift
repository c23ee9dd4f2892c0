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
    /// - Throws: "The document path provided in the update expression is invalid for update" when a parent
    ///   is missing or of the wrong kind.
    mutating func setValue(_ value: AttributeValue, at path: DocumentPath) throws(ExpressionError) {
        let rest = path.elements.dropFirst()
        if rest.isEmpty {
            self[path.attributeName] = value
            return
        }
        guard let root = self[path.attributeName] else { throw .invalidDocumentPath }
        self[path.attributeName] = try root.setting(value, at: rest)
    }

    /// Removes what `path` names; nothing happens when the last step is missing.
    /// - Throws: "The document path provided in the update expression is invalid for update" when a parent
    ///   is missing or of the wrong kind.
    mutating func removeValue(at path: DocumentPath) throws(ExpressionError) {
        let rest = path.elements.dropFirst()
        if rest.isEmpty {
            self[path.attributeName] = nil
            return
        }
        guard let root = self[path.attributeName] else { throw .invalidDocumentPath }
        self[path.attributeName] = try root.setting(nil, at: rest)
    }
}

extension AttributeValue {
    /// This value with `value` written at (nil: removed from) the path `elements` below it.
    fileprivate func setting(
        _ value: AttributeValue?, at elements: ArraySlice<DocumentPath.Element>
    ) throws(ExpressionError) -> AttributeValue {
        guard let first = elements.first else { preconditionFailure("setting needs a path step") }
        let rest = elements.dropFirst()
        switch (self, first) {
        case (.m(var map), .key(let key)):
            if rest.isEmpty {
                map[key] = value
            } else {
                guard let child = map[key] else { throw .invalidDocumentPath }
                map[key] = try child.setting(value, at: rest)
            }
            return .m(map)
        case (.l(var list), .index(let index)):
            if rest.isEmpty {
                if index < list.count {
                    if let value { list[index] = value } else { list.remove(at: index) }
                } else if let value {
                    list.append(value)
                }
            } else {
                guard index < list.count else { throw .invalidDocumentPath }
                list[index] = try list[index].setting(value, at: rest)
            }
            return .l(list)
        default:
            throw .invalidDocumentPath
        }
    }
}
