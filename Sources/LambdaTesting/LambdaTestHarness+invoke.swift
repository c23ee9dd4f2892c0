import DynamoDBTypes
import LambdaRuntime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension LambdaTestHarness {
    /// Invokes `handler` as the runtime does: decodes `eventJSON` as its event, calls it with a test context whose
    /// logger records into ``logs``, and returns the output encoded as JSON.
    ///
    /// - Throws: ``LambdaTestingError`` `.unmarshal` / `.marshal` when the event or output does not convert, or the
    ///   handler's own error.
    public func invoke<Handler: LambdaHandler>(
        _ handler: Handler, eventJSON: Data, functionName: String = "TestFunction"
    ) async throws -> Data {
        let event: Handler.Event
        do {
            event = try JSONDecoder().decode(Handler.Event.self, from: eventJSON)
        } catch {
            throw LambdaTestingError(.unmarshal, "Could not decode the event as \(Handler.Event.self): \(error)")
        }
        let context = LambdaContext.test(
            functionName: functionName, region: template.region, accountID: template.accountID,
            logger: logs.logger(label: functionName))
        let output = try await handler.handle(event, context: context)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(output)
        } catch {
            throw LambdaTestingError(.marshal, "Could not encode the output of type \(Handler.Output.self): \(error)")
        }
    }

    /// Invokes `handler` with `event` through JSON, as Lambda would deliver it, and decodes its JSON output.
    ///
    /// - Throws: as ``invoke(_:eventJSON:functionName:)``.
    public func invoke<Handler: LambdaHandler>(
        _ handler: Handler, event: Handler.Event, functionName: String = "TestFunction"
    ) async throws -> Handler.Output where Handler.Event: Encodable, Handler.Output: Decodable {
        let json: Data
        do {
            json = try JSONEncoder().encode(event)
        } catch {
            throw LambdaTestingError(.unmarshal, "Could not encode the event of type \(Handler.Event.self): \(error)")
        }
        return try await decode(invoke(handler, eventJSON: json, functionName: functionName))
    }

    /// Invokes `handler` with the event in `eventFile` (relative to ``eventsDirectory``, or absolute) and decodes
    /// its JSON output.
    ///
    /// - Throws: ``LambdaTestingError`` `.eventFile` when the file cannot be read; otherwise as
    ///   ``invoke(_:eventJSON:functionName:)``.
    public func invoke<Handler: LambdaHandler>(
        _ handler: Handler, eventFile: String, functionName: String = "TestFunction"
    ) async throws -> Handler.Output where Handler.Output: Decodable {
        try await decode(invoke(handler, eventJSON: eventData(eventFile), functionName: functionName))
    }

    /// The bytes of `file` (relative to ``eventsDirectory``, or absolute).
    ///
    /// - Throws: ``LambdaTestingError`` `.eventFile` naming the path.
    public func eventData(_ file: String) throws(LambdaTestingError) -> Data {
        let path = file.hasPrefix("/") ? file : URL(fileURLWithPath: eventsDirectory).appendingPathComponent(file).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LambdaTestingError(.eventFile, "Cannot read the event file \"\(path)\"")
        }
        return data
    }

    /// The stream records of a JSON Lines log (one Lambda-shaped record per line; blank lines skipped).
    ///
    /// - Throws: ``LambdaTestingError`` `.eventFile` naming the file and line that does not decode.
    public func streamRecords(jsonLines file: String) throws(LambdaTestingError) -> [StreamRecord] {
        let data = try eventData(file)
        var records: [StreamRecord] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            do {
                records.append(try JSONDecoder().decode(StreamRecord.self, from: Data(line.utf8)))
            } catch {
                throw LambdaTestingError(
                    .eventFile, "Line \(index + 1) of \"\(file)\" is not a stream record: \(error)")
            }
        }
        return records
    }

    private func decode<Output: Decodable>(_ data: Data) throws(LambdaTestingError) -> Output {
        do {
            return try JSONDecoder().decode(Output.self, from: data)
        } catch {
            throw LambdaTestingError(.marshal, "Could not decode the output as \(Output.self): \(error)")
        }
    }
}
