"""Outreach programs and their dated events: the staff console that runs them, the public
list of upcoming events, and sign-ups. Waivers for events live in `liaison.waivers`."""
