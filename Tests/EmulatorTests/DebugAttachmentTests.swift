import Testing

@testable import Emulator

/// The `.env` file a function under a debugger is started with.
struct DebugAttachmentTests {
    @Test("plain values stay bare; $, spaces and quotes are quoted so dotenv readers and a shell read them literally")
    func dotenvQuoting() {
        let text = DebugAttachment.dotenv([
            "B": "plain/value:1", "A": "2026/12/04/[$LATEST]abc", "C": "two words", "D": "it's", "E": "",
        ])
        #expect(
            text == """
                A='2026/12/04/[$LATEST]abc'
                B=plain/value:1
                C='two words'
                D="it's"
                E=''

                """)
    }
}
