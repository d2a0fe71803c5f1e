print("tradescope")
