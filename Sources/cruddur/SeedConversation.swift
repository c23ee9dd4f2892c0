/// The conversation `cruddur seed` writes: andrewbrown and bayko planning a local-first Lambda workshop.
enum SeedConversation {
    struct Line {
        let fromAndrew: Bool
        let text: String
    }

    private static func andrew(_ text: String) -> Line { Line(fromAndrew: true, text: text) }
    private static func bayko(_ text: String) -> Line { Line(fromAndrew: false, text: text) }

    static let lines: [Line] = [
        andrew("Morning! Did you get the messaging stream working locally?"),
        bayko("Almost. The inbox rows move, but only for the first record of a batch."),
        andrew("That is the Records[0] bug. The batch size hides it when it is 1."),
        bayko("Right, so the fix is to loop over every record, in order."),
        andrew("And stop at the first failure, so the retry starts from it."),
        bayko("With ReportBatchItemFailures the retry starts exactly there."),
        andrew("What about replays? The stream can deliver a record twice."),
        bayko("Then the row must never move backwards. Compare the sort keys first."),
        andrew("Only if every writer uses the same timestamp format, microseconds included."),
        bayko("UTC, six fractional digits, and +00:00. No naive datetimes anymore."),
        andrew("Good. And the delete and the put go in one transaction now?"),
        bayko("One TransactWriteItems: delete if unchanged, put if the new key is free."),
        andrew("So a crash between the two writes cannot lose a row."),
        bayko("Exactly. Either both happen or neither does."),
        andrew("What if another invocation moved the row already?"),
        bayko("The transaction is cancelled with ConditionalCheckFailed. We re-read and decide."),
        andrew("And if the row is already at a newer message we just call it done."),
        bayko("Yes, that counts as success. Nothing to retry."),
        andrew("How fast are the tests?"),
        bayko("Milliseconds. The harness runs the handler in process against an in-memory table."),
        andrew("No Docker at all?"),
        bayko("None. Not even a port. The template creates the tables."),
        andrew("That will make the workshop much smoother."),
        bayko("I also added a filter so only message inserts reach the function."),
        andrew("Nice, that removes the self-triggered invocations too."),
        bayko("And an on-failure queue for records that keep failing."),
        andrew("Let us demo it live: seed, send, then list the conversations."),
        bayko("Deal. I will prepare the slides tonight."),
        andrew("Perfect. See you at the bootcamp stream tomorrow!"),
        bayko("See you there. Bring coffee."),
    ]
}
