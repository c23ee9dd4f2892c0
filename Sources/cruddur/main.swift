print("cruddur: not built yet")
