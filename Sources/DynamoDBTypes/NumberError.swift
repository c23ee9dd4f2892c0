/// Why a string is not a DynamoDB number, or why an arithmetic result cannot be stored.
///
/// The descriptions are DynamoDB's own `ValidationException` messages, so the HTTP edge can pass
/// them through unchanged.
public struct NumberError: Error, Sendable, CustomStringConvertible, Equatable {
    /// DynamoDB's message, e.g. `The parameter cannot be converted to a numeric value: abc`.
    public let description: String

    /// Creates an error carrying `description` verbatim.
    public init(description: String) {
        self.description = description
    }

    /// The text is not a decimal number (DynamoDB names the value, without quotes).
    public static func notNumeric(_ text: String) -> NumberError {
        NumberError(description: "The parameter cannot be converted to a numeric value: \(text)")
    }

    /// More than 38 significant digits.
    public static let tooManyDigits = NumberError(
        description: "Attempting to store more than 38 significant digits in a Number")

    /// Magnitude above 9.9999999999999999999999999999999999999E+125.
    public static let overflow = NumberError(
        description: "Number overflow. Attempting to store a number with magnitude larger than supported range")

    /// Non-zero magnitude below 1E-130.
    public static let underflow = NumberError(
        description: "Number underflow. Attempting to store a number with magnitude smaller than supported range")
}
