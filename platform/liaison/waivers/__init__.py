"""Event waivers: versioned waiver text, signing on a phone (guardians for minors), the
signature's audit trail, signed PDFs and receipts, expiry, check-in lists and retention."""
