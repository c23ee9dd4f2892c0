#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns a `LambdaHandler` into a `ByteLambdaHandler`: decodes the event, encodes the output, and
/// reports failures of either step with AWS's `Runtime.UnmarshalError` / `Runtime.MarshalError` types.
struct CodableHandlerAdapter<Handler: LambdaHandler>: ByteLambdaHandler {
    let handler: Handler

    func handle(_ event: Data, context: LambdaContext) async throws -> Data {
        let decoded: Handler.Event
        do {
            decoded = try JSONDecoder().decode(Handler.Event.self, from: event)
        } catch {
            throw ReportedError(
                errorType: RuntimeAPI.ErrorType.unmarshal,
                errorMessage: "Could not decode the event as \(Handler.Event.self): \(Self.describe(error))"
            )
        }
        let output = try await handler.handle(decoded, context: context)
        if output is EmptyOutput {
            return Data()
        }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .withoutEscapingSlashes
            return try encoder.encode(output)
        } catch {
            throw ReportedError(
                errorType: RuntimeAPI.ErrorType.marshal,
                errorMessage: "Could not encode the output of type \(Handler.Output.self): \(Self.describe(error))"
            )
        }
    }

    /// Describes a decoding or encoding error by its problem and coding path, never by the values involved.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key \"\(key.stringValue)\" at \(path(context.codingPath))"
        case DecodingError.typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.valueNotFound(let type, let context):
            return "expected \(type) but found null at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            return "invalid data at \(path(context.codingPath)): \(context.debugDescription)"
        case EncodingError.invalidValue(_, let context):
            return "invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        default:
            return String(describing: error)
        }
    }

    /// Renders a coding path as a JSON path such as `$.records[2].name`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("$") { path, key in
            if let index = key.intValue {
                return "\(path)[\(index)]"
            }
            return "\(path).\(key.stringValue)"
        }
    }
}
