print("embedlab")
