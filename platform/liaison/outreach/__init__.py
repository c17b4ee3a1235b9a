"""Immigration-status outreach tracking (Texas sample, section IV): outreach activities to
the populations the policy names, never any person's status."""
