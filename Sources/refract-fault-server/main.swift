print("fault server placeholder")
