"""Who has reported a quarter: nil reports, the expected reporters, the reporting window."""
