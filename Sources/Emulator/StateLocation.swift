import FunctionRunner
import DynamoDBEndpoint
import Foundation
import TableStore

/// Where `lambda-local start` keeps its tables: a state directory (`tables.sqlite` in it) or memory only.
public enum StateLocation: Sendable, Equatable, CustomStringConvertible {
    /// The directory holding `tables.sqlite`; created when missing.
    case directory(String)
    /// Nothing written to disk; the tables go away when the emulator stops.
    case inMemory

    /// The directory SAM-style tools use next to a template: `<template's directory>/.lambda-local`.
    public static func defaultDirectory(templateDirectory: String) -> StateLocation {
        .directory(URL(fileURLWithPath: templateDirectory).appendingPathComponent(".lambda-local").path)
    }

    /// The SQLite file, or `in memory`, as the start line shows it.
    public var description: String {
        switch self {
        case .directory(let path): URL(fileURLWithPath: path).appendingPathComponent("tables.sqlite").standardized.path
        case .inMemory: "in memory"
        }
    }

    /// Opens the store here, stamping `region` and `accountID` into table and stream ARNs.
    /// - Throws: ``StateLocationError`` naming the path when the directory or database cannot be opened.
    /// `indexPropagationDelay` makes global secondary index reads lag the table (`--gsi-propagation-delay`);
    /// `streamShardRecords` rolls stream shards over every that many records (`--stream-shard-records`).
    public func openStore(
        region: String, accountID: String, indexPropagationDelay: Duration = .zero, streamShardRecords: Int? = nil
    ) throws(StateLocationError) -> TableStore {
        var configuration = TableStore.Configuration(region: region, accountID: accountID)
        configuration.indexPropagationDelay = indexPropagationDelay
        configuration.streamShardRecords = streamShardRecords
        do {
            switch self {
            case .directory(let path): return try TableStore(stateDirectory: path, configuration: configuration)
            case .inMemory: return try TableStore(inMemory: configuration)
            }
        } catch {
            throw StateLocationError(location: description, underlying: "\(error)")
        }
    }
}

/// The state directory's database cannot be opened.
public struct StateLocationError: Error, CustomStringConvertible, Equatable {
    /// The database file (or `in memory`).
    public let location: String
    /// What SQLite or the file system said.
    public let underlying: String

    public var description: String { "cannot open the table store \"\(location)\": \(underlying)" }
}

extension Workspace {
    /// Opens the table store at `location` with the template's region and account in its ARNs.
    /// - Throws: ``StateLocationError``.
    public func openStore(
        _ location: StateLocation, indexPropagationDelay: Duration = .zero, streamShardRecords: Int? = nil
    ) throws(StateLocationError) -> TableStore {
        try location.openStore(
            region: template.region, accountID: template.accountID, indexPropagationDelay: indexPropagationDelay,
            streamShardRecords: streamShardRecords)
    }
}

extension StateLocation {
    /// The state directory, `nil` in memory.
    public var directoryPath: String? {
        if case .directory(let path) = self { return path }
        return nil
    }
}
