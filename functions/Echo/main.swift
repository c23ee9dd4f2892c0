import LambdaRuntime

// Echo: answers every invocation with the event's bytes, unchanged.
await LambdaRuntime.runBytes { event, context in
    context.logger.info("echoing \(event.count) bytes")
    return event
}
