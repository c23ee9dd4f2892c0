#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one timestamp format every Cruddur writer uses for `sk`: UTC with microseconds and an explicit offset,
/// `2023-03-20T16:08:58.321345+00:00`, so that sort keys order chronologically as strings.
public enum MessageTimestamp {
    /// `date` in the fixed format, rounded to the microsecond.
    public static func string(from date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var (seconds, fraction) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        if fraction < 0 {
            seconds -= 1
            fraction += 1_000_000
        }
        let digits = String(fraction)
        let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(secondsStyle)
        return whole + "." + String(repeating: "0", count: 6 - digits.count) + digits + "+00:00"
    }

    /// The UTC year of `date` (`2023`): the `begins_with` prefix of patterns A and B.
    public static func year(of date: Date) -> String {
        String(string(from: date).prefix(4))
    }

    /// The time of a sort key as `YYYY-MM-DD HH:MM AM/PM` (12-hour clock, zero-padded hour), or nil when `text`
    /// does not start with `YYYY-MM-DDTHH:MM`.
    public static func displayTime(_ text: String) -> String? {
        let characters = Array(text)
        guard characters.count >= 16, characters[4] == "-", characters[7] == "-", characters[10] == "T",
            characters[13] == ":",
            let hour = Int(String(characters[11...12])), (0...23).contains(hour),
            Int(String(characters[14...15])) != nil
        else { return nil }
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        let hourText = twelve < 10 ? "0\(twelve)" : "\(twelve)"
        return String(characters[0...9]) + " " + hourText + ":" + String(characters[14...15])
            + (hour < 12 ? " AM" : " PM")
    }

    private static let secondsStyle = Date.ISO8601FormatStyle(timeZone: .gmt)
        .year().month().day().dateSeparator(.dash).dateTimeSeparator(.standard)
        .time(includingFractionalSeconds: false).timeSeparator(.colon)
}
