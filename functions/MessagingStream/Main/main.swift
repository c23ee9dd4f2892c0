print("MessagingStream: not built yet")
